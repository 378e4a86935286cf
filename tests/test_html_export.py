"""The HTML exporter without a browser: offline page, escaped data, selection and layout."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from dataclasses import replace

import pytest

from html_fixtures import PAYLOADS, big_graph, hostile_graph, small_graph
from kgraph.config import Settings
from kgraph.export import export, get_exporter
from kgraph.export.html import PHYSICS_LIMIT, escape_json, to_html, write_html
from kgraph.graph import KnowledgeGraph

JSON_BLOCK = re.compile(r'<script type="application/json" id="(kg-[a-z]+)">(.*?)</script>', re.DOTALL)


def blocks(html: str) -> dict[str, object]:
    """Return the page's JSON blocks by id, parsed."""
    return {name: json.loads(text) for name, text in JSON_BLOCK.findall(html)}


@pytest.fixture(scope="module")
def small_html() -> str:
    return to_html(small_graph())


def test_registered_as_html_and_writes_utf8_bytes() -> None:
    buffer = io.BytesIO()
    get_exporter("html")(small_graph(), buffer, settings=Settings())
    page = buffer.getvalue().decode("utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in page


def test_export_to_path_writes_only_that_file(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # pyvis's write_html would copy lib/ here
    export(small_graph(), tmp_path / "graph.html")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.html"]


def test_page_fetches_nothing(small_html: str) -> None:
    assert not re.search(
        r"""(src|href|action|poster|data)\s*=\s*["']?\s*(https?:)?//""", small_html, re.IGNORECASE
    )
    assert "<link" not in small_html.lower()
    assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", small_html, re.IGNORECASE)
    assert "default-src 'none'" in small_html  # the CSP forbids any fetch the checks above miss
    assert "vis.Network" in small_html and "cdnjs" not in small_html and "jsdelivr" not in small_html


def test_every_graph_node_and_edge_is_in_the_page(small_html: str) -> None:
    kg = small_graph()
    data = blocks(small_html)
    assert sorted(n["id"] for n in data["kg-nodes"]) == sorted(kg.graph.nodes)
    assert len(data["kg-edges"]) == kg.graph.number_of_edges()
    assert all(e["arrows"] == "to" for e in data["kg-edges"])


def test_parallel_events_between_one_pair_are_separate_nodes(small_html: str) -> None:
    events = [n for n in blocks(small_html)["kg-nodes"] if n["kg"]["kind"] == "event"]
    relations = {n["kg"]["relation"] for n in events}
    assert {"impose sanction", "condemn"} <= relations  # both UN → North Korea


def test_actor_colour_by_type_and_size_by_activity(small_html: str) -> None:
    actors = {n["label"]: n for n in blocks(small_html)["kg-nodes"] if n["kg"]["kind"] == "actor"}
    assert actors["North Korea"]["color"] == actors["South Korea"]["color"] != actors["Kim Jong Un"]["color"]
    assert actors["North Korea"]["size"] > actors["Reuters"]["size"]
    assert actors["North Korea"]["kg"]["activity"] == 5


def test_output_is_deterministic() -> None:
    assert to_html(small_graph()) == to_html(small_graph())
    big = big_graph(900, 1500)
    assert to_html(big) == to_html(big)


def test_hostile_text_never_appears_raw() -> None:
    page = to_html(hostile_graph())
    for payload in PAYLOADS:
        if "<" in payload:  # a javascript: URL is harmless text until used as a link (the browser test)
            assert payload not in page
    assert page.lower().count("</script") == 6  # vis-network, app.js and four JSON blocks
    assert "<img src=x" not in page and "<svg onload" not in page and "<iframe" not in page
    assert "\u2028" not in page and "\u2029" not in page
    nodes = blocks(page)["kg-nodes"]
    assert any(PAYLOADS[0] in n["label"] for n in nodes)  # the text survives, escaped


def test_escape_json_round_trips() -> None:
    text = json.dumps({"s": "</script>&<!--\u2028\u2029"}, ensure_ascii=False)
    escaped = escape_json(text)
    assert not set("<>&\u2028\u2029") & set(escaped)
    assert json.loads(escaped) == json.loads(text)


def test_small_graph_uses_bounded_physics(small_html: str) -> None:
    physics = blocks(small_html)["kg-options"]["physics"]
    assert physics["enabled"] and physics["stabilization"]["iterations"] <= 300


def test_big_graph_is_laid_out_in_python_without_physics() -> None:
    kg = big_graph(600, 900)
    assert kg.graph.number_of_nodes() > PHYSICS_LIMIT
    data = blocks(to_html(kg, settings=replace(Settings(), html_max_nodes=None)))
    assert data["kg-options"]["physics"]["enabled"] is False
    assert len(data["kg-nodes"]) == kg.graph.number_of_nodes()
    points = {(n["x"], n["y"]) for n in data["kg-nodes"]}
    assert len(points) == len(data["kg-nodes"])  # every node has its own place


def test_max_nodes_keeps_the_most_active_and_says_what_was_left_out() -> None:
    kg = big_graph(400, 800)
    data = blocks(to_html(kg, settings=replace(Settings(), html_max_nodes=300)))
    nodes = data["kg-nodes"]
    assert 250 <= len(nodes) <= 300
    kept = {n["id"] for n in nodes}
    assert "actor:" + __import__("hashlib").sha1(b"Actor 0").hexdigest()[:10] in kept  # the busiest actor
    assert all(e["from"] in kept and e["to"] in kept for e in data["kg-edges"])
    meta = data["kg-meta"]
    assert meta["counts"]["omitted"] == kg.graph.number_of_nodes() - len(nodes)
    assert "left out" in meta["omittedNote"]


def test_default_settings_cap_the_page_at_html_max_nodes() -> None:
    assert Settings().html_max_nodes == 2000
    data = blocks(to_html(big_graph(1000, 1800)))
    assert len(data["kg-nodes"]) <= 2000


def test_empty_graph() -> None:
    buffer = io.BytesIO()
    write_html(KnowledgeGraph(), buffer, settings=Settings())
    assert blocks(buffer.getvalue().decode("utf-8"))["kg-nodes"] == []


def test_import_does_not_import_pyvis() -> None:
    code = "import kgraph.export.html, sys; print('pyvis' in sys.modules, 'IPython' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_events_without_actors_only_fill_the_room_left() -> None:
    kg = big_graph(300, 500)
    for i in range(400):  # events the linker could not attach to any actor
        kg.graph.add_node(f"event:orphan{i:03d}", kind="event", relation="say", type=None, mood="asserted",
                          evidence=[], sources=[], date=None)  # fmt: skip
    nodes = blocks(to_html(kg, settings=replace(Settings(), html_max_nodes=400)))["kg-nodes"]
    kinds = [n["kg"]["kind"] for n in nodes]
    assert kinds.count("actor") >= 50
    assert not any(n["id"].startswith("event:orphan") for n in nodes) or len(nodes) == 400


def test_max_nodes_zero_or_none_keeps_every_node() -> None:
    kg = big_graph(700, 900)
    for cap in (None, 0):
        nodes = blocks(to_html(kg, settings=replace(Settings(), html_max_nodes=cap)))["kg-nodes"]
        assert len(nodes) == kg.graph.number_of_nodes()
