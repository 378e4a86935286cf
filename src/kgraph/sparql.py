"""SPARQL over a build folder, in process, with pyoxigraph.

A build folder (``kgraph build -o DIR``) holds ``graph.trig`` (one named graph per article),
``graph.nq`` or ``graph.ttl``; :func:`load` reads the first one present into a pyoxigraph
``Store`` (in memory, or on disk with ``store_dir`` for incremental use: re-loading a build
replaces the named graphs it contains, so it is idempotent). Queries see the union of all
graphs as their default graph.

Values are bound, never formatted into query text: :func:`bind` puts a ``VALUES`` block,
built from pyoxigraph terms (which escape themselves), at the start of the ``WHERE`` group,
so a value can change what matches but never the query's structure. The same bound text
works on any SPARQL 1.1 endpoint (:mod:`kgraph.push`).

The questions analysts ask ship as named queries (``kgraph/queries/*.rq``, see
:func:`list_queries`): ``actor-timeline``, ``between``, ``claims``, ``active-actors``,
``corroborated``.

>>> store = load_text('<urn:a> <urn:p> "x" <urn:g> .', "nquads")
>>> run(store, "SELECT ?o WHERE { ?s <urn:p> ?o }", {"s": "<urn:a>"}).rows
[('x',)]
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kgraph.config import DEFAULT_BASE_IRI
from kgraph.errors import ConfigError, InputError

__all__ = [
    "BUILD_FILES",
    "Result",
    "bind",
    "list_queries",
    "load",
    "load_query",
    "load_text",
    "parse_value",
    "run",
    "to_term",
]

#: The files :func:`load` looks for in a build folder, in order of preference.
BUILD_FILES: tuple[str, ...] = ("graph.trig", "graph.nq", "graph.ttl", "graph.jsonld")
_FORMATS = {".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS, ".ttl": ox.RdfFormat.TURTLE,
            ".jsonld": ox.RdfFormat.JSON_LD, ".nt": ox.RdfFormat.N_TRIPLES}  # fmt: skip
_NAMES = {"trig": ".trig", "nquads": ".nq", "turtle": ".ttl", "jsonld": ".jsonld"}
_XSD = "http://www.w3.org/2001/XMLSchema#"
_VAR = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# Tokens that may contain braces or the word WHERE without meaning them.
_SKIP = re.compile(r"<[^<>\"{}|^`\\\s]*>|\"\"\"(?:.|\n)*?\"\"\"|'''(?:.|\n)*?'''|\"(?:[^\"\\\n]|\\.)*\"|"
                   r"'(?:[^'\\\n]|\\.)*'|#[^\n]*|(?i:\bwhere\b)|\{")  # fmt: skip


# -- loading ----------------------------------------------------------------------------------


def find_build_file(path: str | Path) -> Path:
    """Return the RDF file to load: ``path`` itself, or the best one in the build folder ``path``."""
    path = Path(path)
    if path.is_file():
        return path
    for name in BUILD_FILES:
        if (path / name).is_file():
            return path / name
    raise InputError(
        f"no RDF export found (looked for {', '.join(BUILD_FILES)}); run `kgraph build INPUT -o {path}` first",
        origin=str(path),
    )


def _format_of(path: Path) -> ox.RdfFormat:
    try:
        return _FORMATS[path.suffix]
    except KeyError:
        raise InputError(f"unknown RDF file type {path.suffix!r}; use one of {', '.join(_FORMATS)}",
                         origin=str(path)) from None


def load(path: str | Path, *, store_dir: str | Path | None = None) -> ox.Store:
    """Load a build folder (or one RDF file) into a Store and return it.

    The file is parsed by pyoxigraph without creating Python objects per triple.

    Args:
        path: A build folder or an RDF file (``.trig``, ``.nq``, ``.ttl``, ``.jsonld``).
        store_dir: A folder for a persistent on-disk store; its graphs that the build also
            has are replaced (so loading the same build twice changes nothing).
    """
    file = find_build_file(path)
    fresh = ox.Store()
    try:
        fresh.bulk_load(path=str(file), format=_format_of(file))
    except SyntaxError as err:
        raise InputError(f"not valid RDF: {err}", origin=str(file)) from err
    if store_dir is None:
        return fresh
    store = ox.Store(str(store_dir))
    graphs = list(fresh.named_graphs())
    if next(iter(fresh.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None:
        graphs.append(ox.DefaultGraph())
    _clear(store, graphs)
    store.bulk_load(path=str(file), format=_format_of(file))
    store.flush()
    return store


def _clear(store: ox.Store, graphs: Iterable[Any]) -> None:
    for graph in graphs:
        if isinstance(graph, ox.DefaultGraph):
            store.clear_graph(graph)
        elif store.contains_named_graph(graph):
            store.remove_graph(graph)


def replace_graphs(store: ox.Store, quads: Sequence[ox.Quad]) -> None:
    """Replace, in ``store``, every graph that ``quads`` have triples in by those triples."""
    _clear(store, {q.graph_name for q in quads})
    store.bulk_extend(quads)
    store.flush()


def load_text(data: str | bytes, format: str) -> ox.Store:
    """Return an in-memory Store holding ``data`` (``trig``, ``nquads``, ``turtle`` or ``jsonld``)."""
    store = ox.Store()
    store.load(data, _FORMATS[_NAMES[format]])
    return store


# -- queries ----------------------------------------------------------------------------------


def list_queries() -> dict[str, str]:
    """Return the named queries shipped with kgraph: name → first comment line.

    >>> sorted(list_queries())
    ['active-actors', 'actor-timeline', 'between', 'claims', 'corroborated']
    """
    folder = resources.files("kgraph").joinpath("queries")
    out = {}
    for item in sorted(folder.iterdir(), key=lambda i: i.name):
        if item.name.endswith(".rq"):
            first = item.read_text(encoding="utf-8").splitlines()[0]
            out[item.name[:-3]] = first.lstrip("# ").strip()
    return out


def load_query(query_or_file: str) -> str:
    """Return query text from a file path, a named query (``actor-timeline``) or the text itself."""
    path = Path(query_or_file)
    if len(query_or_file) < 512 and "\n" not in query_or_file and path.suffix == ".rq" and path.is_file():
        return path.read_text(encoding="utf-8")
    name = query_or_file.removesuffix(".rq")
    if _VAR.fullmatch(name.replace("-", "_")) and name in list_queries():
        return resources.files("kgraph").joinpath("queries", name + ".rq").read_text(encoding="utf-8")
    if path.suffix == ".rq":
        raise InputError("query file not found", origin=query_or_file)
    return query_or_file


def parse_value(text: str, base: str = DEFAULT_BASE_IRI) -> ox.NamedNode | ox.Literal:
    """Return the RDF term a command-line value stands for.

    ``<iri>`` and kgraph node ids (``actor:kim-jong-un``) and vocabulary names (``kg:SANCTION``)
    become IRIs, whole numbers ``xsd:integer``, other numbers ``xsd:decimal``, ``"quoted"``
    text and anything else a plain string.

    >>> parse_value("actor:kim-jong-un", "urn:x:")
    <NamedNode value=urn:x:actor/kim-jong-un>
    >>> parse_value("2").datatype.value, parse_value('"2"').value
    ('http://www.w3.org/2001/XMLSchema#integer', '2')
    """
    from kgraph.export.rdf import DATA_KINDS, prefixes
    from kgraph.ids import to_iri

    kind, sep, local = text.partition(":")
    if text.startswith("<") and text.endswith(">"):
        return _named(text[1:-1])
    if len(text) >= 2 and text[0] == text[-1] == '"':
        return ox.Literal(text[1:-1])
    if sep and kind in DATA_KINDS and not local.startswith("//"):
        return _named(to_iri(text, base))
    if sep and kind in prefixes(base) and not local.startswith("//"):
        return _named(prefixes(base)[kind] + local)
    if re.fullmatch(r"[+-]?\d+", text):
        return ox.Literal(text, datatype=ox.NamedNode(_XSD + "integer"))
    if re.fullmatch(r"[+-]?\d*\.\d+", text):
        return ox.Literal(text, datatype=ox.NamedNode(_XSD + "decimal"))
    return ox.Literal(text)


def _named(iri: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(iri)
    except ValueError as err:
        raise ConfigError(f"{iri!r} is not a valid IRI: {err}") from None


def to_term(value: Any, base: str = DEFAULT_BASE_IRI) -> ox.NamedNode | ox.Literal:
    """Return a pyoxigraph term for a Python value: terms as is, strings via :func:`parse_value`.

    >>> to_term(3)
    <Literal value=3 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#integer>>
    """
    if isinstance(value, (ox.NamedNode, ox.Literal)):
        return value
    if isinstance(value, bool):
        return ox.Literal(str(value).lower(), datatype=ox.NamedNode(_XSD + "boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(_XSD + "integer"))
    if isinstance(value, float):
        return ox.Literal(repr(value), datatype=ox.NamedNode(_XSD + "double"))
    return parse_value(str(value), base)


def bind(query: str, bindings: Mapping[str, Any], base: str = DEFAULT_BASE_IRI) -> str:
    """Return ``query`` with a ``VALUES`` block binding ``bindings`` at the start of its WHERE group.

    Terms are written by pyoxigraph (``str(term)`` is N-Triples, valid SPARQL), never by
    formatting user text into the query.

    >>> bind("SELECT * WHERE { ?s ?p ?o }", {"s": "<urn:a>", "o": 'say "hi" } #'})
    'SELECT * WHERE { VALUES (?s ?o) { (<urn:a> "say \\\\"hi\\\\" } #") }  ?s ?p ?o }'
    """
    if not bindings:
        return query
    for name in bindings:
        if not _VAR.fullmatch(name):
            raise ConfigError(f"{name!r} is not a SPARQL variable name (letters, digits, _)")
    names = " ".join(f"?{name}" for name in bindings)
    terms = " ".join(str(to_term(value, base)) for value in bindings.values())
    at = _where_brace(query)
    return f"{query[: at + 1]} VALUES ({names}) {{ ({terms}) }} {query[at + 1 :]}"


def _where_brace(query: str) -> int:
    """Index of the ``{`` that opens the WHERE group (skipping IRIs, strings and comments)."""
    first = after_where = None
    seen_where = False
    for match in _SKIP.finditer(query):
        token = match.group()
        if token.lower() == "where":
            seen_where = True
        elif token == "{":
            first = match.start() if first is None else first
            if seen_where:
                after_where = match.start()
                break
    found = after_where if after_where is not None else first
    if found is None:
        raise ConfigError("the query has no WHERE group { ... } to bind values in")
    return found


# -- results ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    """Query results: variables and rows of terms (SELECT), a boolean (ASK) or triples."""

    variables: tuple[str, ...] = ()
    terms: tuple[tuple[Any, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[Any, ...] = field(default=())

    @property
    def rows(self) -> list[tuple[Any, ...]]:
        """Rows as Python values (IRIs and strings as str, numbers as int/float, unbound None)."""
        return [tuple(_value(t) for t in row) for row in self.terms]

    def records(self) -> list[dict[str, Any]]:
        """Rows as dicts."""
        return [dict(zip(self.variables, row)) for row in self.rows]

    def to_table(self, prefixes: Mapping[str, str] | None = None) -> str:
        """Plain-text table, IRIs shortened with ``prefixes``."""
        if self.boolean is not None:
            return "true" if self.boolean else "false"
        if self.triples:
            return "\n".join(f"{t} ." for t in self.triples)
        cells = [[_short(t, prefixes or {}) for t in row] for row in self.terms]
        widths = [max([len(v), *(len(r[i]) for r in cells)]) for i, v in enumerate(self.variables)]
        lines = ["  ".join(v.ljust(w) for v, w in zip(self.variables, widths)).rstrip()]
        lines.append("  ".join("-" * w for w in widths))
        lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in cells]
        return "\n".join(lines) + f"\n({len(cells)} row{'s' if len(cells) != 1 else ''})"

    def to_csv(self) -> str:
        """SPARQL 1.1 CSV results (full IRIs, lexical values)."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(self.variables)
        writer.writerows([["" if t is None else t.value for t in row] for row in self.terms])
        return buffer.getvalue()

    def to_json(self) -> str:
        """SPARQL 1.1 JSON results."""
        if self.boolean is not None:
            return json.dumps({"head": {}, "boolean": self.boolean})
        bindings = [{v: _json_term(t) for v, t in zip(self.variables, row) if t is not None} for row in self.terms]
        return json.dumps({"head": {"vars": list(self.variables)}, "results": {"bindings": bindings}},
                          ensure_ascii=False, indent=1)


def _value(term: Any) -> Any:
    if term is None or not isinstance(term, ox.Literal):
        return None if term is None else term.value
    kind = term.datatype.value.removeprefix(_XSD)
    if kind in ("integer", "int", "long", "nonNegativeInteger"):
        return int(term.value)
    if kind in ("decimal", "double", "float"):
        return float(term.value)
    return term.value


def _short(term: Any, prefixes: Mapping[str, str]) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for name, iri in sorted(prefixes.items(), key=lambda kv: -len(kv[1])):
            if term.value.startswith(iri):
                return f"{name}:{term.value[len(iri):]}"
        return f"<{term.value}>"
    return str(term.value).replace("\n", " ")


def _json_term(term: Any) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != _XSD + "string":
        out["datatype"] = term.datatype.value
    return out


def result_from(answer: Any) -> Result:
    """Wrap what ``Store.query`` (or :func:`kgraph.push.query`) returned in a :class:`Result`."""
    if isinstance(answer, ox.QueryBoolean):
        return Result(boolean=bool(answer))
    if isinstance(answer, ox.QuerySolutions):
        names = tuple(v.value for v in answer.variables)
        return Result(names, tuple(tuple(row[n] for n in names) for row in answer))
    return Result(triples=tuple(answer))


def run(store: ox.Store, query: str, bindings: Mapping[str, Any] | None = None, *,
        base: str = DEFAULT_BASE_IRI) -> Result:
    """Run a SPARQL query (text, file or named query) on ``store`` with ``bindings`` bound.

    kgraph's prefixes (``kg:``, ``sem:``, ``actor:``...) are predeclared; the default graph is
    the union of all graphs.
    """
    from kgraph.export.rdf import prefixes

    text = bind(load_query(query), bindings or {}, base)
    try:
        answer = store.query(text, prefixes=prefixes(base), use_default_graph_as_union=True)
    except SyntaxError as err:
        raise ConfigError(f"SPARQL syntax error: {err}") from err
    return result_from(answer)


def parse_bindings(items: Iterable[str]) -> dict[str, str]:
    """``["name=value", ...]`` → ``{"name": "value"}`` (from ``--bind``).

    >>> parse_bindings(["actor=actor:kim-jong-un", "min=2"])
    {'actor': 'actor:kim-jong-un', 'min': '2'}
    """
    out = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not _VAR.fullmatch(name.lstrip("?")):
            raise ConfigError(f"--bind {item!r}: expected NAME=VALUE, e.g. --bind actor=actor:kim-jong-un")
        out[name.lstrip("?")] = value
    return out
