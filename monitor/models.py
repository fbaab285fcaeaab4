"""Plain typed records that travel between the steps of an article's path.

They hold no database state: ``monitor.storage`` maps them to rows, the claim extractor
produces :class:`Claim`, the rule engine turns claims into :class:`AlertCandidate`.

Text offsets are character offsets into the NFC-normalised article text, so a claim can
always be quoted from the stored article.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime


class Qualifier(enum.StrEnum):
    """How the text bounds a figure."""

    EXACT = "exact"  # "300 soldats"
    APPROX = "approx"  # "environ 300", "près de 1 500", "une dizaine"
    AT_LEAST = "at_least"  # "au moins 150", "pas moins de 11 000"
    MORE_THAN = "more_than"  # "plus de 13 000", "au-delà de"
    AT_MOST = "at_most"  # "jusqu'à 12 000", "au maximum"
    LESS_THAN = "less_than"  # "moins de 500"
    RANGE = "range"  # "entre 25 000 et 30 000", "11 000 à 12 000"
    VAGUE = "vague"  # "des dizaines", "plusieurs milliers"


class Modality(enum.StrEnum):
    """How sure the text is that the counted event happened."""

    ASSERTED = "asserted"  # indicative: "ont été tués"
    REPORTED = "reported"  # conditional, unconfirmed: "auraient été envoyés"
    PLANNED = "planned"  # future or intention: "doivent être déployés", "prévoit de livrer"
    NEGATED = "negated"  # "n'ont pas", "aucun"


class Unit(enum.StrEnum):
    """What kind of number a claim holds.

    Measures are stored in one base unit per kind, so figures written in tonnes and in
    kilos compare: kilograms, litres, square metres, metres, watts, watt-hours,
    kilometres per hour and degrees Celsius (see :mod:`monitor.figures`).
    """

    COUNT = "count"
    PERCENT = "percent"
    POINT = "point"  # percentage points: "le chômage a baissé de 0,7 point"
    MONEY = "money"
    MASS = "mass"
    VOLUME = "volume"
    AREA = "area"
    LENGTH = "length"
    POWER = "power"
    ENERGY = "energy"
    SPEED = "speed"
    TEMPERATURE = "temperature"


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Words the extractor needs, gathered from every rule file (the extractor stays
    topic-agnostic).

    All strings are lowercase and NFC. ``nouns`` and ``predicates`` may hold several words
    ("unités d'artillerie", "lance-roquettes"). ``sources`` maps each alias (lowercase) to
    its canonical source name. ``approx_tolerance`` is the relative half-width given to an
    approximate figure ("environ 300" -> [270, 330] at 0.1).
    """

    nouns: frozenset[str] = frozenset()
    predicates: frozenset[str] = frozenset()
    sources: Mapping[str, str] = field(default_factory=dict)
    approx_tolerance: float = 0.1


# Claim.earlier of a figure dated two years or more before its article: another event.
PAST_EVENT = "past event"
# Claim.earlier of a yardstick the event is compared with, an average over past years ("la
# moyenne décennale est de 805 196 hectares"): no figure of the event, and no quantity's.
BASELINE = "baseline"


@dataclass(frozen=True, slots=True)
class Claim:
    """One figure stated in an article, before any topic is assigned.

    ``low``/``high`` are the interval the text supports; ``None`` is an open side, never a
    made-up number. ``value`` is the central figure as written ("environ 2 700" -> 2700),
    ``None`` for vague amounts ("des centaines").
    """

    value_text: str  # the figure as written, with its qualifier: "environ 2 700"
    low: float | None
    high: float | None
    qualifier: Qualifier
    value: float | None = None
    unit: Unit = Unit.COUNT
    currency: str | None = None  # "EUR", "USD" when unit is MONEY
    noun: str | None = None  # lemma of the counted noun: "soldat"
    noun_phrase: str | None = None  # as written, with modifiers: "soldats nord-coréens"
    predicate: str | None = None  # lemma of what happened to it: "tuer", "blesser", "déployer"
    source: str | None = None  # canonical source name when an alias matched, else as written
    source_text: str | None = None  # as written: "selon le renseignement sud-coréen"
    modality: Modality = Modality.ASSERTED
    time_ref: date | None = None  # when the figure applies, resolved against the article date
    time_text: str | None = None  # as written: "fin janvier", "d'ici décembre"
    sentence: str = ""
    sentence_start: int = 0  # offset of the sentence in the article text
    span: tuple[int, int] = (0, 0)  # offsets of the figure (value_text) in the article text
    parent_span: tuple[int, int] | None = None  # "dont 600 tués": span of the including figure
    # The figure this one continues and counts the same thing as: "17 morts, contre 14 la
    # veille", "31 600 morts en Turquie et 4 500 en Syrie", "la CGT en a compté 3,5 millions".
    antecedent_span: tuple[int, int] | None = None
    # Why the figure is not news, when the article gives it as such: "past event" (dated
    # two years or more before the article: "en 2004, le séisme avait fait 628 morts", the
    # figure of another event, which counts no quantity), "baseline" (an average over past
    # years the event is compared with, no quantity's either), "historical" (dated half a year
    # or more before the article)
    # or "earlier" (an earlier statement: "un précédent bilan faisait état de 2 012 morts",
    # "contre 14 la veille", a pluperfect "avait fait"). Such claims raise no alert.
    earlier: str | None = None
    # The figure's own clause, as offsets into ``sentence``: the words between the figures
    # around it, cut at "dont", "contre", ";" ... ("320 000 manifestants en France, dont
    # 55 000 à Paris": "55 000 à Paris"). Rule contexts and exclusions look there first.
    clause: tuple[int, int] | None = None
    # The clause with what it shares with its neighbours: "12 morts et 180 blessés en
    # Turquie" puts the 12 in Turkey too; "contre 14 la veille" takes its figure's clause.
    scope: tuple[int, int] | None = None
    denial: bool = False  # the sentence contradicts or denies other reports in words
    # The figure updates its source's earlier one: "un nouveau bilan fait état de 2 012
    # morts", "le bilan s'est alourdi à", "revu à la hausse", "désormais".
    revision: bool = False
    # The figure says by how much something changed, not how much it is: "en hausse de
    # trois centimes", "14,1 centimes de plus qu'une semaine plus tôt", "a chuté de 22
    # centimes". It counts only for a quantity of changes ("hausse des salaires").
    change: bool = False
    # One of figures that add up to the figure before them ("100 prisonniers, 80 hommes et
    # 20 femmes"): a breakdown of that count, which goes only where a context names it.
    composition: bool = False


@dataclass(frozen=True, slots=True)
class ArticleInput:
    """An article ready for ingest, from a fixture file or a crawled page."""

    url: str  # canonical URL, or "fixture:<path>" for offline files without one
    text: str
    title: str | None = None
    published: datetime | None = None  # tz-aware UTC
    language: str | None = None
    outlet: str | None = None
    author: str | None = None
    source_name: str | None = None  # the configured source (feed) it came from
    origin: str | None = None  # "seeds/001_x.txt", the file it was read from


class AlertKind(enum.StrEnum):
    NEW_QUANTITY = "new_quantity"
    NEW_FIGURE = "new_figure"
    CONTRADICTION = "contradiction"
