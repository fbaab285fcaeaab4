"""When a figure applies: time expressions resolved against the article date.

Recognised: a month with an optional day and year ("le 1er novembre", "fin janvier",
"d'ici à décembre", "depuis août", "juin 2024"), a year after a cue ("en 2025",
"fin 2024", "d'ici 2025", "depuis fin 2024", "l'été 2024"), and days named relative to
the article ("hier", "la veille", "mardi", "ce jeudi soir", "lundi prochain").

Resolution:

* a month without a year takes the year that puts it on the side the cue points to:
  forward cues ("d'ici", "dès", "à partir de", "jusqu'à", "avant", "prochain") pick the
  next such month on or after the article date, the others ("fin", "depuis", "en",
  "dernier") the last one on or before it; without an article date it stays unresolved;
* the day is the one written, else the last day of the month for "fin", "d'ici",
  "avant", "jusqu'à", the 15th for "mi-", the 1st otherwise;
* a year alone is 31 December for "fin", "d'ici", "avant", "jusqu'en", 1 July for "mi-",
  the first day of the season for "l'été 2024" (21 June...), 1 January otherwise.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from monitor.claims.numbers import normalise_typography

_MONTHS: dict[str, int] = {
    "janvier": 1,
    "février": 2,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "août": 8,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "décembre": 12,
    "decembre": 12,
}
_SEASONS: dict[str, tuple[int, int]] = {
    "printemps": (3, 20),
    "été": (6, 21),
    "automne": (9, 22),
    "hiver": (12, 21),
}
_CUE = (
    r"(?P<cue>depuis\s+(?:la\s+)?(?:fin|début|mi)(?:\s+|-)|d'ici\s+(?:à\s+|la\s+fin\s+)?"
    r"|jusqu'(?:à|en|au)\s+(?:la\s+fin\s+)?|à\s+partir\s+d(?:e\s+|')|fin\s+|début\s+|mi-|mi\s+"
    r"|courant\s+|depuis\s+|dès\s+|avant\s+|après\s+|en\s+|au\s+mois\s+d(?:e\s+|')|l'|au\s+cours\s+de\s+)?"
)
_MONTH_RE = re.compile(
    r"(?<![\w])"
    + _CUE
    + r"(?:(?:le|du|ce)\s+)?(?P<day>1er|\d{1,2})?\s*(?P<month>"
    + "|".join(_MONTHS)
    + r")(?:\s+(?P<year>(?:19|20)\d{2}))?(?:\s+(?P<side>dernier|prochain))?(?![\w])",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(
    r"(?<![\w])(?P<cue>depuis\s+(?:la\s+)?(?:fin|début|mi)(?:\s+|-)|d'ici\s+(?:à\s+|la\s+fin\s+)?"
    r"|jusqu'(?:à|en|au)\s+(?:la\s+fin\s+)?|à\s+partir\s+d(?:e\s+|')|fin\s+|début\s+|mi-|mi\s+"
    r"|courant\s+|depuis\s+|dès\s+|avant\s+|après\s+|en\s+|l'année\s+|l'an\s+"
    r"|(?:l'|à\s+l'|au\s+|cet\s+|ce\s+)?(?P<season>printemps|été|automne|hiver)\s+)"
    r"(?P<year>(?:19|20)\d{2})(?![\w])",
    re.IGNORECASE,
)
# Days named relative to the article: "hier", "la veille", "mardi", "ce jeudi soir".
_DAY_RE = re.compile(
    r"(?<![\w-])(?:(?P<relative>aujourd'hui|avant-hier|hier|l'avant-veille|la\s+veille)"
    r"|(?:(?:ce|le)\s+)?(?P<weekday>lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
    r"(?!\s+\d)(?:\s+(?:matin|midi|après-midi|soir))?(?:\s+(?P<side>dernier|prochain))?)"
    r"(?![\w-])",
    re.IGNORECASE,
)
_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_DAYS_BACK = {"aujourd'hui": 0, "hier": 1, "la veille": 1, "avant-hier": 2, "l'avant-veille": 2}
_FORWARD = ("d'ici", "dès", "à partir", "jusqu", "avant")
_END = ("fin", "d'ici", "avant", "jusqu")


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression in a sentence: offsets into the sentence, and its date if known."""

    start: int
    end: int
    text: str
    when: date | None


def find_times(
    sentence: str, published: date | None, plain: str | None = None
) -> list[TimeExpression]:
    """Every month or cued year expression in ``sentence``, resolved against ``published``."""
    plain = normalise_typography(sentence) if plain is None else plain
    found: list[TimeExpression] = []
    for match in _MONTH_RE.finditer(plain):
        when = _resolve_month(match, published)
        found.append(
            TimeExpression(
                match.start(), match.end(), sentence[match.start() : match.end()].strip(), when
            )
        )
    for match in _DAY_RE.finditer(plain):
        if any(item.start <= match.start() < item.end for item in found):
            continue
        found.append(
            TimeExpression(
                match.start(),
                match.end(),
                sentence[match.start() : match.end()].strip(),
                _resolve_day(match, published),
            )
        )
    for match in _YEAR_RE.finditer(plain):
        if any(item.start <= match.start() < item.end for item in found):
            continue
        when = _resolve_year(match)
        found.append(
            TimeExpression(
                match.start(), match.end(), sentence[match.start() : match.end()].strip(), when
            )
        )
    return sorted(found, key=lambda item: item.start)


def _cue(match: re.Match[str]) -> str:
    return " ".join((match.group("cue") or "").lower().split())


def _resolve_month(match: re.Match[str], published: date | None) -> date | None:
    cue = _cue(match)
    month = _MONTHS[match.group("month").lower()]
    year_text = match.group("year")
    side = (match.group("side") or "").lower()
    if year_text:
        year = int(year_text)
    elif published is None:
        return None
    else:
        forward = side == "prochain" or (side != "dernier" and cue.startswith(_FORWARD))
        if forward:
            year = published.year if month >= published.month else published.year + 1
        else:
            year = published.year if month <= published.month else published.year - 1
    day_text = match.group("day")
    last = calendar.monthrange(year, month)[1]
    if day_text:
        day = 1 if day_text.lower() == "1er" else int(day_text)
        if not 1 <= day <= last:
            return None
    elif cue.startswith(_END) or "fin" in cue:
        day = last
    elif "mi" in cue.split("-")[0].split():
        day = 15
    else:
        day = 1
    return date(year, month, day)


def _resolve_day(match: re.Match[str], published: date | None) -> date | None:
    """ "hier" is the day before the article; a weekday is the last such day on or before
    it ("mardi" in Wednesday's paper is yesterday), or the next one with "prochain"."""
    if published is None:
        return None
    relative = match.group("relative")
    if relative:
        back = _DAYS_BACK[" ".join(relative.lower().split())]
        return published - timedelta(days=back)
    weekday = _WEEKDAYS.index(match.group("weekday").lower())
    if (match.group("side") or "").lower() == "prochain":
        ahead = (weekday - published.weekday()) % 7 or 7
        return published + timedelta(days=ahead)
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def _resolve_year(match: re.Match[str]) -> date:
    year = int(match.group("year"))
    cue = _cue(match)
    season = match.group("season")
    if season:
        month, day = _SEASONS[season.lower()]
        return date(year, month, day)
    if cue.startswith(_END) or "fin" in cue:
        return date(year, 12, 31)
    if cue.startswith("mi") or "mi-" in cue or " mi" in cue:
        return date(year, 7, 1)
    return date(year, 1, 1)
