"""HTML: one self-contained page (no external assets, no network) to publish or attach to a review.

What the page shows is built in `page.py`; this module lays it out with the jinja2 template. Every
value is HTML-escaped by jinja2's autoescape (keep it on: tests/report/test_hostile.py checks that no
`<script` from a claims file survives); the pictures are SVG text built in `svg.py`, escaped there.
The page's own stylesheet and filter script are inline, and a Content-Security-Policy allows exactly
those two (by their hashes) and nothing from the network, so a page that somehow held an injected
script or a remote image would still neither run it nor fetch it. The page then goes through
`escape.markup_document`, which drops control characters and keeps a line from opening with a
workflow command when it is printed. Layout, accessibility and checks: docs/report-html.md."""

from __future__ import annotations

import base64
import hashlib
from importlib.resources import files

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from factcheck.engine.finding import Report
from factcheck.report.context import RenderContext
from factcheck.report.escape import markup_document
from factcheck.report.page import build_page
from factcheck.report.review import claim_status, is_reviewed

_ENVIRONMENT = Environment(loader=PackageLoader("factcheck.report", "templates"),
                           autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True,
                           keep_trailing_newline=True)
_ENVIRONMENT.globals.update(claim_status=claim_status, is_reviewed=is_reviewed)
_TEMPLATES = files("factcheck.report") / "templates"
CSS = (_TEMPLATES / "report.css").read_text(encoding="utf-8")
SCRIPT = (_TEMPLATES / "report.js").read_text(encoding="utf-8")


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


# Nothing from the network: no default source, the page's own style and script by hash, and links only.
CSP = (f"default-src 'none'; style-src {_hash(CSS)}; script-src {_hash(SCRIPT)}; img-src data:; "
       "base-uri 'none'; form-action 'none'")


def render(report: Report, context: RenderContext) -> str:
    template = _ENVIRONMENT.get_template("report.html.j2")
    page = template.render(page=build_page(report, context), css=Markup(CSS), script=Markup(SCRIPT), csp=CSP)
    return markup_document(page)
