"""kgraph: political news → a knowledge graph of who did what to whom, when, where, and who says so.

Importing kgraph is cheap: spaCy, its model, rdflib's serializers and pyvis are loaded
only when a function needs them.
"""

from __future__ import annotations

from kgraph.config import Settings
from kgraph.errors import (
    ConfigError,
    EndpointError,
    InputError,
    KGraphError,
    ModelNotFoundError,
    OntologyError,
    UnknownFormatError,
)
from kgraph.graph import KnowledgeGraph
from kgraph.load import load
from kgraph.model import Actor, DocResult, Document, Event, Evidence, Mention, Participant, Skipped
from kgraph.pipeline import build

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "ConfigError",
    "DocResult",
    "Document",
    "EndpointError",
    "Event",
    "Evidence",
    "InputError",
    "KGraphError",
    "KnowledgeGraph",
    "Mention",
    "ModelNotFoundError",
    "OntologyError",
    "Participant",
    "Settings",
    "Skipped",
    "UnknownFormatError",
    "__version__",
    "build",
    "load",
]
