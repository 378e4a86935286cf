"""The event lexicon: verbs and verb+noun patterns → PLOVER type and CAMEO root.

The built-in lexicon is ``kgraph/data/lexicon.tsv`` (columns ``pattern``, ``type``,
``cameo_root``; a pattern is a verb lemma, or ``verb noun`` for light-verb
constructions such as ``impose sanction``). Users extend or replace it with a file of
the same format (``Settings.lexicon``).

>>> lex = load_lexicon()
>>> lex.lookup("sanction")
('SANCTION', '16')
>>> lex.lookup("pass", "sanction")
('SANCTION', '16')
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Iterable

from kgraph.errors import ConfigError
from kgraph.model import EVENT_TYPES

__all__ = ["Lexicon", "load_lexicon", "parse_lexicon"]

Entry = tuple[str, str]


@dataclass(frozen=True)
class Lexicon:
    """Lemma patterns → (type, cameo_root)."""

    verbs: dict[str, Entry] = field(default_factory=dict)
    phrases: dict[tuple[str, str], Entry] = field(default_factory=dict)

    def lookup(self, verb: str, noun: str | None = None) -> Entry | None:
        """Return (type, cameo_root) for a verb, or for a verb + object noun pattern."""
        if noun is not None:
            return self.phrases.get((verb, noun))
        return self.verbs.get(verb)

    def merged(self, other: Lexicon) -> Lexicon:
        """Return a lexicon with ``other``'s entries overriding this one's."""
        return Lexicon({**self.verbs, **other.verbs}, {**self.phrases, **other.phrases})


def parse_lexicon(lines: Iterable[str], origin: str) -> Lexicon:
    """Parse TSV lines ``pattern<TAB>type<TAB>cameo_root``; ``#`` starts a comment."""
    verbs: dict[str, Entry] = {}
    phrases: dict[tuple[str, str], Entry] = {}
    for number, line in enumerate(lines, start=1):
        line = line.split("#", 1)[0].rstrip()
        if not line.strip() or line.startswith("pattern\t"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) != 3 or cols[1] not in EVENT_TYPES or not (cols[2].isdigit() and len(cols[2]) == 2):
            raise ConfigError(
                f"{origin}:{number}: expected 'pattern<TAB>TYPE<TAB>NN' with TYPE one of "
                f"{', '.join(EVENT_TYPES)} and a two-digit CAMEO root; got {line!r}"
            )
        words = cols[0].lower().split()
        if len(words) == 1:
            verbs[words[0]] = (cols[1], cols[2])
        else:
            phrases[(words[0], words[-1])] = (cols[1], cols[2])
    return Lexicon(verbs, phrases)


@functools.lru_cache(maxsize=8)
def load_lexicon(user: Path | None = None, *, replace: bool = False) -> Lexicon:
    """Return the built-in lexicon, extended (or replaced) by a user file."""
    builtin = resources.files("kgraph.data").joinpath("lexicon.tsv").read_text(encoding="utf-8")
    lexicon = parse_lexicon(builtin.splitlines(), "kgraph/data/lexicon.tsv")
    if user is None:
        return lexicon
    try:
        extra = parse_lexicon(Path(user).read_text(encoding="utf-8").splitlines(), str(user))
    except OSError as err:
        raise ConfigError(f"Cannot read the lexicon file {user}: {err}") from err
    return extra if replace else lexicon.merged(extra)
