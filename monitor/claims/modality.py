"""How sure the text is that a counted event happened.

Read on the predicate and the verbs above it through infinitive and passive chains
("doivent être déployés", "pourrait envoyer", "aurait décidé d'envoyer"); a relative or
reported clause is not climbed out of (the 11 000 "déjà déployés" of a contingent "qui
s'ajouterait" are asserted).

* ``negated``: "ne ... pas", "ne ... jamais", "aucun", "ni ... ni", "sans" on the chain.
* ``planned``: the future tense ("seront prêts"), "aller" + infinitive, and intention or
  possibility verbs governing the event: "prévoir de", "envisager de", "décider de",
  "devoir", "pouvoir" (so "pourrait envoyer" is planned, not merely reported), unless
  these are in a past that is over ("ont dû quitter", "ont pu être évacuées": it happened).
* ``reported``: the conditional mood anywhere on the chain ("auraient été envoyés",
  "seraient déjà présents", "aurait fourni"), and the future of a verb that measures rather
  than acts: "les dégâts vont coûter 650 millions", "le déficit atteindra 5 %" forecast a
  figure, nobody intends it.
* ``asserted`` otherwise.

When several apply, negated wins over planned, and planned over reported: "aurait décidé
d'envoyer jusqu'à 12 000 soldats" is a plan (reported by others), and an alert must not
read planned troops as deployed ones.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from monitor.claims.parsing import lemma_of
from monitor.claims.words import FORECAST_VERBS, person_event_verb
from monitor.models import Modality

PLAN_VERBS = frozenset(
    {
        "prévoir",
        "envisager",
        "décider",
        "devoir",
        "pouvoir",
        "projeter",
        "compter",
        "vouloir",
        "souhaiter",
        "espérer",
        "promettre",
        "s'apprêter",
        "apprêter",
        "menacer",
        "autoriser",
        "planifier",
        "proposer",
        "aller",
        "préparer",
        "s'engager",
        "annoncer",
        "programmer",
        "prévu",
        "envisagé",
    }
)
_NEGATIONS = frozenset({"pas", "jamais", "aucun", "aucune", "nullement", "guère", "point"})


@dataclass(frozen=True, slots=True)
class ModalityReading:
    modality: Modality
    conditional: bool  # a conditional verb is on the chain (so the claim is hearsay)


def read_modality(predicate: Token | None, number: Token | None = None) -> ModalityReading:
    """The modality of the event named by ``predicate`` (``number`` helps when it is None)."""
    start = predicate if predicate is not None else _clause_head(number)
    if start is None:
        return ModalityReading(Modality.ASSERTED, False)
    negated = planned = intended = conditional = crossed_noun = measuring = False
    # "a annoncé la libération de 17 prisonniers": announcing what happened to people
    # (freed, evacuated, arrested) reports it; "a annoncé l'envoi de 3 000 soldats" plans.
    happened = start.pos_ == "NOUN" and person_event_verb(start.text) is not None
    node = start
    for step in range(5):
        words = [node, *[c for c in node.children if c.dep_.startswith(("aux", "cop"))]]
        for word in words:
            morph = str(word.morph)
            if "Mood=Cnd" in morph or _looks_conditional(word):
                conditional = True
            if "Tense=Fut" in morph:
                planned = True
            if word is not node and lemma_of(word) == "aller" and "VerbForm=Inf" in str(node.morph):
                planned = True
        measuring = measuring or lemma_of(node) in FORECAST_VERBS
        if (
            step > 0
            and lemma_of(node) in PLAN_VERBS
            and not _done(node)
            and not (happened and lemma_of(node) == "annoncer")
        ):
            planned = True
            intended = intended or lemma_of(node) != "aller"
        if step == 0 and lemma_of(node) in ("prévoir", "envisager", "projeter", "planifier"):
            planned = intended = True
        if _is_negated(node) and not crossed_noun:
            negated = True
        if node.pos_ == "NOUN":
            # "ne dément pas la présence de 12 000 soldats": the negation is the verb's.
            crossed_noun = True
        if not _climbs(node):
            break
        node = node.head
    if number is not None and _quantity_negated(number):
        negated = True
    if "VerbForm=Inf" in str(start.morph) and _plan_word_before(start):
        planned = True
    if planned and not intended and measuring:
        planned, conditional = False, True  # a forecast: "vont coûter 650 millions"
    if negated:
        return ModalityReading(Modality.NEGATED, conditional)
    if planned:
        return ModalityReading(Modality.PLANNED, conditional)
    if conditional:
        return ModalityReading(Modality.REPORTED, conditional)
    return ModalityReading(Modality.ASSERTED, conditional)


_PLAN_STEMS = (
    "prévoi",
    "engag",
    "prévoy",
    "prévu",
    "envisag",
    "décid",
    "projet",
    "apprêt",
    "compt",
    "doi",
    "dev",
    "doiv",
    "pourr",
    "peu",
    "pouv",
    "veu",
    "voul",
    "souhait",
    "promet",
    "promis",
    "menac",
    "autoris",
    "planifi",
    "va",
    "vont",
    "allait",
    "allaient",
    "ira",
    "iront",
)


def _plan_word_before(infinitive: Token) -> bool:
    """ "prévoit de livrer", "pourrait envoyer": read on the words when the parse is off."""
    doc = infinitive.doc
    index = infinitive.i - 1
    skipped = 0
    while index >= 0 and skipped < 3:
        token = doc[index]
        lowered = token.lower_
        if lowered in ("de", "d'", "à", "être", "se", "s'", "leur", "lui") or token.pos_ == "ADV":
            index -= 1
            skipped += 1
            continue
        return lowered.startswith(_PLAN_STEMS) and lowered not in ("peut-être", "va-t-en")
    return False


def _done(node: Token) -> bool:
    """ "ont dû quitter", "avaient pu être évacuées", "durent fuir": "devoir" or "pouvoir"
    in a past that is over says the event took place, not that it is planned."""
    if lemma_of(node) not in ("devoir", "pouvoir"):
        return False
    if node.lower_ in ("dû", "du", "pu", "dut", "durent", "put", "purent"):
        return True
    morph = str(node.morph)
    return "VerbForm=Part" in morph and "Tense=Past" in morph


def _looks_conditional(word: Token) -> bool:
    """The model sometimes reads a conditional as an imperfect ("comprendrait")."""
    return (
        word.pos_ in ("VERB", "AUX")
        and "VerbForm=Part" not in str(word.morph)
        and word.lower_.endswith(("rait", "raient"))
    )


def _climbs(node: Token) -> bool:
    """Whether the modality of ``node`` is decided by the verb above it."""
    if node.head is node:
        return False
    morph = str(node.morph)
    if "VerbForm=Inf" in morph:
        return node.dep_ in (
            "xcomp",
            "ccomp",
            "obj",
            "advcl",
            "csubj",
            "acl",
        ) or node.dep_.startswith("obl")
    if node.dep_ == "xcomp" and node.head.pos_ in ("VERB", "AUX"):
        # "doivent être déployés": a passive infinitive under a modal verb.
        return (
            any(
                child.dep_.startswith("aux") and "VerbForm=Inf" in str(child.morph)
                for child in node.children
            )
            or lemma_of(node.head) in PLAN_VERBS
        )
    return node.pos_ == "NOUN" and node.head.pos_ in ("VERB", "ADJ")


def _is_negated(node: Token) -> bool:
    lowered = {child.lower_ for child in node.children}
    has_ne = bool(lowered & {"ne", "n'"}) or any(
        "Polarity=Neg" in str(child.morph) for child in node.children
    )
    return has_ne and bool(lowered & _NEGATIONS)


def _quantity_negated(number: Token) -> bool:
    """ "Aucun des 3 000 soldats n'a ..." and "pas 3 000 soldats" negate the figure's clause."""
    doc = number.doc
    window = doc[max(0, number.i - 3) : number.i]
    return any(token.lower_ in ("aucun", "aucune") for token in window)


def _clause_head(number: Token | None) -> Token | None:
    if number is None:
        return None
    node = number
    for _ in range(6):
        if node.pos_ in ("VERB",) or node.head is node:
            return node
        node = node.head
    return node
