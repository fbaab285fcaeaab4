"""Words that stand for an event, read without the parser.

French press writes the event in place of the counted noun ("12 morts et 180 blessés",
"une soixantaine de disparus") or as a noun made from the verb ("l'envoi de 3 000
soldats"). These tables map such words to the verb they stand for; the claim extractor and
the rule matchers both use them, so this module imports nothing heavy.
"""

from __future__ import annotations

import re

# Participles and casualty words used as nouns, with the verb they stand for.
PREDICATE_NOUNS: dict[str, str] = {
    "mort": "mourir",
    "morte": "mourir",
    "tué": "tuer",
    "blessé": "blesser",
    "disparu": "disparaître",
    "capturé": "capturer",
    "prisonnier": "capturer",
    "évacué": "évacuer",
    "déplacé": "déplacer",
    "arrêté": "arrêter",
    "interpellé": "interpeller",
    "libéré": "libérer",
    "tombé": "tomber",
    "décédé": "décéder",
    "victime": "victime",
    "décès": "décéder",
    "rescapé": "rescaper",
}
# Nouns standing for a verb: "l'envoi de 3 000 soldats".
DEVERBAL_NOUNS: dict[str, str] = {
    "envoi": "envoyer",
    "déploiement": "déployer",
    "livraison": "livrer",
    "entraînement": "entraîner",
    "formation": "former",
    "transfert": "transférer",
    "mort": "mourir",
    "perte": "perdre",
    "arrivée": "arriver",
    "engagement": "engager",
    "mobilisation": "mobiliser",
    "fourniture": "fournir",
    "acheminement": "acheminer",
    "recrutement": "recruter",
    "retrait": "retirer",
    "évacuation": "évacuer",
    "arrestation": "arrêter",
    "exécution": "exécuter",
    "capture": "capturer",
    "production": "produire",
    "vente": "vendre",
    "achat": "acheter",
    "commande": "commander",
    "tir": "tirer",
    "lancement": "lancer",
    "suppression": "supprimer",
    "création": "créer",
    "embauche": "embaucher",
    "licenciement": "licencier",
    "présence": "présent",
    "destruction": "détruire",
    "interception": "intercepter",
    "libération": "libérer",
    "expulsion": "expulser",
    "disparition": "disparaître",
    "accueil": "accueillir",
}

# Nouns of an event that happens to people, which count the people it happened to:
# "19 000 évacuations" are 19 000 people evacuated, "855 interpellations" 855 people held.
# ("300 livraisons" count deliveries, not what was delivered: not here.)
PERSON_EVENT_NOUNS: dict[str, str] = {
    "évacuation": "évacuer",
    "arrestation": "arrêter",
    "interpellation": "interpeller",
    "expulsion": "expulser",
    "libération": "libérer",
    "exécution": "exécuter",
    "disparition": "disparaître",
    "hospitalisation": "hospitaliser",
    "évasion": "évader",
    "reconduite": "reconduire",
    "naturalisation": "naturaliser",
    "condamnation": "condamner",
    "garde à vue": "garder",
}


def person_event_verb(word: str) -> str | None:
    """The verb a noun of an event that happens to people stands for: "évacuations" ->
    évacuer."""
    lowered = word.lower().strip()
    return PERSON_EVENT_NOUNS.get(lowered) or PERSON_EVENT_NOUNS.get(lowered.removesuffix("s"))


def _casualty_verb(word: str) -> str | None:
    """The verb of a casualty word in any number and gender: "mortes" -> mourir."""
    singular = re.sub(r"(?:es|s|e)$", "", word) if len(word) > 3 else word
    for form in (word, singular, singular + "é"):
        if form in PREDICATE_NOUNS:
            return PREDICATE_NOUNS[form]
    return None


def predicate_word(written: str, predicates: frozenset[str]) -> str | None:
    """The verb a casualty word or a lexicon participle stands for, read on the word alone."""
    word = written.lower()
    known = _casualty_verb(word)
    if known is not None:
        return known
    verb = participle_verb(word)
    return verb if verb is not None and verb in predicates else None


def event_verb(word: str) -> str | None:
    """The verb a noun stands for when it names an event: "morts" -> mourir, "blessés" ->
    blesser, "décès" -> décéder, "disparus" -> disparaître, "évacuées" -> évacuer."""
    lowered = word.lower().strip()
    return _casualty_verb(lowered) or participle_verb(lowered)


def deverbal_verb(word: str) -> str | None:
    """The verb a noun made from it stands for: "livraisons" -> livrer."""
    return DEVERBAL_NOUNS.get(word) or DEVERBAL_NOUNS.get(word.removesuffix("s"))


def participle_verb(word: str) -> str | None:
    """The infinitive of a first-group past participle: "déployées" -> "déployer"."""
    match = re.fullmatch(r"(.+)é(?:e)?(?:s)?", word.lower())
    if match is None:
        return None
    return match.group(1) + "er"


# Idioms that stand for one verb: the verb, the words after it, and the verb meant.
IDIOMS: dict[str, tuple[tuple[str, str], ...]] = {
    "trouver": (("la mort", "mourir"),),
    "perdre": (("la vie", "mourir"),),
    "faire": (("grève", "grève"), ("naufrage", "sombrer"), ("défection", "déserter")),
    "prendre": (("part", "participer"), ("la fuite", "fuir")),
    "porter": (("secours", "secourir"), ("disparu", "disparaître")),
    "rendre": (("l'âme", "mourir"),),
    "mettre": (("en sécurité", "évacuer"),),
    "cesser": (("le travail", "grève"),),
}


# Verbs that say how much, who counted or who told, not what happened to what is counted:
# "le séisme a fait 2 012 morts", "le ministère recense 300 blessés", "le bilan atteint 17".
LIGHT_VERBS = frozenset(
    {
        "avoir",
        "être",
        "faire",
        "compter",
        "recenser",
        "dénombrer",
        "comptabiliser",
        "enregistrer",
        "signaler",
        "annoncer",
        "indiquer",
        "déclarer",
        "affirmer",
        "préciser",
        "estimer",
        "évaluer",
        "chiffrer",
        "établir",
        "élever",
        "s'élever",
        "atteindre",
        "dépasser",
        "franchir",
        "représenter",
        "totaliser",
        "porter",
        "passer",
        "concerner",
        "rester",
        "demeurer",
        "voir",
        "donner",
        "évoquer",
        "citer",
        "avancer",
        "publier",
        "communiquer",
        "rapporter",
        "contester",
        "revendiquer",
        "assurer",
        "relever",
        "anticiper",
        "trouver",
        "situer",
        "comprendre",
        "inclure",
        "contenir",
        "regrouper",
        "rassembler",
        "réunir",
        "concentrer",
        "résider",
        "habiter",
        "vivre",
        "détecter",
        "identifier",
        "répertorier",
        "état",
        # The event produced what is counted: "l'épisode a généré 240 000 sinistres", "les
        # pluies ont provoqué 4 000 morts" say no more than "a fait" ("entraîner" too: a
        # quantity of troops in training lists it among its predicates, which still count).
        "provoquer",
        "causer",
        "occasionner",
        "engendrer",
        "générer",
        "entraîner",
    }
)

# Verbs that say the event reached a thing without saying how ("1 900 véhicules touchés",
# "89 pays touchés", "dont 7 800 ont été affectés"): what happened is the event itself.
IMPACT_VERBS = frozenset({"toucher", "affecter", "frapper", "viser", "sinistrer", "impacter"})


# Verbs that state how much something is, not what someone does: their future is a forecast.
FORECAST_VERBS = frozenset(
    {
        "coûter",
        "valoir",
        "représenter",
        "atteindre",
        "dépasser",
        "excéder",
        "peser",
        "élever",
        "chiffrer",
        "totaliser",
        "avoisiner",
        "approcher",
        "frôler",
        "culminer",
        "grimper",
        "monter",
        "augmenter",
        "baisser",
        "reculer",
        "progresser",
        "croître",
        "diminuer",
    }
)


# Nouns whose singular ends in -s, -x or -z, as the light reading (without the parser)
# must not cut them: "six pays", "trois corps", "dix bus".
INVARIABLE_NOUNS = frozenset(
    {
        "pays", "corps", "cas", "fois", "temps", "mois", "prix", "choix", "poids", "bras",
        "avis", "bois", "repas", "procès", "colis", "propos", "concours", "secours", "cours",
        "discours", "parcours", "recours", "virus", "bus", "campus", "abus", "refus",
        "relais", "palais", "marais", "débris", "taux", "noix", "voix", "croix", "paix",
        "puits", "fonds", "gaz", "nez", "riz", "os", "héros", "frais",
    }
)  # fmt: skip
