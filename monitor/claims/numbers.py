"""Numbers as French newspapers write them: find them, read their value, drop non-counts.

A :class:`Figure` is one number as written, before any qualifier ("environ", "jusqu'à")
or range ("11 000 à 12 000") is applied; :mod:`monitor.claims.qualifiers` combines figures
into quantities.

Recognised forms:

* digits with any thousands separator (space, U+00A0, U+202F, dot, apostrophe) or none,
  a decimal comma, and an optional scale word: ``2 700``, ``4.700``, ``8000``,
  ``1,5 million``, ``3 millions``;
* numbers in words, read with text2num: ``onze mille``, ``quatre-vingt-dix``,
  ``trois millions``; a lone ``un``/``une`` is an article, never a count;
* round amounts, read as approximate: ``une dizaine`` (10), ``un millier`` (1 000),
  ``une centaine de milliers`` (100 000);
* vague amounts, read as honest intervals: ``des dizaines`` [20, 99], ``des centaines``
  [200, 999], ``plusieurs milliers`` [2 000, 9 999], ``des dizaines de milliers``
  [20 000, 99 999]. The rule is [2 x unit, 10 x unit - 1] whatever the determiner
  (``des``, ``plusieurs``, ``quelques``, ``de nombreux``); ``des millions`` goes up to
  999 999 999 and ``des milliards`` is open above.

Not counts, and dropped here: years (``en 2025``, ``fin 2024``), dates (``le 24 octobre``,
``1er novembre``), ordinals (``38e``, ``deuxième``), calibres and measures (``170 mm``,
``300 km``, ``10 tonnes``), durations and ages (``25 ans``, ``trois jours``), times
(``14h30``), model names (``KN-23``, ``M-1989``, ``G7``, ``Su-25``, ``Leopard 2``), numbered things
(``article 4``, ``page 12``), fractions (``deux tiers``), multipliers (``trois fois``),
phone numbers and codes. Percentages and money are kept with their :class:`Unit`.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Literal

from text_to_num import text2num

from monitor.figures import CURRENCIES, MEASURE_PATTERN, currency_code, measure_unit
from monitor.models import Unit

SPACES = "\u00a0\u202f\u2009\u2007"
APOSTROPHES = "’ʼ′`"
_TYPOGRAPHY = {ord(c): " " for c in SPACES} | {ord(c): "'" for c in APOSTROPHES}
_TYPOGRAPHIC = re.compile(f"[{SPACES}{APOSTROPHES}]")

_SCALES: dict[str, float] = {
    "mille": 1e3,
    "milliers": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "milliard": 1e9,
    "milliards": 1e9,
    "md": 1e9,
    "mds": 1e9,
    "mrd": 1e9,
    "mrds": 1e9,
}
# Letters glued to a figure before a currency sign ("1,2 M€", "500 k€"), or "k" alone
# ("10k abonnés").
_SUFFIXES: dict[str, float] = {
    "k": 1e3,
    "m": 1e6,
    **{word: _SCALES[word] for word in ("md", "mds", "mrd", "mrds")},
}

_ROUND_UNITS: dict[str, float] = {
    "dizaine": 10,
    "douzaine": 12,
    "quinzaine": 15,
    "vingtaine": 20,
    "trentaine": 30,
    "quarantaine": 40,
    "cinquantaine": 50,
    "soixantaine": 60,
    "centaine": 100,
    "millier": 1e3,
    "million": 1e6,
    "milliard": 1e9,
}

_MONTHS = (
    "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre"
    "|novembre|décembre|decembre|janv\\.|févr\\.|fév\\.|avr\\.|juil\\.|sept\\.|oct\\.|nov\\.|déc\\."
)
_WEEKDAYS = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"

_WORD = (
    "zéro|une|un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze"
    "|quinze|seize|vingts|vingt|trente|quarante|cinquante|soixante|septante|huitante|octante"
    "|nonante|cents|cent|mille|millions|million|milliards|milliard"
)
_DIGITS = (
    r"(?P<sign>[-−+](?=\d))?"
    r"(?P<digits>\d{1,3}(?:[ .'](?=\d{3}(?!\d))\d{3})+(?:,\d+)?"
    r"|\d{1,3}(?:,\d{3})+(?!,?\d)"
    r"|\d+(?:,\d+)?)"
    r"(?:\s?(?P<scale>millions|million|milliards|milliard|mille|mds|md|mrds|mrd)(?![\w-])"
    r"|\s?(?P<suffix>k|m|md|mds|mrd|mrds)(?=\s?[€$£])"
    r"|(?P<kilo>k|m)(?![\w'-]))?"
)
_WORDS = (
    rf"(?P<words>(?<![\w-])(?:{_WORD})(?:[\s-]+(?:{_WORD})|(?:\s+et\s+|-et-)(?:un|une|onze))*"
    r"(?![\w-]))"
)
_ROUND = (
    r"(?P<round>(?<![\w-])(?:une|un|la|le)\s+(?:[«\"]\s*)?(?:(?:petite|bonne|grosse|petit|bon|gros)\s+)?"
    r"(?P<round_unit>dizaine|douzaine|quinzaine|vingtaine"
    r"|trentaine|quarantaine|cinquantaine|soixantaine|centaine|millier)"
    r"(?:\s+de\s+(?P<round_scale>milliers|millions|milliards))?(?![\w-]))"
)
_HALF = (
    r"(?P<half>(?<![\w-])(?:un|une)\s+demi-(?P<half_unit>million|milliard|millier|douzaine"
    r"|centaine|dizaine|point|degré)(?![\w-]))"
)
# "un" is an article, except before a unit ("d'un point", "un centime", "une tonne") and in
# a toll, where it counts one casualty: "un mort", "une personne est morte", "un policier
# a été blessé", "dont une personne décédée".
_CASUALTY = r"(?:mort|morte|tué|tuée|blessé|blessée|décédé|décédée|disparu|disparue|noyé|noyée)"
_ONE = (
    r"(?P<one>(?<![\w-])(?:un|une)(?=\s+(?:seule?(?![\w-])|(?:degré|centime|euro|dollar|tonne|litre"
    r"|hectare|kilomètre|mètre|kilo|mégawatt|gigawatt|térawattheure)(?![\w-])"
    rf"|(?:mort|blessé|blessée|victime|décès|disparu|disparue|tué|tuée)(?![\w-])"
    rf"|[^\W\d][\w-]*\s+(?:(?:est|a\s+été|était|avait\s+été|aurait\s+été|serait)\s+"
    rf"(?:(?:grièvement|légèrement|gravement)\s+)?)?{_CASUALTY}(?![\w-]))))"
)
# "des milliers de vacanciers", and after a noun "l'évacuation de milliers de vacanciers".
_VAGUE = (
    r"(?P<vague>(?<![\w-])(?:des|plusieurs|quelques|de\s+nombreux|de\s+nombreuses|nombreux"
    r"|nombreuses|par|les|de(?=\s+(?:dizaines|centaines|milliers)\s+(?:de|d')))"
    r"\s+(?:[«\"]\s*)?(?P<vague_unit>dizaines|centaines|milliers|millions|milliards)"
    r"(?:\s+de\s+(?P<vague_scale>milliers|millions|milliards))?(?![\w-]))"
)
# Python's re is several times slower with IGNORECASE: the scans run on lowercased text.
_MAY_HOLD_NUMBER = re.compile(
    r"\d|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douz|treize|quatorze|quinz"
    r"|seize|vingt|trent|quarant|cinquant|soixant|septante|huitante|octante|nonante|cent"
    r"|mill|dizaine|demi|une?\s+(?:degr|euro|dollar|tonne|litre|hectare|kilo|m[eè]tre|méga"
    r"|giga|téra)|une?\s+seule?|une?\s+(?:\S+\s+){0,4}?(?:mort|bless|victime|décè|décéd|disparu|tué|noyé)"
    r"|tiers|quart|moitié|cinquième|dixième"
)
# The leading look-ahead lists every letter a figure can start with: the scan skips other
# positions at once (three times faster on news text).
_FIGURE_RE = re.compile(
    rf"(?=[\d+\-−dpqnluztcshovm])(?:{_VAGUE}|{_HALF}|{_ROUND}|{_ONE}|{_DIGITS}|{_WORDS})"
)
_FIGURE_ANY_CASE_RE = re.compile(_FIGURE_RE.pattern, re.IGNORECASE)

_CURRENCY_AFTER = re.compile(
    r"\s*(?:de\s+|d')?(?P<cur>" + "|".join(f"(?:{p})" for p, _ in CURRENCIES) + r")(?!\w)",
    re.IGNORECASE,
)
_CURRENCY_BEFORE = re.compile(r"(?P<cur>us\$|\$|€|£)\s*$", re.IGNORECASE)
_MONEY_OR_PERCENT_AFTER = re.compile(
    r"\s*(?:de\s+|d')?(?:" + "|".join(f"(?:{p})" for p, _ in CURRENCIES) + r"|%|pour\s*cent)(?!\w)",
    re.IGNORECASE,
)
_PERCENT_AFTER = re.compile(r"\s*(?:%|pour\s*cent\b|pour-cent\b|p\.\s?100\b)", re.IGNORECASE)

# Durations, ages and other units that make a number not an amount.
_UNIT_AFTER_CASED = re.compile(r"\s*(?:h|min|s|V|Mo|Go|To|Ko|mph|nm)(?![\w/])")
_UNIT_AFTER = re.compile(
    r"\s*(?:de\s+|d')?(?:(?:premi[eè]re?s?|derni[eè]re?s?|prochaine?s?|longue?s?|bonne?s?"
    r"|petite?s?|courte?s?)\s+)?(?:ans|an|années?|mois|semaines?|jours?|journées?|nuits?"
    r"|heures?|minutes?|secondes?|siècles?|décennies?|nœuds?|noeuds?|pieds?|pouces?|fois"
    r"|tiers|quarts?|moitiés?|demis?|reprises|calories|volts?|octets?)(?![\w-])",
    re.IGNORECASE,
)
# A unit of measure after a figure: "10 000 tonnes", "1,5 million de litres", "120 mm".
_MEASURE_AFTER = re.compile(
    rf"\s*(?P<de>(?:de|d')\s*)?(?P<unit>{MEASURE_PATTERN})(?![\w/'-])", re.IGNORECASE
)
# Percentage points: "0,7 point", "2 points de pourcentage", "0,1 point de PIB", "sept points
# de plus"; "30 points de deal" counts places.
_POINT_AFTER = re.compile(
    r"\s*(?:de\s+)?points?(?![\w-])(?:\s+(?:de|d')\s*(?:pourcentage|pib|base|croissance"
    r"|l'inflation|inflation|chômage|plus|moins|hausse|baisse|progression|écart|avance|retard"
    r"|marge)(?![\w-])|(?!\s+(?:de|d')\s*\w))",
    re.IGNORECASE,
)
# A calibre, not a length: "obus de 155 mm", "calibre 12,7 mm".
_CALIBRE_BEFORE = re.compile(
    r"(?:calibre|obus|obusiers?|canons?|mortiers?|munitions?|cartouches?|balles?|fusils?"
    r"|mitrailleuses?|roquettes?|lance-roquettes|lanceurs?|pièces?|artillerie|armes?|tubes?"
    r"|missiles?)(?:\s+[\w'-]+){0,3}?\s+(?:de\s+|du\s+)?$",
    re.IGNORECASE,
)
_MINUS_BEFORE = re.compile(
    r"(?<![\w'])(?<!au\s)(?<!du\s)(?<!ou\s)(?<!de\s)(?<!pas\s)(?<!en\s)moins\s+$", re.IGNORECASE
)
_AND_HALF_AFTER = re.compile(r"\s+et\s+demie?(?![\w-])", re.IGNORECASE)
_ROUND_PLURAL_AFTER = re.compile(
    r"\s+(?P<unit>dizaines|douzaines|quinzaines|vingtaines|trentaines|centaines)(?![\w-])",
    re.IGNORECASE,
)
_DATE_AFTER = re.compile(
    rf"(?:\s*(?:au|et|-|–)\s*\d{{1,2}}(?:er)?)?\s*(?:{_MONTHS})(?![\w])", re.IGNORECASE
)
_WEEKDAY_BEFORE = re.compile(rf"(?:{_WEEKDAYS})\s*$", re.IGNORECASE)
_NUMBERED_BEFORE = re.compile(
    r"(?<![\w-])(?:articles?|art\.|alinéas?|paragraphes?|chapitres?|numéros?|n°|no\.?|nº|page"
    r"|pages|p\.|pp\.|tomes?|volumes?|vol\.|sections?|rue|avenue|boulevard|route|autoroute"
    r"|ligne|lignes|saisons?|épisodes?|chambre|bâtiment|niveau|catégorie|classe|type|version"
    r"|phase|étape|acte|annexe|décret|loi|résolution|canal|bus|tram|vol|porte|quai|terminal"
    r"|salle|modèle|série|lot|code|dossier|ticket|covid|top|ligue|formule|windows|iphone"
    r"|galaxy|station|parcelle|lots|note|notes|score|scores|kilomètre|km|pk|tableau|figure"
    r"|graphique|annexe|partie|psaume|verset|mission|opération|édition|numéro|rang"
    r"|niveaux?|grade|échelon|indice|zone|secteur|tour|manche|journée|étage|couloir|quartier"
    r"|arrondissement|département|circonscription|groupe|poule|match|stade|acte|scène|h)\s*$",
    re.IGNORECASE,
)
_YEAR_CUE_BEFORE = re.compile(
    r"(?<![\w-])(?:en|fin|début|debut|mi|depuis|d'ici|dès|avant|après|l'an|année|années"
    r"|l'année|été|hiver|printemps|automne|l'été|l'hiver|l'automne|janvier|février|mars|avril"
    r"|mai|juin|juillet|août|septembre|octobre|novembre|décembre|jusqu'en|courant|vers"
    r"|horizon|l'horizon|cop)[\s-]*(?:à\s+)?$",
    re.IGNORECASE,
)
_PLURAL_WORD_AFTER = re.compile(r"\s+(?P<word>[a-zàâäçéèêëîïôöùûüœ'-]+)", re.IGNORECASE)
_SMALL_WORD_BEFORE = re.compile(
    r"(?<![\w-])(?:des|aux|l'un|l'une|un|une)\s*$",
    re.IGNORECASE,
)
# Before "deux", an article or a demonstrative makes it "both": "les deux pays", "ces deux
# hommes". A possessive does not ("ses deux pilotes ont été tués"), nor does a determiner
# before another small number ("les six chars promis", "ses trois fils").
_BOTH_BEFORE = re.compile(
    r"(?<![\w-])(?:les|ces|des|aux|l'un|l'une|un|une)\s*$",
    re.IGNORECASE,
)
_PARTITIVE_AFTER = re.compile(r"\s+(?:des|d'entre|d'eux|d'elles)(?![\w])", re.IGNORECASE)
_ADJECTIVE_NEUF_AFTER = re.compile(r"\s*(?:[.,;:!?)»\"]|$|et\s)", re.IGNORECASE)
_RANGE_TAIL = re.compile(
    rf"\s*(?:à|-|–|et|ou)\s*(?:\d[\d .,]*\d|\d|(?:(?:{_WORD})[\s-]*)+)", re.IGNORECASE
)
# A capitalised word inside a sentence right before a small plain number names a model
# or a series ("Leopard 2", "France 2", "Ligue 1"), not a count.
_NAME_BEFORE = re.compile(r"[\w,;:'’«»]\s+[A-ZÀ-Þ][\w-]*[a-zà-ÿ][\w-]* $")
# ... unless a place comes before and what is counted after: "et au Canada 8 chars".
_PLACE_NAME_BEFORE = re.compile(r"(?<![\w])(?:au|aux|en|à|pour)\s+[A-ZÀ-Þ][\w-]* $")
_PLURAL_AFTER = re.compile(r"\s+[a-zà-ÿ][\w-]*[sx](?![\w])")
_NAME_BEFORE_PAREN = re.compile(r"[A-ZÀ-Þ][\w-]*[a-zà-ÿ]\s*$")
_LABEL_BEFORE = re.compile(r"[«“\"]\s*$")
_LABEL_AFTER = re.compile(r"\s*[»”\"]")
_LINK_AFTER = re.compile(r"\s+(?:de|d')\s*(?=[^\W\d])", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Figure:
    """One number as written in a string.

    ``start``/``end`` bound the figure ("2 700", "trois millions", "des milliers");
    ``link_end`` also covers a following "de"/"d'" that ties it to its noun
    ("des milliers de" soldats), so a parser sees "2000 soldats".
    """

    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    round: bool = False  # "une dizaine", "un millier": approximate by nature
    vague: bool = False  # "des centaines": an interval, no value
    words: bool = False  # written in words
    scale: float = 1.0  # multiplier given by a scale word ("millions")
    unit: Unit = Unit.COUNT
    currency: str | None = None
    link_end: int = 0
    plain: bool = False  # plain digits with no separator, decimal or scale ("2025")
    factor: float = 1.0  # base units per written unit: 0,01 for centimes, 1 000 for km


def normalise_typography(text: str) -> str:
    """Return ``text`` with the same length, with typographic apostrophes and spaces made plain.

    The result has one character per input character, so offsets stay valid.
    """
    if _TYPOGRAPHIC.search(text) is None:
        return text
    return text.translate(_TYPOGRAPHY)


def strip_accents(text: str) -> str:
    """Return ``text`` lowercased, without accents, apostrophes made plain, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", normalise_typography(text).casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.split())


def parse_digits(digits: str) -> float:
    """Read a figure written in digits: ``2 700`` -> 2700, ``1,5`` -> 1.5, ``4.700`` -> 4700."""
    plain = normalise_typography(digits).replace(" ", "").replace("'", "")
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", plain) and plain.count(",") >= 1:
        # An English thousands separator ("11,000"), never a French decimal of three places
        # in a count.
        return float(plain.replace(",", ""))
    plain = plain.replace(".", "").replace(",", ".")
    return float(plain)


def parse_words(words: str) -> float | None:
    """Read a number written in words with text2num; ``None`` if it is not a number."""
    cleaned = re.sub(r"\s+", " ", words.lower().strip())
    try:
        return float(text2num(cleaned, "fr"))
    except ValueError:
        return None


def find_figures(text: str) -> list[Figure]:
    """Every number written in ``text`` that may be a count, percentage or amount of money.

    Offsets are into ``text``. Years, dates, ordinals, measures, model names and numbered
    things are dropped (see the module docstring).
    """
    plain = normalise_typography(text)
    figures: list[Figure] = []
    lowered = plain.lower()
    if _MAY_HOLD_NUMBER.search(lowered) is None:
        return figures
    # str.lower() keeps offsets except for a few letters ("İ"): then match on any case.
    matches = (
        _FIGURE_RE.finditer(lowered)
        if len(lowered) == len(plain)
        else _FIGURE_ANY_CASE_RE.finditer(plain)
    )
    for match in matches:
        figure = _read_match(plain, match)
        if figure is None:
            continue
        figure = _classify(plain, figure)
        if figure is not None:
            figures.append(figure)
    return _ratios(lowered, _drop_scores(plain, _enumerated_ones(lowered, figures)))


# "une station-service sur dix", "huit cas sur dix", "un Français sur trois": a share, out
# of a round number; "350 sièges sur 577" is a count out of its total.
_SMALL_WORDS = "un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix"
_RATIO = re.compile(
    rf"(?<![\w-])(?P<num>{_SMALL_WORDS}|\d{{1,3}})\s+(?:[^\W\d][\w'-]*\s+){{0,3}}?sur\s+"
    rf"(?P<den>{_SMALL_WORDS}|vingt|cent|mille|10|100|1000|[2-9])(?![\w-])"
    r"(?!\s*(?:km|kilomètres?|mètres?|m|ans|années|jours|heures|mois|semaines|%|euros?"
    r"|dollars?|points?)(?![\w-]))"
)


# "un tiers des stations", "les trois quarts des votes", "près de la moitié": a share.
_FRACTION = re.compile(
    r"(?<![\w-])(?:(?P<num>un|une|deux|trois|quatre)\s+(?P<den>tiers|quarts?|cinquièmes?"
    r"|dixièmes?)|(?:la|une)\s+(?P<half>moitié))(?![\w-])(?!\s+d'heure)"
    r"(?=\s+(?:des|du|de\s+la|de\s+l'|d'|de|dans|en|à|au|aux|sur|,|;|\.|$))"
)
_DENOMINATORS = {"tiers": 3, "quart": 4, "cinquième": 5, "dixième": 10}


def _ratios(lowered: str, figures: list[Figure]) -> list[Figure]:
    """Read "N ... sur M" and fractions in words ("les trois quarts des votes") as shares,
    in per cent."""
    if " sur " not in lowered and not _FRACTION.search(lowered):
        return figures
    shares: list[Figure] = []
    for match in _FRACTION.finditer(lowered):
        if match.group("half"):
            value = 50.0
        else:
            part = _small_value(match.group("num"))
            written = match.group("den")
            whole = _DENOMINATORS[written if written == "tiers" else written.removesuffix("s")]
            if part is None or not 0 < part < whole:
                continue
            value = round(100 * part / whole, 1)
        shares.append(
            Figure(
                start=match.start(), end=match.end(), value=value, low=value, high=value,
                words=True, unit=Unit.PERCENT,
            )
        )  # fmt: skip
    for match in _RATIO.finditer(lowered):
        num, den = (_small_value(match.group(name)) for name in ("num", "den"))
        if num is None or den is None or not 0 < num < den:
            continue
        value = round(100 * num / den, 1)
        shares.append(
            Figure(
                start=match.start(), end=match.end(), value=value, low=value, high=value,
                words=True, unit=Unit.PERCENT,
            )
        )  # fmt: skip
    if not shares:
        return figures
    kept = [
        figure
        for figure in figures
        if not any(share.start <= figure.start < share.end for share in shares)
    ]
    return sorted(kept + shares, key=lambda figure: figure.start)


def _small_value(written: str) -> float | None:
    if written in ("un", "une"):
        return 1.0
    if written.isdigit():
        return float(written)
    return parse_words(written)


# "cinq avions et un hélicoptère", "11 avions et un hélicoptère de sa flotte": in a list of
# counts, "et un"/"et une" before what is counted is one.
_ENUMERATED_ONE = re.compile(
    r"(?<![\w])et\s+(?P<one>une?)\s+(?!(?:peu|tiers|quart|demi|partie|fois|moment|temps"
    r"|certaine?|nombre|total|niveau|jour|an|seul|seule|peu)(?![\w-]))(?=[a-zà-ÿ])"
)
_LIST_GAP = re.compile(r"^[^.;:!?()]{0,60}$")


def _enumerated_ones(lowered: str, figures: list[Figure]) -> list[Figure]:
    if not figures:
        return figures
    taken = {figure.start for figure in figures}
    extra: list[Figure] = []
    for match in _ENUMERATED_ONE.finditer(lowered, figures[0].end):
        start = match.start("one")
        if start in taken:
            continue
        before = [figure for figure in figures if figure.end <= start]
        if (
            not before
            or before[-1].unit is not Unit.COUNT
            or not _LIST_GAP.match(lowered[before[-1].end : start])
        ):
            continue
        if not _PLURAL_COUNT_AFTER.match(lowered, before[-1].end):
            continue  # the figure before counts something: "5 avions", not "5 %"
        extra.append(
            Figure(start=start, end=match.end("one"), value=1.0, low=1.0, high=1.0, words=True)
        )
    return sorted(figures + extra, key=lambda figure: figure.start) if extra else figures


_PLURAL_COUNT_AFTER = re.compile(r"\s+(?:de\s+|d')?[a-zà-ÿ][\w-]*[sx](?![\w])")


def _read_match(text: str, match: re.Match[str]) -> Figure | None:
    figure = _read_written(text, match)
    if figure is None or figure.vague:
        return figure
    assert figure.value is not None
    half = _AND_HALF_AFTER.match(text, figure.end)
    if half and figure.scale > 1.0:
        # "3 millions et demi", "un million et demi"
        value = figure.value + figure.scale / 2
        return replace(figure, end=half.end(), value=value, low=value, high=value)
    plural = _ROUND_PLURAL_AFTER.match(text, figure.end)
    if plural and figure.scale == 1.0 and figure.value < 100 and not figure.round:
        # "deux douzaines", "trois centaines"
        value = figure.value * _ROUND_UNITS[plural.group("unit").lower().rstrip("s")]
        return replace(
            figure, end=plural.end(), value=value, low=value, high=value, round=True, plain=False
        )
    return figure


def _read_written(text: str, match: re.Match[str]) -> Figure | None:
    start, end = match.span()
    if match.group("vague"):
        unit = _ROUND_UNITS[match.group("vague_unit").lower().rstrip("s")]
        scale = _scale_of(match.group("vague_scale"))
        base = unit * scale
        low = 2 * base
        high: float | None = 10 * base - 1
        if base >= 1e9:
            high = None
        elif base >= 1e6:
            high = 1e9 - 1
        return Figure(start, end, None, low, high, vague=True, words=True)
    if match.group("one"):
        return Figure(start, end, 1.0, 1.0, 1.0, words=True)
    if match.group("half"):
        unit_word = match.group("half_unit").lower()
        if unit_word in ("point", "degré"):
            kind = Unit.POINT if unit_word == "point" else Unit.TEMPERATURE
            return Figure(start, end, 0.5, 0.5, 0.5, words=True, unit=kind, link_end=end)
        value = _ROUND_UNITS[unit_word] / 2
        big = unit_word in ("million", "milliard")
        scale = _ROUND_UNITS[unit_word] if big else 1.0
        return Figure(start, end, value, value, value, round=not big, words=True, scale=scale)
    if match.group("round"):
        unit = _ROUND_UNITS[match.group("round_unit").lower()]
        value = unit * _scale_of(match.group("round_scale"))
        return Figure(start, end, value, value, value, round=True, words=True)
    if match.group("digits"):
        sign = match.group("sign")
        digits_start = match.start("digits")
        if sign and not _is_sign(text, start):
            start, sign = digits_start, None
        suffix = match.group("suffix") or match.group("kilo")
        if match.group("kilo") and text[match.start("kilo")] == "m":
            return None  # "3m" is three metres glued; "1,28M" is a million
        last = match.end("suffix") if match.group("suffix") else match.end()
        if not _digits_stand_alone(
            text, start, digits_start, last if suffix else match.end("digits")
        ):
            return None
        written = match.group("digits")
        scale_word = match.group("scale")
        if (scale_word or suffix) and re.fullmatch(r"\d{1,3},\d{3}", written):
            # "5,374 milliards": a French decimal comma before a scale, not "5 374".
            value = float(written.replace(",", "."))
        else:
            value = parse_digits(written)
        if scale_word:
            scale = _SCALES[scale_word.lower()]
        elif suffix:
            scale = _SUFFIXES[suffix.lower()]
        else:
            scale = 1.0
        plain_digits = bool(re.fullmatch(r"\d+", match.group("digits"))) and not (
            scale_word or suffix or sign
        )
        total = value * scale * (-1 if sign in ("-", "−") else 1)
        return Figure(start, end, total, total, total, scale=scale, plain=plain_digits)
    words = match.group("words")
    return _read_words(text, start, words)


def _is_sign(text: str, start: int) -> bool:
    """A "-" or "+" glued to digits is a sign unless it joins two figures or a word
    ("11 000-12 000", "KN-23")."""
    before = text[:start].rstrip()
    if start > 0 and not text[start - 1].isspace() and text[start - 1] not in '(«["':
        return False
    return not (before and (before[-1].isdigit() or before[-1] in "-–"))


def _read_words(text: str, start: int, words: str) -> Figure | None:
    # Trim a trailing "et" left by the pattern and any leading lone article before a
    # non-scale word ("un deux" does not happen; "une trentaine" is handled as round).
    tokens = re.split(r"(\s+|-)", words)
    while tokens and tokens[-1].strip(" -").lower() in ("et", ""):
        tokens.pop()
    words = "".join(tokens)
    lowered = words.lower()
    if lowered in ("un", "une", "zéro"):
        return None
    if lowered == "cent" and text[max(0, start - 5) : start].lower() == "pour ":
        return None  # "vingt pour cent"
    if lowered in ("neuf",) and _ADJECTIVE_NEUF_AFTER.match(text, start + len(words)):
        return None
    if re.match(r"(?:un|une)[\s-]+(?!mill)", lowered):
        # "un cent" never; "un deux" never: an article before another number word.
        return None
    value = parse_words(words)
    if value is None:
        # An unreadable sequence ("cent mille cent mille"): keep its readable start.
        first = words.split()[0]
        value = parse_words(first)
        if value is None or first.lower() in ("un", "une"):
            return None
        words = first
    end = start + len(words)
    scale = 1.0
    last = words.lower().split()[-1] if words.split() else ""
    if last in _SCALES and last != "milliers":
        scale = _SCALES[last]
    return Figure(start, end, value, value, value, words=True, scale=scale)


def _scale_of(word: str | None) -> float:
    return _SCALES[word.lower()] if word else 1.0


def _digits_stand_alone(text: str, start: int, digits_start: int, digits_end: int) -> bool:
    """False for digits glued to letters or codes: ``KN-23``, ``G7``, ``14h30``, ``24/10``.

    ``start`` is where the figure starts (its sign, if any).
    """
    before = text[start - 1] if start > 0 else " "
    if before.isalpha() or before in "/:_°#@+":
        return False
    if before == "-" and start >= 2 and text[start - 2].isalpha():
        return False
    if before in ".," and start >= 2 and text[start - 2].isalnum():
        return False  # "2.5" inside a number, "BA.5", "XBB.1" (variants, versions)
    if (
        before == "("
        and digits_end - digits_start == 2
        and text[digits_end : digits_end + 1] == ")"
        and _NAME_BEFORE_PAREN.search(text, 0, start - 1)
    ):
        return False  # a département after its name: "Maine-et-Loire (49)"
    after = text[digits_end] if digits_end < len(text) else " "
    if after in "'′" or (before in "'′" and digits_start >= 2 and text[digits_start - 2].isdigit()):
        return False  # minutes or feet: "(65')", "95'88'"
    if before == "[" and after == "]":
        return False  # a footnote call: "[3]"
    if _LABEL_BEFORE.search(text, 0, digits_start) and _LABEL_AFTER.match(text, digits_end):
        return False  # a label in quotes: la section « 37 », classée « 1 »
    if after.isalpha() or after in "/:_°@*":
        # "1er", "38e", "14h30" and "A400M" are not counts; a scale word is read by the
        # pattern itself.
        return False
    if after == "-" and digits_end + 1 < len(text) and text[digits_end + 1].isalpha():
        return False
    if after in ".," and digits_end + 1 < len(text) and text[digits_end + 1].isdigit():
        return False
    leading_zero = text[digits_start] == "0" and digits_end - digits_start > 1
    return not leading_zero or text[digits_start + 1] == ","  # "0,5 %", not "06 12"


def _classify(text: str, figure: Figure) -> Figure | None:
    """Give ``figure`` its unit and link, or ``None`` when it is not a count."""
    before = text[max(0, figure.start - 40) : figure.start]
    after_start = figure.end
    if _NUMBERED_BEFORE.search(before) and not figure.vague and not figure.round:
        return None
    if (
        figure.plain
        and figure.value is not None
        and figure.value < 100
        and _NAME_BEFORE.search(before)
        and not (_PLACE_NAME_BEFORE.search(before) and _PLURAL_AFTER.match(text, after_start))
    ):
        return None  # a model or a name: "chars Leopard 2", "Airbus A320", "Ligue 1"
    if figure.value is not None and not figure.vague:
        value = figure.value
        if (
            figure.scale == 1.0
            and value == int(value)
            and 1 <= value <= 31
            and (_DATE_AFTER.match(text, after_start) or _WEEKDAY_BEFORE.search(before))
        ):
            return None
        if (
            figure.plain
            and 1000 <= value <= 2100
            and not _amount_after(text, after_start)
            and _looks_like_year(text, figure)
        ):
            return None  # "en 2025", but not "une prime de 1500 €" nor "1800 hectares"
        small_word = figure.words and value < 10 and not figure.round
        if small_word and (
            _PARTITIVE_AFTER.match(text, after_start)
            or (_BOTH_BEFORE.search(before) if value == 2 else _SMALL_WORD_BEFORE.search(before))
        ):
            return None  # "les deux pays" (both), "l'un des trois", "deux des" ...
    currency = _CURRENCY_BEFORE.search(before[-4:])
    if currency:
        start = figure.start - (len(before[-4:]) - currency.start())
        return replace(
            figure,
            start=start,
            unit=Unit.MONEY,
            currency=currency_code(currency.group("cur")),
            link_end=figure.end,
        )
    currency_after = _CURRENCY_AFTER.match(text, after_start)
    if currency_after:
        written = text[figure.start : figure.end]
        if figure.value is not None and re.fullmatch(r"\d{1,3},\d{3}", written):
            # "2,096 €": a French decimal comma before a currency, not "2 096".
            decimal = float(written.replace(",", "."))
            figure = replace(figure, value=decimal, low=decimal, high=decimal)
        if currency_after.group("cur").lower().startswith("centime"):
            figure = replace(_scaled(figure, 0.01), factor=0.01)  # "18 centimes" is 0,18 €
        return replace(
            figure,
            end=currency_after.end(),
            unit=Unit.MONEY,
            currency=currency_code(currency_after.group("cur")),
            link_end=currency_after.end(),
        )
    percent = _PERCENT_AFTER.match(text, after_start)
    if percent:
        return _signed(
            replace(figure, end=percent.end(), unit=Unit.PERCENT, link_end=percent.end()), before
        )
    if is_not_amount_after(text, after_start):
        return None
    measured = _measure(text, figure, before)
    if measured is not None:
        return measured or None
    second = _RANGE_TAIL.match(text, after_start)
    if second and is_not_amount_after(text, second.end()):
        return None  # "de 18 à 25 ans"
    link = _LINK_AFTER.match(text, after_start)
    link_end = figure.end
    if link and (figure.vague or figure.round or figure.scale > 1.0):
        link_end = link.end()
    return replace(figure, link_end=link_end)


def is_not_amount_after(text: str, position: int) -> bool:
    """True when a duration, an age or a multiplier follows ``position`` ("ans", "fois")."""
    return bool(_UNIT_AFTER_CASED.match(text, position) or _UNIT_AFTER.match(text, position))


def _amount_after(text: str, position: int) -> bool:
    """A currency, a percentage or a unit of measure follows ``position``."""
    if _MONEY_OR_PERCENT_AFTER.match(text, position):
        return True
    measure = _MEASURE_AFTER.match(text, position)
    return measure is not None and not measure.group("de")


def _measure(text: str, figure: Figure, before: str) -> Figure | Literal[False] | None:
    """``figure`` with its unit of measure ("10 000 tonnes", "0,7 point"); ``False`` when
    it is a calibre ("obus de 155 mm"); ``None`` when no unit follows."""
    point = _POINT_AFTER.match(text, figure.end)
    if point:
        end = point.end()
        return _signed(replace(figure, end=end, unit=Unit.POINT, link_end=end), before)
    measure = _MEASURE_AFTER.match(text, figure.end)
    if measure is None:
        return None
    if measure.group("de") and not (figure.scale > 1.0 or figure.vague or figure.round):
        return None  # "5 de mètres" does not happen; "cinq d'entre eux" is no measure
    unit = measure_unit(measure.group("unit"))
    if unit is None:
        return None
    if unit.kind is Unit.LENGTH and unit.factor < 1 and _CALIBRE_BEFORE.search(before[-60:]):
        return False
    measured = replace(
        _scaled(figure, unit.factor),
        end=measure.end(),
        unit=unit.kind,
        factor=unit.factor,
        link_end=measure.end(),
    )
    return _signed(measured, before) if unit.kind is Unit.TEMPERATURE else measured


def _signed(figure: Figure, before: str) -> Figure:
    """A sign in words: "moins 5 degrés", "moins 35 %" (not "au moins", "de moins")."""
    minus = _MINUS_BEFORE.search(before)
    if minus is None or figure.value is None or figure.value < 0:
        return figure
    start = figure.start - (len(before) - minus.start())
    return replace(_scaled(figure, -1), start=start)


def _looks_like_year(text: str, figure: Figure) -> bool:
    """A plain four-digit number is a year unless a plural noun follows it ("2025 soldats"),
    or it opens a range of such counts ("entre 1000 et 1500 morts")."""
    before = text[max(0, figure.start - 30) : figure.start]
    if _YEAR_CUE_BEFORE.search(before):
        return True
    if _COUNT_CUE_BEFORE.search(before) or _COUNT_CUE_AFTER.match(text, figure.end):
        return False  # "le bilan atteint 1509", "soit 1642", "à 1319 le nombre de"
    second = _RANGE_TAIL.match(text, figure.end)
    if second and _amount_after(text, second.end()):
        return False
    following = _PLURAL_WORD_AFTER.match(text, second.end() if second else figure.end)
    if not following:
        return True
    word = following.group("word").lower()
    return not (
        len(word) >= 3
        and word[-1] in "sx"
        and word not in _NOT_COUNTED_AFTER_YEAR
        and not re.fullmatch(_MONTHS, word)
    )


# Words ending in -s that follow a year, not a count: "en 2019 dans", "2000 ans".
_NOT_COUNTED_AFTER_YEAR = frozenset(
    {"les", "des", "mes", "tes", "ses", "nos", "vos", "aux", "ans", "sous", "dans", "vers",
     "chez", "sans", "puis", "plus", "mois", "fois", "alors", "depuis", "lors", "après"}
)  # fmt: skip
# A verb or word that gives the figure as an amount, never a year.
# A bound or a part is never said of a year: "au moins 1509 en Syrie", "dont 1404 dans un
# état grave".
_COUNT_CUE_BEFORE = re.compile(
    r"(?<![\w])(?:soit|atteint|atteignent|atteignait|dépasse|dépassent|totalise|dont"
    r"|au\s+moins|(?:pas\s+)?(?:plus|moins)\s+de|près\s+de|quelque|"
    r"(?:s'élève|s'élevait|chiffré|chiffrée|porte|porté|portant|passe|passé)\s+à)\s*$",
    re.IGNORECASE,
)


# "ce qui porte à 1319 le nombre de soldats libérés": the number of something, not a year.
_COUNT_CUE_AFTER = re.compile(
    r"\s+(?:le|leur|son|sa)\s+(?:nombre|total|bilan|chiffre|effectif)(?![\w])", re.IGNORECASE
)


def _scaled(figure: Figure, factor: float) -> Figure:
    def times(value: float | None) -> float | None:
        return None if value is None else round(value * factor, 10)

    return replace(
        figure, value=times(figure.value), low=times(figure.low), high=times(figure.high)
    )


def _drop_scores(text: str, figures: list[Figure]) -> list[Figure]:
    """Drop pairs such as scores ("3-1") and phone-like runs of small digit groups."""
    dropped: set[int] = set()
    for index, (first, second) in enumerate(itertools.pairwise(figures)):
        gap = text[first.end : second.start]
        if (
            gap in ("-", "–")
            and first.value is not None
            and second.value is not None
            and second.value <= first.value
            and not first.words
        ):
            dropped.update((index, index + 1))
        if gap == " " and not first.words and not second.words and first.plain and second.plain:
            dropped.update((index, index + 1))
    return [figure for index, figure in enumerate(figures) if index not in dropped]
