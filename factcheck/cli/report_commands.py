"""`factcheck report` and `factcheck test-rules`; `load_rules_or_exit` is in rule_options.py."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from factcheck.cli.configured import ConfiguredCommand
from factcheck.cli.ending import keep_to_end
from factcheck.cli.exit_codes import EXIT_DATA, EXIT_OK, EXIT_USAGE
from factcheck.cli.output import check_output_or_exit, echo_problems, output_width, wants_color, write_output
from factcheck.cli.rule_options import (
    FAIL_ON_OPTION,
    IGNORE_OPTION,
    INDENT_OPTION,
    REVIEWED_ONLY_OPTION,
    SELECT_OPTION,
    load_rules_or_exit,
    selection_options,
    usage_error,
)
from factcheck.comparators.base import Verdict
from factcheck.engine import Report, run_rules
from factcheck.engine.engine import Executor
from factcheck.engine.parallel import EXECUTORS, ExecutorError, default_jobs, executor_for
from factcheck.load import ProblemsError, load_corpus
from factcheck.load.report_request import ReportRequest
from factcheck.load.report_store import Outcome, ReportRecorder, find_report
from factcheck.load.reviewed import reviewed_only
from factcheck.load.write import is_stdout
from factcheck.report import FORMATS, RenderContext, render
from factcheck.report import json as json_format
from factcheck.report.escape import terminal_line
from factcheck.rules import LoadedRule, UnknownRuleError, check_properties, load_rules, rule_files_in
from factcheck.rules.model import RULE_ID_PATTERN, Rule
from factcheck.rules.select import selected_ids
from factcheck.rules.severity import FailOn, rule_severity
from factcheck.rules.testing import run_rule_tests

PROGRESS_THRESHOLD = 5000  # pairs: below this a run is instant and a bar is noise
LOAD_PROGRESS_THRESHOLD = 500  # claims files: fewer load in a second or two
UNTESTED_RULE = re.compile(f": ({RULE_ID_PATTERN.strip('^$')}) ")  # `rules/x.yaml: FC101 name has no test file`


def build_report(claims: tuple[Path, ...], rules: list[LoadedRule], entities: Path | None, quiet: bool, *,
                 reviewed: bool = False, cache: bool = False, executor: Executor | None = None) -> Report:
    """Load, check and compare (only reviewed claims when `reviewed`); exits 1 on invalid claims, as
    `validate` does."""
    return _build(claims, rules, entities, quiet, reviewed=reviewed, cache=cache, executor=executor)[0]


def _build(claims: tuple[Path, ...], rules: list[LoadedRule], entities: Path | None, quiet: bool, *,
           reviewed: bool = False, cache: bool = False, executor: Executor | None = None
           ) -> tuple[Report, list[tuple[str, str]]]:
    """`build_report`, with the source texts the load read and checked: (path, sha256) of each, for the
    report store's manifest (the corpus itself, with every text, is not kept)."""
    console = Console(stderr=True)
    showing = not quiet and console.is_terminal
    try:
        if not showing:
            corpus = load_corpus(list(claims), entities_path=entities, cache=cache)
        else:
            with _bar(console, "loading") as (progress, task):
                def read(done: int, total: int) -> None:
                    if total >= LOAD_PROGRESS_THRESHOLD:
                        progress.update(task, completed=done, total=total, visible=True)

                corpus = load_corpus(list(claims), entities_path=entities, cache=cache, progress=read)
    except ProblemsError as error:
        echo_problems(error.problems)
        sys.exit(EXIT_DATA)
    texts = [(str(d.path.parent / d.claims_file.source.text), d.claims_file.source.sha256) for d in corpus.documents]
    if reviewed:
        corpus = reviewed_only(corpus)
    rule_problems = check_properties(rules, corpus.vocabulary)
    if rule_problems:
        echo_problems(rule_problems, what="rule problem")
        sys.exit(EXIT_USAGE)
    if not showing:
        return run_rules(corpus, rules, executor=executor), texts
    with _bar(console, "comparing") as (progress, task):
        def advance(done: int, total: int) -> None:
            if total >= PROGRESS_THRESHOLD and (done % 500 == 0 or done == total):
                progress.update(task, completed=done, total=total, visible=True)

        return run_rules(corpus, rules, progress=advance, executor=executor), texts


@contextmanager
def _bar(console: Console, label: str) -> Iterator[tuple[Progress, TaskID]]:
    """A progress bar on standard error, hidden until a step reports a size worth showing."""
    with Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=True) as progress:
        yield progress, progress.add_task(label, total=None, visible=False)


@click.command(cls=ConfiguredCommand)
@click.option("--claims", "claims", multiple=True, type=click.Path(exists=True, path_type=Path), default=[Path("claims")],
              show_default=True, help="Claims directory or files (repeatable).")
@selection_options
@click.option("--entities", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The entity file (default: entities.yaml beside the claims).")
@click.option("--format", "format_name", type=click.Choice(sorted(FORMATS)), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the report to a file (`-` for standard output); never over a file factcheck did not write.")
@click.option("--hide-unverified", is_flag=True, help="Leave claims no other source speaks to out of the output.")
@click.option("--color/--no-color", default=None,
              help="Colours in text output (default: on a terminal, unless NO_COLOR is set; FORCE_COLOR forces them).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@FAIL_ON_OPTION
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings fail (--fail-on): only errors exit non-zero.")
@REVIEWED_ONLY_OPTION
@click.option("--no-cache", is_flag=True,
              help="Read, validate and compare everything, using nothing kept in .factcheck/cache/ and keeping "
                   "nothing there (validated claims, reports written before; docs/performance.md).")
@click.option("--jobs", type=click.IntRange(min=0), default=1, show_default=True,
              help="Processes (or Dask workers) that compare shards of blocks in a large run (0: every core); "
                   "the same report as one (docs/parallel.md).")
@click.option("--executor", type=click.Choice(EXECUTORS), default="local", show_default=True,
              help="Where shards are compared: processes on this machine, or a dask.distributed cluster (docs/parallel.md).")
@click.option("--scheduler", metavar="ADDRESS",
              help="With --executor dask: the scheduler's address (tcp://HOST:8786); without it, a LocalCluster of --jobs workers.")
@INDENT_OPTION
def report(claims: tuple[Path, ...], rules_dir: Path, select: tuple[str, ...], ignore: tuple[str, ...],
           entities: Path | None, format_name: str, output: Path | None, hide_unverified: bool, color: bool | None,
           quiet: bool, fail_on: FailOn, exit_zero: bool, reviewed_only: bool, no_cache: bool, jobs: int,
           executor: str, scheduler: str | None, indent: int | None) -> None:
    """Compare every overlapping claim across sources and report where they agree and conflict.

    Exit 0 when nothing fails, 1 when a finding fails (by default a conflict found by a rule of severity
    error; see --fail-on, and --exit-zero) or claims files are invalid, 2 on a usage error or a bad rule
    file. Settings come from factcheck.toml or [tool.factcheck] in pyproject.toml (docs/config.md).
    When nothing a report depends on has changed since it was written (files, rules, options, factcheck
    itself), the report kept then is written again, byte for byte, without comparing (docs/performance.md).
    """
    keep_to_end()  # every exit below comes after its writes are done: the entry point may end at once
    output = None if is_stdout(output) else output
    inputs = (*claims, *([entities] if entities else []))
    check_output_or_exit(output, inputs=inputs)
    if indent is not None and format_name != "json":
        usage_error("--indent applies to --format json")
    rules = load_rules_or_exit(rules_dir, select, ignore)
    to_terminal = output is None and sys.stdout.isatty()
    context = RenderContext(color=wants_color(color, to_terminal) if output is None else bool(color),
                            width=output_width(to_terminal), show_unverified=not hide_unverified,
                            failing_verdicts=fail_on.verdicts, rules=tuple(r.rule for r in rules))
    shown = {"reviewed_only": reviewed_only, "format": format_name, "indent": indent, "color": context.color,
             "width": context.width, "show_unverified": context.show_unverified, "fail_on": fail_on.describe()}
    request = None if no_cache else ReportRequest(claims, entities, rules, shown)
    try:  # made (and its options checked) first; it starts nothing until it compares
        comparing = executor_for(executor, jobs or default_jobs(), scheduler=scheduler, claims=list(claims),
                                 entities=entities, cache=not no_cache, reviewed=reviewed_only)
    except ExecutorError as error:
        usage_error(str(error))
    stored = find_report(request) if request is not None else None
    if stored is not None:  # nothing it depends on changed: the report written before, as it was
        if output is None and format_name == "json":  # bytes as kept (JSON holds no colours to strip)
            for piece in stored.raw_pieces():
                click.echo(piece, nl=False)
        else:
            _emit(stored.pieces(), output, context.color, inputs)
        outcome = stored.outcome
    else:
        outcome = _report_anew(request, claims, rules, entities, quiet, reviewed_only, comparing,
                               format_name, context, indent, output, inputs, fail_on)
    if output:
        click.echo(f"Wrote {output}: " + ", ".join(f"{n} {v}" for v, n in outcome.verdicts.items()) + ".", err=True)
    if outcome.failing and not exit_zero:
        count = outcome.failing
        click.echo(f"{count} finding{'s' if count != 1 else ''} fail{'s' if count == 1 else ''} "
                   f"(--fail-on {fail_on.describe()}; --exit-zero to exit 0).", err=True)
        sys.exit(EXIT_DATA)
    sys.exit(EXIT_OK)


def _report_anew(request: ReportRequest | None, claims: tuple[Path, ...], rules: list[LoadedRule],
                 entities: Path | None, quiet: bool, reviewed: bool, comparing: Executor | None,
                 format_name: str, context: RenderContext, indent: int | None, output: Path | None,
                 inputs: tuple[Path, ...], fail_on: FailOn) -> Outcome:
    """Load, compare and write the report, keeping it in the report store (`request`) when it can."""
    recorder = ReportRecorder.start(request) if request is not None else None
    try:
        try:
            result, texts = _build(claims, rules, entities, quiet, reviewed=reviewed, cache=request is not None,
                                   executor=comparing)
        except ExecutorError as error:
            usage_error(str(error))
        keep_to_end(result)  # never freed object by object (4.4 s at 1M claims) when the entry point ends
        # JSON as it is encoded, a batch of findings at a time (never one string), in UTF-8 as orjson wrote it
        text = json_format.utf8_chunks(result, context, indent) if format_name == "json" else \
            render(result, format_name, context)
        if recorder is not None:
            text = recorder.tee(text) if format_name == "json" else recorder.record(text)
        _emit(text, output, None if format_name == "json" else context.color, inputs)
        outcome = Outcome(dict(result.summary.verdicts), failing_count(result, fail_on, [r.rule for r in rules]))
        if recorder is not None:
            recorder.keep(texts, outcome)
        return outcome
    finally:
        if recorder is not None:
            recorder.discard()


def failing_count(result: Report, fail_on: FailOn, in_force: list[Rule]) -> int:
    """The findings that fail the run (`FailOn.fails`, by the severity of their rule in force). A finding
    whose verdict cannot fail (every unverified one, by default) is passed over before its rule is looked
    up, and each rule's severity is looked up once: 773,000 findings at 1M took a second one by one."""
    severities: dict[tuple[str, str], str] = {}
    verdicts, failing = tuple(v for v in Verdict if v.value in fail_on.verdicts), 0  # members: found by identity
    for finding in result.findings:
        if finding.verdict in verdicts:
            key = (finding.rule_id, finding.severity)
            if key not in severities:
                severities[key] = rule_severity(finding.rule_id, finding.severity, in_force)
            failing += fail_on.fails(finding.verdict.value, severities[key])
    return failing


def _emit(text: str | Iterable[str] | Iterable[bytes], output: Path | None, color: bool | None,
          inputs: tuple[Path, ...]) -> None:
    """The report to `output` (atomically, pieces as they come) or to standard output (`color`: keep
    the text's colours even in a pipe; None for JSON, which has none and comes as bytes)."""
    if output:
        write_output(output, text, inputs=inputs)
        return
    for piece in [text] if isinstance(text, str) else text:
        click.echo(piece, nl=False, color=color)


@click.command(name="test-rules", cls=ConfiguredCommand)
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@SELECT_OPTION
@IGNORE_OPTION
def test_rules(paths: tuple[Path, ...], select: tuple[str, ...], ignore: tuple[str, ...]) -> None:
    """Run the tests of the rules in force: the built-in rules' and those beside the project's rules
    (`*.test.yaml` next to each rule; PATHS default to the rules folder). Exit 0 all pass, 1 a failure,
    an untested rule or no test found at all, 2 bad files or selectors."""
    targets = list(paths) or [Path("rules")]
    try:
        outcome = run_rule_tests(targets)
        rules = load_rules([p for p in targets if p.is_dir()] + rule_files_in([p for p in targets if p.is_file()]))
    except ProblemsError as error:
        echo_problems(error.problems)
        sys.exit(EXIT_USAGE)
    try:
        wanted = selected_ids(rules, select, ignore)
    except UnknownRuleError as error:
        usage_error(str(error))
    results = [r for r in outcome.results if r.rule_id in wanted]
    untested = [m for m in outcome.untested if (found := UNTESTED_RULE.search(m)) is None or found.group(1) in wanted]
    for result in results:
        mark = "PASS" if result.passed else "FAIL"
        click.echo(f"{mark} {result.rule_id} {result.name}")
        if not result.passed:
            click.echo(f"     expected: {result.expected}\n     actual:   {result.actual}")
    for message in untested:
        click.echo(f"UNTESTED {message}")
    failed = sum(not r.passed for r in results)
    click.echo(f"{len(results) - failed} passed, {failed} failed")
    if not results:
        shown = " ".join(map(str, targets))
        click.echo(terminal_line(f"error: no rule tests found (in {shown} and the built-in rules, after --select/"
                                 "--ignore): a rule test is a *.test.yaml file beside its rule"), err=True)
        sys.exit(EXIT_DATA)
    sys.exit(EXIT_OK if not failed and not untested else EXIT_DATA)


COMMANDS = [report, test_rules]  # `rule` and `rules`: rules_commands.py
