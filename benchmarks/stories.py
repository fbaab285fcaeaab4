"""Score claims and alerts on the annotated stories of ``tests/stories``.

    python benchmarks/stories.py [STORY_DIR ...] [--set dev|heldout|all] [--misses] [--json FILE]

Each story folder holds ``items/`` (one report per file, first line the title),
``expected.json`` (the annotated claims and expected alerts of every item, element 0 the
vocabulary) and ``rules/`` (the topic's rule file, written before the reports were read).
The items are replayed in file order through the real pipeline (rules, claims, engine)
into a fresh SQLite database, then compared with the annotation by item and figure:

- claims: recall and precision of figures that became a claim of a quantity (a figure
  matches by its stated value, within 1 %: quantity ids are the rule file's own), and
  agreement on the qualifier for the matched ones;
- alerts: recall (any kind, and kind-strict) and precision, by kind; alerts raised on the
  near-miss items (``neg_*``), which must be zero;
- with ``--misses``, every missed figure with the reason ``monitor explain`` gives.

Stories under ``tests/stories/heldout`` are kept aside: look at their totals only, never
tune on their misses.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from monitor.models import ArticleInput  # noqa: E402
from monitor.rules.loader import load_rules  # noqa: E402
from monitor.rules.matchers import compile_rules  # noqa: E402

STORIES = ROOT / "tests" / "stories"
UNDATED = "2026-02-01"  # the date ../shared/devset/score.py gives an item without one
KINDS = ("new_quantity", "new_figure", "contradiction")


def close(a: float, b: float, tolerance: float = 0.01) -> bool:
    return abs(a - b) <= tolerance * max(abs(a), abs(b), 1.0)


def _values(*items: Any) -> list[float]:
    out: list[float] = []
    for item in items:
        if isinstance(item, list | tuple):
            out += [float(v) for v in item if isinstance(v, int | float)]
        elif isinstance(item, int | float):
            out.append(float(item))
    return out


@dataclass
class Score:
    story: str
    gold_claims: int = 0
    found_claims: int = 0
    claims: int = 0  # predicted claims with a quantity
    right_claims: int = 0  # of which match a gold figure of their item
    qualifier_agree: int = 0
    gold_alerts: Counter[str] = field(default_factory=Counter)
    found_alerts: Counter[str] = field(default_factory=Counter)
    strict_alerts: Counter[str] = field(default_factory=Counter)
    # Expected kind -> kind raised, for expected alerts found by value.
    kinds_raised: Counter[str] = field(default_factory=Counter)
    alerts: Counter[str] = field(default_factory=Counter)
    right_alerts: Counter[str] = field(default_factory=Counter)
    negative_alerts: int = 0
    misses: list[str] = field(default_factory=list)
    false_alerts: list[str] = field(default_factory=list)
    missed_alerts: list[str] = field(default_factory=list)
    false_claims: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("gold_claims", "found_claims", "claims", "right_claims",
                     "qualifier_agree", "negative_alerts"):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in ("gold_alerts", "found_alerts", "strict_alerts", "alerts", "right_alerts",
                     "kinds_raised"):  # fmt: skip
            getattr(self, name).update(getattr(other, name))

    def record(self) -> dict[str, Any]:
        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 3) if b else None

        return {
            "story": self.story,
            "claims_recall": ratio(self.found_claims, self.gold_claims),
            "claims_precision": ratio(self.right_claims, self.claims),
            "qualifier_agreement": ratio(self.qualifier_agree, self.found_claims),
            "gold_claims": self.gold_claims,
            "alerts_recall": ratio(sum(self.found_alerts.values()), sum(self.gold_alerts.values())),
            "alerts_recall_kind_strict": ratio(
                sum(self.strict_alerts.values()), sum(self.gold_alerts.values())
            ),
            "alerts_precision": ratio(sum(self.right_alerts.values()), sum(self.alerts.values())),
            "alerts_by_kind": {
                kind: {
                    "recall": ratio(self.found_alerts[kind], self.gold_alerts[kind]),
                    "precision": ratio(self.right_alerts[kind], self.alerts[kind]),
                    "expected": self.gold_alerts[kind],
                    "raised": self.alerts[kind],
                }
                for kind in KINDS
            },
            "alerts_on_near_misses": self.negative_alerts,
        }

    def line(self) -> str:
        r = self.record()

        def pct(value: float | None) -> str:
            return "  n/a" if value is None else f"{100 * value:4.0f}%"

        kinds = " ".join(
            f"{kind[4:] if kind != 'contradiction' else 'contra'} "
            f"{pct(r['alerts_by_kind'][kind]['recall'])}/{pct(r['alerts_by_kind'][kind]['precision'])}"
            for kind in KINDS
        )
        return (
            f"{self.story:32} claims R {pct(r['claims_recall'])} P {pct(r['claims_precision'])} "
            f"qual {pct(r['qualifier_agreement'])} ({self.gold_claims:4}) | alerts R "
            f"{pct(r['alerts_recall'])} (kind {pct(r['alerts_recall_kind_strict'])}) P "
            f"{pct(r['alerts_precision'])} | {kinds} | near-miss {self.negative_alerts}"
        )


def score_story(folder: Path, *, misses: bool = False) -> Score:
    from monitor.claims.extractor import find_claims
    from monitor.pipeline import Pipeline
    from monitor.storage import open_database
    from monitor.storage.schema import AlertRow, ArticleRow, ClaimRow

    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))[1:]
    loaded = load_rules(folder / "rules")
    if not loaded.rule_sets:
        raise SystemExit(f"{folder}: no usable rule file: {loaded.problems}")
    book = compile_rules(loaded.rule_sets)
    work = Path(tempfile.mkdtemp(prefix="stories-"))
    try:
        database = open_database(f"sqlite:///{work}/score.db")
        pipeline = Pipeline(database, book, finder=find_claims)
        run_id = pipeline.start_run("replay")

        # As the shared devset scorer replays them: in date order, undated items dated
        # 2026-02-01 (so last), then by file name.
        def replay_order(entry: dict[str, Any]) -> tuple[str, str]:
            return (entry.get("order_date") or UNDATED, entry["file"])

        for entry in sorted(expected, key=replay_order):
            path = folder / "items" / entry["file"]
            title, _, body = path.read_text(encoding="utf-8").partition("\n")
            day = entry.get("order_date") or UNDATED
            published = datetime.fromisoformat(day).replace(hour=12, tzinfo=UTC)
            url = f"https://stories.example/{folder.name}/{entry['file']}"
            pipeline.ingest(
                ArticleInput(url=url, text=body.strip(), title=title.strip(),
                             published=published, outlet=entry.get("outlet")),
                run_id=run_id,
            )  # fmt: skip
        with database.session() as session:
            claims: dict[str, list[ClaimRow]] = defaultdict(list)
            alerts: dict[str, list[tuple[AlertRow, ClaimRow | None]]] = defaultdict(list)
            for row in session.query(ClaimRow).join(ArticleRow):
                if row.quantity:
                    claims[row.article.url.rsplit("/", 1)[1]].append(row)
            for alert in session.query(AlertRow):
                article = session.get(ArticleRow, alert.article_id) if alert.article_id else None
                if article is not None:
                    alerts[article.url.rsplit("/", 1)[1]].append((alert, alert.claim))
            # Measures are stored in base units (m², kg...): compare in the quantity's unit.
            factors = {(t.id, q.id): q.factor for t in book.topics for q in t.quantities}
            score = _compare(folder.name, expected, claims, alerts, factors)
        database.engine.dispose()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if misses and score.misses:
        score.misses = _explain_misses(folder, book, score.misses)
    return score


def _bounds(row: Any, factors: dict[tuple[str, str], float] | None = None) -> list[float]:
    factor = (factors or {}).get((row.topic, row.quantity), 1.0)
    return [value / factor for value in _values(row.value, row.low, row.high)]


def _compare(
    name: str,
    expected: list[dict[str, Any]],
    claims: dict[str, list[Any]],
    alerts: dict[str, list[tuple[Any, Any]]],
    factors: dict[tuple[str, str], float] | None = None,
) -> Score:
    score = Score(name)
    for entry in expected:
        file = entry["file"]
        found = claims.get(file, [])
        used: set[int] = set()
        gold_values: list[float] = []
        for gold in entry["claims"]:
            score.gold_claims += 1
            values = _values(gold.get("low"), gold.get("high"))
            gold_values += values
            hit = next(
                (i for i, row in enumerate(found) if i not in used
                 and any(close(a, b) for a in _bounds(row, factors) for b in values)),
                None,
            )  # fmt: skip
            if hit is None:
                score.misses.append(f"{file}\t{gold['quantity']}\t{values}\t{gold['text_span']}")
                continue
            used.add(hit)
            score.found_claims += 1
            score.qualifier_agree += found[hit].qualifier == gold.get("qualifier")
        score.claims += len(found)
        for row in found:
            if any(close(a, b) for a in _bounds(row, factors) for b in gold_values):
                score.right_claims += 1
            else:
                score.false_claims.append(f"{file}\t{row.quantity}\t«{row.value_text}» {row.noun}")
        raised = alerts.get(file, [])
        for gold in entry["expected_alerts"]:
            kind = gold["kind"]
            score.gold_alerts[kind] += 1
            values = _values(gold.get("value"), gold.get("to"), gold.get("new"))
            matching = [
                alert for alert, claim in raised
                if claim is not None
                and any(close(a, b) for a in _bounds(claim, factors) for b in values)
            ]  # fmt: skip
            if matching:
                score.found_alerts[kind] += 1
                score.strict_alerts[kind] += any(alert.kind == kind for alert in matching)
                raised_kinds = {str(alert.kind) for alert in matching}
                got = kind if kind in raised_kinds else "/".join(sorted(raised_kinds))
                score.kinds_raised[f"{kind} -> {got}"] += 1
            else:
                score.missed_alerts.append(f"{file}\t{kind}\t{gold.get('quantity')}\t{values}")
        allowed = [
            v
            for gold in entry["expected_alerts"] + entry.get("optional_alerts", [])
            for v in _values(gold.get("value"), gold.get("to"), gold.get("new"))
        ]
        for alert, claim in raised:
            score.alerts[alert.kind] += 1
            if entry.get("is_negative"):
                score.negative_alerts += 1
            if claim is not None and any(
                close(a, b) for a in _bounds(claim, factors) for b in allowed
            ):
                score.right_alerts[alert.kind] += 1
            else:
                value = _bounds(claim, factors) if claim is not None else []
                score.false_alerts.append(f"{file}\t{alert.kind}\t{alert.quantity}\t{value}")
    return score


def _explain_misses(folder: Path, book: Any, misses: list[str]) -> list[str]:
    """Each missed figure with what ``monitor explain`` says of it."""
    from monitor.claims.extractor import find_claims
    from monitor.explain import explain

    out = []
    cache: dict[str, Any] = {}
    for miss in misses:
        file, _quantity, values_text, _span = miss.split("\t")
        values = json.loads(values_text)
        if file not in cache:
            title, _, body = (folder / "items" / file).read_text(encoding="utf-8").partition("\n")
            topics, explanations = explain(book, find_claims, body.strip(), title=title.strip())
            cache[file] = (topics, explanations)
        topics, explanations = cache[file]
        if not topics:
            out.append(f"{miss}\tthe item is about none of the topics (match)")
            continue
        factors = {q.factor for t in book.topics for q in t.quantities} | {1.0}
        found = [
            e for e in explanations if any(close(v, b / f) for v in values for f in factors
                                         for b in _values(e.claim.value, e.claim.low, e.claim.high))
        ]  # fmt: skip
        if not found:
            out.append(f"{miss}\tthe figure was not read (numbers)")
            continue
        reading = found[0].readings[0]
        nearest = sorted(reading.checks, key=lambda c: -c.stage)[:3]  # the nearest misses
        reasons = "; ".join(f"{c.quantity}: {c.why}" for c in nearest)
        out.append(f"{miss}\tnoun={found[0].claim.noun} verb={found[0].claim.predicate}\t{reasons}")
    return out


def story_folders(names: list[str], which: str) -> list[Path]:
    """The folders of the stories named (a path, or a story's name under tests/stories),
    else of every story of the set."""
    if names:
        folders = []
        for name in names:
            candidates = [Path(name), *(STORIES / part / name for part in ("dev", "heldout"))]
            found = next((c for c in candidates if (c / "expected.json").is_file()), None)
            if found is None:
                raise SystemExit(f"error: no story {name!r} (a folder with expected.json)")
            folders.append(found)
        return folders
    sets = ["dev", "heldout"] if which == "all" else [which]
    return sorted(path.parent for part in sets for path in (STORIES / part).glob("*/expected.json"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("stories", nargs="*", help="story folders (default: the --set)")
    parser.add_argument("--set", dest="which", choices=["dev", "heldout", "all"], default="dev")
    parser.add_argument("--misses", action="store_true", help="list every miss with its reason")
    parser.add_argument("--json", dest="json_path", help="write the figures to this file")
    parser.add_argument(
        "--model", default=None, help="spaCy pipeline instead of the default (fr_core_news_md)"
    )
    args = parser.parse_args(argv)
    if args.model:
        from monitor.claims import parsing

        parsing.MODEL_NAME = args.model  # before the first load
    folders = story_folders(args.stories, args.which)
    if not folders:
        print("No story found.", file=sys.stderr)
        return 1
    total = Score("overall")
    records = []
    for folder in folders:
        score = score_story(folder, misses=args.misses)
        total.add(score)
        records.append(score.record())
        print(score.line(), flush=True)
        if args.misses:
            for miss in score.misses:
                print("  miss\t" + miss)
            for false in score.false_claims:
                print("  false claim\t" + false)
            for false in score.false_alerts:
                print("  false alert\t" + false)
            for missed in score.missed_alerts:
                print("  missed alert\t" + missed)
    print(total.line())
    if args.misses:
        print("expected kind -> kind raised (expected alerts found by their value):")
        for pair, count in total.kinds_raised.most_common():
            print(f"  {count:4d}  {pair}")
    if args.json_path:
        Path(args.json_path).write_text(
            json.dumps({"stories": records, "overall": total.record()}, indent=1) + "\n"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
