"""Extraction: a parsed spaCy ``Doc`` → :class:`~kgraph.model.Event` values.

``extract`` is pure: it reads the parse and the lexicon and returns frozen events
whose participants are not linked yet (``Participant.actor is None``); linking
happens in :mod:`kgraph.link`. spaCy objects never leave this package and
:mod:`kgraph.link.resolve`.

Modules, in the order a sentence goes through them:

- :mod:`~kgraph.extract.frames`: predicates → frames (verbs, event nouns, defiance), with
  :mod:`~kgraph.extract.plausible` (readings that hold no political event);
  :mod:`~kgraph.extract.quotes`: speakers no verb introduces ("according to", "In the poll,",
  signed quotes, "NAME:"); :mod:`~kgraph.extract.credits`: headlines credited to a source
  ("... — Kremlin"); :mod:`~kgraph.extract.claims`: statement nouns ("Russia's claims that...",
  "in Trump's words"); :mod:`~kgraph.extract.relations`: roles from appositions and copulas
  (untyped);
- :mod:`~kgraph.extract.participants`: subjects, objects and actor mentions;
- :mod:`~kgraph.extract.typing` with :mod:`~kgraph.extract.lexicon` (``data/lexicon.tsv``)
  and, optionally, :mod:`~kgraph.extract.petrarch` (a PETRARCH CAMEO verb dictionary);
- :mod:`~kgraph.extract.attribution` (speakers, statement topics) and
  :mod:`~kgraph.extract.mood`;
- :mod:`~kgraph.extract.core`: complements, derived intent/refusal/demand events, the
  nearest actor for a one-sided event (:mod:`~kgraph.extract.fallback`) and retyping
  (:mod:`~kgraph.extract.retype`: verbal attacks, warnings, military strikes);
- :mod:`~kgraph.extract.events`: dates (:mod:`~kgraph.extract.dates`), places
  (:mod:`~kgraph.extract.places`), confidence, frozen events.

Closed word classes live in :mod:`~kgraph.extract.words` and ``data/actor_nouns.txt``.
"""

from __future__ import annotations

from kgraph.extract.core import extract
from kgraph.extract.lexicon import Lexicon, load_lexicon

__all__ = ["Lexicon", "extract", "load_lexicon"]
