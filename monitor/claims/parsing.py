"""The French parser and the text it is shown.

spaCy's ``fr_core_news_sm`` is loaded once per process, without its entity recogniser.
Before parsing, a sentence is rewritten so the parser trips less: typographic apostrophes
become ``'``, and each quantity becomes one plain number token with its qualifier removed
("environ 2 700 blessés" -> "2700 blessés", "des milliers de soldats" -> "2000 soldats").
An offset map leads every character of the rewritten text back to the original sentence.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from monitor.claims.numbers import normalise_typography
from monitor.claims.qualifiers import Quantity

MODEL_NAME = "fr_core_news_sm"


@functools.cache
def load_model() -> Language:
    """The French pipeline, loaded once per process (the entity recogniser is disabled)."""
    return spacy.load(MODEL_NAME, disable=["ner"])


@dataclass(frozen=True, slots=True)
class ParseInput:
    """A sentence rewritten for the parser, with the way back to the original."""

    text: str
    origin: tuple[int, ...]  # origin[i]: offset in the sentence of rewritten character i
    quantity_starts: tuple[int, ...]  # rewritten offset of each quantity's number token


@dataclass(frozen=True, slots=True)
class ParsedSentence:
    doc: Doc
    source: ParseInput

    def quantity_token(self, index: int) -> Token | None:
        """The token standing for the ``index``-th quantity of the sentence."""
        char = self.source.quantity_starts[index]
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def original_offset(self, rewritten: int) -> int:
        """Offset in the original sentence of a rewritten character offset."""
        if rewritten >= len(self.source.origin):
            return self.source.origin[-1] + 1 if self.source.origin else 0
        return self.source.origin[rewritten]

    def original_span(self, first: Token, last: Token) -> tuple[int, int]:
        """Original sentence offsets covered by tokens ``first`` .. ``last``."""
        start = self.original_offset(first.idx)
        end = self.original_offset(last.idx + len(last.text) - 1) + 1
        return start, end


def rewrite_for_parser(sentence: str, quantities: Sequence[Quantity]) -> ParseInput:
    """Rewrite ``sentence`` so each quantity is one number token (offsets in ``sentence``)."""
    plain = normalise_typography(sentence)
    pieces: list[str] = []
    origin: list[int] = []
    starts: list[int] = []
    cursor = 0
    for quantity in quantities:
        if quantity.start < cursor:
            continue
        pieces.append(plain[cursor : quantity.start])
        origin.extend(range(cursor, quantity.start))
        token = _number_token(quantity.parse_value)
        starts.append(sum(len(p) for p in pieces))
        pieces.append(token)
        origin.extend([quantity.figure_start] * len(token))
        cursor = max(quantity.end, quantity.link_end)
        if cursor < len(plain) and not plain[cursor].isspace():
            # "d'obus" -> "3000000 obus": keep one space between the number and what follows.
            pieces.append(" ")
            origin.append(cursor)
    pieces.append(plain[cursor:])
    origin.extend(range(cursor, len(plain)))
    return ParseInput("".join(pieces), tuple(origin), tuple(starts))


def parse_sentences(inputs: Sequence[ParseInput]) -> list[ParsedSentence]:
    """Parse rewritten sentences in one batch."""
    model = load_model()
    docs = model.pipe([item.text for item in inputs], batch_size=64)
    return [ParsedSentence(doc, item) for doc, item in zip(docs, inputs, strict=True)]


def _number_token(value: float) -> str:
    if value <= 0:
        return "2"
    if value == int(value):
        return str(int(value))
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")
