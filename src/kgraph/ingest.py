"""Reading inputs: files, folders, stdin and Python strings → :class:`Document` or :class:`Skipped`.

Formats are chosen by suffix: ``.txt`` and ``.md`` (one document a file), ``.html``/``.htm``
(visible text only), ``.jsonl`` and ``.csv`` (one document a record, fields ``id``, ``title``,
``date``, ``source``, ``url``, ``text``), and ``.gz`` of any of these. Folders are read
recursively in sorted order, and the paths given are read in sorted order whatever order
they are listed in, so a run does not depend on it. ``-`` reads JSON lines (or plain text)
from stdin. JSON lines are streamed, so a huge ``.jsonl`` file is never held in memory.

Nothing is lost silently: every input yields either a :class:`Document` or a
:class:`Skipped` with the reason and ``file:line``. Bytes that are not UTF-8 are read as
cp1252 (or latin-1) with a warning; control characters, lone surrogates and Unicode
non-characters become spaces or U+FFFD without changing the length of the text.

>>> docs = list(read_texts(["Russia sanctioned Ukraine.", "Talks resumed."]))
>>> [(d.id, d.text) for d in docs]
[('text-1', 'Russia sanctioned Ukraine.'), ('text-2', 'Talks resumed.')]
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import html.parser
import io
import itertools
import json
import logging
import re
import sys
import unicodedata
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any, ClassVar

from kgraph.errors import InputError
from kgraph.ids import stable_hash
from kgraph.model import Document, Skipped

__all__ = ["SUFFIXES", "IngestLog", "clean_text", "decode", "html_to_text", "read_inputs", "read_path",
           "read_texts", "unique_ids"]  # fmt: skip

log = logging.getLogger("kgraph")

#: Suffixes kgraph reads (after removing a ``.gz``).
SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl", ".ndjson", ".csv")
_JSONL = (".jsonl", ".ndjson")
_FIELDS = ("id", "title", "date", "source", "url")
#: C0 and C1 controls (not tab or newline), lone surrogates and non-characters.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][0-9:.]+(?:Z|[+-][0-9:]+)?)?")
_MAX_ID = 120
_ERRORS = (OSError, EOFError, zlib.error)  # gzip.BadGzipFile is an OSError
#: Largest document read: a text file, or one JSON line (a bigger one is skipped, not loaded).
MAX_DOCUMENT_BYTES = 256 * 2**20

Item = Document | Skipped


@dataclass
class IngestLog:
    """What reading noticed besides documents and skips: renamed ids and decoding warnings.

    Attributes:
        renamed: New document id → the id it had in the input (a repeated id is made unique).
        warnings: ``(origin, message)`` pairs, e.g. a file read as cp1252.
    """

    renamed: dict[str, str] = field(default_factory=dict)
    warnings: list[tuple[str, str]] = field(default_factory=list)

    def warn(self, origin: str, message: str) -> None:
        """Record a warning and log it."""
        log.warning("%s: %s", origin, message)
        self.warnings.append((origin, message))


def read_inputs(
    inputs: Iterable[str | Path], *, stdin: IO[bytes] | None = None, notes: IngestLog | None = None
) -> Iterator[Item]:
    """Yield a Document or Skipped for every document in ``inputs`` (paths, folders or ``-``).

    Paths are read in sorted order; document ids are made unique across the whole run
    (see :func:`unique_ids`).

    Args:
        inputs: Files, folders, or ``-`` for stdin.
        stdin: The stream ``-`` reads (``sys.stdin.buffer`` by default).
        notes: Collects renamed ids and warnings for the run report.

    Raises:
        InputError: when an input path does not exist (a usage error, not a bad document).

    >>> [type(i).__name__ for i in read_inputs([])]
    []
    """
    notes = notes if notes is not None else IngestLog()
    paths = sorted(inputs, key=lambda p: (str(p) == "-", str(p)))
    for path in paths:
        if str(path) != "-" and not Path(path).exists():
            raise InputError("no such file or folder; check the path", origin=str(path))
    return unique_ids(_read_all(paths, stdin, notes), renamed=notes.renamed)


def _read_all(paths: Iterable[str | Path], stdin: IO[bytes] | None, notes: IngestLog) -> Iterator[Item]:
    for item in paths:
        if str(item) == "-":
            yield from _read_stdin(stdin or sys.stdin.buffer, notes)
            continue
        path = Path(item)
        yield from (_files(path, notes) if path.is_dir() else read_path(path, notes=notes))


def _read_stdin(stream: IO[bytes], notes: IngestLog) -> Iterator[Item]:
    data = stream.read()
    suffix = ".jsonl" if data.lstrip()[:1] == b"{" else ".txt"
    if suffix == ".jsonl":
        yield from _read_jsonl(io.BytesIO(data), "<stdin>", notes)
    else:
        yield from _read_bytes(data, "<stdin>", suffix, "stdin", notes)


def _files(folder: Path, notes: IngestLog) -> Iterator[Item]:
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        if _suffix(path) in SUFFIXES:
            yield from read_path(path, notes=notes)
        else:  # inside a folder, other files (scripts, images) are not documents
            log.info("%s: ignored (not a document type kgraph reads: %s)", path, ", ".join(SUFFIXES))


def _suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return suffixes[-1] if suffixes else ""


def read_path(path: Path, *, notes: IngestLog | None = None) -> Iterator[Item]:
    """Yield the documents of one file (any supported suffix, gzipped or not).

    A file that cannot be read, is binary, is empty or holds no record yields one
    :class:`Skipped` naming it; a bad record yields a :class:`Skipped` naming its line.
    """
    notes = notes if notes is not None else IngestLog()
    suffix, origin = _suffix(path), str(path)
    try:
        if suffix in _JSONL:
            with _open(path) as stream:
                yield from _read_jsonl(stream, origin, notes)
            return
        with _open(path) as stream:
            data = stream.read(MAX_DOCUMENT_BYTES + 1)
    except _ERRORS as err:
        yield Skipped(origin=origin, reason=f"cannot read file: {_describe(err)}")
        return
    if len(data) > MAX_DOCUMENT_BYTES:
        yield Skipped(origin=origin, reason=f"larger than {_size(MAX_DOCUMENT_BYTES)}; split it into smaller files")
        return
    yield from _read_bytes(data, origin, suffix, _stem(path), notes)


def _open(path: Path) -> IO[bytes]:
    return gzip.open(path, "rb") if path.suffix.lower() == ".gz" else open(path, "rb")


def _describe(err: BaseException) -> str:
    if isinstance(err, EOFError):
        return "the compressed file is truncated"
    return getattr(err, "strerror", None) or str(err) or type(err).__name__


def _stem(path: Path) -> str:
    name = path.name
    for suffix in reversed(path.suffixes):
        name = name.removesuffix(suffix)
    return name or path.name


def _read_bytes(data: bytes, origin: str, suffix: str, stem: str, notes: IngestLog) -> Iterator[Item]:
    if not data.strip():
        yield Skipped(origin=origin, reason="empty file", doc=stem)
        return
    if _is_binary(data):
        yield Skipped(origin=origin, reason="binary file (NUL bytes); expected text", doc=stem)
        return
    text, warning = decode(data)
    if warning:
        notes.warn(origin, warning)
    if suffix == ".csv":
        yield from _read_csv(text, origin)
    else:
        body = html_to_text(text) if suffix in (".html", ".htm") else text
        yield _document({"id": stem, "text": body}, origin)


def _is_binary(data: bytes) -> bool:
    head = data[:4096]
    return b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff"))


def decode(data: bytes) -> tuple[str, str | None]:
    """Decode bytes as UTF-8 (BOM allowed), else cp1252, else latin-1; return text and a warning.

    >>> decode("café".encode("cp1252"))
    ('café', 'not valid UTF-8; read as cp1252')
    >>> decode(b"\\xef\\xbb\\xbfBOM")
    ('BOM', None)
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            return data.decode("utf-16", errors="replace"), "broken UTF-16; bad bytes replaced by U+FFFD"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "not valid UTF-8; read as cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "not valid UTF-8 or cp1252; read as latin-1"


def _read_jsonl(stream: IO[bytes], origin: str, notes: IngestLog) -> Iterator[Item]:
    """Stream JSON lines: one Document or Skipped per non-blank line; the file is never held whole."""
    lines: Iterator[tuple[int, bytes | None]] = _lines(stream)
    first = next(lines, (1, b""))
    head = first[1] or b""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16: decode whole, then split
        text, _ = decode(b"\n".join([head, *(raw or b"" for _, raw in lines)]))
        lines = enumerate((t.encode("utf-8") for t in text.split("\n")), start=1)
    elif _is_binary(head):
        yield Skipped(origin=origin, reason="binary file (NUL bytes); expected JSON lines")
        return
    else:
        lines = itertools.chain([first], lines)
    yield from _json_lines(lines, origin, notes)


def _json_lines(lines: Iterator[tuple[int, bytes | None]], origin: str, notes: IngestLog) -> Iterator[Item]:
    count, fallback, number = 0, 0, 0
    try:
        for number, raw in lines:
            if raw is None:
                count += 1
                yield Skipped(origin=f"{origin}:{number}", reason=f"line longer than {_size(MAX_DOCUMENT_BYTES)}")
                continue
            if not raw.strip():
                continue
            line, warning = decode(raw)
            fallback += warning is not None
            count += 1
            yield _json_record(line, f"{origin}:{number}", f"{Path(origin).name}-{number}")
    except _ERRORS as err:
        yield Skipped(origin=f"{origin}:{number + 1}", reason=f"cannot read the rest of the file: {_describe(err)}")
    if fallback:
        notes.warn(origin, f"{fallback} line(s) not valid UTF-8; read as cp1252 or latin-1")
    if count == 0:
        yield Skipped(origin=origin, reason="empty file (no JSON lines)")


def _lines(stream: IO[bytes]) -> Iterator[tuple[int, bytes | None]]:
    """Lines split on ``\\n`` only (a JSON string may hold U+2028 or other line breaks).

    A line longer than :data:`MAX_DOCUMENT_BYTES` is passed over without being held and
    yields ``None``.
    """
    number = 0
    while raw := stream.readline(MAX_DOCUMENT_BYTES + 1):
        number += 1
        if len(raw) > MAX_DOCUMENT_BYTES and not raw.endswith(b"\n"):
            while (rest := stream.readline(2**20)) and not rest.endswith(b"\n"):
                pass
            yield number, None
            continue
        yield number, raw.rstrip(b"\r\n")


def _size(count: int) -> str:
    return f"{count / 2**20:g} MB" if count >= 2**20 else f"{count} bytes"


def _json_record(line: str, where: str, default_id: str) -> Item:
    try:
        record = json.loads(line, strict=False)  # raw control characters in strings are cleaned later
    except json.JSONDecodeError as err:
        return Skipped(origin=where, reason=f"malformed JSON ({err.msg} at column {err.colno})")
    except (ValueError, RecursionError) as err:  # huge integers, absurd nesting
        return Skipped(origin=where, reason=f"malformed JSON ({type(err).__name__}: {str(err)[:80]})")
    if not isinstance(record, dict):
        return Skipped(origin=where, reason=f"expected a JSON object, got {type(record).__name__}")
    return _document(record, where, default_id=default_id)


def _read_csv(text: str, origin: str) -> Iterator[Item]:
    csv.field_size_limit(sys.maxsize)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = reader.fieldnames
    except csv.Error as err:
        yield Skipped(origin=f"{origin}:1", reason=f"malformed CSV header: {err}")
        return
    if not header or "text" not in [h.strip().lower() for h in header]:
        yield Skipped(origin=f"{origin}:1", reason="CSV header has no 'text' column")
        return
    reader.fieldnames = [h.strip().lower() for h in header]
    count = 0
    for item in _csv_rows(reader, origin):
        count += 1
        yield item
    if count == 0:
        yield Skipped(origin=origin, reason="no records (a CSV header only)")


def _csv_rows(reader: csv.DictReader[str], origin: str) -> Iterator[Item]:
    """One item a row; a malformed row is skipped and reading goes on with the next one."""
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            yield Skipped(origin=f"{origin}:{reader.line_num}", reason=f"malformed CSV row: {err}")
            continue
        where = f"{origin}:{reader.line_num}"
        if None in record:
            yield Skipped(origin=where, reason="malformed CSV row (more fields than the header)")
            continue
        yield _document(record, where, default_id=f"{Path(origin).name}-{reader.line_num}")


def _document(record: Mapping[str, Any], origin: str, *, default_id: str | None = None) -> Item:
    doc_id = _doc_id(record.get("id")) or default_id or origin
    text = record.get("text")
    if not isinstance(text, str):
        what = "missing" if text is None else f"not a string ({type(text).__name__})"
        return Skipped(origin=origin, reason=f"'text' field is {what}", doc=doc_id)
    text = clean_text(text)
    if not text.strip():
        return Skipped(origin=origin, reason="empty text", doc=doc_id)
    if not any(c.isalnum() for c in text):
        return Skipped(origin=origin, reason="no words (only spaces, punctuation or symbols)", doc=doc_id)
    meta = {k: _meta(record.get(k)) for k in _FIELDS[1:]}
    meta["date"] = _date(meta["date"], origin)
    return Document(id=doc_id, text=text, origin=origin, **meta)


def _doc_id(value: Any) -> str | None:
    """A clean id: one line, no control characters, at most ``_MAX_ID`` characters (else hashed)."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    text = " ".join(clean_text(str(value)).split())
    if len(text) > _MAX_ID:
        text = f"{text[:_MAX_ID - 17]}~{stable_hash(text)}"
    return text or None


def _meta(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    text = " ".join(clean_text(str(value)).split())
    return text or None


def _date(value: str | None, origin: str) -> str | None:
    """ISO dates are checked and cut to the date (``2024-03-06T10:00Z`` → ``2024-03-06``)."""
    match = _ISO_DATE.fullmatch(value or "")
    if match is None:
        return value
    year, month, day = match.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        log.warning("%s: date %r is not a valid date; ignored", origin, value)
        return None
    return "-".join(x for x in (year, month, day) if x)


def clean_text(text: str) -> str:
    """Normalise to NFC and replace control characters (not newlines or tabs) by spaces.

    Lone surrogates (from JSON ``"\\ud800"``) become U+FFFD. The length is kept whenever no NFC
    composition applies, so offsets stay meaningful.

    >>> clean_text("a\\x00b\\r\\nc\\ud800")
    'a b\\nc\\ufffd'
    """
    text = _SURROGATE.sub("\ufffd", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _CONTROL.sub(" ", unicodedata.normalize("NFC", text))


def unique_ids(items: Iterable[Item], *, renamed: dict[str, str] | None = None) -> Iterator[Item]:
    """Make document ids unique: a repeated id gets ``~2``, ``~3``... and a warning is logged.

    Args:
        items: Documents and skips.
        renamed: Filled with new id → original id for every renamed document.

    >>> docs = unique_ids([Document("a", "x"), Document("a", "y"), Document("a~2", "z")])
    >>> [d.id for d in docs]
    ['a', 'a~2', 'a~2~2']
    """
    seen: set[str] = set()
    for item in items:
        if isinstance(item, Document):
            new_id, number = item.id, 1
            while new_id in seen:
                number += 1
                new_id = f"{item.id}~{number}"
            seen.add(new_id)
            if new_id != item.id:
                log.warning("%s: duplicate document id %r renamed to %r", item.origin, item.id, new_id)
                if renamed is not None:
                    renamed[new_id] = item.id
                item = replace(item, id=new_id)
        yield item


def read_texts(texts: Iterable[str | Document], *, prefix: str = "text") -> Iterator[Document]:
    """Turn Python strings (or Documents, passed through) into Documents ``text-1``, ``text-2``..."""
    for number, text in enumerate(texts, start=1):
        yield text if isinstance(text, Document) else Document(id=f"{prefix}-{number}", text=clean_text(text))


class _VisibleText(html.parser.HTMLParser):
    _SKIP: ClassVar[frozenset[str]] = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "math"})
    _BLOCK: ClassVar[frozenset[str]] = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "article",
              "section", "blockquote", "title", "header", "footer", "ul", "ol", "table", "pre"})  # fmt: skip

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":  # an unclosed <head> ends where the body starts
            self._skipping = [t for t in self._skipping if t != "head"]
        if tag in self._SKIP:
            self._skipping.append(tag)
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._BLOCK:  # <br/>; a self-closed <script/> hides nothing
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._skipping:
            del self._skipping[len(self._skipping) - 1 - self._skipping[::-1].index(tag) :]
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Return the visible text of an HTML page: no scripts, styles or comments.

    >>> html_to_text("<p>Hi <b>there</b></p><script>alert(1)</script><!-- c --><p>Bye</p>")
    'Hi there\\n\\nBye'
    """
    parser = _VisibleText()
    try:
        parser.feed(markup)
        parser.close()
    except Exception:  # noqa: BLE001 - html.parser is lenient; keep whatever was read from a pathological page
        log.debug("HTML parser gave up; keeping the text read so far")
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\f\v]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
