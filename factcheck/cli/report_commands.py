"""`factcheck report` and `factcheck test-rules`."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from factcheck.report.escape import terminal_line
from factcheck.cli.exit_codes import EXIT_DATA, EXIT_OK, EXIT_USAGE
from factcheck.cli.output import check_output_or_exit, echo_problems, write_output
from factcheck.engine import Report, run_rules
from factcheck.load import ProblemsError, load_corpus
from factcheck.load.write import is_stdout
from factcheck.report import FORMATS, RenderContext, render
from factcheck.rules import LoadedRule, UnknownRuleError, check_properties, load_rules, select_rules
from factcheck.rules.testing import run_rule_tests

PROGRESS_THRESHOLD = 5000  # pairs: below this a run is instant and a bar is noise


def load_rules_or_exit(rules_dir: Path, select: tuple[str, ...] = ()) -> list[LoadedRule]:
    try:
        return select_rules(load_rules([rules_dir]), list(select))
    except ProblemsError as error:
        echo_problems(error.problems, what="rule problem")
        sys.exit(EXIT_USAGE)
    except UnknownRuleError as error:
        click.echo(terminal_line(f"error: {error}"), err=True)
        sys.exit(EXIT_USAGE)


def build_report(claims: tuple[Path, ...], rules: list[LoadedRule], entities: Path | None, quiet: bool) -> Report:
    """Load, check and compare; exits 1 on invalid claims, as `validate` does."""
    try:
        corpus = load_corpus(list(claims), entities_path=entities)
    except ProblemsError as error:
        echo_problems(error.problems)
        sys.exit(EXIT_DATA)
    rule_problems = check_properties(rules, corpus.vocabulary)
    if rule_problems:
        echo_problems(rule_problems, what="rule problem")
        sys.exit(EXIT_USAGE)
    console = Console(stderr=True)
    if quiet or not console.is_terminal:
        return run_rules(corpus, rules)
    with Progress(TextColumn("comparing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=True) as progress:
        task = progress.add_task("pairs", total=None, visible=False)

        def advance(done: int, total: int) -> None:
            if total >= PROGRESS_THRESHOLD and (done % 500 == 0 or done == total):
                progress.update(task, completed=done, total=total, visible=True)

        return run_rules(corpus, rules, progress=advance)


@click.command()
@click.option("--claims", "claims", multiple=True, type=click.Path(exists=True, path_type=Path), default=[Path("claims")],
              show_default=True, help="Claims directory or files (repeatable).")
@click.option("--rules", "rules_dir", type=click.Path(exists=True, path_type=Path), default=Path("rules"),
              show_default=True, help="Rules directory.")
@click.option("--entities", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The entity file (default: entities.yaml beside the claims).")
@click.option("--format", "format_name", type=click.Choice(sorted(FORMATS)), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the report to a file (`-` for standard output); never over a file factcheck did not write.")
@click.option("--hide-unverified", is_flag=True, help="Leave claims no other source speaks to out of the output.")
@click.option("--color/--no-color", default=None, help="Colours in text output (default: when on a terminal).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.option("--select", multiple=True, metavar="RULE", help="Run only this rule (id or name; repeatable).")
def report(claims: tuple[Path, ...], rules_dir: Path, entities: Path | None, format_name: str, output: Path | None,
           hide_unverified: bool, color: bool | None, quiet: bool, select: tuple[str, ...]) -> None:
    """Compare every overlapping claim across sources and report where they agree and conflict.

    Exit 0 when it ran (whatever the verdicts), 1 when claims files are invalid, 2 on a usage error
    or a bad rule file.
    """
    output = None if is_stdout(output) else output
    inputs = (*claims, *([entities] if entities else []))
    check_output_or_exit(output, inputs=inputs)
    rules = load_rules_or_exit(rules_dir, select)
    result = build_report(claims, rules, entities, quiet)
    if color is None:
        color = output is None and sys.stdout.isatty()
    width = Console().width if output is None and sys.stdout.isatty() else 100
    context = RenderContext(color=color, width=width, show_unverified=not hide_unverified,
                            rules=tuple(r.rule for r in rules))
    text = render(result, format_name, context)
    if output:
        write_output(output, text, inputs=inputs)
        s = result.summary
        click.echo(f"Wrote {output}: " + ", ".join(f"{n} {v}" for v, n in s.verdicts.items()) + ".", err=True)
    else:
        click.echo(text, nl=False)
    sys.exit(EXIT_OK)


@click.command(name="test-rules")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
def test_rules(paths: tuple[Path, ...]) -> None:
    """Run the rules' tests (`*.test.yaml` next to each rule). Exit 0 all pass, 1 a failure, 2 bad files."""
    try:
        outcome = run_rule_tests(list(paths) or [Path("rules")])
    except ProblemsError as error:
        echo_problems(error.problems)
        sys.exit(EXIT_USAGE)
    for result in outcome.results:
        mark = "PASS" if result.passed else "FAIL"
        click.echo(f"{mark} {result.rule_id} {result.name}")
        if not result.passed:
            click.echo(f"     expected: {result.expected}\n     actual:   {result.actual}")
    for message in outcome.untested:
        click.echo(f"UNTESTED {message}")
    failed = sum(not r.passed for r in outcome.results)
    click.echo(f"{len(outcome.results) - failed} passed, {failed} failed")
    sys.exit(EXIT_OK if outcome.passed else EXIT_DATA)


COMMANDS = [report, test_rules]  # `rule` and `rules`: rules_commands.py
