"""Within one document: group items into clusters, one rule at a time, each merge explained.

Items are taken in text order. For each, the rules below are tried in turn; the first that
fires says which cluster the item joins, with the rule's name and its evidence. No rule
merges two different full names, and a bare surname shared by two full names is left on its
own unless one of them clearly dominates the article so far.

Names: ``table`` (countries, IGOs, parties, user aliases, dictionaries), ``demonym`` and
``capital-as-agent`` (in an actor role), ``same-name``, ``acronym-definition`` / ``acronym``,
``surname`` (most salient full name that ends, or for family-first names begins, with it),
``name-suffix`` ("Kilroy-Silk" of "Robert Kilroy-Silk"),
``surname-before-full-name``, ``short-form`` ("Workers' Party" of "Workers' Party of Korea"),
``elliptic-country`` ("the North" when one North-country is in the article).
Nominals: ``apposition``, ``possessor-state`` ("his government"), ``demonym-state``
("North Korean officials"), ``role`` ("the North Korean president"), ``the-country``, ``same-nominal``.
Pronouns: ``apposition`` ("He (Kim Jong Un)"), ``pronoun`` (salience-ranked compatible antecedent).
"""

from __future__ import annotations

from collections.abc import Iterable

from kgraph.link.clusters import Cluster, Merge, State, new_cluster
from kgraph.link.items import Item
from kgraph.link.mention_rules import NOUN_RULES, PRON_RULES
from kgraph.link.name_rules import NAME_RULES
from kgraph.link.tables import Tables

__all__ = ["Cluster", "Merge", "cluster_items"]


def cluster_items(
    items: Iterable[Item], tables: Tables
) -> tuple[list[Cluster], dict[tuple[int, int], Cluster], list[Merge]]:
    """Group a document's items into clusters.

    Args:
        items: The document's items in text order.
        tables: Actor tables.

    Returns:
        The clusters, item span → cluster, and the merge log.
    """
    state = State(tables, list(items))
    for item in sorted(state.items, key=_order):
        _place(state, item)
    return state.clusters, state.of_item, state.merges


def _order(item: Item) -> tuple[int, int, int]:
    """Text order, except that an item bound to a later name waits for it ("He (Kim Jong Un)")."""
    waits = item.bound is not None and item.bound[0] > item.start
    return (item.bound[0] if waits else item.start, int(waits), item.start)  # type: ignore[index]


def _place(state: State, item: Item) -> None:
    rules = {"NAME": NAME_RULES, "NOUN": NOUN_RULES, "PRON": PRON_RULES}[item.kind]
    for rule in rules:
        decision = rule(state, item)
        if decision is not None:
            _join(state, item, *decision)
            return
    if (
        item.kind == "NAME"
        and item.ner == "NORP"
        and not item.participant
        and (item.modifier or state.tables.demonym(item.key))
    ):
        return  # "North Korean leader", "Tory plans": a modifier, not an actor
    _join(state, item, new_cluster(state, item), "", "")


def _join(state: State, item: Item, cluster: Cluster, rule: str, evidence: str) -> None:
    if not cluster.items:  # a new cluster (only here does a cluster get items, once it is in the list)
        state.clusters.append(cluster)
    cluster.items.append(item)
    state.of_item[item.span] = cluster
    if item.kind == "NAME" and (item.key not in (cluster.key,) or rule):
        cluster.names.add(item.key)
    cluster.titles.update(item.titles)
    if item.descriptor:
        cluster.descriptors.add(item.descriptor)
    if rule == "apposition" and item.kind == "NOUN":
        cluster.descriptors.add(item.key)
    cluster.gender = cluster.gender or (item.gender if item.gender in ("m", "f") else "")
    if cluster.country is None and item.nationality and cluster.type == "PERSON":
        cluster.country = item.nationality
    if rule:
        state.merges.append(Merge(item, cluster, rule, evidence))
