"""French claims: every figure an article states about a counted quantity.

The path of a text:

1. split into sentences (:mod:`monitor.claims.sentences`);
2. find quantities with a cheap scan (:mod:`monitor.claims.qualifiers`); only sentences
   holding one are parsed, in one batch (:mod:`monitor.claims.parsing`);
3. link each quantity to its counted noun and predicate (:mod:`monitor.claims.linking`),
   read its modality (:mod:`monitor.claims.modality`) and time (:mod:`monitor.claims.timeref`);
4. walk the sentences in order to attribute claims (:mod:`monitor.claims.attribution`),
   carrying sources across sentences: "Il a affirmé que" takes the last speaker; "Ces
   informations proviennent de X" names the source of the previous sentence; a
   conditional sentence without a source continues the attribution of the previous
   sentence of its paragraph; a denial ("contredisent", "dément") marks its sentence and
   the next sentence's claims from the same source.

Coordinated figures share what the second one lacks: in "300 soldats ont été tués et
environ 2 700 blessés" the 2 700 are soldats too; in "11 000 à 12 000 nord-coréens ...,
dont 4 000 auraient été blessés et 600 tués" both subsets are nord-coréens and point to
the including figure with ``parent_span``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from spacy.tokens import Token

from monitor.claims.attribution import (
    REPORTING_VERBS,
    Attribution,
    AttributionKind,
    SourceMatcher,
    find_attributions,
    find_denial,
    make_attribution,
    without_relays,
)
from monitor.claims.linking import (
    FUNCTION_WORDS,
    MEASURE_VERBS,
    NounMatcher,
    find_predicate,
    following_noun,
    measured_thing,
    noun_phrase_end,
    predicate_noun,
    verb_lemma,
)
from monitor.claims.modality import ModalityReading, read_modality
from monitor.claims.numbers import normalise_typography
from monitor.claims.parsing import (
    ParsedSentence,
    lemma_of,
    parse_sentences,
    rewrite_for_parser,
)
from monitor.claims.qualifiers import Quantity, find_quantities
from monitor.claims.sentences import Sentence, split_sentences
from monitor.claims.timeref import TimeExpression, find_times
from monitor.claims.words import (
    FORECAST_VERBS,
    INVARIABLE_NOUNS,
    LIGHT_VERBS,
    participle_verb,
    predicate_word,
)
from monitor.models import BASELINE, PAST_EVENT, Claim, Lexicon, Modality, Qualifier, Unit
from monitor.rules.terms import fold, predicate_key

# Nouns of time, never what a figure counts: "puis à 157 les deux nuits suivantes".
_TIME_NOUNS = frozenset(
    {"nuit", "jour", "journée", "semaine", "mois", "an", "année", "heure", "minute", "tour",
     "fois", "soir", "soirée", "matin", "matinée", "veille", "lendemain", "week-end",
     "trimestre", "semestre", "siècle", "décennie"}
)  # fmt: skip
# Nouns of an adverbial phrase after a figure, never what it counts: "15 000 côté turc",
# "932 début juin", "300 au total", "300 en moyenne", "330 à l'échelle mondiale".
_ADVERBIAL_NOUNS = frozenset(
    {"côté", "début", "fin", "mi", "milieu", "total", "moyenne", "échelle", "cumul"}
)
# How badly, written where a noun could be: "dont 1 220 grièvement atteints".
_DEGREE_ADVERBS = frozenset(
    {"grièvement", "légèrement", "gravement", "mortellement", "sérieusement", "superficiellement"}
)
# A figure that is the attribute of "ils" or "elles": it counts people ("Ils étaient 782 000
# à défiler", "Elles étaient plus de 3 000 à manifester").
_PEOPLE_SUBJECT_BEFORE = re.compile(
    r"(?<![\w'])(?:ils|elles)\s+(?:(?:n')?(?:étaient|sont|seraient|furent|seront|auraient\s+été"
    r"|ont\s+été|avaient\s+été)\s+)(?:(?:encore|déjà|désormais|toujours|ainsi|donc)\s+)?$",
    re.IGNORECASE,
)
# "dont 300 à Paris", "parmi lesquels neuf femmes", "parmi eux figurent 72 marins": a part
# of the figure before.
_SUBSET = (
    r"(?:dont|parmi\s+(?:eux|elles|lesquels|lesquelles|ceux-ci|celles-ci))"
    r"(?:\s+(?:figurent|figuraient|se\s+trouvent|se\s+trouvaient|on\s+(?:compte|trouve"
    r"|dénombre|recense)|(?:il\s+)?y\s+a(?:vait)?))?"
)
_DONT_BEFORE = re.compile(rf"(?<![\w]){_SUBSET}\s*$", re.IGNORECASE)
# "26 Ukrainiens, parmi lesquels une femme officier et neuf femmes": every figure after
# it, up to the end of the clause, is a part.
_AMONG = re.compile(
    r"(?<![\w])parmi\s+(?:eux|elles|lesquels|lesquelles|ceux-ci|celles-ci)(?![\w])[^;:.]*$",
    re.IGNORECASE,
)
# A sentence that opens on a subset of what the sentence before counted: "Parmi eux
# figurent 72 marins", "Parmi les victimes, 12 enfants".
_SUBSET_OPENING = re.compile(
    r"\s*parmi\s+(?:eux|elles|ceux-ci|celles-ci|(?:ces|les)\s+[^\W\d][\w'-]*)(?![\w'-])",
    re.IGNORECASE,
)
# "plus de 4 300 morts selon le dernier bilan : 2 921 en Turquie et 1 440 en Syrie": a
# figure with no noun of its own right after a colon is a part of the figure before.
_BREAKDOWN_BEFORE = re.compile(r"\d[^:;.!?]*:\s*$")
_COORDINATED_GAP = re.compile(
    r"(?:(?<![\w])(?:et|ou|mais|ainsi\s+que|sur(?:\s+(?:les|un\s+total\s+de))?)|[,;])\s*$",
    re.IGNORECASE,
)
# "17 morts, contre 14 la veille": the second figure is the same count at another time.
_COMPARED_GAP = re.compile(
    r"(?<![\w])(?:contre|après|au\s+lieu\s+(?:de|des|d')|(?:par\s+)?rapport\s+(?:à|aux))"
    r"(?:\s+(?:les|la|le|l'|un|une))?\s*$",
    re.IGNORECASE,
)
_JOINT = re.compile(r",|(?<![\w])(?:et|ou)(?![\w])", re.IGNORECASE)
# What ends what a figure shares with its neighbours: another clause, a subset, a parenthesis.
_SCOPE_BREAKS = (
    r"[;:()\[\]—]|\s–\s|(?<![\w])(?:tandis|alors|ainsi)\s+qu(?:e(?![\w])|')"
    r"|(?<![\w])(?:dont|soit|mais)(?![\w])"
)
_SCOPE_BREAK = re.compile(_SCOPE_BREAKS, re.IGNORECASE)
_PLACE = re.compile(r"(?<![\w])(?:en|à|au|aux|dans|sur)\s+\S", re.IGNORECASE)
# A coordinated figure led by words of its own ("... à 2,13 euros et le SP98 à 2,19
# euros"): what comes before it is its own, not shared with the figure before.
_OWN_LEAD = re.compile(
    r"(?:,|(?<![\w])(?:et|ou))\s+(?!(?:(?:les?|la|l'|des|de|du|d')\s*)?$)[^\W\d]",
    re.IGNORECASE,
)
# Where a figure's own clause stops: the same, and a comparison ("contre 14 la veille").
_CLAUSE_BREAK = re.compile(
    _SCOPE_BREAKS + r"|(?<![\w])(?:contre|après|au\s+lieu)(?![\w])", re.IGNORECASE
)
_AFTER_REPORTING = re.compile(
    r"(?:déclaré|affirmé|annoncé|révélé|indiqué|précisé|estimé|dit|assuré|expliqué|souligné"
    r"|confirmé|rapporté|écrit|ajouté|affirme|déclare|annonce|révèle|indique)\s*$",
    re.IGNORECASE,
)
_REPORTING_WORD = re.compile(
    r"déclar|affirm|estim|rapport|indiqu|révél|annon|assur|précis|expliqu|soulign|confirm"
    r"|ajout|averti|signal|dit|écrit|noté|note|prévient|relève"
)
_INVERTED_SPEAKER_RE = re.compile(
    r"[,»”\"]\s*(?:(?:a|ont|avait|avaient|aurait)(?:-t-(?:il|elle|ils|elles|on))?\s+)?"
    r"(?:déclaré|affirmé|estimé|rapporté|indiqué|révélé|annoncé|assuré|précisé|expliqué"
    r"|souligné|confirmé|ajouté|averti|signalé|dit|écrit|noté|estime|estiment|affirme"
    r"|affirment|indique|indiquent|précise|précisent|déclare|déclarent|assure|assurent"
    r"|rapporte|rapportent|souligne|explique|ajoute|annonce|annoncent|révèle|confirme"
    r"|avertit|prévient|note|relève|revendiqué|revendique)\s+"
    r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|aujourd'hui|soir|matin"
    r"|également|aussi|encore|ensuite|enfin|\w+ment)\s+)*"
    r"(?!qu)(?P<subject>(?:le|la|les|l'|un|une|des)\s*"
    r"[^,.;:!?«»]{2,80}|[A-ZÀ-Þ][^,.;:!?«»]{1,80})\s*[.!?]?\s*$",
    re.IGNORECASE,
)
_CLAUSE_LIKE = re.compile(
    r"[\d.;:!?]|\b(?:a|ont|est|sont|été|avait|avaient|aurait|auraient|serait|seraient)\b",
    re.IGNORECASE,
)
_SPEAKER_VERB_RE = re.compile(
    r"\s*,?\s+(?:(?:a|ont|avait|avaient|aurait|auraient)\s+"
    r"(?:(?:également|aussi|en\s+outre|encore|déjà|par\s+ailleurs|notamment)\s+)*"
    r"(?:déclaré|affirmé|estimé|rapporté|indiqué|révélé|annoncé|assuré|précisé|expliqué"
    r"|souligné|confirmé|ajouté|averti|signalé|dit|écrit|noté|revendiqué)|(?:estime"
    r"|estiment|affirme"
    r"|affirment|indique|indiquent|précise|précisent|déclare|déclarent|assure|assurent"
    r"|rapporte|rapportent|souligne|soulignent|explique|révèle|révèlent|confirme"
    r"|confirment|annonce|annoncent))(?![\w])",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Source:
    name: str  # canonical when an alias matched, else the phrase as written
    text: str  # the attribution as written
    named: bool  # an alias matched


@dataclass(slots=True)
class _Context:
    """What earlier sentences said about who speaks."""

    sources: SourceMatcher
    last_speaker: _Source | None = None
    recent: list[_Source] = field(default_factory=list)
    previous_claims: list[int] = field(default_factory=list)  # indices into the claim list
    previous_source: _Source | None = None
    previous_paragraph: int = -1
    previous_heading: bool = True
    denial_source: _Source | None = None
    denial_paragraph: int = -1


@dataclass(slots=True)
class _Work:
    sentence: Sentence
    text: str
    plain: str  # the sentence through normalise_typography (same offsets)
    quantities: list[Quantity]
    attributions: list[Attribution]
    denial: tuple[int, str] | None
    parsed: ParsedSentence | None = None


def find_claims(
    text: str,
    *,
    title: str | None = None,
    published: datetime | None = None,
    lexicon: Lexicon = Lexicon(),  # noqa: B008 - an immutable record
) -> list[Claim]:
    """Every figure stated in an article, as :class:`Claim` records in text order.

    ``text`` is the NFC article body; ``span`` and ``sentence_start`` are offsets into it
    (``text[span[0]:span[1]] == value_text``). When ``title`` is given and the body does
    not already start with it, the title's claims come first, with ``sentence_start``
    -1 and ``span`` relative to ``title``. Times are resolved against ``published``.
    """
    day = published.date() if published is not None else None
    claims: list[Claim] = []
    if title and not normalise_typography(text).lstrip().startswith(
        normalise_typography(title).strip()
    ):
        title_claims = _extract(title, day, lexicon)
        claims.extend(replace(claim, sentence_start=-1) for claim in title_claims)
    claims.extend(_extract(text, day, lexicon))
    if title and day is not None and _past_headline(title, day):
        # "Émeutes de 2005 : le bilan après quinze jours de crise", "Il y a dix ans, la
        # terre tremblait à Izmit": the whole article tells of the past.
        claims = [
            claim if claim.earlier else replace(claim, earlier="historical") for claim in claims
        ]
    return claims


# A year in a headline; not a count ("plus de 2000 morts").
_TITLE_YEAR = re.compile(r"(?<![\d\w])(?:19|20)\d{2}(?![\d\w])(?!\s+(?!et\s)[a-zà-ÿ])")
# A year the headline compares with, not the one it is about: "le pire depuis 1960".
_COMPARED_YEAR_BEFORE = re.compile(
    r"(?:depuis|qu'en|que|avant|jamais|record|comme|après)\s+(?:(?:l'an|l'année|la|le|les|en)\s+)?$",
    re.IGNORECASE,
)
_YEARS_AGO = re.compile(r"(?<![\w])il\s+y\s+a\s+\S+\s+ans(?![\w])", re.IGNORECASE)


def _past_headline(title: str, day: date) -> bool:
    """Whether the headline dates the article's story a year or more back: it names a past
    year (not one it compares with) and no recent one, or says "il y a dix ans"."""
    if _YEARS_AGO.search(title):
        return True
    years = [
        int(match.group(0))
        for match in _TITLE_YEAR.finditer(title)
        if not _COMPARED_YEAR_BEFORE.search(title[: match.start()])
    ]
    return bool(years) and max(years) <= day.year - 1


def _extract(text: str, day: date | None, lexicon: Lexicon) -> list[Claim]:
    works: list[_Work] = []
    plain_text = normalise_typography(text)
    for sentence in split_sentences(text):
        sentence_text = text[sentence.start : sentence.end]
        plain = plain_text[sentence.start : sentence.end]
        quantities = _without_totals(
            plain, find_quantities(plain, tolerance=lexicon.approx_tolerance)
        )
        works.append(
            _Work(
                sentence=sentence,
                text=sentence_text,
                plain=plain,
                quantities=quantities,
                attributions=find_attributions(sentence_text, plain),
                denial=find_denial(sentence_text, plain),
            )
        )
    nouns = _noun_matcher(lexicon.nouns)
    to_parse = [work for work in works if work.quantities and _needs_parse(work, nouns)]
    parsed = parse_sentences(
        [rewrite_for_parser(w.text, w.quantities, window=_PARSE_WINDOW) for w in to_parse]
    )
    for work, result in zip(to_parse, parsed, strict=True):
        work.parsed = result
    context = _Context(_source_matcher(frozenset(lexicon.sources.items())))
    claims: list[Claim] = []
    for work in works:
        _read_sentence(work, context, nouns, lexicon, day, claims)
    return claims


@functools.lru_cache(maxsize=8)
def _noun_matcher(nouns: frozenset[str]) -> NounMatcher:
    return NounMatcher.build(nouns)


@functools.lru_cache(maxsize=8)
def _source_matcher(sources: frozenset[tuple[str, str]]) -> SourceMatcher:
    return SourceMatcher.build(dict(sources))


def _read_sentence(
    work: _Work,
    context: _Context,
    nouns: NounMatcher,
    lexicon: Lexicon,
    day: date | None,
    claims: list[Claim],
) -> None:
    sentence = work.sentence
    same_paragraph = sentence.paragraph == context.previous_paragraph
    attributions = list(work.attributions)
    if work.parsed is not None:
        attributions.extend(_speakers(work.parsed, work.text))
    if not any(a.kind is not AttributionKind.RELAY for a in attributions):
        attributions.extend(_regex_speakers(work.text, work.plain))
    denial_source: _Source | None = None
    if work.denial is not None:
        offset, subject = work.denial
        if subject:
            denial_attribution = make_attribution(
                work.text, 0, offset, subject, AttributionKind.DENIAL
            )
            attributions.append(denial_attribution)
            denial_source = _resolve(denial_attribution, context)
    # Origins name the source of the previous sentence's figures.
    previous_name = context.previous_source.name if context.previous_source else None
    for attribution in attributions:
        if attribution.kind is AttributionKind.ORIGIN and same_paragraph:
            origin = _resolve(attribution, context)
            if origin is not None:
                for index in context.previous_claims:
                    if claims[index].source in (None, previous_name):
                        claims[index] = replace(
                            claims[index], source=origin.name, source_text=origin.text
                        )
    resolved = [
        (attribution, source)
        for attribution in attributions
        if (source := _resolve(attribution, context)) is not None
    ]
    for attribution, source in resolved:
        if source.named or attribution.kind is AttributionKind.RELAY:
            context.recent.append(source)
    main = [(a, s) for a, s in resolved if a.kind is not AttributionKind.RELAY]
    if not main:
        main = [(a, s) for a, s in resolved if a.kind is AttributionKind.RELAY and s.named]
    new_indices: list[int] = []
    sentence_source: _Source | None = None
    if work.quantities:
        if work.parsed is not None:
            built = _build_claims(work, nouns, lexicon, day)
        else:
            built = _build_light_claims(work, nouns, lexicon.predicates, day)
        if same_paragraph and context.previous_claims:
            built = _resolve_en(work.plain, built, claims[context.previous_claims[-1]])
        if claims:
            built = _resolve_toll(work.plain, built, claims)
        if same_paragraph and context.previous_claims:
            built = _resolve_subset(work.plain, built, [claims[i] for i in context.previous_claims])
        if same_paragraph and context.previous_claims:
            built = _resolve_elided(
                work.plain,
                built,
                [claims[index] for index in context.previous_claims],
                lexicon.predicates,
            )
        built = _composition(built)
        clauses = figure_clauses(work.plain, [(q.start, q.end) for q, *_ in built])
        for (quantity, claim, reading, inherited_from), (clause, scope) in zip(
            built, clauses, strict=True
        ):
            lead = _lead(work.plain, clause)
            claim = replace(
                claim,
                clause=clause,
                scope=scope,
                revision=bool(_REVISION.search(lead)),
                change=is_change(work.plain, quantity),
                earlier=BASELINE
                if _baseline(work.plain, quantity.start, quantity.end)
                else _earlier(
                    work.plain[clause[0] : clause[1]],
                    lead,
                    claim,
                    day,
                    compared=_compared(work, quantity),
                    after=work.plain[quantity.end : clause[1]],
                ),
            )
            source = _nearest(main, quantity)
            gapped = _gapped_subject(work.plain, built, quantity)
            if gapped is not None:
                # "La CGT a recensé 3,5 millions de personnes, le ministère de l'Intérieur
                # 1,08 million": the subject written before the second figure says it.
                named = context.sources.canonical_in(gapped)
                if named is not None:
                    source = _Source(named, gapped.strip(" ,"), True)
            if source is None and inherited_from is not None:
                previous = built[inherited_from][1]
                source = (
                    _Source(previous.source, previous.source_text or "", True)
                    if previous.source
                    else None
                )
            if (
                source is None
                and same_paragraph
                and not sentence.heading
                and not context.previous_heading
                and context.previous_source is not None
                and (reading.conditional or reading.modality is Modality.REPORTED)
            ):
                source = context.previous_source
            denial = work.denial is not None or (
                context.denial_source is not None
                and source is not None
                and context.denial_paragraph == sentence.paragraph
                and source.name == context.denial_source.name
            )
            claim = replace(
                claim,
                source=source.name if source else None,
                source_text=source.text if source else None,
                denial=denial,
            )
            claims.append(claim)
            new_indices.append(len(claims) - 1)
            if source is not None and sentence_source is None:
                sentence_source = source
    if sentence_source is None and main:
        sentence_source = main[0][1]
    if denial_source is not None:
        sentence_source = denial_source
    if sentence_source is None and not work.quantities and not sentence.heading:
        topic = _topic(work.text, context.sources)
        if topic is not None:
            context.last_speaker = topic
    if sentence_source is not None and not sentence.heading:
        context.last_speaker = sentence_source
    context.previous_claims = new_indices
    context.previous_source = sentence_source
    context.previous_paragraph = sentence.paragraph
    context.previous_heading = sentence.heading
    if denial_source is not None:
        context.denial_source = denial_source
        context.denial_paragraph = sentence.paragraph
    elif work.denial is None:
        context.denial_source = None


def _nearest(candidates: list[tuple[Attribution, _Source]], quantity: Quantity) -> _Source | None:
    if not candidates:
        return None
    named = [item for item in candidates if item[1].named] or candidates

    def distance(item: tuple[Attribution, _Source]) -> int:
        attribution = item[0]
        if attribution.end <= quantity.start:
            return quantity.start - attribution.end
        if attribution.start >= quantity.end:
            return attribution.start - quantity.end
        return 0

    return min(named, key=distance)[1]


def _resolve(attribution: Attribution, context: _Context) -> _Source | None:
    written = attribution.text
    if attribution.kind is not AttributionKind.RELAY:
        written = without_relays(written)
    canonical = context.sources.canonical_in(written)
    if canonical is not None:
        return _Source(canonical, attribution.text, True)
    if attribution.anaphoric:
        return context.last_speaker
    if attribution.descriptive and context.recent:
        return context.recent[-1]
    phrase = attribution.phrase
    if not phrase:
        return None
    return _Source(phrase, attribution.text, False)


def _speakers(parsed: ParsedSentence, sentence: str) -> list[Attribution]:
    """Subjects of reporting verbs in a parsed sentence."""
    found: list[Attribution] = []
    for token in parsed.doc:
        if token.pos_ != "VERB" or lemma_of(token) not in REPORTING_VERBS:
            continue
        for child in token.children:
            if child.dep_ != "nsubj" or any(c.dep_ == "aux:pass" for c in token.children):
                continue
            if child.like_num or any(t.like_num for t in child.subtree):
                continue
            tokens = list(child.subtree)
            first, last = tokens[0], tokens[-1]
            start, end = parsed.original_span(first, last)
            found.append(
                make_attribution(sentence, start, end, sentence[start:end], AttributionKind.SPEAKER)
            )
    return found


def _regex_speakers(sentence: str, plain: str) -> list[Attribution]:
    """Speakers read on the words: "X a déclaré que", "..., affirme X." """
    found: list[Attribution] = []
    if _REPORTING_WORD.search(plain.lower()) is None:
        return found
    inverted = _INVERTED_SPEAKER_RE.search(plain)
    if inverted is not None and not re.search(r"\d|\bqu", inverted.group("subject")):
        start, end = inverted.span("subject")
        found.append(
            make_attribution(sentence, start, end, sentence[start:end], AttributionKind.SPEAKER)
        )
    verb = _SPEAKER_VERB_RE.search(plain, 0, 200)
    if verb is not None:
        subject = plain[: verb.start()]
        if len(subject.strip()) >= 2 and not _CLAUSE_LIKE.search(subject):
            found.append(
                make_attribution(
                    sentence, 0, verb.start(), sentence[: verb.start()], AttributionKind.SPEAKER
                )
            )
    return found


def _topic(sentence: str, sources: SourceMatcher) -> _Source | None:
    """A known source named at the start of a sentence, the likely antecedent of "il"."""
    canonical = sources.canonical_in(sentence[:90])
    if canonical is None:
        return None
    return _Source(canonical, sentence[:90].split(",")[0], True)


_SMALL = 10.0
_PARSE_WINDOW = 100  # characters kept around a long sentence's figures for the parser
_LIGHT_NOUN = re.compile(r"\s*(?:de\s+|d')?(?P<word>[a-zà-öø-ÿœ][\w-]*)")
_LIGHT_PARTICIPLE = re.compile(r"(?<![\w-])(?P<word>[a-zà-öø-ÿœ]{2,}é(?:e|s|es)?)(?![\w-])")
_LIGHT_CONDITIONAL = re.compile(r"\w(?:rait|raient)\b", re.IGNORECASE)
_LIGHT_NEGATION = re.compile(r"\b(?:ne|n')\s*\w+\s+(?:pas|jamais|plus|aucun)\b", re.IGNORECASE)
_MEASURE_INFINITIVES = "|".join(
    sorted(FORECAST_VERBS | {"s'élever", r"se\s+chiffrer"}, key=len, reverse=True)
)
# A measuring verb in the future or after "aller" forecasts a figure: nobody intends it.
# The future forms are written out, irregular stems included ("vaudra", "s'élèvera").
_LIGHT_FORECAST = re.compile(
    rf"\b(?:va|vont|allait|allaient|devrait|devraient|pourrait|pourraient)\s+(?:\w+\s+)?"
    rf"(?:{_MEASURE_INFINITIVES})\b"
    r"|\b(?:coûter|vaudr|représenter|atteindr|dépasser|excéder|pèser|s'élèver|chiffrer"
    r"|totaliser|avoisiner|approcher|frôler|culminer|grimper|monter|augmenter|baisser"
    r"|reculer|progresser|croîtr|diminuer)(?:a|ont|ait|aient)\b",
    re.IGNORECASE,
)
_LIGHT_INTENTION = re.compile(r"\b(?:prévoi\w*|envisag\w*|projett?\w*)\b", re.IGNORECASE)
_LIGHT_PLAN = re.compile(
    r"\b(?:prévoi\w*|envisag\w*|projett?\w*|pourr\w+|devr\w+|doi(?:t|vent)|seront|sera"
    r"|va|vont)\b",
    re.IGNORECASE,
)


def _needs_parse(work: _Work, nouns: NounMatcher) -> bool:
    """Whether a sentence's figures need the parser.

    Amounts of money, percentages and small exact numbers ("deux questions") that count
    nothing the lexicon knows are read without it (see :func:`_build_light_claims`): they
    are many in ordinary articles and rarely what a watch is about.
    """
    plain = work.plain
    for quantity in work.quantities:
        if quantity.unit is not Unit.COUNT:
            continue
        small = (
            quantity.qualifier is Qualifier.EXACT
            and quantity.value is not None
            and quantity.value <= _SMALL
        )
        if not small or nouns.match_at(plain, max(quantity.end, quantity.link_end)):
            return True
    return False


def _build_light_claims(
    work: _Work, nouns: NounMatcher, lexicon_predicates: frozenset[str], day: date | None
) -> list[tuple[Quantity, Claim, ModalityReading, int | None]]:
    """Claims of a sentence read without the parser: the noun is the word after the figure,
    the modality comes from the sentence's verb forms, there is no predicate."""
    plain = work.plain
    times = find_times(work.text, day, plain)
    built: list[tuple[Quantity, Claim, ModalityReading, int | None]] = []
    for quantity in work.quantities:
        segment = _light_segment(plain, quantity)
        modality = _light_modality(segment)
        reading = ModalityReading(modality, bool(_LIGHT_CONDITIONAL.search(segment)))
        noun: str | None = None
        noun_phrase: str | None = None
        predicate: str | None = None
        if quantity.unit is Unit.COUNT:
            after = max(quantity.end, quantity.link_end)
            following = _LIGHT_NOUN.match(plain, after)
            if following and following.group("word").lower() not in FUNCTION_WORDS:
                word = following.group("word")
                predicate = predicate_word(word, lexicon_predicates)
                if predicate is None:
                    noun = nouns.knows(word) or _singular(word.lower())
                    noun_phrase = work.text[following.start("word") : following.end("word")]
                after = following.end()
            if predicate is None:
                predicate = _light_participle(plain, after)
        time = _nearest_time(times, quantity, plain)
        claim = Claim(
            value_text=work.text[quantity.start : quantity.end],
            low=quantity.low,
            high=quantity.high,
            qualifier=quantity.qualifier,
            value=quantity.value,
            unit=quantity.unit,
            currency=quantity.currency,
            noun=noun,
            noun_phrase=noun_phrase,
            predicate=predicate,
            modality=modality,
            time_ref=time.when if time else None,
            time_text=time.text if time else None,
            sentence=work.text,
            sentence_start=work.sentence.start,
            span=(work.sentence.start + quantity.start, work.sentence.start + quantity.end),
        )
        built.append((quantity, claim, reading, None))
    return built


# Where the clause of a figure read without the parser starts and ends: a comma, a
# semicolon, a colon, or a relative or subordinate "que", "qui", "dont", "où".
_LIGHT_BREAK = re.compile(r"[,;:()]|(?<![\w'])(?:que|qu'|qui|dont|où|quand|lorsque)(?![\w'])")


def _light_segment(plain: str, quantity: Quantity) -> str:
    """The words of the figure's own clause: "Crédité d'environ 5 % des voix, le candidat
    pourrait arbitrer" is asserted for the 5 %, whatever "pourrait" says of the rest."""
    breaks = [m.end() for m in _LIGHT_BREAK.finditer(plain, 0, quantity.start)]
    start = breaks[-1] if breaks else 0
    # "ne recueillait plus que 49,94 %", "n'a obtenu qu'environ 45 %": the "que" of a
    # restriction belongs to the figure's clause.
    restriction = _RESTRICTION_BEFORE.search(plain, 0, quantity.start)
    if restriction is not None and breaks and restriction.end() >= breaks[-1]:
        earlier = [b for b in breaks if b <= restriction.start()]
        start = earlier[-1] if earlier else 0
    stop = _LIGHT_BREAK.search(plain, quantity.end)
    return plain[start : stop.start() if stop else len(plain)]


_RESTRICTION_BEFORE = re.compile(
    r"(?<![\w])(?:ne|n')\s*(?:\w+\s+){1,3}?(?:plus\s+)?(?:que|qu')\s*(?:\w+\s+)?$",
    re.IGNORECASE,
)
# "ne ... plus que", "n'a ... que": a restriction ("only"), not a negation.
_LIGHT_RESTRICTION = re.compile(r"\b(?:ne|n')\s*\w+\s+(?:\w+\s+){0,3}?(?:que|qu')", re.IGNORECASE)


def _light_modality(segment: str) -> Modality:
    negation = _LIGHT_NEGATION.search(segment)
    if negation is not None and not _LIGHT_RESTRICTION.search(segment):
        return Modality.NEGATED
    if _LIGHT_FORECAST.search(segment) and not _LIGHT_INTENTION.search(segment):
        return Modality.REPORTED
    if _LIGHT_PLAN.search(segment):
        return Modality.PLANNED
    if _LIGHT_CONDITIONAL.search(segment):
        return Modality.REPORTED
    return Modality.ASSERTED


def _light_participle(plain: str, position: int) -> str | None:
    """The verb of the first past participle after ``position`` ("ont été tués" -> tuer)."""
    for match in _LIGHT_PARTICIPLE.finditer(plain, position, position + 60):
        word = match.group("word").lower()
        if word not in ("été", "année", "armée", "armées", "journée", "soirée", "idée"):
            return participle_verb(word)
    return None


def _singular(word: str) -> str:
    if word in INVARIABLE_NOUNS:
        return word
    if len(word) > 3 and word.endswith(("s", "x")) and not word.endswith(("us", "ss")):
        return word[:-1]
    return word


def _build_claims(
    work: _Work, nouns: NounMatcher, lexicon: Lexicon, day: date | None
) -> list[tuple[Quantity, Claim, ModalityReading, int | None]]:
    """Claims of one parsed sentence, before attribution, with what they inherit from."""
    assert work.parsed is not None
    parsed = work.parsed
    plain = work.plain
    offset = work.sentence.start
    times = find_times(work.text, day, plain)
    by_start = {parsed.original_offset(token.idx): token for token in parsed.doc}
    built: list[tuple[Quantity, Claim, ModalityReading, int | None]] = []
    for index, quantity in enumerate(work.quantities):
        number = parsed.quantity_token(index)
        noun, noun_phrase, noun_token, predicate_word = _counted_noun(
            work.text, plain, quantity, number, nouns, lexicon, by_start, parsed
        )
        if noun is not None and (
            noun.lower() in _TIME_NOUNS
            or noun.lower() in _ADVERBIAL_NOUNS
            or noun.lower() in _DEGREE_ADVERBS
            or (noun_token is not None and noun_token.pos_ == "ADV")
            or participle_verb(noun.split()[0]) in LIGHT_VERBS  # "60 comptés à Lyon"
        ):
            # "à 157 les deux nuits suivantes", "1 220 grièvement atteints": a time or an
            # adverb is not what the figure counts.
            noun, noun_phrase, noun_token = None, None, None
        if (
            noun is None
            and quantity.unit is Unit.COUNT
            and _PEOPLE_SUBJECT_BEFORE.search(plain, max(0, quantity.start - 40), quantity.start)
        ):
            # "Ils étaient 782 000 à défiler", "Elles étaient plus de 3 000": people.
            noun, noun_phrase = "personne", "personnes"
        predicate_token: Token | None = None
        predicate: str | None = None
        if predicate_word is not None:
            predicate = predicate_word
            predicate_token = noun_token
        elif number is not None:
            predicate_token = find_predicate(noun_token if noun_token is not None else number)
            if predicate_token is not None and predicate_token is not noun_token:
                predicate = verb_lemma(predicate_token)
        # "dont 1 404 dans un état grave", "parmi lesquels neuf femmes": a part of the
        # figure before, which counts what that one counts, not what the verb measures.
        part = bool(_DONT_BEFORE.search(plain[: quantity.start])) or bool(
            built and _AMONG.search(plain, built[-1][0].end, quantity.start)
        )
        if predicate_token is not None and predicate in MEASURE_VERBS:
            measured = measured_thing(predicate_token, nouns)
            if measured is not None:
                measured_noun, measured_token, measured_predicate = measured
                if noun is None and measured_token is not None and not (part and built):
                    noun = measured_noun
                    start, stop = parsed.original_span(
                        measured_token, noun_phrase_end(measured_token)
                    )
                    noun_phrase = work.text[start:stop]
                if measured_predicate is not None:
                    predicate = measured_predicate
        reading = read_modality(predicate_token, number)
        inherited: int | None = None
        parent_span: tuple[int, int] | None = None
        antecedent: tuple[int, int] | None = None
        subset = part or (noun is None and bool(_BREAKDOWN_BEFORE.search(plain[: quantity.start])))
        if built:
            previous_quantity, previous_claim, previous_reading, _ = built[-1]
            gap = plain[previous_quantity.end : quantity.start]
            coordinated = bool(_COORDINATED_GAP.search(gap)) and ";" not in gap
            if subset:
                parent_index = _parent_index(built)
                parent = built[parent_index][1]
                parent_span = parent.span
                inherited = parent_index
                if noun is None:
                    noun, noun_phrase = parent.noun, parent.noun_phrase
                    # A part of "2 059 blessés" is wounded too ("dont 1 404 dans un état
                    # grave"), whatever verb only counts or places it.
                    if predicate is None or predicate in LIGHT_VERBS:
                        predicate = parent.predicate or predicate
            elif _COMPARED_GAP.search(gap) and noun is None and predicate_word is None:
                inherited = len(built) - 1
                antecedent = previous_claim.span
                noun, noun_phrase = previous_claim.noun, previous_claim.noun_phrase
                predicate = predicate or previous_claim.predicate
                parent_span = previous_claim.parent_span
            elif coordinated and (noun is None or predicate_word is not None):
                inherited = len(built) - 1
                elliptic = predicate_word is None and quantity.unit is previous_quantity.unit
                if noun is None and (
                    elliptic or _is_thing(previous_claim.noun, lexicon.predicates)
                ):
                    noun, noun_phrase = previous_claim.noun, previous_claim.noun_phrase
                    if elliptic:  # "31 600 morts en Turquie et 4 500 en Syrie"
                        predicate = predicate or previous_claim.predicate
                        antecedent = previous_claim.span
                parent_span = previous_claim.parent_span
                if predicate_word is not None and not _has_own_verb(noun_token):
                    reading = previous_reading
                whole = next((c for _, c, _, _ in built if c.span == parent_span), None)
                if whole is not None and (predicate is None or predicate in LIGHT_VERBS):
                    # "39 106 morts : 35 418 recensés en Turquie et 3 688 dénombrés en
                    # Syrie": a part that is only counted is dead like its whole.
                    predicate = whole.predicate or predicate
                    if noun is None:
                        noun, noun_phrase = whole.noun, whole.noun_phrase
            elif (
                noun is None
                and predicate_word is None
                and quantity.unit is previous_quantity.unit
                and (not _CLAUSE_BREAK.search(gap) or _GAPPED_SUBJECT.search(gap))
            ):
                # "1,12 million selon l'Intérieur, la CGT 1,5 million": the same count again.
                inherited = len(built) - 1
                antecedent = previous_claim.span
                noun, noun_phrase = previous_claim.noun, previous_claim.noun_phrase
                predicate = predicate or previous_claim.predicate
        time = _nearest_time(times, quantity, plain)
        span = (offset + quantity.start, offset + quantity.end)
        claim = Claim(
            value_text=work.text[quantity.start : quantity.end],
            low=quantity.low,
            high=quantity.high,
            qualifier=quantity.qualifier,
            value=quantity.value,
            unit=quantity.unit,
            currency=quantity.currency,
            noun=noun,
            noun_phrase=noun_phrase,
            predicate=predicate,
            modality=reading.modality,
            time_ref=time.when if time else None,
            time_text=time.text if time else None,
            sentence=work.text,
            sentence_start=offset,
            span=span,
            parent_span=parent_span,
            antecedent_span=antecedent,
        )
        built.append((quantity, claim, reading, inherited))
    return _share_verb_after(plain, built)


# "577 véhicules et 74 bâtiments ont été incendiés": between two coordinated figures, only
# the first one's noun; the verb after the second is said of both.
_NOUN_THEN_AND = re.compile(
    r"\s*(?:(?!(?:ont|a|sont|est|été|avaient|avait|étaient|était|seront|sera)\s)"
    r"[^\W\d][\w'-]*(?<![éÉ])(?<!ée)(?<!és)(?<!ées)\s+){1,3}et\s+$",
    re.IGNORECASE,
)


def _share_verb_after(
    plain: str, built: list[tuple[Quantity, Claim, ModalityReading, int | None]]
) -> list[tuple[Quantity, Claim, ModalityReading, int | None]]:
    shared = list(built)
    for index in range(len(shared) - 2, -1, -1):
        quantity, claim, _reading, inherited = shared[index]
        following, next_claim, next_reading, _ = shared[index + 1]
        if (
            claim.noun is None
            or next_claim.noun is None
            or predicate_word(claim.noun, frozenset()) is not None
            or next_claim.predicate is None
            or next_claim.predicate in LIGHT_VERBS
            or claim.predicate == next_claim.predicate
            or quantity.unit is not following.unit
            or not _NOUN_THEN_AND.match(plain[quantity.end : following.start])
        ):
            continue
        stem = predicate_key(next_claim.predicate)
        # The verb after the second figure's noun, not that noun itself ("180 blessés").
        after = fold(plain[following.end : following.end + 80]).split(maxsplit=1)
        if len(stem) < 3 or len(after) < 2 or stem not in after[1]:
            continue
        shared[index] = (
            quantity,
            replace(claim, predicate=next_claim.predicate, modality=next_claim.modality),
            next_reading,
            inherited,
        )
    return shared


# Words that present a figure as an earlier statement.
_EARLIER_WORDS = re.compile(
    r"(?<![\w])(?:il\s+y\s+a\s+(?:(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix"
    r"|\d+)\s+ans|plus\s+d'un\s+an)|l'an\s+(?:dernier|passé)|l'année\s+(?:dernière|passée)"
    r"|(?:(?:un|le|du|au)\s+|l')(?:précédent|ancien)\s+(?:bilan|record)|bilan\s+précédent|(?:sa|son|leur|une|la|le)"
    r"\s+précédente?\s+(?:estimation|évaluation|chiffre|décompte)|initialement|précédemment"
    r"|(?<!minutes\s)(?<!heures\s)(?:plus\s+tôt\s+dans|auparavant))(?![\w])",
    re.IGNORECASE,
)
# A time word in a compared figure's clause: "contre 14 la veille", "contre 27,3 % samedi".
_EARLIER_TIME = re.compile(
    r"(?<![\w])(?:la\s+veille|l'avant-veille|hier|avant-hier|lundi|mardi|mercredi|jeudi"
    r"|vendredi|samedi|dimanche|la\s+semaine\s+(?:dernière|précédente)|le\s+mois\s+dernier"
    r"|l'an\s+dernier|l'année\s+dernière|il\s+y\s+a|en\s+\d{4}|la\s+nuit\s+précédente"
    r"|précédemment)(?![\w])",
    re.IGNORECASE,
)
# A figure followed by the words that say it was given before: "le bilan de 79 morts
# annoncé la veille", "le chiffre de 1,1 million avancé hier par l'Intérieur" (not "X avait
# évoqué plus tôt l'évacuation de 200 personnes": the statement, not the figure, is dated).
_GIVEN_EARLIER = re.compile(
    r"^(?:\s+\S+){0,4}?\s+(?:annoncée?s?|avancée?s?|donnée?s?|communiquée?s?|publiée?s?|évoquée?s?"
    r"|rapportée?s?|établie?s?)\s+(?:(?:par\s+\S+(?:\s+\S+)?\s+)?(?:la\s+veille|l'avant-veille|hier"
    r"|avant-hier|plus\s+tôt|précédemment|initialement|auparavant|la\s+semaine\s+"
    r"(?:dernière|précédente)))(?![\w])",
    re.IGNORECASE,
)
# Words that present a figure as its source's update of an earlier one.
_REVISION = re.compile(
    r"(?<![\w])(?:(?:nouveau|dernier|récent)\s+bilan|bilan\s+(?:actualisé|révisé|revu|mis\s+à"
    r"\s+jour|réévalué)|revue?s?\s+à\s+la\s+(?:hausse|baisse)|révisée?s?|réévaluée?s?|rectifiée?s?"
    r"|désormais|s'(?:est\s+)?alourdi[et]?|(?:a|ont)\s+été\s+(?:corrigée?s?|actualisée?s?)"
    r"|mise?s?\s+à\s+jour)(?![\w])",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\d{4}")
# A cue that keeps a dated figure current: "depuis janvier 2023", "d'ici 2030".
_ONGOING_TIME = re.compile(r"(?:depuis|dès|à\s+partir|d'ici|jusqu|avant)", re.IGNORECASE)
_HISTORICAL_DAYS = 180  # a figure dated with a year half a year before the article


def _compared(work: _Work, quantity: Quantity) -> bool:
    """The figure comes after "contre", "après", "au lieu de" and another figure."""
    index = work.quantities.index(quantity) if quantity in work.quantities else -1
    if index <= 0:
        return False
    previous = work.quantities[index - 1]
    return bool(_COMPARED_GAP.search(work.plain[previous.end : quantity.start]))


# "en hausse de", "une baisse de", "a chuté de", "a progressé de": by how much.
_CHANGE_NOUN_OR_VERB_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:en\s+|une?\s+|la\s+|le\s+)?(?:hausse|baisse|recul|progression"
    r"|augmentation|diminution|repli|chute|bond|variation|envolée|flambée|dégringolade)"
    r"|(?:augment|baiss|recul|chut|décroch|progress|grimp|bondi|plong|diminu|dégringol"
    r"|s'envol|flamb|gonfl)\w*)"
    r"(?:\s+(?:encore|déjà|nettement|légèrement|fortement|très|de\s+nouveau))*"
    r"\s+(?:de\s+|d')$",
    re.IGNORECASE,
)
# "a gagné huit centimes", "a pris 13,4 centimes", "a perdu 3 points": an amount gained.
_GAINED_BEFORE = re.compile(
    r"(?<![\w-])(?:gagn|pris|prend|perd|cèd|céd|lâch|grignot)\w*"
    r"(?:\s+(?:encore|déjà|plus|près\s+de|environ|quelque))*\s+$",
    re.IGNORECASE,
)
# "14,1 centimes de plus que", "7,50 euros de moins".
_MORE_AFTER = re.compile(
    r"(?:\s+[^\W\d][\w'-]*){0,3}?\s+(?:de\s+plus|de\s+moins|en\s+plus|en\s+moins)(?![\w])",
    re.IGNORECASE,
)


_MORE_DIRECT = re.compile(r"\s+(?:de\s+plus|de\s+moins)(?![\w])", re.IGNORECASE)


def is_change(plain: str, quantity: Quantity) -> bool:
    """Whether the figure says by how much something changed (see Claim.change)."""
    before = plain[max(0, quantity.start - 50) : quantity.start]
    if _CHANGE_NOUN_OR_VERB_BEFORE.search(before):
        return True
    if quantity.unit is not Unit.COUNT and _GAINED_BEFORE.search(before):
        return True
    if quantity.unit is Unit.COUNT:
        # "soit 46 475 de plus en une semaine"; but "3 000 soldats de plus" are reinforcements.
        return bool(_MORE_DIRECT.match(plain, max(quantity.end, quantity.link_end)))
    return bool(_MORE_AFTER.match(plain, quantity.end))


def _lead(plain: str, clause: tuple[int, int]) -> str:
    """The figure's clause with what leads to it since the last break: "un précédent bilan
    recensait 2 681 morts et 2 501 blessés" for 2 501."""
    breaks = list(_SCOPE_BREAK.finditer(plain, 0, clause[0]))
    return plain[breaks[-1].end() if breaks else 0 : clause[1]]


# An average over past years, written before the figure: "la moyenne décennale est de",
# "la moyenne des dix dernières années, qui est de", "leur moyenne sur dix ans, de",
# "le coût moyen constaté chaque année depuis 2017, de".
_BASELINE_BEFORE = re.compile(
    r"(?<![\w])moyen(?:ne)?s?\s+(?:(?:décennale|quinquennale|annuelle|historique|habituelle"
    r"|saisonnière|pluriannuelle|interannuelle)(?![\w])"
    r"|(?:sur|des|de\s+ces)\s+(?:les\s+|la\s+|une\s+)?(?:\S+\s+){0,2}(?:ans|années|décennies?"
    r"|saisons|même\s+période)(?![\w])"
    r"|(?:constaté|observé|enregistré|relevé)e?s?\s+(?:chaque\s+année|depuis|sur|ces|par\s+an))"
    r"[^.;:!?]{0,40}$",
    re.IGNORECASE,
)
# ... or after it: "contre 247 en moyenne sur la même période", "238 168 en moyenne annuelle
# sur les seize dernières années", "entre 100 et 200 millions d'euros par an en moyenne".
_BASELINE_AFTER = re.compile(
    r"^[^.;:!?]{0,40}?(?<![\w])(?:en\s+moyenne\s+(?:annuelle|sur\s|par\s+an|chaque\s+année"
    r"|ces\s|depuis\s|au\s+cours\s+des)|(?:par\s+an|chaque\s+année)\s+en\s+moyenne)",
    re.IGNORECASE,
)
_BASELINE_WINDOW = 90  # characters before the figure where the average is named


def _baseline(plain: str, start: int, end: int) -> bool:
    """Whether the figure at ``plain[start:end]`` is an average over past years that the
    event is compared with (a yardstick, not a figure of the event). An average of the
    event itself ("le gazole s'est vendu en moyenne 2,07 euros") is no yardstick."""
    before = plain[max(0, start - _BASELINE_WINDOW) : start]
    return bool(_BASELINE_BEFORE.search(before) or _BASELINE_AFTER.search(plain[end : end + 80]))


_EARLIER_DAYS = 7
# The past of the past: "avait recensé", "avaient été échangés", "était passé".
_PLUPERFECT = re.compile(
    r"(?<![\w])(?:avait|avaient|était|étaient)\s+(?:(?:déjà|alors|encore|ainsi|été)\s+)*"
    r"[^\W\d]+(?:é|ée|és|ées|is|ise|it|u|ue|us|ues|ert|erte)(?![\w])",
    re.IGNORECASE,
)


# The imperfect of a counting verb, dated a week or more back: "Le 17 janvier, le
# ministère dénombrait 216 foyers".
_IMPERFECT = re.compile(
    r"(?<![\w])(?:comptait|comptaient|dénombrait|recensait|recensaient|faisait\s+état"
    r"|s'élevait|atteignait|affichait|estimait|évaluait|chiffrait|totalisait)(?![\w])",
    re.IGNORECASE,
)


def _earlier(
    own: str, lead: str, claim: Claim, day: date | None, *, compared: bool, after: str = ""
) -> str | None:
    """Why ``claim`` is no news ("historical", "earlier"), or None (see Claim.earlier).

    Historical: the figure's own words date it with a year at least half a year before
    the article ("en février 2022, ... 628 morts"); a past event when that year is two
    years or more before the article's ("en 1960, ... près de 12 000 morts"). Earlier: its
    words present it as an earlier statement ("un précédent bilan", "plus tôt dans la
    journée", "auparavant"), or it is compared with another figure at an earlier time
    ("contre 14 la veille").
    """
    if (
        day is not None
        and claim.time_ref is not None
        and claim.time_text
        and _YEAR.search(claim.time_text)
        and not _ONGOING_TIME.match(claim.time_text)
        and claim.time_text in lead
        and (day - claim.time_ref).days > _HISTORICAL_DAYS
    ):
        # Two calendar years back or more, it is the figure of another event: "En 1960, le
        # séisme d'Agadir avait fait près de 12 000 morts", "22,89 % en 2007".
        return PAST_EVENT if claim.time_ref.year <= day.year - 2 else "historical"
    if (
        _EARLIER_WORDS.search(lead)
        or (compared and _EARLIER_TIME.search(own))
        or _GIVEN_EARLIER.match(after)
    ):
        return "earlier"
    if (
        day is not None
        and claim.time_ref is not None
        and claim.time_text
        and not _ONGOING_TIME.match(claim.time_text)
        and (day - claim.time_ref).days > _EARLIER_DAYS
        and (
            compared
            or _PLUPERFECT.search(lead)
            or _PLUPERFECT.search(own)
            or _IMPERFECT.search(lead)
            or _IMPERFECT.search(own)
        )
    ):
        # "Le 15 mars, la même source avait recensé 480 000 manifestants", "contre 46,3 %
        # le 19 janvier", "Le 17 janvier, le ministère dénombrait 216 foyers": dated a week
        # or more back, in the past of the past, the imperfect, or compared.
        return "earlier"
    return None


# "..., le ministère de l'Intérieur 1,08 million", "..., et la CGT 3,5 millions": a new
# subject with no verb before a figure that repeats the count of the figure before.
_GAPPED_SUBJECT = re.compile(
    r",\s+(?:(?:et|mais|quand|alors\s+que|tandis\s+que)\s+)?(?:l'|le\s|la\s|les\s)"
    r"[^,;:()«»\d]{1,60}?\s*$",
    re.IGNORECASE,
)


def _gapped_subject(
    plain: str,
    built: list[tuple[Quantity, Claim, ModalityReading, int | None]],
    quantity: Quantity,
) -> str | None:
    """The subject written with no verb right before a figure that repeats the count of
    the figure before it, if any."""
    index = next((i for i, item in enumerate(built) if item[0] is quantity), 0)
    if index == 0:
        return None
    previous = built[index - 1][0]
    if previous.unit is not quantity.unit:
        return None
    found = _GAPPED_SUBJECT.search(plain[previous.end : quantity.start])
    return found.group(0) if found else None


# "355 à 425 sièges sur 577", "426 traversées interceptées sur 715 tentatives": the figure
# after "sur" is the total the one before is counted out of, no claim of its own.
_OUT_OF_BEFORE = re.compile(r"[^.;:!?()]{0,60}\ssur\s+(?:(?:les|un\s+total\s+de)\s+)?")


# A population describes a place, it counts nothing that happened: "cette ville de 100 000
# habitants", "Derna, qui compte quelque 100 000 habitants", "une commune peuplée de 2 000
# âmes".
_POPULATION_BEFORE = re.compile(
    r"(?:(?<![\w])(?:ville|commune|cité|localité|village|bourg|agglomération|métropole|île"
    r"|région|province|pays|département|quartier|municipalité|capitale)\s+(?:[^\W\d]+\s+){0,2}?"
    r"(?:de|d')|(?<![\w])(?:qui\s+)?(?:compte|comptait|comptent|abrite|abritait|peuplée?s?\s+de"
    r"|population\s+de|une\s+population\s+d'environ))\s*$",
    re.IGNORECASE,
)
_POPULATION_AFTER = re.compile(
    # Not "300 habitants sinistrés": what happened to them makes it a count.
    r"\s*(?:habitants|âmes|résidents)(?![\w])(?!\s+[^\W\d]+(?:é|ée|és|ées|is|ies|us|ues)(?![\w]))",
    re.IGNORECASE,
)


# A threshold the law sets, not a count: "la majorité absolue de 289 sièges", "la majorité
# absolue est fixée à 289".
_THRESHOLD_BEFORE = re.compile(
    r"(?<![\w])majorité\s+(?:absolue|relative|qualifiée)\s+(?:(?:est\s+)?fixée\s+à|de|des|d'"
    r"|à)\s*$",
    re.IGNORECASE,
)


def _is_population(plain: str, quantity: Quantity) -> bool:
    return bool(
        quantity.unit is Unit.COUNT
        and _POPULATION_AFTER.match(plain, quantity.end)
        and _POPULATION_BEFORE.search(plain, max(0, quantity.start - 60), quantity.start)
    )


def _without_totals(plain: str, quantities: list[Quantity]) -> list[Quantity]:
    """Without the totals a count is out of ("355 sièges sur 577"), the populations that
    describe a place ("une ville de 100 000 habitants") and the thresholds the law sets
    ("la majorité absolue de 289 sièges")."""
    kept: list[Quantity] = []
    for quantity in quantities:
        if _is_population(plain, quantity) or _THRESHOLD_BEFORE.search(
            plain, max(0, quantity.start - 40), quantity.start
        ):
            continue
        previous = kept[-1] if kept else None
        if (
            previous is not None
            and previous.unit is Unit.COUNT
            and quantity.unit is Unit.COUNT
            and (top := previous.high or previous.value or previous.low) is not None
            and quantity.value is not None
            and top < quantity.value
            and _OUT_OF_BEFORE.fullmatch(plain, previous.end, quantity.start)
        ):
            continue
        kept.append(quantity)
    return kept


def _composition(
    built: list[tuple[Quantity, Claim, ModalityReading, int | None]],
) -> list[tuple[Quantity, Claim, ModalityReading, int | None]]:
    """ "100 prisonniers, 80 hommes et 20 femmes", "76 personnes, soit 60 militaires et 16
    civils": figures right after a total that add up to it are its parts."""
    result = list(built)
    for index, (whole, whole_claim, _, _) in enumerate(result):
        if (
            whole.value is None
            or whole.value <= 0
            or whole.unit is not Unit.COUNT  # shares add up to 100 %, not to a figure
            or whole_claim.parent_span is not None
        ):
            continue
        total = 0.0
        for end in range(index + 1, min(len(result), index + 7)):
            part, part_claim, _, _ = result[end]
            if (
                part.unit is not whole.unit
                or part.value is None
                or part_claim.parent_span is not None
                or part.qualifier is not Qualifier.EXACT
            ):
                break
            total += part.value
            if end > index + 1 and abs(total - whole.value) <= 0.01 * whole.value:
                for member in range(index + 1, end + 1):
                    quantity, claim, reading, inherited = result[member]
                    result[member] = (
                        quantity,
                        replace(claim, parent_span=whole_claim.span, composition=True),
                        reading,
                        inherited,
                    )
                break
            if total > whole.value * 1.01:
                break
    return result


def figure_clauses(
    sentence: str, figures: list[tuple[int, int]]
) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Each figure's own clause and its scope in ``sentence``, as (start, end) offsets.

    The clause runs from the previous figure to the next one, cut at clause breaks ("dont",
    "contre", ";", a parenthesis...) and, between two figures, at the last comma or "et" /
    "ou" ("12 morts et 180 blessés en Turquie, 5 morts en Syrie": "180 blessés en
    Turquie"). The scope adds what the figure shares with its neighbours: a place written
    after coordinated figures ("12 morts et 180 blessés en Turquie" puts both in Turkey) and
    the figure a comparison refers to ("contre 14 la veille").
    """
    clauses: list[tuple[int, int]] = []
    for index, (start, end) in enumerate(figures):
        left = figures[index - 1][1] if index else 0
        before = sentence[left:start]
        breaks = [match.end() for match in _CLAUSE_BREAK.finditer(before)]
        joints = [match.end() for match in _JOINT.finditer(before)] if index else []
        if breaks or joints:
            left += max(breaks + joints)
        has_next = index + 1 < len(figures)
        right = figures[index + 1][0] if has_next else len(sentence)
        after = sentence[end:right]
        stop = _CLAUSE_BREAK.search(after)
        if stop is not None:
            right = end + stop.start()
        elif has_next:
            joint = [match.start() for match in _JOINT.finditer(after)]
            if joint:
                right = end + joint[-1]
        clauses.append((left, right))
    scopes: list[tuple[int, int]] = []
    for index, (start, end) in enumerate(clauses):
        reach = end
        following = index
        while following + 1 < len(figures):
            gap = sentence[figures[following][1] : figures[following + 1][0]]
            own = sentence[figures[following][1] : clauses[following][1]]
            if _SCOPE_BREAK.search(gap) or _PLACE.search(own) or _OWN_LEAD.search(gap):
                break
            following += 1
            reach = clauses[following][1]
        begin = start
        if index and _COMPARED_GAP.search(sentence[figures[index - 1][1] : figures[index][0]]):
            begin = clauses[index - 1][0]
        scopes.append((begin, reach))
    return list(zip(clauses, scopes, strict=True))


def _parent_index(built: list[tuple[Quantity, Claim, ModalityReading, int | None]]) -> int:
    for index in range(len(built) - 1, -1, -1):
        if built[index][1].parent_span is None:
            return index
    return len(built) - 1


_EN_CLITIC = re.compile(
    r"(?<![\w])en\s+(?:(?:a|ont|avait|avaient|aurait|auraient|aura|auront)\s+)?"
    r"(?:(?:déjà|encore|aussi|également|désormais|pour\s+sa\s+part)\s+)*[^\W\d]+\s+"
    r"(?:(?:au\s+moins|plus\s+de|près\s+de|environ|quelque)\s+)?$",
    re.IGNORECASE,
)


# "ce bilan", "le nouveau bilan", "ce chiffre": a count named by what it totals, whose
# figure stands for what an earlier sentence counted.
_TOLL_WORDS = re.compile(
    r"(?<![\w])(?:ce|cet|cette|le|la|son|leur|un|du|au)\s+(?:(?:nouveau|dernier|nouvel|même"
    r"|premier|lourd|provisoire)\s+)?(?:bilan|chiffre|total|décompte|nombre|proportion|part"
    r"|taux|pourcentage)"
    r"(?:\s+(?:provisoire|officiel|humain|définitif|actualisé|global))?(?![\w'-])"
    r"(?!\s+(?:de|des|d')\s*[^\W\d])",
    re.IGNORECASE,
)


def _resolve_toll(
    plain: str,
    built: list[tuple[Quantity, Claim, ModalityReading, int | None]],
    claims: list[Claim],
) -> list[tuple[Quantity, Claim, ModalityReading, int | None]]:
    """ "L'ONU porte désormais ce bilan à 54": a figure that names no noun of its own but a
    toll ("ce bilan", "le nouveau bilan s'établit à") counts what the last figure of an
    earlier sentence with the same unit counted."""
    resolved = []
    for quantity, claim, reading, inherited in built:
        if (
            claim.noun is None
            and claim.antecedent_span is None
            and (claim.predicate is None or claim.predicate in LIGHT_VERBS)
            and _TOLL_WORDS.search(plain[max(0, quantity.start - 80) : quantity.start])
        ):
            previous = next(
                (earlier for earlier in reversed(claims) if earlier.unit is claim.unit),
                None,
            )
            if previous is not None:
                claim = replace(
                    claim,
                    noun=previous.noun,
                    noun_phrase=previous.noun_phrase,
                    predicate=previous.predicate or claim.predicate,
                    antecedent_span=previous.span,
                )
        resolved.append((quantity, claim, reading, inherited))
    return resolved


def _resolve_elided(
    plain: str,
    built: list[tuple[Quantity, Claim, ModalityReading, int | None]],
    previous: list[Claim],
    predicates: frozenset[str],
) -> list[tuple[Quantity, Claim, ModalityReading, int | None]]:
    """ "Dans la capitale, l'écart est grand entre les 700 000 revendiqués par la CGT et les
    81 000 relevés par la préfecture": a figure that names nothing it counts and says
    nothing happened to it counts what the previous sentence's figure of its unit counted."""
    resolved = []
    for quantity, claim, reading, inherited in built:
        if (
            claim.noun is None
            and claim.parent_span is None
            and (claim.predicate is None or claim.predicate in LIGHT_VERBS)
            and not _ASIDE_OR_SUBSET.search(plain[: quantity.start])
        ):
            earlier = next(
                (
                    other
                    for other in reversed(previous)
                    if other.unit is claim.unit
                    and other.noun is not None
                    and not _is_event(other.noun, predicates)
                ),
                None,
            )
            if earlier is not None:
                claim = replace(
                    claim,
                    noun=earlier.noun,
                    noun_phrase=earlier.noun_phrase,
                    predicate=earlier.predicate or claim.predicate,
                    antecedent_span=claim.antecedent_span or earlier.span,
                )
        resolved.append((quantity, claim, reading, inherited))
    return resolved


# A figure in parentheses ("l'Occitanie (312)") or among a subset ("Parmi les cas, 108
# sont des femmes"): a breakdown, not the same count again.
_ASIDE_OR_SUBSET = re.compile(r"\([^)]*$|(?<![\w])(?:parmi|dont)(?![\w])", re.IGNORECASE)


def _is_event(noun: str, predicates: frozenset[str]) -> bool:
    return not _is_thing(noun, predicates)


def _resolve_en(
    plain: str,
    built: list[tuple[Quantity, Claim, ModalityReading, int | None]],
    previous: Claim,
) -> list[tuple[Quantity, Claim, ModalityReading, int | None]]:
    """ "La CGT en a compté 3,5 millions": "en" stands for what the previous sentence
    counted; a figure with no noun after it takes that noun."""
    resolved = []
    for quantity, claim, reading, inherited in built:
        if (
            claim.noun is None
            and claim.unit is previous.unit
            and _EN_CLITIC.search(plain[max(0, quantity.start - 60) : quantity.start])
        ):
            claim = replace(
                claim,
                noun=previous.noun,
                noun_phrase=previous.noun_phrase,
                predicate=claim.predicate or previous.predicate,
                antecedent_span=previous.span,
            )
        resolved.append((quantity, claim, reading, inherited))
    return resolved


def _resolve_subset(
    plain: str,
    built: list[tuple[Quantity, Claim, ModalityReading, int | None]],
    previous: list[Claim],
) -> list[tuple[Quantity, Claim, ModalityReading, int | None]]:
    """ "Cent dix Russes sont rentrés. Parmi eux figurent 72 marins": a sentence that opens
    on a subset counts parts of the last whole figure of the sentence before."""
    opening = _SUBSET_OPENING.match(plain)
    wholes = [claim for claim in previous if claim.parent_span is None]
    if opening is None or not wholes or not built or built[0][0].start < opening.end():
        return built
    whole = wholes[-1]
    return [
        (quantity, replace(claim, parent_span=whole.span), reading, inherited)
        if claim.parent_span is None and claim.unit is whole.unit
        else (quantity, claim, reading, inherited)
        for quantity, claim, reading, inherited in built
    ]


def _is_thing(noun: str | None, predicates: frozenset[str]) -> bool:
    """Whether a counted noun names a thing ("soldats"), not an event ("morts", "blessés"):
    "300 morts et 2 700 blessés" must not make the 2 700 "morts"."""
    return noun is not None and predicate_word(noun, predicates) is None


def _has_own_verb(token: Token | None) -> bool:
    if token is None:
        return False
    return any(child.dep_.startswith(("aux", "cop")) for child in token.children)


def _counted_noun(
    sentence: str,
    plain: str,
    quantity: Quantity,
    number: Token | None,
    nouns: NounMatcher,
    lexicon: Lexicon,
    by_start: dict[int, Token],
    parsed: ParsedSentence,
) -> tuple[str | None, str | None, Token | None, str | None]:
    """(noun lemma, noun phrase as written, noun token, predicate if the noun is one)."""
    after = max(quantity.end, quantity.link_end)
    found = nouns.match_at(plain, after)
    if found is not None:
        start, end, entry = found
        first = by_start.get(start)
        if first is not None:
            last = first
            for token in first.doc[first.i :]:
                if parsed.original_offset(token.idx) >= end:
                    break
                last = token
            phrase_end = noun_phrase_end(last)
            _, phrase_stop = parsed.original_span(first, phrase_end)
            head = first
            return entry, plain_slice(sentence, start, max(end, phrase_stop)), head, None
        return entry, plain_slice(sentence, start, end), None, None
    if number is None:
        return None, None, None, None
    counted = following_noun(number)
    if counted is None:
        return None, None, None, None
    verb = predicate_noun(counted, lexicon.predicates)
    if verb is not None:
        return None, None, counted, verb
    known = nouns.knows(counted.text)
    lemma = known or _noun_lemma(counted)
    phrase_last = noun_phrase_end(counted)
    phrase_start, phrase_stop = parsed.original_span(counted, phrase_last)
    return lemma, plain_slice(sentence, phrase_start, phrase_stop), counted, None


def plain_slice(text: str, start: int, end: int) -> str:
    return text[start:end].strip()


def _noun_lemma(token: Token) -> str:
    lemma = lemma_of(token)
    text = token.text.lower()
    if lemma == text:
        return lemma  # invariable: "pays", "corps", "cas", "bus"
    if text.endswith("s") and not lemma.endswith(text[:-1][-2:]) and len(text) > 3:
        # spaCy misreads some plurals ("obus" -> "obu"): fall back to the written form.
        return text[:-1] if not text.endswith("us") else text
    if lemma.endswith("u") and text == lemma + "s" and text.endswith("us"):
        return text
    return lemma


def _nearest_time(
    times: list[TimeExpression], quantity: Quantity, plain: str
) -> TimeExpression | None:
    candidates = [
        time
        for time in times
        if not (time.start < quantity.end and quantity.start < time.end)
        and not _AFTER_REPORTING.search(plain[: time.start])
    ]
    if not candidates:
        return None

    def distance(time: TimeExpression) -> int:
        if time.end <= quantity.start:
            return quantity.start - time.end
        return time.start - quantity.end

    return min(candidates, key=distance)
