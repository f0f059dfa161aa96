"""Reports kept beside the claims cache, so that a report of an unchanged project is a copy.

`factcheck report` over a million claims loads them (even from the claims cache, tens of seconds),
compares them and encodes the report again, though nothing changed. So each report it writes is kept
in `.factcheck/cache/reports/` (git-ignored with the claims cache), as the bytes it wrote, with a
manifest of everything those bytes depend on:

- the **request** (`report_request.py`): factcheck's code, the installed distributions, the rules in
  force, the options that change findings or how they are shown, the working directory, the paths as
  given and the `FACTCHECK_*` environment, as one key;
- the **files**: every claims file (as `claims_files_in` lists them, in order), the source text each
  names, the entity file and the vocabulary, each by its sha256 with a stat signature
  (`file_state.py`: stat first, hash only what the signature cannot vouch for, like git's index).

A run whose request and files match reuses the kept bytes; anything else runs in full and keeps
its own. The manifest is signed with the claims cache's per-user key (HMAC; the key lives outside the
project, `cache.py`), so a manifest committed to a repository, restored from elsewhere or edited is
a miss; the kept output is checked against the signed manifest (its signature, else its sha256), so a
replaced output is a miss too. A miss is never an error: it is a full run. Only a run that loaded
with no problem and wrote its whole output is kept, and only when none of its files changed while it
ran. At most `KEEP` reports are kept (one per way of showing it), the least recently used going first.
"""

from __future__ import annotations

import codecs
import hashlib
import hmac
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, TypeVar

import orjson

from factcheck.load.cache import CACHE_FOLDER, _secret_key, ignore_itself, own_folder
from factcheck.load.fast import paused_gc
from factcheck.load.file_state import FileState, hash_file, recheck, regular_stat, signature_of, state_with, take_state
from factcheck.load.paths import PathRefused, project_root
from factcheck.load.report_request import ReportRequest

FORMAT = "1"  # the manifest's layout; a manifest of another format is a miss
STORE_FOLDER = "reports"
KEEP = 4
KEPT_NAME = re.compile(r"[0-9a-f]{32}\.json")  # a manifest's name; its report's is the same with .out
MAX_MANIFEST_BYTES = 256 << 20  # about 4 MB at a million claims
_CHUNK = 1 << 20  # bytes of a kept report read at a time
PieceT = TypeVar("PieceT", str, bytes)  # a piece of a report as it is written: text, or JSON in UTF-8


@dataclass(frozen=True)
class Outcome:
    """What the command says besides the report: the verdicts' counts and how many findings fail."""

    verdicts: dict[str, int]
    failing: int


@dataclass
class StoredReport:
    """A kept report that matched: its outcome, and its bytes to be read once, in pieces."""

    outcome: Outcome
    stream: IO[bytes]

    def pieces(self) -> Iterator[str]:
        """The report's text, a megabyte at a time (the file is closed at the end)."""
        decoder = codecs.getincrementaldecoder("utf-8")()
        for raw in self.raw_pieces():
            yield decoder.decode(raw)
        yield decoder.decode(b"", final=True)

    def raw_pieces(self) -> Iterator[bytes]:
        """The report's bytes, a megabyte at a time, not decoded (for a binary stream: about 0.6 s less
        per 200 MB than text, which must be decoded here and encoded again as it is written)."""
        with self.stream:
            while piece := self.stream.read(_CHUNK):
                yield piece


def find_report(request: ReportRequest) -> StoredReport | None:
    """The kept report of this request when nothing it depends on changed, else None."""
    key = _signing_key()
    if key is None:
        return None
    folder = usable_folder(create=False)
    if folder is None:
        return None
    name = request.key
    # The manifest's rows (three a file) are many small objects: without a pause they set off collections
    # that walk every module and object of the run (10-20 ms of a warm report at 100k claims).
    with paused_gc():
        manifest = _read_manifest(folder / f"{name[:32]}.json", key)
        if manifest is None or manifest.get("format") != FORMAT or manifest.get("key") != name:
            return None
        try:
            return _reuse(request, folder, manifest, key)
        except (KeyError, IndexError, TypeError, ValueError):  # signed, yet not a manifest this code reads
            return None


def _reuse(request: ReportRequest, folder: Path, manifest: dict[str, Any], key: bytes) -> StoredReport | None:
    """The kept report of a verified manifest, when its files and its output are still as it says."""
    name = manifest["key"]
    since = time.time_ns()
    checked = _checked_files(request, manifest, since)
    if checked is None:
        return None
    output, refreshed = _open_output(folder / f"{name[:32]}.out", manifest["output"])
    if output is None:
        return None
    if refreshed or checked != manifest["files"]:  # signatures renewed, so the next check reads nothing
        _write_manifest(folder, name, {**manifest, "files": checked, "output": refreshed or manifest["output"]}, key)
    try:
        os.utime(folder / f"{name[:32]}.json", follow_symlinks=False)  # recently used: pruned last
    except OSError:
        pass
    outcome = manifest["outcome"]
    return StoredReport(Outcome(dict(outcome["verdicts"]), int(outcome["failing"])), output)


@dataclass
class ReportRecorder:
    """Keeps the report a run writes: the inputs' states taken before it loads, its text as written,
    and the manifest once the output is whole (`keep`); `discard` if anything went wrong."""

    request: ReportRequest
    key: bytes
    started: int
    claims: list[FileState]
    project: list[FileState | None]
    folder: Path | None = None
    temporary: Path | None = None
    sink: IO[bytes] | None = None
    digest: Any = field(default_factory=hashlib.sha256)

    @classmethod
    def start(cls, request: ReportRequest) -> ReportRecorder | None:
        """A recorder, with every claims file and project file hashed now (before the load reads them);
        None when there is no key, or a file cannot have a state (a link, a FIFO: the load says why)."""
        key = _signing_key()
        if key is None:
            return None
        started = time.time_ns()
        try:
            claims = [take_state(path, started) for path in request.claims_files()]
        except (PathRefused, OSError):
            return None
        project = [take_state(path, started) if path else None for path in request.project_files()]
        if any(state is None for state in claims) or any(p and s is None for p, s in zip(request.project_files(), project)):
            return None
        recorder = cls(request, key, started, claims, project)  # type: ignore[arg-type]
        folder = usable_folder(create=True)
        if folder is None:
            return None
        try:
            _ignore_itself(folder)
            handle, temporary = tempfile.mkstemp(dir=folder, prefix=".report.", suffix=".tmp")
        except OSError:
            return None
        recorder.folder, recorder.temporary, recorder.sink = folder, Path(temporary), os.fdopen(handle, "wb")
        return recorder

    def tee(self, pieces: Iterable[PieceT]) -> Iterator[PieceT]:
        """Each piece (text, or bytes in UTF-8), kept as it passes."""
        for piece in pieces:
            self._keep_piece(piece)
            yield piece

    def record(self, text: str) -> str:
        self._keep_piece(text)
        return text

    def keep(self, texts: list[tuple[str, str]], outcome: Outcome) -> None:
        """Keep the report written, with the source texts the load read (path, sha256 it checked), when
        none of the inputs changed while the run went on; else drop it."""
        if self.sink is None or self.temporary is None or self.folder is None:
            return
        try:
            self.sink.flush()
            os.fsync(self.sink.fileno())
            self.sink.close()
            with paused_gc():  # a few thousand small lists must not set off a walk of a million claims
                manifest = self._manifest(texts, outcome)
            if manifest is None:
                return
            name = self.request.key
            target = self.folder / f"{name[:32]}.out"
            os.replace(self.temporary, target)
            self.temporary = None
            manifest["output"] = [target.name, self.digest.hexdigest(), list(signature_of(os.lstat(target)))]
            _write_manifest(self.folder, name, manifest, self.key)
            _prune(self.folder)
        except (OSError, ValueError):
            pass
        finally:
            self.discard()

    def discard(self) -> None:
        """Drop what was kept of a run that did not finish (or that cannot be kept)."""
        if self.sink is not None and not self.sink.closed:
            self.sink.close()
        self.sink = None
        if self.temporary is not None:
            self.temporary.unlink(missing_ok=True)
            self.temporary = None

    def _keep_piece(self, piece: str | bytes) -> None:
        if self.sink is None:
            return
        try:
            raw = piece if isinstance(piece, bytes) else piece.encode("utf-8")
            self.sink.write(raw)
            self.digest.update(raw)
        except (OSError, UnicodeError):  # the report is still written; it is just not kept
            self.discard()

    def _manifest(self, texts: list[tuple[str, str]], outcome: Outcome) -> dict[str, Any] | None:
        """The manifest, or None when a file changed since the run began (what was read is not known)."""
        if self.request.claims_files() != [s.path for s in self.claims] or \
                self.request.project_files() != [s.path if s else None for s in self.project]:
            return None
        for state in [*self.claims, *(s for s in self.project if s is not None)]:
            now = regular_stat(state.path)
            if now is None or (state.signature is not None and signature_of(now) != state.signature) or \
                    (state.signature is None and hash_file(state.path, now) != state.sha256):
                return None
        read = []
        real = _RealPaths()
        for path, sha in texts:
            state = state_with(real(path), sha, self.started)
            if state is None:
                return None
            read.append([path, *_row(state)])
        files = {"claims": [_row(s) for s in self.claims], "project": [_row(s) if s else None for s in self.project],
                 "texts": read}
        return {"format": FORMAT, "key": self.request.key, "files": files,
                "outcome": {"verdicts": outcome.verdicts, "failing": outcome.failing}}


def usable_folder(*, create: bool) -> Path | None:
    """The store's folder when it is the project's own (`cache.own_folder`: no step a link), made as
    needed when `create`; None when it is not so."""
    return own_folder(project_root(), (*Path(CACHE_FOLDER).parts, STORE_FOLDER), create=create)


def _ignore_itself(folder: Path) -> None:
    """A `.gitignore` of `*`, so the kept reports are never committed (never written through a link)."""
    ignore_itself(folder, "factcheck's kept reports: never commit them")


def _signing_key() -> bytes | None:
    return _secret_key()


class _RealPaths:
    """`os.path.realpath` of a file's path, its folder resolved once for all the files in it (10,000
    source texts in one folder: one folder to resolve). The same as realpath for a file that is not
    itself a link, and a link is no regular file: it has no state, so it never matches."""

    def __init__(self) -> None:
        self.folders: dict[str, str] = {}

    def __call__(self, path: str) -> str:
        folder, name = os.path.split(path)
        if folder not in self.folders:
            self.folders[folder] = os.path.realpath(folder or ".")
        return os.path.join(self.folders[folder], name)


def _row(state: FileState) -> list[Any]:
    return [state.path, state.sha256, list(state.signature) if state.signature is not None else None]


def _checked_files(request: ReportRequest, manifest: dict[str, Any], since: int) -> dict[str, Any] | None:
    """The manifest's files, each still as it was (signatures renewed where a hash vouched), or None."""
    files = manifest.get("files") or {}
    try:
        if request.claims_files() != [row[0] for row in files["claims"]]:
            return None
    except (PathRefused, OSError):
        return None
    if request.project_files() != [row[0] if row else None for row in files["project"]]:
        return None
    claims = [_still(row, since) for row in files["claims"]]
    project = [_still(row, since) if row else None for row in files["project"]]
    texts = []
    real = _RealPaths()
    for path, *row in files["texts"]:
        if real(path) != row[0]:
            return None
        texts.append([path, *(_still(row, since) or [None])])
    if any(row is None for row in claims) or any(r and s is None for r, s in zip(files["project"], project)) \
            or any(row[1] is None for row in texts):
        return None
    return {"claims": claims, "project": project, "texts": texts}


def _still(row: list[Any], since: int) -> list[Any] | None:
    """The row of a file that still has its content (renewed when it had to be hashed), else None."""
    path, sha, signature = row
    state = recheck(FileState(path, sha, tuple(signature) if signature is not None else None), since)
    return _row(state) if state is not None else None


def _open_output(path: Path, row: list[Any]) -> tuple[IO[bytes] | None, list[Any] | None]:
    """The kept output opened, when it is the one the manifest signed: (stream, renewed row or None)."""
    name, sha, signature = row
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None, None
    raw = os.fdopen(handle, "rb")
    found = os.fstat(raw.fileno())
    if not stat.S_ISREG(found.st_mode):
        raw.close()
        return None, None
    renewed = None
    if list(signature_of(found)) != signature:
        digest = hashlib.sha256()
        while chunk := raw.read(_CHUNK):
            digest.update(chunk)
        if not hmac.compare_digest(digest.hexdigest(), sha):
            raw.close()
            return None, None
        raw.seek(0)
        renewed = [name, sha, list(signature_of(found))]
    return raw, renewed


def _read_manifest(path: Path, key: bytes) -> dict[str, Any] | None:
    """The manifest when its signature verifies (a link, a FIFO or a huge file is not read)."""
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    with os.fdopen(handle, "rb") as stream:
        found = os.fstat(stream.fileno())
        if not stat.S_ISREG(found.st_mode) or found.st_size > MAX_MANIFEST_BYTES:
            return None
        try:
            mac, _, body = stream.read(MAX_MANIFEST_BYTES + 1).partition(b"\n")
        except OSError:
            return None
    if not hmac.compare_digest(mac, _mac(key, body).encode("ascii")):
        return None
    try:
        manifest = orjson.loads(body)
    except orjson.JSONDecodeError:
        return None
    return manifest if isinstance(manifest, dict) else None


def _write_manifest(folder: Path, name: str, manifest: dict[str, Any], key: bytes) -> None:
    body = orjson.dumps(manifest)
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".manifest.", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(_mac(key, body).encode("ascii") + b"\n" + body)
        os.replace(temporary, folder / f"{name[:32]}.json")
    except OSError:
        Path(temporary).unlink(missing_ok=True)


def _mac(key: bytes, body: bytes) -> str:
    return hmac.new(key, body, hashlib.sha256).hexdigest()


def _prune(folder: Path) -> None:
    """Keep the `KEEP` most recently used reports (only the store's own names are ever removed)."""
    manifests = sorted((p for p in folder.iterdir() if KEPT_NAME.fullmatch(p.name)),
                       key=lambda p: p.lstat().st_mtime_ns, reverse=True)
    for manifest in manifests[KEEP:]:
        manifest.unlink(missing_ok=True)
        manifest.with_suffix(".out").unlink(missing_ok=True)
