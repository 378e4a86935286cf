"""Turtle and TriG copy the unchanged articles of the files they replace, and only those."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kgraph.config import Settings
from kgraph.export import export, write_exports
from kgraph.export.rdf_reuse import chunk_index_path
from kgraph.export.rdf_text import TextBuilder
from kgraph.graph import KnowledgeGraph
from rdf_fixtures import nasty_graph, seed_graph, synthetic_graph

FILES = {"turtle": "graph.ttl", "trig": "graph.trig"}


def _rendered(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """Record the article of every chunk body that is formatted (not copied)."""
    docs: list[str | None] = []
    real = TextBuilder.render

    def render(self: TextBuilder, doc: str | None, items: list[tuple[str, str]]) -> str:
        docs.append(doc)
        return real(self, doc, items)

    monkeypatch.setattr(TextBuilder, "render", render)
    return docs


def _fresh(kg: KnowledgeGraph, fmt: str) -> bytes:
    out = export(kg, format=fmt, settings=Settings())
    assert out is not None
    return out


@pytest.mark.parametrize("fmt", ["turtle", "trig"])
def test_a_rewrite_of_the_same_graph_copies_every_article(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kg = synthetic_graph(20, 5, 30)
    write_exports(kg, tmp_path, [fmt])
    assert chunk_index_path(tmp_path / FILES[fmt]).is_file()
    rendered = _rendered(monkeypatch)
    write_exports(synthetic_graph(20, 5, 30), tmp_path, [fmt])
    assert rendered == []
    assert (tmp_path / FILES[fmt]).read_bytes() == _fresh(synthetic_graph(20, 5, 30), fmt)


@pytest.mark.parametrize("fmt", ["turtle", "trig"])
def test_changed_nodes_reformat_exactly_their_articles(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_exports(seed_graph(), tmp_path, [fmt])
    kg = seed_graph()
    actor = next(n for n, d in kg.graph.nodes(data=True) if d.get("kind") == "actor" and len(
        {m["doc"] for m in d.get("mentions") or ()}) == 1)  # fmt: skip
    kg.graph.nodes[actor]["aliases"] = [*kg.graph.nodes[actor]["aliases"], "A New Alias"]
    (doc,) = {m["doc"] for m in kg.graph.nodes[actor]["mentions"]}
    rendered = _rendered(monkeypatch)
    write_exports(kg, tmp_path, [fmt])
    assert doc in rendered and len(rendered) < len(kg.documents) + 1
    assert (tmp_path / FILES[fmt]).read_bytes() == _fresh(kg, fmt)


@pytest.mark.parametrize("fmt", ["turtle", "trig"])
def test_a_new_article_sorting_first_moves_shared_nodes_correctly(fmt: str, tmp_path: Path) -> None:
    """In Turtle a node is written with the first article that has it: a new first article takes it over."""
    kg = synthetic_graph(10, 4, 12)
    write_exports(kg, tmp_path, [fmt])
    bigger = synthetic_graph(10, 4, 12)
    first = sorted(bigger.documents)[0]
    bigger.documents["000-new"] = dict(bigger.documents[first])
    for _, data in bigger.graph.nodes(data=True):
        if data.get("kind") == "actor":
            data["mentions"] = [*data["mentions"], {"doc": "000-new", "start": 0, "end": 3, "text": "New"}]
    write_exports(bigger, tmp_path, [fmt])
    assert (tmp_path / FILES[fmt]).read_bytes() == _fresh(bigger, fmt)


@pytest.mark.parametrize("fmt", ["turtle", "trig"])
def test_an_edited_old_file_is_not_trusted(fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_exports(nasty_graph(), tmp_path, [fmt])
    path = tmp_path / FILES[fmt]
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 1] = b"X" if data[middle : middle + 1] != b"X" else b"Y"  # same size, one byte changed
    path.write_bytes(bytes(data))
    rendered = _rendered(monkeypatch)
    write_exports(nasty_graph(), tmp_path, [fmt])
    assert rendered  # the damaged chunk is formatted again
    assert path.read_bytes() == _fresh(nasty_graph(), fmt)


def test_an_index_of_other_settings_or_a_damaged_index_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_exports(seed_graph(), tmp_path, ["turtle"])
    other = Settings(base_iri="https://example.org/id/")
    rendered = _rendered(monkeypatch)
    write_exports(seed_graph(), tmp_path, ["turtle"], settings=other)
    assert rendered  # another base IRI: nothing copied
    assert (tmp_path / "graph.ttl").read_bytes() == export(seed_graph(), format="turtle", settings=other)
    index = chunk_index_path(tmp_path / "graph.ttl")
    index.write_text(json.dumps({"kgraph_chunks": 1, "salt": "x"})[:-3])
    write_exports(seed_graph(), tmp_path, ["turtle"])
    assert (tmp_path / "graph.ttl").read_bytes() == _fresh(seed_graph(), "turtle")


def test_the_update_folder_is_read_and_the_output_folder_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_exports(seed_graph(), tmp_path / "old", ["trig"])
    rendered = _rendered(monkeypatch)
    write_exports(seed_graph(), tmp_path / "new", ["trig"], previous_dir=tmp_path / "old")
    assert rendered == []
    assert (tmp_path / "new" / "graph.trig").read_bytes() == (tmp_path / "old" / "graph.trig").read_bytes()


def test_a_node_value_that_is_no_plain_data_is_formatted_every_time(tmp_path: Path) -> None:
    class Relation:
        def __str__(self) -> str:
            return "meet"

    kg = seed_graph()
    event = next(n for n, d in kg.graph.nodes(data=True) if d.get("kind") == "event")
    kg.graph.nodes[event]["relation"] = Relation()
    write_exports(kg, tmp_path, ["turtle"])
    write_exports(kg, tmp_path, ["turtle"])
    assert (tmp_path / "graph.ttl").read_bytes() == _fresh(kg, "turtle")
    assert b'kg:relation "meet"' in (tmp_path / "graph.ttl").read_bytes()
