"""Score the number reader against French sentences annotated figure by figure.

    python -m monitor.claims.evaluate_numbers [--set dev|heldout|all] [--misses] [--json]

The annotations live in ``tests/claims/eval/numbers``: ``dev.yaml`` is for development,
``heldout.yaml`` only measures (never tune on it; quote its totals). Each case is a
sentence with every figure that states an amount (``figures``: its text, qualifier,
value or bounds, unit and currency) and the numbers that are not amounts
(``not_figures``: years, dates, ages, calibres, model names...).

A figure is read right when a quantity found by :func:`find_quantities` overlaps its
text with the same qualifier, unit (and currency) and the same interval: the value for
``exact`` and ``approx``, the stated bound for the open qualifiers, both bounds for
``range`` and ``vague``. Values are compared in the base unit (a figure annotated in
tonnes is compared in kilograms), within 0.5 %. Reported: the share of figures read
right, split into numbers (every qualifier but ``range``) and ranges, per family; the
non-figures that became a figure; the quantities found where nothing is annotated.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

from monitor.claims.numbers import normalise_typography
from monitor.claims.qualifiers import Quantity, find_quantities
from monitor.figures import measure_unit
from monitor.models import Qualifier, Unit

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "tests" / "claims" / "eval" / "numbers"
SETS = ("dev", "heldout")
_PLAIN_UNITS = {"count": Unit.COUNT, "percent": Unit.PERCENT, "point": Unit.POINT}


@dataclass
class Tally:
    right: int = 0
    total: int = 0

    @property
    def share(self) -> float:
        return self.right / self.total if self.total else 1.0


@dataclass
class Report:
    name: str
    numbers: Tally = field(default_factory=Tally)
    ranges: Tally = field(default_factory=Tally)
    families: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    non_figures: Tally = field(default_factory=Tally)  # right = kept out
    unannotated: int = 0
    misses: list[str] = field(default_factory=list)


def evaluate(cases: Sequence[dict[str, Any]], name: str) -> Report:
    report = Report(name)
    for case in cases:
        text = normalise_typography(case["text"])
        found = find_quantities(text)
        used: set[int] = set()
        for expected in case.get("figures") or []:
            span = _locate(text, expected["text"])
            index = _overlapping(found, span)
            tally = report.ranges if expected["qualifier"] == "range" else report.numbers
            family = report.families[case.get("family", "-")]
            tally.total += 1
            family.total += 1
            if index is not None:
                used.add(index)
            problem = _judge(expected, found[index] if index is not None else None, text)
            if problem is None:
                tally.right += 1
                family.right += 1
            else:
                report.misses.append(f"{case['id']}: {expected['text']!r}: {problem}")
        for excluded in case.get("not_figures") or []:
            span = _locate(text, excluded["text"])
            index = _overlapping(found, span)
            report.non_figures.total += 1
            if index is None:
                report.non_figures.right += 1
            else:
                used.add(index)
                quantity = found[index]
                report.misses.append(
                    f"{case['id']}: {excluded['text']!r} ({excluded['category']}) "
                    f"read as {text[quantity.start : quantity.end]!r}"
                )
        for index, quantity in enumerate(found):
            if index not in used:
                report.unannotated += 1
                report.misses.append(
                    f"{case['id']}: {text[quantity.start : quantity.end]!r} found, "
                    "nothing annotated there"
                )
    return report


def _locate(text: str, written: str) -> tuple[int, int]:
    start = text.find(normalise_typography(written))
    if start < 0:
        raise ValueError(f"{written!r} is not in {text!r}")
    return start, start + len(written)


def _overlapping(found: Sequence[Quantity], span: tuple[int, int]) -> int | None:
    best, best_overlap = None, 0
    for index, quantity in enumerate(found):
        overlap = min(span[1], quantity.end) - max(span[0], quantity.start)
        if overlap > best_overlap:
            best, best_overlap = index, overlap
    return best


def _judge(expected: dict[str, Any], quantity: Quantity | None, text: str) -> str | None:
    """``None`` when ``quantity`` reads ``expected`` right, else what differs."""
    if quantity is None:
        return "not found"
    got = (
        f"got {text[quantity.start : quantity.end]!r} {quantity.qualifier} "
        f"[{quantity.low}, {quantity.high}] {quantity.unit} {quantity.currency or ''}".rstrip()
    )
    unit, factor = _unit(str(expected["unit"]))
    if quantity.unit is not unit:
        return f"unit {expected['unit']}, {got}"
    if (
        unit is Unit.MONEY
        and expected.get("currency")
        and quantity.currency != expected["currency"]
    ):
        return f"currency {expected['currency']}, {got}"
    qualifier = Qualifier(expected["qualifier"])
    if quantity.qualifier is not qualifier:
        return f"qualifier {qualifier}, {got}"

    def scaled(key: str) -> float | None:
        value = expected.get(key)
        return None if value is None else float(value) * factor

    if qualifier in (Qualifier.EXACT, Qualifier.APPROX):
        value = scaled("value")
        if value is None:
            value = scaled("low")
        shown = quantity.value if quantity.value is not None else quantity.low
        return None if _same(value, shown) else f"value {expected.get('value')}, {got}"
    if qualifier in (Qualifier.AT_LEAST, Qualifier.MORE_THAN):
        ok = _same(scaled("low"), quantity.low) and quantity.high is None
        return None if ok else f"low {expected.get('low')}, {got}"
    if qualifier in (Qualifier.AT_MOST, Qualifier.LESS_THAN):
        ok = _same(scaled("high"), quantity.high) and quantity.low is None
        return None if ok else f"high {expected.get('high')}, {got}"
    ok = _same(scaled("low"), quantity.low) and _same(scaled("high"), quantity.high)
    return None if ok else f"[{expected.get('low')}, {expected.get('high')}], {got}"


def _unit(written: str) -> tuple[Unit, float]:
    if written in _PLAIN_UNITS:
        return _PLAIN_UNITS[written], 1.0
    if written == "money":
        return Unit.MONEY, 1.0
    unit = measure_unit(written)
    if unit is None:
        raise ValueError(f"unknown unit {written!r}")
    return unit.kind, unit.factor


def _same(expected: float | None, got: float | None) -> bool:
    if expected is None or got is None:
        return expected is got
    return abs(expected - got) <= 0.005 * max(abs(expected), 1e-9) + 1e-9


def load(name: str, directory: Path = DEFAULT_DIR) -> list[dict[str, Any]]:
    path = directory / f"{name}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return list(data["cases"])


def format_report(report: Report) -> str:
    lines = [
        f"{report.name}: numbers {report.numbers.right}/{report.numbers.total} "
        f"({report.numbers.share:.0%}), ranges {report.ranges.right}/{report.ranges.total} "
        f"({report.ranges.share:.0%}), non-figures kept out {report.non_figures.right}/"
        f"{report.non_figures.total}, found where nothing is annotated {report.unannotated}"
    ]
    for family, tally in sorted(report.families.items()):
        lines.append(f"  {family:<16} {tally.right:>4}/{tally.total:<4} {tally.share:.0%}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", choices=(*SETS, "all"), default="dev")
    parser.add_argument("--misses", action="store_true", help="list every figure read wrong")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    options = parser.parse_args(argv)
    names = SETS if options.set == "all" else (options.set,)
    reports = [evaluate(load(name, options.dir), name) for name in names]
    if options.json:
        records = []
        for report in reports:
            record = asdict(report)
            record["numbers"]["share"] = report.numbers.share
            record["ranges"]["share"] = report.ranges.share
            records.append(record)
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    for report in reports:
        print(format_report(report))
        if options.misses and report.name != "heldout":
            for miss in report.misses:
                print(f"    {miss}")
        elif options.misses:
            print("    (misses of the held-out set are not listed: it is never tuned on)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
