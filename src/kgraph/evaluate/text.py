"""Lenient surface-string matching, exactly as ``shared/eval/README.md`` states it.

Normalisation: lower-case; periods deleted ("U.S." = "US"); a trailing ``'s`` dropped;
hyphens and other punctuation read as spaces; a leading "the/a/an/Mr/Mrs/Ms/Dr" dropped.
Two strings match when the tokens of one are a contiguous run of the tokens of the other
and the longer has at most :data:`MAX_EXTRA_TOKENS` tokens more. A string that normalises
to nothing matches nothing.

>>> match("U.S.", "the US")
True
>>> match("Hungarian", "Senior Hungarian officials")
True
>>> match("Hungary", "Senior Hungarian officials")
False
"""

from __future__ import annotations

import re

__all__ = [
    "LEADING_WORDS",
    "MAX_EXTRA_TOKENS",
    "PRONOUNS",
    "first_words",
    "is_pronoun",
    "match",
    "normalise",
    "tokens",
]

#: Words dropped at the start of a string (after lower-casing and deleting periods).
LEADING_WORDS = frozenset({"the", "a", "an", "mr", "mrs", "ms", "dr"})
#: The longer string may have at most this many tokens more than the shorter.
MAX_EXTRA_TOKENS = 8
#: Personal, possessive, reflexive and relative pronouns (ignored for actor figures).
PRONOUNS = frozenset(
    ["i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "you", "your", "yours", "yourself", "yourselves", "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself", "they", "them", "their", "theirs", "themselves", "who", "whom", "whose", "which", "that", "this", "these", "those"]
)

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})
_POSSESSIVE = re.compile(r"'s$")
_PUNCT = re.compile(r"[^\w\s]|_")


def normalise(text: str) -> str:
    """Return the lenient form of ``text``: lower-case tokens joined by single spaces.

    >>> normalise("The U.S.")
    'us'
    >>> normalise("North Korea's")
    'north korea'
    >>> normalise("Greece's.")
    'greece'
    >>> normalise("Mr. Kim Jong-un")
    'kim jong un'
    >>> normalise("the")
    ''
    """
    text = text.translate(_APOSTROPHES).lower().replace(".", "").strip()
    text = _POSSESSIVE.sub("", text)
    words = _PUNCT.sub(" ", text).split()
    if words and words[0] in LEADING_WORDS:
        words = words[1:]
    return " ".join(words)


def tokens(text: str) -> tuple[str, ...]:
    """Return the tokens of the lenient form of ``text``.

    >>> tokens("Greek-Cypriot sides")
    ('greek', 'cypriot', 'sides')
    """
    return tuple(normalise(text).split())


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    size = len(shorter)
    return any(longer[i : i + size] == shorter for i in range(len(longer) - size + 1))


def match(a: str | None, b: str | None) -> bool:
    """Tell whether two surface strings match leniently.

    Args:
        a: A string (``None`` matches nothing).
        b: Another string (``None`` matches nothing).

    Returns:
        True when one is a whole-token part of the other and the longer has at most
        eight tokens more than the shorter.

    >>> match("Romanian", "Senior Hungarian and Romanian officials")
    True
    >>> match("Kim", "Kimberly")
    False
    >>> match("Russia", "Russia has expended huge resources in the town of Bakhmut despite a battle")
    False
    """
    if not a or not b:
        return False
    short, long_ = sorted((tokens(a), tokens(b)), key=len)
    if not short or len(long_) - len(short) > MAX_EXTRA_TOKENS:
        return False
    return _contains(long_, short)


def is_pronoun(text: str) -> bool:
    """Tell whether a mention is a pronoun ("He", "its"); "US" (the country) is not.

    >>> is_pronoun("He"), is_pronoun("his"), is_pronoun("US"), is_pronoun("his government")
    (True, True, False, False)
    """
    raw = text.strip()
    return raw != "US" and raw.lower() in PRONOUNS


def first_words(sentence: str, n: int = 10) -> tuple[str, ...]:
    """Return the first ``n`` words of a sentence, lower-cased, punctuation read as spaces.

    This identifies a sentence across sentence splitters (quotes and spacing differ).

    >>> first_words('"He (Kim Jong Un) doesn\\'t look willing to back down on nuclear armament', 5)
    ('he', 'kim', 'jong', 'un', 'doesn')
    """
    text = sentence.translate(_APOSTROPHES).lower().replace(".", "")
    return tuple(_PUNCT.sub(" ", text).split()[:n])
