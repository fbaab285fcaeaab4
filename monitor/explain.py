"""``monitor explain``: why each figure of a text did or did not become a claim of a quantity.

For every figure: how it was read (interval, qualifier, counted noun, predicate, source,
modality, time) and, for each topic the text is about, the quantity it went to and why,
or for each quantity the first check that failed (see :mod:`monitor.rules.assign`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from monitor.figures import UnitSpec
from monitor.models import Claim
from monitor.rules.assign import QuantityCheck
from monitor.rules.engine import Figure, format_figure
from monitor.rules.matchers import CompiledTopic, RuleBook, canonical_source

# How `monitor explain` names why a figure is no news (Claim.earlier).
EARLIER_WORDS = {
    "earlier": "an earlier statement",
    "historical": "a historical figure",
    "past event": "the figure of another event, dated two years or more back",
    "baseline": "an average over past years, a yardstick",
    "planned": "planned or hypothetical, kept with its quantity but not compared",
    "negated": "denied, kept with its quantity but not compared",
    "reported": "reported, kept with its quantity but not compared",
}


@dataclass(frozen=True)
class TopicReading:
    topic: str
    quantity: str | None
    why: str
    checks: list[QuantityCheck]
    source: str | None


@dataclass(frozen=True)
class FigureExplanation:
    claim: Claim
    readings: list[TopicReading] = field(default_factory=list)

    def record(self) -> dict[str, Any]:
        claim = self.claim
        first = self.readings[0] if self.readings else None
        return {
            "text": claim.value_text,
            "low": claim.low,
            "high": claim.high,
            "value": claim.value,
            "qualifier": str(claim.qualifier),
            "unit": str(claim.unit),
            "currency": claim.currency,
            "noun": claim.noun,
            "noun_phrase": claim.noun_phrase,
            "predicate": claim.predicate,
            "source": first.source if first else claim.source,
            "source_text": claim.source_text,
            "modality": str(claim.modality),
            "change": claim.change,
            "earlier": claim.earlier,
            "revision": claim.revision,
            "time": claim.time_ref.isoformat() if claim.time_ref else None,
            "time_text": claim.time_text,
            "sentence": claim.sentence,
            "clause": _clause(claim),
            "quantity": first.quantity if first else None,
            "why": first.why if first else "the text is about none of the topics",
            "topics": [
                {
                    "topic": reading.topic,
                    "quantity": reading.quantity,
                    "why": reading.why,
                    "checks": [
                        {"quantity": c.quantity, "fits": c.fits, "why": c.why}
                        for c in reading.checks
                    ],
                }
                for reading in self.readings
            ],
        }


def explain(
    book: RuleBook,
    finder: Any,
    text: str,
    *,
    title: str | None = None,
    published: datetime | None = None,
    topic_id: str | None = None,
) -> tuple[list[CompiledTopic], list[FigureExplanation]]:
    """The topics the text is about (or ``topic_id``'s) and every figure's explanation."""
    if topic_id is not None:
        topics = [topic for topic in book.topics if topic.id == topic_id]
    else:
        day = published.date() if published else None
        topics = book.topics_for(f"{title or ''}\n{text}", published=day)
    claims: list[Claim] = finder(text, title=title, published=published, lexicon=book.lexicon)
    explanations = []
    assigned = {
        topic.id: book.assign_all(topic, claims, text=text, title=title) for topic in topics
    }
    for index, claim in enumerate(claims):
        readings = []
        for topic in topics:
            quantity, checks = assigned[topic.id][index]
            if quantity is not None:
                chosen = next(c for c in checks if c.quantity == quantity.id)
                why = chosen.why
            else:
                why = "no quantity fits"
            readings.append(
                TopicReading(
                    topic.id,
                    quantity.id if quantity else None,
                    why,
                    checks,
                    canonical_source(topic, claim.source),
                )
            )
        explanations.append(FigureExplanation(claim, readings))
    return topics, explanations


def describe(explanation: FigureExplanation) -> list[str]:
    """Readable lines for one figure."""
    claim = explanation.claim
    figure = Figure(low=claim.low, high=claim.high, qualifier=claim.qualifier, value=claim.value)
    unit = UnitSpec(claim.unit, claim.currency)
    lines = [f"«{claim.value_text}» in: {_clause(claim).strip()}"]
    counted = claim.noun_phrase or claim.noun or "-"
    lines.append(
        f"  read as {format_figure(figure, unit)} ({claim.qualifier}); counts: {counted}; "
        f"what happened: {claim.predicate or '-'}; modality: {claim.modality}"
    )
    source = claim.source or "-"
    if claim.source_text and claim.source_text != claim.source:
        source += f" (written «{claim.source_text}»)"
    when = claim.time_ref.isoformat() if claim.time_ref else "-"
    lines.append(f"  source: {source}; time: {when}")
    notes = [
        note
        for note, present in (
            ("it says by how much something changed", claim.change),
            (
                f"it is {EARLIER_WORDS.get(claim.earlier or '', claim.earlier)} (no news)",
                claim.earlier is not None,
            ),
            ("its source revises an earlier figure", claim.revision),
        )
        if present
    ]
    if notes:
        lines.append(f"  note: {'; '.join(notes)}")
    if not explanation.readings:
        lines.append("  no topic: the text is about none of the rule files' topics")
    for reading in explanation.readings:
        if reading.quantity is not None:
            lines.append(f"  {reading.topic}: -> {reading.quantity} ({reading.why})")
        else:
            lines.append(f"  {reading.topic}: no quantity")
        for item in reading.checks:
            if item.quantity != reading.quantity:
                mark = "also fits, ranked lower" if item.fits else item.why
                lines.append(f"    {item.quantity}: {mark}")
    return lines


def _clause(claim: Claim) -> str:
    if claim.clause is None:
        return claim.sentence
    return claim.sentence[claim.clause[0] : claim.clause[1]]
