"""The command line: thin. Each command parses its arguments, calls one library function, and maps
the outcome to an exit code: 0 ran and the data is clean, 1 the data fails, 2 the tool could not run.

A user's mistake never shows a traceback; a bug in factcheck does, with a line asking to report it.
"""

from __future__ import annotations

import sys
import traceback

import click

from factcheck import __version__
from factcheck.cli.exit_codes import EXIT_BUG
from factcheck.cli.validate_commands import schema, validate

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it: never 1, which CI reads as "new findings"


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="factcheck")
def cli() -> None:
    """Check where several sources agree and where they conflict, with evidence."""


cli.add_command(validate)
cli.add_command(schema)


def _register_optional_commands() -> None:
    """Commands of later pipeline stages, added when their modules are present."""
    import importlib

    for module_name in ("factcheck.cli.report_commands", "factcheck.cli.extract_commands",
                        "factcheck.cli.gate_commands", "factcheck.cli.eval_commands",
                        "factcheck.cli.rules_commands", "factcheck.cli.init_commands",
                        "factcheck.cli.entities_commands", "factcheck.cli.fix_commands",
                        "factcheck.cli.claim_commands"):
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name == module_name:
                continue
            raise
        for command in getattr(module, "COMMANDS", []):
            cli.add_command(command)


_register_optional_commands()


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
