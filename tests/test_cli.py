"""The CLI end to end on the bundled examples and the seed article (model tier)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib

from conftest import EXAMPLES
from kgraph.cli import main

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("exports")
    assert main(["build", str(EXAMPLES), "-o", str(out), "--quiet"]) == 0
    return out


@pytest.mark.parametrize("name", ["graph.ttl", "graph.trig", "graph.json", "graph.html", "events.jsonl", "report.json"])
def test_build_writes_default_exports(demo: Path, name: str) -> None:
    assert (demo / name).stat().st_size > 0


def test_build_turtle_parses_with_rdflib(demo: Path) -> None:
    graph = rdflib.Graph().parse(demo / "graph.ttl", format="turtle")
    assert len(graph) > 100


def test_build_report_accounts_for_every_document(demo: Path) -> None:
    report = json.loads((demo / "report.json").read_text())
    statuses = {row["doc"]: row["status"] for row in report["documents"]}
    assert sum(s == "processed" for s in statuses.values()) == 5
    assert sum(s == "duplicate" for s in statuses.values()) == 5  # examples/text/*.txt repeat the JSONL
    assert report["documents_skipped"] == 0


def test_build_jsonl_metadata_reaches_the_graph(demo: Path) -> None:
    data = json.loads((demo / "graph.json").read_text())
    docs = data["graph"]["documents"]
    assert docs["2024-03-06-sanctions"]["date"] == "2024-03-06"


def test_extract_writes_contract_records(tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    assert main(["extract", str(EXAMPLES / "articles.jsonl"), "-o", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert records and {r["doc"] for r in records} == {p.stem for p in (EXAMPLES / "text").glob("*.txt")}
    sanction = [r for r in records if r["type"] == "SANCTION"]
    assert any(a["label"] == "United States" for r in sanction for a in r["actor"])


def test_cli_missing_input_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(tmp_path / "nope.txt"), "-o", str(tmp_path)]) == 2
    assert "nope.txt" in capsys.readouterr().err


def test_cli_missing_model_says_what_to_install(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(EXAMPLES / "articles.jsonl"), "--model", "xx_no_such_model", "-o", "-"]) == 2
    assert "pip install" in capsys.readouterr().err


def test_build_max_nodes_caps_the_page_and_says_what_was_left_out(tmp_path: Path) -> None:
    from test_html_export import blocks

    assert main(["build", str(EXAMPLES / "articles.jsonl"), "-o", str(tmp_path), "--quiet", "--max-nodes", "10"]) == 0
    data = blocks((tmp_path / "graph.html").read_text(encoding="utf-8"))
    total = len(json.loads((tmp_path / "graph.json").read_text())["nodes"])
    assert len(data["kg-nodes"]) <= 10 < total
    assert data["kg-meta"]["counts"]["omitted"] == total - len(data["kg-nodes"])
