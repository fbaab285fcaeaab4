"""Sentence splitting keeps offsets into the original text."""

from __future__ import annotations

from monitor.claims.sentences import split_sentences


def pieces(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_sentences_and_paragraphs() -> None:
    text = "Titre sans point\nPremière phrase. Deuxième phrase !\n\nTroisième ?"
    sentences = split_sentences(text)
    assert pieces(text) == [
        "Titre sans point",
        "Première phrase.",
        "Deuxième phrase !",
        "Troisième ?",
    ]
    assert [s.paragraph for s in sentences] == [0, 1, 1, 2]
    assert [s.heading for s in sentences] == [True, False, False, False]


def test_abbreviations_and_initials_do_not_end_a_sentence() -> None:
    text = "Les déclarations de M. Budanov contredisent J. Smith. Il a affirmé que."
    assert pieces(text) == [
        "Les déclarations de M. Budanov contredisent J. Smith.",
        "Il a affirmé que.",
    ]


def test_numbers_with_dots_do_not_end_a_sentence() -> None:
    assert pieces("Il a reçu 4.700 obus. Fin.") == ["Il a reçu 4.700 obus.", "Fin."]


def test_a_title_glued_to_the_body_is_split() -> None:
    text = "un allié lui procure 30 000 soldats D'après les services, un allié envisage."
    assert pieces(text) == [
        "un allié lui procure 30 000 soldats",
        "D'après les services, un allié envisage.",
    ]


def test_list_markers_are_not_part_of_the_sentence() -> None:
    text = "  • Environ 11 000 soldats ont été déployés."
    assert pieces(text) == ["Environ 11 000 soldats ont été déployés."]


def test_closing_quotes_stay_with_their_sentence() -> None:
    text = "Il a dit « c'est grave. » Puis il est parti."
    assert pieces(text) == ["Il a dit « c'est grave. »", "Puis il est parti."]
