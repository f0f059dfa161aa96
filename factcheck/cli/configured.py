"""Commands that take their defaults from the project's config file (factcheck/config.py).

The settings become click's `default_map` for the command, so a flag on the command line always wins
and a setting is converted and checked like the flag it stands for. A config file that cannot be used
stops the command with one line naming the file, line and key (exit 2); `--help` still works.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from factcheck.cli.exit_codes import EXIT_USAGE
from factcheck.report.escape import terminal_line


def config_defaults(name: str, args: list[str]) -> dict[str, Any] | None:
    """The defaults the config file gives command `name` (None with `--help`: a broken file must not hide help)."""
    if any(arg in ("-h", "--help") for arg in args):
        return None
    from factcheck.config import ConfigError, load_config  # pydantic and the rules: not for --help

    try:
        return load_config().default_map().get(name, {})
    except ConfigError as error:
        click.echo(terminal_line(f"error: {error}"), err=True)
        sys.exit(EXIT_USAGE)


class _FromConfig(click.Command):
    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None,
                     **extra: Any) -> click.Context:
        if "default_map" not in extra:
            extra["default_map"] = config_defaults(self.name or "", args)
        return super().make_context(info_name, args, parent=parent, **extra)


class ConfiguredCommand(_FromConfig):
    """A command whose option defaults come from the config file."""


class ConfiguredGroup(_FromConfig, click.Group):
    """A group whose subcommands take their defaults from the config file (`baseline add`, ...)."""
