"""Coreference rules for names: tables, demonyms, capitals, acronyms, surnames, short forms.

Each rule takes the state and a name item and returns ``(cluster, rule, evidence)`` or None.
"""

from __future__ import annotations

from collections.abc import Iterator

from kgraph.link.clusters import (
    Cluster,
    Decision,
    Rule,
    State,
    compatible,
    country_decision,
    display_label,
    known_cluster,
)
from kgraph.link.items import Item
from kgraph.link.names import is_acronym, looks_like_acronym, name_key
from kgraph.link.tables import Tables

__all__ = ["NAME_RULES"]


def _by_table(state: State, item: Item) -> Decision | None:
    if item.ner == "NORP" and state.tables.demonym(item.key):
        return None
    known = state.tables.lookup(item.key)
    if known is None or (known.type == "COUNTRY" and item.ner == "PERSON"):
        return None
    label_key = name_key(known.label)
    if any(state.tables.blocked(item.key, n) for c in state.clusters if label_key == c.key for n in c.names):
        return None
    if item.key == label_key:
        return known_cluster(state, known, item), "", ""  # the name itself: nothing to review
    evidence = f"{item.mention.text!r} is {known.label!r} in {known.source}"
    return known_cluster(state, known, item), "table", evidence


def _by_demonym(state: State, item: Item) -> Decision | None:
    code = state.tables.demonym(item.key) if item.ner == "NORP" and item.participant else None
    return country_decision(state, code, item, "demonym", lambda k: f"{item.mention.text!r} acts for {k.label}")


def _by_capital(state: State, item: Item) -> Decision | None:
    code = state.tables.capital(item.key) if item.ner == "GPE" and item.agent else None
    return country_decision(
        state, code, item, "capital-as-agent", lambda k: f"{item.mention.text!r} acts: the capital stands for {k.label}"
    )


def _by_same_name(state: State, item: Item) -> Decision | None:
    found = next((c for c in state.clusters if c.scope != "mention" and item.key in c.names), None)
    return (found, "", "") if found is not None else None


def _by_acronym_definition(state: State, item: Item) -> Decision | None:
    target = state.cluster_at(item.acronym_of)
    if target is None or any(state.tables.blocked(item.key, n) for n in target.names):
        return None
    return (
        target,
        "acronym-definition",
        f"{item.mention.text!r} is defined in parentheses after {target.label!r}",
    )


def _by_acronym(state: State, item: Item) -> Decision | None:
    if item.ner not in ("ORG", "GPE", "NORP"):
        return None
    for cluster in reversed(state.clusters):
        if cluster.type in ("ORGANIZATION", "COUNTRY") and _acronym_pair(item.mention.text, cluster):
            if not any(state.tables.blocked(item.key, n) for n in cluster.names):
                return cluster, "acronym", f"{item.mention.text!r} is the acronym of {cluster.label!r}"
    return None


def _acronym_pair(text: str, cluster: Cluster) -> bool:
    names = [i.mention.text for i in cluster.items if i.kind == "NAME"]
    if looks_like_acronym(text):
        return any(is_acronym(text, n) for n in (cluster.label, *names))
    return any(is_acronym(n, text) for n in names)


def _surname_of(tables: Tables, full: str) -> str:
    words = full.split()
    return words[0] if words[0] in tables.family_first else words[-1]


def _salience(cluster: Cluster) -> int:
    return len(cluster.items)


def _people_for(state: State, item: Item) -> Iterator[Cluster]:
    """The people of the article (global person clusters) whose gender ``item`` agrees with."""
    return (c for c in state.clusters if c.type == "PERSON" and c.scope == "global" and compatible(c, item))


def _by_surname(state: State, item: Item) -> Decision | None:
    if " " in item.key or item.ner not in ("PERSON", "ORG", "GPE", "NORP", ""):
        return None  # "" is a proper name the NER model did not tag ("Yellen warned")
    if item.ner != "PERSON" and (
        state.tables.lookup(item.key) or state.tables.capital(item.key) or state.tables.demonym(item.key)
    ):
        return None
    owners = [
        c
        for c in _people_for(state, item)
        if any(_surname_of(state.tables, n) == item.key for n in c.full_names)
        and not any(state.tables.blocked(item.key, n) for n in c.names)
    ]
    if not owners:
        return None
    ranked = sorted(owners, key=lambda c: (_salience(c), max(i.start for i in c.items)), reverse=True)
    if len(ranked) > 1 and _salience(ranked[0]) < 2 * _salience(ranked[1]):
        return None  # two people share the surname and neither dominates: leave it alone
    best = ranked[0]
    evidence = f"{item.mention.text!r} is the surname of {best.label!r}"
    if len(ranked) > 1:
        evidence += (
            f" ({_salience(best)} mentions so far) rather than {ranked[1].label!r} ({_salience(ranked[1])})"
        )
    return best, "surname", evidence


def _by_name_suffix(state: State, item: Item) -> Decision | None:
    """ "Kilroy-Silk" after "Robert Kilroy-Silk": a multi-word name ending the one full name it ends."""
    words = item.key.split()
    if item.ner != "PERSON" or len(words) < 2:
        return None
    owners = [
        c
        for c in _people_for(state, item)
        if any(len(n.split()) > len(words) and n.split()[-len(words) :] == words for n in c.full_names)
    ]
    if len(owners) != 1 or any(state.tables.blocked(item.key, n) for n in owners[0].names):
        return None
    return owners[0], "name-suffix", f"{item.mention.text!r} ends the full name {owners[0].label!r}"


def _absorb_surname(state: State, item: Item) -> Decision | None:
    """A full name after its bare surname ("Blair ... Tony Blair"): the surname cluster becomes it."""
    if item.ner != "PERSON" or " " not in item.key:
        return None
    surname = _surname_of(state.tables, item.key)
    if any(
        c.type == "PERSON"
        and c.scope == "global"
        and any(_surname_of(state.tables, n) == surname for n in c.full_names)
        for c in state.clusters
    ):
        return None
    early = next(
        (
            c
            for c in state.clusters
            if c.scope == "doc"
            and c.type == "PERSON"
            and c.key == surname
            and compatible(c, item)
            and not state.tables.blocked(c.key, item.key)
        ),
        None,
    )
    if early is None:
        return None
    early.key, early.label, early.scope = item.key, display_label(item), "global"
    return (
        early,
        "surname-before-full-name",
        f"{early.items[0].mention.text!r} came before {item.mention.text!r}",
    )


def _by_short_form(state: State, item: Item) -> Decision | None:
    if item.ner != "ORG":
        return None
    words = item.key.split()
    for cluster in state.clusters:
        for name in cluster.names:
            longer = name.split()
            if len(longer) > len(words) and longer[: len(words)] == words and longer[len(words)] == "of":
                return cluster, "short-form", f"{item.mention.text!r} is the start of {cluster.label!r}"
    return None


def _by_elliptic_country(state: State, item: Item) -> Decision | None:
    if item.key not in ("north", "south") or item.ner not in ("LOC", "GPE", "NORP", "ORG"):
        return None
    prefix = item.key + " "
    codes = {c for c in _countries_in(state) if name_key(state.tables.countries[c].label).startswith(prefix)}
    if len(codes) != 1:
        return None
    why = f"{item.mention.text!r}: the only {prefix.strip()}ern country in the article is "
    return country_decision(state, codes.pop(), item, "elliptic-country", lambda k: why + k.label)


def _countries_in(state: State) -> set[str]:
    codes = set()
    for i in state.items:
        if i.kind == "NAME":
            known = state.tables.lookup(i.key)
            code = known.country if known and known.type == "COUNTRY" else state.tables.demonym(i.key)
            if code in state.tables.countries:
                codes.add(code)
    return codes


NAME_RULES: tuple[Rule, ...] = (
    _by_acronym_definition,
    _by_demonym,
    _by_capital,
    _by_table,
    _by_same_name,
    _by_acronym,
    _by_surname,
    _by_name_suffix,
    _absorb_surname,
    _by_short_form,
    _by_elliptic_country,
)
