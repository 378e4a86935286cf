"""Extraction on a Dask cluster gives the same graph as a single process (LocalCluster)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLES
from kgraph.config import Settings
from kgraph.pipeline import build

pytestmark = pytest.mark.model
distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


def test_cluster_build_equals_single_process_build(client) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(batch_size=2)
    local = build([str(EXAMPLES)], settings=settings)
    remote = build([str(EXAMPLES)], settings=settings, scheduler=client)
    assert remote.results == local.results
    assert sorted(remote.graph.nodes(data=True)) == sorted(local.graph.nodes(data=True))
    assert sorted(remote.graph.edges(keys=True, data=True)) == sorted(local.graph.edges(keys=True, data=True))
    assert remote.report == local.report


def test_cli_scheduler_address(client, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from kgraph.cli import main

    address = client.scheduler.address
    assert main(["build", str(EXAMPLES / "articles.jsonl"), "-o", str(tmp_path), "--scheduler", address,
                 "--quiet", "--no-cache", "--format", "json"]) == 0  # fmt: skip
    assert (tmp_path / "graph.json").stat().st_size > 0
