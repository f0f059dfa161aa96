"""Read what is to be extracted: a plain text or an HTML page, its metadata, and its `source:` block.

Evidence offsets always point into a plain-text file, so an HTML page is reduced to its main text
(trafilatura, an optional extra) and that text is saved next to the claims file. Metadata comes from
a sidecar YAML file next to the input (`article.txt` + `article.meta.yaml`, the keys of a claims file's
`source:` block), with command-line options taking precedence. The text is read as bytes and decoded
once, never with newline translation, so offsets index exactly the bytes that are hashed.
"""

from __future__ import annotations

import sys

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from factcheck.load.document import read_yaml
from factcheck.load.problems import ProblemsError

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
INSTALL_HTML = "pip install 'trafilatura>=1.12' 'lxml_html_clean>=0.4' (what the [html] extra installs)"
SOURCE_KEYS = ("id", "publisher", "title", "url", "published", "authors", "language")


class SourceError(Exception):
    """The input cannot be used; the message says why and what to do."""


@dataclass(frozen=True)
class InputText:
    text: str
    html: bool
    page_metadata: dict[str, Any] = field(default_factory=dict)  # from an HTML page; the weakest source
    piped: bool = False  # read from standard input (`-`): its text must be saved beside the claims file

    @property
    def saved_beside(self) -> bool:
        """The claims' evidence points into a text that only exists once it is written beside them."""
        return self.html or self.piped


STDIN = Path("-")


def read_input(path: Path) -> InputText:
    """The text of `path`: decoded UTF-8, or the main text of an HTML page. Only a regular file is
    read (a FIFO or a device would hang or never end), no larger than FACTCHECK_MAX_TEXT_BYTES."""
    from factcheck.load.paths import PathRefused, max_text_bytes, read_regular_file

    if path == STDIN:
        return _decoded(_read_stdin(max_text_bytes()), path, piped=True)
    try:
        raw = read_regular_file(path, max_bytes=max_text_bytes())
    except PathRefused as refusal:
        raise SourceError(f"{path}: {refusal.message}") from None
    except OSError as error:
        raise SourceError(f"{path}: cannot read: {error.strerror or error}") from None
    return _decoded(raw, path)


def _read_stdin(max_bytes: int) -> bytes:
    raw = sys.stdin.buffer.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise SourceError(f"standard input: over {max_bytes:,} bytes (FACTCHECK_MAX_TEXT_BYTES)")
    return raw


def _decoded(raw: bytes, path: Path, *, piped: bool = False) -> InputText:
    where = "standard input" if piped else str(path)
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SourceError(f"{where}: not valid UTF-8 (byte {error.start}); convert it to UTF-8 first") from error
    if path.suffix.casefold() in HTML_SUFFIXES or decoded.lstrip()[:15].casefold().startswith(("<!doctype html", "<html")):
        return InputText(html_to_text(decoded, path), html=True, page_metadata=html_metadata(decoded), piped=piped)
    return InputText(decoded, html=False, piped=piped)


def html_to_text(html: str, path: Path | None = None) -> str:
    """The main text of a page (headline, body paragraphs; no menus, ads or footers), via trafilatura."""
    try:
        import trafilatura
    except ImportError as error:
        raise SourceError(f"reading HTML needs trafilatura: {INSTALL_HTML}") from error
    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not text or not text.strip():
        raise SourceError(f"{path or 'the page'}: no main text found in the HTML")
    return text if text.endswith("\n") else text + "\n"


def html_metadata(html: str) -> dict[str, Any]:
    """Title, publisher (site name), URL and authors as the page declares them. Not the date: pages
    rarely state it reliably (a copyright year is read as 1 January), and a wrong date misplaces
    every relative date in the text, so `--published` stays required."""
    import trafilatura

    found = trafilatura.extract_metadata(html)
    if found is None:
        return {}
    authors = [a.strip() for a in (found.author or "").split(";") if a.strip()]
    meta = {"title": found.title, "publisher": found.sitename, "url": found.url, "authors": authors or None}
    return {key: value for key, value in meta.items() if value}


def sidecar_path(path: Path) -> Path:
    """`article.txt` -> `article.meta.yaml` (next to it)."""
    return path.with_name(f"{path.stem}.meta.yaml")


def read_sidecar(path: Path) -> dict[str, Any]:
    """The metadata of the sidecar file, if there is one; only `source:` keys are allowed."""
    if path == STDIN:
        return {}  # standard input has no sidecar: its metadata comes from the options
    sidecar = sidecar_path(path)
    if not sidecar.is_file():
        return {}
    document = read_yaml(sidecar)
    if document.problems:
        raise ProblemsError(document.problems)
    data = document.data or {}
    if isinstance(data, dict) and isinstance(data.get("source"), dict):
        data = data["source"]
    if not isinstance(data, dict):
        raise ProblemsError([document.problem((), "S001", "a metadata file is a mapping of source fields")])
    unknown = sorted(set(data) - set(SOURCE_KEYS), key=str)
    if unknown:
        raise ProblemsError([document.problem((key,), "S001", f"unknown field `{key}` (allowed: {', '.join(SOURCE_KEYS)})")
                             for key in unknown])
    problems = [document.problem((key,), "S001", reason) for key in SOURCE_KEYS
                if (reason := _field_problem(key, data.get(key)))]
    if problems:
        raise ProblemsError(problems)
    return data


def _field_problem(key: str, value: Any) -> str | None:
    """Why a sidecar's value is not one a claims file's `source:` block takes (`id: 1.5`, `title: [..]`)."""
    if value is None:
        return None
    from pydantic import TypeAdapter, ValidationError

    from factcheck.model.claims import Source

    field = Source.model_fields[key]
    annotation = Annotated[(field.annotation, *field.metadata)] if field.metadata else field.annotation
    try:
        TypeAdapter(annotation).validate_python(value, strict=key != "published")
    except ValidationError as error:
        return "; ".join(item["msg"] for item in error.errors(include_url=False))
    return None


def source_block(meta: dict[str, Any], text: str, text_path: Path, output: Path) -> dict[str, Any]:
    """The `source:` mapping of the claims file: metadata, the text's path relative to the claims file,
    and the sha256 of the text's UTF-8 bytes."""
    block = {key: meta[key] for key in SOURCE_KEYS if meta.get(key) is not None}
    block["text"] = Path(os.path.relpath(text_path.resolve(), output.resolve().parent)).as_posix()
    block["sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return block
