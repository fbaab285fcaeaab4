"""Rule terms as the matchers read them: folded text, noun keys, verb stems, patterns."""

from __future__ import annotations

import re
import unicodedata

APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "‐": "-", "‑": "-", "–": "-"})
PLURAL_FEMININE = r"(?:e|ne|le)?s?"
TOKEN = re.compile(r"[\w-]+")  # words as terms see them: "nord-coreens" is one
PREFIX = 4
VERB_ENDINGS = ("aient", "ait", "ent", "ees", "ee", "es", "er", "ir", "re", "is", "e", "s", "i")


def _fold_table() -> dict[int, str]:
    """Accented Latin letters -> their base letters, plus apostrophes and hyphens."""
    table: dict[int, str] = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = "".join(
            c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)
        )
        if base != char:
            table[code] = base
    table.update({code: value for code, value in APOSTROPHES.items() if isinstance(value, str)})
    return table


FOLD_TABLE = _fold_table()


def fold(text: str) -> str:
    """Lowercase, accent-free, straight apostrophes and hyphens: the form all matching uses."""
    return text.lower().translate(FOLD_TABLE)


def noun_key(text: str) -> str:
    """A noun phrase as folded singular words: "Unités d'artillerie" -> "unite d'artillerie";
    "du", "des" and "de la" read as "de" ("soldats du feu" is "soldat de feu")."""
    words = re.split(r"\s+", fold(text).strip())
    keys = [_ARTICLE_OF.get(word, _singular(word)) for word in words if word]
    return " ".join(
        word
        for index, word in enumerate(keys)
        if not (word == "la" and index and keys[index - 1] == "de")
    )


_ARTICLE_OF = {"du": "de", "des": "de"}


def _singular(word: str) -> str:
    parts = word.split("-")
    return "-".join(p[:-1] if len(p) > 3 and p[-1] in "sx" and p[-2] != "s" else p for p in parts)


def predicate_key(text: str) -> str:
    """A verb reduced to a stem shared by its infinitive and participles: tuer/tués -> tu."""
    word = fold(text).strip()
    for ending in VERB_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            return word[: -len(ending)]
    return word


def term_pattern(term: str) -> str:
    """A whole-word pattern for a term; ``re:`` terms are used as written."""
    if term.startswith("re:"):
        return term[3:]
    return rf"(?<![\w-]){term_body(term)}(?![\w-])"


def term_body(term: str) -> str:
    """The term's words, folded, with plural and feminine endings on the last one."""
    body = r"\s+".join(re.escape(word) for word in fold(term).split())
    if body and body[-1].isalpha():
        body += PLURAL_FEMININE
    return body
