"""Issue #2's acceptance checks on the seed article (skipped without ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

import kgraph

pytestmark = [pytest.mark.model, pytest.mark.shared]


@pytest.fixture(scope="module")
def seed(shared_dir: Path) -> kgraph.KnowledgeGraph:
    return kgraph.build([shared_dir / "corpora" / "seed_article.txt"])


def _node_with_alias(kg: kgraph.KnowledgeGraph, alias: str) -> list[str]:
    return [n for n, d in kg.actors() if alias in d["aliases"]]


def test_seed_kim_jong_un_is_one_node_with_bare_kim(seed: kgraph.KnowledgeGraph) -> None:
    [kim] = _node_with_alias(seed, "Kim Jong Un")
    texts = {m["text"] for m in seed.graph.nodes[kim]["mentions"]}
    assert {"Kim Jong Un", "Kim"} <= texts


def test_seed_kim_jong_il_is_another_node(seed: kgraph.KnowledgeGraph) -> None:
    il = [n for n, d in seed.actors() if any("Kim Jong Il" in a for a in d["aliases"])]
    un = _node_with_alias(seed, "Kim Jong Un")
    assert il and un and set(il).isdisjoint(un)


def test_seed_un_and_u_n_are_one_node_and_the_council_another(seed: kgraph.KnowledgeGraph) -> None:
    [un] = _node_with_alias(seed, "United Nations")
    assert "U.N." in seed.graph.nodes[un]["aliases"]
    council = [n for n, d in seed.actors() if any("Security Council" in a for a in d["aliases"])]
    assert council and un not in council


def test_seed_an_event_links_the_council_to_north_korea(seed: kgraph.KnowledgeGraph) -> None:
    council = {n for n, d in seed.actors() if any("Security Council" in a for a in d["aliases"])}
    korea = {n for n, d in seed.actors() if d["label"] == "North Korea"}
    links = [
        e for e, d in seed.event_nodes()
        if d["type"] == "SANCTION"
        and any(u in council for u, _ in seed.graph.in_edges(e))
        and any(v in korea for _, v in seed.graph.out_edges(e))
    ]  # fmt: skip
    assert links
