"""The CLI end to end: replay the seeds, JSON contract, idempotence, listings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from sqlalchemy import select

from monitor.cli import main
from monitor.storage import Database
from monitor.storage.schema import ArticleRow
from tests.paths import ROOT, RULES, SEEDS

CLAIM_KEYS = {
    "id", "topic", "quantity", "low", "high", "qualifier", "source", "modality",
    "sentence", "article_url", "article_title", "published",
}  # fmt: skip
ALERT_KEYS = {
    "id",
    "kind",
    "topic",
    "quantity",
    "new",
    "previous",
    "article_url",
    "sentence",
    "created",
}


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


@pytest.fixture
def replayed(database_url: str) -> tuple[str, list[dict]]:
    code, output = run("replay", str(SEEDS), "--db", database_url, "--rules", str(RULES), "--json")
    assert code == 0, output
    return database_url, [json.loads(line) for line in output.splitlines()]


def test_replay_json_alerts_follow_the_contract(replayed: tuple[str, list[dict]]) -> None:
    _, alerts = replayed
    assert alerts, "the seeds raise alerts"
    for alert in alerts:
        assert set(alert) >= ALERT_KEYS
        assert set(alert["new"]) >= CLAIM_KEYS
        assert alert["kind"] in {"new_quantity", "new_figure", "contradiction"}
        assert alert["article_url"].startswith("fixture:seeds/")
        assert (
            alert["new"]["sentence"] in alert["sentence"]
            or alert["sentence"] in alert["new"]["sentence"]
        )
        if alert["kind"] == "new_quantity":
            assert alert["previous"] is None
        if alert["kind"] == "new_figure":
            assert alert["previous"] is not None and alert["direction"] in {"up", "down"}


def test_replay_again_raises_nothing(replayed: tuple[str, list[dict]]) -> None:
    database_url, _ = replayed
    code, output = run("replay", str(SEEDS), "--db", database_url, "--rules", str(RULES))
    assert code == 0
    assert (
        output
        == "No alert.\n5 articles read: 0 ingested, 5 already known; 0 claims, 0 new alerts; 0 files could not be read.\n"
    )


def test_alerts_and_claims_listings(replayed: tuple[str, list[dict]]) -> None:
    database_url, alerts = replayed
    code, output = run("alerts", "list", "--db", database_url, "--json")
    assert code == 0
    assert [json.loads(line)["id"] for line in output.splitlines()] == [a["id"] for a in alerts]
    code, output = run("claims", "list", "--db", database_url, "--quantity", "killed", "--json")
    claims = [json.loads(line) for line in output.splitlines()]
    assert claims and all(set(c) >= CLAIM_KEYS and c["quantity"] == "killed" for c in claims)
    assert {c["low"] for c in claims} >= {600.0}
    code, output = run("alerts", "list", "--db", database_url)
    first = output.splitlines()[0]
    assert first.startswith(f"#{alerts[0]['id']} ") and " — fixture:seeds/" in first


def test_accept_and_acknowledge(replayed: tuple[str, list[dict]]) -> None:
    database_url, alerts = replayed
    claim_id = alerts[0]["new"]["id"]
    code, output = run("claims", "accept", str(claim_id), "--db", database_url)
    assert code == 0 and output.startswith(f"claim #{claim_id} accepted as known claim #")
    code, output = run("known", "list", "--db", database_url, "--rules", str(RULES), "--json")
    [known] = [json.loads(line) for line in output.splitlines()]
    assert known["claim_id"] == claim_id and known["origin"] == "accepted"
    code, output = run("alerts", "ack", str(alerts[0]["id"]), "--db", database_url)
    assert code == 0
    code, output = run("alerts", "list", "--unacknowledged", "--db", database_url, "--json")
    assert alerts[0]["id"] not in [json.loads(line)["id"] for line in output.splitlines()]
    code, output = run("alerts", "ack", "999999", "--db", database_url)
    assert code == 1 and output == "Error: no alert #999999 (see: monitor alerts list)\n"


def test_replay_reports_bad_files_and_ingests_the_rest(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "ok.txt").write_text((SEEDS / "001_125bc9ff60828318.txt").read_text())
    code, output = run(
        "replay", str(tmp_path), "--db", str(tmp_path / "m.db"), "--rules", str(RULES)
    )
    assert code == 1
    assert f"error: {tmp_path}/empty.txt: empty file, no article to read" in output
    assert "1 articles read: 1 ingested" in output


def command_paths(group: click.Group = main, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    paths = []
    context = click.Context(group)
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        assert command is not None, name
        if isinstance(command, click.Group):
            paths += command_paths(command, (*prefix, name))
        else:
            paths.append((*prefix, name))
    return paths


def test_every_command_has_help_and_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text()
    paths = command_paths()
    assert len(paths) >= 20
    for path in paths:
        code, output = run(*path, "--help")
        assert code == 0 and output.startswith(f"Usage: main {' '.join(path)}"), path
        # The README's table names every command ("monitor sources list" / "sources add").
        assert f"monitor {path[0]}" in readme and " ".join(path) in readme, path


def test_every_rule_key_is_documented() -> None:
    from monitor.rules.schema import RuleFile

    reference = (ROOT / "docs" / "rules.md").read_text()
    schema = RuleFile.model_json_schema()
    keys = set(schema["properties"])
    for definition in schema["$defs"].values():
        keys |= set(definition.get("properties", {}))
    missing = sorted(key for key in keys if f"`{key}`" not in reference)
    assert missing == [], "document these keys in docs/rules.md"


def test_installed_console_script_runs(tmp_path: Path) -> None:
    env = {**os.environ, "MONITOR_DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}"}
    done = subprocess.run(
        [sys.executable, "-m", "monitor", "rules", "check", str(RULES)],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


def test_explain_of_a_stored_article_says_what_became_of_each_claim(
    replayed: tuple[str, list[dict]],
) -> None:
    database_url, _ = replayed
    code, output = run("alerts", "list", "--db", database_url, "--rules", str(RULES), "--json")
    alerts = [json.loads(line) for line in output.splitlines()]
    killed = next(a for a in alerts if a["quantity"] == "killed" and a["kind"] == "new_figure")
    database = Database(database_url)
    with database.session() as session:
        article_id = session.scalars(
            select(ArticleRow.id).where(ArticleRow.url == killed["article_url"])
        ).one()
    database.dispose()
    code, output = run(
        "explain", "--article", str(article_id), "--db", database_url, "--rules", str(RULES)
    )
    assert code == 0, output
    assert "What became of its claims:" in output
    assert f"«600» (coree-du-nord-russie/killed): alert #{killed['id']} new_figure" in output
    assert "added as its evidence" in output


def test_every_command_is_listed_with_its_own_help() -> None:
    from monitor.cli import COMMANDS, load_command

    for name, (_, short_help) in COMMANDS.items():
        command = load_command(name)
        assert command.name == name
        assert command.get_short_help_str(limit=1000) == short_help, name
    exit_code, output = run("--help")
    assert exit_code == 0
    listed = [line.split()[0] for line in output.split("Commands:")[1].splitlines() if line]
    assert listed == sorted(COMMANDS)


HEAVY = ("sqlalchemy", "alembic", "spacy", "trafilatura", "scrapy", "pydantic", "numpy")


@pytest.mark.parametrize(
    ("arguments", "allowed"),
    [
        (["--help"], set()),
        (["alerts", "--help"], set()),
        (["alerts", "list"], {"sqlalchemy", "pydantic"}),
    ],
)
def test_a_command_imports_only_what_it_uses(
    arguments: list[str], allowed: set[str], tmp_path: Path
) -> None:
    """``monitor --help`` and the listings start fast because they never import the
    pipeline, the French model, the crawler or migrations (alembic, when the database
    is already current)."""
    database = tmp_path / "monitor.db"
    assert run("replay", "--db", str(database), "--rules", str(RULES), str(SEEDS))[0] == 0
    code = (
        "import sys\nfrom monitor.cli import main\ntry:\n    main(sys.argv[1:])\n"
        "except SystemExit:\n    pass\n"
        "print(' '.join(sorted({name.split('.')[0] for name in sys.modules})))"
    )
    environment = {
        **os.environ,
        "MONITOR_DATABASE_URL": str(database),
        "MONITOR_RULES_DIR": str(RULES),
    }
    done = subprocess.run(
        [sys.executable, "-c", code, *arguments],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=environment,
        check=True,
    )
    imported = set(done.stdout.splitlines()[-1].split())
    assert {name for name in HEAVY if name in imported} == allowed


def test_replay_on_several_workers_gives_what_one_process_gives(tmp_path: Path) -> None:
    """Pages and figures read ahead by forked workers, judged in date order: the same
    claims and alerts as a replay in one process, on saved pages and on text."""
    from benchmarks.corpus import generate_corpus, write_html, write_text

    articles = generate_corpus(60, seed=3)
    write_text(articles, tmp_path / "txt")
    write_html(articles, tmp_path / "html")
    results = {}
    for jobs in ("1", "2"):
        database = tmp_path / f"jobs-{jobs}.db"
        code, output = run(
            "replay", "--jobs", jobs, "--db", str(database), "--rules", str(RULES),
            str(tmp_path / "txt"), str(tmp_path / "html"), "--json",
        )  # fmt: skip
        assert code == 0, output
        alerts = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
        code, claims = run("claims", "list", "--db", str(database), "--json", "--unassigned")
        assert code == 0
        results[jobs] = (
            [(a["kind"], a["quantity"], a["new"], a["article_url"]) for a in alerts],
            sorted(
                (c["article_url"], c["sentence"], c["low"], c["quantity"])
                for c in map(json.loads, claims.splitlines())
            ),
        )
    assert results["1"][0], "the corpus raises alerts"
    assert results["2"] == results["1"]


_REPLAY_PARENT = 0


def _dies_at_the_eighth(index: int) -> object:
    """A worker's reading that kills the worker at the eighth article (module level, so
    the pool can name it to its workers)."""
    import monitor.replay

    if index == 7 and os.getpid() != _REPLAY_PARENT:
        os._exit(1)
    return monitor.replay.read_article(index)


def test_a_replay_whose_worker_dies_loses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker killed in the middle (out of memory, a signal): what it had not given back
    is read again in the replay's own process, and every article is judged once."""
    import monitor.replay
    from benchmarks.corpus import generate_corpus, write_text

    write_text(generate_corpus(40, seed=5), tmp_path / "txt")
    monkeypatch.setattr(sys.modules[__name__], "_REPLAY_PARENT", os.getpid())
    monkeypatch.setattr(monitor.replay, "_read", _dies_at_the_eighth)
    outputs = {}
    for jobs in ("1", "2"):
        database = tmp_path / f"jobs-{jobs}.db"
        code, output = run(
            "replay", "--jobs", jobs, "--db", str(database), "--rules", str(RULES),
            str(tmp_path / "txt"), "--json",
        )  # fmt: skip
        assert code == 0, output
        alerts = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
        code, listed = run("articles", "list", "--db", str(database), "--json", "--limit", "100")
        outputs[jobs] = (
            sorted((a["kind"], a["quantity"], str(a["new"]), a["article_url"]) for a in alerts),
            len(listed.splitlines()),
        )
    assert outputs["1"][1] == 40
    assert outputs["2"] == outputs["1"]
