"""A spaCy component: ``nlp.add_pipe("kgraph_events")`` sets ``doc._.kgraph_events``.

For people with their own spaCy pipelines. ``doc._.kgraph_events`` is a list of contract
records (the ``events.jsonl`` fields of ``shared/eval/README.md``), with actors resolved
within the document. The factory is registered through the ``spacy_factories`` entry
point, so importing kgraph first is not needed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["KGraphEvents", "make_kgraph_events"]


class KGraphEvents:
    """The pipeline component; reads the parse and entities, writes ``doc._.kgraph_events``."""

    def __init__(self, name: str = "kgraph_events") -> None:
        from spacy.tokens import Doc

        from kgraph.extract import load_lexicon
        from kgraph.link.tables import load_tables

        if not Doc.has_extension("kgraph_events"):
            Doc.set_extension("kgraph_events", default=None)
        self.name = name
        self._lexicon = load_lexicon()
        self._tables = load_tables()

    def __call__(self, doc: Doc) -> Doc:
        from kgraph.config import Settings
        from kgraph.model import Document
        from kgraph.pipeline import analyze
        from kgraph.records import event_records

        document = Document(id=doc.user_data.get("kgraph_doc_id", "doc"), text=doc.text)
        result = analyze(doc, document, lexicon=self._lexicon, tables=self._tables, settings=Settings())
        doc._.kgraph_events = list(event_records(result))
        return doc


def make_kgraph_events(nlp: Language, name: str) -> KGraphEvents:
    """spaCy factory for the ``kgraph_events`` component."""
    return KGraphEvents(name)


def _register() -> Any:
    from spacy.language import Language

    if not Language.has_factory("kgraph_events"):
        Language.factory("kgraph_events", requires=["doc.ents", "token.dep"], assigns=["doc._.kgraph_events"])(make_kgraph_events)


_register()
