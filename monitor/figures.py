"""Units of measure, and figures written as the French press writes them.

Every place a person reads a figure (alert lines, e-mails, chat messages, ``known list``,
``claims list``, ``explain``) goes through :func:`format_amount`: French digit grouping
with narrow no-break spaces, a decimal comma, scale words where the press uses them
("2,5 millions", "120–150 M€"), never scientific notation. JSON keeps plain numbers.

Measures are stored in one base unit per kind (:class:`monitor.models.Unit`): kilograms,
litres, square metres, metres, watts, watt-hours, kilometres per hour, degrees Celsius.
A figure written in tonnes and one written in kilos compare; each is shown in the unit a
rule file declares for its quantity, or else in the largest unit that keeps it above one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from monitor.models import Qualifier, Unit

NARROW_SPACE = "\u202f"


@dataclass(frozen=True, slots=True)
class MeasureUnit:
    """One unit of measure: its kind, how many base units it holds, how it is shown."""

    kind: Unit
    factor: float
    symbol: str


# Written forms (lowercase patterns) of each unit, longest first where one starts another.
MEASURES: tuple[tuple[str, MeasureUnit], ...] = (
    (r"gigatonnes?|gt", MeasureUnit(Unit.MASS, 1e12, "Gt")),
    (r"mégatonnes?|mt", MeasureUnit(Unit.MASS, 1e9, "Mt")),
    (r"kilotonnes?|kt", MeasureUnit(Unit.MASS, 1e6, "kt")),
    (r"tonnes?|t", MeasureUnit(Unit.MASS, 1e3, "t")),
    (r"quintaux|quintal", MeasureUnit(Unit.MASS, 100, "q")),
    (r"kilogrammes?|kilos?|kg", MeasureUnit(Unit.MASS, 1, "kg")),
    (r"grammes?|g", MeasureUnit(Unit.MASS, 1e-3, "g")),
    (r"hectolitres?|hl", MeasureUnit(Unit.VOLUME, 100, "hl")),
    (r"mètres?\s+cubes?|m3|m³", MeasureUnit(Unit.VOLUME, 1e3, "m³")),
    (r"centilitres?|cl", MeasureUnit(Unit.VOLUME, 1e-2, "cl")),
    (r"millilitres?|ml", MeasureUnit(Unit.VOLUME, 1e-3, "ml")),
    (r"litres?|l", MeasureUnit(Unit.VOLUME, 1, "l")),
    (r"hectares?|ha", MeasureUnit(Unit.AREA, 1e4, "ha")),
    (r"kilomètres?\s+carrés|km2|km²", MeasureUnit(Unit.AREA, 1e6, "km²")),
    (r"mètres?\s+carrés|m2|m²", MeasureUnit(Unit.AREA, 1, "m²")),
    (
        r"km/h|kilomètres?[\s-](?:à|par)\s+l'heure|kilomètres?[\s-]heure",
        MeasureUnit(Unit.SPEED, 1, "km/h"),
    ),
    (r"kilomètres?|km", MeasureUnit(Unit.LENGTH, 1e3, "km")),
    (r"centimètres?|cm", MeasureUnit(Unit.LENGTH, 1e-2, "cm")),
    (r"millimètres?|mm", MeasureUnit(Unit.LENGTH, 1e-3, "mm")),
    (r"mètres?|m", MeasureUnit(Unit.LENGTH, 1, "m")),
    (r"térawattheures?|térawatts?[\s-]heures?|twh", MeasureUnit(Unit.ENERGY, 1e12, "TWh")),
    (r"gigawattheures?|gigawatts?[\s-]heures?|gwh", MeasureUnit(Unit.ENERGY, 1e9, "GWh")),
    (r"mégawattheures?|mégawatts?[\s-]heures?|mwh", MeasureUnit(Unit.ENERGY, 1e6, "MWh")),
    (r"kilowattheures?|kilowatts?[\s-]heures?|kwh", MeasureUnit(Unit.ENERGY, 1e3, "kWh")),
    (r"gigawatts?|gw", MeasureUnit(Unit.POWER, 1e9, "GW")),
    (r"mégawatts?|mw", MeasureUnit(Unit.POWER, 1e6, "MW")),
    (r"kilowatts?|kw", MeasureUnit(Unit.POWER, 1e3, "kW")),
    (r"watts?|w", MeasureUnit(Unit.POWER, 1, "W")),
    (r"degrés?(?:\s+celsius)?|°c|°", MeasureUnit(Unit.TEMPERATURE, 1, "°C")),
)
MEASURE_PATTERN = "|".join(f"(?:{pattern})" for pattern, _ in MEASURES)

# The units a measure is shown in when no rule declares one, largest first.
_SHOWN: dict[Unit, tuple[str, ...]] = {
    Unit.MASS: ("t", "kg", "g"),
    Unit.VOLUME: ("l",),
    Unit.AREA: ("ha", "m²"),
    Unit.LENGTH: ("km", "m", "mm"),
    Unit.POWER: ("GW", "MW", "kW", "W"),
    Unit.ENERGY: ("TWh", "GWh", "MWh", "kWh"),
    Unit.SPEED: ("km/h",),
    Unit.TEMPERATURE: ("°C",),
}
_BY_SYMBOL = {unit.symbol: unit for _, unit in MEASURES}

# Currencies as written (lowercase patterns) and their ISO codes.
CURRENCIES: tuple[tuple[str, str], ...] = (
    (r"centimes?(?:\s+d'euros?)?", "EUR"),
    (r"euros?|€|eur\b|m€|md€|mds€|k€", "EUR"),
    (r"dollars?|\$|usd\b|us\$", "USD"),
    (r"livres?\s+sterling|£", "GBP"),
    (r"francs?\s+suisses|chf\b", "CHF"),
    (r"francs?\s+cfa|fcfa", "XOF"),
    (r"roubles?", "RUB"),
    (r"yuans?|renminbis?", "CNY"),
    (r"yens?", "JPY"),
    (r"wons?", "KRW"),
    (r"hryvnias?|hryvnas?", "UAH"),
    (r"dirhams?|dh\b|mad\b", "MAD"),
    (r"francs?", "FRF"),
)
_CURRENCY_WORD = re.compile(
    r"(?<!\w)(?P<cur>" + "|".join(f"(?:{p})" for p, _ in CURRENCIES) + r")(?!\w)",
    re.IGNORECASE,
)
_ISO_CODE = re.compile(r"[A-Z]{3}")
_CURRENCY_SIGNS = {"EUR": "€", "USD": "$", "GBP": "£"}


def currencies_in(text: str) -> set[str]:
    """The currency codes of every currency word written in ``text`` ("dirhams" -> MAD)."""
    return {currency_code(match.group("cur")) for match in _CURRENCY_WORD.finditer(text)}


def currency_code(symbol: str) -> str:
    """The ISO code of a currency as written ("euros", "€", "centimes", "dh"); a word that
    names none is returned in capitals."""
    lowered = symbol.lower()
    for pattern, code in CURRENCIES:
        if re.fullmatch(pattern, lowered):
            return code
    return lowered.upper()


def measure_unit(written: str) -> MeasureUnit | None:
    """The unit of measure written as ``written`` ("tonnes", "km²", "MW"), or ``None``."""
    lowered = " ".join(written.strip().lower().split())
    for pattern, unit in MEASURES:
        if re.fullmatch(pattern, lowered):
            return unit
    return None


@dataclass(frozen=True, slots=True)
class UnitSpec:
    """How the figures of one quantity are read and shown: its kind of unit, its currency,
    and for a measure the unit a rule file declared ("tonnes")."""

    kind: Unit = Unit.COUNT
    currency: str | None = None
    shown: MeasureUnit | None = None


COUNT = UnitSpec()
UNIT_KEY_HELP = (
    "count (the default), percent, point (percentage points), money or a currency (EUR, "
    "euros, USD, dollars, MAD, ...), or a unit of measure (tonnes, kg, litres, m3, hectares, "
    "km2, km, m, mm, MW, GW, MWh, TWh, km/h, °C); no scale: «EUR», not «millions "
    "d'euros», with known figures written in full"
)


_CURRENCY_COUNTRY = re.compile(r"\s+(?:us|américains?|canadiens?|australiens?)$")


def unit_spec(written: str) -> UnitSpec | None:
    """What a rule file's ``unit`` key says ("tonnes", "euros", "%"), or ``None`` when it
    names no unit this reader knows (see :data:`UNIT_KEY_HELP`)."""
    lowered = " ".join(written.strip().lower().split())
    lowered = _CURRENCY_COUNTRY.sub("", lowered).strip()  # "dollars US" are dollars
    if lowered in ("count", "nombre", "compte"):
        return COUNT
    if lowered in ("percent", "%", "pourcentage", "pour cent", "pourcent", "pour-cent"):
        return UnitSpec(Unit.PERCENT)
    if lowered in ("point", "points", "points de pourcentage"):
        return UnitSpec(Unit.POINT)
    if lowered in ("money", "argent", "montant"):
        return UnitSpec(Unit.MONEY)
    measure = measure_unit(lowered)
    if measure is not None:
        return UnitSpec(measure.kind, shown=measure)
    code = currency_code(lowered)
    if code != lowered.upper() or _ISO_CODE.fullmatch(written.strip()):
        return UnitSpec(Unit.MONEY, code)
    return None


def format_number(number: float) -> str:
    """French digits: ``11 000`` (narrow no-break spaces), ``1,5``, ``0,18``, ``-0,8``."""
    if number != number:  # NaN never reaches a reader as "nan"
        return "?"
    sign = "-" if number < 0 else ""
    number = abs(number)
    decimals = 2 if number >= 0.1 or number == 0 else 4
    text = f"{number:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    whole, _, fraction = text.partition(".")
    whole = whole.replace(",", NARROW_SPACE)
    return sign + (f"{whole},{fraction}" if fraction else whole)


def format_amount(
    low: float | None,
    high: float | None,
    qualifier: Qualifier | str,
    value: float | None = None,
    unit: UnitSpec = COUNT,
) -> str:
    """A claim's figure as a French reader expects it: "environ 2 700", "120–150 M€",
    "au moins 150", "12,5 %", "2,5 millions", "des centaines (200–999)"."""
    qualifier = Qualifier(qualifier)
    match qualifier:
        case Qualifier.APPROX if value is not None:
            return f"environ {_render((value,), unit)}"
        case Qualifier.AT_LEAST if low is not None:
            return f"au moins {_render((low,), unit)}"
        case Qualifier.MORE_THAN if low is not None:
            return f"plus de {_render((low,), unit)}"
        case Qualifier.AT_MOST if high is not None:
            return f"jusqu'à {_render((high,), unit)}"
        case Qualifier.LESS_THAN if high is not None:
            return f"moins de {_render((high,), unit)}"
    if value is not None and qualifier is Qualifier.EXACT:
        return _render((value,), unit)
    if low is not None and high is not None:
        return _render((low,) if low == high else (low, high), unit)
    if low is not None:
        return f"au moins {_render((low,), unit)}"
    if high is not None:
        return f"au plus {_render((high,), unit)}"
    return "?"


def format_record(record: Mapping[str, Any], unit: UnitSpec | None = None) -> str:
    """The figure of a JSON claim or known-claim record (``low``, ``high``, ``qualifier``,
    ``value``, ``unit``, ``currency``), in ``unit`` when the record names none."""
    if unit is None or record.get("unit"):
        unit = unit_of_record(record, unit)
    qualifier = record.get("qualifier") or Qualifier.EXACT
    try:
        qualifier = Qualifier(qualifier)
    except ValueError:
        qualifier = Qualifier.EXACT
    return format_amount(
        record.get("low"), record.get("high"), qualifier, record.get("value"), unit
    )


def unit_of_record(record: Mapping[str, Any], default: UnitSpec | None = None) -> UnitSpec:
    """The unit a stored claim record names ("money" + "EUR", "mass")."""
    try:
        kind = Unit(record.get("unit") or "")
    except ValueError:
        return default or COUNT
    return UnitSpec(kind, record.get("currency"), default.shown if default else None)


def format_change(delta: float, unit: UnitSpec = COUNT) -> str:
    """A signed difference in the quantity's unit: "+300", "−87 M€", "+0,5 point"."""
    sign = "+" if delta > 0 else "−"
    if unit.kind is Unit.PERCENT:
        # A difference of two percentages is in points.
        return sign + _render((abs(delta),), UnitSpec(Unit.POINT))
    return sign + _render((abs(delta),), unit)


def _render(numbers: tuple[float, ...], unit: UnitSpec) -> str:
    """One figure or a range, the unit written once after it."""
    kind = unit.kind
    if kind is Unit.PERCENT:
        return _join([format_number(n) for n in numbers]) + f"{NARROW_SPACE}%"
    if kind is Unit.POINT:
        plural = "s" if max(abs(n) for n in numbers) >= 2 else ""
        return _join([format_number(n) for n in numbers]) + f" point{plural}"
    if kind is Unit.MONEY:
        sign = _CURRENCY_SIGNS.get(unit.currency or "EUR", unit.currency or "")
        for scale, prefix in ((1e9, "Md"), (1e6, "M")):
            scaled = _at_scale(numbers, scale)
            if scaled is not None:
                return f"{_join(scaled)} {prefix}{sign}"
        return f"{_join([format_number(n) for n in numbers])} {sign}"
    if kind is Unit.COUNT:
        for scale, word in ((1e9, "milliard"), (1e6, "million")):
            scaled = _at_scale(numbers, scale)
            if scaled is not None:
                plural = "s" if max(abs(n) for n in numbers) >= 2 * scale else ""
                return f"{_join(scaled)} {word}{plural}"
        return _join([format_number(n) for n in numbers])
    shown = unit.shown or _best_unit(numbers, kind)
    if shown is None:
        return _join([format_number(n) for n in numbers])
    return f"{_join([format_number(n / shown.factor) for n in numbers])} {shown.symbol}"


def _at_scale(numbers: tuple[float, ...], scale: float) -> list[str] | None:
    """The numbers written with a scale word when each stays short ("2,5", "120")."""
    if min(abs(n) for n in numbers) < scale and max(abs(n) for n in numbers) < scale:
        return None
    if any(n != 0 and abs(n) < scale / 10 for n in numbers):
        return None
    written = []
    for number in numbers:
        scaled = number / scale
        if abs(round(scaled, 2) - scaled) > 1e-9 * max(1.0, abs(scaled)):
            return None  # "1 216 000" stays in digits, not "1,216 million"
        written.append(format_number(round(scaled, 2)))
    return written


def _best_unit(numbers: tuple[float, ...], kind: Unit) -> MeasureUnit | None:
    symbols = _SHOWN.get(kind, ())
    smallest = min((abs(n) for n in numbers if n), default=0.0)
    for symbol in symbols:
        unit = _BY_SYMBOL[symbol]
        if smallest >= unit.factor:
            return unit
    return _BY_SYMBOL[symbols[-1]] if symbols else None


def _join(parts: list[str]) -> str:
    if len(parts) == 1:
        return parts[0]
    separator = " – " if any(NARROW_SPACE in part for part in parts) else "–"
    return separator.join(parts)
