"""The gate's corpus at scale: the changed files in full, and from the cache only the claims that can pair.

Gating one new source against a million claims must not read the million (docs/performance.md). So,
with the cache on and git at hand:

1. **What is unchanged, without reading it.** git says which files differ from HEAD (`git diff HEAD`)
   and the object id of every other one (`git ls-tree -r HEAD`). A claims file is *vouched for* when git
   has it unchanged, the cache's signed `blobs` row says those bytes had the sha256 (and size, checked
   against the file) of a signed, valid `files` row, its source text is vouched for the same way, and its
   claims are indexed. Anything else (changed, untracked, a link, a file the cache has not seen or that
   git converts on checkout) is read and validated as `load_corpus` does, then indexed. The files the
   last run vouched for are vouched again from its signed summary where git has them unchanged since
   (`summary.py`): one row and one `git diff` of two trees, not a row and a tree entry per file.
2. **The claims that can pair.** From the changed sources' claims (and those of deleted sources and
   earlier versions the gate compares too), the index (`terms.py`) gives every vouched claim that can
   share a block with them; the rules' candidate pairs (`engine/blocking.py`) say which of those are
   linked, and those are looked up in turn, until nothing new is linked. So the result holds every
   claim connected to a changed one, which is all that the focused comparison, the completion of each
   finding over its region (`complete.py`) and the block bound (`bound.py`) look at: the findings are a
   full load's (tests/gate/test_focused.py). Of a block whose claims all name an event, only the
   event's claims of a changed claim are read (`narrow.py`); of a statement rule's block that compares
   one object at a time, only the object's statements (`terms.py`, `so`).

A vouched claims file was valid with the same bytes, source text, entity file and vocabulary, so the
corpus is still checked whole. When anything does not fit (no git, a rule the index cannot serve, a
source id used twice), `focused_load` returns None and the gate reads everything.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from factcheck.engine.blocking import blocks_of, candidate_pairs, evidence_mentions, implied_keys
from factcheck.gate.changes import GateError, Locator, absolute_paths, located
from factcheck.gate.narrow import Narrowing
from factcheck.gate.summary import GitView, Vouched, store_summary, vouched_by_summary
from factcheck.gate.terms import claim_terms, indexable, lookup_terms, term_hash
from factcheck.load.cache import ClaimsCache, SignedFile, git_object_id, open_cache, sha256_hex
from factcheck.load.corpus import Corpus, SourceDocument, cache_context, claims_files_in, load_corpus
from factcheck.load.paths import PathRefused
from factcheck.load.problems import ProblemsError
from factcheck.load.source_text import AbsoluteSourcePath, read_source_bytes
from factcheck.model import ClaimsFile, Source
from factcheck.model.claims import Status
from factcheck.model.sourced import SourcedClaim
from factcheck.rules import LoadedRule
from factcheck.rules.model import PairKey

REGULAR = ("100644", "100755")  # git modes of regular files; a link's blob is its target, not its bytes
_CLAIMS = TypeAdapter(ClaimsFile.model_fields["claims"].annotation)  # a list of claims, validated as a file's
_SOURCES = TypeAdapter(list[Source])
BATCH_FILES = 500  # claims files read at a time to build the index (a cold run never holds them all)


@dataclass(frozen=True)
class ShownDocument(SourceDocument):
    """A vouched claims file, its path as shown worked out once with its folder's (`Locator.shown`):
    `SourceDocument.shown_path` resolves the path on every call (2 s of a warm gate at a million claims)."""

    shown: str = ""

    @property
    def shown_path(self) -> str:
        return self.shown


@dataclass
class FocusedLoad:
    """Stage one done: the changed and unvouched files read, every other file vouched for."""

    cache: ClaimsCache
    rules: list[LoadedRule]
    order: list[Path]  # every claims file, as a full load lists them
    absolute: dict[Path, str]  # each of them, absolute (worked out once: 10,000 files)
    read: Corpus  # the files read in full (changed, unvouched)
    vouched: dict[str, Vouched]  # by absolute path
    changed_sources: set[str]
    place: Locator
    picked: dict[int, dict[int, SourcedClaim]] = field(default_factory=dict)  # file number -> position -> claim
    parsed: dict[int, tuple[Source, str]] = field(default_factory=dict)  # file number -> source, path as shown

    @property
    def source_ids(self) -> set[str]:
        """Every source of the whole corpus."""
        return {v.row.source_id for v in self.vouched.values()} | {d.claims_file.source.id for d in self.read.documents}

    @property
    def counts(self) -> tuple[int, int]:
        """Sources and claims of the whole corpus."""
        claims = sum(v.row.claims for v in self.vouched.values())
        claims += sum(len(d.claims_file.claims) for d in self.read.documents)
        return len(self.vouched) + len(self.read.documents), claims

    def corpus(self, also: list[SourceDocument] = ()) -> Corpus:  # type: ignore[assignment]
        """The read files, and every vouched claim connected to a changed claim (or to one of `also`:
        claims the gate compares that are not in the corpus, such as a deleted source's)."""
        mentioned = evidence_mentions(self.read.entities)
        numbers = {v.number: v for v in self.vouched.values()}
        seeds = [c for d in self.read.documents if d.claims_file.source.id in self.changed_sources
                 for c in d.sourced_claims()]
        seeds += [c for d in also for c in d.sourced_claims()]
        pool = [c for d in self.read.documents for c in d.sourced_claims()] + [c for d in also for c in d.sourced_claims()]
        expanded = {c.key for c in seeds}
        queried: set[int] = set()
        frontier = seeds
        narrowing = Narrowing(self.cache, set(numbers), pool, seeds, mentioned)  # one event's claims (narrow.py)
        while frontier:
            lookups = [lookup_terms(item, self.rules, mentioned) for item in frontier]
            terms = {term_hash(t) for t in narrowing.terms(frontier, lookups)} - queried
            queried |= terms
            self._pick(numbers, self.cache.find_terms(set(numbers), terms))
            everything = pool + [c for claims in self.picked.values() for c in claims.values()]
            linked = self._linked(everything, expanded, mentioned)
            frontier = [c for c in everything if c.key in linked and c.key not in expanded]
            expanded |= linked
        return Corpus(self._documents(), self.read.entities, self.read.vocabulary)

    def _linked(self, claims: list[SourcedClaim], expanded: set[str], mentioned: object) -> set[str]:
        """The claims any rule's candidate pairs link to an expanded claim (with and without the
        entities evidence names, as the engine and `complete.py` pair them). In a block of a rule that
        does not pair quotes by their words, every two claims of different sources are a candidate pair,
        so a block with an expanded claim links its claims of other sources without walking its pairs."""
        linked: set[str] = set()
        for loaded in self.rules:
            rule = loaded.rule
            matched = [c for c in claims if rule.matches(c.claim.kind, c.claim.property, c.claim.subject, c.source_id)]
            # The entities evidence names add blocks to unreviewed claims only: with none, one pass is both.
            ways = (mentioned, None) if any(c.claim.status is not Status.reviewed for c in matched) else (None,)
            if PairKey.quote_text in rule.pair_by:
                for pairs in (candidate_pairs(rule, matched, way)[1] for way in ways):  # type: ignore[arg-type]
                    for first, second in pairs:
                        if first.key in expanded:
                            linked.add(second.key)
                        if second.key in expanded:
                            linked.add(first.key)
                continue
            implied = implied_keys(loaded)  # the engine's blocks: a statement's object too
            for blocks in (blocks_of(rule, matched, way, implied) for way in ways):  # type: ignore[arg-type]
                for block in blocks.values():
                    sources = {c.source_id for c in block if c.key in expanded}
                    if sources:
                        linked.update(c.key for c in block if c.source_id not in sources or len(sources) > 1)
        return linked

    def _pick(self, numbers: dict[int, Vouched], hits: list[tuple[int, int]]) -> None:
        """Read the claims at these (file number, position) from the cache's signed parts, validated."""
        wanted: dict[int, list[int]] = {}
        for number, position in hits:
            if position not in self.picked.get(number, {}):
                wanted.setdefault(number, []).append(position)
        asked = {number: (os.path.abspath(numbers[number].listed), numbers[number].row.claims_sha,
                          positions + ([-1] if number not in self.parsed else []))
                 for number, positions in wanted.items()}
        found = self.cache.parts_of(asked)  # a few queries for thousands of files, each part verified
        bodies: list[str] = []
        owners: list[tuple[int, int, int]] = []  # file number, position, line
        new_sources: list[int] = []
        for number, positions in wanted.items():
            parts = found.get(number, {})
            if len(parts) != len(asked[number][2]):
                raise Unusable(f"the cache lost parts of {numbers[number].listed}")
            if number not in self.parsed:
                new_sources.append(number)
            for position in positions:
                bodies.append(parts[position][1])
                owners.append((number, position, parts[position][0]))
        try:
            sources = _SOURCES.validate_json("[" + ",".join(found[n][-1][1] for n in new_sources) + "]")
            claims = _CLAIMS.validate_json("[" + ",".join(bodies) + "]")
        except ValidationError as error:
            raise Unusable(f"a cached source or claim does not validate: {error}") from None
        for number, source in zip(new_sources, sources):
            self.parsed[number] = (source, self.place.shown(numbers[number].listed))
        for (number, position, line), claim in zip(owners, claims):
            source, shown = self.parsed[number]
            self.picked.setdefault(number, {})[position] = SourcedClaim(claim, source, shown, line)

    def _documents(self) -> list[SourceDocument]:
        """Read and picked files in the order of a full load, each picked file with its picked claims."""
        read = {os.path.abspath(d.path): d for d in self.read.documents}
        documents = []
        for path in self.order:
            absolute = self.absolute[path]
            if absolute in read:
                documents.append(read[absolute])
                continue
            vouched = self.vouched.get(absolute)
            if vouched is None or vouched.number not in self.picked:
                continue
            picked = [c for _, c in sorted(self.picked[vouched.number].items())]
            claims_file = ClaimsFile.model_construct(source=self.parsed[vouched.number][0],
                                                     claims=[c.claim for c in picked])  # validated above
            documents.append(ShownDocument(path, claims_file, None, {c.claim.id: c.line for c in picked},
                                           self.parsed[vouched.number][1]))
        return documents


class Unusable(Exception):
    """The cache cannot serve this run after all (a part missing or not verifying): the gate reads everything."""


def focused_load(root: Path, corpus_paths: list[Path], changed: list[Path], entities_path: Path | None,
                 rules: list[LoadedRule], listed: list[Path] | None = None,
                 dirty: frozenset[str] | None = None) -> FocusedLoad | None:
    """Stage one (see the module docstring), or None when the gate must read every file. `listed` and
    `dirty`: the claims files of `corpus_paths` and git's uncommitted names, when the caller has them."""
    if not changed or not indexable(rules):
        return None
    cache = open_cache(cache_context(corpus_paths, entities_path))
    order = claims_files_in(corpus_paths) if listed is None else listed
    try:
        return _focused_load(cache, root, corpus_paths, order, changed, entities_path, rules, dirty)
    except (Unusable, GateError):
        cache.close()
        return None


def _focused_load(cache: ClaimsCache, root: Path, corpus_paths: list[Path], order: list[Path], changed: list[Path],
                  entities_path: Path | None, rules: list[LoadedRule],
                  dirty: frozenset[str] | None) -> FocusedLoad | None:
    if cache.connection is None:
        raise Unusable("no cache")
    view = GitView(root, dirty)
    place = Locator()
    wanted = {located(p) for p in changed}
    absolute = absolute_paths(order)
    vouched, summarise = _vouch(cache, absolute, wanted, view, root.resolve(), place)
    unindexed = [p for p in order if absolute[p] not in vouched and place(p) not in wanted]
    for start in range(0, len(unindexed), BATCH_FILES):  # a cold cache: index a batch at a time, then let go
        try:
            part = load_corpus(corpus_paths, entities_path=entities_path, cache=True,
                               only=unindexed[start:start + BATCH_FILES])
        except ProblemsError:
            raise Unusable("invalid claims files: a full load reports every problem") from None
        _index(cache, part, view, root.resolve())
        cache.flush()
    if unindexed:  # indexed now: vouched one by one (what was vouched before keeps its number)
        vouched.update(_vouch_each(cache, unindexed, absolute, view, root.resolve(), place))
        summarise = True
    if summarise:
        store_summary(cache, view, vouched)
    rest = [p for p in order if absolute[p] not in vouched]  # changed, or what git cannot vouch for
    read = load_corpus(corpus_paths, entities_path=entities_path, cache=True, only=rest)  # invalid: exit 1
    _index(cache, read, view, root.resolve())
    ids = [v.row.source_id for v in vouched.values()] + [d.claims_file.source.id for d in read.documents]
    if len(set(ids)) != len(ids):
        raise Unusable("a source id is used twice: a full load says where")
    changed_sources = {d.claims_file.source.id for d in read.documents if located(d.path) in wanted}
    return FocusedLoad(cache, rules, order, absolute, read, vouched, changed_sources, place)


def _vouch(cache: ClaimsCache, absolute: dict[Path, str], wanted: set[Path], view: GitView, top: Path,
           place: Locator) -> tuple[dict[str, Vouched], bool]:
    """The claims files git and the cache vouch for (see the module docstring), by absolute path: those
    of the last run's summary that git has unchanged since (summary.py), the others one by one; and
    whether the summary should be written again (it was not used as it stands)."""
    vouched, summarised = vouched_by_summary(cache, absolute, wanted, view, place)
    rest = [p for p in absolute if absolute[p] not in vouched and place(p) not in wanted]
    one_by_one = _vouch_each(cache, rest, absolute, view, top, place) if rest else {}
    vouched.update(one_by_one)
    return vouched, summarised != view.tree or bool(one_by_one)


def _vouch_each(cache: ClaimsCache, paths: list[Path], absolute: dict[Path, str], view: GitView, top: Path,
                place: Locator) -> dict[str, Vouched]:
    """The claims files among `paths` that git and the cache vouch for one by one, by absolute path."""
    absolutes = [absolute[path] for path in paths]
    signed, indexed = cache.signed_files(absolutes), cache.indexed(absolutes)
    named: dict[str, tuple[Path, SignedFile, int, str, str]] = {}
    for path, listed_at in zip(paths, absolutes):
        row, index = signed.get(listed_at), indexed.get(listed_at)
        if row is None or index is None or index[1] != row.claims_sha:
            continue
        where = place(path)
        name, text_name = _repo_name(where, top), _text_name(where, row.text_path, top)
        if name is None or text_name is None or name in view.dirty or text_name in view.dirty:
            continue
        named[listed_at] = (path, row, index[0], name, text_name)
    tree = view.entries(name for *_, name, text_name in named.values() for name in (name, text_name))
    candidates: dict[str, tuple[Path, SignedFile, int, str, str, str, str]] = {}
    for absolute, (path, row, number, name, text_name) in named.items():
        entry, text_entry = tree.get(name), tree.get(text_name)
        if entry is None or text_entry is None or entry[0] not in REGULAR or text_entry[0] not in REGULAR:
            continue
        candidates[absolute] = (path, row, number, name, text_name, entry[1], text_entry[1])
    blobs = cache.blobs({oid for *_, oid, text_oid in candidates.values() for oid in (oid, text_oid)})
    vouched: dict[str, Vouched] = {}
    for absolute, (path, row, number, name, text_name, oid, text_oid) in candidates.items():
        blob, text_blob = blobs.get(oid), blobs.get(text_oid)
        if (blob is not None and text_blob is not None and _matches(blob, row.claims_sha, path)
                and _matches(text_blob, row.text_sha, path.parent / row.text_path)):
            vouched[absolute] = Vouched(path, row, number, name, text_name, (blob[1], text_blob[1]))
    return vouched


def _repo_name(path: Path, top: Path) -> str | None:
    """The repository name of a `located` path, or None outside the repository."""
    try:
        return path.relative_to(top).as_posix()
    except ValueError:
        return None


def _text_name(claims_path: Path, text_path: str, top: Path) -> str | None:
    """The repository name of a (`located`) claims file's source text, or None outside the repository."""
    if os.path.isabs(text_path):
        return None
    joined = Path(os.path.normpath(claims_path.parent / text_path))
    try:
        return joined.relative_to(top).as_posix()
    except ValueError:
        return None


def _matches(blob: tuple[str, int] | None, sha: str, path: Path) -> bool:
    """The signed blob row has this sha256, and the file on disk its size (a checkout that converts
    line endings changes the size, so a converted file is read)."""
    if blob is None or blob[0] != sha:
        return False
    try:
        return os.stat(path).st_size == blob[1]
    except OSError:
        return False


def _index(cache: ClaimsCache, read: Corpus, view: GitView, top: Path) -> None:
    """Index the files read in full, and sign their bytes' git ids (only where git has the same bytes)."""
    algorithm = view.algorithm
    indexed = cache.indexed([os.path.abspath(d.path) for d in read.documents])
    mentioned = evidence_mentions(read.entities)
    names: dict[int, tuple[str | None, str | None]] = {}  # a document's repository name, its text's (None: outside)
    for document in read.documents:
        place = located(document.path)
        names[id(document)] = (_repo_name(place, top), _text_name(place, document.claims_file.source.text, top))
    tree = view.entries(name for pair in names.values() for name in pair if name)
    # A blob signed already is not signed again: each warm run reads the changed files, and writing their
    # two rows again cost a transaction flushed to disk (15-25 ms) for nothing.
    signed = cache.blobs(entry[1] for entry in tree.values())
    for document in read.documents:
        absolute = os.path.abspath(document.path)
        try:
            raw = document.path.read_bytes()
            text = read_source_bytes(document.path, document.claims_file.source.text)
        except (AbsoluteSourcePath, PathRefused, OSError):
            continue
        claims_sha = sha256_hex(raw)
        claims_name, text_name = names[id(document)]
        for name, content in ((claims_name, raw), (text_name, text)):
            entry = tree.get(name or "")
            if entry is not None and git_object_id(content, algorithm) == entry[1]:
                blob = (sha256_hex(content), len(content))
                if signed.get(entry[1]) != blob:
                    cache.store_blob(entry[1], *blob)
        if indexed.get(absolute, (0, ""))[1] == claims_sha:
            continue
        sourced = document.sourced_claims()
        terms = [(term_hash(term), position) for position, item in enumerate(sourced)
                 for term in claim_terms(item, mentioned)]
        parts = [(-1, 0, document.claims_file.source.model_dump_json())]
        parts += [(position, item.line, item.claim.model_dump_json()) for position, item in enumerate(sourced)]
        cache.store_terms(absolute, claims_sha, terms, parts)
