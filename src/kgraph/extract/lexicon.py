"""The event lexicon: verbs, verb + word patterns and event nouns → PLOVER type and CAMEO root.

The built-in lexicon is ``kgraph/data/lexicon.tsv``. Each line is
``pattern<TAB>type<TAB>cameo_root`` with an optional fourth column ``kind``:

- ``verb`` (the default): ``pattern`` is a verb lemma (``sanction``), or ``verb word``
  where ``word`` is the verb's particle, preposition or object noun (``back down``,
  ``call for``, ``impose sanction``);
- ``noun``: ``pattern`` is an event noun (``protest``, ``airstrike``), or
  ``modifier noun`` for a noun that is an event only with that modifier
  (``nuclear test``, ``air strike``).

Users extend or replace it with a file of the same format (``Settings.lexicon``).

>>> lex = load_lexicon()
>>> lex.lookup("sanction")
('SANCTION', '16')
>>> lex.lookup("pass", "sanction")
('SANCTION', '16')
>>> lex.noun("protest")
('PROTEST', '14')
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from kgraph.errors import ConfigError
from kgraph.model import EVENT_TYPES

__all__ = ["Entry", "Lexicon", "load_lexicon", "parse_lexicon"]

Entry = tuple[str, str]
_KINDS = ("verb", "noun")


@dataclass(frozen=True)
class Lexicon:
    """Lemma patterns → (type, cameo_root).

    Attributes:
        verbs: Verb lemma → entry.
        phrases: (verb lemma, particle/preposition/object noun lemma) → entry.
        nouns: Event noun lemma → entry.
        noun_phrases: (modifier lemma, noun lemma) → entry.
    """

    verbs: dict[str, Entry] = field(default_factory=dict)
    phrases: dict[tuple[str, str], Entry] = field(default_factory=dict)
    nouns: dict[str, Entry] = field(default_factory=dict)
    noun_phrases: dict[tuple[str, str], Entry] = field(default_factory=dict)

    def lookup(self, verb: str, noun: str | None = None) -> Entry | None:
        """Return (type, cameo_root) for a verb, or for a verb + word pattern.

        >>> Lexicon(phrases={("hold", "talk"): ("CONSULT", "04")}).lookup("hold", "talk")
        ('CONSULT', '04')
        """
        if noun is not None:
            return self.phrases.get((verb, noun))
        return self.verbs.get(verb)

    @functools.cached_property
    def verb_heads(self) -> frozenset[str]:
        """The verb lemmas some verb pattern starts with: any other verb has no entry.

        >>> sorted(Lexicon({"attack": ("ASSAULT", "19")}, {("call", "for"): ("REQUEST", "10")}).verb_heads)
        ['attack', 'call']
        """
        return frozenset(self.verbs) | {verb for verb, _ in self.phrases}

    @functools.cached_property
    def noun_heads(self) -> frozenset[str]:
        """The event nouns, alone or after some modifier: any other noun has no entry of its own."""
        return frozenset(self.nouns) | {noun for _, noun in self.noun_phrases}

    def noun(self, noun: str, modifier: str | None = None) -> Entry | None:
        """Return the entry of an event noun, or of ``modifier noun``.

        >>> Lexicon(noun_phrases={("nuclear", "test"): ("MOBILIZE", "15")}).noun("test", "nuclear")
        ('MOBILIZE', '15')
        """
        if modifier is not None:
            return self.noun_phrases.get((modifier, noun))
        return self.nouns.get(noun)

    def is_modified_noun(self, noun: str) -> bool:
        """Tell whether ``noun`` is an event noun with some modifier (``test`` in ``nuclear test``)."""
        return any(head == noun for _, head in self.noun_phrases)

    def merged(self, other: Lexicon) -> Lexicon:
        """Return a lexicon with ``other``'s entries overriding this one's."""
        return Lexicon(
            {**self.verbs, **other.verbs},
            {**self.phrases, **other.phrases},
            {**self.nouns, **other.nouns},
            {**self.noun_phrases, **other.noun_phrases},
        )


def _columns(line: str, origin: str, number: int) -> list[str]:
    cols = [c.strip() for c in line.split("\t")]
    kind_ok = len(cols) == 3 or (len(cols) == 4 and cols[3].lower() in _KINDS)
    if not kind_ok or cols[1] not in EVENT_TYPES or not (cols[2].isdigit() and len(cols[2]) == 2):
        raise ConfigError(
            f"{origin}:{number}: expected 'pattern<TAB>TYPE<TAB>NN[<TAB>verb|noun]' with TYPE one of "
            f"{', '.join(EVENT_TYPES)} and a two-digit CAMEO root; got {line!r}"
        )
    return cols


def parse_lexicon(lines: Iterable[str], origin: str) -> Lexicon:
    """Parse TSV lines ``pattern<TAB>type<TAB>cameo_root[<TAB>kind]``; ``#`` starts a comment.

    >>> lex = parse_lexicon(["attack\\tASSAULT\\t19", "air strike\\tASSAULT\\t19\\tnoun"], "x")
    >>> lex.lookup("attack"), lex.noun("strike", "air")
    (('ASSAULT', '19'), ('ASSAULT', '19'))
    """
    lex = Lexicon()
    for number, line in enumerate(lines, start=1):
        line = line.split("#", 1)[0].rstrip()
        if not line.strip() or line.startswith("pattern\t"):
            continue
        cols = _columns(line, origin, number)
        entry = (cols[1], cols[2])
        words = cols[0].lower().split()
        noun = len(cols) == 4 and cols[3].lower() == "noun"
        if len(words) == 1:
            (lex.nouns if noun else lex.verbs)[words[0]] = entry
        else:
            (lex.noun_phrases if noun else lex.phrases)[(words[0], words[-1])] = entry
    return lex


@functools.lru_cache(maxsize=8)
def load_lexicon(
    user: Path | None = None, *, replace: bool = False, cameo_verbs: Path | None = None
) -> Lexicon:
    """Return the built-in lexicon, extended (or replaced) by a user file and a PETRARCH dictionary.

    Args:
        user: A lexicon file in the TSV format above.
        replace: Use ``user`` instead of the built-in lexicon.
        cameo_verbs: A CAMEO verb dictionary in PETRARCH format; its entries fill gaps only
            (the built-in and user entries win).
    """
    builtin = resources.files("kgraph.data").joinpath("lexicon.tsv").read_text(encoding="utf-8")
    lexicon = parse_lexicon(builtin.splitlines(), "kgraph/data/lexicon.tsv")
    if cameo_verbs is not None:
        from kgraph.extract.petrarch import read_petrarch_verbs

        lexicon = read_petrarch_verbs(cameo_verbs).merged(lexicon)
    if user is None:
        return lexicon
    try:
        extra = parse_lexicon(Path(user).read_text(encoding="utf-8").splitlines(), str(user))
    except OSError as err:
        raise ConfigError(f"Cannot read the lexicon file {user}: {err}") from err
    return extra if replace else lexicon.merged(extra)
