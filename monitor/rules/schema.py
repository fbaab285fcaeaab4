"""The rule file contract: one topic per YAML file in ``rules/``.

``monitor rules schema`` prints it as JSON Schema for editors; ``docs/rules.md`` explains
each key with examples.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

from monitor.figures import UNIT_KEY_HELP, format_number, unit_spec
from monitor.models import AlertKind, Modality, Qualifier

IDENTIFIER = r"^[a-z0-9][a-z0-9_-]*$"


def _number_as_text(value: Any) -> Any:
    """A term YAML reads as a number (``[2022, sécheresse]``, ``[49.3]``) is the text written."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return value


Term = Annotated[str, BeforeValidator(_number_as_text)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Match(Strict):
    """Which articles are about the topic.

    Terms are case- and accent-insensitive whole words; the last word of a term also
    matches its plural and feminine forms (``nord-coréen`` matches ``nord-coréennes``).
    A term written ``re:...`` is a regular expression on the lowercased, accent-free text.
    """

    all: list[list[Term]] = Field(
        default_factory=list,
        description="Groups of terms; every group must have at least one term in the article.",
    )
    any: list[Term] = Field(
        default_factory=list, description="At least one of these terms must appear (if given)."
    )
    none: list[Term] = Field(
        default_factory=list, description="The article is not about the topic if one appears."
    )

    @model_validator(mode="after")
    def _not_empty(self) -> Match:
        if not self.all and not self.any:
            raise ValueError("give at least one 'all' group or 'any' list of terms")
        return self


class Topic(Strict):
    id: str = Field(pattern=IDENTIFIER)
    title: str
    language: Literal["fr"] = "fr"
    match: Match
    since: dt.date | None = Field(
        default=None,
        description="Reports published before this day are about an earlier event, not this "
        'one; without it, the year the title names ("(juin 2023)") says it: reports '
        "published more than half a year before that year begins are left out.",
    )


class Source(Strict):
    """A canonical source name and the ways the press writes it."""

    name: str = Field(min_length=1)
    label: str | None = None
    aliases: list[Term] = Field(default_factory=list)


# French forms of the values of `kind`, `per` and `modalities`, as desk editors write them.
_FRENCH_VALUES = {
    "cumulatif": "cumulative", "cumulée": "cumulative", "cumulé": "cumulative",
    "niveau": "level", "état": "level",
    "prévu": "planned", "prévue": "planned", "annoncé": "planned", "planifié": "planned",
    "jour": "day", "journée": "day", "événement": "event", "evenement": "event",
    "affirmé": "asserted", "rapporté": "reported", "démenti": "negated", "nié": "negated",
}  # fmt: skip


class Quantity(Strict):
    """A tracked quantity and how to recognise claims about it."""

    id: str = Field(pattern=IDENTIFIER)
    label: str = Field(description="French label used in alerts: 'tués', 'soldats déployés'.")
    kind: Literal["cumulative", "level", "planned"] = Field(
        description="cumulative never goes down; level is a current state; planned is announced"
    )
    nouns: list[Term] = Field(min_length=1, description="Counted nouns (lemmas or phrases).")
    predicates: list[Term] = Field(
        default_factory=list,
        description="What happened to the counted thing (verb lemmas); empty means any.",
    )
    modalities: list[Modality] = Field(
        default_factory=lambda: [Modality.ASSERTED, Modality.REPORTED],
        description="Modalities that count for this quantity (planned figures are their own).",
    )
    context: list[Term] = Field(
        default_factory=list,
        description="Terms of which one must appear in the claim's sentence ('Koursk').",
    )
    exclude: list[Term] = Field(
        default_factory=list,
        description="Phrases that disqualify a claim ('soldats ukrainiens').",
    )
    unit: str | None = Field(
        default=None,
        description=f"What the figures are: {UNIT_KEY_HELP}; absent, the nouns and label "
        "decide ('dirham', '(%)'). Known figures of a measure are written in this unit.",
    )

    per: Literal["day", "event"] | None = Field(
        default=None,
        description="Counted per day (the turnout of one day of strikes) or per event (one "
        "round of an election, one storm): figures are compared only with figures of the "
        "same day or event.",
    )
    events: list[Term] = Field(
        default_factory=list,
        description="With per: event, terms naming each event ('premier tour', 'second "
        "tour'); a figure belongs to the first one written in its clause, else its sentence.",
    )

    @field_validator("kind", "per", mode="before")
    @classmethod
    def _french_words(cls, value: Any) -> Any:
        """A desk editor may write the values in French: "cumulatif", "niveau", "prévu",
        "jour", "événement"."""
        return _FRENCH_VALUES.get(value, value) if isinstance(value, str) else value

    @field_validator("modalities", mode="before")
    @classmethod
    def _french_modalities(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [_FRENCH_VALUES.get(item, item) if isinstance(item, str) else item
                    for item in value]  # fmt: skip
        return value

    @model_validator(mode="after")
    def _events_for_per_event(self) -> Quantity:
        if self.per == "event" and not self.events:
            raise ValueError("per: event needs events: the terms that name each event")
        if self.events and self.per != "event":
            raise ValueError("events are read only with per: event")
        return self

    @field_validator("unit")
    @classmethod
    def _known_unit(cls, value: str | None) -> str | None:
        if value is not None and unit_spec(value) is None:
            raise ValueError(f"unknown unit {value!r}: use {UNIT_KEY_HELP}")
        return value


class Known(Strict):
    """A claim already known to the analysts."""

    quantity: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    qualifier: Qualifier = Qualifier.EXACT
    source: str | None = None
    date: dt.date | None = None
    event: str | None = Field(
        default=None, description="For a quantity counted per event: which event."
    )
    url: str | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _has_figure(self) -> Known:
        if self.value is None and self.low is None and self.high is None:
            raise ValueError("give a value, or low and/or high")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(
                f"low ({format_number(self.low)}) is greater than high ({format_number(self.high)})"
            )
        return self


class Alerting(Strict):
    tolerance: float = Field(
        default=0.1, ge=0, le=1, description="Relative half-width of an approximate figure."
    )
    kinds: list[AlertKind] = Field(default_factory=lambda: list(AlertKind))
    contradiction_window_days: int = Field(
        default=30,
        ge=0,
        description="Disagreeing figures from different sources closer than this contradict.",
    )
    channels: dict[AlertKind, list[str]] | None = Field(
        default=None,
        description="Channels per alert kind; absent means every kind to every channel.",
    )


class Given(Strict):
    """One figure an example sentence must give: its quantity and its value or bounds."""

    quantity: str
    value: float | None = None
    low: float | None = None
    high: float | None = None

    @model_validator(mode="after")
    def _has_figure(self) -> Given:
        if self.value is None and self.low is None and self.high is None:
            raise ValueError("give a value, or low and/or high")
        return self


class Example(Strict):
    """A sentence and the figures it must give: `monitor rules check` runs it as a test."""

    text: str = Field(min_length=1, description="A sentence as the press writes it.")
    date: dt.date | None = Field(
        default=None, description="The article's date, for 'mardi', 'fin janvier'..."
    )
    gives: list[Given] = Field(
        default_factory=list,
        description="Every figure of the text that must become news of a quantity, and "
        "nothing else (an empty list: the text gives no figure of this topic).",
    )


class RuleFile(Strict):
    topic: Topic
    sources: list[Source] = Field(default_factory=list)
    quantities: list[Quantity] = Field(min_length=1)
    known: list[Known] = Field(default_factory=list)
    alerting: Alerting = Field(default_factory=Alerting)
    examples: list[Example] = Field(
        default_factory=list,
        description="Sentences and the figures they must give, checked by `rules check`.",
    )
