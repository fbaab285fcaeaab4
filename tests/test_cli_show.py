"""``monitor alerts show`` and ``monitor articles list`` on a real replay of the seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from monitor.cli import main
from tests.delivery.conftest import WebhookReceiver, receiver  # noqa: F401  (fixture)
from tests.paths import RULES, SEEDS

NARROW = "\u202f"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, list[dict]]:
    database_url = f"sqlite:///{tmp_path_factory.mktemp('show') / 'monitor.db'}"
    code, output, _ = run(
        "replay", str(SEEDS), "--db", database_url, "--rules", str(RULES), "--json"
    )
    assert code == 0, output
    return database_url, [json.loads(line) for line in output.splitlines()]


def killed_alert(alerts: list[dict]) -> dict:
    return next(a for a in alerts if a["quantity"] == "killed" and a["kind"] == "new_figure")


def test_alerts_show_prints_figures_sentences_articles_and_rule(seeded) -> None:
    database_url, alerts = seeded
    alert = killed_alert(alerts)
    code, output, errors = run("alerts", "show", str(alert["id"]), "--db", database_url)
    assert code == 0 and errors == ""
    lines = output.splitlines()
    assert lines[0] == f"Alerte n° {alert['id']} — {alert['summary']}"
    assert "Type : Nouveau chiffre (new_figure)" in lines
    assert "Sujet : coree-du-nord-russie, quantité killed" in lines
    assert "État : à traiter" in lines
    assert f"Règle : {alert['rule_file']}, ligne {alert['rule_line']}" in lines
    assert lines[lines.index("Type : Nouveau chiffre (new_figure)") + 2].startswith("Levée le ")
    new_line = next(line for line in lines if line.startswith("Nouveau chiffre : "))
    assert new_line.startswith("Nouveau chiffre : 600 (écrit « 600 », exact) ; source : CNN")
    previous = next(line for line in lines if line.startswith("Chiffre précédent : "))
    assert previous.startswith(
        "Chiffre précédent : environ 300 (écrit « environ 300 », environ) ; source : NIS"
    )
    assert f"  « {alert['sentence']} »" in lines
    assert f"  « {alert['previous']['sentence']} »" in lines
    # Articles in Europe/Paris time: 2025-07-01T22:00Z is 2 July, midnight in Paris.
    assert (
        "  Article : Guerre en Ukraine : un allié de la Russie lui procure 30 000 soldats, "
        "publié le 02/07/2025 00:00"
    ) in lines
    assert "    fixture:seeds/004_7a69544080bf7211.txt" in lines
    assert "Autres articles qui donnent ce chiffre : aucun pour l'instant." in lines
    assert lines[-1] == "Envois : aucun canal d'envoi."
    assert "e+" not in output and "e-0" not in output


def test_alerts_show_lists_evidence_and_marks(seeded) -> None:
    database_url, alerts = seeded
    alert = next(a for a in alerts if len(a["evidence"]) >= 2)
    code, _, _ = run("alerts", "ack", str(alert["id"]), "--db", database_url)
    assert code == 0
    code, output, _ = run("alerts", "show", str(alert["id"]), "--db", database_url)
    lines = output.splitlines()
    assert code == 0
    assert f"Autres articles qui donnent ce chiffre ({len(alert['evidence'])}) :" in lines
    for url in alert["evidence"]:
        assert f"    {url}" in lines
    assert any(line.startswith("État : acquittée le ") for line in lines)
    assert f"{NARROW}000" in output  # French figures, never 1.1e+04


def test_alerts_show_json_is_one_object_with_article_and_deliveries(seeded) -> None:
    database_url, alerts = seeded
    alert = killed_alert(alerts)
    code, output, _ = run("alerts", "show", str(alert["id"]), "--json", "--db", database_url)
    assert code == 0
    [line] = output.splitlines()
    record = json.loads(line)
    assert record["id"] == alert["id"] and record["summary"] == alert["summary"]
    assert record["new"]["low"] == 600.0 and record["previous"]["value"] == 300.0
    assert record["article"]["url"] == "fixture:seeds/004_7a69544080bf7211.txt"
    assert record["article"]["published"] == "2025-07-01T22:00:00Z"
    assert record["evidence_articles"] == [] and record["deliveries"] == []


def test_alerts_show_of_an_unknown_id_is_an_error_without_traceback(seeded) -> None:
    database_url, _ = seeded
    code, output, errors = run("alerts", "show", "999999", "--db", database_url)
    assert code == 1
    assert output == ""
    assert errors == "Error: no alert #999999 (see: monitor alerts list)\n"


def test_articles_list_json_gives_the_seed_articles_newest_first(seeded) -> None:
    database_url, _ = seeded
    code, output, _ = run("articles", "list", "--json", "--db", database_url)
    assert code == 0
    articles = [json.loads(line) for line in output.splitlines()]
    assert [a["url"].removeprefix("fixture:seeds/")[:3] for a in articles] == [
        "004", "001", "000", "002", "003",
    ]  # fmt: skip
    assert [a["published"][:10] for a in articles] == [
        "2025-07-01", "2025-02-04", "2024-11-19", "2024-10-23", "2024-10-17",
    ]  # fmt: skip
    # Replay reported 33 claims and 17 alerts for the five seeds.
    assert sum(a["claims"] for a in articles) == 33
    assert sum(a["alerts"] for a in articles) == 17
    assert all(a["tracked_claims"] <= a["claims"] and a["language"] == "fr" for a in articles)
    assert all(a["near_copy_of"] is None for a in articles)
    assert (
        articles[0]["title"]
        == "Guerre en Ukraine : un allié de la Russie lui procure 30 000 soldats"
    )


def test_articles_list_lines_filters_and_limit(seeded) -> None:
    database_url, _ = seeded
    code, output, errors = run("articles", "list", "--db", database_url, "--limit", "2")
    assert code == 0
    lines = output.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(
        "#5 02/07/2025 00:00 Guerre en Ukraine : un allié de la Russie lui procure 30 00… [fr] "
    )
    assert lines[0].endswith(" — fixture:seeds/004_7a69544080bf7211.txt")
    assert errors == "2 of 5 articles shown (--limit N shows more).\n"
    code, output, _ = run("articles", "list", "--db", database_url, "--since", "2025-01-01")
    assert [line.split()[0] for line in output.splitlines()] == ["#5", "#4"]
    code, output, _ = run("articles", "list", "--db", database_url, "--topic", "nothing")
    assert code == 0 and output == "No article.\n"
    code, _, errors = run("articles", "list", "--db", database_url, "--since", "1/2/2025")
    assert code == 2 and errors == "Error: --since '1/2/2025': expected a date YYYY-MM-DD\n"


def test_articles_list_counts_claims_per_article(seeded) -> None:
    database_url, _ = seeded
    code, output, _ = run(
        "articles", "list", "--json", "--topic", "coree-du-nord-russie", "--db", database_url
    )
    assert code == 0
    by_url = {json.loads(line)["url"]: json.loads(line) for line in output.splitlines()}
    assert len(by_url) == 5
    code, output, _ = run("claims", "list", "--unassigned", "--json", "--db", database_url)
    assert code == 0
    claims = [json.loads(line) for line in output.splitlines()]
    for url, article in by_url.items():
        assert article["claims"] == sum(c["article_url"] == url for c in claims)


def test_articles_list_marks_near_copies_and_puts_undated_last(
    database_url: str, tmp_path: Path
) -> None:
    copies = tmp_path / "reprises"
    copies.mkdir()
    (copies / "reprise.txt").write_bytes((SEEDS / "004_7a69544080bf7211.txt").read_bytes())
    for folder in (SEEDS, copies):
        code, output, _ = run("replay", str(folder), "--db", database_url, "--rules", str(RULES))
        assert code == 0, output
    code, output, _ = run("articles", "list", "--json", "--db", database_url)
    assert code == 0
    articles = [json.loads(line) for line in output.splitlines()]
    original, copy = articles[0], articles[-1]
    assert original["url"] == "fixture:seeds/004_7a69544080bf7211.txt"
    assert copy["url"] == "fixture:reprises/reprise.txt" and copy["published"] is None
    assert copy["near_copy_of"] == original["id"] and copy["claims"] == 0
    code, output, _ = run("articles", "list", "--db", database_url)
    title = copy["title"][:59] + "…"  # titles are cut to 60 characters
    assert output.splitlines()[-1] == (
        f"#{copy['id']} undated          {title} [fr] 0 claims (0 tracked), 0 alerts, "
        f"near copy of #{original['id']} — fixture:reprises/reprise.txt"
    )


def test_json_fields_of_the_new_outputs_are_documented(seeded) -> None:
    from tests.paths import ROOT

    reference = (ROOT / "docs" / "json.md").read_text()
    database_url, alerts = seeded
    code, output, _ = run("articles", "list", "--json", "--limit", "1", "--db", database_url)
    assert code == 0
    keys = set(json.loads(output))
    code, output, _ = run("alerts", "show", str(alerts[0]["id"]), "--json", "--db", database_url)
    assert code == 0
    record = json.loads(output)
    keys |= set(record) | set(record["article"])
    missing = sorted(key for key in keys if f"`{key}`" not in reference)
    assert missing == [], "document these fields in docs/json.md"


def test_alerts_show_gives_each_channels_delivery(
    tmp_path: Path,
    receiver: WebhookReceiver,  # noqa: F811
) -> None:
    config = tmp_path / "settings.yaml"
    config.write_text(
        yaml.safe_dump(
            {
                "database_url": str(tmp_path / "monitor.db"),
                "rules_dir": str(RULES),
                "channels": [{"name": "hook", "kind": "webhook", "url": receiver.url}],
                "delivery": {"allowed_networks": ["127.0.0.0/8"]},
            }
        )
    )
    code, output, _ = run("replay", str(SEEDS), "--config", str(config), "--json")
    assert code == 0
    alert = killed_alert([json.loads(line) for line in output.splitlines()])
    code, output, _ = run("alerts", "show", str(alert["id"]), "--config", str(config))
    assert output.splitlines()[-2:] == ["Envois (1) :", "  - hook : en attente (0 tentative)"]
    receiver.fail(1, status=400, body="nope")
    code, _, _ = run("deliver", "--config", str(config))
    assert code == 1
    code, output, _ = run("alerts", "show", str(alert["id"]), "--config", str(config))
    assert output.splitlines()[-1] == (
        "  - hook : en échec (1 tentative) — HTTP 400 Bad Request: nope"
    )
    code, output, _ = run("alerts", "show", str(alert["id"]), "--json", "--config", str(config))
    [delivery] = json.loads(output)["deliveries"]
    assert delivery["channel"] == "hook" and delivery["status"] == "failed"
    assert delivery["attempts"] == 1 and delivery["error"] == "HTTP 400 Bad Request: nope"


def test_alerts_show_of_an_operator_alert(database_url: str) -> None:
    from datetime import UTC, datetime

    from monitor.operator import OperatorProblem, reconcile
    from monitor.settings import load_settings
    from monitor.storage import open_database

    database = open_database(database_url)
    problem = OperatorProblem("rules:rules/x.yaml", "fichier de règles invalide : x.yaml:3:1")
    now = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    reconcile(
        database, load_settings(database_url=database_url), [problem], scope="rules:", now=now
    )
    database.dispose()
    code, output, errors = run("alerts", "list", "--json", "--db", database_url)
    [alert] = [json.loads(line) for line in output.splitlines()]
    code, output, errors = run("alerts", "show", str(alert["id"]), "--db", database_url)
    assert code == 0 and errors == ""
    assert output == (
        f"Alerte n° {alert['id']} — Problème : fichier de règles invalide : x.yaml:3:1\n"
        "Type : operator\n"
        "Sujet : monitor\n"
        "Levée le 01/03/2026 13:00 (heure de Paris)\n"
        "État : à traiter\n"
        "\n"
        "Envois : aucun canal d'envoi.\n"
    )
