"""`factcheck gate`, `factcheck baseline add` and `factcheck baseline prune` (docs/ci.md).

Exit codes: 0 nothing new fails; 1 the data fails (new conflicts, or an invalid claims file); 2 the
check could not run (a bad rule or baseline file, a usage or git error).
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path
from typing import NoReturn

import click

from factcheck.cli.configured import ConfiguredCommand, ConfiguredGroup
from factcheck.cli.ending import keep_to_end
from factcheck.cli.exit_codes import EXIT_DATA, EXIT_OK, EXIT_USAGE
from factcheck.cli.output import (
    check_output_or_exit,
    echo_problems,
    fail_write,
    output_width,
    wants_color,
    write_output,
)
from factcheck.cli.rule_options import (
    FAIL_ON_OPTION,
    INDENT_OPTION,
    REVIEWED_ONLY_OPTION,
    RULES_OPTION,
    load_rules_or_exit,
    selection_options,
    usage_error,
)
from factcheck.engine import Report
from factcheck.gate import DEFAULT_BASELINE, UNREVIEWED, GateError, GateRequest, GateResult, run_gate
from factcheck.gate.levels import below_level
from factcheck.gate.baseline import BaselineFile, entry_for, load_baseline, pruned, save_baseline, with_entry
from factcheck.gate.news import json_chunks, render_with_news, summary_with_news
from factcheck.gate.render import GATE_FORMATS
from factcheck.load import ProblemsError
from factcheck.load.write import WriteError, is_stdout
from factcheck.report import RenderContext
from factcheck.report.escape import terminal_line
from factcheck.rules.severity import FailOn

CLAIMS_OPTION = click.option("--claims", "claims_dir", type=click.Path(path_type=Path), default=Path("claims"),
                             show_default=True, help="The claims directory.")


def _baseline_file(ctx: click.Context, param: click.Parameter, value: Path) -> Path:
    if value.is_dir():
        usage_error(f"--baseline {value}: is a directory; the baseline is a YAML file (default {DEFAULT_BASELINE})")
    return value


def _expiry(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        usage_error(f"--expires {value!r}: write the last day as YYYY-MM-DD, e.g. 2026-12-31")
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        usage_error(f"--expires {value}: the date does not exist")
    if day < dt.date.today():
        usage_error(f"--expires {value}: the date is past (today is {dt.date.today()}); an entry that has expired "
                     "accepts nothing")
    return day


BASELINE_OPTION = click.option("--baseline", "baseline_path", type=click.Path(path_type=Path), callback=_baseline_file,
                               default=DEFAULT_BASELINE, show_default=True, help="The baseline file.")
ENTITIES_OPTION = click.option("--entities", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                               help="The entity file (default: entities.yaml beside the claims).")


def _fail_usage(error: GateError) -> NoReturn:
    if error.problems:
        echo_problems(error.problems, what=error.what)
    click.echo(terminal_line(f"error: {error.message}"), err=True)
    sys.exit(EXIT_USAGE)


@click.command(cls=ConfiguredCommand)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--base", metavar="GIT_REV", help="Check the claims files changed since this revision, with its rules.")
@BASELINE_OPTION
@FAIL_ON_OPTION
@click.option("--unreviewed", type=click.Choice(list(UNREVIEWED)), default="fail", show_default=True,
              help="What a new finding that rests on unreviewed (auto) claims does: fail, warn, or nothing.")
@CLAIMS_OPTION
@selection_options
@ENTITIES_OPTION
@click.option("--rules-from-head", is_flag=True, help="With --base: judge by the working tree's rules, not the base's.")
@click.option("--format", "format_name", type=click.Choice(GATE_FORMATS), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the output to a file (`-` for standard output); never over a file factcheck did not write.")
@REVIEWED_ONLY_OPTION
@click.option("--color/--no-color", default=None,
              help="Colours in text output (default: on a terminal, unless NO_COLOR is set; FORCE_COLOR forces them).")
@click.option("--allow-baseline-changes", is_flag=True,
              help="With --base: accept findings by the baseline entries this change adds or edits (once reviewed).")
@click.option("--allow-deleted-sources", is_flag=True,
              help="A known finding whose source this change deletes is listed, and does not fail.")
@click.option("--no-cache", is_flag=True,
              help="Read and validate every claims file, not the unchanged ones from the cache in .factcheck/cache/.")
@INDENT_OPTION
def gate(paths: tuple[Path, ...], base: str | None, baseline_path: Path, fail_on: FailOn, unreviewed: str,
         claims_dir: Path, rules_dir: Path, select: tuple[str, ...], ignore: tuple[str, ...], entities: Path | None,
         rules_from_head: bool, format_name: str, output: Path | None, reviewed_only: bool, color: bool | None,
         allow_baseline_changes: bool, allow_deleted_sources: bool, no_cache: bool, indent: int | None) -> None:
    """Check new or changed claims files against everything else: fail on new conflicts.

    PATHS are the changed claims files; without them, git says what changed since --base (plus what is
    uncommitted or untracked under the claims directory). A new finding fails when its verdict and its
    rule's severity are at or above --fail-on (default: a conflict of an error rule); below it, it is
    shown and noted. Exit 0 nothing new fails, 1 the data fails, 2 the check could not run.
    """
    keep_to_end()  # every exit below comes after its writes are done: the entry point may end at once
    output = None if is_stdout(output) else output
    inputs = (baseline_path, *paths, *([entities] if entities else []))
    check_output_or_exit(output, inputs=inputs)
    if indent is not None and format_name != "json":
        usage_error("--indent applies to --format json")
    request = GateRequest(paths=paths, base=base, baseline=baseline_path, fail_on=fail_on.verdict,
                          unreviewed=unreviewed, claims_dir=claims_dir, rules_dir=rules_dir,
                          rules_from_head=rules_from_head, entities=entities,
                          select=_selected_ids(rules_dir, select, ignore, judged_here=base is None or rules_from_head),
                          allow_baseline_changes=allow_baseline_changes, allow_deleted_sources=allow_deleted_sources,
                          reviewed_only=reviewed_only, cache=not no_cache)
    try:
        result = below_level(run_gate(request), fail_on)
        keep_to_end(result)
    except GateError as error:
        _fail_usage(error)
    except ProblemsError as error:
        echo_problems(error.problems)
        click.echo("factcheck gate: failed: the claims files above are invalid.", err=True)
        sys.exit(EXIT_DATA)
    terminal = output is None and sys.stdout.isatty()
    context = RenderContext(color=wants_color(color, terminal) if output is None else bool(color),
                            width=output_width(terminal))
    # JSON in the report's layout (compact, a finding a line, or --indent N), in pieces: never one string
    text = json_chunks(result, context, indent) if format_name == "json" else render_with_news(result, format_name,
                                                                                               context)
    if output is not None:
        write_output(output, text, inputs=inputs)
        _echo_summary(result)
        click.echo(f"Wrote {output}.", err=True)
    else:
        for piece in [text] if isinstance(text, str) else text:
            click.echo(piece, nl=False, color=context.color)  # click would strip colours from a pipe
        if format_name != "text":
            _echo_summary(result)
    sys.exit(EXIT_OK if result.passed else EXIT_DATA)


def _selected_ids(rules_dir: Path, select: tuple[str, ...], ignore: tuple[str, ...], *,
                  judged_here: bool) -> tuple[str, ...]:
    """--select/--ignore as the rule ids they name in the working tree's rules (the gate runs exactly
    those; with --base, the base's rules must still have them). The working tree's rules are loaded (and
    overlaps warned about) only when they are the ones that judge, or to resolve a selector."""
    if not (select or ignore or judged_here):
        return ()
    rules = load_rules_or_exit(rules_dir, select, ignore)
    return tuple(r.id for r in rules) if select or ignore else ()


def _echo_summary(result: GateResult) -> None:
    """The outcome on standard error, when standard output holds a machine format or nothing."""
    for line in summary_with_news(result):
        click.echo(line, err=True)


@click.group(cls=ConfiguredGroup)
def baseline() -> None:
    """Accept known findings with a reason, and drop entries that no longer apply."""


def _full_report(claims_dir: Path, rules_dir: Path, entities: Path | None) -> Report:
    """The whole corpus compared, as `factcheck report` does: what the baseline is judged against."""
    from factcheck.cli.report_commands import build_report  # rich and the report's formats: not for the gate

    return build_report((claims_dir,), load_rules_or_exit(rules_dir), entities, quiet=True)


def _load(path: Path) -> BaselineFile:
    try:
        return load_baseline(path)
    except ProblemsError as error:
        echo_problems(error.problems, what="baseline problem")
        sys.exit(EXIT_USAGE)


@baseline.command("add")
@click.argument("finding_id")
@click.option("--reason", required=True, help="Why the finding is accepted (required).")
@click.option("--owner", help="Who answers for it.")
@click.option("--expires", callback=_expiry, help="The last day it is accepted (YYYY-MM-DD).")
@BASELINE_OPTION
@CLAIMS_OPTION
@RULES_OPTION
@ENTITIES_OPTION
def baseline_add(finding_id: str, reason: str, owner: str | None, expires: dt.date | None, baseline_path: Path,
                 claims_dir: Path, rules_dir: Path, entities: Path | None) -> None:
    """Accept the finding FINDING_ID (as shown in reports) so it no longer fails the gate."""
    if not reason.strip():
        click.echo("error: --reason is empty: say why the finding is accepted", err=True)
        sys.exit(EXIT_USAGE)
    current = _load(baseline_path)
    report = _full_report(claims_dir, rules_dir, entities)
    finding = next((f for f in report.findings if f.id == finding_id), None)
    if finding is None:
        click.echo(terminal_line(f"error: no finding {finding_id!r} in the report of {claims_dir} (ids are shown "
                                 "by `factcheck report` and `factcheck gate`)"), err=True)
        sys.exit(EXIT_USAGE)
    entry = entry_for(finding, reason, owner=owner, expires=expires)
    updated, replaced = with_entry(current, entry)
    try:
        save_baseline(baseline_path, updated)
    except WriteError as error:
        fail_write(error)
    click.echo(terminal_line(f"{'updated' if replaced else 'added'} {finding.id} ({finding.rule_id} "
                             f"{finding.verdict.value}: {finding.message}) in {baseline_path}"))
    sys.exit(EXIT_OK)


@baseline.command("prune")
@BASELINE_OPTION
@CLAIMS_OPTION
@RULES_OPTION
@ENTITIES_OPTION
def baseline_prune(baseline_path: Path, claims_dir: Path, rules_dir: Path, entities: Path | None) -> None:
    """Drop expired entries and entries that match no finding; keep the others as they are."""
    current = _load(baseline_path)
    report = _full_report(claims_dir, rules_dir, entities)
    kept, dropped = pruned(current, report.findings, dt.date.today())
    if dropped:
        try:
            save_baseline(baseline_path, kept)
        except WriteError as error:
            fail_write(error)
    for entry, why in dropped:
        click.echo(terminal_line(f"dropped {entry.describe()}: {why}"))
    click.echo(terminal_line(f"{len(dropped)} dropped, {len(kept.entries)} kept in {baseline_path}"))
    sys.exit(EXIT_OK)


COMMANDS = [gate, baseline]
