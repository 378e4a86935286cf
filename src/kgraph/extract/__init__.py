"""Extraction: a parsed spaCy ``Doc`` → :class:`~kgraph.model.Event` values.

``extract`` is pure: it reads the parse and the lexicon and returns frozen events
whose participants are not linked yet (``Participant.actor is None``); linking
happens in :mod:`kgraph.link`. spaCy objects never leave this package and
:mod:`kgraph.link.resolve`.
"""

from __future__ import annotations

from kgraph.extract.core import extract
from kgraph.extract.lexicon import Lexicon, load_lexicon

__all__ = ["Lexicon", "extract", "load_lexicon"]
