"""Unverified findings are most of a large corpus's: made without the dataclass's constructor and sorted
by one text key each; a finding's most common subject is found without a Counter. Each gives what the
plain way gives."""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import fields

from hypothesis import given
from hypothesis import strategies as st

from factcheck.comparators.base import Verdict
from factcheck.engine.engine import _in_order, _most_common
from factcheck.engine.finding import Finding, unverified_finding

from .corpus_builder import build_corpus

CLAIM = build_corpus({"s0": ("2019-08-22", [{"id": "c0", "kind": "date", "subject": "gsomia", "property": "expires_on",
                                             "value": {"date": "2019-11-23"}}])}).claims()[0]


def test_an_unverified_finding_equals_the_constructors() -> None:
    made = unverified_finding(id="FC101-0123456789", rule_id="FC101", rule_name="date-consistency", subject="gsomia",
                              subject_name="GSOMIA", property="expires_on", claim=CLAIM, value="2019-11-23",
                              message="GSOMIA expires_on: only s0 says so", explanation="no other source")
    assert made == Finding(id="FC101-0123456789", rule_id="FC101", rule_name="date-consistency", severity="note",
                           verdict=Verdict.unverified, subject="gsomia", subject_name="GSOMIA", property="expires_on",
                           claims=(CLAIM,), values=("2019-11-23",), pairs=(),
                           message="GSOMIA expires_on: only s0 says so", explanation="no other source")
    assert list(vars(made)) == [field.name for field in fields(Finding)]  # every field, a new one too


def test_an_unverified_finding_shares_its_field_names_as_the_constructors_does() -> None:
    """Its `__dict__` keeps the keys every finding shares (a dict of its own keys was 60% larger: about
    170 MB more at a million claims)."""
    made = unverified_finding(id="FC101-0123456789", rule_id="FC101", rule_name="date-consistency", subject="gsomia",
                              subject_name="GSOMIA", property="expires_on", claim=CLAIM, value="2019-11-23",
                              message="GSOMIA expires_on: only s0 says so", explanation="no other source")
    built = Finding(id="FC101-0123456789", rule_id="FC101", rule_name="date-consistency", severity="note",
                    verdict=Verdict.unverified, subject="gsomia", subject_name="GSOMIA", property="expires_on",
                    claims=(CLAIM,), values=("2019-11-23",), pairs=(),
                    message="GSOMIA expires_on: only s0 says so", explanation="no other source")
    assert sys.getsizeof(vars(made)) == sys.getsizeof(vars(built))


names = st.text(alphabet="ab_\0-.é", max_size=3)


@given(st.lists(st.tuples(names, names, names, names), max_size=30))
def test_unverified_findings_sort_as_their_fields_do(keys: list[tuple[str, str, str, str]]) -> None:
    findings = [unverified_finding(id=f"{found}", rule_id=rule, rule_name="r", subject=subject, subject_name="s",
                                   property=prop, claim=CLAIM, value="v", message=str(number), explanation="e")
                for number, (rule, subject, prop, found) in enumerate(keys)]
    expected = sorted(findings, key=lambda f: (f.rule_id, f.subject, f.property, f.id))
    assert [f.message for f in _in_order(findings)] == [f.message for f in expected]


@given(st.lists(st.sampled_from("abcd"), min_size=1, max_size=12))
def test_the_most_common_is_counters(values: list[str]) -> None:
    assert _most_common(values) == Counter(values).most_common(1)[0][0]
