"""Who says so: attributions in a sentence, normalised against the lexicon's sources.

Found in a sentence:

* cues followed by the source: "selon X", "d'après X", "de source X", "aux dires de X",
  "à en croire X", "citant X", "annoncé par X", "révélé par X";
* relays, which name who passed the figure on, not who stated it: "X, cité par Y",
  "une note de X, consultée par Y", "au micro de Y" (the source is X when it is named);
* origins, which name the source of the previous sentence's figures: "Ces informations
  proviennent du ministère ...", "Cette information émane d'une note de X";
* the subject of a reporting verb ("X a déclaré que", "affirme X", "Ces rapports
  affirment", "Il a affirmé que") -- read on the parse by the extractor.

A source is normalised with the lexicon aliases, case- and accent-insensitively and
wherever the alias appears in the attribution ("les estimations du renseignement
sud-coréen" -> NIS, "(SNR)" -> NIS). When no alias matches, the source is kept as a short
noun phrase without determiners or generic heads ("des révélations d'un membre de la
commission" -> "membre de la commission"). Pronouns and anaphoric phrases ("il", "lui",
"ces rapports", "le média américain") are marked so the extractor can resolve them
against earlier sentences.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass

from monitor.claims.numbers import normalise_typography, strip_accents


class AttributionKind(enum.StrEnum):
    CUE = "cue"  # "selon X", "annoncé par X"
    RELAY = "relay"  # "consultée par Y": Y passed it on
    ORIGIN = "origin"  # "Ces informations proviennent de X": about the previous sentence
    SPEAKER = "speaker"  # subject of a reporting verb
    DENIAL = "denial"  # subject of a denial ("Les déclarations de X contredisent")


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution found in a sentence; offsets are into the sentence."""

    start: int
    end: int
    text: str  # as written, with its cue: "selon le renseignement sud-coréen"
    phrase: str  # the source noun phrase, cleaned: "renseignement sud-coréen"
    kind: AttributionKind
    anaphoric: bool = False  # "il", "lui", "ces rapports": resolved from earlier sentences
    descriptive: bool = False  # "le média américain": resolved to a recently named source


REPORTING_VERBS = frozenset(
    {
        "déclarer",
        "affirmer",
        "estimer",
        "rapporter",
        "indiquer",
        "révéler",
        "annoncer",
        "assurer",
        "préciser",
        "expliquer",
        "souligner",
        "confirmer",
        "ajouter",
        "signaler",
        "dire",
        "avertir",
        "prévenir",
        "détailler",
        "insister",
        "reconnaître",
        "admettre",
        "soutenir",
        "prétendre",
        "dénoncer",
        "alerter",
        "communiquer",
        "suggérer",
        "évoquer",
        "mentionner",
        "rappeler",
        "marteler",
        "démentir",
        "contredire",
        "réfuter",
        "contester",
        "nier",
        "chiffrer",
        "recenser",
        "dénombrer",
    }
)

_STOP = (
    r"(?=\s*(?:[,;:.!?«»“”\"\[\]]|\s-\s|\s–\s|$"
    r"|\s(?:que|qu'|qui|dont|lorsque|quand|alors|mais|car)\s))"
)
_NP = r"(?P<np>[^,;:.!?«»“”\"\[\]\n]{2,160}?)" + _STOP
_ACRONYM_AFTER = re.compile(r"\s*\((?P<acronym>[A-ZÀ-Þ][\w.-]{1,12})\)")
_CUE_RE = re.compile(
    r"(?<![\w])(?P<cue>selon(?!\s+(?:lesquel|laquelle|lequel|qu))|d'après|de\s+sources?|aux\s+dires\s+d(?:e\s+|')|à\s+en\s+croire"
    r"|citant|de\s+l'avis\s+d(?:e\s+|')|(?:annoncée?s?|révélée?s?|rapportée?s?|publiée?s?"
    r"|avancée?s?|estimée?s?|évaluée?s?|confirmée?s?|communiquée?s?|fournie?s?|compilée?s?"
    r"|établie?s?|recensée?s?|affirmée?s?|déclarée?s?|dévoilée?s?)\s+par)\s+" + _NP,
    re.IGNORECASE,
)
_RELAY_RE = re.compile(
    r"(?<![\w])(?P<cue>(?:cité|consulté|obtenu|vu|relayé|repris|interrogé|contacté)(?:e|s|es)?"
    r"\s+par|au\s+micro\s+d(?:e\s+|')|à\s+l'antenne\s+d(?:e\s+|')|sur\s+l'antenne\s+d(?:e\s+|')"
    r"|dans\s+un\s+entretien\s+(?:à|au|avec)|interrogée?s?\s+par)\s*" + _NP,
    re.IGNORECASE,
)
_ORIGIN_RE = re.compile(
    r"(?<![\w])(?P<cue>(?:proviennent|provient|émanent|émane|viennent|vient|sont\s+tirée?s|"
    r"est\s+tirée?|sont\s+issue?s|est\s+issue?|ont\s+été\s+fournie?s|a\s+été\s+fournie?)"
    r"\s+(?:de\s+la|de\s+l'|des|du|de|d'))\s*" + _NP,
    re.IGNORECASE,
)
_ANY_CUE = re.compile(
    r"selon|d'après|source|dires|croire|citant|avis\s+d|(?:é|u|i)e?s?\s+par\b|micro|antenne"
    r"|entretien|provien|éman|vien|tirée?s?\s+d|issue?s?\s+d|fournie?s?\s+par"
)
_ANY_DENIAL = re.compile(r"contredi|dément|démenti|réfut|contest|infirm|\bni|rejet")
_ORIGIN_SUBJECT = re.compile(
    r"^\s*(?:ces|cette|ce|les|l'|la|le)\s*(?:informations?|chiffres?|données|estimations?"
    r"|révélations?|rapports?|éléments?|bilans?|évaluations?|statistiques?|renseignements?)",
    re.IGNORECASE,
)
_DENIAL_RE = re.compile(
    r"(?<![\w])(?P<verb>contredi\w*|dément\w*|démenti\w*|réfut\w*|contest\w*|infirm\w*"
    r"|nie|nient|niant|a\s+nié|ont\s+nié|rejett?\w*\s+(?:les|ces|cette|ce)\s+"
    r"(?:informations?|affirmations?|chiffres?|rapports?|allégations?|accusations?))(?![\w])",
    re.IGNORECASE,
)
_TRAILING_AUXILIARY = re.compile(
    r"\s+(?:a|ont|avait|avaient|aurait|auraient|avoir)(?:\s+\w+ment)?\s*$", re.IGNORECASE
)
_DENIAL_NEGATED = re.compile(r"(?:\bne\s+|\bn'|\bsans\s+)(?:\w+\s+){0,2}$", re.IGNORECASE)
_DENIAL_NEGATED_AFTER = re.compile(r"^\w*\s+(?:pas|jamais|guère|nullement|point)\b", re.IGNORECASE)

_DETERMINERS = re.compile(
    r"^(?:(?:les|le|la|l'|des|du|de\s+la|de\s+l'|de|d'|un|une|ses|son|sa|leurs?|ces|cette|ce"
    r"|certaine?s|plusieurs|premières?|premiers?|dernières?|derniers?|nouvelles?|nouveaux"
    r"|récente?s|propres|mêmes?|autres|M\.|Mme|Mlle|Me)(?![\w.-])\s*|(?:l'|d'))+",
    re.IGNORECASE,
)
_GENERIC_HEAD = re.compile(
    r"^(?:estimations?|informations?|révélations?|sources?|données|chiffres?|prévisions?"
    r"|rapports?|documents?|notes?|déclarations?|propos|affirmations?|calculs?|évaluations?"
    r"|analyses?|images?|bilans?|observations?|éléments?|conclusions?|statistiques?"
    r"|décomptes?|comptages?|projections?|témoignages?|indications?|dires|termes)"
    r"(?:\s+(?:choc|officielles?|officiels?|préliminaires|publiée?s?|fournie?s?|transmise?s?"
    r"|récente?s|nouvelles?|dernières?|premières?|secrète?s?|internes?|confidentielle?s?))*"
    r"(?:\s+(?:de\s+la|de\s+l'|des|du|de|d')\s*|\s*$)",
    re.IGNORECASE,
)
_PRONOUNS = frozenset(
    {
        "il",
        "elle",
        "ils",
        "elles",
        "lui",
        "eux",
        "celui-ci",
        "celle-ci",
        "ceux-ci",
        "celles-ci",
        "ce dernier",
        "cette dernière",
        "ces derniers",
        "ces dernières",
        "le premier",
        "la première",
    }
)
_ANAPHORIC_RE = re.compile(
    r"^(?:(?:ces|ce|cette|son|sa|ses|leur|leurs)\s+(?:mêmes?\s+)?(?:rapports?|informations?"
    r"|sources?|documents?|estimations?|chiffres?|services?|responsables?|note|ministère"
    r"|organisation|institution|agence|renseignement|porte-parole|étude|enquête|analyse"
    r"|données|évaluations?|révélations?)(?:\s+[\w-]+)?"
    r"|(?:le|la|les|l')\s*(?:même\s+source|mêmes\s+sources|rapport|note|document|étude"
    r"|enquête|communiqué|dernier|dernière|derniers))$",
    re.IGNORECASE,
)
_DESCRIPTIVE_RE = re.compile(
    r"^(?:le|la|les|ce|cette|l')\s*(?:média|médias|chaîne|journal|quotidien|hebdomadaire"
    r"|site|magazine|radio|télévision|agence\s+de\s+presse|agence|presse|publication|titre)"
    r"(?:\s+[\w-]+){0,2}$",
    re.IGNORECASE,
)
_MAX_WORDS = 12


@dataclass(frozen=True, slots=True)
class SourceMatcher:
    """Lexicon source aliases, matched case- and accent-insensitively on word boundaries."""

    pattern: re.Pattern[str] | None
    canonical: dict[str, str]

    @classmethod
    def build(cls, sources: Mapping[str, str]) -> SourceMatcher:
        if not sources:
            return cls(None, {})
        canonical = {strip_accents(alias): name for alias, name in sources.items()}
        for name in set(sources.values()):
            canonical.setdefault(strip_accents(name), name)
        alternatives = sorted(canonical, key=len, reverse=True)
        pattern = re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in alternatives) + r")(?![\w-])"
        )
        return cls(pattern, canonical)

    def canonical_in(self, text: str) -> str | None:
        """The canonical source of the longest alias found in ``text``, if any."""
        if self.pattern is None:
            return None
        found = self.pattern.findall(strip_accents(text))
        if not found:
            return None
        return self.canonical[max(found, key=len)]


def find_attributions(sentence: str, plain: str | None = None) -> list[Attribution]:
    """Cue, relay and origin attributions in ``sentence`` (reporting verbs are read on the
    parse by the extractor). ``plain`` is the sentence already through
    :func:`normalise_typography`, when the caller has it."""
    plain = normalise_typography(sentence) if plain is None else plain
    found: list[Attribution] = []
    if not _ANY_CUE.search(plain.lower()):
        return found
    for pattern, kind in (
        (_CUE_RE, AttributionKind.CUE),
        (_RELAY_RE, AttributionKind.RELAY),
        (_ORIGIN_RE, AttributionKind.ORIGIN),
    ):
        for match in pattern.finditer(plain):
            end = match.end("np")
            acronym = _ACRONYM_AFTER.match(plain, end)
            if acronym:
                end = acronym.end()
            if kind is AttributionKind.ORIGIN and not _ORIGIN_SUBJECT.match(plain):
                continue
            cue = " ".join(match.group("cue").lower().split())
            phrase = plain[match.start("np") : end]
            if cue.startswith("de source"):
                phrase = cue.removeprefix("de ") + " " + phrase
            found.append(make_attribution(sentence, match.start(), end, phrase, kind))
    return sorted(found, key=lambda item: item.start)


_RELAY_CLAUSE = re.compile(
    r",?\s*(?:cité|consulté|obtenu|vu|relayé|repris|interrogé|contacté)(?:e|s|es)?\s+par\s+"
    r"[^,;:.!?]*",
    re.IGNORECASE,
)


def without_relays(text: str) -> str:
    """``text`` without its relay clauses ("Un responsable, cité par l'AFP" -> "Un responsable")."""
    return _RELAY_CLAUSE.sub("", text)


def make_attribution(
    sentence: str, start: int, end: int, phrase: str, kind: AttributionKind
) -> Attribution:
    """An attribution over ``sentence[start:end]`` whose source is written ``phrase``."""
    if kind is not AttributionKind.RELAY:
        phrase = without_relays(phrase)
    cleaned = clean_phrase(phrase)
    lowered = cleaned.lower()
    anaphoric = lowered in _PRONOUNS or bool(_ANAPHORIC_RE.match(phrase.strip()))
    descriptive = bool(_DESCRIPTIVE_RE.match(phrase.strip()))
    return Attribution(
        start=start,
        end=end,
        text=sentence[start:end],
        phrase=cleaned,
        kind=kind,
        anaphoric=anaphoric and not descriptive,
        descriptive=descriptive,
    )


def clean_phrase(phrase: str) -> str:
    """A source as a short noun phrase: no determiner, no generic head ("les estimations du")."""
    text = " ".join(normalise_typography(phrase).split()).strip(" ,")
    if text.lower() in _PRONOUNS:
        return text.lower()
    for _ in range(3):
        stripped = _DETERMINERS.sub("", text)
        head = _GENERIC_HEAD.match(stripped)
        if head is not None and head.end() > 0:
            stripped = stripped[head.end() :]
        if stripped == text:
            break
        text = stripped
    words = text.split()
    if len(words) > _MAX_WORDS:
        text = " ".join(words[:_MAX_WORDS])
    return text.strip(" ,")


def find_denial(sentence: str, plain: str | None = None) -> tuple[int, str] | None:
    """A denial of other reports written in ``sentence``: (verb offset, subject as written).

    "Poutine ne dément pas" and "sans démentir" are not denials.
    """
    plain = normalise_typography(sentence) if plain is None else plain
    if _ANY_DENIAL.search(plain.lower()) is None:
        return None
    for match in _DENIAL_RE.finditer(plain):
        before = plain[: match.start()]
        negated_before = _DENIAL_NEGATED.search(plain, max(0, match.start() - 40), match.start())
        if negated_before or _DENIAL_NEGATED_AFTER.match(plain[match.start() :]):
            continue
        subject = re.split(r"[,;:]\s", before.strip())[0] if before.strip() else ""
        subject = _TRAILING_AUXILIARY.sub("", subject)
        return match.start(), subject
    return None


def is_generic(phrase: str) -> bool:
    """True when nothing is left of a source once generic words are removed."""
    return not phrase.strip()
