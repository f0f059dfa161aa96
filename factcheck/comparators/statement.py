"""Statements: does one source deny what another states?

Statements are propositions normalised to subject, property and object: Bloomberg's "South Korea
said it would withdraw from an intelligence-sharing agreement with Japan" and The Diplomat's
"South Korea's decision to end its bilateral intelligence sharing agreement with Japan" are both
`south-korea withdraws_from gsomia`, so they `agree`; a source saying South Korea stays in GSOMIA
(the same proposition, `negated`) is a `conflict`. Statements about different objects are not
compared.
"""

from __future__ import annotations

from factcheck.comparators.base import Comparator, Comparison, Context, Params as BaseParams, Verdict
from factcheck.model.sourced import SourcedClaim
from factcheck.model.values import StatementValue


class Params(BaseParams):
    """The `statement` comparator has no parameters."""


def compare_statements(a: SourcedClaim, b: SourcedClaim, params: Params, context: Context) -> Comparison | None:
    """Same object: the same polarity agrees, opposite polarity conflicts."""
    va, vb = a.claim.value, b.claim.value
    if not isinstance(va, StatementValue) or not isinstance(vb, StatementValue) or va.object != vb.object:
        return None
    name = context.entities.name_of
    proposition = f"{name(a.claim.subject)} {a.claim.property}" + (f" {name(va.object)}" if va.object else "")
    said = (f"{a.source_id}: '{va.summary}'{' (denied)' if va.negated else ''}; "
            f"{b.source_id}: '{vb.summary}'{' (denied)' if vb.negated else ''}")
    facts = {"proposition": proposition, "negated": [va.negated, vb.negated]}
    if va.negated == vb.negated:
        stance = "deny" if va.negated else "state"
        return Comparison(Verdict.agree, f"{said}. Both {stance} '{proposition}': agree.", facts=facts)
    return Comparison(Verdict.conflict, f"{said}. One states and the other denies '{proposition}': conflict.",
                      facts=facts)


COMPARATOR = Comparator(
    name="statement",
    params=Params,
    compare=compare_statements,
    summary="Normalised propositions: a denial of what another source states is a conflict.",
)
