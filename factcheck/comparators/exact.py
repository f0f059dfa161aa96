"""The fallback: two values are the same or they are not.

For properties no other comparator understands. Bloomberg's "The yen ... strengthened 0.4% to
106.25 per dollar" compared exactly with another source's 106.25 `JPY/USD` agrees; 106.3 would be a
conflict (use the `quantity` comparator for tolerances). Claims of different kinds are not compared.
"""

from __future__ import annotations

import json

from factcheck.comparators.base import Comparator, Comparison, Context, Params as BaseParams, Verdict
from factcheck.model.sourced import SourcedClaim


class Params(BaseParams):
    """The `exact` comparator has no parameters."""


def compare_exact(a: SourcedClaim, b: SourcedClaim, params: Params, context: Context) -> Comparison | None:
    """Equal values (as data) agree; anything else conflicts."""
    if a.claim.kind != b.claim.kind:
        return None
    first = a.claim.value.model_dump(mode="json")
    second = b.claim.value.model_dump(mode="json")
    shown = [json.dumps(v, ensure_ascii=False, sort_keys=True) for v in (first, second)]
    facts = {"values": [first, second]}
    if first == second:
        return Comparison(Verdict.agree, f"{a.source_id} and {b.source_id} give the same value {shown[0]}: agree.",
                          facts=facts)
    return Comparison(Verdict.conflict, f"{a.source_id} gives {shown[0]}, {b.source_id} gives {shown[1]}: "
                                        f"not equal, conflict.", facts=facts)


COMPARATOR = Comparator(
    name="exact",
    params=Params,
    compare=compare_exact,
    summary="Values equal as data agree; any difference is a conflict.",
)
