"""Cheap sentence and paragraph splitting with offsets into the original text.

Lines are paragraphs (a heading or a list item is its own sentence). Inside a line, a
sentence ends at ``.``, ``!``, ``?`` or ``…`` (possibly followed by a closing quote) when
the next word starts with a capital letter, a digit or an opening quote, except after
abbreviations ("M.", "Mme", initials such as "J.") and in numbers. Pages glued by a
scraper ("... 30 000 soldats D'après les services ...") are split where a capitalised
sentence opener follows a lowercase word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREVIATIONS = frozenset(
    {
        "m",
        "mm",
        "mme",
        "mmes",
        "mlle",
        "dr",
        "pr",
        "me",
        "st",
        "ste",
        "gén",
        "gal",
        "col",
        "cdt",
        "lt",
        "sgt",
        "av",
        "apr",
        "j.-c",
        "etc",
        "cf",
        "p",
        "pp",
        "vol",
        "n°",
        "no",
        "art",
        "éd",
        "env",
        "min",
        "max",
        "fig",
        "ex",
        "réf",
        "tél",
        "sen",
        "rep",
        "mgr",
    }
)
_END_RE = re.compile(r"[.!?…]+(?:\s?[»”\"')\]])*(?=\s+[«“\"(\[]?\s*[A-ZÀ-ÖØ-Þ0-9])")
_GLUED_RE = re.compile(
    r"(?<=[a-zà-öø-ÿ0-9)]) (?=(?:D'après|D’après|Selon|Mais|Cependant|Toutefois|Néanmoins"
    r"|Pourtant|Ainsi|Il|Elle|Ils|Elles|Cette|Ces|Par ailleurs|En outre)\b)"
)
_LAST_WORD = re.compile(r"([\w.°-]+)$")
_BULLET_RE = re.compile(r"^\s*(?:[•·▪●◦‣∙*–—-]|\d+[.)])\s+")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a text: its offsets and the paragraph it belongs to."""

    start: int
    end: int
    paragraph: int
    heading: bool  # a line with no final punctuation (a title, a heading, a list item)


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; offsets are into ``text``, whitespace trimmed."""
    sentences: list[Sentence] = []
    paragraph = -1
    for line in re.finditer(r"[^\n]+", text):
        line_text = line.group()
        if not line_text.strip():
            continue
        paragraph += 1
        offset = line.start()
        bullet = _BULLET_RE.match(line_text)
        begin = bullet.end() if bullet else 0
        cuts = _cut_points(line_text, begin)
        heading = not re.search(r"[.!?…:»”\"]\s*$", line_text)
        pieces = list(zip([begin, *cuts], [*cuts, len(line_text)], strict=True))
        for index, (start, end) in enumerate(pieces):
            piece = line_text[start:end]
            stripped_start = start + (len(piece) - len(piece.lstrip()))
            stripped_end = start + len(piece.rstrip())
            if stripped_end <= stripped_start:
                continue
            is_last = index == len(pieces) - 1
            sentences.append(
                Sentence(
                    start=offset + stripped_start,
                    end=offset + stripped_end,
                    paragraph=paragraph,
                    heading=heading and is_last and len(pieces) == 1,
                )
            )
    return sentences


def _cut_points(line: str, begin: int) -> list[int]:
    cuts: list[int] = []
    for match in _END_RE.finditer(line, begin):
        if match.group().startswith(".") and _is_abbreviation(line, match.start()):
            continue
        cuts.append(match.end())
    for match in _GLUED_RE.finditer(line, begin):
        cuts.append(match.start())
    return sorted(set(cuts))


def _is_abbreviation(line: str, dot: int) -> bool:
    word = _LAST_WORD.search(line, max(0, dot - 24), dot)
    if word is None:
        return False
    token = word.group(1).lower()
    if token in _ABBREVIATIONS:
        return True
    # Initials ("J. Smith", "Kim J.-U.") and single letters.
    return len(token.rstrip(".")) == 1 and token[0].isalpha()
