"""What a format may need besides the report: how the output is shown."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck import __version__


@dataclass(frozen=True)
class RenderContext:
    color: bool = False  # ANSI colours in text output (a terminal)
    width: int = 100  # columns of text output
    version: str = __version__
    show_unverified: bool = True
