"""The HTML page's view model: what the template shows, built once from the report.

The template only lays things out; everything it needs is read here from the report (findings, their
claims with each source's metadata, the comparisons' facts) and the render context (the rules that
ran). Findings are grouped conflicts first; each claim carries its evidence with the value marked and,
when the source text can be read, its paragraph; each finding carries its picture.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from factcheck.engine.finding import Finding, Report
from factcheck.model.sourced import SourcedClaim
from factcheck.model.values import QuoteValue
from factcheck.report.context import RenderContext
from factcheck.report.figures import (DatedFact, NumberLine, TimeAxis, WordDiff, dated_facts, number_line, time_axis,
                                      word_diffs)
from factcheck.report.highlight import Marked, Paragraph, SourceTexts, marked_evidence, paragraph_of
from factcheck.report.review import unreviewed_note
from factcheck.report.sources import SourceRow, sources_of
from factcheck.report.svg import SHAPES, legend_shape, number_line_svg, time_axis_svg, timeline_svg

CHECKED = ("conflict", "compatible", "agree")
VERDICTS = (*CHECKED, "unverified")
# How the per-source view names a verdict for one source's claim.
TIMELINE_SUBJECTS = 60  # rows of the timeline picture; its table lists every dated fact
STANDING = {"agree": "corroborated", "compatible": "compatible", "conflict": "contradicted", "unverified": "unverified"}


@dataclass(frozen=True)
class ClaimView:
    item: SourcedClaim
    value: str  # the value as described; for a quote marked in its evidence, only who said it
    evidence: Marked
    paragraph: Paragraph | None
    apart: bool


@dataclass(frozen=True)
class FindingView:
    finding: Finding
    claims: tuple[ClaimView, ...]
    note: str | None
    time_axis: TimeAxis | None = None
    time_axis_svg: Markup | None = None
    number_line: NumberLine | None = None
    number_line_svg: Markup | None = None
    diffs: tuple[WordDiff, ...] = ()

    @property
    def verdict(self) -> str:
        return self.finding.verdict.value

    @property
    def sources(self) -> str:
        """The source ids, space-separated, for the filters (`data-sources`)."""
        return " ".join(self.finding.sources)


@dataclass(frozen=True)
class SourceView:
    row: SourceRow
    shape: str
    legend: Markup
    # STANDING name -> (claim, finding) pairs of this source
    claims: dict[str, list[tuple[ClaimView, FindingView]]] = field(default_factory=dict)


@dataclass(frozen=True)
class Page:
    summary_line: str
    verdicts: dict[str, int]
    sources: tuple[SourceView, ...]
    groups: tuple[tuple[str, tuple[FindingView, ...]], ...]  # verdict -> findings, conflicts first
    unverified: tuple[FindingView, ...]
    timeline: tuple[DatedFact, ...]
    timeline_svg: Markup | None
    timeline_left_out: int  # subjects past TIMELINE_SUBJECTS, in the table only
    rules: tuple[tuple[str, str], ...]  # (id, name) for the filter
    subjects: tuple[tuple[str, str], ...]  # (id, name)
    version: str


def build_page(report: Report, context: RenderContext) -> Page:
    texts = SourceTexts()
    views = [_finding_view(finding, texts) for finding in report.findings]
    rows = sources_of(report)
    sources = tuple(SourceView(row, SHAPES[i % len(SHAPES)], legend_shape(SHAPES[i % len(SHAPES)]),
                               {name: [] for name in STANDING.values()}) for i, row in enumerate(rows))
    by_id = {view.row.id: view for view in sources}
    for view in views:
        for claim in view.claims:
            by_id[claim.item.source_id].claims[STANDING[view.verdict]].append((claim, view))
    date_rules = frozenset(r.id for r in context.rules if r.compare.comparator == "date")
    facts = dated_facts(report, date_rules)
    first_subjects = set(list(dict.fromkeys(f.subject for f in facts))[:TIMELINE_SUBJECTS])
    drawn = tuple(f for f in facts if f.subject in first_subjects)
    shown = [v for v in views if context.show_unverified or v.verdict != "unverified"]
    return Page(
        summary_line=report.summary.describe(),
        verdicts={v: report.summary.verdicts.get(v, 0) for v in VERDICTS},
        sources=sources,
        groups=tuple((verdict, tuple(v for v in shown if v.verdict == verdict)) for verdict in CHECKED),
        unverified=tuple(v for v in shown if v.verdict == "unverified"),
        timeline=facts,
        timeline_svg=timeline_svg(drawn, [row.id for row in rows], "timeline") if drawn else None,
        timeline_left_out=len({f.subject for f in facts}) - len({f.subject for f in drawn}),
        rules=tuple(sorted({(v.finding.rule_id, v.finding.rule_name) for v in shown})),
        subjects=tuple(sorted({(v.finding.subject, v.finding.subject_name or v.finding.subject) for v in shown},
                              key=lambda s: s[1].casefold())),
        version=context.version,
    )


def _finding_view(finding: Finding, texts: SourceTexts) -> FindingView:
    claims = tuple(_claim_view(item, value, item.source_id in finding.outliers, texts)
                   for item, value in zip(finding.claims, finding.values))
    axis, line = time_axis(finding), number_line(finding)
    return FindingView(
        finding, claims, unreviewed_note(finding),
        time_axis=axis, time_axis_svg=time_axis_svg(axis, f"axis-{finding.id}") if axis else None,
        number_line=line, number_line_svg=number_line_svg(line, f"line-{finding.id}") if line else None,
        diffs=word_diffs(finding),
    )


def _claim_view(item: SourcedClaim, described: str, apart: bool, texts: SourceTexts) -> ClaimView:
    evidence = marked_evidence(item)
    value = item.claim.value
    if isinstance(value, QuoteValue) and evidence.value and described.startswith(f"“{value.text}” ("):
        described = "said by " + described[len(value.text) + 4:-1]  # the quote itself is marked in the evidence
    return ClaimView(item, described, evidence, paragraph_of(item, texts), apart)

