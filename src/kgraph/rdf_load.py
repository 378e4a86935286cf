"""Rebuild a :class:`KnowledgeGraph` from kgraph's RDF (TriG, N-Quads or an on-disk pyoxigraph store).

The inverse of :mod:`kgraph.export.rdf`, read through the ontology's terms (:mod:`kgraph.vocab`):
``sem:Actor`` nodes become actor nodes (label, schema.org class → type, ``kg:countryCode``,
``skos:altLabel`` aliases, ``skos:notation`` codes, ``oa:identifying`` annotations → mentions),
``sem:Event`` nodes become event nodes (``sem:eventType``, ``kg:cameoRoot``, ``sem:hasTime``,
``sem:hasPlace``, ``kg:mood``..., ``oa:describing`` annotations → evidence and sources), and
``kg:actor`` / ``kg:recipient`` / ``kg:claimedBy`` become the role edges. Node ids come back
from IRIs (``{base}actor/kim-jong-un`` → ``actor:kim-jong-un``), whatever the base IRI was.

Not in the RDF, so not restored: the merge log, document ``origin``, the run report and the
per-report event ids inside ``evidence``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import networkx as nx

from kgraph.errors import InputError
from kgraph.graph import KnowledgeGraph
from kgraph.vocab import KG, STANDARD_PREFIXES

__all__ = ["graph_from_quads", "load_rdf", "node_id"]

_P = STANDARD_PREFIXES
RDF_TYPE, LABEL, VALUE = _P["rdf"] + "type", _P["rdfs"] + "label", _P["rdf"] + "value"
SEM_ACTOR, SEM_EVENT = _P["sem"] + "Actor", _P["sem"] + "Event"
ALT, NOTATION = _P["skos"] + "altLabel", _P["skos"] + "notation"
OA = _P["oa"]
CLASS_TYPES = {
    _P["schema"] + "Person": "PERSON", _P["schema"] + "Organization": "ORGANIZATION",
    _P["schema"] + "Country": "COUNTRY", str(KG.Group): "GROUP", _P["schema"] + "Place": "LOCATION",
}  # fmt: skip
ROLES = {str(KG.actor): "actor", str(KG.recipient): "recipient", str(KG.claimedBy): "source"}
TIME_PROPS = tuple(_P["time"] + p for p in ("inXSDDate", "inXSDgYearMonth", "inXSDgYear"))

Triples = dict[str, dict[str, list[Any]]]


def node_id(iri: str) -> str:
    """Return the kgraph node id of a data IRI.

    >>> node_id("https://w3id.org/kgraph/id/actor/kim-jong-un"), node_id("urn:x:doc/a%20b")
    ('actor:kim-jong-un', 'doc:a b')
    """
    head, _, local = iri.rpartition("/")
    return f"{head.rpartition('/')[2].rpartition(':')[2]}:{unquote(local)}"


def _value(term: Any) -> Any:
    import pyoxigraph as ox

    if not isinstance(term, ox.Literal):
        return term.value
    kind = term.datatype.value.rpartition("#")[2]
    if kind in ("integer", "nonNegativeInteger", "int", "long"):
        return int(term.value)
    if kind in ("decimal", "double", "float"):
        return float(term.value)
    return term.value


def _index(quads: Iterable[Any]) -> Triples:
    """subject IRI → predicate IRI → distinct object values (graph names are ignored)."""
    seen: set[tuple[str, str, Any]] = set()
    out: Triples = defaultdict(lambda: defaultdict(list))
    for quad in quads:
        key = (quad.subject.value, quad.predicate.value, _value(quad.object))
        if key not in seen:
            seen.add(key)
            out[key[0]][key[1]].append(key[2])
    return out


def _one(props: dict[str, list[Any]], predicate: str) -> Any:
    values = props.get(predicate) or [None]
    return min(values, key=str)


def _target(t: Triples, target: str) -> dict[str, Any]:
    """Source document, offsets and quoted text of an ``oa:SpecificResource``."""
    props = t.get(target, {})
    out: dict[str, Any] = {"doc": _doc_id(t, _one(props, OA + "hasSource"))}
    for selector in props.get(OA + "hasSelector", []):
        sel = t.get(selector, {})
        if OA + "start" in sel:
            out["start"], out["end"] = _one(sel, OA + "start"), _one(sel, OA + "end")
        if OA + "exact" in sel:
            out["text"] = _one(sel, OA + "exact")
    out["sentence_index"] = _one(props, str(KG.sentenceIndex))
    return out


def _doc_id(t: Triples, iri: str | None) -> str | None:
    if iri is None:
        return None
    return _one(t.get(iri, {}), _P["schema"] + "identifier") or node_id(iri).partition(":")[2]


def _annotations(t: Triples) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """motivation (``identifying``/``describing``) → body IRI → targets."""
    out: dict[str, dict[str, list[dict[str, Any]]]] = {"identifying": defaultdict(list), "describing": defaultdict(list)}
    for props in t.values():
        motive = (_one(props, OA + "motivatedBy") or "").rpartition("#")[2]
        if motive in out:
            targets = [_target(t, x) for x in props.get(OA + "hasTarget", [])]
            out[motive][_one(props, OA + "hasBody")].append({"targets": targets})
    return out


def _actor(iri: str, props: dict[str, list[Any]], mentions: list[dict[str, Any]]) -> dict[str, Any]:
    types = [CLASS_TYPES[c] for c in props.get(RDF_TYPE, []) if c in CLASS_TYPES]
    found = [m["targets"][0] for m in mentions if m["targets"]]
    return {
        "kind": "actor", "label": _one(props, LABEL), "type": min(types) if types else "OTHER",
        "country": _one(props, str(KG.countryCode)), "aliases": sorted(props.get(ALT, [])),
        "mentions": sorted(({k: m.get(k) for k in ("doc", "start", "end", "text")} for m in found),
                           key=lambda m: (str(m["doc"]), m["start"] or 0, m["end"] or 0)),
        "codes": sorted(props.get(NOTATION, [])),
    }  # fmt: skip


def _evidence(report: dict[str, Any]) -> dict[str, Any]:
    sentence = next((x for x in report["targets"] if x.get("sentence_index") is not None), {})
    trigger = next((x for x in report["targets"] if x.get("sentence_index") is None), {})
    return {
        "doc": sentence.get("doc"), "sentence_index": sentence.get("sentence_index"),
        "sentence": sentence.get("text"), "start": sentence.get("start"), "end": sentence.get("end"),
        "trigger": {"text": trigger.get("text"), "start": trigger.get("start"), "end": trigger.get("end")},
    }  # fmt: skip


def _event(t: Triples, props: dict[str, list[Any]], reports: list[dict[str, Any]]) -> dict[str, Any]:
    evidence = sorted((_evidence(r) for r in reports), key=lambda e: (str(e["doc"]), e["start"] or 0))
    kind = _one(props, _P["sem"] + "eventType")
    cameo = _one(props, str(KG.cameoRoot))
    time = t.get(_one(props, _P["sem"] + "hasTime") or "", {})
    place = _one(props, _P["sem"] + "hasPlace")
    speaker = _one(props, str(KG.claimedBy))
    sources = sorted({e["doc"] for e in evidence if e["doc"]})
    return {
        "kind": "event", "relation": _one(props, str(KG.relation)),
        "type": kind.rpartition("#")[2] if kind else None, "cameo_root": cameo.rpartition("/")[2] if cameo else None,
        "date": next((str(_one(time, p)) for p in TIME_PROPS if p in time), None),
        "date_text": _one(props, str(KG.dateText)), "place": _one(t.get(place, {}), LABEL) if place else None,
        "mood": _one(props, str(KG.mood)) or "asserted", "confidence": _one(props, str(KG.confidence)),
        "sources": sources, "corroboration": _one(props, str(KG.corroboration)) or len(sources),
        "attributed_to": node_id(speaker) if speaker else None, "evidence": evidence, "rule": _one(props, str(KG.rule)),
    }  # fmt: skip


def _documents(t: Triples) -> dict[str, dict[str, Any]]:
    sdo = _P["schema"]
    docs = {}
    for iri, props in t.items():
        if sdo + "NewsArticle" in props.get(RDF_TYPE, []):
            publisher = t.get(_one(props, sdo + "publisher") or "", {})
            docs[_doc_id(t, iri)] = {
                "title": _one(props, sdo + "headline"), "date": _one(props, sdo + "datePublished"),
                "source": _one(publisher, sdo + "name"), "url": _one(props, sdo + "url"), "origin": None,
            }  # fmt: skip
    return dict(sorted(docs.items()))


def _version(t: Triples) -> str | None:
    return next((_one(p, _P["schema"] + "softwareVersion") for p in t.values() if _P["schema"] + "softwareVersion" in p), None)


def graph_from_quads(quads: Iterable[Any]) -> nx.MultiDiGraph:
    """Return the networkx graph that kgraph's RDF ``quads`` describe."""
    t = _index(quads)
    notes = _annotations(t)
    graph = nx.MultiDiGraph(documents=_documents(t), merges=[])
    if version := _version(t):
        graph.graph["kgraph_version"] = version
    for iri, props in sorted(t.items()):
        classes = props.get(RDF_TYPE, [])
        if SEM_ACTOR in classes:
            graph.add_node(node_id(iri), **_actor(iri, props, notes["identifying"].get(iri, [])))
        elif SEM_EVENT in classes:
            graph.add_node(node_id(iri), **_event(t, props, notes["describing"].get(iri, [])))
    for iri, props in t.items():
        if SEM_EVENT in props.get(RDF_TYPE, []):
            _add_roles(graph, node_id(iri), props)
    return graph


def _add_roles(graph: nx.MultiDiGraph, event: str, props: dict[str, list[Any]]) -> None:
    for predicate, role in ROLES.items():
        for other in sorted(props.get(predicate, [])):
            u, v = (event, node_id(other)) if role == "recipient" else (node_id(other), event)
            if u in graph and v in graph:
                graph.add_edge(u, v, key=role, role=role)


def _quads(path: Path) -> Iterable[Any]:
    import pyoxigraph as ox

    if path.is_dir():
        return iter(ox.Store.read_only(str(path)))
    formats = {".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS, ".nquads": ox.RdfFormat.N_QUADS}
    return ox.parse(path=str(path), format=formats[path.suffix.lower()])


def load_rdf(path: str | Path) -> KnowledgeGraph:
    """Load a TriG or N-Quads file, or an on-disk pyoxigraph store folder, as a :class:`KnowledgeGraph`.

    Raises:
        InputError: The file is not valid RDF or the store cannot be opened.
    """
    path = Path(path)
    try:
        graph = graph_from_quads(_quads(path))
    except (SyntaxError, OSError, ValueError) as err:
        raise InputError(f"cannot read kgraph RDF: {err}", origin=str(path)) from None
    return KnowledgeGraph(graph)
