"""Per-Doc caches give exactly what spaCy's properties give."""

from __future__ import annotations

from typing import Any

from kgraph.doccache import doc_ents, doc_text, sent_ents
from kgraph.extract.participants import entity_of


def _doc(make_doc: Any) -> Any:
    words = ["Russia", "sanctioned", "North", "Korea", ".", "Kim", "Jong", "Un", "replied", "."]
    heads = [1, 1, 3, 1, 1, 8, 7, 8, 8, 8]
    deps = ["nsubj", "ROOT", "compound", "dobj", "punct", "compound", "compound", "nsubj", "ROOT", "punct"]
    return make_doc(words, heads=heads, deps=deps, ents=[(0, 1, "GPE"), (2, 4, "GPE"), (5, 8, "PERSON")])


def test_doccache_matches_spacy(make_doc: Any) -> None:
    doc = _doc(make_doc)
    assert doc_text(doc) == doc.text
    assert doc_ents(doc) == tuple(doc.ents)
    for sent in doc.sents:
        assert sent_ents(sent) == list(sent.ents)


def test_entity_of_walks_iob_tags_to_the_whole_entity(make_doc: Any) -> None:
    doc = _doc(make_doc)
    found = [(t.text, entity_of(t)) for t in doc]
    assert [(w, (e.text, e.label_) if e is not None else None) for w, e in found] == [
        ("Russia", ("Russia", "GPE")), ("sanctioned", None), ("North", ("North Korea", "GPE")),
        ("Korea", ("North Korea", "GPE")), (".", None), ("Kim", ("Kim Jong Un", "PERSON")),
        ("Jong", ("Kim Jong Un", "PERSON")), ("Un", ("Kim Jong Un", "PERSON")), ("replied", None), (".", None),
    ]  # fmt: skip
