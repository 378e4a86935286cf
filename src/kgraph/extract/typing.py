"""Event typing with the lexicon: the most specific pattern that matches wins.

For a verb the order is: verb + particle ("back down"), verb + object noun ("passed
sanctions", also a light verb with an event noun: "staged a protest"), verb +
preposition ("call for"), the verb alone. For a noun: modifier + noun ("nuclear test"),
then the noun alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kgraph.doccache import (
    child_deps,
    children,
    children_by_dep,
    token_lemma,
    token_lower,
    token_memo,
    token_pos,
    token_tag,
)
from kgraph.extract.lexicon import Entry, Lexicon
from kgraph.extract.words import LIGHT_VERBS
from kgraph.model import fast_init

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["Typed", "type_noun", "type_verb"]


@fast_init
@dataclass(frozen=True, slots=True)
class Typed:
    """A lexicon match: the entry, the trigger tokens, the relation and how specific it was.

    Attributes:
        entry: ``(type, cameo_root)``.
        tokens: The trigger's tokens ("passed", "sanctions").
        relation: Lemmatised predicate ("pass sanction").
        specific: 2 for a two-word pattern, 1 for one word.
        noun: The object noun that carries the event, when there is one.
    """

    entry: Entry
    tokens: tuple[Token, ...]
    relation: str
    specific: int = 1
    noun: Token | None = None


_QUANTITY_PREPS = frozenset({"of"})
_NOUN_PREPS = frozenset({"on", "to", "into"})
#: Prepositions of the channel a verb works through ("spoke by phone": CAMEO 041 discuss by telephone).
_CHANNEL_PREPS = frozenset({"by", "over"})
#: Nouns that take their event from a compound ("a mediation effort", "a bombing campaign").
_GENERIC_NOUNS = frozenset(
    {
        "effort",
        "campaign",
        "operation",
        "plan",
        "programme",
        "program",
        "mission",
        "drive",
        "initiative",
        "wave",
        "series",
        "round",
        "process",
        "action",
        "move",
    }
)


def _lemma(token: Token) -> str:
    return token_lemma(token.doc)[token.i]  # token.lemma_.lower(), from the Doc's column


def verb_lemmas(token: Token) -> list[str]:
    """Candidate lemmas of a verb: the parser's, then simple de-inflections ("staged" → "stage").

    The statistical lemmatiser errs on rare verbs ("staged" → "stag"); the lexicon is tried
    with each candidate in turn.
    """
    doc, i = token.doc, token.i  # the Doc's columns: no strings decoded from the Token
    word, tag, out = token_lower(doc)[i], token_tag(doc)[i], [token_lemma(doc)[i]]
    if tag in ("VBD", "VBN") and word.endswith("ed"):
        out += [word[:-1], word[:-2], word[:-3] if word[-3:-2] == word[-4:-3] else word[:-2]]
    elif tag == "VBZ" and word.endswith("s"):
        out += [word[:-1], word[:-2]]
    elif tag == "VBG" and word.endswith("ing"):
        out += [word[:-3], word[:-3] + "e"]
    return list(dict.fromkeys([*out, word]))


def _object_nouns(verb: Token) -> Iterator[Token]:
    for child in children(verb):
        if child.dep_ in ("dobj", "nsubjpass", "attr", "oprd") and child.pos_ in ("NOUN", "PROPN", "X"):
            yield child
            preps = (c for c in children(child) if c.dep_ == "prep" and c.text.lower() in _QUANTITY_PREPS)
            for prep in preps:
                yield from (g for g in children(prep) if g.dep_ == "pobj" and g.pos_ == "NOUN")
    for child in children(verb):  # "spoke to him by phone", "talked over the telephone": the channel
        if child.dep_ == "prep" and child.text.lower() in _CHANNEL_PREPS:
            yield from (g for g in children(child) if g.dep_ == "pobj" and g.pos_ == "NOUN")
    if "dobj" in child_deps(verb):
        return  # "impose an end to the fighting": the object, not "to", carries the event
    for child in children(verb):  # "go on strike", "take to the streets", "set fire to"
        if child.dep_ == "prep" and child.text.lower() in _NOUN_PREPS:
            yield from (g for g in children(child) if g.dep_ == "pobj" and g.pos_ == "NOUN")


def _phrase(verb: Token, lemma: str, lexicon: Lexicon, nouns: list[Token]) -> Typed | None:
    for noun in nouns:
        entry = lexicon.lookup(lemma, _lemma(noun))
        if entry:
            return Typed(entry, (verb, noun), f"{lemma} {_lemma(noun)}", 2, noun)
    for prt in children_by_dep(verb, ("prt",)):
        entry = lexicon.lookup(lemma, _lemma(prt))
        if entry:
            return Typed(entry, (verb, prt), f"{lemma} {_lemma(prt)}", 2)
    for noun in nouns if lemma in LIGHT_VERBS else ():
        entry = noun_entry(noun, lexicon)
        if entry:
            return Typed(entry, (verb, noun), f"{lemma} {_lemma(noun)}", 2, noun)
    for prep in children_by_dep(verb, ("prep", "agent")):
        entry = lexicon.lookup(lemma, prep.text.lower())
        if entry:
            return Typed(entry, (verb, prep), f"{lemma} {prep.text.lower()}", 2)
    return None


def type_verb(verb: Token, lexicon: Lexicon) -> Typed | None:
    """Return the lexicon match of a verb predicate, or ``None`` when it is not an event verb.

    Computed once per token and lexicon (frames, nouns and complements ask for the same verb).
    """
    memo, key = token_memo(verb.doc), ("type_verb", verb.i)
    found = memo.get(key)
    if found is not None and found[0] is lexicon:  # the memo holds the lexicon: its id is not reused
        return found[1]  # type: ignore[no-any-return]
    typed = _type_verb(verb, lexicon)
    memo[key] = (lexicon, typed)
    return typed


def _type_verb(verb: Token, lexicon: Lexicon) -> Typed | None:
    heads = lexicon.verb_heads  # a lemma no pattern starts with matches only as a light verb
    lemmas = [lemma for lemma in verb_lemmas(verb) if lemma in heads or lemma in LIGHT_VERBS]
    if not lemmas:
        return None
    nouns = list(_object_nouns(verb))
    for lemma in lemmas:
        typed = _phrase(verb, lemma, lexicon, nouns)
        if typed is not None:
            return typed
    for lemma in lemmas:
        entry = lexicon.lookup(lemma)
        if entry:
            return Typed(entry, (verb,), lemma)
    return None


def noun_entry(noun: Token, lexicon: Lexicon) -> Entry | None:
    """Return the entry of an event noun, preferring ``modifier noun`` patterns."""
    doc, i = noun.doc, noun.i  # words, lemmas, labels and tags from the Doc's columns
    lemma, word = token_lemma(doc)[i], token_lower(doc)[i]
    heads = lexicon.noun_heads
    if lemma not in heads and lemma not in _GENERIC_NOUNS and word not in lexicon.nouns:
        return None  # no pattern below can match
    mods = list(zip(children(noun), child_deps(noun)))
    for mod, dep in mods:
        if dep in ("amod", "compound", "nmod") and mod.i < i:
            entry = lexicon.noun(lemma, _lemma(mod))
            if entry:
                return entry
    if word != lemma and lexicon.noun(word):  # "talks" whose lemma is "talk"
        return lexicon.noun(word)
    if lemma in _GENERIC_NOUNS:
        for mod in (c for c, d in mods if d == "compound" and token_pos(doc)[c.i] == "NOUN"):
            return lexicon.noun(_lemma(mod))
    return lexicon.noun(lemma)


def type_noun(noun: Token, lexicon: Lexicon) -> Typed | None:
    """Return the lexicon match of an event noun ("protests", "a nuclear test")."""
    if token_pos(noun.doc)[noun.i] != "NOUN" or noun.ent_type_:
        return None
    entry = noun_entry(noun, lexicon)
    if entry is None:
        return None
    mods = [c for c, d in zip(children(noun), child_deps(noun)) if d in ("amod", "compound") and c.i < noun.i]
    specific = 2 if any(lexicon.noun(_lemma(noun), _lemma(m)) for m in mods) else 1
    tokens = tuple(sorted([*mods, noun], key=lambda t: t.i)) if specific == 2 else (noun,)
    return Typed(entry, tokens, _lemma(noun), specific, noun)
