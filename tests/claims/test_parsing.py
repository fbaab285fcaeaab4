"""What the parser is shown, and the way back to the original sentence."""

from __future__ import annotations

from monitor.claims.parsing import rewrite_for_parser
from monitor.claims.qualifiers import find_quantities


def test_each_quantity_becomes_one_number_token() -> None:
    sentence = "Environ 2\u00a0700 blessés et des milliers de soldats d’élite."
    rewritten = rewrite_for_parser(sentence, find_quantities(sentence))
    assert rewritten.text == "2700 blessés et 2000 soldats d'élite."
    first, second = rewritten.quantity_starts
    assert rewritten.text[first : first + 4] == "2700"
    assert rewritten.text[second : second + 4] == "2000"
    # Every rewritten character leads back to the original sentence.
    assert sentence[rewritten.origin[first] :].startswith("2\u00a0700")
    blesses = rewritten.text.index("blessés")
    assert sentence[rewritten.origin[blesses] :].startswith("blessés")


def test_scale_words_and_elision_keep_a_space() -> None:
    sentence = "au moins trois millions d’obus"
    rewritten = rewrite_for_parser(sentence, find_quantities(sentence))
    assert rewritten.text == "3000000 obus"


def test_a_long_sentence_is_cut_around_its_figures() -> None:
    filler = "la situation reste très incertaine selon de nombreux observateurs " * 6
    sentence = f"{filler}et 300 soldats ont été tués lors de l’attaque, {filler}"
    quantities = find_quantities(sentence)
    rewritten = rewrite_for_parser(sentence, quantities, window=60)
    assert len(rewritten.text) < len(sentence) / 2
    (start,) = rewritten.quantity_starts
    assert rewritten.text[start : start + 3] == "300"
    assert rewritten.origin[start] == sentence.index("300")
    assert "soldats ont été tués" in rewritten.text
