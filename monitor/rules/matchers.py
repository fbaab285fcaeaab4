"""Rule files compiled once into matchers: which topics an article is about, which
quantity a claim counts, which canonical source a name is.

Terms are matched on folded text (lowercase, no accents) and indexed by the start of their
first word; a one-word term is matched against the article's words, not its whole text.
So finding the topics of an article costs about the same for one topic or a hundred;
quantities are looked up by the claim's counted noun.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from monitor.claims.words import event_verb
from monitor.figures import UnitSpec
from monitor.models import BASELINE, PAST_EVENT, Claim, Lexicon, Modality, Qualifier, Unit
from monitor.rules.assign import (
    CONTEXT_STAGE,
    MODALITY_STAGE,
    NAME_BEFORE_PAREN,
    NOUN_STAGE,
    VERB_STAGE,
    QuantityCheck,
    QuantityTerms,
    best,
    check,
    counts_change,
    own_place,
    predicate_phrases,
    unit_of,
    view,
)
from monitor.rules.loader import RuleSet
from monitor.rules.schema import Alerting, Known, Quantity
from monitor.rules.terms import (
    PREFIX,
    TOKEN,
    fold,
    noun_key,
    predicate_key,
    term_body,
    term_pattern,
)


@dataclass(frozen=True, eq=False)
class CompiledQuantity:
    topic: str
    spec: Quantity
    line: int
    terms: QuantityTerms
    events: tuple[tuple[str, re.Pattern[str]], ...] = ()

    def period(self, claim: Claim, published: date | None) -> str | None:
        """The day or event ``claim`` counts, for a quantity counted per day or per event.

        Per day: the day its own words name ("mardi", "le 7 mars") when that is in the
        week before the article, else the article's day. Per event: the first of the
        quantity's events written in its clause, else in its sentence.
        """
        if self.spec.per == "day":
            day = published
            if (
                claim.time_ref is not None
                and published is not None
                and 0 <= (published - claim.time_ref).days <= 7
            ):
                day = claim.time_ref
            return day.isoformat() if day else None
        if self.spec.per == "event":
            sentence = fold(claim.sentence)
            clause = (
                fold(claim.sentence[claim.clause[0] : claim.clause[1]])
                if claim.clause
                else sentence
            )
            for text in (clause, sentence):
                for name, pattern in self.events:
                    if pattern.search(text):
                        return name
        return None

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def factor(self) -> float:
        """Base units per unit its figures are written in (1 000 for a quantity in tonnes)."""
        return self.terms.shown.factor if self.terms.shown else 1.0

    @property
    def unit(self) -> UnitSpec:
        """How this quantity's figures are read and shown."""
        return UnitSpec(self.terms.unit, self.terms.currency, self.terms.shown)


def compile_quantity(topic: str, spec: Quantity, line: int) -> CompiledQuantity:
    unit = unit_of(spec.unit, spec.label, spec.nouns)
    terms = QuantityTerms(
        id=spec.id,
        unit=unit.kind,
        currency=unit.currency,
        shown=unit.shown,
        modalities=frozenset(spec.modalities),
        nouns=tuple(spec.nouns),
        noun_keys=frozenset(noun_key(noun) for noun in spec.nouns),
        predicates=tuple(spec.predicates),
        predicate_stems=frozenset(predicate_key(p) for p in spec.predicates if len(p.split()) == 1),
        predicate_phrases=predicate_phrases(spec.predicates),
        context=_alternation(spec.context, verbs=True),
        exclude=_alternation(spec.exclude),
        counts_change=counts_change(spec.label, spec.nouns),
        noun_events=frozenset(
            predicate_key(verb) for noun in spec.nouns if (verb := event_verb(noun.split()[0]))
        ),
    )
    events = tuple((event, re.compile(term_pattern(event))) for event in spec.events)
    return CompiledQuantity(topic=topic, spec=spec, line=line, terms=terms, events=events)


def _known_period(item: Known, per: str | None) -> str | None:
    if per == "day":
        return item.date.isoformat() if item.date else None
    if per == "event":
        return item.event
    return None


def _in_base(number: float | None, factors: dict[str, float], item: Known) -> float | None:
    return None if number is None else number * factors.get(item.quantity, 1.0)


@dataclass(frozen=True)
class KnownFigure:
    """A known claim from a rule file, with where it was written."""

    topic: str
    quantity: str
    low: float | None
    high: float | None
    value: float | None
    qualifier: Qualifier
    source: str | None
    stated_on: date | None
    url: str | None
    note: str | None
    rule_file: str
    rule_line: int
    period: str | None = None  # the day or event of a quantity counted per day or event


@dataclass(eq=False)
class CompiledTopic:
    id: str
    title: str
    rule_set: RuleSet
    alerting: Alerting
    required_groups: list[frozenset[int]]  # each group: term ids, one must be present
    any_terms: frozenset[int]
    none_terms: frozenset[int]
    quantities: list[CompiledQuantity]
    known: list[KnownFigure]
    sources: dict[str, str]  # folded alias -> canonical name
    since: date | None = None  # reports published before are about an earlier event

    @property
    def rule_file(self) -> str:
        return self.rule_set.display_path

    def is_about(self, present: frozenset[int], lead: frozenset[int] | None = None) -> bool:
        """Whether the article is about the topic. ``none`` terms count in ``lead`` (the
        title and first lines) when it is given: a report on the topic that recalls another
        event further down ("le séisme d'Agadir en 1960 avait fait...") stays on topic."""
        if (present if lead is None else lead) & self.none_terms:
            return False
        if self.any_terms and not present & self.any_terms:
            return False
        return all(present & group for group in self.required_groups)

    def quantity(self, quantity_id: str) -> CompiledQuantity | None:
        return next((q for q in self.quantities if q.id == quantity_id), None)


YEAR_TERM = re.compile(r"(?:1[89]|2[01])\d\d")  # a term that is a year: met by the publication year
LEAD = 400  # characters of title and first lines where ``none`` terms rule an article out


@dataclass
class RuleBook:
    """Every loaded topic, compiled; build once per rule (re)load."""

    topics: list[CompiledTopic]
    terms: list[re.Pattern[str]]  # by term id: searched in the folded text
    words: dict[int, re.Pattern[str]]  # one-word terms: matched against the text's words
    phrases: dict[int, list[str]]  # several-word terms: words that must all be in the text
    terms_by_prefix: dict[str, list[int]]  # first letters of a term's first word -> ids
    regex_terms: list[int]  # "re:" terms, always tried
    lexicon: Lexicon = field(default_factory=Lexicon)
    year_terms: dict[int, list[int]] = field(default_factory=dict)  # 2023 -> ids of "2023"

    def quantity(self, topic_id: str, quantity_id: str) -> CompiledQuantity | None:
        """The compiled quantity ``quantity_id`` of topic ``topic_id``, if loaded."""
        topic = next((topic for topic in self.topics if topic.id == topic_id), None)
        return topic.quantity(quantity_id) if topic else None

    def topics_for(self, text: str, *, published: date | None = None) -> list[CompiledTopic]:
        """The topics an article is about.

        ``none`` terms rule an article out when they are in its title or its first lines
        (the first ``LEAD`` characters): that is what the article is about. A year written
        as a term of ``all`` or ``any`` ("2023") is also met by an article published that
        year: the press does not write the current year ("le second tour dimanche"). An
        article published before a topic's ``since`` is about an earlier event.
        """
        present = self.terms_in(text)
        lead = self.terms_in(text[:LEAD]) if len(text) > LEAD else present
        if published is not None and published.year in self.year_terms:
            present |= frozenset(self.year_terms[published.year])
        return [
            topic
            for topic in self.topics
            if topic.is_about(present, lead)
            and not (published and topic.since and published < topic.since)
        ]

    def terms_in(self, text: str) -> frozenset[int]:
        """The ids of the terms written in ``text``.

        Only terms whose first word starts like a word of the text are tried, so the cost
        follows the text, not the number of topics.
        """
        folded = fold(text)
        text_words = set(TOKEN.findall(folded))
        words_by_prefix: dict[str, list[str]] = defaultdict(list)
        for word in text_words:
            words_by_prefix[word[:PREFIX]].append(word)
        present: set[int] = set()
        for prefix, words in words_by_prefix.items():
            for term in self.terms_by_prefix.get(prefix, ()):
                pattern = self.words.get(term)
                if pattern is not None:
                    found = any(pattern.fullmatch(word) for word in words)
                else:
                    # All but the last word (which may be plural) must be words of the text.
                    needed = self.phrases.get(term, [])[:-1]
                    found = text_words.issuperset(needed) and bool(self.terms[term].search(folded))
                if found:
                    present.add(term)
        present.update(i for i in self.regex_terms if self.terms[i].search(folded))
        return frozenset(present)

    def assign_all(
        self,
        topic: CompiledTopic,
        claims: Sequence[Claim],
        *,
        text: str | None = None,
        title: str | None = None,
    ) -> list[tuple[CompiledQuantity | None, list[QuantityCheck]]]:
        """:meth:`assign` for every claim of an article in order, each figure that
        continues another ("contre 14 la veille") knowing where that one went; with the
        article's ``text`` and ``title``, a figure whose sentence names no context may
        take it from the sentences before it in its paragraph or from the title."""
        placed: dict[tuple[int, int], CompiledQuantity] = {}
        clauses: dict[int, list[tuple[tuple[int, int], tuple[int, int]]]] = defaultdict(list)
        for claim in claims:
            if claim.clause is not None:
                # What a figure writes from itself to the end of its clause is its own.
                start = claim.span[0] - claim.sentence_start
                clauses[claim.sentence_start].append((claim.span, (start, claim.clause[1])))
        wholes = {claim.span: claim for claim in claims}
        results: list[tuple[CompiledQuantity | None, list[QuantityCheck]]] = []
        index_of: dict[tuple[int, int], int] = {}
        for claim in claims:
            antecedent = placed.get(claim.antecedent_span) if claim.antecedent_span else None
            whole = placed.get(claim.parent_span) if claim.parent_span else None
            others = [clause for span, clause in clauses[claim.sentence_start] if span > claim.span]
            options = {
                "others": others,
                "breakdown": claim.composition or self._in_breakdown(topic, claim, claims),
                "around": _around(claim, text, title),
                "whole_noun": (
                    wholes[claim.parent_span].noun if claim.parent_span in wholes else None
                ),
                "whole_words": _own_words(
                    wholes.get(claim.parent_span) if claim.parent_span else None
                ),
                "taken": frozenset(
                    predicate_key(other.predicate)
                    for other in claims
                    if other.parent_span == claim.span  # its parts' verbs are theirs
                    and other.predicate
                    and other.predicate != claim.predicate
                ),
            }
            quantity, checks = self.assign(topic, claim, antecedent, part_of=whole, **options)
            if quantity is None and whole is not None and claim.parent_span in index_of:
                quantity, checks = self._part_named(
                    topic, claim, antecedent, whole, results, index_of[claim.parent_span], options
                ) or (quantity, checks)
            if quantity is not None:
                placed[claim.span] = quantity
            index_of[claim.span] = len(results)
            results.append((quantity, checks))
        return results

    def _part_named(
        self,
        topic: CompiledTopic,
        claim: Claim,
        antecedent: CompiledQuantity | None,
        whole: CompiledQuantity,
        results: list[tuple[CompiledQuantity | None, list[QuantityCheck]]],
        whole_index: int,
        options: dict[str, Any],
    ) -> tuple[CompiledQuantity | None, list[QuantityCheck]] | None:
        """A part whose own words name the context of the quantity its whole went to
        ("plus de 4 300 morts : 2 921 en Turquie et 1 440 en Syrie"), when the whole does
        not name it itself: the part is that quantity's figure, and the whole, which counts
        more than that, goes to none."""
        quantity, checks = self.assign(topic, claim, antecedent, **options)
        chosen = next((c for c in checks if c.fits and c.quantity == whole.id), None)
        whole_checks = results[whole_index][1]
        whole_check = next((c for c in whole_checks if c.quantity == whole.id), None)
        if (
            quantity is not whole
            or chosen is None
            or chosen.rank[0] < 3  # its context in its own clause
            or whole_check is None
            or whole_check.rank[0] >= 3  # the whole names it in its own clause too
        ):
            return None
        why = (f"its parts name this quantity's context in their own words («{claim.value_text}» "
               "...): it counts more than that")  # fmt: skip
        whole_checks = [
            QuantityCheck(c.quantity, False, why, stage=CONTEXT_STAGE) if c.quantity == whole.id
            else c for c in whole_checks
        ]  # fmt: skip
        other = best(whole_checks)
        results[whole_index] = (
            topic.quantity(other.quantity) if other is not None else None,
            whole_checks,
        )
        return quantity, checks

    def _in_breakdown(self, topic: CompiledTopic, claim: Claim, claims: Sequence[Claim]) -> bool:
        """Whether ``claim`` names a place of its own that is not one the topic is about,
        and another figure of its sentence, counting the same thing and neither's part,
        names another one ("21 morts à Khartoum, 3 morts à Port-Soudan")."""
        if claim.sentence_start >= 0 and _NAMED_BEFORE_PAREN.search(
            claim.sentence, 0, claim.span[0] - claim.sentence_start
        ):
            return True  # "l'Espagne (6119), le Brésil (3450)": one figure per name
        place = own_place(claim)
        if place is None:
            return False
        others = _other_places(claim, place, claims)
        if self._topical(topic, place):
            # "au Maroc" in a topic about Morocco, unless its neighbours name other places
            # of the topic: "11 foyers en Loire-Atlantique, deux en Maine-et-Loire".
            return any(self._topical(topic, other) for other in others)
        return bool(others)

    def _topical(self, topic: CompiledTopic, place: str) -> bool:
        terms = self.terms_in(place)
        return any(terms & group for group in topic.required_groups) or bool(
            terms & topic.any_terms
        )

    def quantity_for(self, topic: CompiledTopic, claim: Claim) -> CompiledQuantity | None:
        """The quantity of ``topic`` that ``claim`` counts (see :mod:`monitor.rules.assign`)."""
        return self.assign(topic, claim)[0]

    def assign(
        self,
        topic: CompiledTopic,
        claim: Claim,
        antecedent: CompiledQuantity | None = None,
        **options: Any,
    ) -> tuple[CompiledQuantity | None, list[QuantityCheck]]:
        """The quantity ``claim`` goes to, and every quantity's check, in file order (see
        :meth:`_assign` for the options).

        A figure stated in a way no quantity counts ("le bilan pourrait dépasser 500
        morts", planned or denied where a quantity counts asserted figures) still goes to
        the quantity it would fit if it were asserted, as a figure of that quantity that is
        kept and shown but never compared (:func:`judged`).
        """
        quantity, checks = self._assign(topic, claim, antecedent, **options)
        if quantity is not None or claim.modality is Modality.ASSERTED:
            return quantity, checks
        if not any(c.stage == MODALITY_STAGE and not c.fits for c in checks):
            return quantity, checks
        asserted = replace(claim, modality=Modality.ASSERTED)
        kept, _ = self._assign(topic, asserted, antecedent, **options)
        if kept is None or claim.modality in kept.terms.modalities:
            return quantity, checks
        why = (
            f"kept, not compared: it fits but for its modality ({claim.modality}; this "
            f"quantity compares {', '.join(sorted(kept.terms.modalities))} figures)"
        )
        return kept, [
            QuantityCheck(c.quantity, True, why, (0, 0, 0)) if c.quantity == kept.id else c
            for c in checks
        ]

    def _assign(
        self,
        topic: CompiledTopic,
        claim: Claim,
        antecedent: CompiledQuantity | None = None,
        *,
        part_of: CompiledQuantity | None = None,
        others: Sequence[tuple[int, int]] = (),
        breakdown: bool = False,
        taken: frozenset[str] = frozenset(),
        around: str | None = None,
        whole_noun: str | None = None,
        whole_words: str = "",
    ) -> tuple[CompiledQuantity | None, list[QuantityCheck]]:
        """The quantity ``claim`` goes to, and every quantity's check, in file order.

        ``antecedent`` is the quantity of the figure ``claim`` continues ("17 morts, contre
        14 la veille"): when nothing else fits and only what is counted or what happened
        is missing from the figure's own words, the figure goes with its antecedent.
        ``part_of`` is the quantity of the figure ``claim`` is a part of ("2 122 morts,
        dont 1 351 dans la province d'Al Haouz"): a part never counts as its whole.
        ``others`` are the own words of the figures written after it in its sentence
        (from each figure to the end of its clause): their context is not its context.
        ``breakdown`` says the figure is one of a list by place ("21 morts à Khartoum, 3 à
        Port-Soudan"): it goes only to a quantity whose context names its place.
        ``taken`` are the verbs of its parts, which it does not borrow.
        """
        if claim.earlier in (PAST_EVENT, BASELINE):
            why = (
                "it is dated two years or more before the article: the figure of another "
                "event, not one of this topic's"
                if claim.earlier == PAST_EVENT
                else "it is an average over past years the event is compared with, not a "
                "figure of the event"
            )
            return None, [QuantityCheck(q.id, False, why, stage=0) for q in topic.quantities]
        seen = view(
            claim,
            others,
            breakdown=breakdown,
            taken=taken,
            whole_noun=whole_noun,
            whole_words=whole_words,
        )
        checks = [check(quantity.terms, claim, seen) for quantity in topic.quantities]
        if part_of is not None:
            checks = [
                QuantityCheck(c.quantity, False, "it is a part of a figure of this quantity "
                              "(«dont», a colon, or figures that add up to it)", stage=5)
                if c.quantity == part_of.id and c.fits
                else c
                for c in checks
            ]  # fmt: skip
        chosen = best(checks)
        if chosen is None:
            # Nothing fits on the figure's own clause: a figure whose noun is one of a
            # quantity's may take its verb from anywhere in its sentence.
            relaxed = [
                check(quantity.terms, claim, seen, relaxed=True)
                if checks[index].stage == VERB_STAGE
                else checks[index]
                for index, quantity in enumerate(topic.quantities)
            ]
            if best(relaxed) is not None:
                checks = [
                    replace(
                        c, why=c.why.replace("fits:", "fits (its verb elsewhere in the sentence):")
                    )
                    if c.fits
                    else c
                    for c in relaxed
                ]
                chosen = best(checks)
        if chosen is None and (
            sum(bool(seen.noun_keys & quantity.terms.noun_keys) for quantity in topic.quantities)
            == 1
        ):
            # Its noun is one quantity's alone, and its verb says only that the event
            # reached it: what happened is the event itself ("1 900 véhicules touchés"
            # for vehicles burned).
            free = [
                check(quantity.terms, claim, seen, relaxed=True, impact=True)
                if checks[index].stage == VERB_STAGE
                else checks[index]
                for index, quantity in enumerate(topic.quantities)
            ]
            fitting = [c for c in free if c.fits]
            if len(fitting) == 1:
                checks = [
                    replace(
                        c,
                        why=c.why.replace(
                            "fits:", "fits (the only quantity of its noun, reached by the event):"
                        ),
                    )
                    if c.fits
                    else c
                    for c in free
                ]
                chosen = best(checks)
        in_unit = [
            quantity
            for quantity in topic.quantities
            if quantity.terms.unit is claim.unit
            and (claim.currency is None or quantity.terms.currency in (None, claim.currency))
        ]
        if chosen is None and claim.unit is not Unit.COUNT and len(in_unit) == 1:
            # The topic's only quantity in the figure's currency or unit, and the figure
            # has no verb of its own: "Bruxelles a annoncé une aide. 367 millions d'euros
            # seront versés".
            index = topic.quantities.index(in_unit[0])
            if checks[index].stage == VERB_STAGE:
                alone = check(in_unit[0].terms, claim, seen, relaxed=True, alone_in_unit=True)
                if alone.fits:
                    checks[index] = replace(
                        alone,
                        why=alone.why.replace(
                            "fits:", "fits (the topic's only quantity in its unit):"
                        ),
                    )
                    chosen = checks[index]
        if chosen is None and around:
            # Nor on its sentence: the context its sentence left out may be in the
            # sentences before it or in the title.
            framed = [
                check(quantity.terms, claim, seen, relaxed=True, around=around)
                if checks[index].stage == CONTEXT_STAGE
                else checks[index]
                for index, quantity in enumerate(topic.quantities)
            ]
            if best(framed) is not None:
                checks = [
                    replace(c, why=c.why.replace("fits:", "fits (its context in the sentences "
                                                 "before it or the title):"))
                    if c.fits
                    else c
                    for c in framed
                ]  # fmt: skip
                chosen = best(checks)
        if chosen is None and antecedent is not None and not breakdown:
            index = next(i for i, c in enumerate(checks) if c.quantity == antecedent.id)
            # A figure of a later sentence that names its antecedent ("ce bilan", "la
            # proportion") also takes its context; one of the same sentence shares it.
            anaphora = claim.antecedent_span is not None and (
                claim.antecedent_span[0] < claim.sentence_start
            )
            stages = (
                (NOUN_STAGE, VERB_STAGE, CONTEXT_STAGE) if anaphora else (NOUN_STAGE, VERB_STAGE)
            )
            if checks[index].stage in stages:
                checks[index] = QuantityCheck(
                    antecedent.id, True, "fits: it continues the figure before it", (1, 1, 1)
                )
                return antecedent, checks
        if chosen is None:
            return None, checks
        return topic.quantity(chosen.quantity), checks


# A figure in parentheses right after a name: "devant l'Espagne (6119)".
_NAMED_BEFORE_PAREN = NAME_BEFORE_PAREN


def _own_words(claim: Claim | None) -> str:
    """A figure's clause and what it shares, as written: what its parts inherit."""
    if claim is None:
        return ""
    words = claim.scope or claim.clause
    return claim.sentence[words[0] : words[1]] if words else claim.sentence


def _around(claim: Claim, text: str | None, title: str | None) -> str | None:
    """The title and what precedes the figure's sentence in its paragraph, folded."""
    parts = [title or ""]
    if text is not None and 0 < claim.sentence_start <= len(text):
        before = text[: claim.sentence_start]
        paragraph = before.rfind("\n\n")
        parts.append(before[paragraph + 2 if paragraph >= 0 else 0 :][-600:])
    joined = " ".join(part for part in parts if part.strip())
    return fold(joined) if joined else None


def _other_places(claim: Claim, place: str, claims: Sequence[Claim]) -> list[str]:
    """The places other than ``place`` that the other figures of the sentence of ``claim``
    name, when they count the same thing and neither is the other's part."""
    places = []
    for other in claims:
        if (
            other.sentence_start != claim.sentence_start
            or other.span == claim.span
            or other.unit is not claim.unit
            or other.noun != claim.noun
            or claim.span == other.parent_span
            or other.span == claim.parent_span
        ):
            continue
        theirs = own_place(other)
        if theirs is not None and theirs.split()[-1] != place.split()[-1]:
            places.append(theirs)
    return places


def compile_rules(rule_sets: Sequence[RuleSet], *, default_tolerance: float = 0.1) -> RuleBook:
    term_ids: dict[str, int] = {}
    words: dict[int, re.Pattern[str]] = {}
    phrases: dict[int, list[str]] = {}
    terms_by_prefix: dict[str, list[int]] = defaultdict(list)
    regex_terms: list[int] = []
    year_terms: dict[int, list[int]] = defaultdict(list)

    def term_id(term: str) -> int:
        pattern = term_pattern(term)
        if pattern in term_ids:
            return term_ids[pattern]
        number = term_ids[pattern] = len(term_ids)
        if YEAR_TERM.fullmatch(term.strip()):
            year_terms[int(term)].append(number)
        tokens = TOKEN.findall(fold(term))
        if term.startswith("re:") or not tokens:
            regex_terms.append(number)
            return number
        terms_by_prefix[tokens[0][:PREFIX]].append(number)
        if len(tokens) == 1 and fold(term).strip() == tokens[0]:
            words[number] = re.compile(term_body(term))
        else:
            phrases[number] = tokens
        return number

    topics: list[CompiledTopic] = []
    all_nouns: set[str] = set()
    all_predicates: set[str] = set()
    all_sources: dict[str, str] = {}
    tolerances: list[float] = []
    for rule_set in rule_sets:
        rules = rule_set.rules
        topic_id = rules.topic.id
        quantities = []
        for index, spec in enumerate(rules.quantities):
            compiled = compile_quantity(topic_id, spec, rule_set.line_of("quantities", index))
            quantities.append(compiled)
            all_nouns.update(noun.lower() for noun in spec.nouns)
            all_predicates.update(predicate.lower() for predicate in spec.predicates)
        sources = {}
        for source in rules.sources:
            for alias in (source.name, *(source.aliases or [])):
                sources[fold(alias)] = source.name
                all_sources[unicodedata.normalize("NFC", alias.lower())] = source.name
        # Known figures are written in the unit their quantity declares ("tonnes") and
        # stored, like extracted claims, in the base unit (kilograms).
        factors = {quantity.id: quantity.factor for quantity in quantities}
        pers = {quantity.id: quantity.spec.per for quantity in quantities}
        known = [
            KnownFigure(
                topic=topic_id,
                quantity=item.quantity,
                low=_in_base(item.low if item.low is not None else item.value, factors, item),
                high=_in_base(item.high if item.high is not None else item.value, factors, item),
                value=_in_base(item.value, factors, item),
                qualifier=item.qualifier,
                source=item.source,
                stated_on=item.date,
                url=item.url,
                note=item.note,
                rule_file=rule_set.display_path,
                rule_line=rule_set.line_of("known", index),
                period=_known_period(item, pers.get(item.quantity)),
            )
            for index, item in enumerate(rules.known)
        ]
        known = [widen_known(figure, rules.alerting.tolerance) for figure in known]
        match = rules.topic.match
        topics.append(
            CompiledTopic(
                id=topic_id,
                title=rules.topic.title,
                rule_set=rule_set,
                alerting=rules.alerting,
                required_groups=[frozenset(term_id(t) for t in group) for group in match.all],
                any_terms=frozenset(term_id(t) for t in match.any),
                none_terms=frozenset(term_id(t) for t in match.none),
                quantities=quantities,
                known=known,
                sources=sources,
                since=rules.topic.since or story_start(rules.topic.title),
            )
        )
        tolerances.append(rules.alerting.tolerance)
    terms = [re.compile(pattern) for pattern in term_ids]
    lexicon = Lexicon(
        nouns=frozenset(all_nouns),
        predicates=frozenset(all_predicates),
        sources=all_sources,
        approx_tolerance=max(tolerances, default=default_tolerance),
    )
    return RuleBook(
        topics=topics,
        terms=terms,
        words=words,
        phrases=phrases,
        terms_by_prefix=dict(terms_by_prefix),
        regex_terms=regex_terms,
        lexicon=lexicon,
        year_terms=dict(year_terms),
    )


TITLE_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def story_start(title: str) -> date | None:
    """The earliest day a report on a topic titled ``title`` can be published, when the
    title names the story's year ("Séisme au Maroc (septembre 2023)"): half a year before
    that year begins, leaving room for what leads up to an event (a campaign, a season)."""
    years = [int(year) for year in TITLE_YEAR.findall(title)]
    return date(min(years) - 1, 7, 1) if years else None


def widen_known(figure: KnownFigure, tolerance: float) -> KnownFigure:
    """An approximate known figure gets the topic's tolerance, like an extracted one."""
    if figure.qualifier is not Qualifier.APPROX or figure.value is None:
        return figure
    half = abs(figure.value) * tolerance
    return replace(figure, low=figure.value - half, high=figure.value + half)


def _alternation(terms: Iterable[str], *, verbs: bool = False) -> re.Pattern[str] | None:
    """Terms as whole words; with ``verbs``, a one-word term also matches the verb made on
    it, as the press may write the event instead of its noun ("manque" and "manquaient",
    "bloqué" and "bloquent")."""
    patterns = []
    for term in terms:
        pattern = term_pattern(term)
        folded = fold(term).strip()
        stem = _STEM_END.sub("", folded)
        if verbs and folded.isalpha() and len(folded) >= 6 and len(stem) >= 5:
            pattern += rf"|(?<![\w-]){re.escape(stem)}{_VERB_ENDINGS}(?![\w-])"
        patterns.append(pattern)
    return re.compile("|".join(patterns)) if patterns else None


_VERB_ENDINGS = (
    r"(?:e|es|ent|ait|aient|ais|é|ée|és|ées|er|ant|a|èrent|era|eront|erait|eraient|ions|iez)"
)
_STEM_END = re.compile(r"(?:er|ir|re|e|é|s)$")


def canonical_source(topic: CompiledTopic, source: str | None) -> str | None:
    if source is None:
        return None
    return topic.sources.get(fold(source), source)


def judged(claim: Claim, quantity: CompiledQuantity) -> bool:
    """Whether the engine compares ``claim`` as a figure of ``quantity``: not a past or
    earlier figure, and stated in one of the quantity's modalities."""
    return not claim.earlier and claim.modality in quantity.terms.modalities
