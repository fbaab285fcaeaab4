"""The story scorer replays an annotated story through the real pipeline and compares.

A floor on one development story guards against regressions in claim assignment; the
figures themselves are printed by ``python benchmarks/stories.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.stories import score_story, story_folders

STORIES = Path(__file__).parent / "stories"


def test_every_story_has_items_rules_and_annotations() -> None:
    folders = story_folders([], "all")
    assert len(folders) >= 12
    for folder in folders:
        expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        assert "_meta" in expected[0]
        for entry in expected[1:]:
            body = (folder / "items" / entry["file"]).read_text(encoding="utf-8")
            for claim in entry["claims"]:
                assert claim["text_span"] in body, (folder.name, entry["file"])
        assert list((folder / "rules").glob("*.yaml")), folder.name


def test_a_development_story_scores_above_its_floor() -> None:
    folder = STORIES / "dev" / "maroc-seisme-2023"
    score = score_story(folder, misses=True)
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))[1:]
    assert score.gold_claims == sum(len(entry["claims"]) for entry in expected)
    record = score.record()
    assert record["claims_recall"] >= 0.8
    assert record["claims_precision"] >= 0.78
    assert score.negative_alerts == 0
    assert len(score.misses) == score.gold_claims - score.found_claims
    assert all(miss.count("\t") >= 4 for miss in score.misses)  # each with its reason
