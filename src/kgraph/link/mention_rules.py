"""Coreference rules for nominals ("the North Korean president", "his government") and pronouns.

Each rule takes the state and an item and returns ``(cluster, rule, evidence)`` or None.
"""

from __future__ import annotations

from kgraph.link.clusters import Cluster, Decision, Rule, State, country_decision, pronoun_fits
from kgraph.link.items import STATE_NOUNS, Item
from kgraph.link.tables import Tables

__all__ = ["NOUN_RULES", "PRON_RULES"]


def _by_apposition(state: State, item: Item) -> Decision | None:
    target = state.cluster_at(item.bound)
    if target is None:
        return None
    if item.kind == "PRON" and not pronoun_fits(target, item):
        return None
    if item.kind == "NOUN" and state.tables.role_noun(item.head) != (
        "person" if target.type == "PERSON" else "group"
    ):
        return None
    if item.kind == "NOUN" and item.plural and target.type != "GROUP":
        return None  # "their colleagues Foreign Secretary Jack Straw"; "Some EU countries, notably France"
    return target, "apposition", f"{item.mention.text!r} is in apposition to {target.label!r}"


def _by_possessor_state(state: State, item: Item) -> Decision | None:
    owner = state.cluster_at(item.possessor)
    if owner is None or item.head not in ("government", "administration", "regime"):
        return None
    code = owner.country if owner.type in ("PERSON", "COUNTRY") else None
    why = f"{item.mention.text!r}: the government of {owner.label!r} is "
    return country_decision(state, code, item, "possessor-state", lambda k: why + k.label)


def _by_demonym_state(state: State, item: Item) -> Decision | None:
    code = item.nationality if item.head in STATE_NOUNS else None
    return country_decision(state, code, item, "demonym-state", lambda k: f"{item.mention.text!r} acts for {k.label}")


def _by_role(state: State, item: Item) -> Decision | None:
    """ "the Tory leader" after "Tory leader Michael Howard"; "the North Korean president" after
    "North Korean leader Kim Jong Un" (same nationality, both heads of state or government)."""
    if (
        not item.definite
        or item.plural
        or item.possessor is not None
        or not state.tables.role_noun(item.head)
    ):
        return None
    nationality, rest = _split_demonym(state.tables, item.key)
    people = [
        c
        for c in state.clusters
        if c.type == "PERSON"
        and c.scope != "mention"
        and any(_role_match(state.tables, nationality, rest, c, d) for d in c.descriptors)
    ]
    if not people:
        return None
    best = max(people, key=lambda c: max(i.start for i in c.items))
    shown = ", ".join(sorted(best.descriptors))
    return best, "role", f"{item.mention.text!r} is the role of {best.label!r} ({shown})"


def _split_demonym(tables: Tables, key: str) -> tuple[str | None, str]:
    words = key.split()
    for size in (2, 1):
        if len(words) > size and tables.demonym(" ".join(words[:size])):
            return tables.demonym(" ".join(words[:size])), " ".join(words[size:])
    return None, key


def _role_match(
    tables: Tables, nationality: str | None, rest: str, cluster: Cluster, descriptor: str
) -> bool:
    own_nat, own_rest = _split_demonym(tables, descriptor)
    if nationality and nationality not in (own_nat, cluster.country):
        return False
    if rest == own_rest:
        return True
    heads = all((tables.title(r) or ("", ""))[0] == "head" for r in (rest, own_rest))
    return bool(nationality) and heads


def _by_the_country(state: State, item: Item) -> Decision | None:
    if item.key not in ("country", "nation", "this country") or item.possessor is not None:
        return None
    before = [
        (i.start, c) for c in state.clusters if c.type == "COUNTRY" for i in c.items if i.start < item.start
    ]
    if not before:
        return None
    cluster = max(before, key=lambda p: p[0])[1]
    return cluster, "the-country", f"{item.mention.text!r} refers back to {cluster.label!r}"


def _by_same_nominal(state: State, item: Item) -> Decision | None:
    found = next((c for c in state.clusters if c.scope == "doc" and c.key == item.key and not c.names), None)
    return (found, "same-nominal", f"{item.mention.text!r} repeats {found.label!r}") if found else None


NOUN_RULES: tuple[Rule, ...] = (
    _by_apposition,
    _by_possessor_state,
    _by_demonym_state,
    _by_role,
    _by_the_country,
    _by_same_nominal,
)


def _by_antecedent(state: State, item: Item) -> Decision | None:
    """Salience in the manner of Lappin and Leass: the best single mention of a compatible cluster
    (recency halves per sentence; subjects and non-embedded mentions weigh more), plus a small
    bonus per mention so that the article's topic wins ties."""
    best_of: dict[int, float] = {}
    count: dict[int, int] = {}
    start, sentence = item.start, item.sentence
    for other in state.items_in_sentences(sentence - 2, sentence):
        if other.mention.start >= start:
            continue
        cluster = state.of_item.get(other.span)
        if cluster is None or cluster.scope == "mention" or not pronoun_fits(cluster, item):
            continue
        key = id(cluster)
        weight = (100 + (80 if other.subject else 0) + (0 if other.embedded else 50)) * 0.5 ** (
            item.sentence - other.sentence
        ) + other.start / 1e7
        best_of[key] = max(best_of.get(key, 0.0), weight)
        count[key] = count.get(key, 0) + 1
    if not best_of:
        return None
    best_id = max(best_of, key=lambda k: best_of[k] + 5 * min(count[k], 6))
    best = next(c for c in state.clusters if id(c) == best_id)
    return best, "pronoun", f"{item.mention.text!r} → {best.label!r} (most salient compatible antecedent)"


PRON_RULES: tuple[Rule, ...] = (_by_apposition, _by_antecedent)
