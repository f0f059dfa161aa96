"""JSON: the documented, versioned machine format (docs/report-json.md). Bump SCHEMA_VERSION on any
change that removes or renames a field; adding a field is not a new version. Version 2: an `unverified`
finding is compact (its one claim, and nothing that is empty or follows from the claim).

Written a piece at a time (`json_stream`): the header, then each finding as it is encoded, then the
sources, counted as their claims were written (`sources.SourceCount`: a walk of their own over a
million claims cost seconds); compact (one finding or source a line) or indented for people
(`indent`). Each value goes through the JSON channel (`escape.json_value`, or `escape.json_lines` for a batch of findings): a number that is NaN or infinite (`amount: .nan` in a claims file) is
null, since JSON has neither; every string is kept (but a lone surrogate, from a file name that is not
UTF-8, which becomes U+FFFD)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import IO, Any

from pydantic import TypeAdapter

from factcheck.comparators.base import Verdict
from factcheck.engine.finding import Finding, Report, lowest_confidence
from factcheck.model.claims import Status
from factcheck.model.partial_date import PartialDate
from factcheck.model.sourced import SourcedClaim
from factcheck.report.context import RenderContext
from factcheck.report.json_stream import BATCH, Items, Members, object_bytes, object_chunks
from factcheck.report.sources import SourceCount, source_data, sources_of

SCHEMA_VERSION = 2
OPTIONAL_CLAIM_FIELDS = ("event", "modality", "qualifier", "confidence")  # left out of an unverified claim when null


def render(report: Report, context: RenderContext, indent: int | None = None) -> str:
    """The whole report as one string (the format registry's call; `write` never holds it whole)."""
    return "".join(chunks(report, context, indent))


def write(report: Report, context: RenderContext, stream: IO[str], indent: int | None = None) -> None:
    """Write the report to `stream` finding by finding: memory does not grow with the output."""
    for chunk in chunks(report, context, indent):
        stream.write(chunk)


def chunks(report: Report, context: RenderContext, indent: int | None = None) -> Iterator[str]:
    """The report's JSON text in pieces, compact (`indent=None`) or indented by `indent` spaces."""
    return (piece.decode("utf-8") for piece in utf8_chunks(report, context, indent))


def utf8_chunks(report: Report, context: RenderContext, indent: int | None = None) -> Iterator[bytes]:
    """`chunks` in UTF-8, for a file or standard output: the findings, then their sources, counted as the
    findings' claims were written."""
    shown = _Shown()
    members: Members = [*_header(report, context).items(),
                        ("findings", Items(shown.findings(report.findings))),
                        ("sources", Items(shown.source_dicts()))]
    return object_bytes(members, indent)


def document_text(data: dict[str, Any], indent: int | None = None) -> str:
    """A JSON report held as one dict (the gate's, which adds to `report_data`), in the layout `chunks`
    writes: compact with a source or finding a line, or indented."""
    return "".join(object_chunks([(key, Items(value) if key in ("sources", "findings") else value)
                                  for key, value in data.items()], indent))


def report_data(report: Report, context: RenderContext) -> dict[str, Any]:
    """The report as one dict, for a caller that adds to it (the gate's JSON)."""
    return {**_header(report, context), "sources": [source_data(row) for row in sources_of(report)],
            "findings": list(finding_dicts(report.findings))}


def _header(report: Report, context: RenderContext) -> dict[str, Any]:
    summary = report.summary
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "factcheck", "version": context.version},
        "summary": {
            "sources": summary.sources, "claims": summary.claims, "rules": summary.rules,
            "blocks": summary.blocks, "pairs": summary.pairs, "different_facts": summary.different_facts,
            "findings": len(report.findings),
            "verdicts": dict(summary.verdicts),
        },
    }


def finding_dicts(findings: Iterable[Finding]) -> Iterator[dict[str, Any]]:
    """Each finding's dict (`finding_data`), made as it is asked for: what many share is made once."""
    return _Shown().findings(findings)


def finding_data(finding: Finding) -> dict[str, Any]:
    """One finding; an unverified one compact (`unverified_data`)."""
    return next(finding_dicts([finding]))


def unverified_data(finding: Finding) -> dict[str, Any]:
    """A claim no other source speaks to (89% of the findings of a large corpus), compact: what the
    finding is about and its claim, whose null fields are left out. Everything else follows from the
    claim (docs/report-json.md): severity `note`; no comparisons, majority or outliers; the message and
    the explanation; `rests_on_unreviewed`, `confidence` and `unreviewed_claims` from its status."""
    return _Shown().unverified(finding, _value_data([c.claim.value for c in finding.claims]))


def claim_data(item: SourcedClaim, described: str) -> dict[str, Any]:
    """One claim of a finding, as a checked finding shows it."""
    return _Shown().claim(item, described, _value_data([item.claim.value])[0])


class _Shown:
    """The dicts of one report's findings, made as they are written. What many claims share is worked out
    once a report (a date's text: most claims are as of their source's publication date), and the claims'
    values are dumped a batch of findings at a time, in one call (at 1M: a million claims)."""

    def __init__(self) -> None:
        self._dates: dict[int, tuple[PartialDate, str]] = {}  # by id: the report keeps every date alive
        self._sources = SourceCount()  # each claim counted as it is written

    def source_dicts(self) -> Iterator[dict[str, Any]]:
        """The sources of the claims written so far (a generator: counted when it is first asked, after
        the findings)."""
        yield from map(source_data, self._sources.rows())

    def findings(self, findings: Iterable[Finding]) -> Iterator[dict[str, Any]]:
        """Each finding's dict, in order; an unverified one compact."""
        pending = iter(findings)
        while batch := list(islice(pending, BATCH)):
            values = iter(_value_data([c.claim.value for f in batch for c in f.claims]))
            for finding in batch:
                if not finding.pairs and finding.verdict is Verdict.unverified:
                    yield self.unverified(finding, islice(values, len(finding.claims)))
                else:
                    yield self.checked(finding, islice(values, len(finding.claims)))

    def checked(self, finding: Finding, values: Iterable[dict[str, Any]]) -> dict[str, Any]:
        claims = finding.claims
        # no auto claim, nothing unreviewed: the pairs are walked only when a claim is auto
        unreviewed = finding.unreviewed if any(c.claim.status is not Status.reviewed for c in claims) else ()
        return {
            "id": finding.id,
            "rule": {"id": finding.rule_id, "name": finding.rule_name},
            "severity": finding.severity,
            "verdict": finding.verdict._value_,
            "subject": finding.subject,
            "subject_name": finding.subject_name,
            "property": finding.property,
            "event": finding.event,
            "message": finding.message,
            "claims": list(map(self.claim, claims, finding.values, values)),
            "majority": list(finding.majority),
            "outliers": list(finding.outliers),
            "comparisons": [
                {"claims": [p.first, p.second], "verdict": p.comparison.verdict._value_,
                 "explanation": p.comparison.explanation, "score": p.comparison.score,
                 "facts": dict(p.comparison.facts)}
                for p in finding.pairs
            ],
            "explanation": finding.explanation,
            "rests_on_unreviewed": bool(unreviewed),
            "confidence": lowest_confidence(unreviewed),
            "unreviewed_claims": [c.key for c in unreviewed],
        }

    def unverified(self, finding: Finding, values: Iterable[dict[str, Any]]) -> dict[str, Any]:
        return {
            "id": finding.id,
            "rule": {"id": finding.rule_id, "name": finding.rule_name},
            "verdict": finding.verdict._value_,
            "subject": finding.subject,
            "subject_name": finding.subject_name,
            "property": finding.property,
            "claims": [_without_nulls(self.claim(c, v, d)) for c, v, d in zip(finding.claims, finding.values, values)],
        }

    def claim(self, item: SourcedClaim, described: str, value_data: dict[str, Any]) -> dict[str, Any]:
        self._sources.add(item)
        claim = item.claim
        evidence = claim.evidence
        modality = claim.modality
        return {
            "source": item.source.id,
            "id": claim.id,
            "kind": claim.kind,
            "property": claim.property,
            "event": claim.event,
            "modality": modality._value_ if modality else None,  # `_value_`: `.value` is a descriptor call
            "value": described,
            "value_data": value_data,
            "qualifier": claim.qualifier,
            "as_of": self._date(claim.as_of or item.source.published),
            "status": claim.status._value_,
            "confidence": claim.confidence,
            "evidence": {"text": evidence.text, "start": evidence.start, "end": evidence.end},
            "location": {"path": item.path, "line": item.line},
        }

    def _date(self, date: PartialDate) -> str:
        known = self._dates.get(id(date))
        if known is None:
            known = self._dates[id(date)] = (date, str(date))
        return known[1]


_VALUES = TypeAdapter(list[Any])  # each value by its own model's serializer, as `model_dump` would


def _value_data(values: list[Any]) -> list[dict[str, Any]]:
    """Each value as `value.model_dump(mode="json", exclude_none=True)`, in one call for the list."""
    return _VALUES.dump_python(values, mode="json", exclude_none=True)


def _without_nulls(data: dict[str, Any]) -> dict[str, Any]:
    for name in OPTIONAL_CLAIM_FIELDS:
        if data[name] is None:
            del data[name]
    return data
