"""The seed replay raises the alerts an analyst expects, and only those (golden file).

Set MONITOR_UPDATE_GOLDEN=1 to rewrite tests/golden/seed_alerts.txt after an intended
change; the diff then shows in review.
"""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor.cli import main
from tests.paths import RULES, SEEDS

GOLDEN = Path(__file__).parent / "golden" / "seed_alerts.txt"


@pytest.fixture(scope="module")
def alerts(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    database = tmp_path_factory.mktemp("seeds") / "monitor.db"
    result = CliRunner().invoke(
        main, ["replay", str(SEEDS), "--db", str(database), "--rules", str(RULES), "--json"]
    )
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def find(alerts: list[dict], kind: str, quantity: str) -> list[dict]:
    return [a for a in alerts if a["kind"] == kind and a["quantity"] == quantity]


def seed(alert: dict) -> str:
    return alert["article_url"].removeprefix("fixture:seeds/")[:3]


def test_first_figures_for_troops_killed_and_wounded(alerts: list[dict]) -> None:
    for quantity in ("troops_deployed", "killed", "wounded"):
        assert find(alerts, "new_quantity", quantity), quantity
    [killed] = find(alerts, "new_quantity", "killed")
    assert seed(killed) == "001" and killed["new"]["value"] == 300
    [wounded] = find(alerts, "new_quantity", "wounded")
    assert seed(wounded) == "001" and wounded["new"]["value"] == 2700


def test_killed_300_to_600_and_wounded_2700_to_4000(alerts: list[dict]) -> None:
    [killed] = find(alerts, "new_figure", "killed")
    assert seed(killed) == "004" and killed["direction"] == "up"
    assert (killed["previous"]["value"], killed["new"]["value"]) == (300, 600)
    assert killed["new"]["source"] == "CNN"
    [wounded] = find(alerts, "new_figure", "wounded")
    assert (wounded["previous"]["value"], wounded["new"]["value"]) == (2700, 4000)


def test_25000_to_30000_additional_troops_is_a_new_planned_figure(alerts: list[dict]) -> None:
    [planned] = [a for a in find(alerts, "new_figure", "troops_planned") if seed(a) == "004"]
    assert (planned["new"]["low"], planned["new"]["high"]) == (25000, 30000)
    assert planned["new"]["qualifier"] == "range" and planned["new"]["modality"] == "planned"
    assert planned["direction"] == "up"


def test_budanov_contradicts_the_reported_withdrawal_from_kursk(alerts: list[dict]) -> None:
    [kursk] = find(alerts, "contradiction", "troops_kursk")
    assert seed(kursk) == "001" and kursk["reason"] == "denial"
    assert (kursk["new"]["low"], kursk["new"]["high"]) == (None, 8000)
    assert kursk["new"]["source"] == "HUR"
    assert "Koursk" in kursk["sentence"]


def test_no_alert_from_calibres_years_dates_or_model_names(alerts: list[dict]) -> None:
    stated = {a["new"]["value_text"] for a in alerts}
    for not_a_count in ("170", "240", "2024", "2025", "1er", "24", "29", "7", "23", "1989", "1991"):
        assert not any(text.strip().startswith(not_a_count) for text in stated), not_a_count
    values = {a["new"]["value"] for a in alerts}
    assert not values & {170, 240, 2024, 2025, 1, 24, 29, 7, 23, 1989, 1991}


def render(alerts: list[dict]) -> str:
    return "".join(
        f"{seed(a)} {a['kind']:<13} {a['quantity']:<20} {a['summary']}\n" for a in alerts
    )


def test_the_full_alert_list_is_pinned(alerts: list[dict]) -> None:
    actual = render(alerts)
    if os.environ.get("MONITOR_UPDATE_GOLDEN"):
        GOLDEN.write_text(actual, encoding="utf-8")
    expected = GOLDEN.read_text(encoding="utf-8")
    diff = "".join(
        difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            fromfile=str(GOLDEN),
            tofile="seed replay now",
        )
    )
    assert not diff, f"the seed alerts changed (MONITOR_UPDATE_GOLDEN=1 to accept):\n{diff}"
