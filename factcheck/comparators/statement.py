"""Statements: does one source deny what another states?

Statements are propositions normalised to subject, property and object: Bloomberg's "South Korea
said it would withdraw from an intelligence-sharing agreement with Japan" and The Diplomat's
"South Korea's decision to end its bilateral intelligence sharing agreement with Japan" are both
`south-korea withdraws_from gsomia`, so they `agree`; a source saying South Korea stays in GSOMIA
(the same proposition, `negated`) is a `conflict`. Statements about different objects are not
compared, unless the property is `functional`: one object at a time, like the office a person holds
("Taro Kono, Japan's Foreign Minister" vs "Defense Minister Taro Kono"), where two different objects
conflict; a rule marks such a property time-varying, so different offices at different dates are
compatible.
"""

from __future__ import annotations

from collections.abc import Callable

from factcheck.comparators.base import Comparator, Comparison, Context, Params as BaseParams, Verdict
from factcheck.model.sourced import SourcedClaim
from factcheck.model.values import StatementValue


class Params(BaseParams):
    functional: bool = False  # the property has one object at a time: different objects conflict


def compare_statements(a: SourcedClaim, b: SourcedClaim, params: Params, context: Context) -> Comparison | None:
    """Same object: the same polarity agrees, opposite polarity conflicts."""
    va, vb = a.claim.value, b.claim.value
    if not isinstance(va, StatementValue) or not isinstance(vb, StatementValue):
        return None
    name = context.entities.name_of
    if va.action and vb.action and va.action != vb.action and va.object == vb.object:
        return _different_measures(a, b, va, vb, params, name)
    if va.object != vb.object:
        if not params.functional or va.negated or vb.negated or not (va.object and vb.object):
            return None
        subject = f"{name(a.claim.subject)} {a.claim.property}"
        return Comparison(Verdict.conflict,
                          f"{a.source_id}: {subject} {name(va.object)}; {b.source_id}: {subject} {name(vb.object)}. "
                          f"'{a.claim.property}' has one value at a time: conflict.",
                          facts={"objects": [va.object, vb.object], "functional": True})
    proposition = f"{name(a.claim.subject)} {a.claim.property}" + (f" {name(va.object)}" if va.object else "") \
        + (f" {va.action}" if va.action else "")
    said = (f"{a.source_id}: '{va.summary}'{' (denied)' if va.negated else ''}; "
            f"{b.source_id}: '{vb.summary}'{' (denied)' if vb.negated else ''}")
    facts = {"proposition": proposition, "negated": [va.negated, vb.negated]}
    if va.negated == vb.negated:
        stance = "deny" if va.negated else "state"
        return Comparison(Verdict.agree, f"{said}. Both {stance} '{proposition}': agree.", facts=facts)
    return Comparison(Verdict.conflict, f"{said}. One states and the other denies '{proposition}': conflict.",
                      facts=facts)


def _different_measures(a: SourcedClaim, b: SourcedClaim, va: StatementValue, vb: StatementValue, params: Params,
                        name: Callable[[str], str]) -> Comparison | None:
    """Two measures taken on one thing ("suspended" and "terminated" the agreement): for a property with
    one value at a time they conflict, unless a source denies its own ("did not suspend"), which says
    nothing about the other measure."""
    if not params.functional or va.negated or vb.negated:
        return None
    subject = f"{name(a.claim.subject)} {a.claim.property}"
    return Comparison(Verdict.conflict,
                      f"{a.source_id}: {subject} '{va.action}' ('{va.summary}'); {b.source_id}: {subject} "
                      f"'{vb.action}' ('{vb.summary}'). '{a.claim.property}' has one value at a time: conflict.",
                      facts={"actions": [va.action, vb.action], "functional": True})


COMPARATOR = Comparator(
    name="statement",
    params=Params,
    compare=compare_statements,
    summary="Normalised propositions: a denial of what another source states is a conflict.",
)
