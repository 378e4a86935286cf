"""Read what coreference needs from a parsed Doc: one :class:`Item` per referring expression.

This is the only module of ``link`` that touches spaCy objects. Items are plain values:
names (entities), nominals (event participants, appositives, "the <demonym> <title>"),
and third-person pronouns, each with its sentence, grammatical role and the bindings
the syntax gives (apposition, premodifying titles, a parenthesised acronym, a possessor).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kgraph.doccache import (
    children_by_dep,
    doc_ents,
    doc_tokens,
    entity_of,
    first_child,
    sent_indices,
    span_ents,
    span_text,
    subtree,
    token_dep,
    token_head,
    token_lemma,
    token_lower,
    token_pos,
    token_tag,
    token_text,
)
from kgraph.link.names import looks_like_acronym, name_key
from kgraph.link.tables import Tables
from kgraph.model import Event, Mention, fast_init, replace

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "NAME_LABELS",
    "PRONOUNS",
    "STATE_NOUNS",
    "Bindings",
    "Item",
    "name_item",
    "noun_item",
    "pronoun_item",
    "read_items",
]

#: Entity labels that name actors.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
#: Third-person pronouns and their (gender, plural) features.
PRONOUNS: dict[str, tuple[str, bool]] = {
    **dict.fromkeys(("he", "him", "his", "himself"), ("m", False)),
    **dict.fromkeys(("she", "her", "hers", "herself"), ("f", False)),
    **dict.fromkeys(("it", "its", "itself"), ("n", False)),
    **dict.fromkeys(("they", "them", "their", "theirs", "themselves"), ("", True)),
}
_EVENT_NOUNS = frozenset(
    {"congress", "meeting", "summit", "conference", "session", "plenum", "convention", "election"}
)
_SUBJECT = frozenset({"nsubj", "nsubjpass", "csubj"})
#: Nouns that stand for a state when a demonym or a state's possessor goes with them.
STATE_NOUNS = frozenset(
    {
        "government",
        "administration",
        "regime",
        "authority",
        "authorities",
        "official",
        "leadership",
        "ministry",
        "diplomat",
        "minister",
    }
)
#: Character offsets (start, end) of an item.
Span_ = tuple[int, int]
#: Participant span → span of the item it was read as.
Bindings = dict[Span_, Span_]


@fast_init
@dataclass(frozen=True, slots=True)
class Item:
    """A referring expression and the features coreference rules read.

    Attributes:
        mention: Where it is and what it says.
        kind: ``NAME``, ``NOUN`` or ``PRON``.
        ner: The entity label of a name (``PERSON``, ``ORG``...), else "".
        key: Name key without titles (names), head phrase key (nominals), the word (pronouns).
        head: Lemma of the head word (nominals), else "".
        sentence: Sentence index.
        subject: It is the subject of its clause.
        embedded: It is a possessive modifier or the object of a preposition.
        gender: ``m``, ``f``, ``n`` (it) or "" (unknown).
        plural: It is plural.
        titles: Title words bound to it ("leader") or, for a nominal, its own title head.
        nationality: Country code of a demonym bound to it ("North Korean leader Kim").
        bound: Span of the name it is bound to (apposition, "He (Kim Jong Un)").
        acronym_of: Span of the name this acronym is defined for ("... of Korea (WPK)").
        possessor: Span of its possessor ("his government" → his).
        agent: It is the acting side of an event.
        participant: It is a participant of an event (either side).
        modifier: A name used as a modifier ("Tory" in "Tory leader"), not as an actor.
        name: The name as written without leading titles or affiliations ("Liam Fox").
        descriptor: The role phrase bound to a name ("north korean leader"), key form.
        definite: A nominal with a definite or no determiner (indefinites start new actors).
    """

    mention: Mention
    kind: str
    ner: str = ""
    key: str = ""
    head: str = ""
    sentence: int = -1
    subject: bool = False
    embedded: bool = False
    gender: str = ""
    plural: bool = False
    titles: tuple[str, ...] = ()
    nationality: str | None = None
    bound: Span_ | None = None
    acronym_of: Span_ | None = None
    possessor: Span_ | None = None
    agent: bool = False
    participant: bool = False
    modifier: bool = False
    name: str = ""
    descriptor: str = ""
    definite: bool = True

    @property
    def start(self) -> int:
        return self.mention.start

    @property
    def span(self) -> Span_:
        return (self.mention.start, self.mention.end)


def read_items(doc: Doc, doc_id: str, events: Iterable[Event], tables: Tables) -> tuple[list[Item], Bindings]:
    """Return the items of a document in text order (longer first at equal starts).

    Args:
        doc: The parsed document.
        doc_id: The document id for mentions.
        events: Its events: every participant becomes (or joins) an item.
        tables: Titles and demonyms.

    Returns:
        The items, and for every participant span the span of the item it was read as.
    """
    from kgraph.link.participants import add_participants  # it builds items with this module's builders

    sentences = _sentence_of_tokens(doc)
    items: dict[tuple[int, int], Item] = {}
    for ent in _name_spans(doc):
        item = name_item(ent, doc_id, sentences, tables)
        items[(item.mention.start, item.mention.end)] = item
        state = _demonym_state(ent, tables)
        if state is not None:
            items.setdefault(
                (state.start_char, state.end_char), noun_item(state, doc_id, sentences, tables, state[-1])
            )
    for item in _appositives(doc, doc_id, sentences, tables, items):
        items.setdefault((item.mention.start, item.mention.end), item)
    tokens, lower, pos = doc_tokens(doc), token_lower(doc), token_pos(doc)
    for i in range(len(tokens)):
        if lower[i] in PRONOUNS and pos[i] == "PRON" and lower[i] != "it":
            token = tokens[i]
            items.setdefault((token.idx, token.idx + len(token)), pronoun_item(token, doc_id, sentences))
    heads, deps = token_head(doc), token_dep(doc)
    definite = {heads[i] for i in range(len(tokens)) if lower[i] == "the" and deps[i] == "det"}
    for i in range(len(tokens)):
        if pos[i] == "NOUN" and i in definite and _is_role_head(tokens[i], tables):
            token = tokens[i]
            span = doc[_np_start(token) : token.i + 1]
            items.setdefault((span.start_char, span.end_char), noun_item(span, doc_id, sentences, tables))
    bindings: Bindings = {}
    for event in events:
        add_participants(doc, event, doc_id, sentences, tables, items, bindings)
    return sorted(items.values(), key=lambda i: (i.mention.start, -i.mention.end)), bindings


def _sentence_of_tokens(doc: Doc) -> list[int]:
    """Sentence index of every token (computed once per Doc: ``token.sent`` is slow)."""
    return sent_indices(doc)


def _sent(token: Token, sentences: list[int]) -> int:
    return sentences[token.i]


def _name_spans(doc: Doc) -> list[Span]:
    """Entity spans that name actors; "Party Congress of the X" yields X, not the congress."""
    spans = []
    for ent in doc_ents(doc):
        if ent.label_ not in NAME_LABELS:
            continue
        inner = _event_complement(ent)
        spans.append(inner if inner is not None else ent)
    return spans


def _demonym_state(ent: Span, tables: Tables) -> Span | None:
    """ "South Korean government(-run)": a demonym and the state noun right after it."""
    doc = ent.doc
    if ent.label_ != "NORP" or ent.end >= len(doc) or not tables.demonym(name_key(ent.text)):
        return None
    return doc[ent.start : ent.end + 1] if doc[ent.end].lemma_.lower() in STATE_NOUNS else None


def _event_complement(ent: Span) -> Span | None:
    lower = token_lower(ent.doc)
    words = lower[ent.start : ent.end]
    if "of" not in words or not (set(words[: words.index("of")]) & _EVENT_NOUNS):
        return None
    start = ent.start + words.index("of") + 1
    if start < ent.end and lower[start] == "the":
        start += 1
    return ent.doc[start : ent.end] if start < ent.end else None


def name_item(ent: Span, doc_id: str, sentences: list[int], tables: Tables) -> Item:
    """The item of a name (an entity span, or a proper-noun span with an empty label)."""
    doc, label, written = ent.doc, ent.label_, _written(ent)
    words, titles, gender = _title_words(token_text(doc)[ent.start : ent.end], tables)
    while label == "PERSON" and len(words) > 2 and _affiliation(words[0], tables):
        words = words[1:]  # "Tory Liam Fox", "Lawyer Louise Christian": the name is the rest
    pre_titles, nationality, descriptor = _premodifiers(ent, tables)
    inner_titles = [t for t in titles if (tables.title(t) or ("", ""))[0] != "honorific"]
    root = ent.root
    dep = token_dep(doc)[root.i]  # the Doc's columns: no strings decoded from Tokens
    sentence = _sent(root, sentences)
    return Item(
        mention=Mention(doc_id, ent.start_char, ent.end_char, written, label, sentence),
        kind="NAME",
        ner=label,
        key=name_key(" ".join(words)) or name_key(written),
        sentence=sentence,
        subject=dep in _SUBJECT,
        embedded=dep in ("poss", "pobj") or written.endswith(("'s", "\u2019s")) or _poss_case(ent),
        gender=gender,
        plural=label == "NORP" and written.endswith("s"),
        titles=tuple(titles + pre_titles),
        nationality=nationality,
        acronym_of=_acronym_target(ent, written),
        modifier=label == "NORP"
        and dep in ("amod", "compound", "nmod")
        and token_pos(doc)[token_head(doc)[root.i]] in ("NOUN", "PROPN"),
        descriptor=descriptor or " ".join(inner_titles),
        name=_written(doc[ent.end - len(words) : ent.end]) if label == "PERSON" else "",
    )


def _written(span: Span) -> str:
    """``span.text``, sliced from the Doc's cached text."""
    return span_text(span.doc, span.start, span.end) if span.start < span.end else ""


def _title_words(words: list[str], tables: Tables) -> tuple[list[str], list[str], str]:
    """The words of a name without its leading titles, the titles' keys, and the gender they give."""
    titles, gender = [], ""
    while len(words) > 1:
        first = name_key(words[0])
        title = tables.title(first)
        if not title:
            break
        _, g = title
        titles.append(first)
        gender = g if g in "mf" and g != "-" else gender
        words = words[1:]
    return words, titles, gender


def _affiliation(word: str, tables: Tables) -> bool:
    """A word before a person's name that is a party, a demonym or a role, not part of the name."""
    key = name_key(word)
    known = tables.lookup(key)
    return bool(tables.demonym(key) or tables.role_noun(key) or (known and known.type == "ORGANIZATION"))


def _poss_case(ent: Span) -> bool:
    tags = token_tag(ent.doc)
    return ent.end < len(tags) and tags[ent.end] == "POS"


def _premodifiers(ent: Span, tables: Tables) -> tuple[list[str], str | None, str]:
    """Titles, a demonym and the whole role phrase right before a name: "North Korean leader Kim Jong Un"."""
    doc, titles, nationality = ent.doc, [], None
    tokens = doc_tokens(doc)
    i = ent.start - 1
    while (
        i >= 0
        and i >= ent.start - 6
        and tokens[i].pos_ in ("NOUN", "PROPN", "ADJ")
        and tokens[i].ent_type_ not in ("PERSON", "ORG")
    ):
        word = tokens[i].text.lower()
        pair = f"{tokens[i - 1].text.lower()} {word}" if i > 0 else ""
        if tables.title(pair):
            titles.append(pair)
        elif tables.title(word):
            titles.append(word)
        i -= 1
    modifiers = doc[i + 1 : ent.start]
    for sub in span_ents(modifiers) if len(modifiers) else ():
        nationality = nationality or tables.demonym(name_key(sub.text))
    if not titles:
        return [], None, ""
    return titles, nationality, name_key(modifiers.text)


def _acronym_target(ent: Span, written: str) -> Span_ | None:
    """Start of the name an acronym in parentheses follows: "Workers' Party of Korea (WPK)"."""
    doc = ent.doc
    if not looks_like_acronym(written) or ent.start < 2 or token_text(doc)[ent.start - 1] != "(":
        return None
    before = ent.start - 2
    for other in doc_ents(doc):
        if other.end - 1 == before and other.label_ in NAME_LABELS:
            inner = _event_complement(other)
            found = inner if inner is not None else other
            return (found.start_char, found.end_char)
    return None


def _appositives(doc: Doc, doc_id: str, sentences: list[int], tables: Tables, names: dict) -> list[Item]:
    """Nominals and pronouns bound to a name by apposition ("Cho Min, a former vice president")."""
    tokens, deps = doc_tokens(doc), token_dep(doc)
    if "appos" not in deps:
        return []
    spans = {(s, e): doc.char_span(s, e, alignment_mode="expand") for (s, e) in names}
    starts = {span.root.i: key for key, span in spans.items()}
    out = []
    for token in (tokens[i] for i in range(len(tokens)) if deps[i] == "appos"):
        a, b = token, token.head
        for name, other in ((a, b), (b, a)):
            if name.i in starts and other.i not in starts and _adjacent(spans[starts[name.i]], other):
                out.append(_bound(other, starts[name.i], doc_id, sentences, tables))
    return [i for i in out if i is not None]


def _adjacent(name: Span, noun: Token) -> bool:
    """Apposition is side by side: only punctuation between the name and the noun phrase
    ("Cho Min, a former vice president"; not "the son of the teenager Shamima Begum")."""
    doc = name.doc
    start = _np_start(noun) if noun.pos_ != "PRON" else noun.i
    gap = doc[name.end : start] if name.end <= start else doc[noun.i + 1 : name.start]
    return all(t.is_punct or t.pos_ == "PUNCT" for t in gap)


def _bound(token: Token, name_start: Span_, doc_id: str, sentences: list[int], tables: Tables) -> Item | None:
    if token.pos_ == "PRON" and token.text.lower() in PRONOUNS:
        return replace(pronoun_item(token, doc_id, sentences), bound=name_start)
    if token.pos_ != "NOUN":
        return None
    span = token.doc[_np_start(token) : token.i + 1]
    return replace(noun_item(span, doc_id, sentences, tables), bound=name_start)


def _np_start(token: Token) -> int:
    lefts = [c.i for c in token.lefts if c.dep_ in ("det", "amod", "compound", "poss", "nummod", "nmod")]
    start = min(lefts, default=token.i)
    for child in token.lefts:
        if child.i == start and child.dep_ in ("amod", "compound", "nmod", "poss"):
            start = min([start, *(t.i for t in subtree(child))])
    return start


def pronoun_item(token: Token, doc_id: str, sentences: list[int]) -> Item:
    gender, plural = PRONOUNS.get(token.text.lower(), ("x", False))
    mention = Mention(doc_id, token.idx, token.idx + len(token), token.text, "PRON", _sent(token, sentences))
    return Item(
        mention,
        "PRON",
        key=token.text.lower(),
        sentence=mention.sentence,
        subject=token.dep_ in _SUBJECT,
        embedded=token.dep_ in ("poss", "pobj"),
        gender=gender,
        plural=plural,
    )


def _is_role_head(token: Token, tables: Tables) -> bool:
    """ "the North Korean president", "the country": a definite role or country noun."""
    doc, i = token.doc, token.i  # the Doc's columns: no strings decoded from Tokens
    if token_pos(doc)[i] != "NOUN":
        return False
    lower = token_lower(doc)
    if not any(lower[c.i] == "the" for c in children_by_dep(token, ("det",))):
        return False
    lemma = token_lemma(doc)[i]
    return (tables.title(lemma) or ("", ""))[0] == "head" or lemma in ("country", "nation")


def noun_item(
    span: Span, doc_id: str, sentences: list[int], tables: Tables, root: Token | None = None
) -> Item:
    root = root if root is not None else span.root
    doc, start, end, r = span.doc, span.start, span.end, root.i  # read from the Doc's columns
    text, lower, deps, pos = token_text(doc), token_lower(doc), token_dep(doc), token_pos(doc)
    words = [
        text[i] for i in range(start, end) if deps[i] not in ("det", "poss", "case") and pos[i] != "PRON"
    ]
    nationality = next(
        (tables.demonym(name_key(e.text)) for e in span_ents(span) if tables.demonym(name_key(e.text))), None
    )
    possessor = first_child(root, ("poss",))
    head = token_lemma(doc)[r]
    indefinite = any(
        deps[i] == "det" and lower[i] in ("a", "an", "another", "some", "any", "one")
        for i in range(start, end)
    )
    title = tables.title(head)
    written = span_text(doc, start, end) if start < end else ""
    return Item(
        mention=Mention(doc_id, span.start_char, span.end_char, written, "NOUN", _sent(root, sentences)),
        kind="NOUN",
        key=name_key(" ".join(words)) or name_key(written),
        head=head,
        sentence=_sent(root, sentences),
        subject=deps[r] in _SUBJECT,
        embedded=deps[r] in ("poss", "pobj"),
        gender=title[1] if title and title[1] in "mf" and title[1] != "-" else "",
        plural=token_tag(doc)[r] in ("NNS", "NNPS"),
        titles=(head,) if title else (),
        nationality=nationality,
        possessor=_possessor_start(possessor) if possessor is not None else None,
        definite=not indefinite,
    )


def _possessor_start(token: Token) -> Span_:
    ent = entity_of(token)
    return (ent.start_char, ent.end_char) if ent is not None else (token.idx, token.idx + len(token))
