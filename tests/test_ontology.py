"""The ontology, the shapes, the generated vocabulary and the packaged copies stay in sync."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import OWL, RDF, SKOS

from kgraph import vocab
from kgraph.model import EVENT_TYPES
from kgraph.vocab import CAMEO, KG, SEM

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(ROOT / "ontology" / "kgraph.ttl")


@pytest.mark.parametrize("name", ["kgraph.ttl", "shapes.ttl"])
def test_ontology_packaged_copy_is_identical(name: str) -> None:
    assert (ROOT / "ontology" / name).read_bytes() == (ROOT / "src/kgraph/ontology" / name).read_bytes(), (
        "run: python -m kgraph.vocab"
    )


def test_ontology_packaged_copy_is_readable_as_resource() -> None:
    assert vocab.ontology_text("shapes.ttl") == (ROOT / "ontology" / "shapes.ttl").read_text(encoding="utf-8")


def test_vocab_has_not_drifted_from_ontology() -> None:
    assert vocab.main(["--check"]) == 0, "run: python -m kgraph.vocab"


def test_vocab_generator_detects_a_new_term() -> None:
    ttl = (ROOT / "ontology" / "kgraph.ttl").read_text(encoding="utf-8")
    extra = ttl + "\nkg:newTerm a owl:DatatypeProperty .\n"
    assert "newTerm: URIRef" in vocab.generate(extra)
    assert "newTerm" not in vocab.generate(ttl)


def test_vocab_fails_on_unknown_term() -> None:
    with pytest.raises(AttributeError):
        KG.confidense  # noqa: B018


def test_ontology_declares_every_vocab_term(ontology: rdflib.Graph) -> None:
    declared = {str(s) for s in ontology.subjects() if str(s).startswith(str(KG._NS))}
    assert declared == {str(KG[name]) for name in KG.__annotations__}


def test_ontology_event_types_are_a_concept_scheme_with_cameo_matches(ontology: rdflib.Graph) -> None:
    for name in EVENT_TYPES:
        concept = KG[name]
        assert (concept, RDF.type, SKOS.Concept) in ontology
        assert (concept, RDF.type, SEM.EventType) in ontology
        assert (concept, SKOS.inScheme, KG.EventTypes) in ontology
        matches = list(ontology.objects(concept, SKOS.closeMatch))
        assert matches and all(str(m).startswith(str(CAMEO._NS)) for m in matches)
    assert len(set(ontology.objects(KG.EventTypes, SKOS.hasTopConcept))) == 17


def test_ontology_role_types_are_sem_role_types(ontology: rdflib.Graph) -> None:
    for role in (KG.ActorRole, KG.RecipientRole, KG.SourceRole):
        assert (role, RDF.type, SEM.RoleType) in ontology


def test_ontology_is_an_owl_ontology_with_labels(ontology: rdflib.Graph) -> None:
    assert (rdflib.URIRef("https://w3id.org/kgraph/ontology"), RDF.type, OWL.Ontology) in ontology
    for prop in ontology.subjects(RDF.type, OWL.DatatypeProperty):
        assert ontology.value(prop, rdflib.RDFS.label) and ontology.value(prop, rdflib.RDFS.comment)


def test_shapes_parse_as_shacl() -> None:
    shapes = rdflib.Graph().parse(ROOT / "ontology" / "shapes.ttl")
    node_shapes = set(shapes.subjects(RDF.type, rdflib.URIRef("http://www.w3.org/ns/shacl#NodeShape")))
    assert len(node_shapes) >= 10
