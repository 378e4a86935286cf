"""The clusters coreference builds, the merge log entries, and the helpers every rule shares.

>>> c = Cluster("kim jong un", "Kim Jong Un", "PERSON", "PRK", "global", names={"kim jong un"})
>>> c.full_names
['kim jong un']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from kgraph.link.items import Item
from kgraph.link.names import name_key
from kgraph.link.tables import Known, Tables
from kgraph.model import fast_init

__all__ = [
    "Cluster",
    "Decision",
    "Merge",
    "Rule",
    "State",
    "compatible",
    "display_label",
    "known_cluster",
    "new_cluster",
    "pronoun_fits",
]

_GENERIC_ORGS = frozenset(
    {
        "congress",
        "parliament",
        "government",
        "cabinet",
        "party",
        "senate",
        "assembly",
        "court",
        "army",
        "police",
        "ministry",
        "council",
        "commission",
        "committee",
        "party congress",
        "state",
        "house",
        "treasury",
        "opposition",
        "commons",
        "lords",
        "supreme court",
    }
)
_NER_TYPES = {
    "PERSON": "PERSON",
    "ORG": "ORGANIZATION",
    "NORP": "GROUP",
    "GPE": "LOCATION",
    "LOC": "LOCATION",
    "FAC": "LOCATION",
}


@dataclass
class Cluster:
    """A group of items that refer to one actor (mutable while a document is read).

    Attributes:
        key: Canonical key: a known label's key, a full name's key, or a nominal's key.
        label: Canonical label.
        type: Actor type.
        country: ISO alpha-3, ``IGO`` or None.
        scope: ``global`` (same id in every document), ``doc`` (this document only) or ``mention``.
        known: The table entry it was found in, if any.
        gender: ``m``, ``f`` or "".
        names: Name keys seen (for surnames, acronyms and never-merge checks).
        titles: Titles bound to it.
        descriptors: Role phrases bound to it by premodification or apposition ("tory leader").
        items: Its items, in text order.
    """

    key: str
    label: str
    type: str
    country: str | None
    scope: str
    known: Known | None = None
    gender: str = ""
    names: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    descriptors: set[str] = field(default_factory=set)
    items: list[Item] = field(default_factory=list)

    @property
    def full_names(self) -> list[str]:
        """Multi-word name keys of a person cluster."""
        return [n for n in self.names if " " in n]


@fast_init
@dataclass(frozen=True, slots=True)
class Merge:
    """Why an item joined a cluster: the rule and its evidence (the merge log)."""

    item: Item
    cluster: Cluster
    rule: str
    evidence: str


Decision = tuple[Cluster, str, str]
Rule = Callable[["State", Item], "Decision | None"]


@dataclass
class State:
    """What coreference knows while it reads a document: clusters, item spans → cluster, merges."""

    tables: Tables
    items: list[Item]
    clusters: list[Cluster] = field(default_factory=list)
    of_item: dict[tuple[int, int], Cluster] = field(default_factory=dict)
    merges: list[Merge] = field(default_factory=list)
    by_sentence: dict[int, list[int]] | None = None

    def cluster_at(self, span: tuple[int, int] | None) -> Cluster | None:
        return self.of_item.get(span) if span is not None else None

    def by_key(self, key: str) -> Cluster | None:
        return next((c for c in self.clusters if c.key == key or key in c.names), None)

    def items_in_sentences(self, first: int, last: int) -> list[Item]:
        """The items whose sentence is ``first`` to ``last``, in the order of :attr:`items`."""
        if self.by_sentence is None:
            self.by_sentence = {}
            for index, item in enumerate(self.items):
                self.by_sentence.setdefault(item.sentence, []).append(index)
        found = [i for s in range(first, last + 1) for i in self.by_sentence.get(s, ())]
        return [self.items[i] for i in sorted(found)]


def new_cluster(state: State, item: Item) -> Cluster:
    if item.kind == "PRON":
        return Cluster(f"{item.key}@{item.start}", item.mention.text, "OTHER", None, "mention")
    if item.kind == "NOUN":
        kind = "GROUP" if item.plural else "PERSON" if item.titles else "OTHER"
        return Cluster(
            item.key, _strip_det(item.mention.text), kind, item.nationality, "doc", titles=set(item.titles)
        )
    kind = _NER_TYPES.get(item.ner, "OTHER")
    country = state.tables.demonym(item.key) if item.ner == "NORP" else None
    scope = "doc" if _doc_scoped(item) else "global"
    label = display_label(item)
    return Cluster(
        item.key,
        label,
        kind,
        country or (item.nationality if kind == "PERSON" else None),
        scope,
        gender=_gender(state.tables, item),
        names={item.key},
    )


def _doc_scoped(item: Item) -> bool:
    if item.ner == "PERSON":
        return " " not in item.key
    return item.key in _GENERIC_ORGS or item.ner in ("ORG",) and len(item.key) <= 2


def display_label(item: Item) -> str:
    """The label a name item gives its actor: no article, title or possessive ("Mr Blair's" → "Blair")."""
    text = (item.name or item.mention.text).strip()
    for suffix in ("'s", "\u2019s", "'"):
        text = text.removesuffix(suffix)
    words = text.split()
    while (
        len(words) > 1
        and name_key(words[0]) != item.key.split()[0]
        and words[0].lower() in {"the", "a", "an"} | _title_words(item)
    ):
        words = words[1:]
    return " ".join(words)


def _title_words(item: Item) -> set[str]:
    return {w for t in item.titles for w in t.split()} | {
        "mr",
        "mrs",
        "ms",
        "dr",
        "mr.",
        "mrs.",
        "ms.",
        "dr.",
        "sir",
        "lord",
        "lady",
    }


def _strip_det(text: str) -> str:
    words = text.split()
    return " ".join(words[1:]) if len(words) > 1 and words[0].lower() in ("the", "a", "an") else text


def _gender(tables: Tables, item: Item) -> str:
    if item.gender in ("m", "f"):
        return item.gender
    first = item.key.split()[0] if item.key else ""
    return "f" if item.ner == "PERSON" and " " in item.key and first in tables.female_names else ""


def known_cluster(state: State, known: Known, item: Item) -> Cluster:
    key = name_key(known.label)
    found = state.by_key(key)
    if found is not None:
        return found
    kind = known.type or _NER_TYPES.get(item.ner, "OTHER")
    return Cluster(key, known.label, kind, known.country, "global", known, names={key})


def country_decision(
    state: State, code: str | None, item: Item, rule: str, why: Callable[[Known], str]
) -> Decision | None:
    """Put ``item`` in the cluster of country ``code`` (None when the code is unknown).

    ``why(country)`` is the evidence the merge log shows.
    """
    known = state.tables.countries.get(code) if code else None
    if known is None:
        return None
    return known_cluster(state, known, item), rule, why(known)


def compatible(cluster: Cluster, item: Item) -> bool:
    """Gender agreement: "she", "Mrs" need a known woman; "he", "Mr" anyone not known to be a woman."""
    if item.gender == "f":
        return cluster.gender == "f"
    return not (item.gender == "m" and cluster.gender == "f")


def pronoun_fits(cluster: Cluster, item: Item) -> bool:
    if item.gender == "x":  # I, we, you: the speaker or the audience, not resolved here
        return False
    if item.gender in ("m", "f"):
        return cluster.type == "PERSON" and compatible(cluster, item)
    if item.gender == "n":
        return cluster.type in ("ORGANIZATION", "COUNTRY") and not cluster.key.endswith("s")
    return cluster.type in ("ORGANIZATION", "COUNTRY", "GROUP") or (
        cluster.type == "OTHER" and cluster.scope == "doc"
    )
