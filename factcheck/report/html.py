"""HTML: one self-contained page (no scripts, no external assets) to publish or attach to a review."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, select_autoescape

from factcheck.engine.finding import Report
from factcheck.report.context import RenderContext
from factcheck.report.review import claim_status, is_reviewed, unreviewed_note

_ENVIRONMENT = Environment(loader=PackageLoader("factcheck.report", "templates"),
                           autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True,
                           keep_trailing_newline=True)
_ENVIRONMENT.globals.update(zip=zip, claim_status=claim_status, is_reviewed=is_reviewed, unreviewed_note=unreviewed_note)


def render(report: Report, context: RenderContext) -> str:
    template = _ENVIRONMENT.get_template("report.html.j2")
    checked = [f for f in report.findings if f.verdict.value != "unverified"]
    unverified = [f for f in report.findings if f.verdict.value == "unverified"] if context.show_unverified else []
    return template.render(summary=report.summary, checked=checked, unverified=unverified, version=context.version)
