"""Terminal output (rich): conflicts first, each finding with every source's evidence side by side
and the explanation, then a summary line with the count per verdict.

Every string from a file is a rich `Text` (never parsed as markup) cleaned by `escape.terminal` (no
escape sequence or control character reaches the terminal), or `escape.terminal_line` where it must
stay on one line (titles, paths)."""

from __future__ import annotations

import io
from collections.abc import Sequence

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from factcheck.engine.finding import Finding, Report
from factcheck.model.sourced import SourcedClaim
from factcheck.report.context import RenderContext
from factcheck.report.escape import terminal, terminal_line
from factcheck.report.review import claim_status, is_reviewed, unreviewed_note

STYLES = {"conflict": "bold red", "compatible": "yellow", "agree": "green", "unverified": "dim"}
UNREVIEWED_STYLE = "bold yellow"
MIN_OTHER_COLUMN = 12  # columns the value or evidence keeps beside an unfolded `file:line`
FRAME = 4 + 3 * 2  # a panel's (or table's) borders, and each of three columns' padding


def render(report: Report, context: RenderContext) -> str:
    stream = io.StringIO()
    console = Console(file=stream, width=context.width, force_terminal=context.color, no_color=not context.color,
                      highlight=False, emoji=False, legacy_windows=False)
    checked = [f for f in report.findings if f.verdict.value != "unverified"]
    for finding in checked:
        console.print(_panel(finding, context.width))
    unverified = [f for f in report.findings if f.verdict.value == "unverified"]
    if unverified and context.show_unverified:
        console.print(_unverified_table(unverified, context.width))
    console.print(_summary(report))
    return stream.getvalue()


def _panel(finding: Finding, width: int) -> Panel:
    """A finding's box: each source's value and evidence side by side, then the explanation."""
    verdict = finding.verdict.value
    table = Table(show_header=True, header_style="bold", expand=True, box=None, padding=(0, 1))
    widest = max(len(terminal_line(c.source_id)) for c in finding.claims)
    table.add_column("source", min_width=min(widest, 28), max_width=28, overflow="fold")
    fixed = _unfolded(finding.claims, width, location_ratio=5, other_ratio=3)
    table.add_column("value", ratio=None if fixed else 3, width=fixed[1] if fixed else None, overflow="fold")
    table.add_column("evidence", ratio=None if fixed else 5, width=fixed[0] if fixed else None, overflow="fold")
    apart = fixed is None and _too_narrow(finding.claims, width, location_ratio=5, other_ratio=3)
    for claim, value in zip(finding.claims, finding.values):
        source = Text(terminal_line(claim.source_id), style="bold red" if claim.source_id in finding.outliers else "")
        source.append("\n").append_text(_status(claim))
        evidence = Text(terminal(claim.claim.evidence.text), style="italic")
        if not apart:
            evidence.append(f"\n{_location(claim)}", style="dim")
        table.add_row(source, Text(terminal(value)), evidence)
    parts: list = [table]
    if apart:  # too narrow for a location beside the evidence: each on a line of its own, under the table
        parts += [_location_line(claim, f"  {terminal_line(claim.source_id)}", width - 4) for claim in finding.claims]
    parts.append(Text(""))
    if finding.outliers:
        parts.append(Text(f"Standing apart: {terminal_line(', '.join(finding.outliers))}", style="bold red"))
    note = unreviewed_note(finding)
    if note is not None:
        parts.append(Text(f"Unreviewed: {terminal(note)}", style=UNREVIEWED_STYLE))
    for line in finding.explanation.splitlines():
        parts.append(Text(f"• {terminal(line)}"))
    title = Text.assemble((f" {verdict.upper()} ", STYLES[verdict]), f" {terminal_line(finding.message)} ")
    if note is not None:
        title.append(" UNREVIEWED ", style=UNREVIEWED_STYLE)
    subtitle = Text(terminal_line(f"{finding.rule_id} {finding.rule_name} · {finding.id}"))
    return Panel(Group(*parts), title=title, title_align="left", subtitle=subtitle, subtitle_align="right",
                 border_style=STYLES[verdict])


def _unverified_table(findings: list[Finding], width: int) -> Table | Group:
    if _too_narrow([f.claims[0] for f in findings], width, location_ratio=3, other_ratio=5):
        return _unverified_list(findings, width)
    table = Table(title=f"Unverified: {len(findings)} claims no other source speaks to", title_justify="left",
                  title_style="bold", expand=True, show_lines=False)
    table.add_column("source", max_width=28, overflow="fold")
    fixed = _unfolded([f.claims[0] for f in findings], width, location_ratio=3, other_ratio=5)
    table.add_column("claim", ratio=None if fixed else 3, width=fixed[0] if fixed else None, overflow="fold")
    table.add_column("value", ratio=None if fixed else 5, width=fixed[1] if fixed else None, overflow="fold")
    for finding in findings:
        claim = finding.claims[0]
        source = Text(f"{terminal_line(claim.source_id)}\n").append_text(_status(claim))
        where = Text(f"{terminal_line(claim.claim.id)}\n").append(_location(claim), style="dim")
        table.add_row(source, where, Text(terminal(finding.values[0])))
    return table


def _unverified_list(findings: list[Finding], width: int) -> Group:
    """The unverified claims as a list, for an output too narrow for a table that keeps locations whole."""
    lines = [Text(f"Unverified: {len(findings)} claims no other source speaks to", style="bold")]
    for finding in findings:
        claim = finding.claims[0]
        lines.append(Text(f"• {terminal_line(claim.claim.id)}: {terminal(finding.values[0])}"))
        lines.append(_location_line(claim, f"  {terminal_line(claim.source_id)}, {claim_status(claim)}", width))
    return Group(*lines)


def _location_line(claim: SourcedClaim, after: str, width: int) -> Text:
    """`  claims/x.yaml:12  source-id`: the location first and whole; what follows is cut short (…) when
    the line is too long, and the location itself folds only when it is wider than the output."""
    location = _location(claim)
    line = Text(f"{'  ' if len(location) + 2 <= width else ''}{location}", style="dim")
    if len(line) + 3 <= width:  # room for what follows, or at least its "…"
        line.append(after)
    fits = len(location) <= width
    line.no_wrap, line.overflow = fits, "ellipsis" if fits else "fold"
    return line


def _location(claim: SourcedClaim) -> str:
    return f"{terminal_line(claim.path)}:{claim.line}"


def _unfolded(claims: Sequence[SourcedClaim], width: int, *, location_ratio: int,
              other_ratio: int) -> tuple[int, int] | None:
    """Widths (the `file:line` column, the other one) that keep every location on one line (a reader
    copies it into an editor), when the ratio layout would fold one; None to keep the ratio layout
    (it folds none, or the output is too narrow to keep the other column readable beside them). Both
    tables have three columns: the source's (up to 28), the one with locations, and one more."""
    widest = max(len(_location(c)) for c in claims)
    rest = width - FRAME - _source_width(claims)
    if rest * location_ratio // (location_ratio + other_ratio) > widest or rest - widest < MIN_OTHER_COLUMN:
        return None
    return widest, rest - widest


def _too_narrow(claims: Sequence[SourcedClaim], width: int, *, location_ratio: int, other_ratio: int) -> bool:
    """Whether the ratio layout folds a location and no fixed widths can keep it whole beside a readable
    column: the locations then go on lines of their own."""
    source = _source_width(claims)
    widest = max(len(_location(c)) for c in claims)
    rest = width - FRAME - source
    return rest * location_ratio // (location_ratio + other_ratio) < widest and rest - widest < MIN_OTHER_COLUMN


def _source_width(claims: Sequence[SourcedClaim]) -> int:
    return min(max(max(len(terminal_line(c.source_id)), len(claim_status(c))) for c in claims), 28)


def _status(claim: SourcedClaim) -> Text:
    return Text(claim_status(claim), style="dim" if is_reviewed(claim) else UNREVIEWED_STYLE)


def _summary(report: Report) -> Text:
    s = report.summary
    text = Text(f"\n{s.describe()} ")
    for index, (verdict, count) in enumerate(s.verdicts.items()):
        text.append(", " if index else "")
        text.append(f"{count} {verdict}", style=STYLES[verdict])
    text.append(".")
    return text
