"""Attributions found in a sentence and sources normalised with the lexicon."""

from __future__ import annotations

import pytest

from monitor.claims.attribution import (
    AttributionKind,
    SourceMatcher,
    clean_phrase,
    find_attributions,
    find_denial,
)
from monitor.models import Lexicon


def test_aliases_match_case_accents_and_acronyms(lexicon: Lexicon) -> None:
    sources = SourceMatcher.build(lexicon.sources)
    assert sources.canonical_in("selon le Service national de renseignement sud-coréen") == "NIS"
    assert sources.canonical_in("selon le service national de renseignement sud-coreen") == "NIS"
    assert sources.canonical_in("selon les estimations du renseignement sud-coréen") == "NIS"
    assert sources.canonical_in("D’après le Service national du renseignement (SNR)") == "NIS"
    assert sources.canonical_in("les sources du KCIA") == "NIS"
    assert (
        sources.canonical_in("Le chef des services de renseignement ukrainiens, Kyrylo Budanov")
        == "HUR"
    )
    assert sources.canonical_in("selon le média américain") is None
    assert sources.canonical_in("la CNNIC") is None


@pytest.mark.parametrize(
    ("sentence", "kind", "phrase"),
    [
        (
            "Selon le renseignement américain, 300 soldats.",
            AttributionKind.CUE,
            "renseignement américain",
        ),
        (
            "D’après les services de renseignement ukrainiens, un allié",
            AttributionKind.CUE,
            "services de renseignement ukrainiens",
        ),
        (
            "Selon le service national de renseignement sud-coréen (NIS), quelque",
            AttributionKind.CUE,
            "service national de renseignement sud-coréen (NIS)",
        ),
        (
            "Selon des révélations choc d’un membre de la commission, la Corée",
            AttributionKind.CUE,
            "membre de la commission",
        ),
        ("De source diplomatique, 40 missiles", AttributionKind.CUE, "source diplomatique"),
        ("une note, consultée par CNN.", AttributionKind.RELAY, "CNN"),
        (
            "Ces informations proviennent du ministère sud-coréen de la Défense.",
            AttributionKind.ORIGIN,
            "ministère sud-coréen de la Défense",
        ),
        (
            "L’entraînement de 10 000 soldats, annoncé par le président Volodymyr Zelensky, montre",
            AttributionKind.CUE,
            "président Volodymyr Zelensky",
        ),
    ],
)
def test_attributions(sentence: str, kind: AttributionKind, phrase: str) -> None:
    (attribution,) = find_attributions(sentence)
    assert (attribution.kind, attribution.phrase) == (kind, phrase)


def test_selon_lesquelles_is_not_an_attribution() -> None:
    assert (
        find_attributions("Le Kremlin dément les informations selon lesquelles 3 000 soldats") == []
    )


def test_pronouns_and_anaphora_are_marked() -> None:
    (pronoun,) = find_attributions("Selon lui, 300 soldats ont été tués.")
    assert pronoun.anaphoric
    (media,) = find_attributions("dont 600 tués, selon le média américain.")
    assert media.descriptive and not media.anaphoric


def test_generic_heads_leave_no_source() -> None:
    assert clean_phrase("certaines informations") == ""
    assert (
        clean_phrase("les premières estimations de l’agence de renseignement")
        == "agence de renseignement"
    )
    assert clean_phrase("Les déclarations de M. Budanov") == "Budanov"


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        (
            "Les déclarations de M. Budanov contredisent les informations.",
            "Les déclarations de M. Budanov",
        ),
        ("Le Kremlin dément les informations selon lesquelles", "Le Kremlin"),
        ("Moscou a démenti ces chiffres.", "Moscou"),
        ("Le Pentagone réfute ce bilan.", "Le Pentagone"),
        ("Séoul conteste ces chiffres.", "Séoul"),
    ],
)
def test_denials(sentence: str, subject: str) -> None:
    found = find_denial(sentence)
    assert found is not None and found[1] == subject


@pytest.mark.parametrize(
    "sentence",
    [
        "Poutine ne dément pas le déploiement de soldats nord-coréens.",
        "Moscou n’a pas démenti ces chiffres.",
        "Il a parlé sans démentir les chiffres.",
        "Le ministère n’a jamais contesté ce bilan.",
    ],
)
def test_negated_denials_are_not_denials(sentence: str) -> None:
    assert find_denial(sentence) is None
