"""Keeping extraction results: a content-hash cache, and a build's results file.

Parsing is the cost of kgraph, so nothing is parsed twice:

* :class:`ResultCache` maps a document's content (id, text and metadata) plus a
  :func:`fingerprint` of everything that shapes extraction (model, spaCy, kgraph code and
  data, lexicon and dictionary files, settings) to its :class:`~kgraph.model.DocResult`.
  It is one SQLite file, ``results.sqlite``, in ``Settings.cache_dir``. A changed setting
  or a new kgraph gives a new fingerprint, so stale results are never used.
* :func:`write_results` / :func:`read_results` keep the results of one build, in input
  order, in ``results.bin`` next to its exports; ``kgraph build --update`` reads them
  back instead of parsing the old articles again.

Both store results in :mod:`kgraph.packing` form (marshal records, zlib-compressed): a
results file of 5,000 articles reads in about a second.

>>> from kgraph.model import Document
>>> result = DocResult(Document("d1", ""))
>>> decode_result(encode_result(result)) == result
True
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import importlib.metadata
import json
import marshal
import os
import sqlite3
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from kgraph import packing
from kgraph.compact import gc_paused
from kgraph.errors import ConfigError
from kgraph.model import DocResult, Document, Skipped, strip_text

if TYPE_CHECKING:
    from kgraph.config import Settings

__all__ = [
    "CACHE_FILE",
    "RESULTS_FILE",
    "ResultCache",
    "Results",
    "content_hash",
    "decode_result",
    "encode_result",
    "fingerprint",
    "read_fingerprint",
    "read_results",
    "write_results",
]

#: The cache database inside ``Settings.cache_dir``.
CACHE_FILE = "results.sqlite"
#: A build's results, next to its exports.
RESULTS_FILE = "results.bin"
_FORMAT = 2
_MAGIC = b"kgraph results\n"
#: Records per compressed frame of a results file.
_FRAME_RECORDS = 64
#: Package parts whose code or data shape a DocResult or its stored form, the parse included (hashed into the
#: fingerprint).
_SHAPING = (
    "extract", "link", "data", "model.py", "ids.py", "pipeline.py", "chunking.py", "packing.py", "nlp.py", "ruler.py",
)  # fmt: skip


def content_hash(text: str) -> str:
    """The hash that identifies a document's text (duplicates share it).

    >>> content_hash("Russia sanctioned Ukraine.") == content_hash("Russia sanctioned Ukraine.")
    True
    """
    from kgraph.ids import stable_hash

    return stable_hash(text, length=32)


def fingerprint(settings: Settings) -> str:
    """A hash of everything that shapes extraction results under ``settings``.

    It covers the model (name and version), spaCy's version, kgraph's version, the source
    and data files of extraction and linking, the user's lexicon and dictionary files
    (by content) and the settings that change results.

    >>> from kgraph.config import Settings
    >>> fingerprint(Settings()) == fingerprint(Settings(html_max_nodes=5))
    True
    >>> fingerprint(Settings()) == fingerprint(Settings(min_confidence=0.5))
    False
    """
    files = [settings.lexicon, settings.cameo_verbs, settings.aliases, *settings.actor_dictionaries]
    parts = [
        _FORMAT, settings.model, _model_version(settings.model), _code_hash(),
        settings.min_confidence, settings.replace_lexicon, *(_file_hash(f) for f in files),
    ]  # fmt: skip
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=16).hexdigest()


@functools.lru_cache(maxsize=8)
def _model_version(name: str) -> str:
    """spaCy's version and the model's (its meta.json for a model folder), read without importing spaCy."""
    meta = Path(name) / "meta.json"
    version = meta.read_text("utf-8") if meta.is_file() else _package_version(name)
    return f"{_package_version('spacy')}/{version}"


def _package_version(name: str) -> str:
    """The installed version of distribution ``name`` (``"?"`` when it is not installed)."""
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "?"


@functools.lru_cache(maxsize=1)
def _code_hash() -> str:
    import kgraph

    root = Path(kgraph.__file__).parent
    digest = hashlib.blake2b(kgraph.__version__.encode("utf-8"), digest_size=16)
    for part in _SHAPING:
        paths = sorted(root.joinpath(part).rglob("*")) if root.joinpath(part).is_dir() else [root / part]
        for path in (p for p in paths if p.is_file() and p.suffix not in (".pyc",)):
            digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _file_hash(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        return hashlib.blake2b(Path(path).read_bytes(), digest_size=16).hexdigest()
    except OSError:  # a missing file is reported by whoever reads it
        return f"missing:{path}"


def encode_result(result: DocResult) -> bytes:
    """Compressed :mod:`kgraph.packing` bytes of a DocResult (see :func:`decode_result`)."""
    return zlib.compress(packing.dumps(result), 1)


def decode_result(data: bytes) -> DocResult:
    """The DocResult :func:`encode_result` encoded."""
    return packing.loads(zlib.decompress(data))


class ResultCache:
    """DocResults by document content and :func:`fingerprint`, in one SQLite file.

    Args:
        directory: The cache folder (created when missing).
        settings: The run's settings; only results made under the same fingerprint are found.

    Example:
        >>> import tempfile
        >>> from kgraph.config import Settings
        >>> doc = Document("d1", "Talks resumed.")
        >>> with tempfile.TemporaryDirectory() as tmp, ResultCache(Path(tmp), Settings()) as cache:
        ...     cache.put(doc, DocResult(strip_text(doc)))
        ...     cache.get(doc) == DocResult(strip_text(doc))
        True
    """

    def __init__(self, directory: Path, settings: Settings) -> None:
        Path(directory).mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(Path(directory) / CACHE_FILE, timeout=60)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, data BLOB NOT NULL)")
        self._fingerprint = fingerprint(settings)
        self._pending: dict[str, bytes] = {}

    def key(self, document: Document) -> str:
        """The cache key of ``document``: fingerprint, id, text and metadata (not its origin)."""
        d = document
        parts = (self._fingerprint, d.id, d.text, d.title, d.date, d.source, d.url)
        return hashlib.blake2b(json.dumps(parts).encode("utf-8"), digest_size=20).hexdigest()

    def get(self, document: Document) -> DocResult | None:
        """The cached result of ``document`` (with its current origin), or ``None``."""
        key = self.key(document)
        data = self._pending.get(key)
        if data is None:
            row = self._db.execute("SELECT data FROM results WHERE key = ?", (key,)).fetchone()
            data = row[0] if row else None
        return (
            None if data is None else dataclasses.replace(decode_result(data), document=strip_text(document))
        )

    def put(self, document: Document, result: DocResult) -> None:
        """Remember ``result`` for ``document`` (written in batches; see :meth:`flush`)."""
        self._pending[self.key(document)] = encode_result(result)
        if len(self._pending) >= 256:
            self.flush()

    def flush(self) -> None:
        """Write pending results."""
        if self._pending:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?)", self._pending.items())
            self._pending.clear()

    def close(self) -> None:
        """Write pending results and close the database."""
        self.flush()
        self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass
class Results:
    """What a build read, in input order: the results, their text hashes and the skips.

    Attributes:
        results: One DocResult per processed document, in input order.
        hashes: :func:`content_hash` of each processed document's text (same order).
        skipped: Inputs that were skipped or were duplicates, in input order.
        renamed: New document id → the id it had in the input (see ``ingest.IngestLog``).
        warnings: ``(origin, message)`` reading warnings.
        fingerprint: The :func:`fingerprint` the results were made under.
    """

    results: list[DocResult] = field(default_factory=list)
    hashes: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    renamed: dict[str, str] = field(default_factory=dict)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    fingerprint: str = ""


def write_results(path: Path, results: Results, *, after: Results | None = None) -> None:
    """Write ``results`` to ``path`` atomically (see :func:`encode_results`)."""
    path = Path(path)
    data = encode_results(results, after=after, existing=path.read_bytes() if after is not None else b"")
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def encode_results(results: Results, *, after: Results | None = None, existing: bytes = b"") -> bytes:
    """The bytes of a results file holding ``results``.

    The file is :data:`_MAGIC`, then frames: a 4-byte little-endian size and a zlib-compressed
    run of records, each a 4-byte size and :mod:`marshal` bytes. The first frame holds the
    header alone (format, fingerprint); the records that follow are results (with their
    text hash, in :mod:`kgraph.packing` form), skips, renamed ids and warnings, in input order.

    With ``after`` (the results that the file bytes ``existing`` hold, which ``results``
    extends), only the new entries are encoded, as frames appended to ``existing``: the file
    then reads as if written whole, and the cost is that of the new entries.

    >>> data = encode_results(Results(results=[DocResult(Document("d1", ""))], hashes=["h"], fingerprint="fp"))
    >>> data.startswith(_MAGIC), _read_bytes(data).results[0].document.id
    (True, 'd1')
    """
    frames = [existing]
    if after is None:
        frames.append(_MAGIC + _frame([marshal.dumps(("kgraph_results", _FORMAT, results.fingerprint))]))
    records: list[bytes] = []  # one frame's worth at a time: a 34k-article build holds no more
    for entry in _entries(results, after or Results()):
        records.append(marshal.dumps(entry, packing.MARSHAL_VERSION))
        if len(records) == _FRAME_RECORDS:
            frames.append(_frame(records))
            records.clear()
    if records:
        frames.append(_frame(records))
    return b"".join(frames)


def _entries(results: Results, after: Results) -> Iterator[tuple[Any, ...]]:
    start = len(after.results)
    for result, digest in zip(results.results[start:], results.hashes[start:]):
        yield ("result", digest, packing.pack(result))
    for s in results.skipped[len(after.skipped) :]:
        yield ("skipped", s.origin, s.reason, s.doc)
    for new_id in sorted(results.renamed.keys() - after.renamed.keys()):
        yield ("renamed", new_id, results.renamed[new_id])
    for origin, message in results.warnings[len(after.warnings) :]:
        yield ("warning", origin, message)


def _frame(records: list[bytes]) -> bytes:
    payload = zlib.compress(b"".join(len(r).to_bytes(4, "little") + r for r in records), 1)
    return len(payload).to_bytes(4, "little") + payload


def read_results(path: Path) -> Results:
    """Read a results file written by :func:`write_results`.

    Raises:
        ConfigError: when ``path`` is missing or is not a kgraph results file.
    """
    try:
        with gc_paused():  # many new objects, no cycles
            return _read_bytes(Path(path).read_bytes())
    except _UNREADABLE as err:
        raise ConfigError(
            f"{path}: cannot read the results of a previous build ({err}); run a full build"
        ) from err


def read_fingerprint(path: Path) -> str:
    """The fingerprint a results file was written under (only its first frame is read).

    Raises:
        ConfigError: when ``path`` is missing or is not a kgraph results file.
    """
    try:
        with open(path, "rb") as stream:
            head = stream.read(len(_MAGIC) + 4)
            size = int.from_bytes(head[len(_MAGIC) :], "little")
            return _header(next(_records(head + stream.read(size))))  # _records checks the magic
    except (*_UNREADABLE, StopIteration) as err:
        raise ConfigError(f"{path}: cannot read the results of a previous build ({err}); run a full build") from err


#: What a damaged or foreign results file raises while it is read.
_UNREADABLE = (OSError, EOFError, ValueError, KeyError, TypeError, IndexError, zlib.error)


def _read_bytes(data: bytes) -> Results:
    out = Results()
    records = _records(data)
    out.fingerprint = _header(next(records, None))
    for record in records:
        _add(out, marshal.loads(record))
    return out


def _add(out: Results, record: tuple[Any, ...]) -> None:
    kind = record[0]
    if kind == "result":
        out.results.append(packing.unpack(record[2]))
        out.hashes.append(record[1])
    elif kind == "skipped":
        out.skipped.append(Skipped(record[1], record[2], record[3]))
    elif kind == "renamed":
        out.renamed[record[1]] = record[2]
    elif kind == "warning":
        out.warnings.append((record[1], record[2]))
    else:
        raise ValueError(f"unknown record {kind!r}")


def _records(data: bytes) -> Iterator[memoryview]:
    """The records of a results file's bytes, frame by frame."""
    if not data.startswith(_MAGIC):
        raise ValueError("not a kgraph results file")
    view, pos = memoryview(data), len(_MAGIC)
    while pos < len(data):
        size = int.from_bytes(view[pos : pos + 4], "little")
        if size == 0 or pos + 4 + size > len(data):
            raise EOFError("the file ends inside a frame")
        frame = memoryview(zlib.decompress(view[pos + 4 : pos + 4 + size]))
        pos += 4 + size
        at = 0
        while at < len(frame):
            length = int.from_bytes(frame[at : at + 4], "little")
            yield frame[at + 4 : at + 4 + length]
            at += 4 + length


def _header(record: memoryview | None) -> str:
    header = marshal.loads(record) if record is not None else None
    if not isinstance(header, tuple) or header[:2] != ("kgraph_results", _FORMAT):
        raise ValueError(f"not a kgraph results file of format {_FORMAT}")
    return str(header[2])
