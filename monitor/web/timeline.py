"""The timeline of one quantity: every claim over publication date, drawn with Vega-Lite.

The chart is described with altair and rendered by vl-convert, which runs Vega in-process
(no browser, no network): the same picture is inlined in the desk's page as SVG, and
written by ``monitor timeline`` as SVG, PNG or a self-contained HTML page. See
docs/web.md for why this library.

Each claim is one point (its shape says exact, "environ", "au moins", "au plus" or a
range); a range or an open bound is also drawn as a bar; known claims are diamonds;
claims that raised an alert are ringed; colour is the source the claim names. In the SVG
every point is focusable and carries the sentence and the outlet as its label and tooltip
(``<title>``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from lxml import etree

from monitor.clock import PARIS
from monitor.figures import COUNT, UnitSpec, format_amount
from monitor.storage.schema import ClaimRow, KnownClaimRow
from monitor.web.queries import TimelineData

SVG = "http://www.w3.org/2000/svg"
SHAPES = {
    "valeur": "circle",
    "environ": "cross",
    "au moins": "triangle-up",
    "au plus": "triangle-down",
    "intervalle": "square",
    "chiffre connu": "diamond",
}
ALERT_LABELS = {"new_quantity": "premier chiffre", "new_figure": "nouveau chiffre",
                "contradiction": "contradiction"}  # fmt: skip
TOP_FACTOR = 1.25  # an open upper bound is drawn this far above its low end


@dataclass(frozen=True)
class Mark:
    """One claim or known claim on the timeline, as the chart and the table show it."""

    key: str  # "claim-12" or "known-3"
    claim_id: int | None
    article_id: int | None
    when: datetime | None
    figure: str
    low: float | None
    high: float | None
    y: float
    shape: str
    outlet: str
    source: str
    sentence: str
    known: bool
    alert: str  # "" or the kind label of the alert the claim raised
    alert_id: int | None

    @property
    def label(self) -> str:
        """What a screen reader says and the tooltip shows."""
        when = self.when.astimezone(PARIS).strftime("%d/%m/%Y") if self.when else "sans date"
        head = (
            "Chiffre connu" if self.key.startswith("known") else f"Affirmation n° {self.claim_id}"
        )
        parts = [f"{head} : {self.figure}", when, self.outlet]
        if self.source and self.source != self.outlet:
            parts.append(f"source {self.source}")
        if self.alert:
            parts.append(f"alerte {self.alert}")
        text = " — ".join(parts)
        return f"{text}. « {self.sentence} »" if self.sentence else text


def _shape(qualifier: str, low: float | None, high: float | None) -> str:
    if qualifier == "approx":
        return "environ"
    if qualifier in ("at_least", "more_than") or (low is not None and high is None):
        return "au moins"
    if qualifier in ("at_most", "less_than") or (high is not None and low is None):
        return "au plus"
    if low is not None and high is not None and low != high:
        return "intervalle"
    return "valeur"


def _y(value: float | None, low: float | None, high: float | None) -> float:
    for number in (value, low, high):
        if number is not None:
            return number
    return 0.0


def build_marks(data: TimelineData, unit: UnitSpec = COUNT) -> list[Mark]:
    alert_of: dict[int, tuple[str, int]] = {}
    for alert in data.alerts:
        if alert.claim_id is not None:
            alert_of.setdefault(
                alert.claim_id, (ALERT_LABELS.get(alert.kind, alert.kind), alert.id)
            )
    marks = [_claim_mark(claim, data, unit, alert_of) for claim in data.claims]
    marks += [_known_mark(known, unit) for known in data.known if known.claim_id is None]
    return sorted(marks, key=lambda m: (m.when or datetime.min.replace(tzinfo=UTC), m.key))


def _claim_mark(
    claim: ClaimRow, data: TimelineData, unit: UnitSpec, alert_of: dict[int, tuple[str, int]]
) -> Mark:
    article = claim.article
    alert, alert_id = alert_of.get(claim.id, ("", None))
    known = claim.id in data.known_claim_ids
    return Mark(
        key=f"claim-{claim.id}",
        claim_id=claim.id,
        article_id=article.id,
        when=article.published or article.first_seen,
        figure=format_amount(claim.low, claim.high, claim.qualifier, claim.value, unit),
        low=claim.low,
        high=claim.high,
        y=_y(claim.value, claim.low, claim.high),
        shape="chiffre connu" if known else _shape(claim.qualifier, claim.low, claim.high),
        outlet=article.outlet or "média inconnu",
        source=claim.source or "",
        sentence=claim.sentence,
        known=known,
        alert=alert,
        alert_id=alert_id,
    )


def _known_mark(known: KnownClaimRow, unit: UnitSpec) -> Mark:
    when = (
        datetime(known.stated_on.year, known.stated_on.month, known.stated_on.day, 12, tzinfo=UTC)
        if known.stated_on
        else None
    )
    origin = f"{known.rule_file}:{known.rule_line}" if known.rule_file else (known.url or "")
    return Mark(
        key=f"known-{known.id}",
        claim_id=None,
        article_id=None,
        when=when,
        figure=format_amount(known.low, known.high, known.qualifier, known.value, unit),
        low=known.low,
        high=known.high,
        y=_y(known.value, known.low, known.high),
        shape="chiffre connu",
        outlet=known.source or "chiffre connu",
        source=known.source or "",
        sentence=known.note or origin,
        known=True,
        alert="",
        alert_id=None,
    )


def chart_spec(
    marks: Sequence[Mark], title: str, width: int = 720, height: int = 320
) -> dict[str, Any]:
    """The Vega-Lite specification (a plain dict) of the timeline."""
    import altair as alt

    rows = []
    for mark in marks:
        if mark.when is None:
            continue
        low, high = mark.low, mark.high
        bar_low = low if low is not None else 0.0
        bar_high = high if high is not None else (low or 0.0) * TOP_FACTOR
        rows.append(
            {
                "key": mark.key,
                "date": mark.when.astimezone(PARIS).strftime("%Y-%m-%dT%H:%M:%S"),
                "y": mark.y,
                "bar_low": bar_low,
                "bar_high": bar_high,
                "interval": mark.shape in ("intervalle", "au moins", "au plus", "environ")
                or (mark.known and low != high),
                "forme": mark.shape,
                "source": mark.source or "source non précisée",
                "label": mark.label,
                "alerte": mark.alert,
            }
        )
    # The rows join the specification once it is built: Altair walks every value it is
    # given, which for 1 800 claims costs more than drawing them.
    data = alt.NamedData(name="claims")
    base = alt.Chart(data)
    x = alt.X("date:T", title="Date de publication", axis=alt.Axis(format="%d/%m/%Y", labelAngle=0))
    y_axis = alt.Axis(format=",~f", title=None)
    color = alt.Color("source:N", title="Source", legend=alt.Legend(orient="bottom", columns=3))
    bars = (
        base.transform_filter("datum.interval")
        .mark_rule(strokeWidth=4, opacity=0.55, aria=False)
        .encode(x=x, y=alt.Y("bar_low:Q", axis=y_axis), y2="bar_high:Q", color=color)
    )
    points = base.mark_point(filled=True, size=110, opacity=0.95).encode(
        x=x,
        y=alt.Y("y:Q", axis=y_axis, scale=alt.Scale(zero=False)),
        color=color,
        shape=alt.Shape(
            "forme:N",
            title="Forme",
            scale=alt.Scale(domain=list(SHAPES), range=list(SHAPES.values())),
            legend=alt.Legend(orient="bottom"),
        ),
        description="label:N",
        tooltip=alt.Tooltip("label:N"),
    )
    rings = (
        base.transform_filter("datum.alerte != ''")
        .mark_point(filled=False, size=420, strokeWidth=2, color="#b3261e", aria=False)
        .encode(x=x, y="y:Q")
    )
    chart = (
        alt.layer(bars, rings, points)
        .properties(width=width, height=height, title=title)
        .configure_view(stroke=None)
    )
    spec: dict[str, Any] = chart.to_dict()
    spec["datasets"] = {"claims": rows}
    spec["config"]["aria"] = True
    return spec


def render_svg(spec: dict[str, Any]) -> str:
    import vl_convert

    svg: str = vl_convert.vegalite_to_svg(spec, format_locale="fr-FR", time_format_locale="fr-FR")
    return svg


def warm_renderer() -> None:
    """Start Vega's runtime (about a second, once per process) and load Altair before a
    page needs them."""
    render_svg(chart_spec([], "…"))


def render_png(spec: dict[str, Any], scale: float = 2) -> bytes:
    import vl_convert

    png: bytes = vl_convert.vegalite_to_png(
        spec, scale=scale, format_locale="fr-FR", time_format_locale="fr-FR"
    )
    return png


def render_html(spec: dict[str, Any]) -> str:
    """A page that draws the chart with the Vega scripts inlined (works offline)."""
    import vl_convert

    html: str = vl_convert.vegalite_to_html(
        spec, bundle=True, format_locale="fr-FR", time_format_locale="fr-FR"
    )
    return html


def accessible_svg(svg: str) -> str:
    """The rendered SVG with every claim's point focusable and titled.

    Vega writes each point's description as its ``aria-label``; each of them gets
    ``tabindex="0"``, a ``<title>`` (the tooltip on hover) and the class ``claim-mark``.
    The SVG is parsed and written again with lxml, so every text in it stays escaped.
    """
    root = etree.fromstring(svg.encode("utf-8"))
    root.set("role", "img")
    root.set("class", (root.get("class", "") + " timeline-chart").strip())
    for element in root.iter(f"{{{SVG}}}path"):
        label = element.get("aria-label")
        if element.get("aria-roledescription") != "point" or not label:
            continue
        element.set("tabindex", "0")
        element.set("class", "claim-mark")
        element.set("focusable", "true")
        title = etree.SubElement(element, f"{{{SVG}}}title")
        title.text = label
    return str(etree.tostring(root, encoding="unicode"))
