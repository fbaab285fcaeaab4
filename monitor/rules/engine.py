"""Judging a new claim against what is known: new quantity, new figure, contradiction.

Pure functions over intervals; ``monitor.pipeline`` feeds them the references it read
from the database and stores what they return. The semantics are documented with
examples in ``docs/engine.md``:

- A claim is an interval (``None`` is an open side) with a source, a modality and a date.
  Two claims agree when their intervals intersect. An open bound is compared as the
  figure the press states: "jusqu'à 12 000" as 10 800-12 000 at tolerance 0.1, "au moins
  11 000" as 11 000-12 100; otherwise "jusqu'à 11 000" would agree with any smaller figure.
- ``new_quantity``: the first figure for a tracked quantity.
- ``new_figure``: a figure that agrees with no reference (known, accepted or already
  seen claim): up or down, by how much, by what percentage.
- ``contradiction``: the figure disagrees with the latest reference from another source
  stated inside the contradiction window; a cumulative quantity that goes down; or a
  sentence that contradicts or denies other reports in words.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from monitor.figures import COUNT, UnitSpec, format_amount
from monitor.models import AlertKind, Qualifier
from monitor.rules.schema import Alerting

UPPER_BOUNDS = frozenset({Qualifier.AT_MOST, Qualifier.LESS_THAN})
LOWER_BOUNDS = frozenset({Qualifier.AT_LEAST, Qualifier.MORE_THAN})
# How much a figure says, most first: the alert of an article quotes its most precise claim.
SPECIFICITY = {
    Qualifier.EXACT: 0,
    Qualifier.APPROX: 1,
    Qualifier.RANGE: 2,
    Qualifier.AT_LEAST: 3,
    Qualifier.MORE_THAN: 3,
    Qualifier.AT_MOST: 3,
    Qualifier.LESS_THAN: 3,
    Qualifier.VAGUE: 4,
}


@dataclass(frozen=True)
class Figure:
    """The part of a claim (extracted or known) that the engine compares."""

    low: float | None
    high: float | None
    qualifier: Qualifier
    value: float | None = None
    source: str | None = None
    stated_on: date | None = None
    denial: bool = False
    reference_id: str | None = None  # "claim:12" or "known:3" for references
    tolerance: float = 0.1
    revision: bool = False  # the source updates its own figure ("nouveau bilan")

    def agrees_with(self, other: Figure) -> bool:
        """The compared intervals intersect (see :meth:`compared`)."""
        low, high = self.compared()
        other_low, other_high = other.compared()
        below = high is not None and other_low is not None and high < other_low
        above = low is not None and other_high is not None and low > other_high
        return not (below or above)

    def compared(self) -> tuple[float | None, float | None]:
        """The interval used for agreement: an open bound anchored at the stated figure."""
        low, high = self.low, self.high
        if low is None and high is not None and self.qualifier in UPPER_BOUNDS:
            return high - abs(high) * self.tolerance, high
        if high is None and low is not None and self.qualifier in LOWER_BOUNDS:
            return low, low + abs(low) * self.tolerance
        return low, high

    @property
    def centre(self) -> float | None:
        if self.value is not None:
            return self.value
        if self.low is not None and self.high is not None:
            return (self.low + self.high) / 2
        return self.low if self.low is not None else self.high


@dataclass(frozen=True)
class Verdict:
    kind: AlertKind
    previous: Figure | None
    direction: str | None = None  # "up" | "down"
    delta: float | None = None
    percent: float | None = None
    reason: str = ""


def judge(
    claim: Figure,
    references: Sequence[Figure],
    *,
    cumulative: bool,
    alerting: Alerting,
) -> Verdict | None:
    """The alert ``claim`` deserves against ``references``, or None when it agrees.

    Vague amounts ("des milliers") open a quantity but are too loose to move it: they
    raise nothing once a figure is known, and serve as references only while nothing
    more precise is known.
    """
    precise = [r for r in references if r.qualifier is not Qualifier.VAGUE]
    if claim.qualifier is Qualifier.VAGUE and references:
        return None
    references = precise or references
    latest = max(references, key=_chronology, default=None)
    if claim.denial:
        disagreeing = [r for r in references if not claim.agrees_with(r)]
        previous = max(disagreeing, key=_chronology, default=latest)
        return _enabled(Verdict(AlertKind.CONTRADICTION, previous, reason="denial"), alerting)
    if latest is None:
        return _enabled(Verdict(AlertKind.NEW_QUANTITY, None), alerting)
    if any(claim.agrees_with(reference) for reference in references):
        return None
    if claim.revision:
        # A source updating its own figure: compared with that figure, never a
        # contradiction, even downwards ("le bilan a été revu à la baisse").
        own = [r for r in references if r.source is not None and r.source == claim.source]
        previous = max(own, key=_chronology) if own else latest
        direction, delta, percent = compare(previous, claim)
        verdict = Verdict(
            AlertKind.NEW_FIGURE, previous, direction, delta, percent, reason="revision"
        )
        return _enabled(verdict, alerting)
    direction, delta, percent = compare(latest, claim)
    if _other_source_in_window(claim, latest, alerting.contradiction_window_days):
        verdict = Verdict(
            AlertKind.CONTRADICTION, latest, direction, delta, percent, reason="sources"
        )
    elif cumulative and direction == "down" and _not_earlier(claim, latest):
        verdict = Verdict(
            AlertKind.CONTRADICTION, latest, direction, delta, percent, reason="decrease"
        )
    else:
        verdict = Verdict(AlertKind.NEW_FIGURE, latest, direction, delta, percent)
    return _enabled(verdict, alerting)


@dataclass(frozen=True)
class GroupVerdict:
    """One group of agreeing figures of an article, judged once."""

    best: Figure  # the most attributed and precise figure: the one an alert quotes
    members: list[Figure]
    verdict: Verdict | None  # None: the group agrees with what is known
    agreeing: list[Figure]  # references the group agrees with (corroborated)


def judging_order(figure: Figure) -> tuple[bool, int]:
    """Attributed first, then the most precise."""
    return figure.source is None, SPECIFICITY[figure.qualifier]


def judge_article(
    figures: Sequence[Figure],
    references: Sequence[Figure],
    *,
    cumulative: bool,
    alerting: Alerting,
) -> list[GroupVerdict]:
    """Judge the figures one article gives for one quantity.

    The figures are grouped by agreement (a headline's "jusqu'à 11 000" and the body's
    "pas moins de 11 000" are one statement). A group that has a member agreeing with a
    reference raises nothing; otherwise its best figure is judged against the references
    and the groups judged before it, so two different figures in one article are both
    reported, the second as disagreeing with the first.
    """
    groups: list[list[Figure]] = []
    for figure in sorted(figures, key=judging_order):
        group = next((g for g in groups if figure.agrees_with(g[0])), None)
        if group is None:
            groups.append([figure])
        else:
            group.append(figure)
    results: list[GroupVerdict] = []
    judged: list[Figure] = []
    for members in groups:
        best = members[0]
        agreeing = [r for r in references if any(m.agrees_with(r) for m in members)]
        denial = next((m for m in members if m.denial), None)
        if agreeing and denial is None:
            results.append(GroupVerdict(best, members, None, agreeing))
            continue
        verdict = judge(
            denial or best, [*references, *judged], cumulative=cumulative, alerting=alerting
        )
        results.append(GroupVerdict(denial or best, members, verdict, agreeing))
        judged.append(best)
    return results


def compare(old: Figure, new: Figure) -> tuple[str | None, float | None, float | None]:
    """Direction, change and change in percent from ``old`` to ``new`` (by centres)."""
    before, after = old.centre, new.centre
    if before is None or after is None:
        return None, None, None
    delta = after - before
    direction = "up" if delta > 0 else "down" if delta < 0 else None
    percent = round(100 * delta / before, 1) if before else None
    return direction, delta, percent


def dedup_key(topic: str, quantity: str | None, kind: AlertKind, figure: Figure) -> str:
    """Same topic, quantity, kind and interval: the same alert."""
    parts = [topic, quantity or "", str(kind), _bound(figure.low), _bound(figure.high)]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def widen(value: float, tolerance: float) -> tuple[float, float]:
    half = abs(value) * tolerance
    return value - half, value + half


def format_figure(figure: Figure, unit: UnitSpec = COUNT) -> str:
    """A French rendering of a figure: "environ 2 700", "11 000–12 000", "au moins 150",
    "120–150 M€" (see :func:`monitor.figures.format_amount`)."""
    return format_amount(figure.low, figure.high, figure.qualifier, figure.value, unit)


def _enabled(verdict: Verdict, alerting: Alerting) -> Verdict | None:
    return verdict if verdict.kind in alerting.kinds else None


def _chronology(figure: Figure) -> tuple[date, int]:
    """Oldest first: by date, then by id (claims are numbered in ingest order)."""
    _, number = split_reference(figure.reference_id)
    return (figure.stated_on or date.min, number or 0)


def split_reference(reference_id: str | None) -> tuple[str | None, int | None]:
    """``"claim:12"`` -> ``("claim", 12)``; None -> ``(None, None)``."""
    if not reference_id:
        return None, None
    kind, _, number = reference_id.partition(":")
    return kind, int(number)


def _other_source_in_window(claim: Figure, reference: Figure, window_days: int) -> bool:
    if not claim.source or not reference.source or claim.source == reference.source:
        return False
    if claim.stated_on is None or reference.stated_on is None:
        return False
    return abs((claim.stated_on - reference.stated_on).days) <= window_days


def _not_earlier(claim: Figure, reference: Figure) -> bool:
    if claim.stated_on is None or reference.stated_on is None:
        return True
    return claim.stated_on >= reference.stated_on


def _bound(value: float | None) -> str:
    return "" if value is None else f"{value:.6g}"
