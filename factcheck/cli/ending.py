"""How the `factcheck` process ends: at once, when a command's work is done, without freeing what it built.

A cold `report` at 1M claims holds about 3 GiB of claims and findings. Freeing them object by object
when the command returned, then the interpreter's own shutdown (every module torn down: about 0.05 s
for the report's imports), took 4.4 s after the last byte was written (0.3 s at 100k); the operating
system takes a process's memory back at once. `gc.freeze()` or `gc.disable()` would not help: the
objects are freed by reference counting, which neither stops.

So the console entry point (`cli.main`, and only it) arms this module; a command whose every exit is
safe to take at once (`report`, `gate`, `eval`: their output written and flushed, an atomic write
renamed and a cache committed and closed before `sys.exit` unwinds their `finally` blocks) calls
`keep_to_end` with what it wants never freed; `end_now` then runs the `atexit` handlers, flushes the
standard streams and calls `os._exit` with the command's exit status. Where anything could differ from
ending the usual way, `end_now` returns and the process ends as it always did: a command that did not
ask, a status that is not an exit code from 0 to 255, another thread alive (the interpreter would join
it), a standard stream that cannot be flushed (a closed pipe: Python reports it as it always does).
`CliRunner`, the tests and library callers never arm it, so for them nothing changes.
"""

from __future__ import annotations

import atexit
import os
import sys
import threading

_state: dict[str, bool] = {"armed": False, "asked": False}
_kept: list[object] = []  # alive until os._exit: never freed one by one


def arm() -> None:
    """Called by the entry point alone: a command's `keep_to_end` now counts."""
    _state["armed"] = True


def disarm() -> None:
    """The entry point ends the usual way after all: forget the request and what was kept."""
    _state.update(armed=False, asked=False)
    _kept.clear()


def keep_to_end(*objects: object) -> None:
    """Ask that the process end at once after this command, and keep `objects` alive to then (nothing
    is kept, and nothing changes, unless the entry point armed this)."""
    if _state["armed"]:
        _state["asked"] = True
        _kept.extend(objects)


def end_now(status: object) -> None:
    """End the process with `status` (a command's `sys.exit` code; None is 0) at once, when it was
    asked and it is safe; otherwise return, for the caller to end the usual way."""
    code = 0 if status is None else status
    if not (_state["armed"] and _state["asked"]) or type(code) is not int or not 0 <= code <= 255:
        return
    if threading.active_count() != 1 or not _flushed():
        return
    atexit._run_exitfuncs()  # what the interpreter would run first: logging, multiprocessing, finalizers
    if _flushed():  # a handler may have written
        os._exit(code)


def _flushed() -> bool:
    """Whether standard output and error took everything written to them."""
    for stream in {id(s): s for s in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__)}.values():
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # a closed pipe or stream
            return False
    return True
