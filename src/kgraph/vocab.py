"""RDF namespaces of kgraph: its own terms (generated from the ontology) and the standards it uses.

The ``KG`` and ``CAMEO`` classes below are generated from ``ontology/kgraph.ttl``; do not edit
them by hand. After changing the ontology run::

    python -m kgraph.vocab          # copy ontology/*.ttl and queries/*.rq into the package, regenerate this file
    python -m kgraph.vocab --check  # exit 1 when this file or a packaged copy has drifted

``KG`` is an rdflib ``DefinedNamespace`` with ``_fail=True``: a misspelt term is an error.

>>> str(KG.confidence)
'https://w3id.org/kgraph/ontology#confidence'
>>> KG.confidense
Traceback (most recent call last):
...
AttributeError: term 'confidense' not in namespace 'https://w3id.org/kgraph/ontology#'
>>> str(CAMEO["16"])
'https://w3id.org/kgraph/cameo/16'
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

__all__ = ["CAMEO", "KG", "OA", "SEM", "STANDARD_PREFIXES", "ontology_path", "ontology_text"]

#: Simple Event Model.
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
#: Web Annotation vocabulary.
OA = Namespace("http://www.w3.org/ns/oa#")

#: Prefixes used in every kgraph serialization (data prefixes are added from the base IRI).
STANDARD_PREFIXES: dict[str, str] = {
    "kg": "https://w3id.org/kgraph/ontology#",
    "cameo": "https://w3id.org/kgraph/cameo/",
    "sem": str(SEM),
    "prov": "http://www.w3.org/ns/prov#",
    "time": "http://www.w3.org/2006/time#",
    "schema": "https://schema.org/",
    "oa": str(OA),
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

# --- BEGIN GENERATED (python -m kgraph.vocab) ---
class KG(DefinedNamespace):
    """kgraph's own terms (ontology/kgraph.ttl)."""

    _fail = True
    _NS = Namespace("https://w3id.org/kgraph/ontology#")

    ACCUSE: URIRef  # Concept, EventType
    AGREE: URIRef  # Concept, EventType
    AID: URIRef  # Concept, EventType
    ASSAULT: URIRef  # Concept, EventType
    ActorRole: URIRef  # Concept, RoleType
    ArticleGraph: URIRef  # Class
    COERCE: URIRef  # Concept, EventType
    CONCEDE: URIRef  # Concept, EventType
    CONSULT: URIRef  # Concept, EventType
    COOPERATE: URIRef  # Concept, EventType
    CameoRoots: URIRef  # ConceptScheme
    EventTypes: URIRef  # ConceptScheme
    Group: URIRef  # Class
    MOBILIZE: URIRef  # Concept, EventType
    PROTEST: URIRef  # Concept, EventType
    REJECT: URIRef  # Concept, EventType
    REQUEST: URIRef  # Concept, EventType
    RETREAT: URIRef  # Concept, EventType
    RecipientRole: URIRef  # Concept, RoleType
    RoleTypes: URIRef  # ConceptScheme
    SANCTION: URIRef  # Concept, EventType
    STATEMENT: URIRef  # Concept, EventType
    SUPPORT: URIRef  # Concept, EventType
    SourceRole: URIRef  # Concept, RoleType
    THREATEN: URIRef  # Concept, EventType
    actor: URIRef  # ObjectProperty
    cameoRoot: URIRef  # ObjectProperty
    claimedBy: URIRef  # ObjectProperty
    confidence: URIRef  # DatatypeProperty, FunctionalProperty
    corroboration: URIRef  # DatatypeProperty, FunctionalProperty
    countryCode: URIRef  # DatatypeProperty
    dateText: URIRef  # DatatypeProperty
    mood: URIRef  # DatatypeProperty, FunctionalProperty
    recipient: URIRef  # ObjectProperty
    relation: URIRef  # DatatypeProperty, FunctionalProperty
    rule: URIRef  # DatatypeProperty
    sentenceIndex: URIRef  # DatatypeProperty


class CAMEO(DefinedNamespace):
    """CAMEO root event codes, ``CAMEO['16']``."""

    _fail = True
    _NS = Namespace("https://w3id.org/kgraph/cameo/")
    _extras = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20']  # noqa: RUF012 (rdflib's DefinedNamespace API)

# --- END GENERATED ---

_BEGIN = "# --- BEGIN GENERATED (python -m kgraph.vocab) ---\n"
_END = "# --- END GENERATED ---\n"
_ONTOLOGY_FILES = ("kgraph.ttl", "shapes.ttl")


def ontology_path(name: str = "kgraph.ttl") -> resources.abc.Traversable:
    """Return the packaged ontology file ``name`` (``kgraph.ttl`` or ``shapes.ttl``).

    >>> ontology_path().name
    'kgraph.ttl'
    """
    return resources.files("kgraph").joinpath("ontology", name)


def ontology_text(name: str = "kgraph.ttl") -> str:
    """Return the text of the packaged ontology file ``name``.

    >>> "owl:Ontology" in ontology_text()
    True
    """
    return ontology_path(name).read_text(encoding="utf-8")


def _terms(ttl: str, namespace: str) -> dict[str, str]:
    """Return local name → kind (class, property, concept…) of the terms of ``namespace``."""
    from rdflib import RDF, Graph

    graph = Graph().parse(data=ttl, format="turtle")
    kinds: dict[str, str] = {}
    for subject in sorted(set(graph.subjects())):
        if isinstance(subject, URIRef) and str(subject).startswith(namespace):
            local = str(subject)[len(namespace) :]
            types = sorted(str(t).rsplit("#", 1)[-1].rsplit("/", 1)[-1] for t in graph.objects(subject, RDF.type))
            kinds[local] = ", ".join(types)
    return kinds


def _class_source(name: str, namespace: str, terms: dict[str, str], doc: str) -> str:
    lines = [f"class {name}(DefinedNamespace):", f'    """{doc}"""', "", "    _fail = True"]
    lines.append(f'    _NS = Namespace("{namespace}")')
    extras = [local for local in terms if not local.isidentifier()]
    if extras:
        lines.append(f"    _extras = {extras!r}  # noqa: RUF012 (rdflib's DefinedNamespace API)")
    lines.append("")
    for local, kind in terms.items():
        if local.isidentifier():
            lines.append(f"    {local}: URIRef  # {kind}")
    return "\n".join(lines) + "\n"


def generate(ttl: str) -> str:
    """Return the generated block of this module for the ontology text ``ttl``."""
    kg = _terms(ttl, STANDARD_PREFIXES["kg"])
    cameo = _terms(ttl, STANDARD_PREFIXES["cameo"])
    return (
        _BEGIN
        + _class_source("KG", STANDARD_PREFIXES["kg"], kg, "kgraph's own terms (ontology/kgraph.ttl).")
        + "\n\n"
        + _class_source("CAMEO", STANDARD_PREFIXES["cameo"], cameo, "CAMEO root event codes, ``CAMEO['16']``.")
        + _END
    )


def _splice(source: str, block: str) -> str:
    head, _, rest = source.partition(_BEGIN)
    _, _, tail = rest.partition(_END)
    return head + block + tail


def _repo_dir() -> Path | None:
    """The source checkout's root (holding ``ontology/`` and ``queries/``), or ``None`` when installed."""
    root = Path(__file__).resolve().parents[2]
    return root if (root / "ontology" / "kgraph.ttl").is_file() else None


def _copies(root: Path) -> list[tuple[Path, Path]]:
    """(source, packaged copy) pairs: ``ontology/*.ttl`` and ``queries/*.rq``."""
    package = Path(__file__).resolve().parent
    pairs = [(root / "ontology" / name, package / "ontology" / name) for name in _ONTOLOGY_FILES]
    pairs += [(q, package / "queries" / q.name) for q in sorted((root / "queries").glob("*.rq"))]
    return pairs


def _sync(check: bool) -> list[str]:
    """Copy the repo's ontology and queries into the package and regenerate; return what drifted."""
    drift = []
    root = _repo_dir()
    for src, dst in _copies(root) if root else ():
        if not dst.is_file() or src.read_bytes() != dst.read_bytes():
            drift.append(str(dst))
            if not check:
                dst.parent.mkdir(exist_ok=True)
                shutil.copyfile(src, dst)
    if root:
        stale = {p.name for p in (Path(__file__).parent / "queries").glob("*.rq")} - {
            q.name for q in (root / "queries").glob("*.rq")}
        drift += [f"{Path(__file__).parent / 'queries' / name} (not in queries/)" for name in sorted(stale)]
    ttl = ((root / "ontology") if root else Path(__file__).parent / "ontology").joinpath("kgraph.ttl")
    module = Path(__file__)
    current = module.read_text(encoding="utf-8")
    wanted = _splice(current, generate(ttl.read_text(encoding="utf-8")))
    if wanted != current:
        drift.append(str(module))
        if not check:
            module.write_text(wanted, encoding="utf-8")
    return drift


def main(argv: Sequence[str] | None = None) -> int:
    """Regenerate (or ``--check``) the constants and the packaged ontology copies."""
    parser = argparse.ArgumentParser(prog="python -m kgraph.vocab", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 instead of rewriting files")
    args = parser.parse_args(argv)
    drift = _sync(args.check)
    for path in drift:
        print(("out of date: " if args.check else "rewrote: ") + path, file=sys.stderr)
    return 1 if (args.check and drift) else 0


if __name__ == "__main__":
    raise SystemExit(main())
