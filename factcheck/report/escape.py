"""One escaping layer per output channel: every string read from a file goes through one of these.

A pull request's files are untrusted: file names, source ids, entity names, qualifiers, evidence,
baseline reasons, YAML keys, rule messages. What factcheck prints reaches a CI log (where GitHub runs
any line that starts with `::` as a workflow command, and any line holding `##[command]` as a legacy
one; the runner also ends a line at a bare CR), a pull-request comment, a terminal or a code-scanning
upload. Each channel has one function here, and the formats call it on every untrusted field:

| channel | function | what it does |
| --- | --- | --- |
| workflow commands | `workflow_data`, `workflow_property` | `%` CR LF as `%25` `%0D` `%0A` (and `:` `,` as `%3A` `%2C` in a property), as GitHub's toolkit does; other control characters dropped |
| Markdown (PR comments) | `markdown`, `markdown_code` | one line; HTML `& < > " '` as entities; `\\ ` * _ [ ] \\| ~` backslash-escaped; `@` and `#123` neutralised |
| terminal | `terminal`, `terminal_line`, `terminal_path` | ESC/OSC/CSI sequences and C0/C1 controls removed (`terminal`) or shown as `\\x1b`, `\\n` (`terminal_line`); a path that would open a line with `::` or a space gets `./` |
| SARIF | `sarif_uri` | percent-encoded: only RFC 3986 unreserved characters and `/` stay as they are |
| JUnit XML | `xml_text` | characters XML 1.0 forbids (and C1 controls) become U+FFFD; ElementTree escapes the rest |
| JSON | `json_value`, `json_text` | no NaN or Infinity: a non-finite number is written as null; C1 controls, U+2028/9 and `##[` as `\\u` escapes (text is searched once; only text that holds one is rewritten) |
| HTML | jinja2 autoescape | HTML-escaped by the template engine; `markup_document` keeps a line from opening with `::` |

Machine formats (JSON, SARIF, XML, HTML) keep the data exactly: what a parser reads back is the
original string. Only the bytes in the log change (`\\u005b` for `[`, `&#58;` for `:`).
"""

from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

import orjson

# Characters no channel passes raw: C0 controls but tab and newline, CR, DEL, C1 controls, the line and
# paragraph separators, bidirectional overrides and isolates (which reorder what a reader sees), lone
# surrogates (a file name that is not UTF-8) and the two non-characters XML cannot hold.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")
# Terminal escape sequences: CSI (`ESC [ ... final`, or the one-byte C1 CSI), OSC (`ESC ] ... BEL|ST`), and
# two-character escapes. Removed whole, so `ESC ]0;title BEL` leaves nothing behind (an unterminated
# one loses only its ESC).
_ESCAPE_SEQUENCE = re.compile(r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"
                              r"|\x1b[@-Z\\-_]")
_LEGACY_COMMAND = "##["  # GitHub's runner reads `##[command]` anywhere in a line
_WORD_JOINER = "\u2060"


# --- GitHub workflow commands -------------------------------------------------------------------------

def workflow_data(text: str) -> str:
    """The message of `::error ...::message`: `%`, CR and LF percent-encoded, other controls dropped."""
    text = _CONTROL.sub(lambda m: m.group() if m.group() == "\r" else "", _ESCAPE_SEQUENCE.sub("", text))
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def workflow_property(text: str) -> str:
    """A property value (`file=`, `title=`): as `workflow_data`, and `:` and `,` too."""
    return workflow_data(text).replace(":", "%3A").replace(",", "%2C")


# --- terminal --------------------------------------------------------------------------------------

def terminal(text: str) -> str:
    """Text for a terminal, newlines and tabs kept (CR as a newline): escape sequences and control
    characters removed, a lone surrogate shown as U+FFFD, `##[` broken by a word joiner."""
    text = _ESCAPE_SEQUENCE.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub(lambda m: "\ufffd" if "\ud800" <= m.group() <= "\udfff" else "", text)
    return text.replace(_LEGACY_COMMAND, "##" + _WORD_JOINER + "[")


def terminal_line(text: str) -> str:
    """One line for a terminal or a log, e.g. a problem message: every control character (newline
    included) shown as its Python escape (`\\n`, `\\x1b`), so a file cannot start a line of its own."""
    text = re.sub("[\n\t]", lambda m: repr(m.group())[1:-1], text)
    text = _CONTROL.sub(lambda m: m.group().encode("unicode_escape", "backslashreplace").decode("ascii"), text)
    return text.replace(_LEGACY_COMMAND, "##" + _WORD_JOINER + "[")


def terminal_path(path: str) -> str:
    """A path that opens a line (`path:line:col: ...`): as `terminal_line`, and `./` in front of one that
    starts with a space, `:` or `#`, so that no file name reads as a workflow command."""
    shown = terminal_line(path)
    return "./" + shown if shown[:1].isspace() or shown[:1] in (":", "#") else shown


# --- Markdown --------------------------------------------------------------------------------------

_MARKDOWN_SPECIAL = re.compile(r"[\\`*\[\]|~]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")
_SAFE_CODE = re.compile(r"[A-Za-z0-9._/-]+")


def markdown(text: str) -> str:
    """Inline Markdown text (a table cell, a heading, a list item): always one line. Whitespace runs
    become one space; controls are dropped; HTML `& < > " '` become entities (no tag, comment or
    `</details>` survives); `\\`, backticks, `*`, `_` at a word's edge, `[`, `]`, `|` and `~` are
    backslash-escaped (no link, image, code span, emphasis or table cell survives); `@` is followed by
    a zero-width joiner and `#` before a digit is `&#35;`, so nobody is mentioned and no issue linked."""
    text = _CONTROL.sub(" ", _ESCAPE_SEQUENCE.sub("", text))
    text = " ".join(text.split())
    text = _MARKDOWN_SPECIAL.sub(lambda m: "\\" + m.group(), text)
    text = html.escape(text, quote=True)
    return re.sub(r"#(?=\d)", "&#35;", text.replace("@", "@\u200d"))


def markdown_code(text: str) -> str:
    """An identifier or path as inline code when it is plainly one (`claims/wire.yaml`), else as `markdown`."""
    return f"`{text}`" if _SAFE_CODE.fullmatch(text) else markdown(text)


# --- SARIF -----------------------------------------------------------------------------------------

def sarif_uri(path: str) -> str:
    """An artifact URI relative to `%SRCROOT%`: backslashes as `/`, then every character but the RFC 3986
    unreserved ones (`A-Z a-z 0-9 - . _ ~`) and `/` percent-encoded as UTF-8 (space, `%`, `:`, `#`, `?`,
    newlines, non-ASCII), so the URI is a valid relative reference that names exactly this file."""
    return quote(path.replace("\\", "/"), safe="/", encoding="utf-8", errors="surrogateescape")


# --- JUnit XML ---------------------------------------------------------------------------------------

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u2028\u2029]")


def xml_text(text: str) -> str:
    """Text or an attribute for XML 1.0: CR as a newline; characters XML forbids (and C1 controls, which
    terminals act on) as U+FFFD. ElementTree escapes `& < > "` itself."""
    return _NOT_XML.sub("\ufffd", text.replace("\r\n", "\n").replace("\r", "\n"))


def markup_document(text: str) -> str:
    """A whole XML or HTML document, before it is printed: a line that would open with `::` gets `&#58;`
    for its first colon and `##[` becomes `##&#91;`. Parsers read the same characters back."""
    text = _CONTROL.sub(lambda m: "\n" if m.group() == "\r" else "", text) if _CONTROL.search(text) else text
    lines = [re.sub(r"^(\s*):", r"\1&#58;", line) if line.lstrip().startswith("::") else line
             for line in text.split("\n")]
    return "\n".join(lines).replace(_LEGACY_COMMAND, "##&#91;")


# --- JSON ------------------------------------------------------------------------------------------

_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# What `json.dumps(ensure_ascii=False)` leaves raw that this channel must not: the characters above, a
# lone surrogate (not UTF-8), and `##[`. Most text holds none of them, so one scan of a character class
# and one substring test decide (a pattern with the `##[` branch tried both at every position: twice as slow).
_JSON_UNSAFE_CHARS = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# The same characters in orjson's UTF-8 (which holds no surrogate), one pattern per lead byte: a pattern
# that starts with a literal is searched for that literal, three times as fast as one class over every
# character (a C2 or E2 byte only ever starts a character, so a match is never across two).
_UNSAFE_UTF8 = (re.compile(b"\xc2[\x80-\x9f]"), re.compile(b"\xe2\x80[\xa8-\xae]"), re.compile(b"\xe2\x81[\xa6-\xa9]"))
_SURROGATE = re.compile("[\ud800-\udfff]")


def json_text(data: Any, indent: int | None = 2) -> str:
    """A JSON document that any parser reads, ending with a newline: `json_value` of `data`."""
    return json_value(data, indent) + "\n"


def json_value(data: Any, indent: int | None = None) -> str:
    """One JSON value, compact (`indent=None`, by orjson) or indented (by the standard library, as
    `json.dumps(indent=...)` writes it): a float that is NaN or infinite is written as null (JSON has
    neither), a lone surrogate as U+FFFD; C1 controls, separators and bidirectional controls as `\\u`
    escapes, and the `[` of `##[` as `\\u005b` (same data, inert bytes). Text that needs none of this
    (almost all) is encoded once and searched once."""
    if indent is None:
        try:
            return _inert_utf8(orjson.dumps(data)).decode("utf-8")  # NaN and infinities as null
        except orjson.JSONEncodeError:  # a lone surrogate, an integer beyond 64 bits, a key that is not text
            pass
    return _inert(_standard_json(data, indent))


def json_lines(items: Iterable[Any]) -> str:
    """`json_value` of each item, compact, joined by `,\\n` (a list's items, one a line): `json_lines_utf8`
    as text."""
    return json_lines_utf8(items).decode("utf-8")


def json_lines_utf8(items: Iterable[Any]) -> bytes:
    """`json_lines`, encoded in UTF-8 as orjson writes it (never decoded into text and encoded again on
    its way to a file): each item encoded as it comes (it is not kept: a batch of findings' dicts held at
    once kept the collector busy), and the batch's bytes searched once, which is what most of a large
    report's time went to."""
    encoded = []
    for item in items:
        try:
            encoded.append(orjson.dumps(item))
        except orjson.JSONEncodeError:  # what orjson refuses, as `json_value` writes it (inert already)
            encoded.append(json_value(item).encode("utf-8"))
    return _inert_utf8(b",\n".join(encoded))


def _inert_utf8(raw: bytes) -> bytes:
    """orjson's output with what `_inert` rewrites rewritten (almost always none: `raw` as it is); each
    test is a substring search (memchr) before any pattern runs."""
    if b"\x7f" not in raw and (b"#" not in raw or b"##[" not in raw):
        if raw.isascii():
            return raw
        if not ((b"\xc2" in raw and _UNSAFE_UTF8[0].search(raw)) or (b"\xe2" in raw and (
                _UNSAFE_UTF8[1].search(raw) or _UNSAFE_UTF8[2].search(raw)))):
            return raw
    return _inert(raw.decode("utf-8")).encode("utf-8")


def _inert(text: str) -> str:
    """JSON text with C1 controls, separators and bidirectional controls as `\\u` escapes and `##[` as
    `##\\u005b`: these only ever stand inside a string, where the escape reads back as the same character."""
    if "##[" not in text and ((text.isascii() and "\x7f" not in text) or not _JSON_UNSAFE_CHARS.search(text)):
        return text
    text = _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text.replace(_LEGACY_COMMAND, "##\\u005b")


def _standard_json(data: Any, indent: int | None) -> str:
    """`data` by the standard library, with no NaN, infinity or lone surrogate left in it."""
    separators = (",", ":") if indent is None else (",", ": ")
    try:
        text = json.dumps(data, indent=indent, separators=separators, ensure_ascii=False, allow_nan=False)
    except ValueError:  # a NaN or an infinity
        return json.dumps(_representable(data), indent=indent, separators=separators, ensure_ascii=False,
                          allow_nan=False)
    if not text.isascii() and _SURROGATE.search(text):
        return json.dumps(_representable(data), indent=indent, separators=separators, ensure_ascii=False,
                          allow_nan=False)
    return text


def _representable(value: Any) -> Any:
    """`value` with every non-finite float as None and every lone surrogate as U+FFFD (the slow path)."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {_representable(k): _representable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_representable(v) for v in value]
    return value
