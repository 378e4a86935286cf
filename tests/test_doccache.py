"""Per-Doc caches give exactly what spaCy's properties give."""

from __future__ import annotations

from typing import Any

import pytest

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
        assert list(sent_ents(sent)) == list(sent.ents)


def test_entity_of_walks_iob_tags_to_the_whole_entity(make_doc: Any) -> None:
    doc = _doc(make_doc)
    found = [(t.text, entity_of(t)) for t in doc]
    assert [(w, (e.text, e.label_) if e is not None else None) for w, e in found] == [
        ("Russia", ("Russia", "GPE")), ("sanctioned", None), ("North", ("North Korea", "GPE")),
        ("Korea", ("North Korea", "GPE")), (".", None), ("Kim", ("Kim Jong Un", "PERSON")),
        ("Jong", ("Kim Jong Un", "PERSON")), ("Un", ("Kim Jong Un", "PERSON")), ("replied", None), (".", None),
    ]  # fmt: skip


def test_token_caches_match_spacy(make_doc: Any) -> None:
    from kgraph.doccache import (
        doc_tokens,
        sent_pos_tokens,
        sent_tokens,
        sent_words,
        span_ents,
        span_text,
        token_dep,
        token_lower,
        token_pos,
    )

    doc = _doc(make_doc)
    assert doc_tokens(doc) == tuple(doc)
    assert token_lower(doc) == [t.text.lower() for t in doc]
    assert token_pos(doc) == [t.pos_ for t in doc]
    assert token_dep(doc) == [t.dep_ for t in doc]
    for sent in doc.sents:
        assert sent_tokens(sent) == tuple(sent)
        words = sent_words(sent)
        assert words[0] == {t.text.lower() for t in sent} and words[1] == {t.lemma_.lower() for t in sent}
        assert words[3] == {t.dep_ for t in sent}
        assert sent_pos_tokens(sent, "") == tuple(t for t in sent if t.pos_ == "")
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            assert span_text(doc, start, end) == doc[start:end].text
            assert span_ents(doc[start:end]) == list(doc[start:end].ents)


def test_cached_docs_are_released(make_doc: Any) -> None:
    import gc
    import weakref

    from kgraph.doccache import doc_ents, doc_tokens

    doc = _doc(make_doc)
    doc_ents(doc), doc_tokens(doc)
    gone = weakref.ref(doc)
    del doc
    for _ in range(5):  # later documents push it out of the cache
        later = _doc(make_doc)
        doc_ents(later), doc_tokens(later)
    gc.collect()
    assert gone() is None


@pytest.mark.model
def test_columns_match_spacy_on_a_parsed_article(nlp: Any) -> None:
    from kgraph.doccache import sent_pos_tokens, sent_words, token_dep, token_lower, token_pos

    doc = nlp(
        "Russia's foreign minister said on Monday that Moscow would not accept new sanctions. "
        "“We reject it,” he told reporters ― according to TASS. Despite warnings, protests continued."
    )
    assert token_lower(doc) == [t.text.lower() for t in doc]
    assert token_pos(doc) == [t.pos_ for t in doc]
    assert token_dep(doc) == [t.dep_ for t in doc]
    for sent in doc.sents:
        assert sent_words(sent) == (
            {t.text.lower() for t in sent}, {t.lemma_.lower() for t in sent}, {t.pos_ for t in sent},
            {t.dep_ for t in sent},
        )  # fmt: skip
        assert sent_pos_tokens(sent, "VERB") == tuple(t for t in sent if t.pos_ == "VERB")


@pytest.mark.parametrize(
    "heads",
    [
        [1, 1, 3, 1, 1, 8, 7, 8, 8, 8],  # projective, two sentences
        [2, 3, 3, 3, 3, 8, 5, 8, 8, 8],  # crossing arcs (0→2 over 1→3): a subtree with a gap
    ],
)
def test_tree_caches_match_spacy(make_doc: Any, heads: list[int]) -> None:
    from kgraph.doccache import (
        child_deps,
        children,
        children_by_dep,
        first_child,
        sent_of,
        subtree,
        subtree_indices,
        token_head,
        token_lemma,
    )

    words = ["Russia", "sanctioned", "North", "Korea", ".", "Kim", "Jong", "Un", "replied", "."]
    deps = ["nsubj", "ROOT", "compound", "dobj", "punct", "compound", "compound", "nsubj", "ROOT", "punct"]
    deps = [d if heads[i] != i else "ROOT" for i, d in enumerate(deps)]
    doc = make_doc(words, heads=heads, deps=deps, lemmas=[w.upper() for w in words])
    assert token_lemma(doc) == [t.lemma_.lower() for t in doc]
    for token in doc:
        assert children(token) == tuple(token.children)
        assert child_deps(token) == tuple(c.dep_ for c in token.children)
        assert subtree(token) == tuple(token.subtree)
        assert subtree_indices(token) == tuple(t.i for t in token.subtree)
        assert token_head(doc)[token.i] == token.head.i
        assert (sent_of(token).start, sent_of(token).end) == (token.sent.start, token.sent.end)
        for wanted in (("compound",), ("nsubj", "dobj"), ("ROOT",)):
            assert children_by_dep(token, wanted) == [c for c in token.children if c.dep_ in wanted]
            assert first_child(token, wanted) == next((c for c in token.children if c.dep_ in wanted), None)
    if heads[0] == 2:  # the subtree of "North" has a gap: "sanctioned" hangs off "Korea"
        assert [t.i for t in subtree(doc[2])] == [0, 2]


def test_newline_between_and_tags_match_spacy(make_doc: Any) -> None:
    from kgraph.doccache import newline_between, token_tag

    words = ["Obama", "Says", "\n\n", "WASHINGTON", "--", "He", "spoke"]
    doc = make_doc(words, tags=["NNP", "VBZ", "_SP", "NNP", ":", "PRP", "VBD"])
    assert token_tag(doc) == [t.tag_ for t in doc]
    for start in range(len(doc) + 1):
        for end in range(start, len(doc) + 1):
            expected = any("\n" in t.text or "\n" in t.whitespace_ for t in doc[start:end])
            assert newline_between(doc, start, end) == expected, (start, end)
