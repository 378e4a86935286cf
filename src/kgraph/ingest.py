"""Reading inputs: files, folders, stdin and Python strings → :class:`Document` or :class:`Skipped`.

Formats are chosen by suffix: ``.txt`` and ``.md`` (one document a file), ``.html``/``.htm``
(visible text only), ``.jsonl`` and ``.csv`` (one document a record, fields ``id``, ``title``,
``date``, ``source``, ``url``, ``text``), and ``.gz`` of any of these. Folders are read
recursively in sorted order. ``-`` reads JSON lines (or plain text) from stdin.

Nothing is lost silently: every input yields either a :class:`Document` or a
:class:`Skipped` with the reason and ``file:line``.

>>> docs = list(read_texts(["Russia sanctioned Ukraine.", "Talks resumed."]))
>>> [(d.id, d.text) for d in docs]
[('text-1', 'Russia sanctioned Ukraine.'), ('text-2', 'Talks resumed.')]
"""

from __future__ import annotations

import csv
import gzip
import html.parser
import io
import json
import logging
import re
import sys
import unicodedata
from pathlib import Path
from typing import IO, Any, Iterable, Iterator, Mapping

from kgraph.errors import InputError
from kgraph.model import Document, Skipped

__all__ = ["SUFFIXES", "decode", "read_inputs", "read_path", "read_texts", "unique_ids"]

log = logging.getLogger("kgraph")

#: Suffixes kgraph reads (after removing a ``.gz``).
SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl", ".ndjson", ".csv")
_FIELDS = ("id", "title", "date", "source", "url")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

Item = Document | Skipped


def read_inputs(inputs: Iterable[str | Path], *, stdin: IO[bytes] | None = None) -> Iterator[Item]:
    """Yield a Document or Skipped for every document in ``inputs`` (paths, folders or ``-``).

    Document ids are made unique across the whole run (see :func:`unique_ids`).

    Raises:
        InputError: when an input path does not exist (a usage error, not a bad document).
    """
    return unique_ids(_read_all(inputs, stdin))


def _read_all(inputs: Iterable[str | Path], stdin: IO[bytes] | None) -> Iterator[Item]:
    for item in inputs:
        if str(item) == "-":
            data = (stdin or sys.stdin.buffer).read()
            yield from _read_bytes(data, "<stdin>", ".jsonl" if data.lstrip()[:1] == b"{" else ".txt")
            continue
        path = Path(item)
        if not path.exists():
            raise InputError("no such file or folder; check the path", origin=str(path))
        yield from (_files(path) if path.is_dir() else read_path(path))


def _files(folder: Path) -> Iterator[Item]:
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if path.name.startswith("."):
            continue
        if _suffix(path) in SUFFIXES:
            yield from read_path(path)
        else:  # inside a folder, other files (scripts, images) are not documents
            log.info("%s: ignored (not a document type kgraph reads: %s)", path, ", ".join(SUFFIXES))


def _suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return suffixes[-1] if suffixes else ""


def read_path(path: Path) -> Iterator[Item]:
    """Yield the documents of one file (any supported suffix, gzipped or not)."""
    try:
        data = path.read_bytes()
        if path.suffix.lower() == ".gz":
            data = gzip.decompress(data)
    except (OSError, EOFError, gzip.BadGzipFile) as err:
        yield Skipped(origin=str(path), reason=f"cannot read file: {err}")
        return
    yield from _read_bytes(data, str(path), _suffix(path), stem=_stem(path))


def _stem(path: Path) -> str:
    name = path.name
    for suffix in reversed(path.suffixes):
        name = name[: -len(suffix)] if name.endswith(suffix) else name
    return name or path.name


def _read_bytes(data: bytes, origin: str, suffix: str, *, stem: str = "stdin") -> Iterator[Item]:
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        yield Skipped(origin=origin, reason="binary file (NUL bytes); expected text")
        return
    text, warning = decode(data)
    if warning:
        log.warning("%s: %s", origin, warning)
    if suffix in (".jsonl", ".ndjson"):
        yield from _read_jsonl(text, origin)
    elif suffix == ".csv":
        yield from _read_csv(text, origin)
    else:
        body = html_to_text(text) if suffix in (".html", ".htm") else text
        yield _document({"id": stem, "text": body}, origin)


def decode(data: bytes) -> tuple[str, str | None]:
    """Decode bytes as UTF-8 (BOM allowed), else cp1252, else latin-1; return text and a warning.

    >>> decode("café".encode("cp1252"))
    ('café', 'not valid UTF-8; read as cp1252')
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), None
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "not valid UTF-8; read as cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "not valid UTF-8 or cp1252; read as latin-1"


def _read_jsonl(text: str, origin: str) -> Iterator[Item]:
    for number, line in enumerate(text.splitlines(), start=1):
        where = f"{origin}:{number}"
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield Skipped(origin=where, reason=f"malformed JSON ({err.msg} at column {err.colno})")
            continue
        if not isinstance(record, dict):
            yield Skipped(origin=where, reason=f"expected a JSON object, got {type(record).__name__}")
            continue
        yield _document(record, where, default_id=f"{Path(origin).name}-{number}")


def _read_csv(text: str, origin: str) -> Iterator[Item]:
    csv.field_size_limit(sys.maxsize)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or "text" not in reader.fieldnames:
        yield Skipped(origin=f"{origin}:1", reason="CSV header has no 'text' column")
        return
    try:
        for record in reader:
            where = f"{origin}:{reader.line_num}"
            if None in record:
                yield Skipped(origin=where, reason="malformed CSV row (more fields than the header)")
                continue
            yield _document(record, where, default_id=f"{Path(origin).name}-{reader.line_num}")
    except csv.Error as err:
        yield Skipped(origin=f"{origin}:{reader.line_num}", reason=f"malformed CSV: {err}")


def _document(record: Mapping[str, Any], origin: str, *, default_id: str | None = None) -> Item:
    raw_id = record.get("id")
    doc_id = str(raw_id).strip() if raw_id not in (None, "") else (default_id or origin)
    text = record.get("text")
    if not isinstance(text, str):
        what = "missing" if text is None else f"not a string ({type(text).__name__})"
        return Skipped(origin=origin, reason=f"'text' field is {what}", doc=doc_id)
    text = clean_text(text)
    if not text.strip():
        return Skipped(origin=origin, reason="empty text", doc=doc_id)
    meta = {k: _meta(record.get(k)) for k in _FIELDS[1:]}
    return Document(id=doc_id, text=text, origin=origin, **meta)


def _meta(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = clean_text(str(value)).strip()
    return text or None


def clean_text(text: str) -> str:
    """Normalise to NFC and replace control characters (not newlines or tabs) by spaces.

    The length is kept whenever no NFC composition applies, so offsets stay meaningful.

    >>> clean_text("a\\x00b\\r\\nc")
    'a b\\nc'
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _CONTROL.sub(" ", text)


def unique_ids(items: Iterable[Item]) -> Iterator[Item]:
    """Make document ids unique: a repeated id gets ``~2``, ``~3``... and a warning is logged."""
    seen: dict[str, int] = {}
    for item in items:
        if isinstance(item, Document):
            count = seen.get(item.id, 0) + 1
            seen[item.id] = count
            if count > 1:
                new_id = f"{item.id}~{count}"
                log.warning("%s: duplicate document id %r renamed to %r", item.origin, item.id, new_id)
                item = Document(**{**item.to_dict(), "id": new_id})
        yield item


def read_texts(texts: Iterable[str | Document], *, prefix: str = "text") -> Iterator[Document]:
    """Turn Python strings (or Documents, passed through) into Documents ``text-1``, ``text-2``..."""
    for number, text in enumerate(texts, start=1):
        yield text if isinstance(text, Document) else Document(id=f"{prefix}-{number}", text=clean_text(text))


class _VisibleText(html.parser.HTMLParser):
    _SKIP = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object"}
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "article", "section",
              "blockquote", "title", "header", "footer", "ul", "ol", "table", "pre"}  # fmt: skip

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
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
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\f\v]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
