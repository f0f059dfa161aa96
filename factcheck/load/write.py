"""Write claims files: a stable, readable YAML form, written atomically so nothing is ever half-written."""

from __future__ import annotations

import fcntl
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

from factcheck.load.document import reads_back_as
from factcheck.model import ClaimsFile

try:
    from yaml import CSafeDumper as _Dumper
except ImportError:  # pragma: no cover
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]


def dump_claims_file(claims_file: ClaimsFile) -> str:
    """The YAML text of a claims file; `load` of it gives back an equal `ClaimsFile`."""
    data = claims_file.model_dump(mode="json", exclude_none=True, exclude_defaults=False)
    return dump_yaml(data)


class _ClaimsDumper(_Dumper):  # type: ignore[misc, valid-type]
    """Quotes every string our reader would not read back as the same text (`Y`, `0123`, `1:20`):
    PyYAML's own YAML 1.1 rules miss some of them."""


def _represent_str(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = None if reads_back_as(text) else "'"
    if "\n" in text:
        style = "|" if text == text.strip() and not text.endswith(" ") else '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_ClaimsDumper.add_representer(str, _represent_str)


def dump_yaml(data: Any) -> str:
    # sort_keys=False keeps the model's field order (id, kind, subject, ...), which reads best.
    return yaml.dump(data, Dumper=_ClaimsDumper, sort_keys=False, allow_unicode=True, width=100,
                     default_flow_style=False)


class WriteError(Exception):
    """A file could not be written (no permission, no space, a name too long): the message names the
    path and the reason; the file as it was is untouched."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"cannot write {path}: {reason}")
        self.path = path
        self.reason = reason


class OutputRefused(WriteError):
    """An output path names a file the command must not replace (an input, or a file it did not write)."""

    def __init__(self, path: Path, reason: str) -> None:
        verb = "overwrite" if os.path.lexists(path) else "write"
        Exception.__init__(self, f"refusing to {verb} {path}: {reason}")
        self.path = path
        self.reason = reason


STDOUT = "-"  # `-o -` means standard output, for every command


def is_stdout(path: Path | None) -> bool:
    return path is not None and str(path) == STDOUT


def _new_file_mode() -> int:
    """What `open()` would give a new file: 0o666 less the process's umask (mkstemp alone gives 0o600)."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(path: Path, text: str | Iterable[str] | Iterable[bytes]) -> None:
    """Replace `path` with `text` in one step: a crash leaves the old file or the new one, never half.

    `text` is one string or pieces of it (a report written as it is encoded: memory stays flat with
    the output's size), text written in UTF-8 or bytes written as they are (JSON as orjson encoded
    it, not decoded and encoded again). It goes to a temporary file in the same directory, is flushed to disk, then
    renamed over `path`. A replaced file keeps its mode; a new one gets the user's umask. A symlink is
    written through (the link stays). Any failure to write is a `WriteError`; an error raised while
    making a piece is raised as it is (it is not the file's). Either way `path` is as it was and the
    temporary file is removed."""
    try:
        target = Path(os.path.realpath(path)) if path.is_symlink() else path
        target.parent.mkdir(parents=True, exist_ok=True)
        existing = target.stat() if target.exists() else None
        # A short prefix: a long output name must not make the temporary name too long by itself.
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name[:40]}.", suffix=".tmp")
    except FileExistsError:  # from mkdir: a file where a folder should be
        raise WriteError(path, "Not a directory: a file stands where its folder should be") from None
    except OSError as error:
        raise WriteError(path, error.strerror or str(error)) from None
    pieces = _Pieces(text)
    try:
        with os.fdopen(handle, "wb") as stream:
            os.fchmod(stream.fileno(), existing.st_mode & 0o7777 if existing else _new_file_mode())
            if existing and (existing.st_uid, existing.st_gid) != (os.geteuid(), os.getegid()):
                _keep_owner(stream.fileno(), existing)
            stream.writelines(pieces)  # each piece written as it comes, none kept
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, (OSError, UnicodeError)) and not pieces.failed:
            raise WriteError(path, getattr(error, "strerror", None) or str(error)) from None
        raise
    _sync_directory(target.parent)


class _Pieces:
    """The pieces of a text in UTF-8, each made as it is written; `failed` says that making one raised
    (that error is the caller's, not the file's: an OSError there is not a `WriteError`)."""

    def __init__(self, text: str | Iterable[str] | Iterable[bytes]) -> None:
        self._text, self.failed = text, False

    def __iter__(self) -> Iterator[bytes]:
        if isinstance(self._text, str):
            yield self._text.encode("utf-8")
            return
        iterator = iter(self._text)
        while True:
            try:
                piece = next(iterator)
            except StopIteration:
                return
            except BaseException:
                self.failed = True
                raise
            yield piece if isinstance(piece, bytes) else piece.encode("utf-8")


def _keep_owner(handle: int, existing: os.stat_result) -> None:
    """A file root rewrites stays its owner's (best effort: only root may give a file away)."""
    try:
        os.fchown(handle, existing.st_uid, existing.st_gid)
    except OSError:
        pass


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable (best effort: some file systems cannot open a directory)."""
    try:
        handle = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


# What a previous output of factcheck looks like, by format: `-o` of `report`, `gate`, `eval` and
# `schema` replaces an existing file only when one of these recognises it. Each looks at the file's
# first or last few KiB; no claims, entity, vocabulary, cues, baseline or rules file (YAML) and no
# article text matches any of them.
_HEAD, _TAIL = 4096, 4096
_OUTPUT_SIGNATURES: dict[str, Callable[[str, str], bool]] = {
    "json": lambda head, tail: re.match(r'\{\s*"schema_version":\s*\d+,\s*"tool":\s*\{\s*"name":\s*"factcheck"',
                                        head) is not None,
    "sarif": lambda head, tail: head.lstrip().startswith("{") and '"$schema": "https://docs.oasis-open.org/sarif/' in head
    and '"name": "factcheck"' in head,
    "schema": lambda head, tail: tail.rstrip().endswith('"$schema": "https://json-schema.org/draft/2020-12/schema"\n}')
    and re.search(r'"title": "(ClaimsFile|EntitiesFile|VocabularyFile|RulesFile|RuleTestFile|BaselineFile|CueLexicon|'
                  r'factcheck configuration|factcheck report)"', tail) is not None,
    "eval json": lambda head, tail: re.match(r'\{\s*"precision":\s*[\d.]+,\s*"recall":', head) is not None,
    "eval text": lambda head, tail: re.match(r"event +sources +claims +reported +true +expected", head) is not None,
    "html": lambda head, tail: head.startswith("<!DOCTYPE html>") and "<title>factcheck " in head,
    "junit": lambda head, tail: head.startswith("<?xml") and '<testsuites name="factcheck"' in head,
    "markdown": lambda head, tail: head.startswith("# factcheck "),
    "github": lambda head, tail: all(line.startswith("::") for line in head.splitlines()[:-1] or head.splitlines()),
    "text": lambda head, tail: re.search(r"(^|\n)(factcheck gate: |\d+ sources?, \d+ claims?, \d+ rules?:)", tail)
    is not None,
}


def previous_output(path: Path) -> str | None:
    """The format of `path` if it is a file factcheck wrote as a report, gate result, evaluation or
    schema (an empty file counts: there is nothing to lose); None if not."""
    try:
        with path.open("rb") as stream:
            head = stream.read(_HEAD)
            size = stream.seek(0, os.SEEK_END)
            stream.seek(max(0, size - _TAIL))
            tail = stream.read(_TAIL)
    except OSError:
        return None
    if not head.strip():
        return "empty"
    head_text, tail_text = head.decode("utf-8", "replace"), tail.decode("utf-8", "replace")
    return next((name for name, looks in _OUTPUT_SIGNATURES.items() if looks(head_text, tail_text)), None)


def check_output(path: Path, *, inputs: Iterable[Path] = ()) -> None:
    """Refuse (`OutputRefused`) to let a report, gate, eval or schema output replace a file it did not
    write: an input of the run, a directory or device, or any existing file that is not a previous
    factcheck output (`previous_output`). A new file, or a previous output, is fine."""
    resolved = Path(os.path.realpath(path))
    if any(resolved == Path(os.path.realpath(source)) for source in inputs):
        raise OutputRefused(path, "it is an input of this command")
    if not os.path.lexists(path):
        return
    if not resolved.is_file():
        raise OutputRefused(path, "it is not a regular file")
    if previous_output(resolved) is None:
        raise OutputRefused(path, f"it is {describe_file(resolved)}, not an earlier factcheck output "
                                  "(choose another name, or remove the file first)")


def describe_file(path: Path) -> str:
    """What a file we refuse to replace appears to be, for the message."""
    name = path.name
    if name in ("entities.yaml", "vocabulary.yaml", "cues.yaml"):
        return f"the {name.split('.')[0]} file"
    if path.suffix in (".yaml", ".yml"):
        head = _head(path, _HEAD)
        if re.search(r"(^|\n)claims:", head) or re.search(r"(^|\n)source:", head):
            return "a claims file"
        if re.search(r"(^|\n)(accepted|entries):", head) or "baseline" in name:
            return "a baseline"
        return "a YAML file factcheck did not write"
    if path.suffix in (".txt", ".html", ".htm"):
        return "a text (a source's text, perhaps)"
    return "a file factcheck did not write"


CLAIMS_SUFFIXES = (".yaml", ".yml")
PROPOSALS_MARKER = "# Entities proposed by `factcheck extract`"  # the first line of a proposals file


def check_claims_output(output: Path, *, source_path: Path) -> None:
    """`extract` writes claims only to a YAML file that is not the article itself; whether an existing
    file is a claims file of the same source is checked when it is read, under the lock."""
    if output.suffix not in CLAIMS_SUFFIXES:
        raise OutputRefused(output, "a claims file is YAML: give -o a name ending in .yaml")
    if _same_file(output, source_path):
        raise OutputRefused(output, "it is the article being extracted")
    if os.path.lexists(output) and not Path(os.path.realpath(output)).is_file():
        raise OutputRefused(output, "it is not a regular file")


def check_text_output(path: Path, text: str, *, source_path: Path, named: Path | None) -> None:
    """The main text of an HTML page is saved beside its claims file. It may replace that claims file's
    own source text (`named`), or a file already holding the same text; nothing else."""
    if _same_file(path, source_path):
        raise OutputRefused(path, "it is the page being extracted")
    if not os.path.lexists(path) or (named is not None and _same_file(path, named)):
        return
    try:
        same = Path(os.path.realpath(path)).read_bytes() == text.encode("utf-8")
    except OSError:
        same = False
    if not same:
        raise OutputRefused(path, f"it is {describe_file(path)} that this claims file does not name as its source "
                                  "text (choose another -o)")


def check_proposals_output(path: Path, *, claims_output: Path | None = None) -> None:
    """Proposed entities go to their own file: a new one, or one `extract` wrote before (its first line is
    `PROPOSALS_MARKER`); never entities.yaml, a claims file or anything else."""
    if is_stdout(path):
        return
    if claims_output is not None and _same_file(path, claims_output):
        raise OutputRefused(path, "it is the claims file this extract writes")
    if not os.path.lexists(path):
        return
    resolved = Path(os.path.realpath(path))
    if not _head(resolved, 200).startswith(PROPOSALS_MARKER):
        raise OutputRefused(path, f"it is {describe_file(resolved)}, not a file of proposed entities factcheck wrote "
                                  "(proposals never go into entities.yaml; choose a new name)")


def _head(path: Path, size: int) -> str:
    """The first `size` bytes of a regular file as text ("" for anything else or on an error)."""
    try:
        if not path.is_file():
            return ""
        with path.open("rb") as stream:
            return stream.read(size).decode("utf-8", "replace")
    except OSError:
        return ""


def _same_file(one: Path, other: Path) -> bool:
    return os.path.realpath(one) == os.path.realpath(other)


LOCK_TIMEOUT = 120.0  # seconds; FACTCHECK_LOCK_TIMEOUT overrides


@contextmanager
def file_lock(path: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold an exclusive lock on `path` (an flock on `.NAME.lock` beside it) while reading, merging and
    writing it, so two `extract` runs into one claims file take turns: the second waits, then reads what
    the first wrote. The lock goes with the process (a killed run never leaves it held); the lock file
    is removed on release, and a waiter that finds its lock file removed takes the new one."""
    if timeout is None:
        timeout = float(os.environ.get("FACTCHECK_LOCK_TIMEOUT", LOCK_TIMEOUT))
    lock_path = path.with_name(f".{path.name[:200]}.lock")
    deadline = time.monotonic() + timeout
    while True:
        handle = _open_lock(path, lock_path)
        try:
            _wait_for(handle, path, lock_path, deadline, timeout)
            current = os.stat(lock_path)
            held = os.fstat(handle)
            if (current.st_ino, current.st_dev) == (held.st_ino, held.st_dev):
                break
        except FileNotFoundError:
            pass  # its holder removed it on release: lock the new one
        except BaseException:
            os.close(handle)
            raise
        os.close(handle)
    try:
        yield
    finally:
        try:
            os.unlink(lock_path)  # while still held: no one else holds this one
        except OSError:
            pass
        os.close(handle)


def _open_lock(path: Path, lock_path: Path) -> int:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as error:
        raise WriteError(path, f"cannot create its lock file {lock_path.name}: {error.strerror or error}") from None


def _wait_for(handle: int, path: Path, lock_path: Path, deadline: float, timeout: float) -> None:
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise WriteError(path, f"another factcheck run is writing it and held its lock ({lock_path.name}) "
                                       f"for over {timeout:g} s; try again when it has finished") from None
            time.sleep(0.05)


def write_claims_file(path: Path, claims_file: ClaimsFile) -> None:
    write_atomic(path, dump_claims_file(claims_file))
