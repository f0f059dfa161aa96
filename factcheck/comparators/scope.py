"""What an agreement covers: relations between two agreements, and what one allows or requires.

A relation reads the same in either direction: The Diplomat's "the TISA covers a narrower range of
information than GSOMIA" (TISA `narrower_than` GSOMIA) says what "GSOMIA is broader than TISA" says,
so the two `agree`; "TISA is broader than GSOMIA" is a `conflict`, and so is "TISA is the same as
GSOMIA". Relations between different pairs of agreements are not compared.

A modality says what an agreement does to an action. Bloomberg's "The agreement allows, but
doesn't require, the exchange of intelligence" (`allows_not_requires`) is `compatible` with "it
allows the exchange of intelligence" (less specific), and conflicts with "it requires" it;
`forbids` conflicts with any of the others. Different actions (a fuzzy ratio under
`action_similarity`) are not compared, nor is a relation with a modality.
"""

from __future__ import annotations

import re

from pydantic import Field
from rapidfuzz import fuzz

from factcheck.comparators.base import Comparator, Comparison, Context, Params as BaseParams, Verdict
from factcheck.model.sourced import SourcedClaim
from factcheck.model.values import Modality, ScopeRelation, ScopeValue

_ARTICLE = re.compile(r"^(?:the|a|an)\s+")
_PUNCTUATION = re.compile(r"[^\w\s-]")
_COMPATIBLE = {  # pairs of modalities that can both be true (`allows` is the less specific)
    frozenset({Modality.allows_not_requires, Modality.allows}),
    frozenset({Modality.requires, Modality.allows}),
}


class Params(BaseParams):
    """Parameters of the `scope` comparator."""

    action_similarity: float = Field(
        default=80, ge=0, le=100, description="Actions whose normalised texts match below this (0..100) differ.")


def ordered_relation(subject: str, value: ScopeValue) -> tuple[str, str, str]:
    """A relation in canonical form: (`narrower`, smaller, larger), or (`same`, a, b) sorted."""
    assert value.relation is not None and value.than is not None
    if value.relation is ScopeRelation.narrower_than:
        return ("narrower", subject, value.than)
    if value.relation is ScopeRelation.broader_than:
        return ("narrower", value.than, subject)
    first, second = sorted((subject, value.than))
    return ("same", first, second)


def normalize_action(text: str) -> str:
    """An action as compared: casefolded, without punctuation or a leading article."""
    words = " ".join(_PUNCTUATION.sub(" ", text.casefold().replace("’", "'")).split())
    return _ARTICLE.sub("", words)


def _read(form: tuple[str, str, str], context: Context) -> str:
    name = context.entities.name_of
    if form[0] == "same":
        return f"{name(form[1])} has the same scope as {name(form[2])}"
    return f"{name(form[1])} is narrower than {name(form[2])}"


def _compare_relations(a: SourcedClaim, b: SourcedClaim, context: Context) -> Comparison | None:
    va, vb = a.claim.value, b.claim.value
    assert isinstance(va, ScopeValue) and isinstance(vb, ScopeValue) and va.than and vb.than
    if {a.claim.subject, va.than} != {b.claim.subject, vb.than}:
        return None
    fa, fb = ordered_relation(a.claim.subject, va), ordered_relation(b.claim.subject, vb)
    said = (f"{a.source_id} says {_read(fa, context)}; {b.source_id} says {_read(fb, context)}")
    facts = {"relations": [list(fa), list(fb)]}
    if fa == fb:
        return Comparison(Verdict.agree, f"{said}: the same relation, agree.", facts=facts)
    return Comparison(Verdict.conflict, f"{said}: these cannot both be true, conflict.", facts=facts)


def _compare_modalities(a: SourcedClaim, b: SourcedClaim, params: Params, context: Context) -> Comparison | None:
    va, vb = a.claim.value, b.claim.value
    assert isinstance(va, ScopeValue) and isinstance(vb, ScopeValue)
    assert va.modality and vb.modality and va.action and vb.action
    if a.claim.subject != b.claim.subject:
        return None
    similarity = fuzz.ratio(normalize_action(va.action), normalize_action(vb.action))
    if similarity < params.action_similarity:
        return None
    name = context.entities.name_of(a.claim.subject)
    said = (f"{a.source_id}: {name} {va.modality.value.replace('_', ' ')} '{va.action}'; "
            f"{b.source_id}: {name} {vb.modality.value.replace('_', ' ')} '{vb.action}' "
            f"(actions match at {similarity:.0f}/100)")
    facts = {"modalities": [va.modality.value, vb.modality.value], "action_similarity": round(similarity, 2)}
    pair = frozenset({va.modality, vb.modality})
    if va.modality is vb.modality:
        return Comparison(Verdict.agree, f"{said}: the same modality, agree.", facts=facts)
    if pair in _COMPATIBLE:
        return Comparison(Verdict.compatible, f"{said}: both can be true, 'allows' is the less specific, "
                                              f"compatible.", facts=facts)
    return Comparison(Verdict.conflict, f"{said}: these cannot both be true, conflict.", facts=facts)


def compare_scopes(a: SourcedClaim, b: SourcedClaim, params: Params, context: Context) -> Comparison | None:
    """Compare two scope relations (in either direction) or two modalities of the same action."""
    va, vb = a.claim.value, b.claim.value
    if not isinstance(va, ScopeValue) or not isinstance(vb, ScopeValue):
        return None
    if va.relation is not None and vb.relation is not None:
        return _compare_relations(a, b, context)
    if va.modality is not None and vb.modality is not None:
        return _compare_modalities(a, b, params, context)
    return None  # a relation and a modality say different things


COMPARATOR = Comparator(
    name="scope",
    params=Params,
    compare=compare_scopes,
    summary="Scope relations in either direction, and what an agreement allows, requires or forbids.",
)
