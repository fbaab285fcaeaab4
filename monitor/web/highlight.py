"""Figures marked in text, every other character escaped (articles are hostile input)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from markupsafe import Markup, escape

from monitor.storage.schema import ClaimRow


def highlight_span(sentence: str | None, figure: str | None) -> Markup:
    """``sentence`` with the first ``figure`` written in it in ``<mark>``."""
    if not sentence:
        return Markup("")
    if not figure or figure not in sentence:
        return escape(sentence)
    start = sentence.index(figure)
    end = start + len(figure)
    return (
        escape(sentence[:start])
        + Markup("<mark>")
        + escape(sentence[start:end])
        + Markup("</mark>")
        + escape(sentence[end:])
    )


def highlight_figures(
    text: str, claims: Sequence[ClaimRow], fates: Mapping[int, str]
) -> list[Markup]:
    """The article's paragraphs, each figure found in it marked with what became of it.

    A claim's span is its offset in the text; one whose span does not hold its figure
    (a figure of the title) is listed but not marked."""
    spans = sorted(
        (claim.span_start, claim.span_end, claim)
        for claim in claims
        if 0 <= claim.span_start < claim.span_end <= len(text)
        and text[claim.span_start : claim.span_end] == claim.value_text
    )
    pieces: list[Markup] = []
    position = 0
    for start, end, claim in spans:
        if start < position:
            continue  # overlapping figures: the first one is marked
        pieces.append(escape(text[position:start]))
        css = "figure tracked" if claim.quantity and not claim.rejected_at else "figure"
        pieces.append(
            Markup(
                '<mark class="{}" id="claim-{}" title="{}">{}<span class="fate"> [{}]</span></mark>'
            ).format(
                css, claim.id, fates.get(claim.id, ""), text[start:end], fates.get(claim.id, "")
            )
        )
        position = end
    pieces.append(escape(text[position:]))
    joined = Markup("").join(pieces)
    return [Markup(part) for part in joined.split("\n") if part.strip()]
