"""Built-in actor tables: countries (pycountry), intergovernmental bodies, aliases.

>>> t = load_tables()
>>> t.canonical_key("un", "ORG"), t.label_for("united nations", "U.N.")
('united nations', 'United Nations')
>>> t.classify("north korea", "GPE")
('COUNTRY', 'PRK')
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

__all__ = ["Tables", "load_tables"]

# key → (label, ISO alpha-3 or IGO); aliases map to these keys.
_IGOS = {
    "united nations": ("United Nations", "IGO"),
    "un security council": ("UN Security Council", "IGO"),
    "european union": ("European Union", "IGO"),
    "nato": ("NATO", "IGO"),
}
_ALIASES = {
    "un": "united nations",
    "united nations security council": "un security council",
    "security council": "un security council",
    "eu": "european union",
    "north atlantic treaty organization": "nato",
    "us": "united states",
    "usa": "united states",
    "uk": "united kingdom",
    "britain": "united kingdom",
    "dprk": "north korea",
    "south": "south korea",
}
_COUNTRY_NAMES = {
    "north korea": ("North Korea", "PRK"),
    "south korea": ("South Korea", "KOR"),
    "united states": ("United States", "USA"),
    "united kingdom": ("United Kingdom", "GBR"),
    "russia": ("Russia", "RUS"),
    "iran": ("Iran", "IRN"),
    "syria": ("Syria", "SYR"),
}


@dataclass(frozen=True)
class Tables:
    """Lookup tables for canonical names, types and country codes."""

    aliases: dict[str, str] = field(default_factory=dict)
    known: dict[str, tuple[str, str]] = field(default_factory=dict)

    def canonical_key(self, key: str, ner: str = "") -> str:
        """Map a normalised name to its canonical key."""
        return self.aliases.get(key, key)

    def label_for(self, key: str, text: str) -> str:
        """Canonical label for a key, else the surface text without a leading article."""
        if key in self.known:
            return self.known[key][0]
        words = text.strip().split()
        if words and words[0].lower() in ("the", "a", "an"):
            words = words[1:]
        label = " ".join(words) or text.strip()
        return label[:-2] if label.endswith(("'s", "\u2019s")) else label

    def classify(self, key: str, ner: str) -> tuple[str, str | None]:
        """Return (actor type, country code) for a canonical key and its NER label."""
        if key in self.known:
            label, code = self.known[key]
            return ("ORGANIZATION" if code == "IGO" else "COUNTRY"), code
        kind = {"PERSON": "PERSON", "ORG": "ORGANIZATION", "NORP": "GROUP", "GPE": "LOCATION"}.get(ner, "OTHER")
        return kind, None


@functools.lru_cache(maxsize=1)
def load_tables() -> Tables:
    """Return the built-in tables (countries from pycountry plus curated names)."""
    import pycountry

    known: dict[str, tuple[str, str]] = dict(_IGOS)
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        known.setdefault(name.lower(), (name, country.alpha_3))
    known.update(_COUNTRY_NAMES)
    return Tables(aliases=dict(_ALIASES), known=known)
