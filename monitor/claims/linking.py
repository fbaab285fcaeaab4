"""What a number counts and what happened to it: the counted noun and the predicate.

The counted noun is, in order of preference: a lexicon noun written right after the
number ("200 unités d'artillerie", "11 000 nord-coréens"), the noun spaCy attaches the
number to, or the noun or nominalised adjective that follows it ("1 500 militaires").
A word that names what happened ("2 700 blessés", "600 tués", "300 morts") is a
predicate used as a noun: the noun is then inherited from the figure it is coordinated
with (see :mod:`monitor.claims.extractor`).

The predicate is the verb (or predicative adjective) governing the counted noun, through
modal and intention verbs down to the verb of the event ("prévoit de livrer au moins 150
missiles" -> ``livrer``), or the verb a deverbal noun stands for ("l'envoi de 3 000
soldats" -> ``envoyer``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from monitor.claims.numbers import strip_accents
from monitor.claims.parsing import lemma_of
from monitor.claims.words import (
    DEVERBAL_NOUNS,
    IDIOMS,
    PREDICATE_NOUNS,
    participle_verb,
    predicate_word,
)

# Verbs that carry intention or possibility: the event is their infinitive complement.
CHAIN_VERBS = frozenset(
    {
        "pouvoir",
        "devoir",
        "vouloir",
        "aller",
        "prévoir",
        "envisager",
        "décider",
        "compter",
        "projeter",
        "souhaiter",
        "espérer",
        "chercher",
        "tenter",
        "essayer",
        "promettre",
        "s'apprêter",
        "apprêter",
        "menacer",
        "autoriser",
        "permettre",
        "accepter",
        "refuser",
        "continuer",
        "commencer",
        "finir",
        "cesser",
        "venir",
        "sembler",
        "paraître",
        "planifier",
        "proposer",
        "demander",
        "ordonner",
        "s'engager",
        "engager",
        "préparer",
    }
)
_PRENOMINAL = frozenset(
    {
        "nouveaux",
        "nouvelles",
        "nouveau",
        "nouvelle",
        "autres",
        "premiers",
        "premières",
        "derniers",
        "dernières",
        "anciens",
        "anciennes",
        "jeunes",
        "petits",
        "petites",
        "grands",
        "grandes",
        "vieux",
        "vieilles",
        "bons",
        "mauvais",
        "simples",
        "véritables",
        "vrais",
        "faux",
        "seuls",
        "seules",
        "principaux",
        "principales",
        "gros",
        "grosses",
    }
)
_NOUN_POS = frozenset({"NOUN", "PROPN"})
FUNCTION_WORDS = frozenset(
    {
        "il",
        "elle",
        "ils",
        "elles",
        "se",
        "lui",
        "leur",
        "leurs",
        "eux",
        "ce",
        "qui",
        "que",
        "y",
        "en",
        "nous",
        "vous",
        "on",
        "je",
        "tu",
        "me",
        "te",
        "le",
        "la",
        "les",
        "dont",
        "celui",
        "celle",
        "ceux",
        "celles",
        "tous",
        "toutes",
        "chacun",
        "autres",
        "selon",
        "de",
        "des",
        "du",
        "et",
        "ou",
        "à",
        "au",
        "aux",
        "dans",
        "sur",
        "pour",
        "par",
        "avec",
        "sans",
        "contre",
        "vers",
        "chez",
        "entre",
        "depuis",
        "pendant",
        "avant",
        "après",
        "environ",
        "seulement",
        "déjà",
        "encore",
        "mais",
        "plus",
        "moins",
        "dernier",
        "près",
    }
)
_STOP_POS = frozenset({"PUNCT", "ADP", "CCONJ", "SCONJ", "DET", "PRON", "AUX", "NUM", "SYM"})


@dataclass(frozen=True, slots=True)
class NounMatcher:
    """Lexicon nouns (possibly multiword) matched in their plural and feminine forms."""

    pattern: re.Pattern[str] | None
    entries: dict[str, str]  # accent-free lowercase form -> lexicon entry

    @classmethod
    def build(cls, nouns: frozenset[str]) -> NounMatcher:
        if not nouns:
            return cls(None, {})
        alternatives = sorted((_inflected(noun) for noun in nouns), key=len, reverse=True)
        pattern = re.compile(
            r"(?:(?:"
            + "|".join(sorted(_PRENOMINAL))
            + r")\s+)?(?P<noun>"
            + "|".join(alternatives)
            + r")(?![\w-])",
            re.IGNORECASE,
        )
        entries = {_key(noun): noun for noun in nouns}
        return cls(pattern, entries)

    def match_at(self, text: str, position: int) -> tuple[int, int, str] | None:
        """A lexicon noun starting at ``position`` (after spaces): (start, end, entry)."""
        if self.pattern is None:
            return None
        match = self.pattern.match(
            text, position + (len(text[position:]) - len(text[position:].lstrip()))
        )
        if match is None:
            return None
        return match.start("noun"), match.end("noun"), self.entry_for(match.group("noun"))

    def entry_for(self, written: str) -> str:
        key = _key(written)
        if key in self.entries:
            return self.entries[key]
        words = key.split(" ")
        for entry_key, entry in self.entries.items():
            entry_words = entry_key.split(" ")
            if len(entry_words) == len(words) and all(
                _same_word(a, b) for a, b in zip(words, entry_words, strict=True)
            ):
                return entry
        return written.lower()

    def knows(self, word: str) -> str | None:
        """The lexicon entry for a single written word, if any."""
        key = _key(word)
        for entry_key, entry in self.entries.items():
            if " " not in entry_key and _same_word(key, entry_key):
                return entry
        return None


def _key(text: str) -> str:
    return strip_accents(text).replace("’", "'").replace("' ", "'")


def _same_word(written: str, entry: str) -> bool:
    return any(
        written == form
        for form in (
            entry,
            entry + "s",
            entry + "x",
            entry + "e",
            entry + "es",
            entry + "ne",
            entry + "nes",
            _plural_al(entry),
        )
    )


def _plural_al(word: str) -> str:
    return word[:-2] + "aux" if word.endswith("al") else word


def _inflected(noun: str) -> str:
    parts: list[str] = []
    for word in re.split(r"(\s+|'|-)", noun):
        if not word:
            continue
        if word.isspace():
            parts.append(r"\s+")
        elif word in ("'", "-") or len(word) <= 2:
            parts.append(re.escape(word))
        elif word.endswith("al"):
            parts.append(re.escape(word[:-2]) + r"(?:al|aux|ale|ales)")
        else:
            parts.append(re.escape(word) + r"(?:s|x|e|es|ne|nes)?")
    return "".join(parts)


def predicate_noun(token: Token, predicates: frozenset[str]) -> str | None:
    """The verb a participle or casualty word used as a noun stands for ("blessés" -> blesser)."""
    known = predicate_word(token.text, predicates)
    if known is not None:
        return known
    verb = participle_verb(token.text)
    if verb is not None and ("VerbForm=Part" in str(token.morph) or token.pos_ == "VERB"):
        return verb
    return None


def is_event_word(token: Token) -> bool:
    return token.pos_ in ("VERB", "ADJ", "AUX") or lemma_of(token) in DEVERBAL_NOUNS


def verb_lemma(token: Token) -> str:
    """The lemma of a predicate token, mending participles tagged as adjectives, and the
    verb an idiom stands for ("ont trouvé la mort" -> mourir)."""
    lemma = lemma_of(token)
    if lemma in IDIOMS:
        following = " ".join(t.lower_ for t in token.doc[token.i + 1 : token.i + 4])
        for words, meant in IDIOMS[lemma]:
            if following.startswith(words):
                return meant
    if token.pos_ == "ADJ":
        verb = participle_verb(token.text)
        if verb is not None and (
            "VerbForm=Part" in str(token.morph) or _has_aux(token) or lemma.endswith("é")
        ):
            return verb
        if lemma in PREDICATE_NOUNS:
            return PREDICATE_NOUNS[lemma]
        if lemma == token.lower_.rstrip("s") and lemma.endswith("i") and _has_aux(token):
            return lemma + "r"  # "ont péri" -> périr
    if token.pos_ == "NOUN" and lemma in DEVERBAL_NOUNS:
        return DEVERBAL_NOUNS[lemma]
    morph = str(token.morph)
    if token.pos_ == "VERB" and lemma == token.lower_ and "VerbForm=Fin" in morph:
        # A finite form the model left as its lemma ("procure"): a first-group verb in
        # most cases.
        if lemma.endswith("ent"):
            return lemma[:-3] + "er"
        if lemma.endswith("e"):
            return lemma + "r"
    if token.pos_ == "VERB" and not re.search(r"(?:er|ir|re|oir)$", lemma):
        verb = participle_verb(lemma)
        if verb is not None:
            return verb
        if lemma.endswith("i") and "VerbForm=Part" in morph:
            return lemma + "r"  # "ont péri" -> périr
    return lemma


def _has_aux(token: Token) -> bool:
    return any(child.dep_.startswith("aux") for child in token.children)


# Words of time a figure may be followed by, which are never what it counts: "contre 76
# jeudi", "80 mardi dernier", "120 hier".
_TIME_WORDS = frozenset(
    {
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier",
        "aujourd'hui", "demain", "avant-hier", "matin", "soir", "midi", "minuit",
    }
)  # fmt: skip


def following_noun(number: Token) -> Token | None:
    """The noun or nominalised adjective written right after ``number``."""
    doc = number.doc
    index = number.i + 1
    while index < len(doc) and doc[index].text.lower() in _PRENOMINAL:
        index += 1
    if index >= len(doc) or doc[index].lower_ in _TIME_WORDS:
        return None
    token = doc[index]
    if token.pos_ in _NOUN_POS and token.is_alpha is not False and token.text[:1].isalpha():
        return token
    if (
        token.pos_ in ("ADJ", "VERB", "X", "PRON")
        and token.text[:1].islower()
        and token.is_alpha
        and token.lower_ not in FUNCTION_WORDS
        and not (token.pos_ == "VERB" and "VerbForm=Fin" in str(token.morph))
    ):
        return token
    if (
        number.head.i > number.i
        and number.head.pos_ in _NOUN_POS
        and number.dep_ in ("nummod", "det", "amod")
        and number.head.i - number.i <= 3
    ):
        return number.head
    return None


def noun_phrase_end(noun: Token) -> Token:
    """The last token of the noun with the adjectives written right after it.

    A past participle ends the phrase ("soldats envoyés"): it says what happened to the
    counted thing (see :func:`find_predicate`).
    """
    last = noun
    doc = noun.doc
    for token in doc[noun.i + 1 :]:
        if participle_verb(token.text) is not None and token.pos_ in ("ADJ", "VERB"):
            break
        if token.text[:1].islower() and (
            token.pos_ == "ADJ"
            or (token.dep_ == "amod" and token.head.i in (noun.i, last.i))
            or ("-" in token.text and token.text.endswith(("s", "x")) and token.pos_ == "NOUN")
        ):
            last = token
            continue
        break
    return last


def find_predicate(anchor: Token) -> Token | None:
    """The token naming what happened to the counted thing ``anchor`` (noun or number)."""
    found = _find_predicate(anchor)
    if found is not None and found.i > 0 and found.text[:1].isupper():
        return None  # a name tagged as a verb: "en Grèce", "TotalEnergies", "Marder"
    if (
        found is not None
        and found.pos_ == "ADJ"
        and "VerbForm=Part" not in str(found.morph)
        and anchor.pos_ != "NUM"
        and anchor.i < found.i <= noun_phrase_end(anchor).i
    ):
        # An epithet of the counted noun ("pompiers slovaques"), which the parser made its
        # head: what happened to them is said after the noun phrase.
        return nearest_event_after(noun_phrase_end(anchor))
    return found


def _find_predicate(anchor: Token) -> Token | None:
    described = _participle_after(anchor)
    if described is not None:
        return described
    node = anchor
    for _ in range(4):
        head = node.head
        dep = node.dep_
        if head is node:
            break
        if dep == "conj" and head.pos_ in _NOUN_POS | {"NUM"}:
            node = head
            continue
        if dep in ("nmod", "obl:mod") and head.pos_ == "NOUN":
            if lemma_of(head) in DEVERBAL_NOUNS:
                return head
            node = head
            continue
        if head.pos_ in ("VERB", "ADJ") or (head.pos_ == "AUX" and head.dep_ == "ROOT"):
            return descend_chain(head)
        if dep.startswith("nsubj") and head.dep_ == "ROOT" and head.pos_ in ("ADV", "NOUN"):
            return head  # the head of a subject is its verb, whatever tag it was given
        if head.pos_ in ("NOUN", "PROPN", "NUM") and dep in ("nummod", "det", "amod", "flat"):
            node = head
            continue
        break
    return nearest_event_after(anchor)


def _participle_after(anchor: Token) -> Token | None:
    """A past participle describing the counted noun: "11 000 nord-coréens déjà déployés"."""
    if anchor.pos_ == "NUM":
        return None
    last = noun_phrase_end(anchor)
    doc = anchor.doc
    index = last.i + 1
    while index < len(doc) and doc[index].pos_ == "ADV":
        index += 1
    if index >= len(doc):
        return None
    token = doc[index]
    morph = str(token.morph)
    if (
        token.pos_ in ("VERB", "ADJ")
        and (
            ("VerbForm=Part" in morph and "Tense=Past" in morph)
            or (token.pos_ == "ADJ" and participle_verb(token.text) is not None)
        )
        and not any(child.dep_.startswith(("aux", "cop")) for child in token.children)
        and token.head.i <= token.i
        and not _verb_follows(token)
    ):
        return token
    return None


def _verb_follows(token: Token) -> bool:
    """ "véhicules blindés ont été détruits": the participle is an adjective here."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return following is not None and following.pos_ in ("AUX", "VERB")


def nearest_event_after(anchor: Token) -> Token | None:
    """The first verb or predicative adjective after ``anchor`` in its clause."""
    doc = anchor.doc
    for token in doc[anchor.i + 1 : min(len(doc), anchor.i + 12)]:
        if token.text in (";", ":") or (token.dep_ == "mark" and token.lower_ == "que"):
            break
        if token.pos_ == "VERB" and lemma_of(token) not in ("être", "avoir"):
            return descend_chain(token)
        if token.pos_ == "ADJ" and any(
            child.dep_ in ("cop", "aux:pass", "aux:tense") for child in token.children
        ):
            return token
        if looks_like_verb(token):
            return token
    return None


def looks_like_verb(token: Token) -> bool:
    """A finite verb the tagger missed ("12 000 nord-coréens combattent" tagged ADV)."""
    lemma = lemma_of(token)
    return (
        token.pos_ in ("ADV", "X", "NOUN", "PROPN")
        and token.text[:1].islower()
        and lemma != token.lower_
        and lemma.endswith(("er", "ir", "re", "oir"))
        and token.lower_.endswith(("ent", "ait", "aient", "ont", "era", "eront"))
    )


_LINKING_VERBS = frozenset({"rester", "demeurer", "sembler", "paraître", "devenir", "être"})


def descend_chain(verb: Token) -> Token:
    """From an intention or modal verb down to its infinitive ("prévoit de livrer" ->
    livrer); from a linking verb to its attribute ("restent mobilisés" -> mobiliser)."""
    node = verb
    if lemma_of(node) in _LINKING_VERBS:
        attributes = [
            child
            for child in node.children
            if child.dep_ in ("xcomp", "acl", "obj") and child.pos_ in ("VERB", "ADJ")
        ]
        if attributes:
            return attributes[0]
    for _ in range(3):
        if lemma_of(node) not in CHAIN_VERBS:
            break
        complements = [
            child
            for child in node.children
            if child.dep_ in ("xcomp", "ccomp", "obj")
            and child.pos_ in ("VERB", "ADJ")
            and ("VerbForm=Inf" in str(child.morph) or _passive_infinitive(child))
        ]
        if not complements:
            break
        node = complements[0]
    return node


# Verbs that give a figure to something named elsewhere: "le nombre de soldats tués
# s'élève à 300", "Séoul estime à 11 000 le nombre de soldats", "les pertes sont estimées à".
MEASURE_VERBS = frozenset(
    {
        "estimer",
        "évaluer",
        "chiffrer",
        "élever",
        "s'élever",
        "atteindre",
        "dépasser",
        "représenter",
        "totaliser",
        "avoisiner",
        "approcher",
        "porter",
        "établir",
    }
)
_COUNT_HEADS = frozenset({"nombre", "total", "bilan", "chiffre", "effectif", "effectifs"})


def measured_thing(
    verb: Token, nouns: NounMatcher
) -> tuple[str | None, Token | None, str | None] | None:
    """What a measuring verb gives a figure to: (noun, noun token, predicate).

    "le nombre de soldats nord-coréens tués s'élève à 300" -> (soldat, soldats, tuer);
    "les pertes sont estimées à 4 000 hommes" -> (None, None, perdre).
    """
    for child in verb.children:
        if not child.dep_.startswith(("nsubj", "obj")) or child.pos_ != "NOUN":
            continue
        lemma = lemma_of(child)
        if lemma in _COUNT_HEADS:
            counted = [
                grandchild
                for grandchild in child.children
                if grandchild.dep_ == "nmod" and grandchild.pos_ in ("NOUN", "ADJ", "PROPN")
            ]
            if not counted:
                return None
            thing = counted[0]
            event = _participle_after(thing)
            predicate = verb_lemma(event) if event is not None else None
            noun = nouns.knows(thing.text) or lemma_of(thing)
            return noun, thing, predicate
        if lemma in DEVERBAL_NOUNS:
            return None, None, DEVERBAL_NOUNS[lemma]
    return None


def _passive_infinitive(token: Token) -> bool:
    return any(
        child.dep_.startswith("aux") and "VerbForm=Inf" in str(child.morph)
        for child in token.children
    )
