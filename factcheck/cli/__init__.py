"""The command line: thin. Each command parses its arguments, calls one library function, and maps
the outcome to an exit code: 0 ran and the data is clean, 1 the data fails, 2 the tool could not run.

A user's mistake never shows a traceback; a bug in factcheck does, with a line asking to report it.
"""

from __future__ import annotations

import importlib
import sys
import traceback
from typing import NamedTuple

import click

from factcheck import __version__
from factcheck.cli import ending
from factcheck.cli.exit_codes import EXIT_BUG

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it: never 1, which CI reads as "new findings"


class LazyCommand(NamedTuple):
    """Where a command lives, and the first paragraph of its help: what `factcheck --help` lists for it
    without importing its module (tests/cli/test_lazy_commands.py holds each to the command's own help)."""

    module: str
    summary: str


# Each command by name, its module (and that module's `COMMANDS`) imported when the command runs: a command
# pays for its own imports only, `--version` and `--help` for none (`factcheck gate` imports neither
# extraction's modules nor rich, a report's formats or the HTML page's).
LAZY_COMMANDS = {
    "baseline": LazyCommand("gate_commands", "Accept known findings with a reason, and drop entries that no longer "
                            "apply."),
    "claim": LazyCommand("claim_commands", "Write claims by command."),
    "entities": LazyCommand("entities_commands", "Review the entities extraction proposes and accept them into the "
                            "entity file."),
    "eval": LazyCommand("eval_commands", "Draft every article of an evaluation corpus with `extract`, report, and "
                        "score the conflicts against each event's answers.yaml: precision, recall, every miss and "
                        "every false conflict."),
    "eval-extract": LazyCommand("extract_commands", "Precision and recall per claim kind of extraction against a "
                                "reviewed claims file."),
    "extract": LazyCommand("extract_commands", "Extract candidate claims from an article (plain text or HTML) into a "
                           "claims file to review."),
    "fix": LazyCommand("fix_commands", "Repair what validation knows how to: evidence offsets when the evidence text "
                       "occurs exactly once in the source text, and (with --accept-source-changes) the source's "
                       "sha256."),
    "gate": LazyCommand("gate_commands", "Check new or changed claims files against everything else: fail on new "
                        "conflicts."),
    "init": LazyCommand("init_commands", "Start a factcheck project in FOLDER (default: here). Refuses to replace any "
                        "file that exists."),
    "report": LazyCommand("report_commands", "Compare every overlapping claim across sources and report where they "
                          "agree and conflict."),
    "rule": LazyCommand("rules_commands", "Explain a rule: what it flags, why, and how to resolve it (by id or name, "
                        "any case)."),
    "rules": LazyCommand("rules_commands", "List every rule in force: id, name, severity, kinds compared, built-in or "
                         "project."),
    "schema": LazyCommand("validate_commands", "Write the JSON Schema of a file factcheck reads, for editors: claims, "
                          "entities, vocabulary, rules, rule tests, the baseline, a cue lexicon or the config; or of "
                          "the JSON report it writes (docs/cli.md)."),
    "test-rules": LazyCommand("report_commands", "Run the tests of the rules in force: the built-in rules' and those "
                              "beside the project's rules (`*.test.yaml` next to each rule; PATHS default to the rules "
                              "folder). Exit 0 all pass, 1 a failure, an untested rule or no test found at all, 2 bad "
                              "files or selectors."),
    "validate": LazyCommand("validate_commands", "Check claims files, the entity file and the vocabulary; report "
                            "every problem."),
}


class LazyGroup(click.Group):
    """A group whose commands are imported by name when one runs, and listed by their summaries."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        found = super().get_command(ctx, cmd_name)
        if found is None and cmd_name in LAZY_COMMANDS:
            found = self._imported(cmd_name)
        return found

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """click's listing of the commands, over stand-ins carrying each summary: no module imported."""
        stand_ins = {name: click.Command(name, help=lazy.summary) for name, lazy in LAZY_COMMANDS.items()}
        click.Group(commands={**stand_ins, **self.commands}).format_commands(ctx, formatter)

    def _imported(self, name: str) -> click.Command | None:
        """Import the module of command `name` and add its commands; None when the module is absent."""
        module_name = f"factcheck.cli.{LAZY_COMMANDS[name].module}"
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name == module_name:
                return None
            raise
        for command in getattr(module, "COMMANDS", []):
            if command.name not in self.commands:
                self.add_command(command)
        return self.commands.get(name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="factcheck")
def cli() -> None:
    """Check where several sources agree and where they conflict, with evidence."""



def main() -> None:
    """Entry point of the `factcheck` command: `run`, then, when the command asked and it is safe, the
    process ends at once with the command's exit status, its objects never freed one by one (`ending`)."""
    ending.arm()
    try:
        run()
    except SystemExit as done:
        ending.end_now(done.code)  # returns when the process must end the usual way
        raise
    finally:
        ending.disarm()


def run() -> None:
    """`factcheck` with `sys.argv`, ending as any Python program does (`SystemExit`): for a caller that goes
    on after it (a probe of the modules a command imported)."""
    try:
        # Not click's standalone mode: it turns Ctrl-C into "Aborted!" and exit 1, which CI reads as
        # "new findings". Click's own errors are shown as it would show them.
        status = cli.main(standalone_mode=False)  # a command's return value, or the code of ctx.exit()
    except SystemExit:
        raise
    except (KeyboardInterrupt, click.exceptions.Abort):
        click.echo("interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except Exception:  # a bug in factcheck, not a user's mistake
        traceback.print_exc()
        click.echo("\nThis is a bug in factcheck. Please report it with the command you ran and the output above.",
                   err=True)
        sys.exit(EXIT_BUG)
    sys.exit(status if isinstance(status, int) else 0)
