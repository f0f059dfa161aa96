"""`factcheck eval DIR`: conflict precision and recall of `extract -> report` on an evaluation corpus."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from factcheck.report.escape import terminal_line
from factcheck.cli.configured import ConfiguredCommand
from factcheck.cli.ending import keep_to_end
from factcheck.cli.exit_codes import EXIT_DATA, EXIT_OK, EXIT_USAGE
from factcheck.cli.output import check_output_or_exit, echo_problems, write_output
from factcheck.cli.rule_options import load_rules_or_exit, selection_options
from factcheck.load import ProblemsError
from factcheck.load.write import is_stdout


@click.command(name="eval", cls=ConfiguredCommand)
@click.argument("corpus", type=click.Path(exists=True, file_okay=False, path_type=Path))
@selection_options
@click.option("--format", "format_name", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the result to a file (`-` for standard output); never over a file factcheck did not write.")
@click.option("--min-precision", type=click.FloatRange(0, 1), default=None, help="Exit 1 below this precision.")
@click.option("--min-recall", type=click.FloatRange(0, 1), default=None, help="Exit 1 below this recall.")
@click.option("--jobs", type=click.IntRange(min=0), default=0, show_default=True,
              help="Processes that run events side by side (0: every core); the same result as one.")
def eval_command(corpus: Path, rules_dir: Path, select: tuple[str, ...], ignore: tuple[str, ...], format_name: str,
                 output: Path | None, min_precision: float | None, min_recall: float | None, jobs: int) -> None:
    """Draft every article of an evaluation corpus with `extract`, report, and score the conflicts
    against each event's answers.yaml: precision, recall, every miss and every false conflict.

    Exit 0 when it ran (and met the floors given), 1 below a floor, 2 when it could not run.
    """
    # Extraction and scoring (dateparser, the cue lexicons) are imported here, not by `factcheck eval --help`.
    from factcheck.accuracy import AnswerKeyError, evaluate_corpus, find_events
    from factcheck.accuracy.render import render_json, render_text
    from factcheck.engine.parallel import default_jobs
    from factcheck.extract.source import SourceError

    keep_to_end()  # every exit below comes after its writes are done: the entry point may end at once
    output = None if is_stdout(output) else output
    check_output_or_exit(output, inputs=(corpus,))
    if not find_events(corpus):
        click.echo(terminal_line(f"error: no event under {corpus} (an event folder has articles/ and answers.yaml)"), err=True)
        sys.exit(EXIT_USAGE)
    rules = load_rules_or_exit(rules_dir, select, ignore)
    try:
        score = evaluate_corpus(corpus, rules, jobs=jobs or default_jobs())
        keep_to_end(score)
    except ProblemsError as error:
        echo_problems(error.problems)
        sys.exit(EXIT_USAGE)
    except (AnswerKeyError, SourceError) as error:
        click.echo(terminal_line(f"error: {error}"), err=True)
        sys.exit(EXIT_USAGE)
    text = render_json(score) if format_name == "json" else render_text(score)
    if output:
        write_output(output, text, inputs=(corpus,))
        click.echo(f"Wrote {output}: precision {score.precision:.2f}, recall {score.recall:.2f}.", err=True)
    else:
        click.echo(text, nl=False)
    below = []
    if min_precision is not None and score.precision < min_precision:
        below.append(f"precision {score.precision:.2f} < {min_precision:.2f}")
    if min_recall is not None and score.recall < min_recall:
        below.append(f"recall {score.recall:.2f} < {min_recall:.2f}")
    if below:
        click.echo(f"below the floor: {'; '.join(below)}", err=True)
        sys.exit(EXIT_DATA)
    sys.exit(EXIT_OK)


COMMANDS = [eval_command]
