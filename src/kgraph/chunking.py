"""Splitting long documents into parts for parsing, and merging the parts' results back.

spaCy refuses texts longer than ``nlp.max_length`` and its parser (and kgraph's rules)
slow down sharply on very long "sentences" such as tables or lists. :func:`split_long`
cuts a document into parts of at most ``max_chars`` characters, preferably at paragraph
boundaries, then at sentence ends, and cuts any run of more than ``max_run`` characters
without a sentence end (a table, a list, a wall of text) into pieces that are parsed on
their own. :func:`merge_results` turns the parts' :class:`DocResult` values back into the
document's, shifting character offsets and sentence indices so that they refer to the
whole text.

Both functions are pure. :func:`parse_in_parts` puts them around ``nlp.pipe`` for a batch of
documents; the pipeline calls it instead of ``nlp.pipe``::

    results = parse_in_parts(nlp, documents, analyze_one)

>>> doc = Document("d", "First paragraph.\\n\\nSecond paragraph.")
>>> [(offset, part.text) for offset, part in split_long(doc, 20)]
[(0, 'First paragraph.\\n\\n'), (18, 'Second paragraph.')]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, NamedTuple

from kgraph.ids import stable_hash
from kgraph.model import Actor, DocResult, Document, Event, Mention, Participant, strip_text

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["DEFAULT_MAX_CHARS", "DEFAULT_MAX_RUN", "PartResult", "merge_results", "parse_in_parts", "split_long"]

#: Longest part sent to the parser (characters).
DEFAULT_MAX_CHARS = 100_000
#: Longest stretch without a sentence end that is parsed as one piece (characters).
DEFAULT_MAX_RUN = 2_000

_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")
_SENTENCE = re.compile(r"(?<=[.!?:;])[\"'\u201d\u2019)\]]*\s+")
_CUT_PREFERENCES = (re.compile(r"\n"), re.compile(r"\s"))

Span = tuple[int, int]


class PartResult(NamedTuple):
    """The result of one part: where it starts, how many sentences it had, what was read."""

    offset: int
    sentences: int
    result: DocResult


def split_long(
    document: Document, max_chars: int = DEFAULT_MAX_CHARS, *, max_run: int = DEFAULT_MAX_RUN
) -> list[tuple[int, Document]]:
    """Cut ``document`` into parts the parser can handle; return ``(offset, part)`` pairs.

    Every part has the document's id and metadata and the text ``document.text[offset:offset +
    len(part.text)]``, so an offset in a part plus the part's offset is an offset in the whole
    text. Parts that are only whitespace are left out. A document that needs no cut is
    returned whole.

    Args:
        document: The document to split.
        max_chars: Longest part, in characters (at least 1).
        max_run: Longest stretch without a sentence end kept in one piece; longer ones are cut
            at a line break or a space into pieces that become parts of their own.

    Returns:
        ``(offset, Document)`` pairs in text order.

    >>> doc = Document("d", "a b c d e f")
    >>> [(o, p.text) for o, p in split_long(doc, 100, max_run=4)]
    [(0, 'a b '), (4, 'c d '), (8, 'e f')]
    """
    text = document.text
    spans = list(_parts(text, max(1, max_chars), max(1, min(max_run, max_chars))))
    if spans == [(0, len(text))]:
        return [(0, document)]
    return [(start, replace(document, text=text[start:end])) for start, end in spans if text[start:end].strip()]


def _parts(text: str, max_chars: int, max_run: int) -> Iterator[Span]:
    """Pack units greedily into parts; a unit cut out of a long run is always a part alone."""
    start = end = 0
    for unit_start, unit_end, alone in _units(text, max_chars, max_run):
        if end > start and (alone or unit_end - start > max_chars):
            yield start, end
            start = unit_start
        end = unit_end
        if alone:
            yield start, end
            start = end
    if end > start:
        yield start, end


def _units(text: str, max_chars: int, max_run: int) -> Iterator[tuple[int, int, bool]]:
    """Paragraphs, or for a paragraph too long or with a long run, its sentences and pieces."""
    for para in _split(text, 0, len(text), _PARAGRAPH):
        if para[1] - para[0] <= max_chars and not _has_long_run(text, para, max_run):
            yield (*para, False)
            continue
        for sentence in _split(text, *para, _SENTENCE):
            if sentence[1] - sentence[0] <= max_run:
                yield (*sentence, False)
            else:
                yield from ((*piece, True) for piece in _cut(text, *sentence, max_run))


def _split(text: str, start: int, end: int, pattern: re.Pattern[str]) -> Iterator[Span]:
    """Spans of ``text[start:end]`` ending after each match of ``pattern`` (covering it all)."""
    for match in pattern.finditer(text, start, end):
        if match.end() > start:
            yield start, match.end()
            start = match.end()
    if end > start:
        yield start, end


def _has_long_run(text: str, span: Span, max_run: int) -> bool:
    if span[1] - span[0] <= max_run:
        return False
    return any(e - s > max_run for s, e in _split(text, *span, _SENTENCE))


def _cut(text: str, start: int, end: int, max_run: int) -> Iterator[Span]:
    """Cut a long run into pieces of at most ``max_run``: at a line break, else a space, else anywhere."""
    while end - start > max_run:
        cut = _cut_point(text, start, start + max_run)
        yield start, cut
        start = cut
    if end > start:
        yield start, end


def _cut_point(text: str, start: int, limit: int) -> int:
    for pattern in _CUT_PREFERENCES:
        found = [m.end() for m in pattern.finditer(text, start + (limit - start) // 2, limit)]
        if found:
            return found[-1]
    return limit


def merge_results(document: Document, parts: Sequence[PartResult]) -> DocResult:
    """Merge the results of ``document``'s parts into one result about the whole text.

    Offsets are shifted by each part's offset and sentence indices by the sentences of the
    parts before it. Event ids of the first part are kept; those of later parts are hashed
    with the part's offset, so they stay unique in the document and the same on every run.
    Actors with the same id in several parts become one actor.

    Args:
        document: The whole document (its text is dropped from the result).
        parts: The parts' results in text order.

    >>> from kgraph.model import Actor
    >>> m = Mention("d", 0, 6, "Russia", "GPE", 0)
    >>> one = DocResult(Document("d", ""), (Actor("actor:russia", "Russia", mentions=(m,)),))
    >>> merged = merge_results(Document("d", "x"), [PartResult(0, 1, one), PartResult(50, 2, one)])
    >>> [(m.start, m.sentence) for m in merged.actors[0].mentions]
    [(0, 0), (50, 1)]
    """
    if len(parts) == 1 and parts[0].offset == 0:
        return replace(parts[0].result, document=strip_text(document))
    actors: dict[str, Actor] = {}
    events: list[Event] = []
    merges: list[dict[str, str]] = []
    first_sentence = 0
    for part in parts:
        shift = _Shift(part.offset, first_sentence)
        for actor in part.result.actors:
            _add_actor(actors, shift.actor(actor))
        events.extend(shift.event(e) for e in part.result.events)
        merges.extend(dict(m) for m in part.result.merges)
        first_sentence += part.sentences
    ordered = tuple(actors[k] for k in sorted(actors))
    return DocResult(strip_text(document), ordered, tuple(events), tuple(merges))


class _Shift:
    """Moves values read from a part to the coordinates of the whole document."""

    def __init__(self, offset: int, sentences: int) -> None:
        self.offset, self.sentences = offset, sentences

    def event_id(self, part_id: str) -> str:
        """Ids minted in the first part stay; later parts' ids are rehashed with the part's offset."""
        if self.offset == 0:
            return part_id
        kind, _, _ = part_id.partition(":")
        return f"{kind}:{stable_hash(part_id, self.offset)}"

    def mention(self, m: Mention) -> Mention:
        sentence = m.sentence + self.sentences if m.sentence >= 0 else m.sentence
        return replace(m, start=m.start + self.offset, end=m.end + self.offset, sentence=sentence)

    def participant(self, p: Participant) -> Participant:
        return replace(p, mention=self.mention(p.mention))

    def actor(self, a: Actor) -> Actor:
        return replace(a, mentions=tuple(self.mention(m) for m in a.mentions))

    def event(self, e: Event) -> Event:
        ev = e.evidence
        trigger = self.mention(ev.trigger)
        evidence = replace(
            ev, sentence_index=ev.sentence_index + self.sentences, start=ev.start + self.offset,
            end=ev.end + self.offset, trigger=trigger,
        )  # fmt: skip
        return replace(
            e, id=self.event_id(e.id), evidence=evidence,
            actor=tuple(self.participant(p) for p in e.actor),
            recipient=tuple(self.participant(p) for p in e.recipient),
            place=self.mention(e.place) if e.place else None,
            attributed_to=self.participant(e.attributed_to) if e.attributed_to else None,
        )  # fmt: skip


def _add_actor(actors: dict[str, Actor], actor: Actor) -> None:
    old = actors.get(actor.id)
    if old is None:
        actors[actor.id] = actor
        return
    actors[actor.id] = replace(
        old,
        country=old.country or actor.country,
        aliases=tuple(sorted(set(old.aliases) | set(actor.aliases))),
        mentions=tuple(sorted(set(old.mentions) | set(actor.mentions), key=lambda m: (m.start, m.end, m.text))),
        codes=tuple(sorted(set(old.codes) | set(actor.codes))),
    )


def parse_in_parts(
    nlp: Language,
    documents: Sequence[Document],
    analyze: Callable[[Doc, Document], DocResult],
    *,
    max_chars: int = DEFAULT_MAX_CHARS,
    max_run: int = DEFAULT_MAX_RUN,
) -> list[DocResult]:
    """Parse ``documents`` with ``nlp.pipe`` part by part; return one result per document, in order.

    A document that needs no cut is parsed and analysed whole, exactly as without this
    function; a longer one (or one with a very long run) is parsed in parts whose results are
    merged by :func:`merge_results`. Parts are never longer than ``nlp.max_length``.

    Args:
        nlp: The spaCy pipeline.
        documents: The batch.
        analyze: Reads one parsed part: ``analyze(doc, part_document) -> DocResult``.
        max_chars: Longest part (also capped at ``nlp.max_length``).
        max_run: Longest stretch without a sentence end parsed as one piece.

    Example:
        >>> import spacy
        >>> nlp = spacy.blank("en"); nlp.add_pipe("sentencizer")  # doctest: +ELLIPSIS
        <...>
        >>> count = lambda doc, part: DocResult(part, merges=({"tokens": str(len(doc))},))
        >>> [r.merges for r in parse_in_parts(nlp, [Document("d", "One two. Three four.")], count, max_chars=12)]
        [({'tokens': '3'}, {'tokens': '3'})]
    """
    limit = max(1, min(max_chars, nlp.max_length))
    split = [split_long(d, limit, max_run=max_run) for d in documents]
    docs = iter(nlp.pipe((part.text for parts in split for _, part in parts), batch_size=max(len(documents), 1)))
    return [_analyze_parts(document, parts, docs, analyze) for document, parts in zip(documents, split)]


def _analyze_parts(
    document: Document, parts: list[tuple[int, Document]], docs: Iterator[Any], analyze: Callable[[Any, Document], DocResult]
) -> DocResult:
    if len(parts) == 1 and parts[0] == (0, document):
        return analyze(next(docs), document)
    results = []
    for offset, part in parts:
        doc = next(docs)
        results.append(PartResult(offset, sum(1 for _ in doc.sents), analyze(doc, part)))
    return merge_results(document, results)
