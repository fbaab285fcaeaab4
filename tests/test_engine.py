"""Engine semantics on intervals: agreement, new quantity, new figure, contradiction."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from monitor.alerts import summarise
from monitor.models import AlertKind, Qualifier
from monitor.rules.engine import (
    Figure,
    dedup_key,
    format_figure,
    judge,
    judge_article,
)
from monitor.rules.schema import Alerting

ALERTING = Alerting(contradiction_window_days=30)


def figure(
    low,
    high,
    qualifier=Qualifier.EXACT,
    *,
    value=None,
    source="NIS",
    on=None,
    denial=False,
    ref=None,
):
    if value is None and low == high:
        value = low
    return Figure(low, high, qualifier, value, source, on, denial, ref)


def test_intervals_agree_when_they_intersect_open_sides_reach_infinity() -> None:
    at_least_11000 = figure(11000, None, Qualifier.AT_LEAST)
    assert at_least_11000.agrees_with(figure(11000, 12000, Qualifier.RANGE))
    assert at_least_11000.agrees_with(figure(None, 11500, Qualifier.AT_MOST))
    assert not at_least_11000.agrees_with(figure(None, 30000, Qualifier.AT_MOST))
    assert not at_least_11000.agrees_with(figure(3000, 3000))
    assert figure(2430, 2970, Qualifier.APPROX, value=2700).agrees_with(figure(2700, 2700))
    assert not figure(300, 300).agrees_with(figure(600, 600))


def test_first_figure_is_a_new_quantity() -> None:
    verdict = judge(figure(300, 300), [], cumulative=True, alerting=ALERTING)
    assert (
        verdict is not None and verdict.kind is AlertKind.NEW_QUANTITY and verdict.previous is None
    )


def test_agreeing_figure_raises_nothing() -> None:
    known = [figure(9000, 11000, Qualifier.APPROX, value=10000, ref="known:1")]
    assert judge(figure(10500, 10500), known, cumulative=False, alerting=ALERTING) is None


def test_new_figure_goes_up_against_the_latest_reference() -> None:
    older = figure(100, 100, on=date(2024, 11, 1), ref="claim:1")
    latest = figure(300, 300, on=date(2025, 2, 5), ref="claim:2")
    new = figure(600, 600, source="CNN", on=date(2025, 7, 2))
    verdict = judge(new, [latest, older], cumulative=True, alerting=ALERTING)
    assert verdict is not None
    assert (verdict.kind, verdict.previous, verdict.direction) == (
        AlertKind.NEW_FIGURE,
        latest,
        "up",
    )
    assert (verdict.delta, verdict.percent) == (300, 100.0)
    assert (
        summarise("tués", new, verdict)
        == "Nouveau chiffre : tués 300 → 600 (CNN), +300 (+100\u202f%)"
    )


def test_cumulative_figure_going_down_is_a_contradiction() -> None:
    before = figure(600, 600, source="CNN", on=date(2025, 7, 2), ref="claim:1")
    after = figure(300, 300, source="CNN", on=date(2025, 9, 1))
    verdict = judge(after, [before], cumulative=True, alerting=ALERTING)
    assert verdict is not None
    assert (verdict.kind, verdict.reason, verdict.direction) == (
        AlertKind.CONTRADICTION,
        "decrease",
        "down",
    )
    # The same drop on a level quantity (troops present now) is only a new figure.
    level = judge(after, [before], cumulative=False, alerting=ALERTING)
    assert level is not None and level.kind is AlertKind.NEW_FIGURE and level.direction == "down"


def test_different_sources_disagreeing_inside_the_window_contradict() -> None:
    nis = figure(3000, 3000, source="NIS", on=date(2024, 10, 24), ref="claim:1")
    hur = figure(11000, None, Qualifier.AT_LEAST, source="HUR", on=date(2024, 11, 10))
    verdict = judge(hur, [nis], cumulative=False, alerting=ALERTING)
    assert verdict is not None and verdict.kind is AlertKind.CONTRADICTION
    assert verdict.reason == "sources"
    assert summarise("soldats déployés", hur, verdict) == (
        "Contradiction : soldats déployés au moins 11\u202f000 (HUR) contre 3\u202f000 (NIS), "
        "+8\u202f000 (+266,7\u202f%)"
    )
    # Outside the window it is a new figure.
    late = figure(11000, None, Qualifier.AT_LEAST, source="HUR", on=date(2025, 1, 10))
    assert judge(late, [nis], cumulative=False, alerting=ALERTING).kind is AlertKind.NEW_FIGURE


def test_a_denial_in_words_is_a_contradiction_even_for_a_first_figure() -> None:
    claim = figure(None, 8000, Qualifier.AT_MOST, source="HUR", denial=True)
    verdict = judge(claim, [], cumulative=False, alerting=ALERTING)
    assert verdict is not None and verdict.kind is AlertKind.CONTRADICTION
    assert summarise("soldats engagés à Koursk", claim, verdict) == (
        "Contradiction : soldats engagés à Koursk jusqu'à 8\u202f000 (HUR), "
        "en démentant d'autres informations"
    )


def test_disabled_kinds_raise_nothing() -> None:
    only_contradictions = Alerting(kinds=[AlertKind.CONTRADICTION])
    assert judge(figure(1, 1), [], cumulative=True, alerting=only_contradictions) is None


def test_dedup_key_depends_on_topic_quantity_kind_and_interval_only() -> None:
    one = dedup_key("t", "killed", AlertKind.NEW_FIGURE, figure(600, 600, source="CNN"))
    same = dedup_key("t", "killed", AlertKind.NEW_FIGURE, figure(600, 600, source="BFM"))
    other = dedup_key("t", "killed", AlertKind.NEW_FIGURE, figure(600, 700, Qualifier.RANGE))
    assert one == same != other


def test_french_number_and_interval_formats() -> None:
    assert format_figure(figure(11000, 12000, Qualifier.RANGE)) == "11\u202f000 – 12\u202f000"
    assert format_figure(figure(2430, 2970, Qualifier.APPROX, value=2700)) == "environ 2\u202f700"
    assert format_figure(figure(13000, None, Qualifier.MORE_THAN)) == "plus de 13\u202f000"
    assert format_figure(figure(20, 99, Qualifier.VAGUE)) == "20–99"


def test_vague_amounts_open_a_quantity_but_never_move_it() -> None:
    thousands = figure(2000, 9999, Qualifier.VAGUE, ref="claim:1", on=date(2024, 10, 18))
    assert judge(thousands, [], cumulative=False, alerting=ALERTING).kind is AlertKind.NEW_QUANTITY
    up_to = figure(None, 12000, Qualifier.AT_MOST, ref="claim:2", on=date(2024, 10, 18))
    assert judge(thousands, [up_to], cumulative=False, alerting=ALERTING) is None
    # A precise figure is compared with precise references only...
    eleven = figure(11000, 11000, on=date(2024, 10, 24))
    assert judge(eleven, [thousands, up_to], cumulative=False, alerting=ALERTING) is None
    ten = figure(10000, 10000, on=date(2024, 10, 24))
    # ...and with the vague one while nothing more precise is known.
    hundreds = figure(200, 999, Qualifier.VAGUE, ref="claim:3", on=date(2024, 10, 1))
    verdict = judge(ten, [hundreds], cumulative=False, alerting=ALERTING)
    assert (
        verdict is not None
        and verdict.kind is AlertKind.NEW_FIGURE
        and verdict.previous == hundreds
    )


def test_open_bounds_are_compared_at_the_figure_they_state() -> None:
    three_thousand = figure(3000, 3000, ref="claim:1", on=date(2024, 10, 24))
    up_to_11000 = figure(None, 11000, Qualifier.AT_MOST, on=date(2024, 11, 20))
    verdict = judge(up_to_11000, [three_thousand], cumulative=False, alerting=ALERTING)
    assert (
        verdict is not None and verdict.kind is AlertKind.NEW_FIGURE and verdict.direction == "up"
    )
    assert up_to_11000.compared() == (9900, 11000)
    assert figure(11000, None, Qualifier.AT_LEAST).compared() == (11000, 12100)
    assert figure(11000, None, Qualifier.AT_LEAST).agrees_with(up_to_11000)


def test_an_article_is_judged_by_groups_of_agreeing_figures() -> None:
    known = [figure(3000, 3000, source="NIS", on=date(2024, 10, 24), ref="claim:1")]
    headline = figure(
        None, 11000, Qualifier.AT_MOST, source=None, on=date(2024, 11, 20), ref="claim:5"
    )
    body = figure(
        11000, None, Qualifier.AT_LEAST, source="NIS", on=date(2024, 11, 20), ref="claim:6"
    )
    thousands = figure(
        2000, 9999, Qualifier.VAGUE, source="NIS", on=date(2024, 11, 20), ref="claim:7"
    )
    groups = judge_article([headline, thousands, body], known, cumulative=False, alerting=ALERTING)
    # The headline and the body state the same figure: one group, quoted from the attributed one.
    assert [(g.best, g.members) for g in groups] == [
        (body, [body, headline]),
        (thousands, [thousands]),
    ]
    assert groups[0].verdict is not None and groups[0].verdict.kind is AlertKind.NEW_FIGURE
    assert groups[0].verdict.previous == known[0]
    assert groups[1].verdict is None and groups[1].agreeing == known


def test_a_group_agreeing_with_what_is_known_raises_nothing_whatever_its_best_figure() -> None:
    up_to = figure(
        None, 12000, Qualifier.AT_MOST, source="NIS", on=date(2024, 10, 18), ref="claim:1"
    )
    about = figure(9000, 11000, Qualifier.APPROX, value=10000, source="NIS", ref="claim:2")
    exact = figure(10000, 10000, source="HUR", ref="claim:3")
    [group] = judge_article([exact, about], [up_to], cumulative=False, alerting=ALERTING)
    assert group.best == exact and group.verdict is None and group.agreeing == [up_to]


def test_two_different_figures_in_one_new_article_are_both_reported() -> None:
    day = date(2024, 10, 18)
    training = figure(1350, 1650, Qualifier.APPROX, value=1500, source="NIS", on=day, ref="claim:1")
    announced = figure(10000, 10000, source="Volodymyr Zelensky", on=day, ref="claim:2")
    groups = judge_article([training, announced], [], cumulative=False, alerting=ALERTING)
    assert [g.verdict.kind for g in groups if g.verdict] == [
        AlertKind.NEW_QUANTITY,
        AlertKind.CONTRADICTION,
    ]


def test_a_source_revising_its_own_figure_is_a_new_figure_never_a_contradiction() -> None:
    first = figure(820, 820, source="Intérieur", on=date(2023, 9, 9), ref="claim:1")
    other = figure(1000, 1000, source="CNN", on=date(2023, 9, 9), ref="claim:2")
    lower = replace(figure(700, 700, source="Intérieur", on=date(2023, 9, 10)), revision=True)
    verdict = judge(lower, [first, other], cumulative=True, alerting=ALERTING)
    assert verdict is not None
    assert (verdict.kind, verdict.reason, verdict.previous) == (
        AlertKind.NEW_FIGURE,
        "revision",
        first,
    )
    assert summarise("morts", lower, verdict).startswith(
        "Nouveau chiffre (révision) : morts 820 → 700 (Intérieur)"
    )
