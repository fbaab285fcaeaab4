"""Shared fixtures of the claim tests: the evaluation lexicon and a loaded model."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from monitor.claims.evaluate import DEFAULT_DIR, load_lexicon
from monitor.claims.extractor import find_claims
from monitor.claims.parsing import load_model
from monitor.models import Claim, Lexicon


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    """A realistic lexicon for a watch on North Korean troops (tests/claims/eval/lexicon.yaml)."""
    return load_lexicon(DEFAULT_DIR)


@pytest.fixture(scope="session")
def model() -> None:
    """Load the French model once for the whole session."""
    load_model()


Extract = Callable[..., list[Claim]]


@pytest.fixture(scope="session")
def extract(lexicon: Lexicon, model: None) -> Extract:
    """find_claims with the test lexicon and an article date (default 2024-11-20)."""

    def run(text: str, published: str = "2024-11-20", **options: object) -> list[Claim]:
        when = datetime.fromisoformat(published).replace(tzinfo=UTC)
        return find_claims(text, published=when, lexicon=lexicon, **options)  # type: ignore[arg-type]

    return run
