"""Untyped relations are a setting: ``Settings.untyped_relations``, ``--relations``, passed by the pipeline."""

from __future__ import annotations

import argparse
from dataclasses import replace

from extract_docs import build
from kgraph.cli._common import add_model_options, settings_from
from kgraph.config import Settings


def _hug(make_doc):  # type: ignore[no-untyped-def]
    rows = [
        ("Kim", 1, "nsubj", "PROPN"),
        ("hugged", 1, "ROOT", "VERB", "hug"),
        ("Putin", 1, "dobj", "PROPN"),
        (".", 1, "punct", "PUNCT"),
    ]
    return build(make_doc, rows, [(0, 1, "PERSON"), (2, 3, "PERSON")])


def test_relations_flag_sets_untyped_relations():
    parser = argparse.ArgumentParser()
    add_model_options(parser)
    assert settings_from(parser.parse_args([])).untyped_relations is False
    assert settings_from(parser.parse_args(["--relations"])).untyped_relations is True


def test_pipeline_passes_untyped_relations_to_extract(make_doc):
    from kgraph.extract import load_lexicon
    from kgraph.link.tables import load_tables
    from kgraph.model import Document
    from kgraph.pipeline import analyze

    doc = _hug(make_doc)
    document = Document(id="t", text=doc.text)
    options = {"lexicon": load_lexicon(), "tables": load_tables()}
    assert analyze(doc, document, settings=Settings(), **options).events == ()
    (event,) = analyze(doc, document, settings=replace(Settings(), untyped_relations=True), **options).events
    assert (event.relation, event.type) == ("hug", None)
