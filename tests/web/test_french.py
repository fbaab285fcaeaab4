"""The desk shows the reasoning of ``monitor explain`` in French."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.claims.extractor import find_claims
from monitor.explain import explain
from monitor.rules.loader import load_rules
from monitor.rules.matchers import compile_rules
from monitor.web.french import describe_in_french, reason_in_french

STORIES = Path(__file__).parents[1] / "stories" / "dev"
ENGLISH = ("fits", "counted by", "the figure", "nothing in", "none of", "is excluded", "which is")


@pytest.mark.parametrize(
    ("english", "french"),
    [
        ("fits: counted by its noun", "convient : compté par son nom"),
        (
            "fits (its verb elsewhere in the sentence): counted by a word of its clause",
            "convient (son verbe est ailleurs dans la phrase) : compté par un mot de sa "
            "proposition",
        ),
        (
            "it counts «civils», which is none of its nouns (soldat, militaire)",
            "il compte « civils », qui n'est aucun de ses noms (soldat, militaire)",
        ),
        (
            "the figure is money (EUR), this quantity counts a count",
            "le chiffre est une somme (EUR), cette quantité compte un nombre",
        ),
        ("«en Libye» is excluded", "« en Libye » est exclu"),
        (
            "nothing in the figure's clause says what happened (tuer, mourir)",
            "rien dans la proposition du chiffre ne dit ce qu'il s'est passé (tuer, mourir)",
        ),
    ],
)
def test_reasons_read_in_french(english: str, french: str) -> None:
    assert reason_in_french(english) == french


def test_no_reason_of_the_annotated_stories_stays_in_english() -> None:
    left = set()
    for story in sorted(path for path in STORIES.iterdir() if path.is_dir()):
        book = compile_rules(load_rules(story / "rules").rule_sets)
        for item in sorted((story / "items").glob("*.txt"))[:4]:
            title, _, body = item.read_text(encoding="utf-8").partition("\n")
            _, explanations = explain(book, find_claims, body, title=title)
            for explanation in explanations:
                for line in describe_in_french(explanation):
                    left.update(line for word in ENGLISH if word in line)
    assert not left, sorted(left)[:5]
