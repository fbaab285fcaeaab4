"""``monitor rules``: check rule files (and run their examples), export the schema."""

from __future__ import annotations

import json
from pathlib import Path

import click

from monitor.cli.options import config_option


@click.group()
def rules() -> None:
    """Check rule files and export their schema."""


@rules.command("check")
@click.argument("directory", required=False, type=click.Path(path_type=Path))
@click.option(
    "--rules",
    "rules_dir",
    type=click.Path(path_type=Path),
    help="The rules folder, as the other commands take it (same as DIRECTORY).",
)
@config_option
def rules_check(directory: Path | None, rules_dir: Path | None, config_file: Path | None) -> None:
    """Validate every rule file in DIRECTORY or --rules (default: the rules folder).

    Lists every problem as file:line:column: field: message and exits 2 if any. The
    files' example sentences are run through the extractor and must give the figures
    they list.
    """
    from monitor.errors import RuleError
    from monitor.rules.examples import count_examples, run_examples
    from monitor.rules.loader import load_rules
    from monitor.rules.matchers import compile_rules
    from monitor.settings import load_settings

    if directory is not None and rules_dir is not None and directory != rules_dir:
        raise click.UsageError("give the rules folder once: DIRECTORY or --rules")
    settings = load_settings(config_file, rules_dir=directory or rules_dir)
    result = load_rules(settings.rules_dir, channels=settings.channel_names or None)
    if result.problems:
        raise RuleError(result.problems)
    if count_examples(result.rule_sets):
        # Imported here: the French model loads in seconds, and only examples need it.
        from monitor.claims.extractor import find_claims

        book = compile_rules(result.rule_sets, default_tolerance=settings.approx_tolerance)
        failures = run_examples(book, result.rule_sets, find_claims)
        if failures:
            raise RuleError(failures)
    for rule_set in result.rule_sets:
        rules = rule_set.rules
        examples = f", {len(rules.examples)} examples pass" if rules.examples else ""
        click.echo(
            f"{rule_set.display_path}: ok (topic {rules.topic.id}, "
            f"{len(rules.quantities)} quantities, {len(rules.known)} known claims{examples})"
        )


@rules.command("schema")
def rules_schema() -> None:
    """Print the JSON Schema of rule files (for editors)."""
    from monitor.rules.schema import RuleFile

    click.echo(json.dumps(RuleFile.model_json_schema(), indent=2, ensure_ascii=False))
