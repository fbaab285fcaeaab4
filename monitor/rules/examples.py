"""Example sentences of a rule file, run as tests by ``monitor rules check``.

Each example is a sentence and every figure it must give: a quantity and its value (or
bounds), written in the quantity's unit. The sentence goes through the same extractor and
assignment as an article, and the example passes when its news figures (not earlier or
historical ones) are exactly those it lists. A failure says, at the example's line, what
was expected and what the sentence gave instead, with the reason ``monitor explain``
would give.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime, time

from monitor.errors import Problem
from monitor.figures import format_amount
from monitor.models import Claim, Qualifier
from monitor.rules.assign import QuantityCheck
from monitor.rules.loader import RuleSet
from monitor.rules.matchers import CompiledQuantity, CompiledTopic, RuleBook, judged
from monitor.rules.schema import Example, Given
from monitor.yamlfile import position_of

Finder = Callable[..., list[Claim]]


def run_examples(book: RuleBook, rule_sets: Sequence[RuleSet], finder: Finder) -> list[Problem]:
    """Every example of ``rule_sets`` that does not give what it says, as a problem."""
    problems: list[Problem] = []
    for rule_set in rule_sets:
        topic = next((t for t in book.topics if t.id == rule_set.rules.topic.id), None)
        if topic is None:
            continue
        for index, example in enumerate(rule_set.rules.examples):
            for message in check_example(book, topic, example, finder):
                line, column = position_of(rule_set.positions, ("examples", index, "text"))
                problems.append(
                    Problem(
                        rule_set.display_path,
                        message,
                        line=line,
                        column=column,
                        field=f"examples[{index}]",
                        hint="run `monitor explain` on the text to see how each figure is read",
                    )
                )
    return problems


def count_examples(rule_sets: Sequence[RuleSet]) -> int:
    return sum(len(rule_set.rules.examples) for rule_set in rule_sets)


def check_example(
    book: RuleBook, topic: CompiledTopic, example: Example, finder: Finder
) -> list[str]:
    """What is wrong with one example (nothing when it gives exactly what it lists)."""
    published = datetime.combine(example.date, time(12), UTC) if example.date else None
    claims = finder(example.text, published=published, lexicon=book.lexicon)
    readings = list(zip(claims, book.assign_all(topic, claims), strict=True))
    news = [
        (claim, quantity)
        for claim, (quantity, _) in readings
        if quantity is not None and judged(claim, quantity)
    ]
    used: set[int] = set()
    messages = []
    for given in example.gives:
        quantity = topic.quantity(given.quantity)
        assert quantity is not None  # unknown quantities are reported by the loader
        found = next(
            (
                index
                for index, (claim, placed) in enumerate(news)
                if index not in used and placed is quantity and _same(claim, given, quantity)
            ),
            None,
        )
        if found is not None:
            used.add(found)
            continue
        messages.append(
            f"expected {given.quantity} {_written(given, quantity)}, "
            f"{_what_happened(readings, given, quantity)}"
        )
    for index, (claim, placed) in enumerate(news):
        if index not in used:
            messages.append(f"«{claim.value_text}» also went to {placed.id}, not listed in gives")
    return messages


def _same(claim: Claim, given: Given, quantity: CompiledQuantity) -> bool:
    factor = quantity.factor
    if given.value is not None:
        target = given.value * factor
        stated = [claim.value] if claim.value is not None else [claim.low, claim.high]
        return any(_close(number, target) for number in stated if number is not None)
    low = None if given.low is None else given.low * factor
    high = None if given.high is None else given.high * factor
    return _close(claim.low, low) and _close(claim.high, high)


def _close(number: float | None, target: float | None) -> bool:
    if number is None or target is None:
        return number is target
    return abs(number - target) <= 0.005 * max(abs(target), 1e-9)


def _written(given: Given, quantity: CompiledQuantity) -> str:
    factor = quantity.factor

    def base(number: float | None) -> float | None:
        return None if number is None else number * factor

    qualifier = Qualifier.EXACT if given.value is not None else Qualifier.RANGE
    return format_amount(
        base(given.low), base(given.high), qualifier, base(given.value), quantity.unit
    )


def _what_happened(
    readings: list[tuple[Claim, tuple[CompiledQuantity | None, list[QuantityCheck]]]],
    given: Given,
    quantity: CompiledQuantity,
) -> str:
    """Why the expected figure is missing: not read, read as something else, or placed
    elsewhere (with the check that failed for the expected quantity)."""
    for claim, (placed, checks) in readings:
        if not _same(claim, given, quantity):
            continue
        if claim.earlier:
            return f"but «{claim.value_text}» reads as an {claim.earlier} figure"
        if placed is not None:
            return f"but «{claim.value_text}» went to {placed.id}"
        why = next((c.why for c in checks if c.quantity == quantity.id), "no quantity fits")
        return f"but «{claim.value_text}» went to no quantity: {why}"
    read = ", ".join(f"«{claim.value_text}»" for claim, _ in readings) or "none"
    return f"but no figure with that value was read (figures read: {read})"
