"""Report formats: each a module with `render(report, context) -> str`, looked up by name here.

A format's module is imported when it is first used: the HTML page pulls in jinja2 and the source-text
highlighting, which `factcheck gate` and a JSON report never need (a second of start-up on a busy CI
runner)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from importlib import import_module
from typing import TYPE_CHECKING

from factcheck.report.context import RenderContext

if TYPE_CHECKING:
    from factcheck.engine.finding import Report

Renderer = Callable[["Report", RenderContext], str]

# Each format is the module of its name under factcheck.report; sarif, junit and github are CI formats (docs/ci.md).
_MODULES = ("text", "json", "markdown", "html", "sarif", "junit", "github")


class _Formats(Mapping[str, Renderer]):
    """Format name -> its renderer, each module imported on first use."""

    def __getitem__(self, name: str) -> Renderer:
        if name not in _MODULES:
            raise KeyError(name)
        return import_module(f"factcheck.report.{name}").render

    def __iter__(self) -> Iterator[str]:
        return iter(_MODULES)

    def __len__(self) -> int:
        return len(_MODULES)


FORMATS: Mapping[str, Renderer] = _Formats()


def render(report: Report, format_name: str, context: RenderContext | None = None) -> str:
    """Render `report` in the named format (a KeyError names the known formats)."""
    if format_name not in _MODULES:
        raise KeyError(f"unknown format {format_name!r}; known: {', '.join(sorted(FORMATS))}")
    return FORMATS[format_name](report, context or RenderContext())


__all__ = ["FORMATS", "RenderContext", "render"]
