"""Amounts with units flow from the extractor through rules to alerts written in French."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from monitor.cli import main
from monitor.models import ArticleInput
from monitor.pipeline import Pipeline
from monitor.rules.loader import load_rules
from monitor.rules.matchers import RuleBook, compile_rules
from monitor.storage import Database
from monitor.storage.schema import AlertRow, ClaimRow
from tests.paths import ROOT

RULES = ROOT / "tests" / "data" / "rules_units"


@pytest.fixture
def units_book() -> RuleBook:
    result = load_rules(RULES)
    assert not result.problems
    return compile_rules(result.rule_sets)


def article(url: str, text: str, day: int) -> ArticleInput:
    published = datetime(2022, 7, day, tzinfo=UTC)
    return ArticleInput(url=url, text=text, title=None, published=published, language="fr")


def summaries(database: Database, ids: list[int]) -> dict[str, str]:
    with database.session() as session:
        rows = session.scalars(select(AlertRow).where(AlertRow.id.in_(ids)))
        return {row.quantity: row.summary for row in rows}


def test_money_and_measures_raise_alerts_in_their_units(
    database: Database, units_book: RuleBook
) -> None:
    pipeline = Pipeline(database, units_book)
    first = pipeline.ingest(
        article(
            "https://ex.fr/a",
            "Les incendies de Gironde ont déjà parcouru 20 800 hectares, selon la préfecture. "
            "Les Canadair ont largué 3 millions de litres d'eau sur le feu de Landiras.",
            18,
        )
    )
    alerts = summaries(database, first.alert_ids)
    assert alerts["burnt_area"] == (
        "Nouveau chiffre : surface brûlée 7\u202f000 ha → 20\u202f800 ha (préfecture), "
        "+13\u202f800 ha (+197,1\u202f%)"
    )
    assert alerts["water"].startswith("Premier chiffre : eau larguée 3\u202f000\u202f000 l")
    later = pipeline.ingest(
        article(
            "https://ex.fr/b",
            "Après les incendies de Gironde, le coût des dégâts est désormais estimé entre "
            "120 et 150 millions d'euros, selon France Assureurs.",
            25,
        )
    )
    assert summaries(database, later.alert_ids)["damage_cost"].startswith(
        "Nouveau chiffre (révision) : coût des dégâts 87 M€ → 120–150 M€ (assureurs)"
    )
    with database.session() as session:
        units = {
            row.quantity: (row.unit, row.currency) for row in session.scalars(select(ClaimRow))
        }
    assert units["damage_cost"] == ("money", "EUR")
    assert units["burnt_area"] == ("area", None)


def test_a_figure_in_another_unit_never_goes_to_a_quantity(
    database: Database, units_book: RuleBook
) -> None:
    pipeline = Pipeline(database, units_book)
    pipeline.ingest(
        article(
            "https://ex.fr/c",
            "En Gironde, 20 % des habitants de Landiras ont été évacués à cause du feu, "
            "et l'incendie a détruit 2 000 hectares de forêt.",
            19,
        )
    )
    with database.session() as session:
        rows = list(session.scalars(select(ClaimRow).where(ClaimRow.quantity.is_not(None))))
    assigned = {(row.value_text, row.quantity) for row in rows}
    assert not any(text.startswith("20") and quantity == "evacuated" for text, quantity in assigned)
    assert ("2 000 hectares", "burnt_area") in assigned


def test_known_and_claims_lists_write_figures_as_the_press_does(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'units.db'}"
    runner = CliRunner()
    known = runner.invoke(main, ["known", "list", "--db", url, "--rules", str(RULES)])
    assert known.exit_code == 0, known.output
    assert "incendie/damage_cost: 87 M€ (exact), assureurs" in known.output
    assert "incendie/burnt_area: 7\u202f000 ha (exact), préfecture" in known.output
    assert "e+" not in known.output
    page = tmp_path / "article.txt"
    page.write_text(
        "Incendies en Gironde : le coût des dégâts estimé à 120 millions d'euros\n\n"
        "Après les incendies de Gironde, le coût des dégâts est désormais estimé entre "
        "120 et 150 millions d'euros, selon France Assureurs.\n",
        encoding="utf-8",
    )
    replay = runner.invoke(main, ["replay", str(tmp_path), "--db", url, "--rules", str(RULES)])
    assert replay.exit_code == 0, replay.output
    claims = runner.invoke(main, ["claims", "list", "--db", url, "--rules", str(RULES)])
    assert (
        "damage_cost: entre 120 et 150 millions d'euros (read as 120–150 M€, range)"
        in claims.output
    )
