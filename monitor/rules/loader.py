"""Reading rule files with positions, so every problem says ``file:line:column: field``.

Loading is staged: YAML syntax, then the schema (every error of a file at once), then
checks inside a file (known claims naming unknown quantities), then checks across files
(duplicate topic ids, unknown channels). A broken file is reported and skipped; a key
the format does not know is reported and left out, and the rest of its file works; the
others still load.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from monitor.errors import Problem
from monitor.rules import schema
from monitor.rules.schema import RuleFile
from monitor.yamlfile import (
    PathKey,
    Position,
    YamlValueError,
    format_field,
    parse_yaml,
    position_of,
)


@dataclass(frozen=True)
class RuleSet:
    """One valid rule file, with where each value was written."""

    path: Path
    rules: RuleFile
    positions: dict[PathKey, Position] = field(repr=False)

    def line_of(self, *key: str | int) -> int:
        return position_of(self.positions, key)[0]

    @property
    def display_path(self) -> str:
        return display(self.path)


@dataclass
class LoadResult:
    rule_sets: list[RuleSet]
    problems: list[Problem]
    broken_files: list[Path]

    @property
    def ok(self) -> bool:
        return not self.problems


# Every key a rule file may hold, for "did you mean" hints.
_KNOWN_KEYS = sorted(
    {
        field.alias or name
        for model in vars(schema).values()
        if isinstance(model, type) and issubclass(model, BaseModel) and model is not BaseModel
        for name, field in model.model_fields.items()
    }
)


def display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def rule_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.iterdir() if p.suffix in {".yaml", ".yml"})


def load_rules(directory: Path, *, channels: Sequence[str] | None = None) -> LoadResult:
    """Load every ``*.yaml`` in ``directory``; problems are collected, not raised."""
    if not directory.is_dir():
        problem = Problem(
            path=display(directory),
            message="rules directory not found",
            hint="pass --rules DIR or set MONITOR_RULES_DIR",
        )
        return LoadResult([], [problem], [directory])
    return load_rule_files(rule_files(directory), channels=channels)


def load_rule_files(paths: Iterable[Path], *, channels: Sequence[str] | None = None) -> LoadResult:
    rule_sets: list[RuleSet] = []
    problems: list[Problem] = []
    broken: list[Path] = []
    for path in paths:
        rule_set, file_problems = load_rule_file(path)
        if rule_set is None:
            broken.append(path)
        else:
            rule_sets.append(rule_set)
        problems.extend(file_problems)
    cross_problems, cross_broken = check_across(rule_sets, channels)
    problems.extend(cross_problems)
    broken.extend(cross_broken)
    rule_sets = [rule_set for rule_set in rule_sets if rule_set.path not in cross_broken]
    problems.sort(key=Problem.sort_key)
    return LoadResult(rule_sets, problems, broken)


def load_rule_file(path: Path) -> tuple[RuleSet | None, list[Problem]]:
    name = display(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(name, f"cannot read: {exc.strerror}")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        problem = Problem(
            name,
            f"not UTF-8 text (byte {raw[exc.start]:#04x})",
            line=raw.count(b"\n", 0, exc.start) + 1,
            column=exc.start - raw.rfind(b"\n", 0, exc.start),
            hint="save it as UTF-8",
        )
        return None, [problem]
    try:
        data, positions = parse_yaml(text)
    except YamlValueError as exc:
        return None, [Problem(name, exc.message, line=exc.line, column=exc.column)]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        message = f"invalid YAML: {exc.problem or exc.context}"
        opened, context = exc.context_mark, exc.context or ""
        if (
            opened is not None
            and mark is not None
            and opened.line < mark.line
            and "flow" in context
        ):
            # "[soldat" then a new line: the bracket left open is the mistake, not the
            # line where the parser noticed it.
            line, column = opened.line + 1, opened.column + 1
            message += f" (the {context.split()[-1]} opened here is not closed)"
        return None, [Problem(name, message, line=line, column=column)]
    if not isinstance(data, dict):
        found = "an empty file" if data is None else f"a {type(data).__name__}"
        return None, [Problem(name, f"expected a mapping with topic and quantities, got {found}")]
    unknown: list[Problem] = []
    try:
        rules = RuleFile.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        if not all(error["type"] == "extra_forbidden" for error in errors):
            return None, [schema_problem(name, error, positions) for error in errors]
        # Only keys the format does not know: each is reported (with the key meant, when
        # one is close) and left out, and the rest of the file keeps working.
        unknown = [schema_problem(name, error, positions, left_out=True) for error in errors]
        for error in errors:
            _drop(data, tuple(error["loc"]))
        try:
            rules = RuleFile.model_validate(data)
        except ValidationError as again:
            return None, [schema_problem(name, error, positions) for error in again.errors()]
    rule_set = RuleSet(path, rules, positions)
    problems = check_within(rule_set)
    return (None if problems else rule_set), unknown + problems


def _drop(data: Any, location: tuple[Any, ...]) -> None:
    """Remove the value at ``location`` (a key path into the parsed YAML)."""
    node = data
    for part in location[:-1]:
        node = node[part]
    if isinstance(node, dict):
        node.pop(location[-1], None)


def schema_problem(
    name: str, error: Any, positions: dict[PathKey, Position], *, left_out: bool = False
) -> Problem:
    """A schema error at its place; ``left_out`` says an unknown key was dropped, not fatal."""
    location: PathKey = tuple(part for part in error["loc"] if not str(part).startswith("function"))
    line, column = position_of(positions, location)
    field_name = format_field(location)
    message = error["msg"]
    given = error.get("input")
    if error["type"] == "extra_forbidden":
        message = "unknown key"
        if left_out:
            message += ", left out (the rest of the file is used)"
    if not left_out and error["type"] != "missing" and isinstance(given, str | int | float | bool):
        message += f", got {given!r}"
    hint = None
    if error["type"] == "extra_forbidden" and location:
        close = difflib.get_close_matches(str(location[-1]), _KNOWN_KEYS, n=1, cutoff=0.7)
        if close:
            hint = f"did you mean `{close[0]}`?"
    return Problem(name, message, line=line, column=column, field=field_name or None, hint=hint)


def check_within(rule_set: RuleSet) -> list[Problem]:
    rules = rule_set.rules
    name = rule_set.display_path
    source_names = {source.name for source in rules.sources}
    problems: list[Problem] = []
    for index, known in enumerate(rules.known):
        problems.extend(_unknown_quantity(rule_set, ("known", index, "quantity"), known.quantity))
        if known.source is not None and source_names and known.source not in source_names:
            line, column = position_of(rule_set.positions, ("known", index, "source"))
            problems.append(
                Problem(
                    name,
                    f"unknown source {known.source!r}",
                    line=line,
                    column=column,
                    field=f"known[{index}].source",
                    hint="declare it under sources, or use one of: "
                    + ", ".join(sorted(source_names)),
                )
            )
    problems.extend(_duplicate_quantities(rule_set))
    problems.extend(_bad_patterns(rule_set))
    for index, example in enumerate(rules.examples):
        for number, given in enumerate(example.gives):
            key = ("examples", index, "gives", number, "quantity")
            problems.extend(_unknown_quantity(rule_set, key, given.quantity))
    return problems


def _duplicate_quantities(rule_set: RuleSet) -> list[Problem]:
    first: dict[str, int] = {}
    problems = []
    for index, quantity in enumerate(rule_set.rules.quantities):
        if quantity.id in first:
            line, column = position_of(rule_set.positions, ("quantities", index, "id"))
            first_line = position_of(rule_set.positions, ("quantities", first[quantity.id], "id"))
            problems.append(
                Problem(
                    rule_set.display_path,
                    f"quantity id {quantity.id!r} is used twice (first at line {first_line[0]})",
                    line=line,
                    column=column,
                    field=f"quantities[{index}].id",
                    hint="give each quantity its own id",
                )
            )
        else:
            first[quantity.id] = index
    return problems


def _bad_patterns(rule_set: RuleSet) -> list[Problem]:
    """Every ``re:`` term that is not a valid regular expression, at its place."""
    rules = rule_set.rules
    places: list[tuple[tuple[str | int, ...], str]] = []
    match = rules.topic.match
    for group_index, group in enumerate(match.all):
        places += [(("topic", "match", "all", group_index, i), t) for i, t in enumerate(group)]
    places += [(("topic", "match", "any", i), t) for i, t in enumerate(match.any)]
    places += [(("topic", "match", "none", i), t) for i, t in enumerate(match.none)]
    for q_index, quantity in enumerate(rules.quantities):
        for field_name in ("context", "exclude", "events", "nouns", "predicates"):
            terms = getattr(quantity, field_name)
            places += [(("quantities", q_index, field_name, i), t) for i, t in enumerate(terms)]
    problems = []
    for key, term in places:
        if not term.startswith("re:"):
            continue
        try:
            re.compile(term[3:])
        except re.error as exc:
            line, column = position_of(rule_set.positions, key)
            problems.append(
                Problem(
                    rule_set.display_path,
                    f"{term!r} is not a valid regular expression: {exc}",
                    line=line,
                    column=column,
                    field=format_field(key),
                    hint="fix the pattern, or drop the re: prefix to match the words as written",
                )
            )
    return problems


def _unknown_quantity(
    rule_set: RuleSet, key: tuple[str | int, ...], quantity: str
) -> list[Problem]:
    quantity_ids = {quantity.id for quantity in rule_set.rules.quantities}
    if quantity in quantity_ids:
        return []
    line, column = position_of(rule_set.positions, key)
    field = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in key)
    return [
        Problem(
            rule_set.display_path,
            f"unknown quantity {quantity!r} (expected one of: {', '.join(sorted(quantity_ids))})",
            line=line,
            column=column,
            field=field.lstrip("."),
        )
    ]


def check_across(
    rule_sets: list[RuleSet], channels: Sequence[str] | None
) -> tuple[list[Problem], list[Path]]:
    problems: list[Problem] = []
    broken: list[Path] = []
    first_by_topic: dict[str, RuleSet] = {}
    for rule_set in rule_sets:
        topic_id = rule_set.rules.topic.id
        first = first_by_topic.setdefault(topic_id, rule_set)
        if first is not rule_set:
            line, column = position_of(rule_set.positions, ("topic", "id"))
            problems.append(
                Problem(
                    rule_set.display_path,
                    f"topic id {topic_id!r} is already used by "
                    f"{first.display_path}:{first.line_of('topic', 'id')}",
                    line=line,
                    column=column,
                    field="topic.id",
                )
            )
            broken.append(rule_set.path)
        routes = rule_set.rules.alerting.channels
        if channels is None or routes is None:
            continue
        for kind, names in routes.items():
            for index, channel in enumerate(names):
                if channel not in channels:
                    line, column = position_of(
                        rule_set.positions, ("alerting", "channels", str(kind), index)
                    )
                    known = ", ".join(channels) or "none are configured"
                    problems.append(
                        Problem(
                            rule_set.display_path,
                            f"unknown channel {channel!r} (settings declare: {known})",
                            line=line,
                            column=column,
                            field=f"alerting.channels.{kind}[{index}]",
                        )
                    )
    return problems, broken
