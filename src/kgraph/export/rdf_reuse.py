"""Reusing the unchanged articles of the Turtle or TriG file a build replaces.

A Turtle or TriG file is written one article's chunk at a time (:mod:`kgraph.export.rdf_text`).
Next to the file, a small index (``.graph.ttl.chunks``) records for each chunk a digest of
everything its body is made of (the nodes, their attributes and edges, evidence and mentions,
see :meth:`~kgraph.export.rdf_text.TextBuilder.key`), where the body starts in the file, its
length and its CRC-32. When the next build writes the same file, a chunk whose digest is in the
old index is copied from the old file instead of being formatted again: ``kgraph build
--update`` adding 10 articles to 5,000 formats the few chunks that changed.

The copy is exactly the text formatting would give: the digest covers every input of the body,
and the salt covers the formatting code, kgraph's version, the base IRI and the file's syntax.
A chunk is formatted anew when the old file was changed (its size or the chunk's CRC differs).

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> index = ChunkIndex("salt")
>>> index.add("d1", b"k" * 16, 3, b"body")
>>> _ = (folder / "graph.ttl").write_bytes(b"hd body")
>>> _ = chunk_index_path(folder / "graph.ttl").write_bytes(index.encode(7))
>>> with open_previous(folder / "graph.ttl", "salt") as old:
...     old.body("d1", b"k" * 16), old.body("d1", b"x" * 16)
(b'body', None)
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["ChunkIndex", "Previous", "chunk_index_path", "open_previous", "renderer_hash"]

#: Version of the index file's layout.
_FORMAT = 1
#: The modules whose code decides how a chunk's body is spelled.
_RENDERERS = ("rdf_text.py", "rdf_blocks.py", "rdf_terms.py", "../vocab.py", "../ids.py")


def chunk_index_path(path: Path) -> Path:
    """The index file of export ``path``: ``graph.ttl`` → ``.graph.ttl.chunks``.

    >>> chunk_index_path(Path("out/graph.trig")).as_posix()
    'out/.graph.trig.chunks'
    """
    return path.with_name(f".{path.name}.chunks")


@functools.lru_cache(maxsize=1)
def renderer_hash() -> str:
    """A hash of kgraph's version and the code that formats RDF text (part of every salt)."""
    from kgraph import __version__

    digest = hashlib.blake2b(__version__.encode("utf-8"), digest_size=16)
    here = Path(__file__).parent
    for name in _RENDERERS:
        digest.update(name.encode("utf-8") + b"\0" + (here / name).read_bytes())
    return digest.hexdigest()


@dataclass
class ChunkIndex:
    """The index of a file being written: per chunk, its article, key, body offset, length and CRC."""

    salt: str
    rows: list[tuple[str | None, str, int, int, int]] = field(default_factory=list)

    def add(self, doc: str | None, key: bytes, offset: int, body: bytes) -> None:
        """Record the body of ``doc``'s chunk, written at byte ``offset`` of the file."""
        self.rows.append((doc, key.hex(), offset, len(body), zlib.crc32(body)))

    def encode(self, size: int) -> bytes:
        """The index file's bytes, for a file of ``size`` bytes."""
        head = {"kgraph_chunks": _FORMAT, "salt": self.salt, "size": size}
        return json.dumps({**head, "chunks": self.rows}, separators=(",", ":")).encode("utf-8") + b"\n"


@dataclass
class Previous:
    """The old file (an open descriptor) and its chunks: ``doc`` → ``(key, offset, length, crc)``.

    Bodies are read with ``os.pread``, not mapped, so that the old file's pages do not count
    in the process's memory.
    """

    fd: int
    chunks: dict[str | None, tuple[bytes, int, int, int]]

    def body(self, doc: str | None, key: bytes) -> bytes | None:
        """The old body of ``doc``'s chunk if it was made of the same inputs (``key``), else ``None``."""
        found = self.chunks.get(doc)
        if found is None or found[0] != key:
            return None
        _, offset, length, crc = found
        body = _pread(self.fd, length, offset)
        return body if len(body) == length and zlib.crc32(body) == crc else None


@contextlib.contextmanager
def open_previous(path: Path | None, salt: str) -> Iterator[Previous | None]:
    """The old file at ``path`` with its index, when both exist and were written under ``salt``."""
    found = _read_index(path, salt) if path is not None else None
    if found is None or path is None:
        yield None
        return
    size, chunks = found
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        yield None
        return
    try:
        yield Previous(fd, chunks) if os.fstat(fd).st_size == size else None
    finally:
        os.close(fd)


def _pread(fd: int, length: int, offset: int) -> bytes:
    """``length`` bytes at ``offset`` of ``fd`` (``os.pread`` where there is one)."""
    if hasattr(os, "pread"):
        return os.pread(fd, length, offset)
    os.lseek(fd, offset, os.SEEK_SET)  # pragma: no cover - Windows
    return os.read(fd, length)  # pragma: no cover


def _read_index(path: Path, salt: str) -> tuple[int, dict[str | None, tuple[bytes, int, int, int]]] | None:
    """``(file size, chunks)`` of the index of ``path``, or ``None`` when missing, damaged or of another salt."""
    try:
        record = json.loads(chunk_index_path(path).read_bytes())
        if record.get("kgraph_chunks") != _FORMAT or record.get("salt") != salt:
            return None
        rows = {doc: (bytes.fromhex(key), offset, length, crc) for doc, key, offset, length, crc in record["chunks"]}
        return int(record["size"]), rows
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None
