"""The French parser and the text it is shown.

spaCy's ``fr_core_news_sm`` is loaded once per process, without its entity recogniser.
Before parsing, a sentence is rewritten so the parser trips less: typographic apostrophes
become ``'``, and each quantity becomes one plain number token with its qualifier removed
("environ 2 700 blessés" -> "2700 blessés", "des milliers de soldats" -> "2000 soldats").
An offset map leads every character of the rewritten text back to the original sentence.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc, Token

from monitor.claims.numbers import normalise_typography
from monitor.claims.qualifiers import Quantity

MODEL_NAME = "fr_core_news_sm"
# A qualifier that holds a verb or an adjective the parser needs: "sont estimées à",
# "a dépassé les", "a franchi la barre des", "ne dépassera pas", "plafonnée à".
_VERBAL_QUALIFIER = re.compile(
    r"(?:ne\s+\S+\s+|pas\s+|sans\s+|jamais\s+)?(?:estimée?s?|évaluée?s?|chiffrée?s?|dépass\w*"
    r"|excéd\w*|franchi\w*|pass\w*|crev\w*|enfonc\w*|atteint|atteign\w*|atteindr\w*|touch\w*"
    r"|plafonnée?s?|bornée?s?|supérieure?s?|inférieure?s?|sous)\b",
    re.IGNORECASE,
)


@functools.cache
def load_model() -> Language:
    """The French pipeline, loaded once per process.

    The entity recogniser is not needed; the attribute ruler only copies each POS into the
    fine-grained tag, which nothing here reads. The lemmatizer is loaded but does not run
    over whole sentences: :func:`lemma_of` asks it for the few tokens whose lemma is read.
    """
    return spacy.load(MODEL_NAME, disable=["ner", "attribute_ruler", "lemmatizer"])


@functools.cache
def _lemmatizer() -> Lemmatizer:
    component = load_model().get_pipe("lemmatizer")
    assert isinstance(component, Lemmatizer)
    return component


def lemma_of(token: Token) -> str:
    """The lowercase lemma of a parsed token, found on first use and kept on the token."""
    if not token.lemma:
        token.lemma_ = _lemmatizer().lemmatize(token)[0]
    return token.lemma_.lower()


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
        if char < 0:
            return None
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


_OPENING_QUOTE = re.compile(r"[«\"“]\s*$")
_CLOSING_QUOTE = re.compile(r"\s*[»\"”](?=\s+[^\W\d])")


def rewrite_for_parser(
    sentence: str, quantities: Sequence[Quantity], *, window: int = 0
) -> ParseInput:
    """Rewrite ``sentence`` so each quantity is one number token (offsets in ``sentence``).

    With ``window`` > 0, a long sentence is cut to about ``window`` characters before its
    first quantity and after its last one (at word boundaries): the parser's cost grows
    with the sentence, and what links a figure to its noun and verb is near it.
    """
    plain = normalise_typography(sentence)
    begin, stop = 0, len(plain)
    if window and quantities and len(plain) > 3 * window:
        begin = _word_start(plain, quantities[0].start - window)
        stop = _word_end(plain, max(q.end for q in quantities) + window)
    pieces: list[str] = []
    origin: list[int] = []
    starts: list[int] = []
    length = 0
    cursor = begin
    for quantity in quantities:
        if quantity.start < cursor:
            starts.append(-1)
            continue
        replace_from = quantity.start
        if _VERBAL_QUALIFIER.match(plain, quantity.start, quantity.figure_start):
            replace_from = quantity.figure_start  # "sont estimées à" stays for the parser
        after = max(quantity.end, quantity.link_end)
        opening = _OPENING_QUOTE.search(plain, cursor, replace_from)
        closing = _CLOSING_QUOTE.match(plain, after)
        quoted = opening is not None and closing is not None
        # A figure quoted on its own ("« plus de 900 000 » participants") is read as if the
        # quotation marks were not there, so its noun is found after them.
        kept_until = opening.start() if quoted and opening is not None else replace_from
        pieces.append(plain[cursor:kept_until])
        origin.extend(range(cursor, kept_until))
        length += kept_until - cursor
        token = _number_token(quantity.parse_value)
        starts.append(length)
        pieces.append(token)
        origin.extend([quantity.figure_start] * len(token))
        length += len(token)
        cursor = closing.end() if quoted and closing is not None else after
        if cursor < len(plain) and not plain[cursor].isspace():
            # "d'obus" -> "3000000 obus": keep one space between the number and what follows.
            pieces.append(" ")
            origin.append(cursor)
            length += 1
    pieces.append(plain[cursor:stop])
    origin.extend(range(cursor, stop))
    return ParseInput("".join(pieces), tuple(origin), tuple(starts))


def _word_start(text: str, position: int) -> int:
    if position <= 0:
        return 0
    space = text.find(" ", position)
    return space + 1 if space >= 0 else position


def _word_end(text: str, position: int) -> int:
    if position >= len(text):
        return len(text)
    space = text.rfind(" ", 0, position)
    return space if space > 0 else position


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
