"""Judging a new claim against what is known: new quantity, new figure, contradiction.

Pure functions over intervals; ``monitor.pipeline`` feeds them the references it read
from the database and stores what they return. The semantics are documented with
examples in ``docs/engine.md``:

- A claim is an interval (``None`` is an open side) with a source, a modality and a date.
  Two claims agree when their intervals intersect.
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

from monitor.models import AlertKind, Qualifier
from monitor.rules.schema import Alerting

NARROW_SPACE = "\u202f"


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

    def agrees_with(self, other: Figure) -> bool:
        """Intervals intersect; an open side reaches to infinity."""
        below = self.high is not None and other.low is not None and self.high < other.low
        above = self.low is not None and other.high is not None and self.low > other.high
        return not (below or above)

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
    """The alert ``claim`` deserves against ``references``, or None when it agrees."""
    latest = max(references, key=_chronology, default=None)
    if claim.denial:
        disagreeing = [r for r in references if not claim.agrees_with(r)]
        previous = max(disagreeing, key=_chronology, default=latest)
        return _enabled(Verdict(AlertKind.CONTRADICTION, previous, reason="denial"), alerting)
    if latest is None:
        return _enabled(Verdict(AlertKind.NEW_QUANTITY, None), alerting)
    if any(claim.agrees_with(reference) for reference in references):
        return None
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


def format_figure(figure: Figure) -> str:
    """A French rendering of an interval: "environ 2 700", "11 000–12 000", "au moins 150"."""
    low, high = figure.low, figure.high
    match figure.qualifier:
        case Qualifier.APPROX if figure.value is not None:
            return f"environ {format_number(figure.value)}"
        case Qualifier.AT_LEAST if low is not None:
            return f"au moins {format_number(low)}"
        case Qualifier.MORE_THAN if low is not None:
            return f"plus de {format_number(low)}"
        case Qualifier.AT_MOST if high is not None:
            return f"jusqu'à {format_number(high)}"
        case Qualifier.LESS_THAN if high is not None:
            return f"moins de {format_number(high)}"
    if figure.value is not None and figure.qualifier is Qualifier.EXACT:
        return format_number(figure.value)
    if low is not None and high is not None:
        if low == high:
            return format_number(low)
        return f"{format_number(low)}–{format_number(high)}"
    if low is not None:
        return f"au moins {format_number(low)}"
    if high is not None:
        return f"au plus {format_number(high)}"
    return "?"


def format_number(number: float) -> str:
    """French digit grouping with narrow no-break spaces: 11 000; 1,5 for decimals."""
    if float(number).is_integer():
        return f"{int(number):,}".replace(",", NARROW_SPACE)
    whole, _, decimals = f"{number:,.2f}".rstrip("0").partition(".")
    return whole.replace(",", NARROW_SPACE) + "," + decimals


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
