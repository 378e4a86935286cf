"""Read a CAMEO verb dictionary in PETRARCH format into a :class:`Lexicon`.

Only what maps onto kgraph's lexicon is read: verbs with a code (their own, or their
block's), multi-word verbs (``+CALL_FOR`` → ``call for``) and patterns whose first
element after ``*`` is a word (``- * SANCTIONS [163]`` → ``<verb> sanction``) or a lone
preposition (``- * (TO) [042]`` → ``<verb> to``). Codes map to PLOVER types by CAMEO
root, with the sub-codes PLOVER moves (080-083 CONCEDE, 084-087 RETREAT, 191/192
COERCE). Synonym sets (``&WEAPON``) and nested phrases are skipped.

>>> lex = parse_petrarch_verbs([
...     "####### VERB PATTERNS #######",
...     "---  ACCUSE   [112]  ---",
...     "ACCUSE",
...     "BLAME [111]",
...     "+LASH_OUT {+LASHED_OUT} [111]",
...     "- * SANCTIONS   [163]  # ACCUSE",
... ], "CAMEO.txt")
>>> lex.lookup("accuse"), lex.lookup("lash", "out"), lex.lookup("accuse", "sanction")
(('ACCUSE', '11'), ('ACCUSE', '11'), ('SANCTION', '16'))
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from pathlib import Path

from kgraph.errors import ConfigError
from kgraph.extract.lexicon import Entry, Lexicon

__all__ = ["cameo_entry", "parse_petrarch_verbs", "read_petrarch_verbs"]

_ROOT_TYPES = {
    "01": "STATEMENT",
    "02": "REQUEST",
    "03": "AGREE",
    "04": "CONSULT",
    "05": "SUPPORT",
    "06": "COOPERATE",
    "07": "AID",
    "08": "CONCEDE",
    "09": "ACCUSE",
    "10": "REQUEST",
    "11": "ACCUSE",
    "12": "REJECT",
    "13": "THREATEN",
    "14": "PROTEST",
    "15": "MOBILIZE",
    "16": "SANCTION",
    "17": "COERCE",
    "18": "ASSAULT",
    "19": "ASSAULT",
    "20": "ASSAULT",
}
_CODE = re.compile(r"\[([0-9]{2,4})(?::[0-9]+)?\]")
_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")


def cameo_entry(code: str) -> Entry | None:
    """Return ``(type, root)`` for a CAMEO code ("163" → SANCTION 16, "084" → RETREAT 08).

    >>> cameo_entry("084"), cameo_entry("192"), cameo_entry("---")
    (('RETREAT', '08'), ('COERCE', '19'), None)
    """
    if not code[:2].isdigit():
        return None
    root = code[:2]
    if root == "08" and len(code) >= 3 and code[2] in "4567":
        return ("RETREAT", root)
    if code[:3] in ("191", "192"):
        return ("COERCE", root)
    kind = _ROOT_TYPES.get(root)
    return (kind, root) if kind else None


def _code(line: str) -> Entry | None:
    found = _CODE.search(line)
    return cameo_entry(found[1]) if found else None


def _verb_words(line: str) -> list[str]:
    """``ASK``, ``+ASK_FOR {+ASKED_FOR}`` → ["ask"], ["ask", "for"]."""
    head = re.split(r"[\s{\[#]", line.strip(), maxsplit=1)[0]
    return [w.lower() for w in head.lstrip("+").split("_") if w]


def _pattern_word(line: str) -> str | None:
    """The first element after ``*``: a word, the last word of ``{A B}``, or a lone ``(PREP)``."""
    after = line.split("*", 1)[1].split("[", 1)[0].strip() if "*" in line else ""
    if not after or after[0] in "&$+":
        return None
    group = re.match(r"\{([^}]*)\}|\(([A-Z]+)\)|([A-Z][A-Z'-]*)", after)
    if group is None:
        return None
    word = (group[1].split()[-1] if group[1] else group[2] or group[3]).lower()
    return None if word.startswith("&") else _singular(word)


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word


def parse_petrarch_verbs(lines: Iterable[str], origin: str) -> Lexicon:
    """Parse the lines of a PETRARCH verb dictionary (see the module docstring)."""
    lex = Lexicon()
    verbs: list[str] = []
    block: Entry | None = None
    started = False
    for line in lines:
        text = line.split("#", 1)[0].rstrip() if not line.startswith("#") else ""
        started = started or "VERB PATTERNS" in line
        if not started or not text.strip():
            continue
        header = _BLOCK.match(text)
        if header:
            verbs, block = [], cameo_entry(header[2])
        elif text.startswith("-"):
            word, entry = _pattern_word(text), _code(text)
            for verb in verbs if word and entry else ():
                lex.phrases.setdefault((verb, word), entry)  # type: ignore[arg-type]
        else:
            words, entry = _verb_words(text), _code(text) or block
            if len(words) == 1:
                verbs.append(words[0])
                if entry:
                    lex.verbs.setdefault(words[0], entry)
            elif len(words) > 1 and entry:
                lex.phrases.setdefault((words[0], words[-1]), entry)
    if not lex.verbs and not lex.phrases:
        raise ConfigError(f"{origin}: no verb patterns found; is this a PETRARCH CAMEO verb dictionary?")
    return lex


@functools.lru_cache(maxsize=4)
def read_petrarch_verbs(path: Path) -> Lexicon:
    """Read a PETRARCH CAMEO verb dictionary file (``Settings.cameo_verbs``)."""
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError as err:
        raise ConfigError(f"Cannot read the CAMEO verb dictionary {path}: {err}") from err
    return parse_petrarch_verbs(text.splitlines(), str(path))
