"""Per-Doc caches of what spaCy rebuilds on every access: ``doc.text``, ``doc.ents``, tokens.

Extraction and linking read every sentence many times (one walk per rule); spaCy builds a
new ``Token`` for every ``doc[i]`` and every step of ``for token in sent``, a new tuple of Spans
for every ``doc.ents`` and a new string for every ``token.text``. Here each Doc keeps one
tuple of its tokens (:func:`doc_tokens`, :func:`sent_tokens`), its entities, and a few token
attributes as lists and per-sentence sets (:func:`sent_words`) for cheap first tests.

Only the last few Docs are cached (values hold their Doc, so a weak mapping would never let
go of it). A Doc must not be changed (retokenized, ``doc.ents`` set) after these are read.
"""

from __future__ import annotations

import bisect
import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "child_deps",
    "children",
    "doc_ents",
    "doc_sents",
    "doc_text",
    "doc_tokens",
    "entity_of",
    "newline_between",
    "sent_ents",
    "sent_indices",
    "sent_of",
    "sent_pos_tokens",
    "sent_tokens",
    "sent_words",
    "span_ents",
    "span_text",
    "subtree",
    "subtree_indices",
    "token_dep",
    "token_head",
    "token_lemma",
    "token_lower",
    "token_memo",
    "token_pos",
    "token_tag",
    "token_text",
]

#: How many Docs keep their caches (extraction and linking read one document at a time).
_SIZE = 4


class _Cache:
    __slots__ = (
        "columns",
        "doc",
        "ent_bounds",
        "entities",
        "ents",
        "kid_deps",
        "kid_index",
        "kids",
        "memo",
        "sent_index",
        "sents",
        "subtree_ids",
        "subtrees",
        "text",
        "tokens",
    )

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text: str | None = None
        self.ents: tuple[Span, ...] | None = None
        self.ent_bounds: tuple[list[int], list[int]] | None = None
        self.tokens: tuple[Token, ...] | None = None
        self.entities: dict[int, Span | None] = {}
        self.columns: _Columns | None = None
        self.memo: dict[tuple[Any, ...], Any] = {}
        self.kid_index: tuple[list[int], list[int]] | None = None
        self.kids: dict[int, tuple[Token, ...]] = {}
        self.kid_deps: dict[int, tuple[str, ...]] = {}
        self.subtrees: dict[int, tuple[Token, ...]] = {}
        self.subtree_ids: dict[int, tuple[int, ...]] = {}
        self.sents: tuple[Span, ...] = ()
        self.sent_index: list[int] = []


_RECENT: dict[int, _Cache] = {}
_LOCK = threading.Lock()
_last: _Cache | None = None


def _cache(doc: Doc) -> _Cache:
    """The caches of ``doc``. The hottest readers below first test ``_last`` themselves (a call saved)."""
    global _last
    last = _last
    if last is not None and last.doc is doc:
        return last
    with _LOCK:
        cache = _RECENT.get(id(doc))  # an entry holds its Doc, so its id is not reused meanwhile
        if cache is None or cache.doc is not doc:
            cache = _RECENT[id(doc)] = _Cache(doc)
            while len(_RECENT) > _SIZE:
                del _RECENT[next(iter(_RECENT))]
        _last = cache
    return cache


def token_memo(doc: Doc) -> dict[tuple[Any, ...], Any]:
    """A dict that lives as long as ``doc``'s caches, for values computed from one token:
    key ``(function name, token.i)``. Store only values nobody changes (tuples, frozen data)."""
    cache = _last
    return (cache if cache is not None and cache.doc is doc else _cache(doc)).memo


def clear() -> None:
    """Drop every cached Doc (tests; a caller that edits a Doc it already read)."""
    global _last
    with _LOCK:
        _RECENT.clear()
        _last = None


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc (joined from the token column, no Token built)."""
    cache = _last if _last is not None and _last.doc is doc else _cache(doc)  # inline: a call saved
    if cache.text is None:
        columns = _columns(doc)
        cache.text = "".join([w + " " if s else w for w, s in zip(columns.orth, columns.space)])
    return cache.text


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, computed once per Doc (do not change ``doc.ents`` after reading it)."""
    cache = _last if _last is not None and _last.doc is doc else _cache(doc)  # inline: a call saved
    if cache.ents is None:
        cache.ents = tuple(doc.ents)
    return cache.ents


def doc_tokens(doc: Doc) -> tuple[Token, ...]:
    """``tuple(doc)``, built once per Doc: index it instead of ``doc[i]`` in loops."""
    cache = _last if _last is not None and _last.doc is doc else _cache(doc)  # inline: a call saved
    if cache.tokens is None:
        cache.tokens = tuple(doc)
    return cache.tokens


def sent_tokens(sent: Span) -> tuple[Token, ...]:
    """The tokens of ``sent`` (what ``for token in sent`` yields), without building new Tokens."""
    return doc_tokens(sent.doc)[sent.start : sent.end]


def span_text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text`` for ``start < end``, sliced from the cached text (no Span built)."""
    tokens = doc_tokens(doc)
    last = tokens[end - 1]
    return doc_text(doc)[tokens[start].idx : last.idx + len(last)]


def sent_ents(sent: Span) -> tuple[Span, ...]:
    """The entities inside ``sent`` (what ``sent.ents`` returns), once per sentence."""
    memo, key = _cache(sent.doc).memo, ("sent_ents", sent.start, sent.end)
    found = memo.get(key)
    if found is None:
        found = memo[key] = tuple(_ents_within(sent.doc, sent.start, sent.end))
    return found


def span_ents(span: Span) -> list[Span]:
    """``span.ents`` (the entities wholly inside ``span``, in order), from the cached tuple."""
    return _ents_within(span.doc, span.start, span.end)


def _ents_within(doc: Doc, start: int, end: int) -> list[Span]:
    """The entities of ``doc`` wholly inside tokens ``start:end``, in order.

    Entities are sorted and do not overlap, so they are the run that begins at the first one
    starting at ``start`` or later and stops at the first one that ends after ``end``.
    """
    cache = _cache(doc)
    ents = doc_ents(doc)
    if cache.ent_bounds is None:
        cache.ent_bounds = ([e.start for e in ents], [e.end for e in ents])
    starts, ends = cache.ent_bounds
    k, found = bisect.bisect_left(starts, start), []
    while k < len(ends) and ends[k] <= end:
        found.append(ents[k])
        k += 1
    return found


def entity_of(token: Token) -> Span | None:
    """The named entity ``token`` is part of, found by walking the IOB tags (no scan of ``doc.ents``).

    Computed once per token of a Doc: every call for the same token returns the same Span.
    """
    doc, i = token.doc, token.i
    cache = _last
    known = (cache if cache is not None and cache.doc is doc else _cache(doc)).entities
    if i in known:
        return known[i]
    ent = known[i] = _entity_of(token)
    return ent


def _entity_of(token: Token) -> Span | None:
    if not token.ent_type_:
        return None
    from spacy.tokens import Span as SpanType

    doc, start, end = token.doc, token.i, token.i + 1
    tokens = doc_tokens(doc)
    while start > 0 and tokens[start].ent_iob_ == "I":
        start -= 1
    while end < len(tokens) and tokens[end].ent_iob_ == "I":
        end += 1
    return SpanType(doc, start, end, label=token.ent_type_)


def _columns(doc: Doc) -> _Columns:
    cache = _last if _last is not None and _last.doc is doc else _cache(doc)  # inline: a call saved
    if cache.columns is None:
        cache.columns = _Columns(doc)
    return cache.columns


#: String hash (or POS id) → string, for every Doc: a string's hash is the same in every vocab.
_LOWER: dict[int, str] = {}
_STRING: dict[int, str] = {}
_POS: dict[int, str] = {}


def _decode(values: list[int], known: dict[int, str], decode: Any) -> list[str]:
    try:
        return list(map(known.__getitem__, values))
    except KeyError:  # a string not seen before: decode the new ones, then map again
        for value in values:
            if value not in known:
                known[value] = decode(value)
        return list(map(known.__getitem__, values))


class _Columns:
    """Token attributes of a Doc as lists, read once (``lower`` is ``token.text.lower()``).

    ``orth`` is ``token.text``, ``space`` whether a space follows, ``head`` the head's index.
    """

    __slots__ = ("by_pos", "dep", "head", "lemma", "lower", "newlines", "orth", "pos", "sets", "space", "tag")

    def __init__(self, doc: Doc) -> None:
        from spacy.attrs import DEP, HEAD, LEMMA, ORTH, POS, SPACY, TAG
        from spacy.parts_of_speech import NAMES

        array = doc.to_array([ORTH, LEMMA, POS, DEP, SPACY, TAG, HEAD]) if len(doc) else None
        columns = array[:, :6].T.tolist() if array is not None else [[], [], [], [], [], []]
        orth, lemma, pos, dep, space, tag = columns
        strings = doc.vocab.strings
        self.orth = _decode(orth, _STRING, strings.__getitem__)
        self.space: list[int] = space
        self.lower = _decode(orth, _LOWER, lambda h: strings[h].lower())
        self.lemma = _decode(lemma, _LOWER, lambda h: strings[h].lower())
        self.pos = _decode(pos, _POS, NAMES.__getitem__)
        self.dep = _decode(dep, _STRING, strings.__getitem__)
        self.tag = _decode(tag, _STRING, strings.__getitem__)
        self.head: list[int] = _heads(array)
        self.sets: dict[tuple[int, int], tuple[frozenset[str], ...]] = {}
        self.by_pos: dict[tuple[int, int, str], tuple[Token, ...]] = {}
        self.newlines: list[int] | None = None


def _heads(array: Any) -> list[int]:
    """The head index of every token, from the ``HEAD`` column (offsets to the token, wrapped in uint64)."""
    if array is None:
        return []
    import numpy

    return (array[:, -1].astype("int64") + numpy.arange(len(array), dtype="int64")).tolist()  # type: ignore[no-any-return]


def _tree(cache: _Cache) -> tuple[list[int], list[int]]:
    """The children of every token as ints: ``flat[offsets[i]:offsets[i + 1]]`` are token ``i``'s, in text order.

    Built with numpy in a few array operations; Tokens are made only for the children asked for.
    """
    index = cache.kid_index
    if index is None:
        import numpy

        heads = numpy.array(_columns(cache.doc).head, dtype="int64")
        tokens = numpy.arange(len(heads), dtype="int64")
        below = heads != tokens  # the roots are their own heads
        order = numpy.argsort(heads[below], kind="stable")  # by head, text order within a head
        offsets = numpy.zeros(len(heads) + 1, dtype="int64")
        numpy.cumsum(numpy.bincount(heads[below], minlength=len(heads)), out=offsets[1:])
        index = cache.kid_index = (tokens[below][order].tolist(), offsets.tolist())
    return index


def _below(cache: _Cache, i: int) -> list[int]:
    """The indices of token ``i``'s children, in text order (a new list)."""
    flat, offsets = _tree(cache)
    return flat[offsets[i] : offsets[i + 1]]


def children(token: Token) -> tuple[Token, ...]:
    """``tuple(token.children)`` (the children in text order), read once per Doc."""
    doc, i = token.doc, token.i
    cache = _last if _last is not None and _last.doc is doc else _cache(doc)  # inline: a call saved
    found = cache.kids.get(i)
    if found is None:
        found = cache.kids[i] = tuple(map(doc_tokens(doc).__getitem__, _below(cache, i)))
    return found


def child_deps(token: Token) -> tuple[str, ...]:
    """The ``dep_`` of each of ``token``'s children, in the order of :func:`children`."""
    doc, i = token.doc, token.i
    cache = _last if _last is not None and _last.doc is doc else _cache(doc)  # inline: a call saved
    found = cache.kid_deps.get(i)
    if found is None:
        found = cache.kid_deps[i] = tuple(map(_columns(cache.doc).dep.__getitem__, _below(cache, i)))
    return found


def token_lower(doc: Doc) -> list[str]:
    """``token.text.lower()`` of every token of ``doc``, read once."""
    return _columns(doc).lower


def token_text(doc: Doc) -> list[str]:
    """``token.text`` of every token of ``doc``, read once."""
    return _columns(doc).orth


def token_lemma(doc: Doc) -> list[str]:
    """``token.lemma_.lower()`` of every token of ``doc``, read once."""
    return _columns(doc).lemma


def token_pos(doc: Doc) -> list[str]:
    """``token.pos_`` of every token of ``doc``, read once."""
    return _columns(doc).pos


def token_dep(doc: Doc) -> list[str]:
    """``token.dep_`` of every token of ``doc``, read once."""
    return _columns(doc).dep


def token_head(doc: Doc) -> list[int]:
    """The index of every token's head (``token.head.i``; a root is its own head), read once."""
    return _columns(doc).head


def token_tag(doc: Doc) -> list[str]:
    """``token.tag_`` of every token of ``doc``, read once."""
    return _columns(doc).tag


def newline_between(doc: Doc, start: int, end: int) -> bool:
    """Whether a token of ``doc[start:end]`` holds a line break (``any("\\n" in t.text ...)``).

    A token's trailing whitespace is one space or none, so only its text can hold one.
    """
    columns = _columns(doc)
    counts = columns.newlines
    if counts is None:  # counts[i]: tokens before i that hold a line break
        counts, total = [0], 0
        for word in columns.orth:
            total += "\n" in word
            counts.append(total)
        columns.newlines = counts
    return counts[max(end, start)] > counts[start]


def sent_words(sent: Span) -> tuple[frozenset[str], ...]:
    """The lowercased words, lowercased lemmas, POS tags and dependency labels in ``sent``, as sets.

    For a cheap first test in rules that look for particular words: a sentence without
    "according" has no "according to X".
    """
    columns = _columns(sent.doc)
    key = (sent.start, sent.end)
    found = columns.sets.get(key)
    if found is None:
        start, end = key
        found = columns.sets[key] = (
            frozenset(columns.lower[start:end]),
            frozenset(columns.lemma[start:end]),
            frozenset(columns.pos[start:end]),
            frozenset(columns.dep[start:end]),
        )
    return found


def sent_pos_tokens(sent: Span, pos: str) -> tuple[Token, ...]:
    """The tokens of ``sent`` whose ``pos_`` is ``pos``, in order."""
    columns = _columns(sent.doc)
    key = (sent.start, sent.end, pos)
    found = columns.by_pos.get(key)
    if found is None:
        tokens, tags = doc_tokens(sent.doc), columns.pos
        found = columns.by_pos[key] = tuple(tokens[i] for i in range(sent.start, sent.end) if tags[i] == pos)
    return found


def children_by_dep(token: Token, deps: tuple[str, ...] | frozenset[str]) -> list[Token]:
    """The children of ``token`` whose ``dep_`` is in ``deps``, in order."""
    doc, i = token.doc, token.i
    cache = _last if _last is not None and _last.doc is doc else _cache(doc)  # inline: a call saved
    flat, offsets = cache.kid_index or _tree(cache)
    start, end = offsets[i], offsets[i + 1]
    if start == end:
        return []
    labels, tokens = cache.columns.dep, cache.tokens or doc_tokens(doc)  # type: ignore[union-attr]
    found = []
    for j in flat[start:end]:
        if labels[j] in deps:
            found.append(tokens[j])
    return found


def first_child(token: Token, deps: tuple[str, ...] | frozenset[str]) -> Token | None:
    """The first child of ``token`` whose ``dep_`` is in ``deps``, or None."""
    doc, i = token.doc, token.i
    cache = _last if _last is not None and _last.doc is doc else _cache(doc)  # inline: a call saved
    flat, offsets = cache.kid_index or _tree(cache)
    labels = cache.columns.dep  # type: ignore[union-attr]
    for j in flat[offsets[i] : offsets[i + 1]]:
        if labels[j] in deps:
            return (cache.tokens or doc_tokens(doc))[j]
    return None


def subtree(token: Token) -> tuple[Token, ...]:
    """``tuple(token.subtree)``: the token and its descendants in the order spaCy yields them."""
    doc, i = token.doc, token.i
    cache = _last if _last is not None and _last.doc is doc else _cache(doc)  # inline: a call saved
    found = cache.subtrees.get(i)
    if found is None:
        found = cache.subtrees[i] = tuple(map(doc_tokens(doc).__getitem__, subtree_indices(token)))
    return found


def subtree_indices(token: Token) -> tuple[int, ...]:
    """The indices of :func:`subtree` (``[t.i for t in token.subtree]``), no Token made."""
    doc, i = token.doc, token.i
    cache = _last if _last is not None and _last.doc is doc else _cache(doc)  # inline: a call saved
    found = cache.subtree_ids.get(i)
    if found is None:
        found = cache.subtree_ids[i] = tuple(_walk(cache, i))
    return found


def _walk(cache: _Cache, root: int) -> list[int]:
    """In-order walk of the tree under ``root`` (left children's subtrees, the token, right ones'): indices.

    The stack holds ``i`` for a subtree still to walk and ``~i`` for token ``i`` to emit.
    """
    (flat, offsets), out = _tree(cache), []
    stack = [root]
    while stack:
        i = stack.pop()
        if i < 0:
            out.append(~i)
            continue
        below = flat[offsets[i] : offsets[i + 1]]
        if not below:
            out.append(i)
            continue
        k = bisect.bisect_left(below, i)  # children are in text order: left ones, then right ones
        stack += reversed(below[k:])
        stack.append(~i)
        stack += reversed(below[:k])
    return out


def _sentences(doc: Doc) -> _Cache:
    cache = _last if _last is not None and _last.doc is doc else _cache(doc)  # inline: a call saved
    if not cache.sent_index and len(doc):
        cache.sents = tuple(doc.sents)
        index = cache.sent_index = [-1] * len(doc)
        for number, sent in enumerate(cache.sents):
            index[sent.start : sent.end] = [number] * (sent.end - sent.start)
    return cache


def doc_sents(doc: Doc) -> tuple[Span, ...]:
    """``tuple(doc.sents)``, built once per Doc."""
    return _sentences(doc).sents


def sent_indices(doc: Doc) -> list[int]:
    """The index of each token's sentence in :func:`doc_sents` (do not change the list)."""
    return _sentences(doc).sent_index


def sent_of(token: Token) -> Span:
    """``token.sent``: the sentence of ``token``, one Span per sentence of the Doc."""
    cache = _sentences(token.doc)
    return cache.sents[cache.sent_index[token.i]]
