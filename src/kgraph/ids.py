"""The one place node ids and IRIs are minted.

Ids are deterministic: the same name or the same evidence always yields the same id,
so re-ingesting an article yields identical nodes and triples.

>>> actor_id("UN Security Council")
'actor:un-security-council'
>>> actor_id("Ökonomie & \\"Co\\"")
'actor:okonomie-co'
>>> event_id("seed", 10, 26, "pass sanction")
'event:c9d08a083d7d94c2'
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from urllib.parse import quote

__all__ = ["actor_id", "event_id", "slug", "stable_hash", "to_iri"]

_NON_WORD = re.compile(r"[^a-z0-9]+")


def stable_hash(*parts: object, length: int = 16) -> str:
    """Return a hex digest of ``parts`` that is the same on every run and machine."""
    text = "\x1f".join(str(p) for p in parts)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()[:length]


@functools.lru_cache(maxsize=1 << 16)  # the same labels come back in every document
def slug(name: str) -> str:
    """Lower-case ASCII slug of ``name``; falls back to a hash for names with no letters."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    text = _NON_WORD.sub("-", ascii_name.lower().replace("'", "")).strip("-")
    return text or "x-" + stable_hash(name, length=10)


def actor_id(name: str) -> str:
    """Return the node id of an actor with canonical label ``name``."""
    return "actor:" + slug(name)


def event_id(doc: str, start: int, end: int, relation: str) -> str:
    """Return the id of the event whose trigger spans ``start:end`` of document ``doc``."""
    return "event:" + stable_hash(doc, start, end, relation)


def to_iri(node_id: str, base: str) -> str:
    """Return the IRI of a node id under ``base``: ``actor:x`` → ``{base}actor/x``.

    >>> to_iri("actor:north-korea", "https://w3id.org/kgraph/id/")
    'https://w3id.org/kgraph/id/actor/north-korea'
    >>> to_iri("doc:a b<c>", "urn:x:")
    'urn:x:doc/a%20b%3Cc%3E'
    >>> to_iri("doc:report 12.", "urn:x:")
    'urn:x:doc/report%2012%2E'
    """
    kind, _, local = node_id.partition(":")
    encoded = quote(local, safe="-._~")
    if encoded.endswith("."):  # a trailing dot ends a prefixed name in Turtle: some parsers misread it
        encoded = encoded[:-1] + "%2E"
    return f"{base}{kind}/{encoded}"
