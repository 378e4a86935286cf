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

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from kgraph.link.items import STATE_NOUNS, Item
from kgraph.link.names import is_acronym, looks_like_acronym, name_key
from kgraph.link.tables import Known, Tables

__all__ = ["Cluster", "Merge", "cluster_items"]

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


@dataclass(frozen=True, slots=True)
class Merge:
    """Why an item joined a cluster: the rule and its evidence (the merge log)."""

    item: Item
    cluster: Cluster
    rule: str
    evidence: str


Decision = tuple[Cluster, str, str]
Rule = Callable[["_State", Item], "Decision | None"]


@dataclass
class _State:
    tables: Tables
    items: list[Item]
    clusters: list[Cluster] = field(default_factory=list)
    of_item: dict[tuple[int, int], Cluster] = field(default_factory=dict)
    merges: list[Merge] = field(default_factory=list)

    def cluster_at(self, span: tuple[int, int] | None) -> Cluster | None:
        return self.of_item.get(span) if span is not None else None

    def by_key(self, key: str) -> Cluster | None:
        return next((c for c in self.clusters if c.key == key or key in c.names), None)


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
    state = _State(tables, list(items))
    for item in sorted(state.items, key=_order):
        _place(state, item)
    return state.clusters, state.of_item, state.merges


def _order(item: Item) -> tuple[int, int, int]:
    """Text order, except that an item bound to a later name waits for it ("He (Kim Jong Un)")."""
    waits = item.bound is not None and item.bound[0] > item.start
    return (item.bound[0] if waits else item.start, int(waits), item.start)  # type: ignore[index]


def _place(state: _State, item: Item) -> None:
    rules = {"NAME": _NAME_RULES, "NOUN": _NOUN_RULES, "PRON": _PRON_RULES}[item.kind]
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
    _join(state, item, _new(state, item), "", "")


def _join(state: _State, item: Item, cluster: Cluster, rule: str, evidence: str) -> None:
    if cluster not in state.clusters:
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


def _new(state: _State, item: Item) -> Cluster:
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
    label = _label(item)
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


def _label(item: Item) -> str:
    text = (item.name or item.mention.text).strip()
    for suffix in ("'s", "\u2019s", "'"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
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


# ---- name rules -------------------------------------------------------------------------------


def _known_cluster(state: _State, known: Known, item: Item) -> Cluster:
    key = name_key(known.label)
    found = state.by_key(key)
    if found is not None:
        return found
    kind = known.type or _NER_TYPES.get(item.ner, "OTHER")
    return Cluster(key, known.label, kind, known.country, "global", known, names={key})


def _by_table(state: _State, item: Item) -> Decision | None:
    if item.ner == "NORP" and state.tables.demonym(item.key):
        return None
    known = state.tables.lookup(item.key)
    if known is None or (known.type == "COUNTRY" and item.ner == "PERSON"):
        return None
    if any(
        state.tables.blocked(item.key, n)
        for c in state.clusters
        if name_key(known.label) == c.key
        for n in c.names
    ):
        return None
    if item.key == name_key(known.label):
        return _known_cluster(state, known, item), "", ""  # the name itself: nothing to review
    evidence = f"{item.mention.text!r} is {known.label!r} in {known.source}"
    return _known_cluster(state, known, item), "table", evidence


def _by_demonym(state: _State, item: Item) -> Decision | None:
    code = state.tables.demonym(item.key) if item.ner == "NORP" else None
    if code is None or not item.participant or code not in state.tables.countries:
        return None
    known = state.tables.countries[code]
    return _known_cluster(state, known, item), "demonym", f"{item.mention.text!r} acts for {known.label}"


def _by_capital(state: _State, item: Item) -> Decision | None:
    code = state.tables.capital(item.key) if item.ner == "GPE" and item.agent else None
    if code is None or code not in state.tables.countries:
        return None
    known = state.tables.countries[code]
    return (
        _known_cluster(state, known, item),
        "capital-as-agent",
        f"{item.mention.text!r} acts: the capital stands for {known.label}",
    )


def _by_same_name(state: _State, item: Item) -> Decision | None:
    found = next((c for c in state.clusters if c.scope != "mention" and item.key in c.names), None)
    return (found, "", "") if found is not None else None


def _by_acronym_definition(state: _State, item: Item) -> Decision | None:
    target = state.cluster_at(item.acronym_of)
    if target is None or any(state.tables.blocked(item.key, n) for n in target.names):
        return None
    return (
        target,
        "acronym-definition",
        f"{item.mention.text!r} is defined in parentheses after {target.label!r}",
    )


def _by_acronym(state: _State, item: Item) -> Decision | None:
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


def _by_surname(state: _State, item: Item) -> Decision | None:
    if " " in item.key or item.ner not in ("PERSON", "ORG", "GPE", "NORP"):
        return None
    if item.ner != "PERSON" and (
        state.tables.lookup(item.key) or state.tables.capital(item.key) or state.tables.demonym(item.key)
    ):
        return None
    owners = [
        c
        for c in state.clusters
        if c.type == "PERSON"
        and c.scope == "global"
        and _compatible(c, item)
        and any(_surname_of(state.tables, n) == item.key for n in c.full_names)
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


def _by_name_suffix(state: _State, item: Item) -> Decision | None:
    """ "Kilroy-Silk" after "Robert Kilroy-Silk": a multi-word name ending the one full name it ends."""
    words = item.key.split()
    if item.ner != "PERSON" or len(words) < 2:
        return None
    owners = [
        c
        for c in state.clusters
        if c.type == "PERSON"
        and c.scope == "global"
        and _compatible(c, item)
        and any(len(n.split()) > len(words) and n.split()[-len(words) :] == words for n in c.full_names)
    ]
    if len(owners) != 1 or any(state.tables.blocked(item.key, n) for n in owners[0].names):
        return None
    return owners[0], "name-suffix", f"{item.mention.text!r} ends the full name {owners[0].label!r}"


def _compatible(cluster: Cluster, item: Item) -> bool:
    """Gender agreement: "she", "Mrs" need a known woman; "he", "Mr" anyone not known to be a woman."""
    if item.gender == "f":
        return cluster.gender == "f"
    return not (item.gender == "m" and cluster.gender == "f")


def _absorb_surname(state: _State, item: Item) -> Decision | None:
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
            and _compatible(c, item)
            and not state.tables.blocked(c.key, item.key)
        ),
        None,
    )
    if early is None:
        return None
    early.key, early.label, early.scope = item.key, _label(item), "global"
    return (
        early,
        "surname-before-full-name",
        f"{early.items[0].mention.text!r} came before {item.mention.text!r}",
    )


def _by_short_form(state: _State, item: Item) -> Decision | None:
    if item.ner != "ORG":
        return None
    words = item.key.split()
    for cluster in state.clusters:
        for name in cluster.names:
            longer = name.split()
            if len(longer) > len(words) and longer[: len(words)] == words and longer[len(words)] == "of":
                return cluster, "short-form", f"{item.mention.text!r} is the start of {cluster.label!r}"
    return None


def _by_elliptic_country(state: _State, item: Item) -> Decision | None:
    if item.key not in ("north", "south") or item.ner not in ("LOC", "GPE", "NORP", "ORG"):
        return None
    prefix = item.key + " "
    codes = {c for c in _countries_in(state) if name_key(state.tables.countries[c].label).startswith(prefix)}
    if len(codes) != 1:
        return None
    known = state.tables.countries[codes.pop()]
    return (
        _known_cluster(state, known, item),
        "elliptic-country",
        f"{item.mention.text!r}: the only {prefix.strip()}ern country in the article is {known.label}",
    )


def _countries_in(state: _State) -> set[str]:
    codes = set()
    for i in state.items:
        if i.kind == "NAME":
            known = state.tables.lookup(i.key)
            code = known.country if known and known.type == "COUNTRY" else state.tables.demonym(i.key)
            if code in state.tables.countries:
                codes.add(code)
    return codes


_NAME_RULES: tuple[Rule, ...] = (
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


# ---- nominal rules ----------------------------------------------------------------------------


def _by_apposition(state: _State, item: Item) -> Decision | None:
    target = state.cluster_at(item.bound)
    if target is None:
        return None
    if item.kind == "PRON" and not _pronoun_fits(target, item):
        return None
    if item.kind == "NOUN" and state.tables.role_noun(item.head) != (
        "person" if target.type == "PERSON" else "group"
    ):
        return None
    if item.kind == "NOUN" and item.plural and target.type != "GROUP":
        return None  # "their colleagues Foreign Secretary Jack Straw"; "Some EU countries, notably France"
    return target, "apposition", f"{item.mention.text!r} is in apposition to {target.label!r}"


def _by_possessor_state(state: _State, item: Item) -> Decision | None:
    owner = state.cluster_at(item.possessor)
    if owner is None or item.head not in ("government", "administration", "regime"):
        return None
    code = owner.country if owner.type in ("PERSON", "COUNTRY") else None
    if code not in state.tables.countries:
        return None
    known = state.tables.countries[code]
    return (
        _known_cluster(state, known, item),
        "possessor-state",
        f"{item.mention.text!r}: the government of {owner.label!r} is {known.label}",
    )


def _by_demonym_state(state: _State, item: Item) -> Decision | None:
    if item.nationality not in state.tables.countries or item.head not in STATE_NOUNS:
        return None
    known = state.tables.countries[item.nationality]
    return (
        _known_cluster(state, known, item),
        "demonym-state",
        f"{item.mention.text!r} acts for {known.label}",
    )


def _by_role(state: _State, item: Item) -> Decision | None:
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


def _by_the_country(state: _State, item: Item) -> Decision | None:
    if item.key not in ("country", "nation", "this country") or item.possessor is not None:
        return None
    before = [
        (i.start, c) for c in state.clusters if c.type == "COUNTRY" for i in c.items if i.start < item.start
    ]
    if not before:
        return None
    cluster = max(before, key=lambda p: p[0])[1]
    return cluster, "the-country", f"{item.mention.text!r} refers back to {cluster.label!r}"


def _by_same_nominal(state: _State, item: Item) -> Decision | None:
    found = next((c for c in state.clusters if c.scope == "doc" and c.key == item.key and not c.names), None)
    return (found, "same-nominal", f"{item.mention.text!r} repeats {found.label!r}") if found else None


_NOUN_RULES: tuple[Rule, ...] = (
    _by_apposition,
    _by_possessor_state,
    _by_demonym_state,
    _by_role,
    _by_the_country,
    _by_same_nominal,
)


# ---- pronoun rules ----------------------------------------------------------------------------


def _pronoun_fits(cluster: Cluster, item: Item) -> bool:
    if item.gender == "x":  # I, we, you: the speaker or the audience, not resolved here
        return False
    if item.gender in ("m", "f"):
        return cluster.type == "PERSON" and _compatible(cluster, item)
    if item.gender == "n":
        return cluster.type in ("ORGANIZATION", "COUNTRY") and not cluster.key.endswith("s")
    return cluster.type in ("ORGANIZATION", "COUNTRY", "GROUP") or (
        cluster.type == "OTHER" and cluster.scope == "doc"
    )


def _by_antecedent(state: _State, item: Item) -> Decision | None:
    """Salience in the manner of Lappin and Leass: the best single mention of a compatible cluster
    (recency halves per sentence; subjects and non-embedded mentions weigh more), plus a small
    bonus per mention so that the article's topic wins ties."""
    best_of: dict[int, float] = {}
    count: dict[int, int] = {}
    for other in state.items:
        if other.start >= item.start or not 0 <= item.sentence - other.sentence <= 2:
            continue
        cluster = state.of_item.get(other.span)
        if cluster is None or cluster.scope == "mention" or not _pronoun_fits(cluster, item):
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


_PRON_RULES: tuple[Rule, ...] = (_by_apposition, _by_antecedent)
