"""kgraph.diff and the ``kgraph diff`` / ``kgraph query`` commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import kgraph
from conftest import EXAMPLES
from kgraph.cli import main
from kgraph.diff import diff, format_text
from test_graph_api import small_graph


def _changed() -> tuple[kgraph.KnowledgeGraph, kgraph.KnowledgeGraph]:
    old, new = small_graph(), small_graph()
    new.graph.remove_node("actor:loner")
    new.graph.add_node("actor:iran", kind="actor", label="Iran", type="COUNTRY", country="IRN", aliases=["Iran"])
    new.graph.nodes["event:threat"]["mood"] = "asserted"
    new.graph.remove_edge("event:sanction", "actor:north-korea", key="recipient")
    new.graph.remove_node("event:say")
    new.graph.add_node("event:aid", kind="event", type="AID", relation="send aid", sources=["d"])
    new.graph.add_edge("actor:iran", "event:aid", key="actor", role="actor")
    new.graph.nodes["actor:kim-jong-un"]["aliases"] = ["Kim", "Kim Jong Un", "Kim Jong-un"]
    return old, new


def test_diff_identical_graphs_is_empty() -> None:
    d = diff(small_graph(), small_graph())
    assert not d and d.to_dict()["events"] == {"added": [], "removed": [], "changed": []}


def test_diff_finds_added_removed_and_changed() -> None:
    d = diff(*_changed())
    assert d.actors_added == ("actor:iran",) and d.actors_removed == ("actor:loner",)
    assert d.events_added == ("event:aid",) and d.events_removed == ("event:say",)
    changes = {c.id: c.fields for c in d.events_changed}
    assert changes["event:threat"] == {"mood": ("future", "asserted")}
    assert changes["event:sanction"] == {"recipients": (["actor:north-korea"], [])}
    [kim] = d.actors_changed
    assert kim.id == "actor:kim-jong-un" and set(kim.fields) == {"aliases"}


def test_diff_text_and_json() -> None:
    old, new = _changed()
    d = diff(old, new)
    text = format_text(d, old, new)
    assert text.splitlines()[0] == "actors: +1 -1 ~1; events: +1 -1 ~2"
    assert "+ actor actor:iran  Iran (COUNTRY)" in text and "- event event:say" in text
    assert "~ event event:threat" in text and "mood future -> asserted" in text
    data = json.loads(json.dumps(d.to_dict()))
    assert data["events"]["changed"][1]["fields"]["mood"] == {"old": "future", "new": "asserted"}


def test_diff_cli_on_build_folders(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = _changed()
    old.export(tmp_path / "old" / "graph.json")
    new.export(tmp_path / "new" / "graph.json")
    assert main(["diff", str(tmp_path / "old"), str(tmp_path / "new")]) == 0
    assert capsys.readouterr().out.startswith("actors: +1 -1 ~1")
    assert main(["diff", str(tmp_path / "old"), str(tmp_path / "new"), "--json", "--exit-code"]) == 1
    assert json.loads(capsys.readouterr().out)["actors"]["added"] == ["actor:iran"]
    assert main(["diff", str(tmp_path / "old"), str(tmp_path / "old"), "--exit-code"]) == 0


def test_diff_cli_missing_build_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(tmp_path / "a"), str(tmp_path / "b")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_query_cli_shows_aliases_events_and_neighbours(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    small_graph().export(tmp_path / "graph.json")
    assert main(["query", "Kim", "--graph", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].startswith("Kim Jong Un  actor:kim-jong-un") and lines[1] == "aliases: Kim; Kim Jong Un"
    assert "  REJECT (1)" in out and "2016-03-05" in out and "neighbours: " in out
    assert out.index("  REJECT") < out.index("  STATEMENT") < out.index("  untyped")


def test_query_cli_json_and_filters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    small_graph().export(tmp_path / "graph.json")
    assert main(["query", "Kim Jong Un", "--graph", str(tmp_path), "--json", "--since", "2016"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["id"] == "actor:kim-jong-un" and {e["id"] for e in data["events"]} == {"event:reject", "event:threat"}
    assert {n["id"] for n in data["neighbours"]} >= {"actor:kim-jong-il"}


def test_query_cli_unknown_actor_suggests(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    small_graph().export(tmp_path / "graph.json")
    assert main(["query", "Kim Jong", "--graph", str(tmp_path)]) == 2
    assert "Did you mean" in capsys.readouterr().err


@pytest.mark.model
def test_diff_of_two_real_builds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    one = kgraph.build([EXAMPLES / "text" / "2024-03-06-sanctions.txt"])
    two = kgraph.build([EXAMPLES / "text" / "2024-03-06-sanctions.txt", EXAMPLES / "text" / "2024-03-09-protest.txt"])
    one.save(tmp_path / "one")
    two.save(tmp_path / "two")
    d = diff(tmp_path / "one", tmp_path / "two")
    assert d.events_added and not d.events_removed
    assert set(d.events_added) == {e.id for e in two.events()} - {e.id for e in one.events()}
    assert main(["query", "United States", "--graph", str(tmp_path / "two")]) == 0
    assert "United States" in capsys.readouterr().out
