"""PETRARCH / Phoenix actor and agent dictionaries, read as their users wrote them.

An *actor* file lists named actors: a root line, ``+`` synonym lines and code lines, each
code optionally limited in time::

    KIM_JONG_IL_  # CountryInfo.txt
    +KIM_JONG-IL_
        [PRKGOV >041201]
    TONY_BLAIR_
        [GBRELI 710101-970502]
        [GBRGOV 970502-070627]

An *agent* file lists common nouns with a sector code: ``PRESIDENT [~GOV]``, with
substitution sets (``!PERSON! = MAN, MEN``) and irregular plurals in braces.

Dates are ``YYMMDD`` (years 00-29 read as 20xx) or ``YYYYMMDD``; ``>d`` means from d on,
``<d`` before d, ``a-b`` from a to b. A code with no date is always valid.

>>> text = "KIM_JONG_IL_\\n+KIM_JONG-IL_\\n\\t[PRKGOV >041201]\\n"
>>> d = parse_actors(text.splitlines(), source="x.txt")
>>> entry = d["kim jong il"]
>>> entry.label, entry.codes_on("2010-05-01"), entry.codes_on("2001-01-01")
('Kim Jong Il', ('PRKGOV',), ())
>>> d["kim jong il"] is d["kim jong-il".replace("-", " ")]
True
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kgraph.errors import ConfigError
from kgraph.link.names import name_key

__all__ = ["DatedCode", "DictEntry", "load_dictionaries", "parse_actors", "parse_agents", "parse_date"]

_CODE = re.compile(r"\[([^\]]*)\]")
_SUBST = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")


@dataclass(frozen=True, slots=True)
class DatedCode:
    """A CAMEO actor code and the dates it is valid between (ISO, inclusive; None: open)."""

    code: str
    start: str | None = None
    end: str | None = None

    def valid_on(self, date: str | None) -> bool:
        """Return whether the code holds on ``date`` (always, when the date is unknown).

        >>> DatedCode("PRKGOV", start="2004-12-01").valid_on("2016-03")
        True
        """
        if not date:
            return True
        day = date[:10]
        return (self.start is None or day >= self.start[: len(day)]) and (
            self.end is None or day[: len(self.end)] <= self.end
        )


@dataclass(frozen=True, slots=True)
class DictEntry:
    """One dictionary actor: its canonical name, codes and where it was read.

    Attributes:
        name: The root phrase ("KIM_JONG_IL").
        codes: Its dated codes.
        source: ``file:line`` of the root line.
    """

    name: str
    codes: tuple[DatedCode, ...]
    source: str

    @property
    def label(self) -> str:
        """A readable label: "KIM_JONG_IL_" → "Kim Jong Il"; a short one-word name stays ("NATO")."""
        words = self.name.replace("_", " ").split()
        if words and words[0].upper() == "THE" and len(words) > 1:
            words = words[1:]
        if len(words) == 1 and len(words[0]) <= 5:
            return words[0]
        return " ".join(w if w.islower() else w.capitalize() for w in words)

    def codes_on(self, date: str | None) -> tuple[str, ...]:
        """Return the codes valid on ``date``, sorted and without duplicates."""
        return tuple(sorted({c.code for c in self.codes if c.valid_on(date)}))

    @property
    def country(self) -> str | None:
        """ISO alpha-3 country of the first code, ``IGO`` for IGO codes, else None."""
        code = next((c.code for c in self.codes if len(c.code) >= 3 and c.code[:3].isalpha()), None)
        if code is None:
            return None
        return "IGO" if code.startswith("IGO") else code[:3]


def parse_date(text: str) -> str | None:
    """Return the ISO date of a dictionary date (``YYMMDD`` or ``YYYYMMDD``), else None.

    >>> parse_date("041201"), parse_date("20070101"), parse_date("950230x")
    ('2004-12-01', '2007-01-01', None)
    """
    if not text.isdigit() or len(text) not in (6, 8):
        return None
    if len(text) == 6:
        year = int(text[:2])
        text = ("20" if year < 30 else "19") + text
    return f"{text[:4]}-{text[4:6]}-{text[6:8]}"


def _dated(body: str) -> DatedCode | None:
    parts = body.split()
    if not parts or parts[0] == "---":
        return None
    code, when = parts[0], parts[1] if len(parts) > 1 else ""
    if when.startswith(">"):
        return DatedCode(code, start=parse_date(when[1:]))
    if when.startswith("<"):
        return DatedCode(code, end=parse_date(when[1:]))
    if "-" in when:
        start, _, end = when.partition("-")
        return DatedCode(code, parse_date(start), parse_date(end))
    return DatedCode(code)


def _codes(line: str) -> list[DatedCode]:
    return [c for c in (_dated(m) for m in _CODE.findall(line)) if c is not None]


def _phrase(line: str) -> str:
    text = _CODE.sub(" ", line.split("#", 1)[0]).strip().lstrip("+")
    return name_key(text.replace("_", " "))


def _groups(lines: Iterable[str], source: str) -> Iterator[tuple[str, list[str], list[DatedCode], str]]:
    """Yield (root, synonyms, codes, file:line) for each entry of an actor file."""
    root, synonyms, codes, where = "", [], [], ""
    for number, raw in enumerate(lines, 1):
        stripped = raw.strip()
        if stripped.startswith("#"):
            continue
        if not stripped or not (stripped.startswith(("+", "[")) or not codes):
            if root and codes:
                yield root, synonyms, codes, where
            root, synonyms, codes, where = "", [], [], ""
            if not stripped:
                continue
        if stripped.startswith("+"):
            synonyms.append(_phrase(stripped))
        elif stripped.startswith("["):
            codes.extend(_codes(stripped))
        elif not root:
            root, codes, where = (
                stripped.split("#", 1)[0].split("[")[0].strip(),
                _codes(stripped),
                f"{source}:{number}",
            )
        else:  # a second root line before any code: one more name for the same actor
            synonyms.append(_phrase(stripped))
            codes.extend(_codes(stripped))
    if root and codes:
        yield root, synonyms, codes, where


def parse_actors(lines: Iterable[str], *, source: str = "<actors>") -> dict[str, DictEntry]:
    """Return name key → entry for every name and synonym of a PETRARCH actor file.

    Args:
        lines: The file's lines.
        source: The file name, for ``DictEntry.source``.
    """
    table: dict[str, DictEntry] = {}
    for root, synonyms, codes, where in _groups(lines, source):
        entry = DictEntry(root.strip("_ "), tuple(codes), where)
        for phrase in (_phrase(root), *synonyms):
            if phrase:
                table.setdefault(phrase, entry)
    return table


def parse_agents(lines: Iterable[str]) -> dict[str, str]:
    """Return noun phrase key → agent code ("GOV") for a PETRARCH agent file.

    >>> lines = ["!P! = MAN, MEN", "PRESIDENT [~GOV]", "BUSINESS!P! [~BUS]", "POLICE {} [~COP]"]
    >>> agents = parse_agents(lines)
    >>> agents["president"], agents["presidents"], agents["businessmen"], agents["police"]
    ('GOV', 'GOV', 'BUS', 'COP')
    """
    subst: dict[str, list[str]] = {}
    table: dict[str, str] = {}
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        match = _SUBST.match(line)
        if match:
            subst[match.group(1)] = [w.strip() for w in match.group(2).split(",")]
            continue
        codes = _CODE.findall(line)
        if not codes or not codes[0].strip().startswith("~"):
            continue
        code = codes[0].strip()[1:].split()[0]
        phrase = line.split("[", 1)[0]
        plurals = re.findall(r"\{([^}]*)\}", phrase)
        phrase = re.sub(r"\{[^}]*\}", "", phrase).strip()
        for form in [*_expand(phrase, subst), *(p for p in plurals if p)]:
            key = name_key(form.replace("_", " "))
            for variant in (key, key + "s", key + "es"):
                table.setdefault(variant, code)
    return table


def _expand(phrase: str, subst: dict[str, list[str]]) -> list[str]:
    for name, words in subst.items():
        if name in phrase:
            return [f for w in words for f in _expand(phrase.replace(name, w, 1), subst)]
    return [phrase]


@dataclass(frozen=True)
class Dictionaries:
    """The actor and agent dictionaries a user pointed kgraph to."""

    actors: dict[str, DictEntry]
    agents: dict[str, str]


@functools.lru_cache(maxsize=8)
def load_dictionaries(paths: tuple[Path, ...]) -> Dictionaries:
    """Read PETRARCH actor and agent files (an agent file has ``[~`` codes).

    Args:
        paths: Files to read; earlier files win when a name is in several.

    Raises:
        ConfigError: A file is missing or unreadable.
    """
    actors: dict[str, DictEntry] = {}
    agents: dict[str, str] = {}
    for path in paths:
        lines = _read(Path(path))
        if any("[~" in line for line in lines[:400]):
            for key, code in parse_agents(lines).items():
                agents.setdefault(key, code)
        else:
            for key, entry in parse_actors(lines, source=Path(path).name).items():
                actors.setdefault(key, entry)
    return Dictionaries(actors, agents)


def _read(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as err:
        raise ConfigError(
            f"{path}: cannot read the actor dictionary ({err.strerror}). Check the --actors path."
        ) from err
