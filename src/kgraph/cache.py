"""Keeping extraction results: a content-hash cache, and a build's results file.

Parsing is the cost of kgraph, so nothing is parsed twice:

* :class:`ResultCache` maps a document's content (id, text and metadata) plus a
  :func:`fingerprint` of everything that shapes extraction (model, spaCy, kgraph code and
  data, lexicon and dictionary files, settings) to its :class:`~kgraph.model.DocResult`.
  It is one SQLite file, ``results.sqlite``, in ``Settings.cache_dir``. A changed setting
  or a new kgraph gives a new fingerprint, so stale results are never used.
* :func:`write_results` / :func:`read_results` keep the results of one build, in input
  order, in ``results.jsonl.gz`` next to its exports; ``kgraph build --update`` reads
  them back instead of parsing the old articles again.

>>> from kgraph.model import Document
>>> result = DocResult(Document("d1", ""))
>>> decode_result(encode_result(result)) == result
True
"""

from __future__ import annotations

import dataclasses
import functools
import gzip
import hashlib
import importlib.metadata
import io
import json
import os
import sqlite3
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self
from collections.abc import Iterator

from kgraph.compact import Sharer, decode, gc_paused
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
RESULTS_FILE = "results.jsonl.gz"
_FORMAT = 1
#: Package parts whose code or data shape a DocResult (hashed into the fingerprint).
_SHAPING = ("extract", "link", "data", "model.py", "ids.py", "pipeline.py", "chunking.py")


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
    """Compressed JSON of a DocResult (see :func:`decode_result`)."""
    return zlib.compress(
        json.dumps(_plain(result), ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1
    )


def decode_result(data: bytes) -> DocResult:
    """The DocResult :func:`encode_result` encoded."""
    return DocResult.from_dict(json.loads(zlib.decompress(data)))


def _plain(value: Any) -> Any:
    """``to_dict`` without ``dataclasses.asdict``'s deep copies (several times faster)."""
    if isinstance(value, (str, int, float, type(None))):
        return value
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return {name: _plain(getattr(value, name)) for name in _field_names(type(value))}


@functools.lru_cache(maxsize=32)
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


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
    """The bytes of a results file (gzipped JSON lines) holding ``results``.

    With ``after`` (the results that the file bytes ``existing`` hold, which ``results``
    extends), only the new entries are encoded, as a gzip member appended to ``existing``:
    the file then reads as if written whole, and the cost is that of the new entries.
    """
    buffer = io.BytesIO(existing)
    buffer.seek(0, io.SEEK_END)
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=1, mtime=0) as stream:
        if after is None:
            stream.write(_line({"kgraph_results": _FORMAT, "fingerprint": results.fingerprint}))
        for line in _lines(results, after or Results()):
            stream.write(line)
    return buffer.getvalue()


def _lines(results: Results, after: Results) -> Iterator[bytes]:
    start = len(after.results)
    for result, digest in zip(results.results[start:], results.hashes[start:]):
        yield _line({"hash": digest, "result": _plain(result)})
    for skip in results.skipped[len(after.skipped) :]:
        yield _line({"skipped": skip.to_dict()})
    for new_id in results.renamed.keys() - after.renamed.keys():
        yield _line({"renamed": [new_id, results.renamed[new_id]]})
    for origin, message in results.warnings[len(after.warnings) :]:
        yield _line({"warning": [origin, message]})


def _line(record: dict[str, Any]) -> bytes:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def read_results(path: Path) -> Results:
    """Read a results file written by :func:`write_results`.

    Raises:
        ConfigError: when ``path`` is missing or is not a kgraph results file.
    """
    out, share = Results(), Sharer()
    try:
        with gc_paused():
            _read_into(out, path, share)
    except (OSError, EOFError, ValueError, KeyError) as err:
        raise ConfigError(
            f"{path}: cannot read the results of a previous build ({err}); run a full build"
        ) from err
    return out


def read_fingerprint(path: Path) -> str:
    """The fingerprint a results file was written under (only its first line is read).

    Raises:
        ConfigError: when ``path`` is missing or is not a kgraph results file.
    """
    records = _records(path)
    try:
        return _header(next(records), path)
    except (OSError, EOFError, ValueError, KeyError, StopIteration) as err:
        raise ConfigError(f"{path}: cannot read the results of a previous build ({err}); run a full build") from err
    finally:
        records.close()


def _read_into(out: Results, path: Path, share: Sharer) -> None:
    for number, record in enumerate(_records(path), start=1):
        if number == 1:
            out.fingerprint = _header(record, path)
        else:
            _add(out, record, share)


def _add(out: Results, record: dict[str, Any], share: Sharer) -> None:
    if "result" in record:
        out.results.append(decode(record["result"], share))
        out.hashes.append(record["hash"])
    elif "skipped" in record:
        out.skipped.append(Skipped.from_dict(record["skipped"]))
    elif "renamed" in record:
        out.renamed[record["renamed"][0]] = record["renamed"][1]
    else:
        out.warnings.append((record["warning"][0], record["warning"][1]))


def _records(path: Path) -> Iterator[dict[str, Any]]:
    with gzip.open(path, "rb") as stream:
        for line in stream:
            yield json.loads(line)


def _header(record: dict[str, Any], path: Path) -> str:
    if record.get("kgraph_results") != _FORMAT:
        raise ValueError(f"not a kgraph results file of format {_FORMAT}")
    return str(record["fingerprint"])
