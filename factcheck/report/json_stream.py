"""Writing one JSON object a piece at a time, so that a report of any size is never one string.

An object's members are written in order; a member whose value is `Items` is a list written in batches
of `BATCH` items a piece, through the JSON channel (`escape.json_lines_utf8`, compact: a batch is searched for
what must be escaped once, not item by item; `escape.json_value`, indented). Compact output puts each
item of such a list on a line of its own (grep and diff read a report line by line); indented output is
what `json.dumps(..., indent=N)` would write for the whole object, byte for byte.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, islice
from typing import Any

from factcheck.report.escape import json_lines_utf8, json_value

BATCH = 256  # items a piece: few enough to keep memory flat, enough to keep writes few


@dataclass(frozen=True)
class Items:
    """A list member of a streamed object: its items are encoded as they come, never held together."""

    items: Iterable[Any]


Members = Sequence[tuple[str, Any]]  # (key, value or Items), in the order they are written


def object_chunks(members: Members, indent: int | None = None) -> Iterator[str]:
    """The JSON text of the object of `members`, ending with a newline, as a run of pieces."""
    return (piece.decode("utf-8") for piece in object_bytes(members, indent))


def object_bytes(members: Members, indent: int | None = None) -> Iterator[bytes]:
    """`object_chunks` in UTF-8, for a file or a pipe: compact lists go as orjson wrote them (at 1M
    claims, decoding 0.9 GB of JSON into text and encoding it again cost about a second)."""
    if not members:
        yield b"{}\n"
        return
    pad = "" if indent is None else " " * indent
    for number, (key, value) in enumerate(members):
        opening = ("," if number else "{") + ("" if indent is None else "\n" + pad)
        name = json_value(key) + (":" if indent is None else ": ")
        if isinstance(value, Items):
            yield (opening + name + "[").encode("utf-8")
            yield from _list_chunks(value.items, indent)
        else:
            yield (opening + name + _nested(json_value(value, indent), pad)).encode("utf-8")
    yield b"}\n" if indent is None else b"\n}\n"


def _list_chunks(items: Iterable[Any], indent: int | None) -> Iterator[bytes]:
    """The items of a list member and its closing bracket (the opening one is written before)."""
    pad = "" if indent is None else " " * indent
    inner = pad * 2
    between = ",\n" + inner
    written = False
    iterator = iter(items)
    for first in iterator:  # a batch: this item and the next BATCH - 1, each encoded as it is made
        batch = chain((first,), islice(iterator, BATCH - 1))
        text = json_lines_utf8(batch) if indent is None else \
            between.join([_nested(json_value(item, indent), inner) for item in batch]).encode("utf-8")
        yield (between if written else "\n" + inner).encode("utf-8") + text
        written = True
    yield ("\n" + pad + "]" if written else "]").encode("utf-8")


def _nested(text: str, pad: str) -> str:
    """An indented value moved in by `pad`: JSON text has a raw newline only between its tokens."""
    return text.replace("\n", "\n" + pad) if pad else text
