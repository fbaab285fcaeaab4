"""Whole sentences through find_claims: noun, predicate, source, modality, denial, time."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import yaml

from monitor.claims.extractor import find_claims
from monitor.models import Claim, Lexicon, Modality, Qualifier, Unit
from tests.claims.conftest import Extract

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def only(claims: list[Claim]) -> Claim:
    assert len(claims) == 1, [c.value_text for c in claims]
    return claims[0]


def summary(claim: Claim) -> tuple[object, ...]:
    return (
        claim.value_text,
        claim.low,
        claim.high,
        claim.qualifier,
        claim.noun,
        claim.predicate,
        claim.source,
        claim.modality,
    )


def test_coordinated_figure_inherits_the_counted_noun(extract: Extract) -> None:
    claims = extract(
        "Ces rapports affirment en outre qu’environ 300 soldats nord-coréens ont été tués "
        "et environ 2 700 blessés au cours de leur engagement."
    )
    assert [summary(c)[:6] for c in claims] == [
        ("environ 300", 270, 330, Qualifier.APPROX, "soldat", "tuer"),
        ("environ 2 700", 2430, 2970, Qualifier.APPROX, "soldat", "blesser"),
    ]
    assert claims[0].noun_phrase == "soldats nord-coréens"
    assert [c.modality for c in claims] == [Modality.ASSERTED, Modality.ASSERTED]


def test_dont_subsets_point_to_the_including_figure(extract: Extract) -> None:
    text = (
        "Un contingent qui s'ajouterait aux 11 000 à 12 000 nord-coréens déjà déployés "
        "depuis fin 2024, dont 4 000 auraient été blessés et 600 tués, selon CNN."
    )
    deployed, wounded, killed = extract(text, published="2025-07-02")
    assert summary(deployed) == (
        "11 000 à 12 000",
        11000,
        12000,
        Qualifier.RANGE,
        "nord-coréen",
        "déployer",
        "CNN",
        Modality.ASSERTED,
    )
    assert deployed.value is None and deployed.parent_span is None
    assert summary(wounded) == (
        "4 000",
        4000,
        4000,
        Qualifier.EXACT,
        "nord-coréen",
        "blesser",
        "CNN",
        Modality.REPORTED,
    )
    assert summary(killed) == (
        "600",
        600,
        600,
        Qualifier.EXACT,
        "nord-coréen",
        "tuer",
        "CNN",
        Modality.REPORTED,
    )
    assert wounded.parent_span == killed.parent_span == deployed.span
    assert (deployed.time_text, deployed.time_ref) == ("depuis fin 2024", date(2024, 12, 31))


def test_parmi_makes_parts_within_a_sentence_and_from_the_sentence_before(
    extract: Extract,
) -> None:
    freed, women = extract(
        "Au total, 26 Ukrainiens rentrent chez eux, parmi lesquels une femme officier côté "
        "militaire et neuf femmes côté civil.",
        published="2022-04-09",
    )
    assert women.parent_span == freed.span and freed.parent_span is None
    arrested, minors = extract(
        "Au total, 719 personnes ont été interpellées, parmi lesquelles 45 mineurs.",
        published="2023-07-02",
    )
    assert minors.parent_span == arrested.span
    # A sentence that opens on "Parmi eux" counts parts of the figure before it.
    returned, sailors = extract(
        "Cent dix Russes sont rentrés d'Ukraine lundi après l'échange. Parmi eux figurent "
        "72 marins de navires civils.",
        published="2022-10-17",
    )
    assert sailors.parent_span == returned.span
    dead, children = extract(
        "Le séisme a fait 2 946 morts selon le dernier bilan. Parmi les victimes, 1 200 "
        "enfants, selon l'Unicef.",
        published="2023-09-12",
    )
    assert children.parent_span == dead.span
    # Not across paragraphs, and not without the opening.
    _first, second = extract(
        "Le séisme a fait 2 946 morts selon le dernier bilan.\n\nParmi les sauveteurs, "
        "1 200 militaires.",
        published="2023-09-12",
    )
    assert second.parent_span is None
    _first, second = extract(
        "Le séisme a fait 2 946 morts. Les secours comptent 1 200 militaires.",
        published="2023-09-12",
    )
    assert second.parent_span is None


def test_a_part_counts_what_its_whole_counts_not_what_the_verb_measures(
    extract: Extract,
) -> None:
    _dead, injured, serious = extract(
        "Le dernier bilan du séisme s'établit à 2 012 morts et 2 059 blessés, dont 1 404 dans "
        "un état très grave, selon le ministère de l'Intérieur.",
        published="2023-09-10",
    )
    assert serious.parent_span == injured.span
    assert (serious.noun, serious.predicate) == (injured.noun, injured.predicate)
    arrests, paris = extract(
        "Le bilan des nuits d'émeutes s'élève à 3 354 interpellations, dont 1 160 en "
        "Île-de-France, selon le ministère de l'Intérieur.",
        published="2023-07-05",
    )
    assert paris.parent_span == arrests.span
    assert paris.noun == arrests.noun == "interpellation"


def test_predicate_goes_through_intention_verbs(extract: Extract) -> None:
    claim = only(
        extract(
            "La Corée du Nord prévoit de livrer au moins 150 missiles balistiques à courte "
            "portée KN-23 à Moscou en 2025.",
            published="2025-02-05",
        )
    )
    assert summary(claim) == (
        "au moins 150",
        150,
        None,
        Qualifier.AT_LEAST,
        "missile balistique",
        "livrer",
        None,
        Modality.PLANNED,
    )
    assert (claim.time_text, claim.time_ref) == ("en 2025", date(2025, 1, 1))


def test_noun_outside_the_lexicon_is_still_counted(extract: Extract) -> None:
    claim = only(extract("La mairie a installé 45 bancs publics sur la place du marché."))
    assert (claim.noun, claim.noun_phrase, claim.predicate) == (
        "banc",
        "bancs publics",
        "installer",
    )


def test_casualty_words_are_predicates(extract: Extract) -> None:
    dead, wounded = extract("Le bombardement a fait 12 morts et 40 blessés, selon les secours.")
    assert (dead.noun, dead.predicate, dead.source) == (None, "mourir", "secours")
    assert (wounded.noun, wounded.predicate, wounded.source) == (None, "blesser", "secours")


def test_multiword_lexicon_nouns(extract: Extract) -> None:
    rockets, artillery = extract(
        "L’Allemagne a fourni 18 lance-roquettes et 40 unités d’artillerie."
    )
    assert (rockets.noun, rockets.predicate) == ("lance-roquettes", "fournir")
    assert (artillery.noun, artillery.noun_phrase) == ("unité d'artillerie", "unités d’artillerie")


def test_a_lexicon_noun_spacy_tags_as_an_adjective(extract: Extract) -> None:
    claim = only(extract("Environ 12 000 nord-coréens combattent aux côtés des Russes."))
    assert (claim.noun, claim.predicate) == ("nord-coréen", "combattre")


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "Selon le service national de renseignement sud-coréen (NIS), 3 000 soldats sont "
            "arrivés.",
            "NIS",
        ),
        ("Selon les estimations du renseignement sud-coréen, 3 000 soldats sont arrivés.", "NIS"),
        ("D’après le Service national du renseignement (SNR), 3 000 soldats sont arrivés.", "NIS"),
        ("Selon les sources du KCIA, 3 000 soldats sont arrivés.", "NIS"),
        ("3 000 soldats sont arrivés, selon le Wall Street Journal.", "Wall Street Journal"),
        ("Le Pentagone a affirmé que 3 000 soldats étaient arrivés.", "Pentagone"),
        (
            "« 3 000 soldats sont arrivés », a déclaré le ministère sud-coréen de la Défense.",
            "ministère sud-coréen de la Défense",
        ),
        (
            "Un haut responsable, cité par CNN, estime que 3 000 soldats sont arrivés.",
            "haut responsable",
        ),
        ("Selon la préfecture du Nord, 3 000 personnes ont manifesté.", "préfecture du Nord"),
    ],
)
def test_sources_are_normalised_or_kept_short(extract: Extract, sentence: str, source: str) -> None:
    assert only(extract(sentence)).source == source


def test_pronoun_takes_the_last_speaker(extract: Extract) -> None:
    text = (
        "Le chef des services de renseignement ukrainiens, Kyrylo Budanov, a déclaré fin "
        "janvier que la Corée du Nord prévoyait de livrer des obus. Il a en outre affirmé que "
        "Pyongyang avait déjà fourni jusqu’à 120 unités d’artillerie."
    )
    claim = only(extract(text, published="2025-02-05"))
    assert summary(claim) == (
        "jusqu’à 120",
        None,
        120,
        Qualifier.AT_MOST,
        "unité d'artillerie",
        "fournir",
        "HUR",
        Modality.ASSERTED,
    )


def test_origin_sentence_names_the_source_of_the_previous_one(extract: Extract) -> None:
    text = (
        "Selon certaines informations, la Corée du Nord aurait fourni à la Russie environ "
        "200 unités d’artillerie. Ces informations proviennent du ministère sud-coréen de la "
        "Défense."
    )
    claim = only(extract(text))
    assert (claim.source, claim.modality) == (
        "ministère sud-coréen de la Défense",
        Modality.REPORTED,
    )


def test_conditional_sentence_continues_the_previous_attribution(extract: Extract) -> None:
    text = (
        "Selon le service national de renseignement sud-coréen (NIS), quelque dix mille "
        "soldats nord-coréens doivent être déployés en Russie d’ici à décembre. Trois mille "
        "militaires nord-coréens seraient déjà présents en Russie."
    )
    planned, present = extract(text, published="2024-10-24")
    assert summary(planned) == (
        "quelque dix mille",
        9000,
        11000,
        Qualifier.APPROX,
        "soldat",
        "déployer",
        "NIS",
        Modality.PLANNED,
    )
    assert (planned.time_text, planned.time_ref) == ("d’ici à décembre", date(2024, 12, 31))
    assert summary(present) == (
        "Trois mille",
        3000,
        3000,
        Qualifier.EXACT,
        "militaire",
        "présent",
        "NIS",
        Modality.REPORTED,
    )


def test_an_asserted_sentence_does_not_inherit_a_source(extract: Extract) -> None:
    text = "Selon l’AFP, 300 soldats ont été tués.\n\nLa ville compte 45 000 sinistrés."
    assert [c.source for c in extract(text)] == ["AFP", None]


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        ("Pas moins de 11 000 soldats auraient été envoyés en Russie.", Modality.REPORTED),
        ("La Corée du Nord aurait fourni 200 obus.", Modality.REPORTED),
        ("Quelque 10 000 soldats doivent être déployés d’ici décembre.", Modality.PLANNED),
        ("Pyongyang pourrait envoyer entre 25 000 et 30 000 hommes.", Modality.PLANNED),
        ("Un allié envisage d’envoyer jusqu’à 30 000 soldats.", Modality.PLANNED),
        ("Pyongyang aurait décidé d’envoyer jusqu’à 12 000 soldats.", Modality.PLANNED),
        ("Dix mille soldats seront prêts dès le 1er novembre.", Modality.PLANNED),
        ("Les 2 000 militaires vont être déployés en Roumanie.", Modality.PLANNED),
        ("Moscou n’a pas envoyé 10 000 soldats.", Modality.NEGATED),
        ("Aucun des 300 soldats n’a été blessé.", Modality.NEGATED),
        ("Environ 11 000 soldats ont été déployés.", Modality.ASSERTED),
        ("Kiev n’a envoyé que 300 soldats.", Modality.ASSERTED),
        # The future of a measuring verb is a forecast, not a plan.
        ("Les dégradations vont coûter 650 millions d’euros aux assureurs.", Modality.REPORTED),
        ("Le déficit public atteindra 5 % du PIB l’an prochain.", Modality.REPORTED),
        (
            "Le bilan des inondations va dépasser 300 morts, craignent les secours.",
            Modality.REPORTED,
        ),
        ("Le gouvernement va débloquer 2 milliards d’euros.", Modality.PLANNED),
        # "devoir" and "pouvoir" in a past that is over: it happened.
        ("Environ 30 000 touristes ont dû quitter leurs hôtels à Rhodes.", Modality.ASSERTED),
        ("Près de 500 ressortissants ont pu être évacués de Khartoum.", Modality.ASSERTED),
        ("Quelque 1 200 habitants avaient dû fuir leurs villages.", Modality.ASSERTED),
        ("Quelque 1 200 habitants devront fuir leurs villages.", Modality.PLANNED),
        # Announcing what happened to people reports it; announcing a dispatch plans it.
        ("Kiev a annoncé la libération de 130 prisonniers ukrainiens.", Modality.ASSERTED),
        ("Le préfet a annoncé l'évacuation de 3 000 habitants d'Agadir.", Modality.ASSERTED),
        ("Pyongyang a annoncé l'envoi de 10 000 soldats.", Modality.PLANNED),
        # Shares and prices read without the parser: the figure's own clause decides, and
        # "ne ... plus que" restricts, it does not deny.
        ("À 23 heures, le président ne recueillait plus que 49,94 % des voix.", Modality.ASSERTED),
        (
            "Crédité d'environ 5 % des voix, le candidat pourrait arbitrer le second tour.",
            Modality.ASSERTED,
        ),
        ("Le gazole ne coûte plus que 1,80 euro le litre.", Modality.ASSERTED),
        ("L'Italie ne compte plus désormais qu'un seul disparu.", Modality.ASSERTED),
        ("La remise n'a jamais dépassé 30 centimes.", Modality.NEGATED),
    ],
)
def test_modality(extract: Extract, sentence: str, modality: Modality) -> None:
    assert only(extract(sentence)).modality == modality


def test_denial_marks_the_next_sentence_of_the_same_source(extract: Extract) -> None:
    text = (
        "Le chef des services de renseignement ukrainiens, Kyrylo Budanov, a déclaré que "
        "la Corée du Nord livrerait des obus. Les déclarations de M. Budanov contredisent "
        "les informations publiées par le New York Times. Il a affirmé que jusqu’à 8 000 "
        "soldats nord-coréens sont toujours engagés dans des combats à Koursk."
    )
    claim = only(extract(text, published="2025-02-05"))
    assert (claim.source, claim.denial, claim.modality) == ("HUR", True, Modality.ASSERTED)


def test_a_negated_denial_is_not_a_denial(extract: Extract) -> None:
    claim = only(extract("Poutine ne dément pas la présence de 12 000 soldats nord-coréens."))
    assert (claim.denial, claim.modality) == (False, Modality.ASSERTED)


def test_denial_does_not_reach_another_source(extract: Extract) -> None:
    text = "Moscou conteste ces chiffres. Selon le Pentagone, 700 soldats ont été tués."
    claim = only(extract(text))
    assert (claim.source, claim.denial) == ("Pentagone", False)


def test_money_and_percent_claims(extract: Extract) -> None:
    money, percent = extract("Berlin a débloqué 1,2 milliard d’euros, soit 7 % de son budget.")
    assert (money.value_text, money.value, money.unit, money.currency) == (
        "1,2 milliard d’euros",
        1.2e9,
        Unit.MONEY,
        "EUR",
    )
    assert (percent.value_text, percent.value, percent.unit) == ("7 %", 7, Unit.PERCENT)


def test_title_claims_have_their_own_offsets(extract: Extract) -> None:
    title = "Ukraine : 40 drones abattus dans la nuit"
    text = "L’armée de l’air a abattu 40 drones russes."
    title_claim, body_claim = extract(text, title=title)
    assert title_claim.sentence_start == -1
    assert title[title_claim.span[0] : title_claim.span[1]] == "40"
    assert text[body_claim.span[0] : body_claim.span[1]] == "40"
    assert body_claim.sentence_start == 0


def test_a_title_repeated_at_the_top_of_the_body_is_read_once(extract: Extract) -> None:
    title = "Guerre : 30 000 soldats"
    text = "Guerre : 30 000 soldats\n\nLe texte ne donne pas d’autre chiffre."
    assert [c.sentence_start for c in extract(text, title=title)] == [0]


def test_no_model_needed_without_figures(lexicon: Lexicon) -> None:
    assert find_claims("Aucun chiffre ici, seulement des mots.", lexicon=lexicon) == []


def test_offsets_hold_on_every_seed(lexicon: Lexicon, model: None) -> None:
    index = yaml.safe_load((SEEDS / "index.yaml").read_text(encoding="utf-8"))
    for entry in index["documents"]:
        text = (SEEDS / entry["file"]).read_text(encoding="utf-8")
        published = datetime.combine(entry["date"], datetime.min.time(), tzinfo=UTC)
        claims = find_claims(text, title=entry["title"], published=published, lexicon=lexicon)
        assert claims, entry["file"]
        for claim in claims:
            assert text[claim.span[0] : claim.span[1]] == claim.value_text
            start = claim.sentence_start
            assert text[start : start + len(claim.sentence)] == claim.sentence
            assert start <= claim.span[0] and claim.span[1] <= start + len(claim.sentence)


def test_an_empty_lexicon_still_gives_nouns_predicates_and_sources(model: None) -> None:
    claim = only(find_claims("Environ 300 pompiers ont été mobilisés, selon la préfecture."))
    assert summary(claim) == (
        "Environ 300",
        270,
        330,
        Qualifier.APPROX,
        "pompier",
        "mobiliser",
        "préfecture",
        Modality.ASSERTED,
    )


@pytest.mark.parametrize(
    ("sentence", "noun", "predicate", "modality"),
    [
        ("Trois soldats ont été tués dans la nuit.", "soldat", "tuer", Modality.ASSERTED),
        ("Le bilan fait état de deux morts.", None, "mourir", Modality.ASSERTED),
        ("Deux marins auraient été capturés.", "marin", "capturer", Modality.REPORTED),
        ("Moscou n’a pas perdu trois avions.", "avion", None, Modality.NEGATED),
    ],
)
def test_small_numbers_read_without_the_parser(
    sentence: str, noun: str | None, predicate: str | None, modality: Modality
) -> None:
    claim = only(find_claims(sentence))
    assert (claim.noun, claim.predicate, claim.modality) == (noun, predicate, modality)


@pytest.mark.parametrize(
    ("sentence", "noun", "predicate"),
    [
        ("Séoul estime à 11 000 le nombre de soldats déployés en Russie.", "soldat", "déployer"),
        ("Le nombre de civils tués s’élève à 300.", "civil", "tuer"),
        ("Les pertes russes sont estimées à 4 000 hommes.", "homme", "perdre"),
    ],
)
def test_measuring_verbs_point_to_what_is_counted(
    extract: Extract, sentence: str, noun: str, predicate: str
) -> None:
    claim = only(extract(sentence))
    assert (claim.noun, claim.predicate) == (noun, predicate)


@pytest.mark.parametrize(
    ("sentence", "flags"),
    [
        # A toll of another year, recalled for comparison (a disaster, a strike).
        (
            "En février 2004, un séisme avait frappé Al Hoceima et tué 628 personnes.",
            {"628": "past event"},
        ),
        (
            "Le 5 décembre 2019, la police avait dénombré 806 000 manifestants en France.",
            {"806 000": "past event"},
        ),
        # A year back (the article is of November 2024): the story's own past.
        (
            "En février 2023, la police avait dénombré 806 000 manifestants en France.",
            {"806 000": "historical"},
        ),
        # Earlier statements of the same story.
        (
            "Plus tôt dans la journée, un précédent bilan recensait 2 681 morts et 2 501 blessés.",
            {"2 681": "earlier", "2 501": "earlier"},
        ),
        (
            "Sa précédente évaluation s'élevait à 650 millions d'euros.",
            {"650 millions d'euros": "earlier"},
        ),
        (
            "Les policiers ont interpellé 72 personnes, contre 157 la nuit précédente.",
            {"72": None, "157": "earlier"},
        ),
        # The imperfect of a count dated a week or more back (the article is of 20 November).
        (
            "Le 5 novembre, le ministère dénombrait 216 foyers en élevage. Au 19 novembre, il "
            "en recense 281.",
            {"216": "earlier", "281": None},
        ),
        (
            "Le 31 octobre, la préfecture comptait 57 000 manifestants à Paris.",
            {"57 000": "earlier"},
        ),
        ("Mardi, la préfecture comptait 57 000 manifestants à Paris.", {"57 000": None}),
        # Current figures stay news: a dated plan, an ongoing count, two sources compared.
        ("Depuis janvier 2023, 12 000 migrants sont arrivés à Lampedusa.", {"12 000": None}),
        (
            "Selon la police, 320 000 personnes ont manifesté, contre 1,2 million selon la CGT.",
            {"320 000": None, "1,2 million": None},
        ),
        (
            "Quelques minutes auparavant, la CGT avait annoncé plus de deux millions de manifestants.",
            {"plus de deux millions": None},
        ),
        # A figure said to have been given before is an earlier statement (a toll, a
        # turnout), whatever the verb of its sentence.
        (
            "Les garde-côtes ont revu à la baisse le bilan de 79 morts annoncé la veille.",
            {"79": "earlier"},
        ),
        (
            "L'Intérieur conteste le chiffre de 3,5 millions de manifestants avancé hier par "
            "la CGT.",
            {"3,5 millions": "earlier"},
        ),
        ("Le bilan de 78 morts a été annoncé vendredi par les garde-côtes.", {"78": None}),
        (
            "Rome avait évoqué plus tôt l'évacuation par l'armée italienne d'environ 200 "
            "personnes.",
            {"environ 200": None},
        ),
        # An average over past years is a yardstick the event is compared with (fires,
        # insured losses, epidemics), written before the figure or after it.
        (
            "Depuis janvier, 8,8 millions d'hectares ont brûlé au Canada, alors que la moyenne "
            "décennale est de 805 196 hectares.",
            {"8,8 millions d'hectares": None, "805 196 hectares": "baseline"},
        ),
        (
            "Ce total dépasse le coût moyen constaté chaque année depuis 2017, de 3,5 milliards "
            "d'euros sur douze mois.",
            {"3,5 milliards d'euros": "baseline"},
        ),
        (
            "En Europe, 351 757 hectares avaient brûlé au 19 août, contre 238 168 en moyenne "
            "annuelle sur les seize dernières années.",
            {"238 168": "baseline"},
        ),
        (
            "On compte 388 foyers cette saison, près du double de la moyenne des dix dernières "
            "années à la même date, qui est de 198 foyers.",
            {"388": None, "198": "baseline"},
        ),
        # The event's own average (a price, a turnout) stays news.
        (
            "Le litre de gazole s'est vendu en moyenne 2,0694 euros entre le 4 et le 10 juin.",
            {"2,0694 euros": None},
        ),
        ("Le SP98 grimpe à 2,20 euros en moyenne dans les stations.", {"2,20 euros": None}),
    ],
)
def test_earlier_and_historical_figures_are_told_apart(
    extract: Extract, sentence: str, flags: dict[str, str | None]
) -> None:
    claims = {claim.value_text: claim.earlier for claim in extract(sentence)}
    assert {text: claims.get(text, "missing") for text in flags} == flags


@pytest.mark.parametrize(
    ("sentence", "revision"),
    [
        ("Un nouveau bilan du ministère fait état de 2 946 morts au Maroc.", True),
        ("Le bilan des émeutes s'est alourdi à 3 354 interpellations.", True),
        ("La CGT a revu à la hausse sa mobilisation, à 3,5 millions de manifestants.", True),
        ("Le séisme a fait 2 012 morts, selon le ministère.", False),
        ("Quelque 3 000 policiers ont été mobilisés jeudi.", False),
    ],
)
def test_revisions_are_told_by_their_words(extract: Extract, sentence: str, revision: bool) -> None:
    assert only(extract(sentence)).revision is revision


def test_an_idiom_stands_for_its_verb(model: None) -> None:
    from monitor.claims.extractor import find_claims

    toll = find_claims("Au Maroc, 2 012 personnes ont trouvé la mort dans le séisme.")
    assert [c.predicate for c in toll] == ["mourir"]
    front = find_claims("Près de Bakhmout, 300 soldats ont perdu la vie en une semaine.")
    assert [c.predicate for c in front] == ["mourir"]
    storm = find_claims("Selon les pompiers, 1 288 personnes ont été mises en sécurité.")
    assert [c.predicate for c in storm] == ["évacuer"]


def test_a_figure_dated_a_week_back_in_the_past_of_the_past_is_no_news(model: None) -> None:
    from datetime import UTC, datetime

    from monitor.claims.extractor import find_claims

    when = datetime(2023, 4, 20, tzinfo=UTC)
    turnout = find_claims(
        "Le 15 mars, la même source avait recensé 480 000 manifestants.", published=when
    )
    assert [c.earlier for c in turnout] == ["earlier"]
    exchange = find_claims(
        "Le 24 mars, 10 prisonniers de guerre avaient été échangés de chaque côté.",
        published=when,
    )
    assert [c.earlier for c in exchange] == ["earlier"]
    strike = find_claims(
        "Les cheminots : 39 % de grévistes, contre 46,3 % le 19 janvier.", published=when
    )
    assert [c.earlier for c in strike] == [None, "earlier"]
    # The day before is news of the day; a running total since a date is current.
    assert [
        c.earlier
        for c in find_claims("La veille, 150 personnes avaient été interpellées.", published=when)
    ] == [None]
    assert [
        c.earlier
        for c in find_claims(
            "Depuis le 1er janvier, 22 670 personnes ont traversé la Manche.", published=when
        )
    ] == [None]


@pytest.mark.parametrize(
    ("title", "past"),
    [
        ("Émeutes de 2005 : le bilan après quinze jours de crise", True),
        ("Turquie : Erdogan et l'AKP remportent les élections générales de 2018", True),
        ("Il y a dix ans, la terre tremblait à Izmit", True),
        # A year the headline compares with, or a count, is not the story's year.
        ("Turquie-Syrie : plus de 2000 morts, la « pire catastrophe depuis 1939 »", False),
        ("Séisme au Maroc : 2 946 morts", False),
    ],
)
def test_a_headline_about_a_past_year_makes_its_figures_history(
    model: None, title: str, past: bool
) -> None:
    from datetime import UTC, datetime

    from monitor.claims.extractor import find_claims

    claims = find_claims(
        "Les violences ont fait 300 blessés et 2 000 interpellations ont eu lieu.",
        title=title,
        published=datetime(2023, 7, 3, tzinfo=UTC),
    )
    body = [c for c in claims if c.sentence_start >= 0]
    assert [c.earlier for c in body] == (["historical"] * 2 if past else [None, None])


def test_a_former_record_is_an_earlier_figure(model: None) -> None:
    from datetime import UTC, datetime

    from monitor.claims.extractor import find_claims

    vote = find_claims(
        "L'abstention a atteint 51,29 %, au-dessus du précédent record de 42,78 %.",
        published=datetime(2017, 6, 12, tzinfo=UTC),
    )
    assert [c.earlier for c in vote] == [None, "earlier"]
    storm = find_claims(
        "Les pluies ont atteint 500 mm, loin devant l'ancien record de 300 mm.",
        published=datetime(2020, 10, 3, tzinfo=UTC),
    )
    assert [c.earlier for c in storm] == [None, "earlier"]


def test_the_total_a_count_is_out_of_is_no_claim(model: None) -> None:
    from monitor.claims.extractor import find_claims

    seats = find_claims("La République en marche obtient entre 355 et 425 sièges sur 577.")
    assert [c.value_text for c in seats] == ["entre 355 et 425"]
    crossings = find_claims("Cela représente 426 traversées interceptées sur 715 tentatives.")
    assert [c.value_text for c in crossings] == ["426"]
    # "Sur 300 morts, 200 ...": the total comes first and is a claim.
    toll = find_claims("Sur 300 morts, 200 étaient des civils.")
    assert [c.value_text for c in toll] == ["300", "200"]


@pytest.mark.parametrize(
    "text",
    [
        "La crue a suivi la rupture des barrages en amont de Derna, ville de 100 000 habitants.",
        "Une grande partie de Derna, qui compte quelque 100 000 habitants, a été submergée.",
        "Les flammes menacent Dadia, un village de montagne d'environ 300 habitants.",
        "Saint-Martin-Vésubie, commune peuplée de 1 400 habitants, est coupée du monde.",
    ],
)
def test_a_population_describes_a_place_and_is_no_claim(text: str) -> None:
    assert [c.value_text for c in find_claims(text)] == []


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Au total, 1 200 habitants ont été évacués de Derna.", "1 200"),
        ("La commune compte 300 habitants sinistrés.", "300"),
        ("Les autorités ont évacué 5 000 habitants de la ville de Derna.", "5 000"),
    ],
)
def test_inhabitants_something_happened_to_are_counted(text: str, written: str) -> None:
    assert [c.value_text for c in find_claims(text)] == [written]


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        (
            "Mardi soir, le bilan s'élevait à 39 106 morts : 35 418 recensés officiellement dans "
            "le sud de la Turquie et 3 688 dénombrés par les autorités en Syrie.",
            "mourir",
        ),
        (
            "Le bilan de la nuit s'élève à 150 blessés : 90 recensés à Marseille et 60 comptés "
            "à Lyon par la préfecture.",
            "blesser",
        ),
    ],
)
def test_parts_that_are_only_counted_are_what_their_whole_is(text: str, verb: str) -> None:
    whole, first, second = find_claims(text)
    assert first.parent_span == second.parent_span == whole.span
    assert [whole.predicate, first.predicate, second.predicate] == [verb, verb, verb]


@pytest.mark.parametrize(
    "text",
    [
        "Le bilan avoisine les 15 000 blessés côté turc et dépasse 3 500 côté syrien.",
        "Santé publique France en comptait 932 début juin.",
        "Les autorités ont recensé 300 interpellations au total, et 120 en moyenne par nuit.",
    ],
)
def test_an_adverbial_phrase_after_a_figure_is_not_what_it_counts(text: str) -> None:
    nouns = [claim.noun for claim in find_claims(text)]
    assert not {"côté", "début", "total", "moyenne"} & set(nouns)


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        (
            "La CGT a revendiqué « plus de 900 000 » participants dans toute la France.",
            "participant",
        ),
        ("Le maire de Derna a avancé « au moins 18 000 » victimes dans sa ville.", "victime"),
    ],
)
def test_a_figure_quoted_on_its_own_still_counts_the_noun_after_the_quotes(
    text: str, noun: str
) -> None:
    assert [claim.noun for claim in find_claims(text)] == [noun]


@pytest.mark.parametrize(
    "text",
    [
        "Seules deux raffineries TotalEnergies, Feyzin (Rhône) et Gonfreville "
        "(Seine-Maritime), restaient en grève jeudi, selon la CGT et le groupe.",
        "Une quarantaine de véhicules de combat d'infanterie Marder ont aussi été remis à "
        "l'Ukraine, a indiqué une source sécuritaire.",
    ],
)
def test_a_name_is_never_what_happened(text: str) -> None:
    predicates = [claim.predicate for claim in find_claims(text)]
    assert not {"totalenergier", "marder"} & set(predicates)


@pytest.mark.parametrize(
    "text",
    [
        "Ils étaient 782 000 à défiler lundi dans tout le pays, selon le ministère de l'Intérieur.",
        "Selon le Home Office, ils étaient 28 500 à traverser la Manche en small boat en 2021.",
        "Elles étaient plus de 3 000 à manifester à Paris samedi.",
    ],
)
def test_the_attribute_of_ils_or_elles_counts_people(text: str) -> None:
    assert [claim.noun for claim in find_claims(text)] == ["personne"]


@pytest.mark.parametrize(
    "text",
    [
        "Le parti présidentiel dispose de 308 sièges, au-delà de la majorité absolue de 289.",
        "Ensemble serait crédité de 260 sièges, loin de la majorité absolue fixée à 289 sièges.",
        "Au Bundestag, la coalition compte 416 députés ; la majorité absolue est fixée à 368.",
    ],
)
def test_a_majority_the_law_sets_is_no_claim(text: str) -> None:
    assert len(find_claims(text)) == 1


@pytest.mark.parametrize(
    ("sentence", "nouns"),
    [
        (
            "En Alberta, 93 feux de forêt sont actifs dimanche, contre 76 jeudi.",
            {"93": "feu", "76": "feu"},
        ),
        (
            "La police a compté 1,28 million de manifestants mardi, contre 1,12 million jeudi "
            "dernier.",
            {"1,28 million": "manifestant", "1,12 million": "manifestant"},
        ),
        (
            "Les secours ont recensé 120 victimes, contre 80 hier soir.",
            {"120": "victime", "80": "victime"},
        ),
    ],
)
def test_a_day_after_a_figure_is_not_what_it_counts(
    extract: Extract, sentence: str, nouns: dict[str, str]
) -> None:
    found = {claim.value_text: claim.noun for claim in extract(sentence)}
    assert {text: found.get(text, "missing") for text in nouns} == nouns


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Nouns whose singular ends in -s are not cut ("six pays", "trois corps").
        ("Six pays ont envoyé des renforts en Grèce.", {"Six": ("pays", "envoyer")}),
        ("Trois corps ont été retrouvés sur la plage de Derna.", {"Trois": ("corps", "retrouver")}),
        # An adjective of the counted noun is not what happened to it.
        (
            "Trente et un pompiers slovaques, venus avec leurs camions, luttent contre les "
            "flammes à Rhodes.",
            {"Trente et un": ("pompier", "venir")},
        ),
        (
            "Selon Kiev, 3 000 soldats nord-coréens supplémentaires ont été déployés dans la "
            "région de Koursk.",
            {"3 000": ("soldat", "déployer")},
        ),
    ],
)
def test_the_counted_noun_and_what_happened_to_it(
    extract: Extract, sentence: str, expected: dict[str, tuple[str, str]]
) -> None:
    found = {claim.value_text: (claim.noun, claim.predicate) for claim in extract(sentence)}
    assert {text: found.get(text) for text in expected} == expected
