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

from factcheck.comparators.base import Comparator, Comparison, Context, Params as BaseParams, Verdict
from factcheck.model.sourced import SourcedClaim
from factcheck.model.values import StatementValue


class Params(BaseParams):
    functional: bool = False  # the property has one object at a time: different objects conflict
    # actions that end an earlier one ("lift", "restore"): a measure and its lifting follow each other in
    # time, so they are never one value at a time in conflict
    ends_others: list[str] = []


def compare_statements(a: SourcedClaim, b: SourcedClaim, params: Params, context: Context) -> Comparison | None:
    """Same object: the same polarity agrees, opposite polarity conflicts."""
    va, vb = a.claim.value, b.claim.value
    if not isinstance(va, StatementValue) or not isinstance(vb, StatementValue):
        return None
    name = context.entities.name_of
    if va.action and vb.action and va.action != vb.action and va.object == vb.object:
        if va.action in params.ends_others or vb.action in params.ends_others:
            return None  # "scrapped 14 routes" then "restored six": one after the other, not one or the other
        # two measures taken on one thing ("suspended" and "terminated" the agreement)
        return _one_at_a_time(a, b, params, name(a.claim.subject), "actions", f"'{va.action}' ('{va.summary}')",
                              f"'{vb.action}' ('{vb.summary}')", (va.action, vb.action))
    if va.object != vb.object:
        if not (va.object and vb.object):
            return None
        return _one_at_a_time(a, b, params, name(a.claim.subject), "objects", name(va.object), name(vb.object),
                              (va.object, vb.object))
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


def _one_at_a_time(a: SourcedClaim, b: SourcedClaim, params: Params, subject_name: str, what: str, first: str,
                   second: str, keys: tuple[str, str]) -> Comparison | None:
    """Two values of a property that has one at a time (an office, a measure taken): a conflict, unless
    the property has several at once or a source denies its own ("did not suspend"), which says nothing
    of the other value."""
    va, vb = a.claim.value, b.claim.value
    assert isinstance(va, StatementValue) and isinstance(vb, StatementValue)
    if not params.functional or va.negated or vb.negated:
        return None
    subject = f"{subject_name} {a.claim.property}"
    return Comparison(Verdict.conflict,
                      f"{a.source_id}: {subject} {first}; {b.source_id}: {subject} {second}. "
                      f"'{a.claim.property}' has one value at a time: conflict.",
                      facts={what: list(keys), "functional": True})


COMPARATOR = Comparator(
    name="statement",
    params=Params,
    compare=compare_statements,
    summary="Normalised propositions: a denial of what another source states is a conflict.",
)
