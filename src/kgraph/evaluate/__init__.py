"""Scoring kgraph's output against the gold sets of ``shared/eval`` (its README's rules).

The scorers are pure: they take ``events.jsonl`` records (dicts), gold records and, for whole
documents, the graph's actor nodes, and return frozen score values with ``to_dict()``.

========================  ==========================================  =====================
dev set                   figures                                     function
========================  ==========================================  =====================
PLOVER sentences          type/dyad/full recall, top1_full            :func:`score_plover`
CAMEO snippets            dyad and typed P/R/F1                       :func:`score_cameo`
attributions              speaker P/R/F1                              :func:`score_attribution`
whole documents (seed)    actor recall/splits/merges, event P/R/F1,   :func:`score_documents`
                          mood accuracy
========================  ==========================================  =====================

Common rules (``text``, ``codes``, ``align``): lenient string matching; a side matches by
text or label, or (PLOVER) by state code with old CAMEO codes read as ISO; category codes
(IGO, NGO...) by text only; an empty gold recipient matches anything; "typed" means a PLOVER
type; matching is one-to-one over ``(event, actor entry, recipient entry)`` units by maximum
bipartite matching; gold records sharing an id are merged.

Readings chosen where the README leaves room:

- Normalisation order: lower-case, delete periods, drop a trailing ``'s`` (also ``’s``),
  punctuation → spaces, then drop one leading the/a/an/mr/mrs/ms/dr. "Whole-token part" is a
  contiguous run of tokens. A string that normalises to nothing matches nothing.
- An empty gold *actor* (one PLOVER record: an unnamed bomber) matches anything, like an
  empty recipient. A system event with an empty side has one ``None`` entry there, which
  matches only an empty gold side.
- Precision counts units: an event with 2 actors and 1 recipient is 2 dyadic events, as
  event coders expand compound actors; aligned pairs are the true positives of both P and R.
- PLOVER figures are recalls over gold events (a record with several gold events after
  merging credits each at most once). ``top1_full``: the typed event with the highest
  confidence (ties: earliest trigger, then smallest id) must match fully.
- CAMEO: distinct triplets = same normalised subject and object and same root. System items
  are units of *every* record: the README says "events" here but "typed events" for PLOVER
  and whole documents, so untyped relations count (they can match a dyad, never a root).
  ``coded_dyad``/``coded_typed`` (coded events only: a type or a root) are reported too.
- Attribution: speakers and gold sources are counted once per distinct span; spans overlap
  when they share at least one character.
- Whole documents: a mention belongs to a gold actor when the normalised string equals one
  of its listed mentions (list membership, not containment). "Named" gold actors have a
  capitalised mention that is not a pronoun. Gold event sides match by the gold actor's label
  or non-pronoun mentions. Sentences are equal when their first ten words (lower-cased,
  punctuation ignored) are. Mood accuracy is over the ``typed`` pairs, choosing among maximum
  alignments one with most mood agreement. Without ``graph.json`` actor nodes are derived
  from the records' entries (by actor id).
- System records whose ``doc`` is ``id~2`` (ingest's renaming of a repeated id) count as ``id``.

>>> from kgraph.evaluate import match, score_plover
>>> match("U.S.", "US")
True
"""

from __future__ import annotations

from kgraph.evaluate.align import PRF, GoldEntity, Unit, align, is_typed, side_matches, units
from kgraph.evaluate.attribution import score_attribution
from kgraph.evaluate.cameo import CameoScores, score_cameo
from kgraph.evaluate.codes import same_state, state_code
from kgraph.evaluate.document import ActorScores, DocumentScores, score_documents
from kgraph.evaluate.gold import actor_nodes, gold_documents, load_gold, read_json, read_jsonl
from kgraph.evaluate.plover import PloverScores, score_plover
from kgraph.evaluate.run import (
    SETS,
    KGraphSystem,
    SetRun,
    details_set,
    evaluate_set,
    format_table,
    run_set,
    score_set,
)
from kgraph.evaluate.text import match, normalise

__all__ = [
    "PRF",
    "SETS",
    "ActorScores",
    "CameoScores",
    "DocumentScores",
    "GoldEntity",
    "KGraphSystem",
    "PloverScores",
    "SetRun",
    "Unit",
    "actor_nodes",
    "align",
    "details_set",
    "evaluate_set",
    "format_table",
    "gold_documents",
    "is_typed",
    "load_gold",
    "match",
    "normalise",
    "read_json",
    "read_jsonl",
    "run_set",
    "same_state",
    "score_attribution",
    "score_cameo",
    "score_documents",
    "score_plover",
    "score_set",
    "side_matches",
    "state_code",
    "units",
]
