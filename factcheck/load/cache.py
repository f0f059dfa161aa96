"""A cache of validated claims files, so a second report and the gate read only what changed.

One SQLite file, `.factcheck/cache/claims-cache.sqlite` at the project's root (its own folder holds a
`.gitignore` of `*`, so it is never committed; `.factcheck/` itself also holds what is committed, the
baseline, so the cache must not ignore the whole of it). A row holds one claims file as the model validated
it, with its claim lines, keyed by what decides that outcome: the sha256 of the claims file, of its
source text, and of the context (the entity file, the vocabulary, the shipped vocabulary and
factcheck's version). Only a file that loaded with no problem is stored; a file with problems is
read, and reported, every time.

The cache is never trusted: each row carries an HMAC under a key kept outside the project (in the
user's cache folder, `$XDG_CACHE_HOME/factcheck/cache-key`), so a cache made elsewhere, committed to
a repository or edited by hand is a miss, not a source of claims; a row that does not verify or does
not validate is a miss; a file that is not a database, or a cache of another format, is deleted and
built again. A cache that cannot be opened or written (a read-only checkout, a lock held too long) is
simply not used. `--no-cache` turns it off.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import sqlite3
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from pydantic import ValidationError

from factcheck import __version__
from factcheck.load.paths import project_root

CACHE_FOLDER = ".factcheck/cache"  # not .factcheck itself: the baseline lives there and is committed
CACHE_FILE = "claims-cache.sqlite"
FORMAT = "1"  # the layout of the rows; a cache of another format is built again
KEY_VARIABLE = "XDG_CACHE_HOME"


@dataclass(frozen=True)
class CachedFile:
    """A claims file as validated before: the model's JSON and the line of each claim."""

    model_json: str
    lines: dict[str, int]


@dataclass
class ClaimsCache:
    """An open cache; `lookup` before reading a file, `store` after it loaded with no problem, `close` at the end."""

    path: Path
    context: str  # the sha256 of what every file's outcome depends on besides its own bytes
    connection: sqlite3.Connection | None
    key: bytes
    pending: list[tuple[str, ...]] = field(default_factory=list)
    hits: int = 0
    misses: int = 0

    def lookup(self, claims_path: Path, claims_sha: str, text_sha_of: object) -> CachedFile | None:
        """The cached outcome for this claims file, or None. `text_sha_of(text_path)` hashes the source
        text the row names (None when it cannot be read): a changed text is a miss."""
        row = self._row(claims_path)
        if row is None:
            self.misses += 1
            return None
        stored_sha, text_path, text_sha, context, model_json, lines_json, mac = row
        fields = (str(claims_path), stored_sha, text_path, text_sha, context, model_json, lines_json)
        if (stored_sha != claims_sha or context != self.context or not hmac.compare_digest(mac, self._mac(fields))
                or text_sha_of(text_path) != text_sha):  # type: ignore[operator]
            self.misses += 1
            return None
        try:
            lines = json.loads(lines_json)
        except ValueError:
            self.misses += 1
            return None
        self.hits += 1
        return CachedFile(model_json, lines)

    def store(self, claims_path: Path, claims_sha: str, text_path: str, text_sha: str, model_json: str,
              lines: dict[str, int]) -> None:
        lines_json = json.dumps(lines, sort_keys=True)
        fields = (str(claims_path), claims_sha, text_path, text_sha, self.context, model_json, lines_json)
        self.pending.append((*fields, self._mac(fields)))

    def close(self) -> None:
        """Write what was stored, in one transaction, and close; a failure leaves the cache as it was."""
        if self.connection is None:
            return
        try:
            with self.connection:
                self.connection.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                            self.pending)
        except sqlite3.Error:
            pass
        finally:
            self.connection.close()
            self.connection = None

    def _row(self, claims_path: Path) -> tuple[str, ...] | None:
        if self.connection is None:
            return None
        try:
            return self.connection.execute(
                "SELECT claims_sha, text_path, text_sha, context, model, lines, mac FROM files WHERE path = ?",
                (str(claims_path),)).fetchone()
        except sqlite3.Error:
            return None

    def _mac(self, fields: tuple[str, ...]) -> str:
        return hmac.new(self.key, "\0".join(fields).encode("utf-8"), hashlib.sha256).hexdigest()


def sha256_hex(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def context_sha(entities: bytes | None, vocabulary: bytes | None) -> str:
    """What every file's outcome depends on besides its own bytes and its source text."""
    shipped = resources.files("factcheck").joinpath("data", "vocabulary.yaml").read_bytes()
    parts = [FORMAT.encode(), __version__.encode(), shipped, entities or b"\0none", vocabulary or b"\0none"]
    return sha256_hex(b"\0\0".join(sha256_hex(part).encode() for part in parts))


def open_cache(context: str, root: Path | None = None) -> ClaimsCache:
    """The cache of the project at `root` (default: the project's root); a cache that is not usable is
    built again, or, when even that fails, not used (lookups miss, nothing is stored)."""
    path = (root or project_root()) / CACHE_FOLDER / CACHE_FILE
    key = _secret_key()
    if key is None:  # no key to sign rows with: no cache (nothing is written to the project)
        return ClaimsCache(path, context, None, b"")
    try:
        _make_folder(path.parent)
        connection = _connect(path)
    except (OSError, sqlite3.Error):
        try:  # not a database, another format, unreadable: never trusted; build it again
            path.unlink(missing_ok=True)
            connection = _connect(path)
        except (OSError, sqlite3.Error):
            connection = None
    return ClaimsCache(path, context, connection, key)


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=5)
    try:
        connection.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)")
        found = connection.execute("SELECT value FROM meta WHERE name = 'format'").fetchone()
        if found is None or found[0] != FORMAT:
            with connection:
                connection.execute("DROP TABLE IF EXISTS files")
                connection.execute("INSERT OR REPLACE INTO meta VALUES ('format', ?)", (FORMAT,))
        connection.execute("CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, claims_sha TEXT, text_path TEXT, "
                           "text_sha TEXT, context TEXT, model TEXT, lines TEXT, mac TEXT)")
        connection.execute("PRAGMA quick_check").fetchone()
    except sqlite3.Error:
        connection.close()
        raise
    return connection


def _make_folder(folder: Path) -> None:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# factcheck's cache: never commit it\n*\n", encoding="utf-8")


def _secret_key() -> bytes | None:
    """This user's key for the cache's HMACs, made on first use; None when it cannot be kept."""
    base = Path(os.environ.get(KEY_VARIABLE) or Path.home() / ".cache")
    key_path = base / "factcheck" / "cache-key"
    try:
        key_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        descriptor = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as handle:
            handle.write(secrets.token_hex(32))
    except FileExistsError:
        pass  # made before, or by a run beside this one
    except OSError:
        return None
    try:
        key = bytes.fromhex(key_path.read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return None
    return key if len(key) >= 16 else None


def validated(model_json: str, model: type) -> object | None:
    """The model from a cached row, validated again; None when the row does not validate."""
    try:
        return model.model_validate_json(model_json)  # type: ignore[attr-defined]
    except ValidationError:
        return None
