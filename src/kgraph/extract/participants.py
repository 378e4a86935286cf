"""Who acts and who is acted upon: subjects, objects and the mentions of actors.

Subjects come from ``nsubj``, a passive ``by`` agent, the antecedent of a relative
clause, or are inherited along ``xcomp``/``conj``/participle chains ("agreed to
cooperate", "attacked and killed"). Objects are direct, dative and prepositional
objects ("sanctions on X", "met with X") and the subject of a passive. Only actor-like
tokens (named entities, pronouns, actor nouns) become participants; a non-actor object
is searched for an actor inside it ("sanctions on North Korea's exports" → North Korea).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kgraph.doccache import (
    child_deps,
    children,
    children_by_dep,
    entity_of,
    first_child,
    newline_between,
    subtree,
    token_memo,
)
from kgraph.extract.lists import listed_owners, with_conjuncts
from kgraph.extract.words import (
    ACTOR_ENTS,
    NUMERIC_ENTS,
    OBJECT_CONTROL,
    PRONOUNS,
    QUANTIFIERS,
    RECIPIENT_PREPS,
    RELATIVE_PRONOUNS,
    actor_nouns,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = [
    "across_paragraphs",
    "actor_spans",
    "direct_objects",
    "entity_of",
    "find_actor",
    "governing_verb",
    "headline_passive",
    "hyphen_agent",
    "is_actor",
    "objects",
    "prep_objects",
    "subjects",
]

_SUBJ = ("nsubj", "nsubjpass", "csubj")
_CLAUSE = frozenset({"relcl", "ccomp", "advcl", "parataxis", "acl", "xcomp", "conj", "csubj", "appos"})
_MAX_SPAN = 9
#: Prepositions of time and circumstance: "during the war" is not the verb's subject's war.
_CIRCUMSTANCE_PREPS = frozenset(
    {"during", "before", "after", "since", "until", "amid", "amidst", "despite", "following", "ahead", "throughout"}
)
_CIRCUMSTANCE_NOUNS = frozenset({"event", "case", "wake", "aftermath", "face", "run", "eve", "midst"})
#: "warned X against doing", "barred X from doing": X does it.
_OBJECT_CONTROL_PREPS = frozenset({"against", "from"})
_MODIFIERS = frozenset({"compound", "amod", "poss", "nmod", "nummod", "det", "quantmod"})
#: Verbs that always take a person as object: with a subject but no object and no auxiliary,
#: their past form is a headline passive ("Several people killed as...", "Holmes sentenced to...").
_PATIENT_ONLY = frozenset(
    {"kill", "arrest", "detain", "jail", "imprison", "sentence", "kidnap", "abduct", "injure", "wound",
     "execute", "deport", "shoot", "stab", "torture", "convict", "indict", "expel", "downgrade",
     "assassinate", "behead", "murder", "slay", "extradite", "abandon", "maim"}
)  # fmt: skip


def _modifier_entities(token: Token) -> tuple[Token, ...]:
    """NORP/GPE/ORG entity tokens that modify a noun ("Israeli soldiers", "Iran's army")."""
    memo, key = token_memo(token.doc), ("_modifier_entities", token.i)
    found = memo.get(key)
    if found is None:
        found = memo[key] = tuple(
            c
            for c in children(token)
            if c.dep_ in ("amod", "compound", "poss", "nmod") and c.ent_type_ in ACTOR_ENTS
        )
    return found


def is_actor(token: Token) -> bool:
    """Tell whether ``token`` heads a mention of an actor.

    Named entities of actor types, personal pronouns, actor nouns ("officials", "police")
    and nouns with a national modifier ("Israeli tanks") are actors.
    """
    if token.ent_type_ in ACTOR_ENTS:
        return True
    if token.pos_ == "PRON" or token.tag_ in ("PRP", "PRP$"):
        return token.text.lower() in PRONOUNS and token.dep_ != "expl"
    if token.pos_ == "PROPN" and not token.ent_type_:  # a name the recogniser missed ("Ethopia")
        return token.text[:1].isupper()
    if token.pos_ not in ("NOUN", "PROPN") or token.ent_type_:
        return False
    return token.lemma_.lower() in actor_nouns() or bool(_modifier_entities(token))


def _noun_span(token: Token) -> tuple[int, int]:
    lefts = [c.i for c in token.lefts if c.dep_ in _MODIFIERS]
    start = min(lefts, default=token.i)
    for child in token.lefts:  # take the whole subtree of a left modifier ("South Korean")
        if child.i == start:
            start = min(t.i for t in subtree(child))
    end = token.i + 1
    for prep in (c for c in token.rights if c.dep_ == "prep" and c.text.lower() in ("of", "from", "in")):
        pobj = first_child(prep, ("pobj",))  # "supporters of X"
        last = max(t.i for t in subtree(prep)) + 1
        if pobj is not None and pobj.ent_type_ in ACTOR_ENTS and last - start <= _MAX_SPAN:
            end = last
        break
    return start, end


def actor_spans(token: Token) -> tuple[tuple[int, int, str], ...]:
    """Return the token spans ``(start, end, label)`` of the actor(s) headed by ``token``.

    A named entity gives its span; a pronoun ``PRON``; a noun phrase ``NOUN``. Conjoined
    national modifiers give one actor each ("Hungarian and Romanian officials" →
    "Hungarian", "Romanian"), PLOVER-style compound actors. Computed once per token.
    """
    memo, key = token_memo(token.doc), ("actor_spans", token.i)
    found = memo.get(key)
    if found is None:
        found = memo[key] = tuple(_actor_spans(token))
    return found


def _actor_spans(token: Token) -> list[tuple[int, int, str]]:
    ent = entity_of(token)
    if ent is not None and ent.label_ not in NUMERIC_ENTS and not _holds_its_verb(ent, token):
        return [(ent.start, ent.end, ent.label_)]
    if token.pos_ == "PRON" or token.tag_ in ("PRP", "PRP$"):
        return [(token.i, token.i + 1, "PRON")]
    mods = _modifier_entities(token)
    conj = [c for m in mods for c in m.conjuncts if c.ent_type_ in ACTOR_ENTS]
    if mods and (conj or token.lemma_.lower() not in actor_nouns()):  # "North Korea's exports"
        spans = [entity_of(t) for t in (*mods, *conj)]
        return sorted({(s.start, s.end, s.label_) for s in spans if s is not None})
    listed = listed_owners(token)
    if listed:  # "leaders from Germany, Canada and Japan": one actor a country, as coders write them
        return listed
    start, end = _noun_span(token)
    return [(start, end, "NOUN")]


def _holds_its_verb(ent: Span, token: Token) -> bool:
    """The entity runs over the verb that governs ``token``: a title-case headline misread as a name
    ("Leader Seeks Accord With China": "Seeks Accord" is no person), so it is not the actor's span."""
    head = token.head
    return head is not token and head.pos_ in ("VERB", "AUX") and ent.start <= head.i < ent.end


def _antecedent(token: Token, verb: Token) -> Token:
    """The noun a relative pronoun stands for ("the man who attacked" → man)."""
    if token.text.lower() in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return verb.head
    return token


def _misparsed_passive(verb: Token) -> bool:
    """ "He's tried other things": a "passive" verb with a direct object is an active perfect."""
    return "dobj" in child_deps(verb) and "nsubjpass" in child_deps(verb)


def headline_passive(verb: Token) -> bool:
    """A past form with a subject, no object and no auxiliary of a verb that needs an object:
    a passive with "was" left out, as headlines do ("Argentina downgraded by Fitch").

    The subject is the one acted upon; a ``by`` phrase names the doer.
    """
    if verb.lemma_.lower() not in _PATIENT_ONLY or verb.tag_ not in ("VBN", "VBD"):
        return False
    if verb.dep_ not in ("ROOT", "ccomp", "parataxis") or not any(c.dep_ == "nsubj" for c in verb.children):
        return False
    if any(c.dep_ in ("aux", "auxpass", "nsubjpass", "dative") for c in verb.children):
        return False
    if any(c.dep_ == "conj" and c.pos_ == "VERB" for c in verb.children):
        return False  # "Police arrested and beat protesters": the object is shared
    nominal = ("NOUN", "PROPN", "PRON", "NUM")
    objects = [c for c in verb.children if c.dep_ in ("dobj", "oprd") and c.pos_ in nominal]
    return not objects and not any(is_actor(t) for _, t in prep_objects(verb))


def _agents(verb: Token) -> list[Token]:
    """The objects of a passive's ``by`` phrase (the parser may call it ``agent`` or ``prep``)."""
    deps = ("agent", "prep") if headline_passive(verb) else ("agent",)
    by = [c for c in verb.children if c.dep_ in deps and c.text.lower() == "by"]
    return [g for c in by for g in c.children if g.dep_ == "pobj"]


def _own_subjects(verb: Token) -> list[Token]:
    if headline_passive(verb):
        return with_conjuncts(_agents(verb))
    deps = ("nsubj", "csubj", "nsubjpass") if _misparsed_passive(verb) else ("nsubj", "csubj")
    found = [c for c in children_by_dep(verb, deps) if not across_paragraphs(verb, c)]
    if _passive(verb):
        found += _agents(verb)
    return with_conjuncts([_antecedent(t, verb) for t in found])


def across_paragraphs(verb: Token, subject: Token) -> bool:
    """A headline parsed together with the paragraph after it: "Obama Says ...\n\nWASHINGTON -- ..."."""
    start, end = sorted((verb.i, subject.i))
    return newline_between(verb.doc, start, end)  # no Token built: "\n" in t.text for t in doc[start:end]


def _passive(verb: Token) -> bool:
    """A real passive: "was attacked by", "killed by" (not "followed by a launch" after "and")."""
    return not {"auxpass", "nsubjpass"}.isdisjoint(child_deps(verb)) or verb.dep_ in (
        "acl",
        "relcl",
        "advcl",
    )


def _controller(verb: Token) -> list[Token]:
    """The subject an infinitive or participle inherits from the word it depends on."""
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_.lower() in OBJECT_CONTROL:
        objs = children_by_dep(head, ("dobj", "dative"))
        if objs:
            return with_conjuncts(objs)
    if verb.dep_ == "conj" and "nsubjpass" in child_deps(head):
        return with_conjuncts(children_by_dep(head, ("nsubjpass",)))  # "was indicted and will resign"
    if _bare_passive_participle(verb):  # "would retaliate if attacked": the army is attacked
        return []
    if verb.dep_ in ("xcomp", "conj", "advcl", "acomp", "ccomp") and head.pos_ in ("VERB", "AUX", "ADJ"):
        if verb.dep_ == "ccomp" and verb.tag_ not in ("VB", "VBG"):
            return []
        return subjects(head)
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        objs = children_by_dep(head.head, ("dobj", "dative"))
        if head.text.lower() in _OBJECT_CONTROL_PREPS and objs:  # "warned the West against sending"
            return with_conjuncts(objs)
        if head.text.lower() == "as" and not _own_subjects(head.head):  # "Kerry is quoted as saying"
            return with_conjuncts(children_by_dep(head.head, ("nsubjpass",)))
        return subjects(head.head)  # "showed his tough side by urging..." → the shower
    if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBG":
        if not is_actor(head) and head.dep_ in ("dobj", "attr") and head.head.pos_ == "VERB":
            return subjects(head.head)  # "issued a declaration demanding..." → the issuer
        return [head]
    return []


def _bare_passive_participle(verb: Token) -> bool:
    """An adverbial past participle with no subject of its own ("if attacked", "asked about it, he...")."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBN" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in children(verb)
    )


def subjects(verb: Token) -> list[Token]:
    """Return the tokens that head the subject(s) of a predicate, compound subjects included."""
    own = _own_subjects(verb)
    if own:
        return own
    if "nsubjpass" in child_deps(verb) or headline_passive(verb):
        return []
    return _hung_apposition(verb) or _controller(verb)


def _hung_apposition(verb: Token) -> list[Token]:
    """A finite verb's subject the parser hung on an earlier noun as its apposition: "...of Russia's
    invasion, Ukraine's prosecutor general's office said" (the office an apposition of the invasion),
    "..., an official in Kabul said Thursday". The apposition ends right before the verb."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i == 0 or verb.dep_ not in ("ROOT", "conj"):
        return []
    before = verb.doc[verb.i - 1]
    appos = next((t for t in (before, *before.ancestors) if t.dep_ == "appos"), None)
    if appos is None or appos.right_edge.i != verb.i - 1 or appos.head.i >= appos.i or appos.head.i < verb.sent.start:
        return []
    return [appos]


def direct_objects(verb: Token) -> list[Token]:
    """Direct and dative objects, the subject of a passive, the noun a passive participle modifies."""
    deps = ("dobj", "dative", "oprd") if _misparsed_passive(verb) else ("dobj", "dative", "nsubjpass", "oprd")
    found = [_antecedent(c, verb) for c in children(verb) if c.dep_ in deps]
    if headline_passive(verb):
        found += [c for c in children(verb) if c.dep_ == "nsubj"]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "civilians killed by troops" → civilians
        found.append(verb.head)
    if _bare_passive_participle(verb) and verb.head.pos_ in ("VERB", "AUX"):
        found += [t for t in subjects(verb.head) if t not in found]
    return with_conjuncts(found)


def prep_objects(token: Token, preps: frozenset[str] = RECIPIENT_PREPS) -> Iterator[tuple[str, Token]]:
    """Yield ``(preposition, object)`` for the prepositional objects of ``token``."""
    for child in children(token):
        if child.dep_ in ("prep", "dative") and child.text.lower() in preps:
            for pobj in children(child):
                if pobj.dep_ == "pobj":
                    for t in with_conjuncts([pobj]):
                        yield child.text.lower(), t
        elif child.dep_ == "agent":
            continue


def objects(verb: Token) -> list[Token]:
    """Return the object heads of a predicate: direct and dative first, then prepositional."""
    found = direct_objects(verb)
    found += [t for _, t in prep_objects(verb) if t not in found]
    for prt in children_by_dep(verb, ("prt",)):
        found += [t for _, t in prep_objects(prt) if t not in found]
    return found


def _quantified(token: Token) -> Token | None:
    if token.lemma_.lower() not in QUANTIFIERS:
        return None
    for prep in (c for c in children(token) if c.dep_ == "prep" and c.text.lower() == "of"):
        for pobj in children_by_dep(prep, ("pobj",)):
            if is_actor(pobj):
                return pobj
    return None


def find_actor(token: Token, *, depth: int = 3) -> Token | None:
    """Return ``token`` if it is an actor, else the first actor inside its phrase.

    The search follows modifiers and prepositional objects but does not enter clauses:
    "sanctions directing on North Korea's mineral exports" → North Korea.
    """
    inner = _quantified(token)
    if inner is not None:  # "scores of refugees", "a group of diplomats" → refugees, diplomats
        return inner
    if is_actor(token):
        return token
    if depth == 0:
        return None
    for child in sorted(children(token), key=lambda c: c.i):
        if child.dep_ in _CLAUSE and child.dep_ != "acl":
            continue
        if child.dep_ in ("det", "punct", "cc", "case", "neg") or child.tag_ == "PRP$":
            continue  # "visited her grandmother" is not a visit to "her"
        if child == hyphen_agent(token):
            continue  # "signed a US-brokered deal": the US is no party to the deal
        found = find_actor(child, depth=depth - 1)
        if found is not None:
            return found
    return None


def hyphen_agent(participle: Token) -> Token | None:
    """The doer written before a hyphen in a participle modifying a noun: "US-brokered deal" → US."""
    if participle.dep_ != "amod" or participle.tag_ != "VBN" or participle.i < 2:
        return None
    if participle.doc[participle.i - 1].text != "-":
        return None
    return next((c for c in children(participle) if c.dep_ == "npadvmod" and c.i < participle.i), None)


def _in_circumstance(token: Token) -> bool:
    """ "in the event of an offensive", "in the wake of the attack": an event named as a circumstance."""
    prep = token.head
    return token.dep_ == "pobj" and prep.text.lower() == "of" and prep.head.lemma_.lower() in _CIRCUMSTANCE_NOUNS


def governing_verb(noun: Token) -> Token | None:
    """The verb whose object (or prepositional object) a noun is, through lists and "such as".

    Not through a time or circumstance ("during the civil war", "in the event of an
    offensive"): the verb's subject did not do that event.
    """
    token = noun
    while (
        token.dep_ in ("dobj", "pobj", "prep", "agent", "conj", "appos", "attr", "oprd")
        and token.head != token
    ):
        if token.dep_ == "prep" and token.text.lower() in _CIRCUMSTANCE_PREPS:
            return None
        if _in_circumstance(token):
            return None
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None
