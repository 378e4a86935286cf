"""Time to interactive of kgraph's graph.html in headless Chromium, with all network blocked.

Builds the corpus (default: the 417 BBC politics articles in ../shared, read in place), writes
graph.html with the default settings (or ``--max-nodes``), opens it ``--repeat`` times in a fresh
browser context and reports the time from navigation to ``window.kgraph.ready`` (graph drawn,
controls wired), plus the machine it ran on.

    .venv/bin/python benchmarks/bench_html.py
    .venv/bin/python benchmarks/bench_html.py --max-nodes 0     # 0: keep every node
    .venv/bin/python benchmarks/bench_html.py --input ../shared/corpora/seed_article.txt \
        --repeat 1 --screenshot docs/img/seed-graph.png --select "Kim Jong Un"   # the README image
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from _speed_common import machine

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = ROOT.parent / "shared" / "corpora" / "bbc_politics.jsonl"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def chromium_version() -> str:
    """The Chromium the benchmark drives, as it names itself."""
    return subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, check=False).stdout.strip()


def build_page(input_path: Path, out: Path, max_nodes: int | None) -> dict[str, float]:
    """Build the graph and write graph.html; return timings and counts."""
    import kgraph.pipeline
    from kgraph.config import Settings
    from kgraph.export import export

    settings = Settings() if max_nodes is None else replace(Settings(), html_max_nodes=max_nodes or None)
    t0 = time.perf_counter()
    if input_path.is_dir() or input_path.name == "graph.json":  # a build folder: load, do not rebuild
        from kgraph.load import load

        kg = load(input_path)
    else:
        kg = kgraph.pipeline.build([input_path], settings=settings)
    t1 = time.perf_counter()
    export(kg, out, format="html", settings=settings)
    t2 = time.perf_counter()
    actors = sum(1 for _ in kg.actors())
    return {"build_s": t1 - t0, "export_s": t2 - t1, "graph_nodes": kg.graph.number_of_nodes(),
            "actors": actors, "events": kg.graph.number_of_nodes() - actors, "bytes": out.stat().st_size}  # fmt: skip


def open_once(browser: object, uri: str) -> dict[str, float]:
    """Open the page in a fresh context; return wall and in-page times to interactive (s)."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})  # type: ignore[attr-defined]
    blocked: list[str] = []

    def route(r: object) -> None:
        url = r.request.url  # type: ignore[attr-defined]
        if url.startswith(("file:", "data:")):
            r.continue_()  # type: ignore[attr-defined]
        else:
            blocked.append(url)
            r.abort()  # type: ignore[attr-defined]

    context.route("**/*", route)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    t0 = time.perf_counter()
    page.goto(uri, wait_until="commit")
    page.wait_for_function("() => window.kgraph && window.kgraph.ready", timeout=120_000)
    wall = time.perf_counter() - t0
    result = {"wall_s": wall, "page_s": page.evaluate("kgraph.readyAt") / 1000, "nodes": page.evaluate("kgraph.nodes.length"),
              "edges": page.evaluate("kgraph.edges.length"), "blocked": len(blocked), "errors": len(errors)}  # fmt: skip
    context.close()
    return result


def screenshot(browser: object, uri: str, path: Path, select: str | None) -> None:
    """Save a PNG of the page, with the first actor matching ``select`` clicked when given."""
    page = browser.new_page(viewport={"width": 1400, "height": 860})  # type: ignore[attr-defined]
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
    page.goto(uri)
    page.wait_for_function("() => window.kgraph && window.kgraph.ready", timeout=120_000)
    if select:
        page.fill("#kg-search", select)
        page.keyboard.press("Enter")
        page.evaluate("kgraph.network.fit({animation: false})")
        page.fill("#kg-search", "")
    page.wait_for_timeout(300)
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path))
    page.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--input",
        type=Path,
        default=DEFAULT_INPUT,
        help="corpus, or a build folder / graph.json to load instead of building (default: %(default)s)",
    )
    parser.add_argument(
        "--max-nodes", type=int, default=None, help="html_max_nodes (default: Settings'; 0: all)"
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="also copy graph.html here")
    parser.add_argument("--screenshot", type=Path, help="also save a PNG of the page here")
    parser.add_argument("--select", help="with --screenshot: click the actor this name or alias finds")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "graph.html"
        info = build_page(args.input, out, args.max_nodes)
        if args.keep:
            args.keep.write_bytes(out.read_bytes())
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            runs = [open_once(browser, out.as_uri()) for _ in range(args.repeat)]
            if args.screenshot:
                screenshot(browser, out.as_uri(), args.screenshot, args.select)
            browser.close()
    print(f"machine: {machine(chromium_version())}")
    print(f"input: {args.input.name}; graph: {info['graph_nodes']} nodes ({info['actors']} actors, {info['events']} events); "
          f"build or load {info['build_s']:.1f} s, graph.html {info['bytes'] / 1e6:.2f} MB written in {info['export_s']:.2f} s")  # fmt: skip
    print(f"page: {runs[0]['nodes']} nodes, {runs[0]['edges']} edges; blocked requests {sum(r['blocked'] for r in runs)}, "
          f"console errors {sum(r['errors'] for r in runs)}")  # fmt: skip
    walls = [r["wall_s"] for r in runs]
    print(f"time to interactive over {len(runs)} loads: median {statistics.median(walls):.2f} s, max {max(walls):.2f} s "
          f"(in-page median {statistics.median(r['page_s'] for r in runs):.2f} s)")  # fmt: skip
    return 0 if max(walls) < 5 and not any(r["blocked"] or r["errors"] for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
