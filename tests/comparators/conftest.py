"""Fixtures for comparator tests; the claim factory lives in `comparator_claims.py`."""

from __future__ import annotations

import pytest

from factcheck.comparators.base import Context

from .comparator_claims import CONTEXT, MakeClaim, make_claim


@pytest.fixture
def claim() -> MakeClaim:
    return make_claim


@pytest.fixture
def context() -> Context:
    return CONTEXT
