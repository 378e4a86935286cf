"""Actor tables: countries, IGOs, parties, demonyms, capitals, titles, user aliases and dictionaries.

The built-in tables are data files in ``kgraph/data/actors/`` (TSV). A user extends them
with an aliases TOML file (``Settings.aliases``) and PETRARCH/Phoenix dictionaries
(``Settings.actor_dictionaries``). The aliases file::

    never_merge = [["Kim Jong Un", "Kim Jong Il"], ["Ed Miliband", "David Miliband"]]

    [aliases]                      # variant = canonical label
    "Kim Jong-un" = "Kim Jong Un"

    [[actors]]                     # a whole actor
    label = "Sinn Fein"
    type = "ORGANIZATION"
    country = "GBR"
    aliases = ["Sinn Féin"]

>>> t = load_tables()
>>> t.lookup("un").label, t.lookup("u n") is None, t.lookup("dprk").country
('United Nations', True, 'PRK')
>>> t.lookup("un security council").label, t.demonym("north koreans"), t.capital("pyongyang")
('UN Security Council', 'PRK', 'PRK')
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from kgraph.config import Settings
from kgraph.errors import ConfigError
from kgraph.link.dictionaries import DictEntry, Dictionaries, load_dictionaries
from kgraph.link.names import name_key, plural_stem

__all__ = ["Known", "Tables", "load_tables", "read_aliases"]


@dataclass(frozen=True, slots=True)
class Known:
    """An actor the tables know: canonical label, type, country and where it came from.

    Attributes:
        label: Canonical label ("United Nations").
        type: An actor type, or ``None`` to keep the type the mention suggests.
        country: ISO alpha-3, ``IGO`` or ``None``.
        source: The table or file that says so ("igos.tsv", "aliases.toml", "Phoenix...:35259").
        codes: Dictionary codes with their dates (empty for built-in tables).
    """

    label: str
    type: str | None
    country: str | None
    source: str
    entry: DictEntry | None = None

    def codes_on(self, date: str | None) -> tuple[str, ...]:
        """Dictionary codes valid on ``date`` (none for built-in tables)."""
        return self.entry.codes_on(date) if self.entry else ()


@dataclass(frozen=True)
class Tables:
    """Lookup tables for canonical names, types, country codes and merge vetoes."""

    names: dict[str, Known] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    capitals: dict[str, str] = field(default_factory=dict)
    titles: dict[str, tuple[str, str]] = field(default_factory=dict)
    female_names: frozenset[str] = frozenset()
    family_first: frozenset[str] = frozenset()
    countries: dict[str, Known] = field(default_factory=dict)
    role_nouns: dict[str, str] = field(default_factory=dict)
    never_merge: frozenset[frozenset[str]] = frozenset()
    dictionaries: Dictionaries | None = None

    def lookup(self, key: str) -> Known | None:
        """Return the known actor named by a name key (built-in and user tables, then dictionaries)."""
        known = self.names.get(key)
        if known is not None or self.dictionaries is None:
            return known
        entry = self.dictionaries.actors.get(key)
        return self._from_entry(entry) if entry else None

    def _from_entry(self, entry: DictEntry) -> Known:
        code = entry.country
        codes = {c.code for c in entry.codes}
        if code in self.countries and codes == {code}:
            return self.countries[code]
        return Known(entry.label, None, code, entry.source, entry)

    def demonym(self, key: str) -> str | None:
        """Country code of a demonym key, singular or plural ("iraqis" → "IRQ")."""
        return self.demonyms.get(key) or self.demonyms.get(plural_stem(key))

    def capital(self, key: str) -> str | None:
        """Country code of a capital city key ("pyongyang" → "PRK")."""
        return self.capitals.get(key)

    def title(self, key: str) -> tuple[str, str] | None:
        """(class, gender) of a title or honorific key ("president" → ("head", "-"))."""
        return self.titles.get(key) or self.titles.get(plural_stem(key))

    def role_noun(self, word: str) -> str | None:
        """ "person" or "group" for a noun an appositive may have ("expert", "party"); titles are "person"."""
        found = self.role_nouns.get(word) or self.role_nouns.get(plural_stem(word))
        return found or ("person" if self.title(word) and self.title(word)[0] != "honorific" else None)  # type: ignore[index]

    def agent_code(self, key: str) -> str | None:
        """Sector code of a role noun from the user's agent dictionary, else from built-in titles."""
        if self.dictionaries and key in self.dictionaries.agents:
            return self.dictionaries.agents[key]
        return "GOV" if (self.title(key) or ("", ""))[0] == "head" else None

    def blocked(self, a: str, b: str) -> bool:
        """Return whether the user said the names with keys ``a`` and ``b`` must never merge."""
        return bool(self.never_merge) and frozenset((a, b)) in self.never_merge


def _rows(name: str) -> Iterator[list[str]]:
    text = resources.files("kgraph.data").joinpath("actors", name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def _words(name: str) -> frozenset[str]:
    text = resources.files("kgraph.data").joinpath("actors", name).read_text(encoding="utf-8")
    return frozenset(
        w.lower() for line in text.splitlines() if not line.startswith("#") for w in line.split()
    )


def _split(cell: str) -> list[str]:
    return [a for a in cell.split("|") if a.strip()]


def _builtin_names() -> tuple[dict[str, Known], dict[str, Known]]:
    names: dict[str, Known] = {}
    countries: dict[str, Known] = {}
    for code, label, *rest in _rows("countries.tsv"):
        known = countries[code] = Known(label, "COUNTRY", code, "countries.tsv")
        for alias in (label, *_split(rest[0] if rest else "")):
            names.setdefault(name_key(alias), known)
    for label, *rest in _rows("igos.tsv"):
        known = Known(label, "ORGANIZATION", "IGO", "igos.tsv")
        for alias in (label, *_split(rest[0] if rest else "")):
            names[name_key(alias)] = known
    for label, kind, country, *rest in _rows("organizations.tsv"):
        known = Known(label, kind, country or None, "organizations.tsv")
        for alias in (label, *_split(rest[0] if rest else "")):
            names[name_key(alias)] = known
    return names, countries


@functools.lru_cache(maxsize=1)
def _builtin() -> Tables:
    names, countries = _builtin_names()
    demonyms = {name_key(d): c for d, c in _rows("demonyms.tsv")}
    capitals = {name_key(k): c for k, c in _rows("capitals.tsv")}
    titles = {name_key(t): (cls, g) for t, cls, g in _rows("titles.tsv")}
    roles = {w: kind for w, kind in _rows("role_nouns.tsv")}
    return Tables(
        names,
        demonyms,
        capitals,
        titles,
        _words("female_names.txt"),
        _words("east_asian_surnames.txt"),
        countries,
        roles,
    )


def read_aliases(path: Path, tables: Tables) -> tuple[dict[str, Known], frozenset[frozenset[str]]]:
    """Read a user aliases TOML file: name key → known actor, and never-merge pairs.

    Raises:
        ConfigError: The file is missing, is not TOML, or has a malformed entry.
    """
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise ConfigError(f"{path}: cannot read the aliases file ({err}). Fix it or drop --aliases.") from err
    source = Path(path).name
    names: dict[str, Known] = {}
    for entry in data.get("actors", []):
        names.update(_user_actor(entry, source, path))
    for alias, label in dict(data.get("aliases", {})).items():
        target = (
            names.get(name_key(label)) or tables.lookup(name_key(label)) or Known(label, None, None, source)
        )
        names[name_key(alias)] = target
        names.setdefault(name_key(label), target)
    return names, _pairs(data.get("never_merge", []), path)


def _user_actor(entry: Any, source: str, path: Path) -> dict[str, Known]:
    if not isinstance(entry, dict) or "label" not in entry:
        raise ConfigError(f"{path}: every [[actors]] entry needs a label, got {entry!r}.")
    known = Known(str(entry["label"]), entry.get("type"), entry.get("country"), source)
    return {name_key(a): known for a in (entry["label"], *entry.get("aliases", []))}


def _pairs(pairs: Any, path: Path) -> frozenset[frozenset[str]]:
    out = set()
    for pair in pairs:
        if not isinstance(pair, list) or len(pair) != 2:
            raise ConfigError(
                f"{path}: never_merge holds pairs of names such as"
                f' ["Kim Jong Un", "Kim Jong Il"], got {pair!r}.'
            )
        out.add(frozenset(name_key(p) for p in pair))
    return frozenset(out)


def load_tables(settings: Settings | None = None) -> Tables:
    """Return the built-in tables, extended by the user's aliases file and dictionaries.

    Args:
        settings: Where ``aliases`` and ``actor_dictionaries`` are named (none: built-in only).
    """
    if settings is None:
        return _builtin()
    return _load(settings.aliases, tuple(settings.actor_dictionaries or ()))


@functools.lru_cache(maxsize=8)
def _load(aliases: Path | None, dictionaries: tuple[Path, ...]) -> Tables:
    base = _builtin()
    dicts = load_dictionaries(dictionaries) if dictionaries else None
    tables = Tables(**{**base.__dict__, "dictionaries": dicts})
    if aliases is None:
        return tables
    names, never = read_aliases(aliases, tables)
    return Tables(**{**tables.__dict__, "names": {**tables.names, **names}, "never_merge": never})
