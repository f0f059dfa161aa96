"""The command line: thin. Each command parses its arguments, calls one library function, and maps
the outcome to an exit code: 0 ran and the data is clean, 1 the data fails, 2 the tool could not run.

A user's mistake never shows a traceback; a bug in factcheck does, with a line asking to report it.
"""

from __future__ import annotations

import importlib
import sys
import traceback

import click

from factcheck import __version__
from factcheck.cli.exit_codes import EXIT_BUG
from factcheck.cli.validate_commands import schema, validate

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it: never 1, which CI reads as "new findings"


# Each command's module (its `COMMANDS`), imported when the command runs or `--help` lists them all: a
# command pays for its own imports only (`factcheck gate` does not import extraction's or eval's modules).
LAZY_COMMANDS = {
    "report": "report_commands", "test-rules": "report_commands",
    "extract": "extract_commands", "eval-extract": "extract_commands",
    "gate": "gate_commands", "baseline": "gate_commands",
    "eval": "eval_commands",
    "rules": "rules_commands", "rule": "rules_commands",
    "init": "init_commands",
    "entities": "entities_commands",
    "fix": "fix_commands",
    "claim": "claim_commands",
}


class LazyGroup(click.Group):
    """A group whose commands (beside those added to it) are imported by name when asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        lazy = [name for name in LAZY_COMMANDS if name not in self.commands and self._imported(name) is not None]
        return sorted({*super().list_commands(ctx), *lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        found = super().get_command(ctx, cmd_name)
        if found is None and cmd_name in LAZY_COMMANDS:
            found = self._imported(cmd_name)
        return found

    def _imported(self, name: str) -> click.Command | None:
        """Import the module of command `name` and add its commands; None when the module is absent."""
        module_name = f"factcheck.cli.{LAZY_COMMANDS[name]}"
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


cli.add_command(validate)
cli.add_command(schema)


def main() -> None:
    """Entry point of the `factcheck` command."""
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
