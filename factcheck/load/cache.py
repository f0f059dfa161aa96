"""A cache of validated claims files, so a second report and the gate read only what changed.

One SQLite file, `.factcheck/cache/claims-cache.sqlite` at the project's root (its own folder holds a
`.gitignore` of `*`, so it is never committed; `.factcheck/` itself also holds what is committed, the
baseline, so the cache must not ignore the whole of it). A row holds one claims file as the model validated
it, with its claim lines, keyed by what decides that outcome: the sha256 of the claims file, of its
source text, and of the context (the entity file, the vocabulary, the shipped vocabulary and
factcheck's version). Only a file that loaded with no problem is stored; a file with problems is
read, and reported, every time.

For the gate (`factcheck/gate/focused.py`) the cache also keeps an index, so that gating one new source
against a million claims reads only the claims that can pair with it:

- **blobs**: a git object id (of a claims file or a source text, as read) and the sha256 and size of
  those bytes, so a file git says is unchanged is known without reading it;
- **terms**: for each indexed claims file, the terms each claim can be paired by (its subject and
  property, with its event or none, a quote's runs of words; `factcheck/gate/terms.py`), as 64-bit
  hashes, pointing at the claim's position in the file;
- **parts**: each indexed claim's JSON and line (and the file's source), signed with the file's path
  and sha256, so the gate reads the few claims it needs without parsing their files' rows;
- **summaries**: one signed row per context, the files the last gate run vouched for at a git tree
  (`factcheck/gate/summary.py`), so the next run vouches for them from one row, not 10,000.

The cache is never trusted: each row of `files`, `blobs` and `parts` carries an HMAC under a key kept outside
the project (in the user's cache folder, `$XDG_CACHE_HOME/factcheck/cache-key`), so a cache made
elsewhere, committed to a repository or edited by hand is a miss, not a source of claims; a row that
does not verify or does not validate is a miss; a file that is not a database, or a cache of another
format, is deleted and built again. A term row only says which signed rows to read: a forged one adds
claims that are in the corpus anyway. A cache that cannot be opened or written (a read-only checkout, a
lock another run holds longer than `LOCK_WAIT`) is simply not used for this run, and never deleted: only
a file SQLite calls damaged (`SQLITE_CORRUPT`, `SQLITE_NOTADB`) is (`is_damage`). `--no-cache` turns it off.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import sqlite3
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from pydantic import ValidationError

from factcheck import __version__
from factcheck.load.paths import project_root

CACHE_FOLDER = ".factcheck/cache"  # not .factcheck itself: the baseline lives there and is committed
CACHE_FILE = "claims-cache.sqlite"
FORMAT = "7"  # the layout of the rows and the index's terms (gate/terms.py: 6 the events', 7 the objects' terms);
# a cache of another format is built again
KEY_VARIABLE = "XDG_CACHE_HOME"
_BATCH = 900  # parameters in one SQL statement (SQLite's limit is 999 on old builds)
LOCK_WAIT = 5.0  # seconds to wait for another run's lock on the cache before going on without it
# SQLite's primary result codes (https://sqlite.org/rescode.html) that mean the file itself is bad.
_CORRUPT, _NOT_A_DATABASE = 11, 26


@dataclass(frozen=True)
class CachedFile:
    """A claims file as validated before: the model's JSON and the line of each claim."""

    model_json: str
    lines: dict[str, int]


@dataclass(frozen=True)
class SignedFile:
    """What the gate needs to know of a cached claims file without reading it (a row whose HMAC verified)."""

    path: str
    claims_sha: str
    text_path: str
    text_sha: str
    source_id: str
    claims: int  # how many claims it holds


@dataclass
class ClaimsCache:
    """An open cache; `lookup` before reading a file, `store` after it loaded with no problem, `close` at the end."""

    path: Path
    context: str  # the sha256 of what every file's outcome depends on besides its own bytes
    connection: sqlite3.Connection | None
    key: bytes
    pending: list[tuple[object, ...]] = field(default_factory=list)
    pending_blobs: list[tuple[object, ...]] = field(default_factory=list)
    pending_index: list[tuple[str, str, list[tuple[int, int]], list[tuple[object, ...]]]] = field(default_factory=list)
    pending_summary: tuple[object, ...] | None = None
    hits: int = 0
    misses: int = 0
    damaged: bool = False  # a query found the file damaged: it is deleted at `close` and built again

    def lookup(self, claims_path: Path, claims_sha: str, text_sha_of: Callable[[str], str | None]) -> CachedFile | None:
        """The cached outcome for this claims file, or None. `text_sha_of(text_path)` hashes the source
        text the row names (None when it cannot be read): a changed text is a miss."""
        found = self._full_rows([str(claims_path)]).get(str(claims_path))
        if found is None or found[0].claims_sha != claims_sha or text_sha_of(found[0].text_path) != found[0].text_sha:
            self.misses += 1
            return None
        self.hits += 1
        return found[1]

    def store(self, claims_path: Path, claims_sha: str, text_path: str, text_sha: str, model_json: str,
              lines: dict[str, int], source_id: str = "") -> None:
        lines_json = json.dumps(lines, sort_keys=True)
        small = (str(claims_path), claims_sha, text_path, text_sha, self.context, source_id, str(len(lines)),
                 sha256_hex(model_json.encode("utf-8")), sha256_hex(lines_json.encode("utf-8")))
        self.pending.append((*small, model_json, lines_json, self._mac(small)))

    def signed_files(self, paths: Iterable[str]) -> dict[str, SignedFile]:
        """The rows of `paths` made under this context whose HMAC verifies, by path (the model is not read)."""
        query = ("SELECT path, claims_sha, text_path, text_sha, context, source_id, claims, model_sha, lines_sha, mac "
                 "FROM files WHERE context = ?")
        rows = self._select_paths(query, paths)
        signed = {}
        for row in rows:
            small, mac = tuple(str(v) for v in row[:9]), row[9]
            if hmac.compare_digest(str(mac), self._mac(small)) and small[5]:
                signed[small[0]] = SignedFile(small[0], small[1], small[2], small[3], small[5], int(small[6]))
        return signed

    def blobs(self, object_ids: Iterable[str]) -> dict[str, tuple[str, int]]:
        """Signed `git object id -> (sha256, size)` of bytes read before, for the ids asked."""
        found = {}
        for batch in _batches(list(object_ids)):
            marks = ",".join("?" * len(batch))
            for oid, sha, size, mac in self._select(f"SELECT oid, sha, size, mac FROM blobs WHERE oid IN ({marks})",
                                                   tuple(batch)):
                if hmac.compare_digest(str(mac), self._mac((str(oid), str(sha), str(size)))):
                    found[str(oid)] = (str(sha), int(size))
        return found

    def store_blob(self, object_id: str, sha: str, size: int) -> None:
        fields = (object_id, sha, str(size))
        self.pending_blobs.append((object_id, sha, size, self._mac(fields)))

    def indexed(self, paths: Iterable[str]) -> dict[str, tuple[int, str]]:
        """Path -> (file number, claims sha) of each of `paths` whose terms and parts were stored under this
        context with this key (another key's parts would not verify: such a file is indexed again)."""
        rows = self._select_paths("SELECT id, path, claims_sha, mac FROM indexed WHERE context = ?", paths)
        return {str(path): (int(number), str(sha)) for number, path, sha, mac in rows
                if hmac.compare_digest(str(mac), self._mac((str(path), str(sha), self.context)))}

    def summary(self) -> tuple[str, str] | None:
        """The signed summary of the claims files vouched for at a git tree (`gate/summary.py`): its tree
        id and its body, or None."""
        for tree, body, mac in self._select("SELECT tree, body, mac FROM summaries WHERE context = ?", (self.context,)):
            if hmac.compare_digest(str(mac), self._mac((self.context, str(tree), sha256_hex(str(body).encode())))):
                return str(tree), str(body)
        return None

    def store_summary(self, tree: str, body: str) -> None:
        """Replace this context's summary (written with the other rows, at `flush`)."""
        self.pending_summary = (self.context, tree, body, self._mac((self.context, tree, sha256_hex(body.encode()))))

    def store_terms(self, claims_path: str, claims_sha: str, terms: list[tuple[int, int]],
                    parts: list[tuple[int, int, str]]) -> None:
        """The (term hash, claim position) pairs of one claims file, replacing what was indexed for it, and
        its parts: (position, line, JSON) of each claim, and position -1 for the source."""
        signed = [(position, line, body, self._mac((claims_path, claims_sha, str(position), str(line), body)))
                  for position, line, body in parts]
        self.pending_index.append((claims_path, claims_sha, terms, signed))

    def parts_of(self, asked: dict[int, tuple[str, str, list[int]]]) -> dict[int, dict[int, tuple[int, str]]]:
        """Parts of indexed files, for file number -> (claims path, claims sha, positions) asked: file number
        -> position -> (line, JSON), each part verified against the file it is said to be of (its path and
        sha256, as a signed `files` row or the summary gives them). A few queries for thousands of files."""
        pairs = [(number, position) for number, (_, _, positions) in asked.items() for position in positions]
        found: dict[int, dict[int, tuple[int, str]]] = {}
        for batch in _batches(pairs, _BATCH // 2):
            marks = ",".join("(?, ?)" for _ in batch)
            rows = self._select(f"WITH asked(file, position) AS (VALUES {marks}) SELECT parts.file, parts.position, "
                                "line, body, mac FROM asked JOIN parts ON parts.file = asked.file AND "
                                "parts.position = asked.position", tuple(value for pair in batch for value in pair))
            for number, position, line, body, mac in rows:
                claims_path, claims_sha, _ = asked[int(number)]
                fields = (claims_path, claims_sha, str(position), str(line), str(body))
                if hmac.compare_digest(str(mac), self._mac(fields)):
                    found.setdefault(int(number), {})[int(position)] = (int(line), str(body))
        return found

    def find_terms(self, files: set[int], terms: Iterable[int]) -> list[tuple[int, int]]:
        """(file number, claim position) of every claim indexed under one of `terms`, in those files."""
        return sorted(set().union(*self.term_hits(files, terms).values()))

    def term_hits(self, files: set[int], terms: Iterable[int]) -> dict[int, set[tuple[int, int]]]:
        """Term -> (file number, claim position) of the claims indexed under it in those files, for each of
        `terms` that has any (the gate counts a block's claims, and asks whether any names no event)."""
        found: dict[int, set[tuple[int, int]]] = {}
        for batch in _batches(sorted(set(terms))):
            marks = ",".join("?" * len(batch))
            for term, number, position in self._select(
                    f"SELECT term, file, position FROM terms WHERE term IN ({marks})", tuple(batch)):
                if number in files:
                    found.setdefault(int(term), set()).add((int(number), int(position)))
        return found

    def close(self) -> None:
        """Write what was stored, in one transaction, and close; a failure leaves the cache as it was."""
        if self.connection is None:
            return
        try:
            if not self.damaged:
                self.flush()
        finally:
            self.connection.close()
            self.connection = None
            if self.damaged:
                self.path.unlink(missing_ok=True)

    def flush(self) -> None:
        """Write what was stored, in one transaction (a failure leaves the cache as it was), and go on."""
        if self.connection is None:
            return
        pending, blobs, index, summary = self.pending, self.pending_blobs, self.pending_index, self.pending_summary
        self.pending, self.pending_blobs, self.pending_index, self.pending_summary = [], [], [], None
        try:
            with self.connection:
                self.connection.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                            pending)
                self.connection.executemany("INSERT OR REPLACE INTO blobs VALUES (?, ?, ?, ?)", blobs)
                for claims_path, claims_sha, terms, parts in index:
                    # A new number each time: the old file's term rows are left pointing at nothing.
                    self.connection.execute("DELETE FROM indexed WHERE path = ?", (claims_path,))
                    number = self.connection.execute(
                        "INSERT INTO indexed (path, claims_sha, context, mac) VALUES (?, ?, ?, ?)",
                        (claims_path, claims_sha, self.context, self._mac((claims_path, claims_sha, self.context)))
                    ).lastrowid
                    self.connection.executemany("INSERT OR IGNORE INTO terms VALUES (?, ?, ?)",
                                                ((term, number, position) for term, position in terms))
                    self.connection.executemany("INSERT OR REPLACE INTO parts VALUES (?, ?, ?, ?, ?)",
                                                ((number, *part) for part in parts))
                if index:  # a file indexed again has a new number: a summary naming the old one is gone
                    self.connection.execute("DELETE FROM summaries WHERE context = ?", (self.context,))
                if summary is not None:
                    self.connection.execute("INSERT OR REPLACE INTO summaries VALUES (?, ?, ?, ?)", summary)
        except sqlite3.Error:
            pass

    def _full_rows(self, paths: list[str]) -> dict[str, tuple[SignedFile, CachedFile]]:
        found = {}
        for batch in _batches(paths):
            marks = ",".join("?" * len(batch))
            rows = self._select("SELECT path, claims_sha, text_path, text_sha, context, source_id, claims, model_sha, "
                                f"lines_sha, model, lines, mac FROM files WHERE path IN ({marks})", tuple(batch))
            for row in rows:
                small, (model_json, lines_json, mac) = tuple(str(v) for v in row[:9]), row[9:]
                if (small[4] != self.context or not hmac.compare_digest(str(mac), self._mac(small))
                        or sha256_hex(str(model_json).encode("utf-8")) != small[7]
                        or sha256_hex(str(lines_json).encode("utf-8")) != small[8]):
                    continue
                try:
                    lines = json.loads(lines_json)
                except ValueError:
                    continue
                signed = SignedFile(small[0], small[1], small[2], small[3], small[5], int(small[6]))
                found[small[0]] = (signed, CachedFile(str(model_json), lines))
        return found

    def _select_paths(self, query: str, paths: Iterable[str]) -> list[tuple[object, ...]]:
        """`query` (rows of this context) for `paths`."""
        rows: list[tuple[object, ...]] = []
        for batch in _batches(sorted(set(paths))):
            rows += self._select(f"{query} AND path IN ({','.join('?' * len(batch))})", (self.context, *batch))
        return rows

    def _select(self, query: str, parameters: tuple[object, ...]) -> list[tuple[object, ...]]:
        if self.connection is None:
            return []
        try:
            return self.connection.execute(query, parameters).fetchall()
        except sqlite3.DatabaseError as error:
            if is_damage(error):  # damaged, not busy: build it again at close
                self.damaged = True
            return []  # locked by another run, or anything else: a miss

    def _mac(self, fields: tuple[str, ...]) -> str:
        return hmac.new(self.key, "\0".join(fields).encode("utf-8"), hashlib.sha256).hexdigest()


def _batches(items: list, size: int = _BATCH) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def sha256_hex(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def git_object_id(raw: bytes, algorithm: str = "sha1") -> str:
    """The id git gives a blob of these bytes (`git hash-object`), in the repository's hash algorithm."""
    digest = hashlib.new(algorithm)
    digest.update(b"blob %d\0" % len(raw))
    digest.update(raw)
    return digest.hexdigest()


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
        _make_folder(root or project_root())
        connection = _connect(path)
    except OSError:  # a read-only checkout, say: no cache this run
        connection = None
    except sqlite3.Error as error:
        connection = None
        if is_damage(error):  # not a database, or damaged: never trusted; build it again
            try:
                path.unlink(missing_ok=True)
                connection = _connect(path)
            except (OSError, sqlite3.Error):
                connection = None
        # else locked by another run past LOCK_WAIT, or not openable: skipped this run, kept as it is
    return ClaimsCache(path, context, connection, key)


def is_damage(error: sqlite3.Error) -> bool:
    """Whether SQLite says the file is damaged or not a database (then it is built again), rather than
    busy, locked or not openable (then it is only not used: another run may be writing it)."""
    code = getattr(error, "sqlite_errorcode", None)  # Python 3.11+; the extended code
    if code is not None:
        return code & 0xFF in (_CORRUPT, _NOT_A_DATABASE)
    return isinstance(error, sqlite3.DatabaseError) and not isinstance(error, sqlite3.OperationalError)


_TABLES = {
    "files": "(path TEXT PRIMARY KEY, claims_sha TEXT, text_path TEXT, text_sha TEXT, context TEXT, source_id TEXT, "
             "claims TEXT, model_sha TEXT, lines_sha TEXT, model TEXT, lines TEXT, mac TEXT)",
    "blobs": "(oid TEXT PRIMARY KEY, sha TEXT, size INTEGER, mac TEXT)",
    "indexed": "(id INTEGER PRIMARY KEY AUTOINCREMENT, path TEXT UNIQUE, claims_sha TEXT, context TEXT, mac TEXT)",
    "terms": "(term INTEGER, file INTEGER, position INTEGER, PRIMARY KEY (term, file, position)) WITHOUT ROWID",
    "parts": "(file INTEGER, position INTEGER, line INTEGER, body TEXT, mac TEXT, PRIMARY KEY (file, position)) "
             "WITHOUT ROWID",
    "summaries": "(context TEXT PRIMARY KEY, tree TEXT, body TEXT, mac TEXT)",
}


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=LOCK_WAIT)  # waits this long for another run's lock
    try:
        connection.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)")
        found = connection.execute("SELECT value FROM meta WHERE name = 'format'").fetchone()
        if found is None or found[0] != FORMAT:
            with connection:
                for table in _TABLES:
                    connection.execute(f"DROP TABLE IF EXISTS {table}")
                connection.execute("INSERT OR REPLACE INTO meta VALUES ('format', ?)", (FORMAT,))
        for table, columns in _TABLES.items():
            connection.execute(f"CREATE TABLE IF NOT EXISTS {table} {columns}")
        # No `PRAGMA quick_check`: it reads the whole file (a second at a million claims). A file that is
        # not a database fails above; a damaged page fails the query that reads it (`_select`: a miss, and
        # the file is built again at `close`).
    except sqlite3.Error:
        connection.close()
        raise
    return connection


def own_folder(root: Path, parts: Iterable[str], *, create: bool) -> Path | None:
    """`root` joined with `parts` when each step is a real folder of the project, not a link (a pull
    request could commit `.factcheck` or `.factcheck/cache` as a link to make factcheck write, or
    prune, elsewhere), each made as needed when `create`; None when it is not so."""
    path = root
    for part in parts:
        path = path / part
        try:
            if create and not os.path.lexists(path):
                os.mkdir(path, 0o700)
            found = os.lstat(path)
        except FileExistsError:  # made by a run beside this one
            found = os.lstat(path)
        except OSError:
            return None
        if not stat.S_ISDIR(found.st_mode):
            return None
    return path


def ignore_itself(folder: Path, comment: str) -> None:
    """A `.gitignore` of `*` in `folder`, so what factcheck keeps there is never committed; never written
    through a link (a committed dangling link would make factcheck create a file elsewhere)."""
    try:
        handle = os.open(folder / ".gitignore", os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
    except OSError:  # there already, or a link: either way nothing is written
        return
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        stream.write(f"# {comment}\n*\n")


def _make_folder(root: Path) -> None:
    """The cache's folder under `root`, the project's own (`own_folder`), ignoring itself; OSError when
    it is not (a link, say), and when the database there is not a regular file."""
    made = own_folder(root, Path(CACHE_FOLDER).parts, create=True)
    if made is None:
        raise OSError(f"{root / CACHE_FOLDER} is not a folder of the project's own (a link?)")
    ignore_itself(made, "factcheck's cache: never commit it")
    cache_file = made / CACHE_FILE
    if os.path.lexists(cache_file) and not stat.S_ISREG(os.lstat(cache_file).st_mode):
        raise OSError(f"{cache_file} is not a regular file (a link?)")


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
