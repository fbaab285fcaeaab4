"""Score the claim extractor against annotated French texts.

    python -m monitor.claims.evaluate [--set seeds|cases|all] [--json] [--dir DIR]

The annotations live in ``tests/claims/eval``: ``seeds.yaml`` (every figure of the seed
articles, and numbers that must not become claims), ``cases.yaml`` (sentences written for
each rule) and ``lexicon.yaml`` (the lexicon both are annotated against).

Matching: an expected claim is located in the text by its ``value_text`` (optionally
inside a longer ``context`` string and at its n-th ``occurrence``); a predicted claim
matches it when their character spans overlap. Pairs are made one to one, largest
overlap first. Then, for each field:

* ``interval``: same qualifier, and same ``low`` and ``high`` (within 0.5);
* ``noun``, ``predicate``, ``modality``, ``denial``: equal (case and accents ignored);
* ``time``: the resolved ``time_ref``, as an ISO date;
* ``source``: equal, or, for sources kept as written, one contains the other once case,
  accents and determiners are ignored ("président ukrainien Volodymyr Zelensky" matches
  "Volodymyr Zelensky").

Precision for a field is the number of matched pairs with the field right over the number
of predicted claims it is judged on (unmatched predicted claims count as wrong); recall is
the same over the expected claims. A field left out of an annotation is not judged for
that claim. A "false claim" is a predicted claim matched to nothing; it is reported under
the category of the ``not_claims`` entry it overlaps (year, date, calibre, model...).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import yaml

from monitor.claims.extractor import find_claims
from monitor.claims.numbers import normalise_typography, strip_accents
from monitor.models import Claim, Lexicon

FIELDS = ("interval", "noun", "predicate", "source", "modality", "denial", "time")
DEFAULT_DIR = Path(__file__).resolve().parents[2] / "tests" / "claims" / "eval"


@dataclass(frozen=True, slots=True)
class Expected:
    """One annotated claim, located in its text."""

    document: str
    span: tuple[int, int]
    value_text: str
    fields: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Excluded:
    document: str
    span: tuple[int, int]
    text: str
    category: str


@dataclass(frozen=True, slots=True)
class Document:
    name: str
    text: str
    title: str | None
    published: datetime | None
    expected: tuple[Expected, ...]
    excluded: tuple[Excluded, ...]


@dataclass(slots=True)
class FieldScore:
    correct: int = 0
    predicted: int = 0
    expected: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass(slots=True)
class Report:
    name: str
    expected: int = 0
    predicted: int = 0
    matched: int = 0
    fields: dict[str, FieldScore] = field(default_factory=lambda: {f: FieldScore() for f in FIELDS})
    misses: list[str] = field(default_factory=list)
    false_claims: list[str] = field(default_factory=list)
    excluded_hits: dict[str, int] = field(default_factory=dict)
    wrong_fields: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "set": self.name,
            "expected": self.expected,
            "predicted": self.predicted,
            "matched": self.matched,
            "fields": {
                name: {
                    "precision": round(score.precision, 4),
                    "recall": round(score.recall, 4),
                    "f1": round(score.f1, 4),
                    "correct": score.correct,
                    "predicted": score.predicted,
                    "expected": score.expected,
                }
                for name, score in self.fields.items()
            },
            "misses": self.misses,
            "false_claims": self.false_claims,
            "excluded_hits": self.excluded_hits,
            "wrong_fields": self.wrong_fields,
        }


def load_lexicon(directory: Path = DEFAULT_DIR) -> Lexicon:
    """The lexicon the evaluation sets are annotated against."""
    data = yaml.safe_load((directory / "lexicon.yaml").read_text(encoding="utf-8"))
    sources: dict[str, str] = {}
    for canonical, aliases in data["sources"].items():
        sources[str(canonical).lower()] = str(canonical)
        for alias in aliases:
            sources[str(alias).lower()] = str(canonical)
    return Lexicon(
        nouns=frozenset(str(noun).lower() for noun in data["nouns"]),
        predicates=frozenset(str(verb).lower() for verb in data["predicates"]),
        sources=sources,
        approx_tolerance=float(data.get("approx_tolerance", 0.1)),
    )


def load_documents(name: str, directory: Path = DEFAULT_DIR) -> list[Document]:
    """The annotated documents of set ``name`` ("seeds" or "cases")."""
    path = directory / f"{name}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    documents: list[Document] = []
    if name == "seeds":
        seeds_dir = (directory / data["seeds_dir"]).resolve()
        for entry in data["documents"]:
            text = (seeds_dir / entry["file"]).read_text(encoding="utf-8")
            documents.append(_document(entry["file"], text, entry, path))
    else:
        for entry in data["cases"]:
            documents.append(_document(entry["id"], entry["text"], entry, path))
    return documents


def _document(name: str, text: str, entry: Mapping[str, Any], path: Path) -> Document:
    published = _published(entry.get("published"))
    expected = tuple(
        Expected(name, _locate(text, item, name, path), item["value_text"], item)
        for item in entry.get("claims") or []
    )
    excluded: list[Excluded] = []
    for item in entry.get("not_claims") or []:
        for span in _locate_all(text, item["text"]):
            excluded.append(Excluded(name, span, item["text"], item["category"]))
        if not _locate_all(text, item["text"]):
            raise ValueError(f"{path}: {name}: not_claims text {item['text']!r} not in the text")
    return Document(name, text, entry.get("title"), published, expected, tuple(excluded))


def _published(value: object) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, date):
        return datetime.combine(value, time(12), tzinfo=UTC)
    return datetime.fromisoformat(str(value))


def _locate(text: str, item: Mapping[str, Any], name: str, path: Path) -> tuple[int, int]:
    value_text = normalise_typography(item["value_text"])
    context = normalise_typography(item.get("context", item["value_text"]))
    occurrence = int(item.get("occurrence", 1))
    spans = _locate_all(text, context)
    if len(spans) < occurrence:
        raise ValueError(f"{path}: {name}: cannot find {context!r} (occurrence {occurrence})")
    start = spans[occurrence - 1][0]
    inner = normalise_typography(text)[start : start + len(context)].find(value_text)
    if inner < 0:
        raise ValueError(f"{path}: {name}: {value_text!r} is not inside {context!r}")
    return start + inner, start + inner + len(value_text)


def _locate_all(text: str, needle: str) -> list[tuple[int, int]]:
    plain = normalise_typography(text)
    target = normalise_typography(needle)
    spans: list[tuple[int, int]] = []
    start = plain.find(target)
    while start >= 0:
        spans.append((start, start + len(target)))
        start = plain.find(target, start + 1)
    return spans


def score(name: str, documents: Sequence[Document], lexicon: Lexicon) -> Report:
    """Run the extractor on ``documents`` and compare with their annotations."""
    report = Report(name)
    for document in documents:
        claims = [
            claim
            for claim in find_claims(
                document.text,
                title=document.title,
                published=document.published,
                lexicon=lexicon,
            )
            if claim.sentence_start >= 0
        ]
        _score_document(document, claims, report)
    return report


def _score_document(document: Document, claims: list[Claim], report: Report) -> None:
    report.expected += len(document.expected)
    report.predicted += len(claims)
    pairs = _pair(document.expected, claims)
    matched_claims = {id(claim) for _, claim in pairs}
    matched_expected = {id(item) for item, _ in pairs}
    report.matched += len(pairs)
    for name in FIELDS:
        score_of = report.fields[name]
        judged_expected = [item for item in document.expected if name in _judged(item)]
        score_of.expected += len(judged_expected)
        for item, claim in pairs:
            if name not in _judged(item):
                continue
            score_of.predicted += 1
            if _field_right(name, item, claim):
                score_of.correct += 1
            else:
                report.wrong_fields.append(
                    f"{document.name}: {item.value_text!r} {name}: expected "
                    f"{_expected_repr(name, item)}, got {_claim_repr(name, claim)}"
                )
        score_of.predicted += sum(1 for claim in claims if id(claim) not in matched_claims)
    for item in document.expected:
        if id(item) not in matched_expected:
            report.misses.append(f"{document.name}: {item.value_text!r} at {item.span}")
    for claim in claims:
        if id(claim) in matched_claims:
            continue
        category = next(
            (
                excluded.category
                for excluded in document.excluded
                if excluded.span[0] < claim.span[1] and claim.span[0] < excluded.span[1]
            ),
            "unannotated",
        )
        report.excluded_hits[category] = report.excluded_hits.get(category, 0) + 1
        report.false_claims.append(
            f"{document.name}: {claim.value_text!r} at {claim.span} ({category}) in "
            f"{claim.sentence[:80]!r}"
        )


def _judged(item: Expected) -> set[str]:
    judged = {name for name in FIELDS if name in item.fields}
    judged.add("interval")
    return judged


def _pair(expected: Sequence[Expected], claims: Sequence[Claim]) -> list[tuple[Expected, Claim]]:
    candidates: list[tuple[int, int, int]] = []
    for i, item in enumerate(expected):
        for j, claim in enumerate(claims):
            overlap = min(item.span[1], claim.span[1]) - max(item.span[0], claim.span[0])
            if overlap > 0:
                candidates.append((overlap, i, j))
    candidates.sort(reverse=True)
    used_expected: set[int] = set()
    used_claims: set[int] = set()
    pairs: list[tuple[Expected, Claim]] = []
    for _, i, j in candidates:
        if i in used_expected or j in used_claims:
            continue
        used_expected.add(i)
        used_claims.add(j)
        pairs.append((expected[i], claims[j]))
    return pairs


def _field_right(name: str, item: Expected, claim: Claim) -> bool:
    fields = item.fields
    if name == "interval":
        return (
            str(fields["qualifier"]) == claim.qualifier.value
            and _same_number(fields.get("low"), claim.low)
            and _same_number(fields.get("high"), claim.high)
        )
    if name == "denial":
        return bool(fields["denial"]) == claim.denial
    if name == "time":
        expected_time = fields["time"]
        if expected_time is None or claim.time_ref is None:
            return expected_time is None and claim.time_ref is None
        return str(expected_time) == claim.time_ref.isoformat()
    if name == "modality":
        return str(fields["modality"]) == claim.modality.value
    if name == "source":
        return _same_source(fields["source"], claim.source)
    expected_value = fields[name]
    actual = getattr(claim, name)
    if expected_value is None or actual is None:
        return expected_value is None and actual is None
    return strip_accents(str(expected_value)) == strip_accents(str(actual))


def _same_number(expected: object, actual: float | None) -> bool:
    if expected is None or actual is None:
        return expected is None and actual is None
    return abs(float(str(expected)) - actual) <= 0.5


def _same_source(expected: object, actual: str | None) -> bool:
    if expected is None or actual is None:
        return expected is None and actual is None
    left, right = strip_accents(str(expected)), strip_accents(actual)
    return left == right or left in right or right in left


def _expected_repr(name: str, item: Expected) -> str:
    if name == "interval":
        fields = item.fields
        return f"{fields['qualifier']} [{fields.get('low')}, {fields.get('high')}]"
    return repr(item.fields[name])


def _claim_repr(name: str, claim: Claim) -> str:
    if name == "interval":
        return f"{claim.qualifier.value} [{claim.low}, {claim.high}]"
    if name == "time":
        return repr(claim.time_ref.isoformat() if claim.time_ref else None)
    value = claim.modality.value if name == "modality" else getattr(claim, name)
    return repr(value)


def format_report(report: Report) -> str:
    lines = [
        f"== {report.name}: {report.expected} expected, {report.predicted} predicted, "
        f"{report.matched} matched",
        f"{'field':<10} {'precision':>9} {'recall':>7} {'F1':>6}   (correct/predicted/expected)",
    ]
    for name, score_of in report.fields.items():
        lines.append(
            f"{name:<10} {score_of.precision:>9.3f} {score_of.recall:>7.3f} {score_of.f1:>6.3f}"
            f"   ({score_of.correct}/{score_of.predicted}/{score_of.expected})"
        )
    hits = ", ".join(f"{k}: {v}" for k, v in sorted(report.excluded_hits.items())) or "none"
    lines.append(f"false claims by category: {hits}")
    lines.append(f"misses ({len(report.misses)}):")
    lines.extend(f"  - {miss}" for miss in report.misses)
    lines.append(f"false claims ({len(report.false_claims)}):")
    lines.extend(f"  - {item}" for item in report.false_claims)
    lines.append(f"wrong fields ({len(report.wrong_fields)}):")
    lines.extend(f"  - {item}" for item in report.wrong_fields)
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m monitor.claims.evaluate",
        description="Score the French claim extractor on the annotated evaluation sets.",
    )
    parser.add_argument("--set", choices=("seeds", "cases", "all"), default="all")
    parser.add_argument("--json", action="store_true", help="print the reports as JSON")
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="evaluation directory")
    arguments = parser.parse_args(argv)
    lexicon = load_lexicon(arguments.dir)
    names = ("seeds", "cases") if arguments.set == "all" else (arguments.set,)
    reports = [score(name, load_documents(name, arguments.dir), lexicon) for name in names]
    if arguments.json:
        print(json.dumps([report.as_dict() for report in reports], ensure_ascii=False, indent=2))
    else:
        print("\n\n".join(format_report(report) for report in reports))
    return 0


if __name__ == "__main__":
    sys.exit(main())
