"""Report formats: each a module with `render(report, context) -> str`, looked up by name here."""

from __future__ import annotations

from collections.abc import Callable

from factcheck.engine.finding import Report
from factcheck.report import json as json_format
from factcheck.report import github, html, junit, markdown, sarif, text
from factcheck.report.context import RenderContext

Renderer = Callable[[Report, RenderContext], str]

FORMATS: dict[str, Renderer] = {
    "text": text.render,
    "json": json_format.render,
    "markdown": markdown.render,
    "html": html.render,
    "sarif": sarif.render,  # CI formats: see docs/ci.md
    "junit": junit.render,
    "github": github.render,
}


def render(report: Report, format_name: str, context: RenderContext | None = None) -> str:
    """Render `report` in the named format (a KeyError names the known formats)."""
    try:
        renderer = FORMATS[format_name]
    except KeyError:
        raise KeyError(f"unknown format {format_name!r}; known: {', '.join(sorted(FORMATS))}") from None
    return renderer(report, context or RenderContext())


__all__ = ["FORMATS", "RenderContext", "render"]
