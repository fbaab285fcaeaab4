"""Numbers as French newspapers write them (no parser needed)."""

from __future__ import annotations

import pytest

from monitor.claims.numbers import find_figures, parse_digits, parse_words
from monitor.claims.qualifiers import find_quantities
from monitor.models import Unit


def figures(text: str) -> list[tuple[str, float | None, float | None, float | None]]:
    return [(text[f.start : f.end], f.value, f.low, f.high) for f in find_figures(text)]


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("2 700", 2700),
        ("2\u00a0700", 2700),
        ("2\u202f700", 2700),
        ("4.700", 4700),
        ("1'200", 1200),
        ("1’200", 1200),
        ("8000", 8000),
        ("1 500 000", 1_500_000),
        ("1,5", 1.5),
        ("11,000", 11000),
    ],
)
def test_digits_with_any_thousands_separator(written: str, value: float) -> None:
    assert parse_digits(written) == value


@pytest.mark.parametrize(
    ("sentence", "written", "value"),
    [
        ("Kiev a reçu 1,5 million d’obus.", "1,5 million", 1_500_000),
        ("Il faudrait 3 millions d’obus.", "3 millions", 3_000_000),
        ("L’UE livrera trois millions d’obus.", "trois millions", 3_000_000),
        ("Onze mille personnes ont fui.", "Onze mille", 11_000),
        ("quelque dix mille soldats", "dix mille", 10_000),
        ("deux cents pompiers", "deux cents", 200),
        ("quatre-vingt-dix militaires", "quatre-vingt-dix", 90),
        ("vingt et un morts", "vingt et un", 21),
        ("Trois mille militaires seraient présents.", "Trois mille", 3000),
    ],
)
def test_scale_words_and_numbers_in_words(sentence: str, written: str, value: float) -> None:
    assert figures(sentence) == [(written, value, value, value)]


def test_words_are_read_with_text2num() -> None:
    assert parse_words("deux mille cinq cents") == 2500
    assert parse_words("soixante et onze") == 71
    assert parse_words("pas un nombre") is None


@pytest.mark.parametrize(
    "sentence", ["Un homme a été vu près du port.", "une centrale", "l’un des deux"]
)
def test_an_article_is_not_a_count(sentence: str) -> None:
    assert figures(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "written"),
    [
        # In a toll, "un"/"une" counts one casualty.
        ("Une personne est morte dans le naufrage.", "Une"),
        ("Un soldat a été grièvement blessé à Bakhmout.", "Un"),
        ("Le séisme a fait un mort à Agadir.", "un"),
        ("66 naufragés, dont une personne décédée.", "une"),
    ],
)
def test_one_casualty_is_a_count(sentence: str, written: str) -> None:
    assert (written, 1, 1, 1) in figures(sentence)


@pytest.mark.parametrize(
    ("sentence", "written", "low", "high"),
    [
        ("des dizaines de missiles", "des dizaines", 20, 99),
        ("Des centaines de civils", "Des centaines", 200, 999),
        ("plusieurs milliers de soldats", "plusieurs milliers", 2000, 9999),
        ("des milliers de soldats", "des milliers", 2000, 9999),
        ("quelques centaines de manifestants", "quelques centaines", 200, 999),
        ("des dizaines de milliers de morts", "des dizaines de milliers", 20_000, 99_999),
        ("des centaines de milliers de réfugiés", "des centaines de milliers", 200_000, 999_999),
        ("des millions de déplacés", "des millions", 2_000_000, 999_999_999),
    ],
)
def test_vague_amounts_are_intervals_without_value(
    sentence: str, written: str, low: float, high: float
) -> None:
    (figure,) = find_figures(sentence)
    assert (sentence[figure.start : figure.end], figure.value, figure.low, figure.high) == (
        written,
        None,
        low,
        high,
    )
    assert figure.vague


@pytest.mark.parametrize(
    ("sentence", "written", "value"),
    [
        ("une dizaine de drones", "une dizaine", 10),
        ("un millier de soldats", "un millier", 1000),
        ("une centaine de blessés", "une centaine", 100),
        ("une vingtaine de chars", "une vingtaine", 20),
        ("une dizaine de milliers de soldats", "une dizaine de milliers", 10_000),
        # Each round word alone in its sentence, with no other number to read.
        ("Une trentaine de feux brûlaient.", "Une trentaine", 30),
        ("Une quarantaine de maisons ont brûlé.", "Une quarantaine", 40),
        ("Une quinzaine de soldats ont déserté.", "Une quinzaine", 15),
        ("Une douzaine de blindés sont arrivés.", "Une douzaine", 12),
        ("Une soixantaine de disparus.", "Une soixantaine", 60),
        ("Une cinquantaine de cas.", "Une cinquantaine", 50),
    ],
)
def test_round_amounts_are_approximate(sentence: str, written: str, value: float) -> None:
    (figure,) = find_figures(sentence)
    assert sentence[figure.start : figure.end] == written
    assert figure.value == value
    assert figure.round


@pytest.mark.parametrize(
    "sentence",
    [
        "La Corée du Nord intensifiera ses programmes d’ici 2025.",
        "depuis fin 2024",
        "une offensive avait eu lieu à l’été 2024",
        "En 2025, la situation a changé.",
        "Ce 24 octobre, les députés ont voté.",
        "Une image diffusée mardi 1er juillet.",
        "Le 29 juin dernier, Kim Jong-un saluait les soldats.",
        "dès le 1er novembre",
        "le 24/10/2024",
        "des systèmes d’artillerie automotrice de 170 mm",
        "des lance-roquettes de 240 mm à longue portée",
        "des missiles KN-23",
        "des unités M-1989 et des lance-roquettes M-1991",
        "une réunion du G7 en Italie",
        "des Su-25 et des F-16",
        "un A400M",
        "au nord du 38e parallèle",
        "le 1er régiment",
        "la deuxième plus grande armée",
        "Ce traité prévoit en son article 4 une aide militaire.",
        "un homme âgé de 25 ans",
        "âgés de 18 à 25 ans",
        "Il a 45 ans.",
        "à 14h30",
        "à 14 h 30",
        "à 9 heures",
        "pendant trois jours",
        "depuis 1 000 jours de guerre",
        "six mois de combats",
        "trois fois plus",
        "Les deux pays sont liés par un traité.",
        "entre deux des régimes les plus fermés",
        "une note [3]",
        "la section « 37 »",
        "appelez le 01 23 45 67 89",
        "un score de 3-1",
        "un match nul 1-1",
        "un but à la (65') minute",
        "dans les vingt premières minutes",
    ],
)
def test_numbers_that_are_not_counts(sentence: str) -> None:
    assert figures(sentence) == []


def test_a_year_like_number_before_a_plural_noun_is_a_count() -> None:
    assert figures("Pyongyang a envoyé 2000 soldats.") == [("2000", 2000, 2000, 2000)]


@pytest.mark.parametrize(
    "sentence",
    [
        "L'échange porte à 1319 le nombre de soldats ukrainiens libérés.",
        "Ces arrivées portent à 1750 le total des migrants débarqués à Lampedusa.",
    ],
)
def test_a_number_that_brings_a_count_to_it_is_no_year(sentence: str) -> None:
    (found,) = figures(sentence)
    assert found[1] in (1319, 1750)


@pytest.mark.parametrize(
    ("sentence", "written", "value", "currency"),
    [
        ("une aide de 1,2 milliard d’euros", "1,2 milliard d’euros", 1.2e9, "EUR"),
        ("500 millions de dollars", "500 millions de dollars", 5e8, "USD"),
        ("un contrat de 300 M€", "300 M€", 300e6, "EUR"),
        ("une enveloppe de 500 k€", "500 k€", 500_000, "EUR"),
        ("un déficit de 3 Md€", "3 Md€", 3e9, "EUR"),
        ("une perte de 2 Mds$", "2 Mds$", 2e9, "USD"),
        ("un salaire de 20 000 francs CFA", "20 000 francs CFA", 20_000, "XOF"),
        ("une prime de 1500 €", "1500 €", 1500, "EUR"),
        ("un billet à 2000 $", "2000 $", 2000, "USD"),
        ("une hausse de 18 centimes", "18 centimes", 0.18, "EUR"),
        ("une rançon de $500", "$500", 500, "USD"),
        ("un budget de 40 000 €", "40 000 €", 40_000, "EUR"),
        ("un prêt de 2 milliards de wons", "2 milliards de wons", 2e9, "KRW"),
    ],
)
def test_money_keeps_its_unit_and_currency(
    sentence: str, written: str, value: float, currency: str
) -> None:
    (figure,) = find_figures(sentence)
    assert sentence[figure.start : figure.end] == written
    assert (figure.value, figure.unit, figure.currency) == (value, Unit.MONEY, currency)


@pytest.mark.parametrize(
    ("sentence", "written", "value"),
    [
        ("une hausse de 7 %", "7 %", 7),
        ("3,8\u00a0% des votants", "3,8\u00a0%", 3.8),
        ("vingt pour cent des soldats", "vingt pour cent", 20),
    ],
)
def test_percentages_keep_their_unit(sentence: str, written: str, value: float) -> None:
    (figure,) = find_figures(sentence)
    assert (sentence[figure.start : figure.end], figure.value, figure.unit) == (
        written,
        value,
        Unit.PERCENT,
    )


def quantities(text: str) -> list[tuple[str, str, float | None, float | None, str]]:
    return [
        (text[q.start : q.end], str(q.qualifier), q.low, q.high, str(q.unit))
        for q in find_quantities(text)
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Decimals below one (inflation, unemployment, temperature).
        ("Le PIB a reculé de 0,5 % au troisième trimestre.", ("0,5 %", 0.5, "percent")),
        ("Le chômage a baissé de 0,7 point sur un an.", ("0,7 point", 0.7, "point")),
        ("La mer s’est réchauffée de 0,3 degré.", ("0,3 degré", 0.3, "temperature")),
        # Halves and dozens (a census, a demonstration, a fire, a hospital).
        (
            "La région compte 3 millions et demi d’habitants.",
            ("3 millions et demi", 3.5e6, "count"),
        ),
        ("Un demi-million de personnes ont défilé à Paris.", ("Un demi-million", 5e5, "count")),
        ("Un million et demi de visiteurs sont attendus.", ("Un million et demi", 1.5e6, "count")),
        (
            "Deux milliards et demi d’euros ont été votés.",
            ("Deux milliards et demi d’euros", 2.5e9, "money"),
        ),
        # Signs.
        ("Les ventes ont reculé de -0,8 % en mars.", ("-0,8 %", -0.8, "percent")),
        ("Le taux a perdu −1,2 point en un an.", ("−1,2 point", -1.2, "point")),
        ("Il a fait moins 5 degrés à Strasbourg.", ("moins 5 degrés", -5, "temperature")),
        ("Les prix ont bondi de +3,5 % sur un an.", ("+3,5 %", 3.5, "percent")),
        # k and M suffixes.
        ("La chaîne a dépassé les 10k abonnés.", ("dépassé les 10k", 10_000, "count")),
        ("Le club a versé 1,2 M€ pour le transfert.", ("1,2 M€", 1.2e6, "money")),
    ],
)
def test_families_of_written_numbers(sentence: str, expected: tuple[str, float, str]) -> None:
    written, value, unit = expected
    (found,) = [q for q in quantities(sentence) if q[0] == written]
    assert found[4] == unit
    assert value in (found[2], found[3])


@pytest.mark.parametrize(
    ("sentence", "written", "low", "high", "unit"),
    [
        # Measures are amounts with a unit, stored in a base unit (kg, l, m², m, W, Wh).
        ("Le PAM a livré 10 000 tonnes de blé.", "10 000 tonnes", 1e7, 1e7, "mass"),
        ("Les douaniers ont saisi 800 kilos de cocaïne.", "800 kilos", 800, 800, "mass"),
        ("Le feu a parcouru 1800 hectares.", "1800 hectares", 1.8e7, 1.8e7, "area"),
        ("3 millions de litres d’eau ont été pompés.", "3 millions de litres", 3e6, 3e6, "volume"),
        ("Le parc éolien produira 500 MW.", "500 MW", 5e8, 5e8, "power"),
        ("La France a consommé 460 TWh.", "460 TWh", 4.6e14, 4.6e14, "energy"),
        ("Des rafales à 207 km/h ont été relevées.", "207 km/h", 207, 207, "speed"),
        ("Il est tombé 120 mm de pluie en une nuit.", "120 mm", 0.12, 0.12, "length"),
        ("une file de 12 kilomètres sur l’A7", "12 kilomètres", 12_000, 12_000, "length"),
        # A range takes the unit and scale of its second figure.
        ("Le gazole a pris de 15 à 18 centimes.", "de 15 à 18 centimes", 0.15, 0.18, "money"),
        ("une portée de 100 à 200 km", "de 100 à 200 km", 1e5, 2e5, "length"),
        # Four-digit amounts next to a unit, a currency or a plural noun are no years.
        ("Entre 1000 et 1500 morts selon l’ONU.", "Entre 1000 et 1500", 1000, 1500, "count"),
        ("De 1200 à 1800 migrants sont arrivés.", "De 1200 à 1800", 1200, 1800, "count"),
        ("une facture de 1200 à 1800 euros", "de 1200 à 1800 euros", 1200, 1800, "money"),
    ],
)
def test_measures_ranges_and_year_like_amounts(
    sentence: str, written: str, low: float, high: float, unit: str
) -> None:
    (found,) = [q for q in quantities(sentence) if q[0] == written]
    assert found[2] == pytest.approx(low)
    assert found[3] == pytest.approx(high)
    assert found[4] == unit


@pytest.mark.parametrize(
    ("sentence", "written", "qualifier", "low", "high"),
    [
        ("Le bilan a dépassé les 150 morts.", "dépassé les 150", "more_than", 150, None),
        (
            "Le bilan a franchi la barre des 200 morts.",
            "franchi la barre des 200",
            "more_than",
            200,
            None,
        ),
        (
            "Les ventes passent sous la barre des 10 000 unités.",
            "sous la barre des 10 000",
            "less_than",
            None,
            10_000,
        ),
        (
            "Plus d’une centaine de blessés ont été soignés.",
            "Plus d’une centaine",
            "more_than",
            100,
            None,
        ),
        ("un loyer supérieur à 800 €", "supérieur à 800 €", "more_than", 800, None),
        ("un taux supérieur ou égal à 10 %", "supérieur ou égal à 10 %", "at_least", 10, None),
        (
            "une inflation inférieure ou égale à 2 %",
            "inférieure ou égale à 2 %",
            "at_most",
            None,
            2,
        ),
        ("une température en dessous de 5 degrés", "en dessous de 5 degrés", "less_than", None, 5),
        ("les familles de 3 enfants ou plus", "3", "at_least", 3, None),
        ("les communes de 500 habitants ou moins", "500", "at_most", None, 500),
        ("Plus de 20 mais moins de 30 blessés.", "Plus de 20 mais moins de 30", "range", 20, 30),
        # Round words have the width a reader gives them.
        ("une vingtaine de morts", "une vingtaine", "approx", 15, 25),
        ("une cinquantaine de gendarmes", "une cinquantaine", "approx", 45, 55),
        ("une centaine de blessés", "une centaine", "approx", 80, 120),
        ("une demi-douzaine de blessés", "une demi-douzaine", "approx", 4.5, 7.5),
        ("deux douzaines de maisons", "deux douzaines", "approx", 18, 30),
    ],
)
def test_bounds_in_words(
    sentence: str, written: str, qualifier: str, low: float | None, high: float | None
) -> None:
    (found,) = [q for q in quantities(sentence) if q[0] == written]
    assert found[1:4] == (qualifier, low, high)


@pytest.mark.parametrize(
    "sentence",
    [
        "des obusiers de 155 mm",
        "des systèmes d’artillerie automotrice de 170 mm",
        "La loi de 1905 reste en vigueur depuis 1999.",
        "entre 2015 et 2020, les prix ont doublé",
        "un jeune âgé de 17 ans",
    ],
)
def test_calibres_and_years_stay_out(sentence: str) -> None:
    assert quantities(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "written", "qualifier", "low", "high", "unit"),
    [
        # A bare number takes the scale and unit of the figure after it.
        (
            "Le Real avait offert 160 puis 180 millions d’euros.",
            "160",
            "exact",
            160e6,
            160e6,
            "money",
        ),
        ("La remise passera de 30 à 10 centimes par litre.", "30", "exact", 0.30, 0.30, "money"),
        (
            "entre 600 et 800 000 manifestants selon la police",
            "entre 600 et 800 000",
            "range",
            600e3,
            800e3,
            "count",
        ),
        ("de 60 à 90 000 sinistrés", "de 60 à 90 000", "range", 60e3, 90e3, "count"),
        # "passer de A à B" gives two figures; "grimper de A à B" a range of the change.
        ("La facture passera de 1 640 à 1 800 euros.", "1 640", "exact", 1640, 1640, "money"),
        ("Le bilan est passé de 300 à 600 morts.", "600", "exact", 600, 600, "count"),
        ("Les prix ont grimpé de 15 à 16 % sur un an.", "de 15 à 16 %", "range", 15, 16, "percent"),
        # A bare "millions" in a sentence about money is money.
        (
            "Le budget prévoit 106,7 millions d’euros de fonctionnement et 23,2 millions pour l’investissement.",
            "23,2 millions",
            "exact",
            23.2e6,
            23.2e6,
            "money",
        ),
        (
            "Un guichet de vingt millions sera ouvert aux agriculteurs.",
            "vingt millions",
            "exact",
            20e6,
            20e6,
            "money",
        ),
        (
            "Le déficit atteindrait entre 12,5 et 20 milliards en 2032.",
            "entre 12,5 et 20 milliards",
            "range",
            12.5e9,
            20e9,
            "money",
        ),
        (
            "La ville compte 3 millions d’habitants et 2 millions de logements.",
            "3 millions",
            "exact",
            3e6,
            3e6,
            "count",
        ),
        # Bounds given by a negated or capping verb.
        (
            "Le déficit ne dépassera pas 4,4 % du PIB.",
            "ne dépassera pas 4,4 %",
            "at_most",
            None,
            4.4,
            "percent",
        ),
        (
            "une hausse des loyers plafonnée à 3,5 %",
            "plafonnée à 3,5 %",
            "at_most",
            None,
            3.5,
            "percent",
        ),
        ("les communes de 3 500 habitants et plus", "3 500", "at_least", 3500, None, "count"),
        ("Le pays a produit 34,1 Mt de blé.", "34,1 Mt", "exact", 34.1e9, 34.1e9, "mass"),
        ("La une titre sur 1,28M de manifestants.", "1,28M", "exact", 1.28e6, 1.28e6, "count"),
        ("Les taux ont baissé d’un demi-point.", "un demi-point", "exact", 0.5, 0.5, "point"),
        ("Le gazole a pris un centime.", "un centime", "exact", 0.01, 0.01, "money"),
        ("Le millier de pompiers engagés est épuisé.", "Le millier", "approx", 800, 1200, "count"),
        (
            "Le cumul de pluie affiche moins 35 % par rapport à la normale.",
            "moins 35 %",
            "exact",
            -35,
            -35,
            "percent",
        ),
        ("soit 0,1 point de PIB", "0,1 point de PIB", "exact", 0.1, 0.1, "point"),
    ],
)
def test_figures_read_with_their_neighbours(
    sentence: str, written: str, qualifier: str, low: float | None, high: float | None, unit: str
) -> None:
    (found,) = [q for q in quantities(sentence) if q[0] == written]
    assert found[1] == qualifier
    assert found[2] == (None if low is None else pytest.approx(low))
    assert found[3] == (None if high is None else pytest.approx(high))
    assert found[4] == unit


@pytest.mark.parametrize(
    "sentence",
    [
        "en Maine-et-Loire (49) et dans la Vienne (86)",
        "le sous-variant BA.5 domine",
        "dans la nuit du 7 au 8 avril 2021",
        "le retrait de points de deal",
    ],
)
def test_codes_variants_and_date_ranges_are_no_amounts(sentence: str) -> None:
    assert quantities(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "written", "value"),
    [
        ("un fonds de 5,374 milliards de dirhams", "5,374 milliards de dirhams", 5.374e9),
        ("un déficit de 1,125 million d’euros", "1,125 million d’euros", 1.125e6),
        ("l’armée aligne 11,000 soldats", "11,000", 11_000),
    ],
)
def test_a_comma_before_a_scale_is_a_decimal_comma(
    sentence: str, written: str, value: float
) -> None:
    (found,) = [q for q in find_quantities(sentence) if sentence[q.start : q.end] == written]
    assert found.low == pytest.approx(value)


def test_a_place_name_before_a_count_is_no_model_name() -> None:
    from monitor.claims.numbers import find_figures

    counted = [f.value for f in find_figures("La Pologne livre 14 chars, et au Canada 8 chars.")]
    assert counted == [14, 8]
    crowd = [f.value for f in find_figures("Ils étaient 3 000 à Lyon, et en Bretagne 9 cortèges.")]
    assert crowd == [3000, 9]
    # Models and series stay names.
    assert [f.value for f in find_figures("L'armée reçoit des chars Leopard 2 neufs.")] == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # In a list of counts, "et un"/"et une" before what is counted is one.
        ("L’UE envoie cinq avions bombardiers d’eau et un hélicoptère.", [5, 1]),
        ("Le séisme a fait 3 morts et un blessé grave à Agadir.", [3, 1]),
        # Not after money or a percentage, nor in "un peu", "un tiers"...
        ("Cent millions d’euros iront aux agences, et un guichet sera ouvert.", [100e6]),
        ("Une saison compte 5 340 feux et un peu moins de trois millions d’hectares.",
         [5340, 3e10]),  # hectares in square metres, the base unit of areas
        ("Le taux atteint 5 % et une hausse est attendue.", [5]),
    ],
)  # fmt: skip
def test_et_un_in_a_list_of_counts_is_one(sentence: str, expected: list[float]) -> None:
    from monitor.claims.numbers import find_figures

    assert [f.value for f in find_figures(sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "share", "qualifier"),
    [
        ("Plus d’une station-service sur dix est touchée par une rupture.", 10, "more_than"),
        ("Dont huit cas sur dix en Europe, selon l’OMS.", 80, "exact"),
        ("Un électeur sur trois s’est abstenu au premier tour.", 33.3, "exact"),
    ],
)
def test_n_sur_m_is_a_share(sentence: str, share: float, qualifier: str) -> None:
    from monitor.claims.qualifiers import find_quantities

    [found] = find_quantities(sentence)
    assert (str(found.unit), found.value, str(found.qualifier)) == ("percent", share, qualifier)


def test_a_count_out_of_its_total_is_no_share() -> None:
    from monitor.claims.qualifiers import find_quantities

    found = find_quantities("L’alliance obtient la majorité avec 350 sièges sur 577.")
    assert [(q.value, str(q.unit)) for q in found] == [(350, "count"), (577, "count")]


def test_a_distance_over_a_distance_is_no_share() -> None:
    from monitor.claims.qualifiers import find_quantities

    assert [str(q.unit) for q in find_quantities("Il a parcouru 3 km sur 10 km.")] == [
        "length",
        "length",
    ]


def test_a_small_number_after_a_determiner_still_counts_unless_it_means_both() -> None:
    from monitor.claims.numbers import find_figures

    assert [f.value for f in find_figures("L’Espagne enverra les six chars Leopard promis.")] == [6]
    assert [f.value for f in find_figures("Ses trois enfants ont été évacués.")] == [3]
    assert find_figures("Les deux pays ont signé l’accord.") == []
    assert [f.value for f in find_figures("Ses deux pilotes ont été tués.")] == [2]
    assert find_figures("L’un des trois hommes a été arrêté.") == []


@pytest.mark.parametrize(
    ("sentence", "share", "qualifier"),
    [
        ("Au niveau national, un tiers des stations-service manquent d’un carburant.", 33.3,
         "exact"),
        ("Alors que les trois quarts des votes avaient été comptabilisés dimanche soir.", 75,
         "exact"),
        ("Près de la moitié dans les Hauts-de-France, selon l’AFP.", 50, "approx"),
    ],
)  # fmt: skip
def test_a_fraction_in_words_is_a_share(sentence: str, share: float, qualifier: str) -> None:
    from monitor.claims.qualifiers import find_quantities

    [found] = find_quantities(sentence)
    assert (str(found.unit), found.value, str(found.qualifier)) == ("percent", share, qualifier)


def test_a_quarter_of_an_hour_and_a_year_like_count() -> None:
    from monitor.claims.numbers import find_figures

    assert find_figures("Un quart d’heure plus tard, les secours sont arrivés.") == []
    # A four-digit count after a measuring verb or "soit", or before "cas", is no year.
    assert [f.value for f in find_figures("En Syrie, le nombre de morts atteint 1509.")] == [1509]
    assert [f.value for f in find_figures("Santé publique France a recensé 1453 cas.")] == [1453]
    assert find_figures("En 2019 les manifestants étaient nombreux.") == []


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Le bilan dépasse 2 000 morts, dont 1404 dans un état très grave.", 1404),
        ("Le séisme a fait au moins 1509 morts en Syrie, au moins 1509 en Syrie.", 1509),
        ("La police a compté plus de 1500 dans les rues de Lyon.", 1500),
        ("Les secours ont évacué près de 1200 dans la vallée de la Roya.", 1200),
    ],
)
def test_a_bound_or_a_part_is_never_said_of_a_year(sentence: str, value: int) -> None:
    assert value in [figure.value for figure in find_figures(sentence)]


@pytest.mark.parametrize(
    "sentence", ["Depuis 1999 dans la région, rien.", "En 2019 dans la capitale, rien."]
)
def test_a_year_after_depuis_or_en_stays_a_year(sentence: str) -> None:
    assert find_figures(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "written", "value"),
    [
        ("Une petite centaine de soldats ukrainiens sont formés.", "Une petite centaine", 100),
        ("Une bonne dizaine de blessés ont été évacués.", "Une bonne dizaine", 10),
        ("Un bon millier de manifestants ont défilé.", "Un bon millier", 1000),
    ],
)
def test_a_round_word_with_its_adjective(sentence: str, written: str, value: float) -> None:
    (figure,) = find_figures(sentence)
    assert (sentence[figure.start : figure.end], figure.value, figure.round) == (
        written,
        value,
        True,
    )


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        ("La préfecture a ordonné l'évacuation de milliers de vacanciers.", 2000, 9999),
        ("Le virus a conduit à l'abattage de dizaines de milliers de canards.", 20_000, 99_999),
        ("Le naufrage a causé la mort de centaines de migrants.", 200, 999),
    ],
)
def test_a_vague_amount_after_de_is_read(sentence: str, low: float, high: float) -> None:
    (figure,) = find_figures(sentence)
    assert (figure.low, figure.high, figure.vague) == (low, high, True)


def test_de_before_a_vague_word_needs_what_it_counts() -> None:
    assert find_figures("Le chiffre de milliers circule.") == []


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # A quotation mark inside the amount: the press quotes a source's words.
        (
            "Une « quarantaine de véhicules brûlés » selon la préfecture.",
            [("Une « quarantaine", 40)],
        ),
        (
            "Des « centaines » de migrants étaient à bord, selon Alarm Phone.",
            [("Des « centaines", None)],
        ),
        # "un seul" is one.
        ("Sur les 66 cas, un seul a été hospitalisé.", [("66", 66), ("un", 1)]),
        ("Il ne reste qu'un seul survivant parmi les passagers.", [("un", 1)]),
    ],
)
def test_quoted_amounts_and_a_single_one(
    sentence: str, found: list[tuple[str, float | None]]
) -> None:
    assert [(text, value) for text, value, *_ in figures(sentence)] == found
