"""Which quantity of a topic a claim counts, and why, in words a desk editor can follow.

A figure goes to a quantity when every check of that quantity passes:

1. **unit**: a sum of money goes only to a quantity in that currency, a percentage only to
   a percentage, a count only to a count (the quantity's ``unit``, or what its nouns and
   label say: "dirhams", "taux de grévistes (%)");
2. **modality**: the claim's modality (asserted, reported, planned, negated) is one the
   quantity counts;
3. **what is counted**: the figure's noun is one of the quantity's nouns ("soldats
   nord-coréens" has "soldat"); a participle or casualty word in place of the noun
   ("12 morts", "180 blessés", "une soixantaine de disparus") stands for its verb and fits
   a quantity that lists that word or that verb; a word that counts people without saying
   who ("personnes") fits a quantity whose verb is there; a figure with no noun fits when
   one of the quantity's nouns or verbs is in its own clause;
4. **what happened**: when the quantity lists predicates, one of them is the figure's
   verb, the verb its noun stands for, or a word of its own clause ("le bilan s'élève à 17
   morts");
5. **context**: one of the quantity's context terms is in the figure's own clause, or in
   what it shares with its neighbours ("12 morts et 180 blessés à Paris"), or failing
   that in its sentence;
6. **exclude**: no excluded term is in the figure's noun phrase, its own clause or what it
   shares with its neighbours.

Among the quantities that fit, the one whose context is closest to the figure wins (its
clause, then what it shares), then one without context, then one whose context is only
elsewhere in the sentence; then the closest noun, the closest verb, and file order.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from monitor.claims.words import (
    IMPACT_VERBS,
    LIGHT_VERBS,
    deverbal_verb,
    event_verb,
    participle_verb,
    person_event_verb,
)
from monitor.figures import (
    MEASURE_PATTERN,
    MeasureUnit,
    UnitSpec,
    currencies_in,
    measure_unit,
    unit_spec,
)
from monitor.models import Claim, Modality, Unit
from monitor.rules.terms import fold, noun_key, predicate_key

# Nouns that count people without saying who they are: a quantity whose verb is there
# takes them even when it does not list them ("600 personnes ont été tuées").
GENERIC_NOUNS = frozenset({"personne", "individu", "gens", "autre", "adulte"})
# Nouns that count things without saying which ("14 exemplaires", "une vingtaine de ces
# engins"): the thing is named elsewhere in the sentence.
GENERIC_THINGS = frozenset({"exemplaire", "unite", "engin", "piece", "appareil"})

# A place set in front of a sentence ("Dans la capitale, ...", "En Île-de-France, ..."):
# the frame of every figure of the sentence that does not name a place of its own.
_FRAME = re.compile(r"\s*(?:dans|en|à|au|aux|sur|pour)\s[^,;:.]{1,60},", re.IGNORECASE)
# A name right before the figure's parenthesis: "devant l'Espagne (6119)".
NAME_BEFORE_PAREN = re.compile(r"[A-ZÀ-Þ][\w'-]+(?:\s+[a-zà-ÿ]{1,3}\s+[A-ZÀ-Þ][\w'-]+)*\s*\(\s*$")
# A place the figure's clause names: "à Marrakech", "dans les Deux-Sèvres", "à Al Haouz".
_OWN_PLACE = re.compile(
    r"(?<![\w])(?:dans|en|à|au|aux)\s+(?:(?:les?|la|l')\s*)?[A-ZÉÎ][\w'-]*(?:\s+[A-ZÉÎ][\w'-]*){0,2}"
)
_PERCENT_RE = re.compile(r"%|(?<![\w])(?:pour\s*cent|pourcentage|taux|proportion)(?![\w])")
_WORD = re.compile(r"[\w'-]+")
_SHORTEST_STEM = 5  # verb stems shorter than this must match whole ("tu", "mort")


_CHANGE_WORDS = re.compile(
    r"(?<![\w])(?:hausses?|baisses?|augmentations?|diminutions?|variations?|progressions?"
    r"|reculs?|évolutions?|revalorisations?|écarts?|différences?|gains?)(?![\w])",
    re.IGNORECASE,
)


def counts_change(label: str, nouns: Iterable[str]) -> bool:
    """Whether a quantity counts changes ("hausse des salaires (%)"), by its label or nouns."""
    return any(_CHANGE_WORDS.search(text) for text in (label, *nouns))


def unit_of(unit: str | None, label: str, nouns: Iterable[str]) -> UnitSpec:
    """The unit (and currency) a quantity counts in: its ``unit`` key, else what its nouns
    and then its label say ("dirham", "coût des dégâts (euros)", "taux de grévistes")."""
    if unit is not None:
        declared = unit_spec(unit)
        if declared is not None:
            return declared
    for texts in ([fold(noun) for noun in nouns], [fold(label)]):
        currencies = {code for text in texts for code in currencies_in(text)}
        if currencies:
            return UnitSpec(Unit.MONEY, currencies.pop() if len(currencies) == 1 else None)
        if any(_PERCENT_RE.search(text) for text in texts):
            return UnitSpec(Unit.PERCENT)
    return UnitSpec(Unit.COUNT)


def stems_match(stem: str, known: frozenset[str]) -> bool:
    """A verb stem against a quantity's: equal, or one extends the other when both are
    long enough to mean the same verb ("detrui" and "detruit")."""
    if stem in known:
        return True
    if len(stem) < _SHORTEST_STEM:
        return False
    return any(
        len(other) >= _SHORTEST_STEM and (stem.startswith(other) or other.startswith(stem))
        for other in known
    )


MODALITY_STAGE = 1  # the check of how the figure is stated
NOUN_STAGE = 2  # the check of what is counted
VERB_STAGE = 3  # the check of what happened
CONTEXT_STAGE = 4  # the check of where and about what


@dataclass(frozen=True, slots=True)
class QuantityCheck:
    """One quantity tried for one claim: whether it fits, and why (or why not)."""

    quantity: str
    fits: bool
    why: str
    rank: tuple[int, int, int] = (0, 0, 0)
    # How far the checks went: 0 unit, 1 modality, 2 what is counted, 3 what happened,
    # 4 context, 5 exclude, 6 fits. The failed check that came furthest is the nearest miss.
    stage: int = 6


@dataclass(frozen=True)
class QuantityTerms:
    """What :func:`check` needs of a quantity, compiled once per rule load."""

    id: str
    unit: Unit
    currency: str | None
    shown: MeasureUnit | None  # the unit of measure the rule file declared ("tonnes")
    modalities: frozenset[Modality]
    nouns: tuple[str, ...]  # as written in the rule file, for messages
    noun_keys: frozenset[str]
    predicates: tuple[str, ...]
    predicate_stems: frozenset[str]
    predicate_phrases: re.Pattern[str] | None  # several-word predicates: "perdre la vie"
    context: re.Pattern[str] | None
    exclude: re.Pattern[str] | None
    counts_change: bool = False  # it counts by how much something changed ("hausse")
    # The verbs its event nouns stand for: "blessé" -> blesser, so "1 204 personnes ont été
    # blessées" fits a quantity of "blessés".
    noun_events: frozenset[str] = frozenset()


# Adverbs written between a verb and the rest of its phrase (folded).
_ADVERBS = (
    r"(?:toujours|encore|deja|desormais|aussi|egalement|ainsi|bien|alors|pour\s+l'instant"
    r"|pour\s+le\s+moment|actuellement|officiellement|definitivement|tous|toutes)"
)


def predicate_phrases(predicates: Sequence[str]) -> re.Pattern[str] | None:
    """Several-word predicates as patterns with an inflected first word: "perdre la vie"
    matches "ont perdu la vie", and "manquaient toujours à l'appel"."""
    patterns = []
    for predicate in predicates:
        words = fold(predicate).split()
        if len(words) < 2:
            continue
        first = re.escape(predicate_key(words[0]))
        rest = r"\s+".join(re.escape(word) for word in words[1:])
        patterns.append(rf"(?<![\w]){first}\w*\s+(?:{_ADVERBS}\s+)*{rest}(?![\w])")
    return re.compile("|".join(patterns)) if patterns else None


@dataclass(frozen=True)
class ClaimView:
    """What the checks read of a claim, computed once for all quantities."""

    noun: str | None
    phrase: str
    noun_keys: frozenset[str]
    full_keys: frozenset[str]
    event_stems: frozenset[str]  # the verb a noun like "morts" stands for, as stems
    generic: bool
    generic_thing: bool
    predicate_stem: str | None
    clause: str  # folded
    scope: str  # folded
    clause_nouns: frozenset[str]
    clause_stems: frozenset[str]
    sentence: str  # folded
    # The sentence without the own words of the figures after it: where a context term written
    # elsewhere in the sentence may still be the figure's ("2 921 en Turquie" is not the
    # place of the total before it).
    rest: str = ""
    own_place: str | None = None  # "à Marseille" in the figure's own clause
    breakdown: bool = False  # one of a list by place: "3 morts à Port-Soudan"
    taken: frozenset[str] = frozenset()  # verb stems of its parts ("dont 300 ont été tués")
    whole_noun: str | None = None  # the noun of the figure it is a part of, as a key
    own_scope: str = ""  # the scope without the own words of the figures after it
    # The verb of an event word written right after the figure ("50 blessés" -> blesser):
    # the figure says itself what happened, whatever else its sentence says.
    own_event: str | None = None
    # No verb of its own, or one that only counts or reports ("a fait", "recense").
    light_predicate: bool = True
    # Its verb says the event reached it, not how ("1 900 véhicules touchés").
    impact_predicate: bool = False


_WORD_AFTER = re.compile(r"\s*(?:(?:de|des|du)\s+|d'\s*)?(?P<word>[^\W\d_][\w-]*)")
_OF_AFTER = re.compile(r"\s*(?:(?:des|du|de)\s+|d')(?P<word>[^\W\d_][\w-]*)")


def written_after(claim: Claim, *, of: bool = False) -> str | None:
    """The word written right after the figure ("12 morts", "26,65 % de grévistes"); with
    ``of``, only after "de" ("12 % des stations", not "12 % ont fermé")."""
    end = claim.span[1] - claim.sentence_start if claim.sentence_start >= 0 else claim.span[1]
    if not 0 <= end <= len(claim.sentence):
        return None
    found = (_OF_AFTER if of else _WORD_AFTER).match(claim.sentence, end)
    return found.group("word") if found else None


def own_place(claim: Claim) -> str | None:
    """The place a figure's own clause, or what it shares with its neighbours, names ("21
    morts et 61 blessés à Khartoum"), if any."""
    words = claim.scope or claim.clause
    if words is None:
        return None
    found = _OWN_PLACE.search(claim.sentence, words[0], words[1])
    return found.group(0) if found else None


def view(
    claim: Claim,
    others: Sequence[tuple[int, int]] = (),
    *,
    breakdown: bool = False,
    taken: frozenset[str] = frozenset(),
    whole_noun: str | None = None,
    whole_words: str = "",
) -> ClaimView:
    """What the checks read of ``claim``; ``others`` are the own words of the figures
    after it in its sentence, as offsets into it."""
    noun = claim.noun if claim.noun and re.search(r"[^\W\d_]", claim.noun) else None
    if noun is not None and _reported_participle(noun.split()[0]):
        noun = None  # "les 700 000 revendiqués par la CGT": who counted, not what
    after_word = written_after(claim)
    own_event = event_verb(after_word) if after_word else None
    if own_event is not None and (own_event in LIGHT_VERBS or own_event in IMPACT_VERBS):
        # "les 280 millions d'euros anticipés": said, not what happened; "150 000 hectares
        # touchés": the event reached them, which says no more than the event itself.
        own_event = None
    if noun is None:
        # "2 012 morts" read with the verb only; "26,65 % de grévistes": the written word.
        if claim.unit is Unit.COUNT:
            noun = (
                after_word.lower()
                if after_word
                and event_verb(after_word)
                and not _reported_participle(after_word)  # "3 688 dénombrés"
                else None
            )
        else:
            after = written_after(claim, of=True)
            noun = after.lower() if after else None
    phrase = claim.noun_phrase or noun or ""
    keys: set[str] = set()
    full: set[str] = set()
    for text in (noun, claim.noun_phrase):
        if not text:
            continue
        words = noun_key(text).split()
        full.add(" ".join(words))
        for start in range(len(words)):
            for end in range(start + 1, len(words) + 1):
                keys.add(" ".join(words[start:end]))
    event: set[str] = set()
    generic = generic_thing = False
    if noun is not None:
        head = noun.split()[0]
        verb = event_verb(head) or person_event_verb(head)
        if verb is not None:
            event = {predicate_key(verb), predicate_key(head)}
        generic = noun_key(head) in GENERIC_NOUNS
        generic_thing = noun_key(head) in GENERIC_THINGS
    if claim.clause is not None:
        clause = claim.sentence[claim.clause[0] : claim.clause[1]]
    else:
        clause = claim.sentence
    folded = fold(clause)
    scope = fold(claim.sentence[claim.scope[0] : claim.scope[1]]) if claim.scope else folded
    # What it shares, without the own words of the figures after it ("457 interpellations et
    # 441 policiers et gendarmes blessés" does not make the arrests wounded), but with the
    # places written after them ("12 morts et 180 blessés en Libye" are both in Libya).
    own_scope = (
        fold(
            _blank(claim.sentence, _before_place(claim.sentence, others))[
                claim.scope[0] : claim.scope[1]
            ]
        )
        if claim.scope and others
        else scope
    )
    named = (
        NAME_BEFORE_PAREN.search(claim.sentence, 0, claim.span[0] - claim.sentence_start)
        if claim.sentence_start >= 0
        else None
    )
    if named is not None:
        scope = f"{fold(named.group(0))} {scope}"  # "la France (2889)": its place is France
    frame = _FRAME.match(claim.sentence)
    if (
        frame is not None
        and claim.clause is not None
        and claim.clause[0] >= frame.end()
        and not _OWN_PLACE.search(clause)
    ):
        scope = f"{fold(frame.group(0))} {scope}"  # "Dans la capitale, ..., et les 81 000"
        # What the sentence is set in is excluded with it: "Aux Pays-Bas, 820 000 poules
        # et 1,016 million de poulets".
        own_scope = f"{fold(frame.group(0))} {own_scope}"
    words = _WORD.findall(folded)
    sentence = fold(claim.sentence)
    return ClaimView(
        noun=noun,
        phrase=phrase,
        noun_keys=frozenset(keys),
        full_keys=frozenset(full),
        event_stems=frozenset(event),
        generic=generic,
        generic_thing=generic_thing,
        predicate_stem=predicate_key(claim.predicate) if claim.predicate else None,
        clause=folded,
        scope=scope,
        clause_nouns=frozenset(noun_key(word) for word in words),
        clause_stems=_stems(words),
        sentence=sentence,
        rest=fold(_blank(claim.sentence, others)) if others else sentence,
        own_place=place.group(0) if (place := _OWN_PLACE.search(clause)) else None,
        breakdown=breakdown,
        taken=taken,
        whole_noun=noun_key(whole_noun) if whole_noun else None,
        # What its whole says of itself is said of its parts: "cinq corps découverts en
        # Italie, dont quatre près de la frontière".
        # (unless the part names a place of its own: "4 300 morts : 2 921 au Maroc").
        own_scope=(
            f"{fold(whole_words)} {own_scope}"
            if whole_words and not _OWN_PLACE.search(clause)
            else own_scope
        ),
        own_event=predicate_key(own_event) if own_event else None,
        light_predicate=(
            claim.predicate is None
            or claim.predicate in LIGHT_VERBS
            # The parse took the counted noun for the verb ("ont dénombré plus de 60 feux").
            or (noun is not None and noun_key(claim.predicate) == noun_key(noun))
        ),
        impact_predicate=claim.predicate in IMPACT_VERBS,
    )


@functools.lru_cache(maxsize=64)
def _sentence_nouns(folded_sentence: str) -> frozenset[str]:
    return frozenset(noun_key(word) for word in _WORD.findall(folded_sentence))


@functools.lru_cache(maxsize=64)
def sentence_stems(folded_sentence: str) -> frozenset[str]:
    """Verb stems of a whole sentence: read only when a figure's clause has none, once
    for all the figures of the sentence."""
    return _stems(_WORD.findall(folded_sentence))


def _stems(words: Iterable[str]) -> frozenset[str]:
    """Verb stems of words: their own, and the verb a participle or event noun stands for."""
    stems: set[str] = set()
    for word in words:
        stems.add(predicate_key(word))
        for verb in (event_verb(word), deverbal_verb(word)):
            if verb is not None:
                stems.add(predicate_key(verb))
        made = _NOUN_OF_ACTION.fullmatch(word.rsplit("'", 1)[-1])
        if made is not None and len(made.group(1)) >= _SHORTEST_STEM:
            stems.add(made.group(1))  # "abattage" -> abatt(re), "vaccination" -> vaccin(er)
    return frozenset(stems)


# A noun of the action of a verb, by its suffix (folded, singular or plural): "l'abattage de
# 16 millions de volailles", "la vaccination de 4 millions de canards", "le rapatriement".
_NOUN_OF_ACTION = re.compile(r"(.+?)(?:ations?|itions?|ements?|ages?)")


_MEASURE_AT_END = re.compile(rf"(?:{MEASURE_PATTERN})\s*$", re.IGNORECASE)


def _written_measure(claim: Claim) -> MeasureUnit | None:
    """The unit of measure the figure is written in ("250 kilomètres" -> km), if any."""
    if claim.unit in (Unit.COUNT, Unit.PERCENT, Unit.POINT, Unit.MONEY):
        return None
    found = _MEASURE_AT_END.search(claim.value_text)
    return measure_unit(found.group(0).strip()) if found else None


def _listed(items: Sequence[str]) -> str:
    shown = ", ".join(items[:6])
    return shown + (", ..." if len(items) > 6 else "")


def check(
    terms: QuantityTerms,
    claim: Claim,
    seen: ClaimView,
    *,
    relaxed: bool = False,
    around: str | None = None,
    impact: bool = False,
    alone_in_unit: bool = False,
) -> QuantityCheck:
    """Whether ``claim`` counts the quantity ``terms``, with the first reason it does not.

    ``relaxed`` is the second reading, tried when no quantity fits: a figure whose noun is
    one of the quantity's may take its verb from anywhere in its sentence ("Près de 500
    pompiers, appuyés par sept avions, combattent les flammes"); ``around`` (folded) is
    what comes before its sentence in its paragraph, and the title, where the third
    reading looks for the context a sentence left out ("En Île-de-France, 41,6 % des
    stations sont à sec. La veille, 39,9 % l'étaient"); ``impact`` is the reading for a
    noun only this quantity lists, whose verb says only that the event reached it;
    ``alone_in_unit`` the reading for an amount of money or a measure with no verb of its
    own, when this is the topic's only quantity in that unit.
    """

    stage = 0

    def no(why: str) -> QuantityCheck:
        return QuantityCheck(terms.id, False, why, stage=stage)

    if claim.unit is not terms.unit:
        return no(f"the figure is {_unit_words(claim.unit, claim.currency)}, "
                  f"this quantity counts {_unit_words(terms.unit, terms.currency)}")  # fmt: skip
    if (
        terms.unit is Unit.MONEY
        and terms.currency
        and claim.currency
        and claim.currency != terms.currency
    ):
        return no(f"the figure is in {claim.currency}, this quantity in {terms.currency}")
    written = _written_measure(claim)
    if (
        terms.shown is not None
        and written is not None
        and max(written.factor / terms.shown.factor, terms.shown.factor / written.factor) >= 1000
    ):
        # "250 kilomètres" is a distance, not rainfall counted in millimetres.
        return no(f"the figure is in {written.symbol}, this quantity in {terms.shown.symbol}: "
                  "a thousand times apart, another measure")  # fmt: skip
    stage = 1
    if claim.modality not in terms.modalities:
        return no(f"the figure is {claim.modality}; this quantity counts "
                  f"{', '.join(sorted(terms.modalities))} figures")  # fmt: skip
    if claim.change and not terms.counts_change:
        return no("the figure says by how much something changed («en hausse de», «de "
                  "plus»); this quantity counts how much it is")  # fmt: skip
    stage = 2
    listed_verb = bool(terms.predicate_stems or terms.predicate_phrases)
    event_fits = bool(seen.event_stems) and any(
        stems_match(stem, terms.predicate_stems | terms.noun_keys) for stem in seen.event_stems
    )
    if seen.noun_keys & terms.noun_keys:
        noun_level = 4 if seen.full_keys & terms.noun_keys else 3
    elif event_fits:
        noun_level = 2
    elif seen.noun is not None and seen.generic and listed_verb:
        noun_level = 1
    elif (
        seen.generic
        and seen.predicate_stem is not None
        and stems_match(seen.predicate_stem, terms.noun_events)
    ):
        noun_level = 2  # "1 204 personnes ont été blessées" for a quantity of "blessés"
    elif seen.generic_thing and (
        _sentence_nouns(seen.sentence) & terms.noun_keys
        or any(" " in key and key in seen.sentence for key in terms.noun_keys)
    ):
        noun_level = 1  # "l'Allemagne va livrer 14 exemplaires" of the Leopard named before
    elif seen.noun is not None and (terms.unit is Unit.COUNT):
        return no(f"it counts «{seen.phrase}», which is none of its nouns "
                  f"({_listed(terms.nouns)})")  # fmt: skip
    elif seen.clause_nouns & terms.noun_keys or any(
        " " in key and key in seen.clause for key in terms.noun_keys
    ):
        noun_level = 1
    elif terms.unit is not Unit.COUNT or listed_verb:
        noun_level = 0
    else:
        return no(f"the figure names nothing it counts, and none of its nouns "
                  f"({_listed(terms.nouns)}) is in its clause")  # fmt: skip
    stage = 3
    if listed_verb:
        if (
            (
                seen.predicate_stem is not None
                and stems_match(seen.predicate_stem, terms.predicate_stems)
            )
            or (seen.event_stems and event_fits)
            or (noun_level >= 3 and _named_by_noun(seen.noun_keys, terms.predicate_stems))
        ):
            verb_level = 3
        elif seen.own_event is not None and not stems_match(seen.own_event, terms.predicate_stems):
            return no(f"its own word says what happened ({seen.own_event}...), which is none "
                      f"of {_listed(terms.predicates)}")  # fmt: skip
        elif any(stems_match(stem, terms.predicate_stems) for stem in seen.clause_stems) or (
            terms.predicate_phrases is not None and terms.predicate_phrases.search(seen.clause)
        ):
            verb_level = 2
        elif (
            (noun_level >= 2 or terms.unit is not Unit.COUNT)
            and seen.light_predicate
            and (
                any(
                    stems_match(stem, terms.predicate_stems)
                    for stem in sentence_stems(seen.sentence)
                )
                or (
                    terms.predicate_phrases is not None
                    and terms.predicate_phrases.search(seen.sentence)
                )
            )
        ):
            verb_level = 1  # "39 % chez les cheminots" in a sentence about the strike
        elif (
            terms.unit is not Unit.COUNT
            and terms.context is not None
            and (terms.context.search(seen.clause) or terms.context.search(seen.scope))
        ):
            # An amount in the quantity's unit, next to its context words, says what it is
            # even without the verb: "la facture monte à 650 millions d'euros pour les
            # assureurs".
            verb_level = 0
        elif noun_level >= 3 and (
            seen.light_predicate or (relaxed and _verb_in_sentence(terms, seen))
        ):
            verb_level = 0
        elif (impact and noun_level >= 3 and seen.own_event is None and seen.impact_predicate) or (
            alone_in_unit and terms.unit is not Unit.COUNT and seen.light_predicate
        ):
            verb_level = -1  # what happened is the event itself, or the unit says what it is
        else:
            return no(f"nothing in the figure's clause says what happened "
                      f"({_listed(terms.predicates)})")  # fmt: skip
    else:
        verb_level = 1
    stage = CONTEXT_STAGE
    if (
        seen.breakdown
        and (terms.context is None or not terms.context.search(seen.scope))
        and not (claim.composition and noun_level >= 3 and seen.whole_noun not in terms.noun_keys)
    ):
        if claim.composition:
            return no("it is a part of the figure before it (they add up to it), and this "
                      "quantity counts the whole's kind, not that part")  # fmt: skip
        return no(f"it is one of a list by place («{seen.own_place}»), and this quantity's "
                  "context does not name its place")  # fmt: skip
    if terms.context is not None:
        if terms.context.search(seen.clause):
            context_level = 3
        elif terms.context.search(seen.scope):
            context_level = 2
        elif terms.context.search(seen.rest) and seen.own_place is None:
            context_level = 0
        elif around and seen.own_place is None and terms.context.search(around):
            context_level = -1
        elif seen.own_place is not None and terms.context.search(seen.rest):
            return no(f"it names its own place («{seen.own_place}»), which is none of its "
                      "context terms")  # fmt: skip
        else:
            return no("none of its context terms is in the sentence")
    else:
        context_level = 1
    stage = 5
    if terms.exclude is not None:
        found = terms.exclude.search(fold(seen.phrase)) or terms.exclude.search(seen.own_scope)
        if found is not None:
            return no(f"«{found.group(0)}» is excluded")
    how = {4: "its noun", 3: "a word of its noun phrase", 2: "the event its noun names",
           1: "a word of its clause", 0: "what its clause says happened"}[noun_level]  # fmt: skip
    return QuantityCheck(
        terms.id, True, f"fits: counted by {how}", (context_level, noun_level, verb_level)
    )


def _verb_in_sentence(terms: QuantityTerms, seen: ClaimView) -> bool:
    """One of the quantity's verbs is somewhere in the figure's sentence, and not the verb
    of one of its parts ("2 000 soldats envoyés, dont 300 ont été tués": "tués" is the
    300's)."""
    stems = sentence_stems(seen.sentence) - seen.taken
    return any(stems_match(stem, terms.predicate_stems) for stem in stems) or bool(
        not seen.taken
        and terms.predicate_phrases is not None
        and terms.predicate_phrases.search(seen.sentence)
    )


def _before_place(sentence: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each span cut before the first place it names."""
    cut = []
    for start, end in spans:
        place = _OWN_PLACE.search(sentence, start, end)
        cut.append((start, place.start() if place else end))
    return cut


def _blank(text: str, spans: Sequence[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _reported_participle(word: str) -> bool:
    """A participle of a verb that counts or reports, written where the noun would be:
    "revendiqués", "relevés", "annoncés", "avancés"."""
    verb = participle_verb(word)
    return verb is not None and verb in LIGHT_VERBS


def _named_by_noun(noun_keys: frozenset[str], stems: frozenset[str]) -> bool:
    """A noun made on the verb says what happened: "grévistes" for `grève`."""
    return any(len(stem) >= 4 and key.startswith(stem) for key in noun_keys for stem in stems)


def best(checks: Sequence[QuantityCheck]) -> QuantityCheck | None:
    fitting = [item for item in checks if item.fits]
    if not fitting:
        return None
    return max(fitting, key=lambda item: (item.rank, -checks.index(item)))


def _unit_words(unit: Unit, currency: str | None) -> str:
    if unit is Unit.MONEY:
        return f"money ({currency})" if currency else "money"
    if unit is Unit.PERCENT:
        return "a percentage"
    if unit is Unit.POINT:
        return "percentage points"
    if unit is Unit.COUNT:
        return "a count"
    return f"{'an' if str(unit)[0] in 'aeiou' else 'a'} {unit}"
