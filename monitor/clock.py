"""Time as the product keeps and shows it: stored in UTC, shown in Europe/Paris.

One place for the zone and the formats, so a date reads the same in the terminal, the
JSON and the desk: ``iso`` for machines (UTC, ``Z``), ``paris_time`` for people
(``22/11/2026 08:30``), ``paris_day`` for the calendar day a report belongs to.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")


def utcnow() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime | None) -> str | None:
    """``2026-11-22T07:30:00Z``: UTC, for JSON and scripts."""
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def paris_time(moment: datetime | None, missing: str = "-") -> str:
    """``22/11/2026 08:30`` in Europe/Paris, for people."""
    if moment is None:
        return missing
    return moment.astimezone(PARIS).strftime("%d/%m/%Y %H:%M")


def paris_day(moment: datetime | None) -> date | None:
    """The calendar day of ``moment`` in Paris (a report of 23:30 UTC is the next day's)."""
    return None if moment is None else moment.astimezone(PARIS).date()


def paris_midnight(day: date) -> datetime:
    """The start of ``day`` in Paris, in UTC."""
    return datetime.combine(day, time(0), tzinfo=PARIS).astimezone(UTC)
