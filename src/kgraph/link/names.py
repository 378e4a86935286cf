"""Name strings: normalised keys, titles and honorifics, acronyms, surnames.

Pure string functions; no spaCy, no tables. Keys are what names are compared by:
lower case, periods deleted, hyphens and other punctuation read as spaces, a leading
article and a trailing possessive dropped.

>>> name_key("the U.N.'s")
'un'
>>> name_key("Kim Jong-un")
'kim jong un'
>>> is_acronym("WPK", "Workers' Party of Korea")
True
>>> is_acronym("UN", "UN Security Council")
False
"""

from __future__ import annotations

import functools
import re

__all__ = [
    "ARTICLES",
    "acronym_letters",
    "is_acronym",
    "looks_like_acronym",
    "name_key",
    "plural_stem",
    "strip_leading",
]

#: Words dropped at the start of a name.
ARTICLES = frozenset({"the", "a", "an"})
_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "de", "du", "la", "le", "&", "s"})
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})
_POSSESSIVE = re.compile(r"('s|s')$|'$")
_PUNCT = re.compile(r"[^\w\s]|_")


@functools.lru_cache(maxsize=1 << 16)  # called for the same names over and over by coreference rules
def name_key(text: str) -> str:
    """Return the comparison key of a name.

    Args:
        text: A name as written.

    Returns:
        Lower-case words joined by single spaces, without a leading article,
        possessive, periods or punctuation.

    >>> name_key("North Korea's")
    'north korea'
    >>> name_key("Workers' Party")
    'workers party'
    """
    text = text.translate(_APOSTROPHES).strip()
    text = _POSSESSIVE.sub("", text).replace(".", "")
    words = _PUNCT.sub(" ", text.lower()).split()
    return " ".join(strip_leading(words, ARTICLES))


def strip_leading(words: list[str], drop: frozenset[str] | set[str]) -> list[str]:
    """Return ``words`` without its leading words that are in ``drop``.

    >>> strip_leading(["the", "mr", "kim"], {"the", "mr"})
    ['kim']
    """
    i = 0
    while i < len(words) - 1 and words[i] in drop:
        i += 1
    return words[i:]


def acronym_letters(name: str) -> str:
    """Return the initials of the content words of ``name``, upper case.

    >>> acronym_letters("Workers' Party of Korea")
    'WPK'
    >>> acronym_letters("North Atlantic Treaty Organization")
    'NATO'
    """
    words = [w for w in name_key(name).split() if w not in _FUNCTION_WORDS]
    return "".join(w[0] for w in words).upper()


@functools.lru_cache(maxsize=1 << 16)  # asked for every name of every candidate cluster
def looks_like_acronym(text: str) -> bool:
    """Return whether ``text`` is written as an acronym ("WPK", "U.N.", "UNSC").

    >>> looks_like_acronym("U.N."), looks_like_acronym("Kim"), looks_like_acronym("N")
    (True, False, False)
    """
    letters = text.replace(".", "").replace("'s", "").strip()
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()


def is_acronym(short: str, long: str) -> bool:
    """Return whether ``short`` is the acronym of ``long`` (function words may be skipped).

    Args:
        short: The candidate acronym as written.
        long: The candidate expansion.

    >>> is_acronym("U.N.", "United Nations")
    True
    >>> is_acronym("UNSC", "United Nations")
    False
    """
    if not looks_like_acronym(short) or len(long.split()) < 2:
        return False
    letters = short.replace(".", "").replace("'s", "").upper()
    every = "".join(w[0] for w in name_key(long).split()).upper()
    return letters in (acronym_letters(long), every)


def plural_stem(word: str) -> str:
    """Return the singular of a demonym or role noun in the plural ("Iraqis" → "Iraqi").

    >>> plural_stem("Britons"), plural_stem("officials"), plural_stem("Swiss")
    ('Briton', 'official', 'Swiss')
    """
    if word.endswith("ss") or len(word) < 4:
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word.removesuffix("s")
