# ruff: noqa: E501 - a table of sentences reads best one sentence a line
"""The reasoning of ``monitor explain`` in French, for the desk.

The reasons a quantity fits or not are written once, in English, where they are decided
(:mod:`monitor.rules.assign`); the desk shows them to newsroom staff in French, through
the table below: one pattern per way a reason is written, the figures, words and
quotations in it carried over as they are. A reason no pattern knows is shown as it is.
"""

from __future__ import annotations

import re

from monitor.alerts import MODALITY_LABELS, QUALIFIER_LABELS
from monitor.explain import FigureExplanation
from monitor.figures import UnitSpec
from monitor.rules.engine import Figure, format_figure

_UNITS = (
    (r"money \((\w+)\)", r"une somme (\1)"),
    (r"money", "une somme"),
    (r"a percentage", "un pourcentage"),
    (r"percentage points", "des points de pourcentage"),
    (r"a count", "un nombre"),
    (r"an? (\w+)", r"une mesure (\1)"),
)


def _unit(text: str) -> str:
    for pattern, french in _UNITS:
        if re.fullmatch(pattern, text):
            return re.sub(pattern, french, text)
    return text


# (pattern of the English reason, its French); applied in order, the first that matches.
_REASONS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), french)
    for pattern, french in (
        (r"also fits, ranked lower", "convient aussi, classé plus bas"),
        (r"kept, not compared: it fits but for its modality \((\w+); this quantity compares "
         r"(.+) figures\)",
         r"gardé, pas comparé : il convient, sauf sa modalité (« \1 » ; cette quantité compare "
         r"les chiffres « \2 »)"),
        (r"no quantity fits", "aucune quantité ne convient"),
        (r"the figure is in (\S+), this quantity in (\S+): a thousand times apart, another measure",
         r"le chiffre est en \1, cette quantité en \2 : mille fois d'écart, c'est une autre mesure"),
        (r"the figure is in (\w+), this quantity in (\w+)", r"le chiffre est en \1, cette quantité en \2"),
        (r"the figure is (.+), this quantity counts (.+)", "UNITS"),
        (r"the figure is (\w+); this quantity counts (.+) figures",
         r"le chiffre est de modalité « \1 » ; cette quantité compte les chiffres « \2 »"),
        (r"the figure says by how much something changed.*",
         "le chiffre dit de combien quelque chose a changé (« en hausse de », « de plus ») ; "
         "cette quantité compte combien il y en a"),
        (r"it counts «(.+)», which is none of its nouns \((.+)\)",
         r"il compte « \1 », qui n'est aucun de ses noms (\2)"),
        (r"the figure names nothing it counts, and none of its nouns \((.+)\) is in its clause",
         r"le chiffre ne nomme pas ce qu'il compte, et aucun de ses noms (\1) n'est dans sa proposition"),
        (r"its own word says what happened \((.+)\.\.\.\), which is none of (.+)",
         r"son propre mot dit ce qu'il s'est passé (\1…), qui n'est aucun de : \2"),
        (r"nothing in the figure's clause says what happened \((.+)\)",
         r"rien dans la proposition du chiffre ne dit ce qu'il s'est passé (\1)"),
        (r"it is a part of the figure before it \(they add up to it\), and this quantity counts the whole's kind, not that part",
         "c'est une partie du chiffre précédent (ils s'additionnent), et cette quantité compte le tout, pas cette partie"),
        (r"it is one of a list by place \(«(.+)»\), and this quantity's context does not name its place",
         r"il fait partie d'une liste par lieu (« \1 »), et le contexte de cette quantité ne nomme pas ce lieu"),
        (r"it names its own place \(«(.+)»\), which is none of its context terms",
         r"il nomme son propre lieu (« \1 »), qui n'est aucun des termes de contexte"),
        (r"none of its context terms is in the sentence", "aucun de ses termes de contexte n'est dans la phrase"),
        (r"«(.+)» is excluded", r"« \1 » est exclu"),
        (r"it is a part of a figure of this quantity.*",
         "c'est une partie d'un chiffre de cette quantité (« dont », deux-points, ou chiffres qui s'additionnent)"),
        (r"it is dated two years or more before the article: the figure of another event, not one of this topic's",
         "il est daté de deux ans ou plus avant l'article : c'est le chiffre d'un autre événement"),
        (r"its parts name this quantity's context in their own words \(«(.+)» \.\.\.\): it counts more than that",
         r"ses parties nomment le contexte de cette quantité (« \1 »…) : il compte davantage"),
    )
)  # fmt: skip


# Why a quantity fits: the reading it took (in parentheses) and what counted the figure.
_FITS = re.compile(r"fits(?: \((?P<reading>.+?)\))?: (?P<how>.+)")
_READINGS = {
    "its verb elsewhere in the sentence": "son verbe est ailleurs dans la phrase",
    "its context in the sentences before it or the title": (
        "son contexte est dans les phrases précédentes ou le titre"
    ),
    "the only quantity of its noun, reached by the event": (
        "seule quantité de ce nom, touché par l'événement"
    ),
    "the topic's only quantity in its unit": "seule quantité du sujet dans cette unité",
}
_HOW = {
    "it continues the figure before it": "il prolonge le chiffre précédent",
    "counted by its noun": "compté par son nom",
    "counted by a word of its noun phrase": "compté par un mot de son groupe nominal",
    "counted by the event its noun names": "compté par l'événement que son nom désigne",
    "counted by a word of its clause": "compté par un mot de sa proposition",
    "counted by what its clause says happened": (
        "compté par ce que sa proposition dit qu'il s'est passé"
    ),
}


def reason_in_french(why: str) -> str:
    """One reason of :mod:`monitor.rules.assign` in French (as it is when unknown)."""
    fits = _FITS.fullmatch(why)
    if fits is not None:
        how = _HOW.get(fits.group("how"), fits.group("how"))
        reading = fits.group("reading")
        if reading is None:
            return f"convient : {how}"
        return f"convient ({_READINGS.get(reading, reading)}) : {how}"
    for pattern, french in _REASONS:
        found = pattern.fullmatch(why)
        if found is None:
            continue
        if french == "UNITS":
            return (
                f"le chiffre est {_unit(found.group(1))}, cette quantité compte "
                f"{_unit(found.group(2))}"
            )
        return found.expand(french)
    return why


_EARLIER = {
    "earlier": "un chiffre antérieur",
    "historical": "un chiffre historique",
    "past event": "le chiffre d'un autre événement, daté de deux ans ou plus",
    "baseline": "une moyenne des années passées, à laquelle l'événement est comparé",
    "planned": "un chiffre prévu ou hypothétique, gardé mais pas comparé",
    "negated": "un chiffre démenti, gardé mais pas comparé",
    "reported": "un chiffre rapporté, gardé mais pas comparé",
    "asserted": "un chiffre affirmé, gardé mais pas comparé",
}


def describe_in_french(explanation: FigureExplanation) -> list[str]:
    """The lines of :func:`monitor.explain.describe`, in French."""
    claim = explanation.claim
    figure = Figure(low=claim.low, high=claim.high, qualifier=claim.qualifier, value=claim.value)
    clause = claim.sentence[claim.clause[0] : claim.clause[1]] if claim.clause else claim.sentence
    lines = [f"« {claim.value_text} » dans : {clause.strip()}"]
    qualifier = QUALIFIER_LABELS.get(str(claim.qualifier), str(claim.qualifier))
    modality = MODALITY_LABELS.get(str(claim.modality), str(claim.modality))
    lines.append(
        f"  lu comme {format_figure(figure, UnitSpec(claim.unit, claim.currency))} "
        f"({qualifier}) ; compte : {claim.noun_phrase or claim.noun or '-'} ; ce qui s'est "
        f"passé : {claim.predicate or '-'} ; modalité : {modality}"
    )
    source = claim.source or "-"
    if claim.source_text and claim.source_text != claim.source:
        source += f" (écrit « {claim.source_text} »)"
    when = claim.time_ref.strftime("%d/%m/%Y") if claim.time_ref else "-"
    lines.append(f"  source : {source} ; date : {when}")
    notes = [
        note
        for note, present in (
            ("il dit de combien quelque chose a changé", claim.change),
            (
                f"c'est {_EARLIER.get(claim.earlier or '', claim.earlier or '')} (pas une nouvelle)",
                claim.earlier is not None,
            ),
            ("sa source révise un chiffre antérieur", claim.revision),
        )
        if present
    ]
    if notes:
        lines.append(f"  remarque : {' ; '.join(notes)}")
    if not explanation.readings:
        lines.append("  aucun sujet : le texte ne correspond à aucun fichier de règles")
    for reading in explanation.readings:
        if reading.quantity is not None:
            lines.append(
                f"  {reading.topic} : → {reading.quantity} ({reason_in_french(reading.why)})"
            )
        else:
            lines.append(f"  {reading.topic} : aucune quantité")
        for item in reading.checks:
            if item.quantity != reading.quantity:
                mark = (
                    "convient aussi, classé plus bas" if item.fits else reason_in_french(item.why)
                )
                lines.append(f"    {item.quantity} : {mark}")
    return lines
