"""HTML: one self-contained page (no scripts, no external assets) to publish or attach to a review.

Every value is HTML-escaped by jinja2's autoescape (keep it on: tests/report/test_hostile.py checks that
no `<script` from a claims file survives); the page then goes through `escape.markup_document`, which
drops control characters and keeps a line from opening with a workflow command when it is printed."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, select_autoescape

from factcheck.engine.finding import Report
from factcheck.report.context import RenderContext
from factcheck.report.escape import markup_document
from factcheck.report.review import claim_status, is_reviewed, unreviewed_note

_ENVIRONMENT = Environment(loader=PackageLoader("factcheck.report", "templates"),
                           autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True,
                           keep_trailing_newline=True)
_ENVIRONMENT.globals.update(zip=zip, claim_status=claim_status, is_reviewed=is_reviewed, unreviewed_note=unreviewed_note)


def render(report: Report, context: RenderContext) -> str:
    template = _ENVIRONMENT.get_template("report.html.j2")
    checked = [f for f in report.findings if f.verdict.value != "unverified"]
    unverified = [f for f in report.findings if f.verdict.value == "unverified"] if context.show_unverified else []
    page = template.render(summary=report.summary, checked=checked, unverified=unverified, version=context.version)
    return markup_document(page)
