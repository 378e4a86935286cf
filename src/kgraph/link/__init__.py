"""Linking: mentions → actors within a document, then documents → one graph.

:func:`resolve` works on one parsed document; :func:`link` merges many
:class:`~kgraph.model.DocResult` into a :class:`~kgraph.graph.KnowledgeGraph`.
"""

from __future__ import annotations

from kgraph.link.graph import link
from kgraph.link.resolve import resolve

__all__ = ["link", "resolve"]
