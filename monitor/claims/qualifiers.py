"""Qualifiers and ranges: turn figures into quantities with an honest interval.

A :class:`Quantity` spans the figure with the words that bound it, as written
("environ 2 700", "jusqu'à 12 000", "entre 25 000 et 30 000", "des milliers").

Intervals:

* ``exact``: [v, v];
* ``approx`` ("environ", "près de", "quelque", "une dizaine", "un millier"):
  [v x (1 - t), v x (1 + t)] with t the lexicon's ``approx_tolerance``;
* ``at_least`` ("au moins", "pas moins de") and ``more_than`` ("plus de", "au-delà de"):
  [v, None]; the qualifier says whether v itself is included;
* ``at_most`` ("jusqu'à", "au maximum") and ``less_than`` ("moins de"): [None, v];
* ``range`` ("entre 25 000 et 30 000", "de 11 000 à 12 000", "11 000-12 000"):
  [low, high], ``value`` None (the text gives no central figure);
* ``vague`` ("des centaines"): the interval of :mod:`monitor.claims.numbers`, ``value`` None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from monitor.claims.numbers import Figure, find_figures, is_not_amount_after, normalise_typography
from monitor.figures import currencies_in
from monitor.models import Qualifier, Unit

# Longest phrases first: "pas plus de" before "plus de", "au moins" before "moins de".
_BAR = r"(?:la\s+barre|le\s+cap|le\s+seuil|le\s+plafond|le\s+niveau|le\s+mur)(?:\s+symbolique)?"
_OF = r"\s+(?:des|du|de|d')"
_PREFIXES: tuple[tuple[str, Qualifier], ...] = (
    # "ne dépassera pas 4,4 %", "sans dépasser les 300", "plafonnée à 3,5 %"
    (
        r"(?:ne\s+(?:\w+\s+)?(?:dépass|excéd)\w*\s+pas|(?:pas|sans|jamais)\s+(?:dépasser"
        r"|excéder))(?:\s+les|\s+la|\s+le)?",
        Qualifier.AT_MOST,
    ),
    (r"(?:plafonnée?s?|bornée?s?)\s+(?:à|aux?)", Qualifier.AT_MOST),
    # Bounds given by a verb: "le bilan a dépassé les 150 morts", "a franchi la barre des 200".
    (
        rf"(?:dépass\w*|excéd\w*)(?:\s+(?:déjà|largement|désormais|même|aujourd'hui|nettement"
        rf"|allègrement|ainsi|donc))?(?:\s+{_BAR}{_OF}|\s+les|\s+la|\s+le)?",
        Qualifier.MORE_THAN,
    ),
    (
        rf"(?:franchi\w*|pass\w*|crev\w*|enfonc\w*)(?:\s+(?!sous)\w+)?\s+{_BAR}{_OF}",
        Qualifier.MORE_THAN,
    ),
    (
        rf"(?:atteint|atteignent|atteindre|atteignait|atteindra|touch\w*)\s+{_BAR}{_OF}",
        Qualifier.AT_LEAST,
    ),
    (
        rf"(?:sous|en\s+dessous\s+(?:de|d')|au[\s-]dessous\s+(?:de|d'))\s+{_BAR}{_OF}",
        Qualifier.LESS_THAN,
    ),
    (rf"au[\s-]dessus\s+{_BAR}{_OF}", Qualifier.MORE_THAN),
    (r"(?:en\s+dessous|au[\s-]dessous)\s+(?:de|des|du|d')", Qualifier.LESS_THAN),
    (r"au[\s-]dessus\s+(?:de|des|du|d')", Qualifier.MORE_THAN),
    (r"(?:supérieure?s?|plus\s+grande?s?)\s+ou\s+égale?s?\s+(?:à|aux?)", Qualifier.AT_LEAST),
    (r"(?:inférieure?s?|plus\s+petite?s?)\s+ou\s+égale?s?\s+(?:à|aux?)", Qualifier.AT_MOST),
    (r"plus\s+ou\s+moins", Qualifier.APPROX),
    (r"pas\s+moins\s+(?:de|d')", Qualifier.AT_LEAST),
    (r"pas\s+plus\s+(?:de|d')", Qualifier.AT_MOST),
    (r"tout\s+au\s+plus", Qualifier.AT_MOST),
    (r"au\s+grand\s+maximum", Qualifier.AT_MOST),
    (r"(?:un|au)\s+maximum\s+(?:de|d')", Qualifier.AT_MOST),
    (r"au\s+maximum", Qualifier.AT_MOST),
    (r"au\s+plus", Qualifier.AT_MOST),
    (r"jusqu'(?:à|a)|jusqu'aux?", Qualifier.AT_MOST),
    (r"au\s+moins", Qualifier.AT_LEAST),
    (r"au\s+minimum", Qualifier.AT_LEAST),
    (r"(?:un|au)\s+minimum\s+(?:de|d')", Qualifier.AT_LEAST),
    (r"a\s+minima", Qualifier.AT_LEAST),
    (r"au\s+bas\s+mot", Qualifier.AT_LEAST),
    (r"un\s+peu\s+plus\s+(?:de|d')", Qualifier.MORE_THAN),
    (r"(?:bien|largement|nettement|beaucoup)\s+plus\s+(?:de|d')", Qualifier.MORE_THAN),
    (r"plus\s+(?:de|d')", Qualifier.MORE_THAN),
    (r"au[\s-]delà\s+(?:de|d'|des)", Qualifier.MORE_THAN),
    (r"dépassant(?:\s+les)?", Qualifier.MORE_THAN),
    (r"(?:supérieure?s?|excédant)\s+(?:à|aux?)", Qualifier.MORE_THAN),
    (r"un\s+peu\s+moins\s+(?:de|d')", Qualifier.LESS_THAN),
    (r"(?:bien|largement|nettement)\s+moins\s+(?:de|d')", Qualifier.LESS_THAN),
    (r"moins\s+(?:de|d')", Qualifier.LESS_THAN),
    (r"inférieure?s?\s+(?:à|aux?)", Qualifier.LESS_THAN),
    (r"environ", Qualifier.APPROX),
    (r"approximativement", Qualifier.APPROX),
    (r"à\s+peu\s+près", Qualifier.APPROX),
    (r"quasiment|presque|quasi", Qualifier.APPROX),
    (r"près\s+(?:de|d')", Qualifier.APPROX),
    (r"autour\s+(?:de|d'|des)", Qualifier.APPROX),
    (r"aux\s+alentours\s+(?:de|d'|des)", Qualifier.APPROX),
    (r"de\s+l'ordre\s+(?:de|d')", Qualifier.APPROX),
    (r"(?:une|l')\s*estimation\s+(?:de|d')", Qualifier.APPROX),
    (r"estimée?s?\s+à", Qualifier.APPROX),
    (r"grosso\s+modo", Qualifier.APPROX),
    (r"quelque", Qualifier.APPROX),
)
_PREFIX_RE = re.compile(
    r"(?:" + "|".join(f"(?P<q{i}>{p})" for i, (p, _) in enumerate(_PREFIXES)) + r")\s*$",
    re.IGNORECASE,
)
# The last word of every prefix above: a figure without one has no prefix to look for.
_PREFIX_END = re.compile(
    r"(?<!\w)(?:de|d'|à|a|aux?|moins|plus|maximum|minimum|environ|presque|quasi(?:ment)?"
    r"|approximativement|minima|mot|estimée?s?|dépass\w*|excéd\w*|modo|quelque|les|la|le|des"
    r"|du|pas)\s*$",
    re.IGNORECASE,
)
_SUFFIX_RE = re.compile(
    r"\s+(?P<phrase>environ|au\s+moins|au\s+minimum|au\s+maximum|au\s+plus|tout\s+au\s+plus"
    r"|et\s+plus|ou\s+plus|ou\s+davantage|voire\s+plus|ou\s+moins|et\s+moins|à\s+peine)(?![\w])",
    re.IGNORECASE,
)
_SUFFIXES: dict[str, Qualifier] = {
    "environ": Qualifier.APPROX,
    "au moins": Qualifier.AT_LEAST,
    "au minimum": Qualifier.AT_LEAST,
    "et plus": Qualifier.AT_LEAST,
    "ou plus": Qualifier.AT_LEAST,
    "ou davantage": Qualifier.AT_LEAST,
    "voire plus": Qualifier.AT_LEAST,
    "ou moins": Qualifier.AT_MOST,
    "et moins": Qualifier.AT_MOST,
    "au maximum": Qualifier.AT_MOST,
    "au plus": Qualifier.AT_MOST,
    "tout au plus": Qualifier.AT_MOST,
    "à peine": Qualifier.APPROX,
}
_NOUN_SUFFIX_RE = re.compile(
    r"\s+(?!(?:et|ou|de|d'|à|au|aux|en)\s)[a-zà-ÿœ'-]{3,}\s+(?P<phrase>ou\s+plus|ou\s+moins"
    r"|et\s+plus|et\s+moins|ou\s+davantage|au\s+moins|au\s+minimum|environ)(?![\w])",
    re.IGNORECASE,
)
# "plus de 20 mais moins de 30": one figure bounded on both sides.
_TWO_SIDED_GAP = re.compile(
    r"(?:\s+[a-zà-ÿœ'-]+)?\s*,?\s*(?:mais|et|sans\s+dépasser)\s+", re.IGNORECASE
)
_SHARING_GAP = re.compile(r"\s*(?:à|a|-|–|et|ou|puis|voire|,|/)\s*", re.IGNORECASE)
_THOUSANDS_WRITTEN = re.compile(r"\d{1,3}[ .']000")
_SCALE_AT_END = re.compile(r"(?:millions?|milliards?|mds?|mrds?)$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s+(?:de\s+|d')\s*[^\W\d]", re.IGNORECASE)
_MONEY_NOUN_BEFORE = re.compile(
    r"(?<![\w-])(?:budgets?|dettes?|déficits?|excédents?|coûts?|montants?|enveloppes?"
    r"|factures?|chiffres?\s+d'affaires|bénéfices?|pertes?|recettes?|dépenses?"
    r"|investissements?|subventions?|salaires?|primes?|amendes?|rançons?|prêts?|crédits?"
    r"|sommes?|financements?|fonds|dotations?|transferts?|indemnités?|guichets?|aides?)"
    r"(?:\s+[^\d\s]+){0,4}?\s*$",
    re.IGNORECASE,
)
# "passer de A à B", "porter de A à B": two figures, the old and the new, not a range. (With
# "augmenter", "grimper", "baisser", "de A à B" is by how much: a range.)
_CHANGE_BEFORE = re.compile(
    r"(?<![\w-])(?:pass(?:e|es|ent|é|és|ée|ées|er|era|erait|eraient|ait|aient|ant|èrent)"
    r"|port(?:e|ent|é|és|er|era|erait|ait|aient|ant)|ramen\w*|ramèn\w*|évolu\w*"
    r"|relev(?:é|és|ée|ées|er|ait)|relèv\w*)"
    r"(?:\s+[^\d\s]+){0,4}?\s+(?:de|d')\s*$",
    re.IGNORECASE,
)
# Between a figure with a unit and a bare number that compares with it or follows it:
# "contre", "au lieu de", "puis à", or a new subject and "de"/"à" ("le SP95 de").
_BACK_GAP = re.compile(
    r"(?:\s+(?:le|la|par)\s+(?:litre|kilo|kg|tonne|baril|heure|jour|mois|an|habitant"
    r"|personne|mégawattheure|MWh|kWh|m2|m²|mètre\s+carré))?"
    r"(?:\s+(?:en|au|à\s+la|fin|début|mi-)\s*[\w-]+(?:\s+\d{4})?)?"
    r"\s*,?\s*(?:(?:contre|au\s+lieu\s+(?:de|des|d')|après|puis|voire|et|ou)\s*"
    r"(?:(?:à|a|de|d')\s*)?|(?:à|a|-|–)\s*|(?:(?:et|puis)\s+)?(?:l'|les?\s+|la\s+)[\w-]+(?:\s+[\w-]+)?"
    r"\s+(?:de|à|a|est\s+de|passe\s+de|à\s+peine)\s*)",
    re.IGNORECASE,
)
# What may follow such a bare number: nothing it counts of its own.
_BARE_AFTER = re.compile(
    r"\s*(?:$|[.,;:)»]|(?:et|ou|contre|puis|en|le|la|l'|au|aux|à|dans|pour|selon|fin|début"
    r"|mi-|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|auparavant|un|une)"
    r"(?![\w])|l')",
    re.IGNORECASE,
)
_RANGE_GAP = re.compile(r"\s*(?:à|a|-|–|—|ou)\s*", re.IGNORECASE)
_AND_GAP = re.compile(r"\s*et\s*", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"(?<![\w])entre\s*$", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"(?<![\w])(?:de|d')\s*$", re.IGNORECASE)
_QUALIFIED_RANGE_BEFORE = re.compile(
    r"(?<![\w])(?:environ|quelque|près\s+de|autour\s+de)\s*$", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure with its qualifier and interval, located in the string it was found in.

    ``start``/``end`` bound the value text ("environ 2 700"); ``figure_start`` and
    ``link_end`` bound what a parser should see as one number token ("2 700",
    "des milliers de").
    """

    start: int
    end: int
    figure_start: int
    link_end: int
    value: float | None
    low: float | None
    high: float | None
    qualifier: Qualifier
    unit: Unit = Unit.COUNT
    currency: str | None = None
    parse_value: float = 0.0  # a representative number to show a parser


def find_quantities(text: str, *, tolerance: float = 0.1) -> list[Quantity]:
    """Every count, percentage or amount of money in ``text``, with its qualifier.

    Offsets are into ``text``.
    """
    plain = normalise_typography(text)
    figures = _share_back(plain, _share_units(plain, find_figures(plain)))
    quantities: list[Quantity] = []
    index = 0
    while index < len(figures):
        figure = figures[index]
        following = figures[index + 1] if index + 1 < len(figures) else None
        ranged = _read_range(plain, figure, following) if following else None
        if ranged is not None:
            quantities.append(ranged)
            index += 2
            continue
        quantities.append(_qualify(plain, figure, tolerance))
        index += 1
    return _two_sided(plain, _bare_money(plain, quantities))


def _share_units(text: str, figures: list[Figure]) -> list[Figure]:
    """A bare number written before another figure takes its scale and unit: "entre 1 et
    2 millions", "de 15 à 18 centimes", "160 puis 180 millions d'euros", and the shared
    thousands of "entre 600 et 800 000"."""
    shared = list(figures)
    for index in range(len(shared) - 1, 0, -1):
        first, second = shared[index - 1], shared[index]
        if first.vague or first.value is None or second.value is None:
            continue
        if first.unit is not Unit.COUNT or first.scale > 1.0 or first.round:
            continue
        gap = text[first.end : second.start]
        if not _SHARING_GAP.fullmatch(gap):
            continue
        value = first.value
        if second.scale > 1.0 and value < second.scale:
            value *= second.scale
        elif (_RANGE_GAP.fullmatch(gap) or _AND_GAP.fullmatch(gap)) and _shares_thousands(
            text, first, second
        ):
            value *= 1000
        value *= second.factor if second.unit is not Unit.COUNT else 1.0
        shared[index - 1] = replace(
            first,
            value=value,
            low=value,
            high=value,
            unit=second.unit,
            currency=second.currency,
            factor=second.factor,
            scale=second.scale,
        )
    return shared


def _share_back(text: str, figures: list[Figure]) -> list[Figure]:
    """A bare number written after a figure with a unit, as its comparison or its next
    step, takes that unit: "à 2,0866 euros contre 2,0960 le 10 juin", "passé de 1,62 à
    1,68 euro le litre, le SP95 de 1,57 à 1,64", "30 centimes en septembre, puis 10 en
    novembre", "2,4 milliards d'euros, contre 1,8 l'an dernier"."""
    shared = list(figures)
    for index in range(1, len(shared)):
        first, second = shared[index - 1], shared[index]
        if (
            first.unit is Unit.COUNT
            or first.value is None
            or second.unit is not Unit.COUNT
            or second.value is None
            or second.vague
            or second.round
            or second.scale > 1.0
            or (second.plain and 1900 <= second.value <= 2100)
        ):
            continue
        gap = text[first.end : second.start]
        if not _BACK_GAP.fullmatch(gap) or not _BARE_AFTER.match(text, second.end):
            continue
        value = second.value
        if first.scale > 1.0 and value < first.scale:
            value *= first.scale
        value *= first.factor
        if not first.value / 5 <= value <= first.value * 5:
            continue
        shared[index] = replace(
            second,
            value=value,
            low=value,
            high=value,
            unit=first.unit,
            currency=first.currency,
            factor=first.factor,
            scale=first.scale if value != second.value * first.factor else 1.0,
        )
    return shared


def _shares_thousands(text: str, first: Figure, second: Figure) -> bool:
    """ "entre 600 et 800 000 manifestants": the first figure's thousands are left out."""
    assert first.value is not None and second.value is not None
    written = text[second.start : second.end]
    return (
        second.scale == 1.0
        and second.unit is Unit.COUNT
        and _THOUSANDS_WRITTEN.fullmatch(written) is not None
        and first.value < 1000
        and first.value == int(first.value)
        and second.value / 10 <= first.value * 1000 < second.value
    )


def _bare_money(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """ "23,2 millions" with no noun after it, in a sentence about money, is a sum of money:
    "106,7 millions d'euros de fonctionnement et 23,2 millions pour l'investissement"."""
    money = [q for q in quantities if q.unit is Unit.MONEY]
    result = []
    for quantity in quantities:
        written = text[quantity.start : quantity.end]
        if (
            quantity.unit is Unit.COUNT
            and _SCALE_AT_END.search(written)
            and not _NOUN_AFTER.match(text, quantity.end)
        ):
            currency = _nearest_currency(text, quantity, money)
            if currency is not None:
                quantity = replace(quantity, unit=Unit.MONEY, currency=currency)
        result.append(quantity)
    return result


def _nearest_currency(text: str, quantity: Quantity, money: list[Quantity]) -> str | None:
    if money:
        nearest = min(money, key=lambda other: abs(other.start - quantity.start))
        return nearest.currency
    if _MONEY_NOUN_BEFORE.search(text, max(0, quantity.start - 50), quantity.start):
        currencies = currencies_in(text)
        return currencies.pop() if len(currencies) == 1 else "EUR"
    return None


def round_width(value: float) -> float:
    """The relative half-width a reader gives a round word: "une vingtaine" is 15 to 25,
    "une cinquantaine" 45 to 55, "une centaine" 80 to 120."""
    if value < 25:
        return 0.25
    if value < 100:
        return 5 / value
    return 0.2


def _two_sided(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """Join a lower and an upper bound of one figure: "plus de 20 mais moins de 30"."""
    joined: list[Quantity] = []
    for quantity in quantities:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.qualifier in (Qualifier.MORE_THAN, Qualifier.AT_LEAST)
            and quantity.qualifier in (Qualifier.LESS_THAN, Qualifier.AT_MOST)
            and previous.unit is quantity.unit
            and previous.low is not None
            and quantity.high is not None
            and previous.low < quantity.high
            and _TWO_SIDED_GAP.fullmatch(text, previous.end, quantity.start)
        ):
            joined[-1] = Quantity(
                start=previous.start,
                end=quantity.end,
                figure_start=previous.figure_start,
                link_end=quantity.link_end,
                value=None,
                low=previous.low,
                high=quantity.high,
                qualifier=Qualifier.RANGE,
                unit=quantity.unit,
                currency=quantity.currency or previous.currency,
                parse_value=quantity.high,
            )
            continue
        joined.append(quantity)
    return joined


def interval(
    qualifier: Qualifier, value: float, tolerance: float
) -> tuple[float | None, float | None]:
    """The interval supported by ``value`` under ``qualifier`` (not for ranges or vague)."""
    if qualifier is Qualifier.APPROX:
        return _tidy(value * (1 - tolerance)), _tidy(value * (1 + tolerance))
    if qualifier in (Qualifier.AT_LEAST, Qualifier.MORE_THAN):
        return value, None
    if qualifier in (Qualifier.AT_MOST, Qualifier.LESS_THAN):
        return None, value
    return value, value


def _tidy(number: float) -> float:
    return float(round(number)) if abs(number) >= 100 else round(number, 2)


def _qualify(text: str, figure: Figure, tolerance: float) -> Quantity:
    if figure.vague:
        representative = figure.low if figure.low is not None else 0.0
        return Quantity(
            start=figure.start,
            end=figure.end,
            figure_start=figure.start,
            link_end=figure.link_end,
            value=None,
            low=figure.low,
            high=figure.high,
            qualifier=Qualifier.VAGUE,
            unit=figure.unit,
            currency=figure.currency,
            parse_value=representative,
        )
    assert figure.value is not None
    qualifier = Qualifier.APPROX if figure.round else Qualifier.EXACT
    start, end = figure.start, figure.end
    prefix = None
    if _PREFIX_END.search(text, max(0, figure.start - 20), figure.start):
        prefix = _PREFIX_RE.search(text, max(0, figure.start - 60), figure.start)
    if prefix is not None:
        qualifier = _prefix_qualifier(prefix)
        start = prefix.start()
    else:
        suffix = _SUFFIX_RE.match(text, figure.end)
        if suffix is not None:
            qualifier = _SUFFIXES[" ".join(suffix.group("phrase").lower().split())]
            end = suffix.end()
        else:
            # After the counted noun: "200 manifestants ou plus", "3 enfants ou moins".
            suffix = _NOUN_SUFFIX_RE.match(text, figure.end)
            if suffix is not None:
                qualifier = _SUFFIXES[" ".join(suffix.group("phrase").lower().split())]
    if figure.round and qualifier is Qualifier.APPROX:
        tolerance = round_width(figure.value)
    low, high = interval(qualifier, figure.value, tolerance)
    return Quantity(
        start=start,
        end=end,
        figure_start=figure.start,
        link_end=max(figure.link_end, figure.end),
        value=figure.value,
        low=low,
        high=high,
        qualifier=qualifier,
        unit=figure.unit,
        currency=figure.currency,
        parse_value=figure.value,
    )


def _prefix_qualifier(match: re.Match[str]) -> Qualifier:
    for name, group in match.groupdict().items():
        if group is not None:
            return _PREFIXES[int(name[1:])][1]
    return Qualifier.EXACT


def _read_range(text: str, first: Figure, second: Figure) -> Quantity | None:
    """A range written "entre A et B", "de A à B", "A à B", "A-B" or "A ou B"."""
    if first.vague or second.vague or first.value is None or second.value is None:
        return None
    gap = text[first.end : second.start]
    before = text[max(0, first.start - 12) : first.start]
    between = _BETWEEN_BEFORE.search(before)
    if not (_RANGE_GAP.fullmatch(gap) or (between and _AND_GAP.fullmatch(gap))):
        return None
    low, high = first.value, second.value  # scale and unit shared by _share_units
    if low >= high:
        return None
    if not between and _CHANGE_BEFORE.search(text, max(0, first.start - 60), first.start):
        return None  # "la facture passera de 1 640 à 1 800 euros": from one figure to another
    if first.unit is not Unit.COUNT and second.unit is Unit.COUNT:
        return None
    if is_not_amount_after(text, second.end):
        return None
    start = first.start
    if between:
        start = first.start - (len(before) - between.start())
    else:
        from_word = _FROM_BEFORE.search(before)
        if from_word and gap.strip() in ("à", "a"):
            start = first.start - (len(before) - from_word.start())
    unit = second.unit if second.unit is not Unit.COUNT else first.unit
    currency = second.currency or first.currency
    return Quantity(
        start=start,
        end=second.end,
        figure_start=first.start,
        link_end=max(second.link_end, second.end),
        value=None,
        low=low,
        high=high,
        qualifier=Qualifier.RANGE,
        unit=unit,
        currency=currency,
        parse_value=high,
    )
