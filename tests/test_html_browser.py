"""The HTML view in a real headless Chromium, with every network request blocked.

One browser per test session; each test opens a fresh context on a page kgraph wrote.
After every test: no console error, no page error, no dialog and no network request.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest

from html_fixtures import add_event, big_graph, hostile_graph, small_graph
from kgraph.config import Settings
from kgraph.export import export
from kgraph.graph import KnowledgeGraph

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@dataclass
class Opened:
    """A loaded page and everything it tried to do that it should not."""

    page: Any
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def js(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)

    def assert_clean(self) -> None:
        assert self.requests == [], f"network requests attempted: {self.requests}"
        assert self.errors == [], f"console errors: {self.errors}"
        assert self.dialogs == [], f"dialogs opened: {self.dialogs}"
        assert self.js("window.__pwned") is None


def launch(playwright: Any) -> Any:
    """Start the Debian Chromium headless (Playwright's own browser download is not used)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip(f"{CHROMIUM} is absent (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


def watch(context: Any, opened: Opened) -> None:
    """Abort and record every request that is not the page file; record errors and dialogs."""

    def route(r: Any) -> None:
        if r.request.url.startswith(("file:", "data:")):
            r.continue_()
        else:
            opened.requests.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    opened.page.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
    opened.page.on("pageerror", lambda e: opened.errors.append(str(e)))
    opened.page.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
    opened.page.on(
        "request", lambda r: None if r.url.startswith(("file:", "data:")) else opened.requests.append(r.url)
    )


def open_html(browser: Any, path: Path) -> tuple[Any, Opened]:
    """Open ``path`` in a new context and wait until the page says it is ready."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    opened = Opened(context.new_page())
    watch(context, opened)
    opened.page.goto(path.as_uri())
    opened.page.wait_for_function("() => window.kgraph && window.kgraph.ready", timeout=30_000)
    return context, opened


@pytest.fixture
def open_graph(browser: Any, tmp_path: Path) -> Iterator[Callable[..., Opened]]:
    contexts: list[Any] = []
    pages: list[Opened] = []

    def _open(kg: KnowledgeGraph, settings: Settings | None = None) -> Opened:
        path = tmp_path / f"graph{len(contexts)}.html"
        export(kg, path, format="html", settings=settings)
        context, opened = open_html(browser, path)
        contexts.append(context)
        pages.append(opened)
        return opened

    yield _open
    for opened in pages:
        opened.assert_clean()
    for context in contexts:
        context.close()


def node_id(opened: Opened, label: str) -> str:
    """Return the id of the node with this label (actor name or event relation)."""
    found = opened.js("l => kgraph.nodes.get({filter: n => n.label === l}).map(n => n.id)", label)
    assert len(found) == 1, (label, found)
    return str(found[0])


def click_node(opened: Opened, node: str) -> None:
    """Centre the view on ``node``, then click it with the mouse (vis hit-tests the canvas)."""
    x, y = opened.js(
        """id => { const net = kgraph.network;
            net.moveTo({position: net.getPosition(id), scale: 1.2, animation: false}); net.redraw();
            const p = net.canvasToDOM(net.getPosition(id));
            const box = document.getElementById('kg-network').getBoundingClientRect();
            return [box.left + p.x, box.top + p.y]; }""",
        node,
    )
    opened.page.mouse.click(x, y)


def panel_text(opened: Opened) -> str:
    return str(opened.page.inner_text("#kg-panel"))


def visible(opened: Opened) -> set[str]:
    return set(opened.js("Array.from(kgraph.visible)"))


# -- the tests ---------------------------------------------------------------------------------


def test_page_holds_every_node_and_edge(open_graph: Callable[..., Opened]) -> None:
    kg = small_graph()
    opened = open_graph(kg)
    assert opened.js("kgraph.nodes.length") == kg.graph.number_of_nodes()
    assert opened.js("kgraph.edges.length") == kg.graph.number_of_edges()
    assert visible(opened) == set(kg.graph.nodes)
    assert opened.page.inner_text("#kg-status").startswith(f"{len(kg.graph)} of {len(kg.graph)} nodes")
    assert "person" in opened.page.inner_text("#kg-legend")


def test_click_on_event_shows_its_evidence(open_graph: Callable[..., Opened]) -> None:
    opened = open_graph(small_graph())
    click_node(opened, node_id(opened, "condemn"))
    text = panel_text(opened)
    assert "The U.N. condemned Pyongyang's nuclear test." in text
    assert "Kim pushes 70-day campaign" in text and "Reuters" in text  # article title and source
    assert "confidence 0.80" in text and "2016-03-05" in text and "reported" in text


def test_click_on_actor_shows_aliases_and_evidence(open_graph: Callable[..., Opened]) -> None:
    opened = open_graph(small_graph())
    click_node(opened, node_id(opened, "North Korea"))
    text = panel_text(opened)
    assert "DPRK" in text and "Pyongyang" in text
    assert "The United Nations imposed new sanctions on North Korea." in text
    assert "Seoul warned Pyongyang against further tests." in text


def test_click_on_edge_shows_the_event(open_graph: Callable[..., Opened]) -> None:
    opened = open_graph(small_graph())
    warn = node_id(opened, "warn")
    edge = opened.js("id => kgraph.edges.get({filter: e => e.from === id})[0].id", warn)
    x, y = opened.js(
        """id => { const net = kgraph.network, e = kgraph.edges.get(id);
            const a = net.getPosition(e.from), b = net.getPosition(e.to);
            net.moveTo({position: {x: (a.x + b.x) / 2, y: (a.y + b.y) / 2}, scale: 1.5, animation: false});
            net.redraw();
            const p = net.canvasToDOM(net.body.edges[id].edgeType.getPoint(0.5));
            const box = document.getElementById('kg-network').getBoundingClientRect();
            return [box.left + p.x, box.top + p.y]; }""",
        edge,
    )
    opened.page.mouse.click(x, y)
    assert "Seoul warned Pyongyang against further tests." in panel_text(opened)


def test_filters_hide_what_they_should(open_graph: Callable[..., Opened]) -> None:
    kg = small_graph()
    opened = open_graph(kg)
    page, everything = opened.page, set(kg.graph.nodes)
    negated = node_id(opened, "not negotiate")
    page.locator("#kg-filter-mood input[value='negated']").uncheck()
    assert visible(opened) == everything - {negated}
    assert opened.js("id => kgraph.nodes.get(id).hidden", negated) is True
    page.locator("#kg-filter-actor input[value='PERSON']").uncheck()
    kim = node_id(opened, "Kim Jong Un")
    assert kim not in visible(opened) and node_id(opened, "push campaign") not in visible(opened)
    page.fill("#kg-search", "Kim Jong")  # a hidden actor can still be found and read
    page.keyboard.press("Enter")
    assert page.inner_text("#kg-panel h2") == "Kim Jong Un"
    page.click("#kg-reset")
    assert visible(opened) == everything
    page.locator("#kg-filter-type input[value='SANCTION']").uncheck()
    assert node_id(opened, "impose sanction") not in visible(opened)
    page.click("#kg-reset")
    page.fill("#kg-date-from", "2016-04-01")
    page.locator("#kg-date-undated").uncheck()
    shown = {opened.js("id => kgraph.nodes.get(id).label", n) for n in visible(opened)}
    assert shown == {"warn", "not negotiate", "address", "South Korea", "North Korea", "Kim Jong Un",
                     "Workers' Party of Korea"}  # fmt: skip


def test_search_finds_an_actor_by_alias(open_graph: Callable[..., Opened]) -> None:
    opened = open_graph(small_graph())
    opened.page.fill("#kg-search", "dprk")
    result = opened.page.locator("#kg-search-results button").first
    assert result.inner_text().startswith("North Korea (alias: DPRK)")
    result.click()
    assert opened.page.inner_text("#kg-panel h2") == "North Korea"
    assert opened.js("kgraph.network.getSelectedNodes()") == [node_id(opened, "North Korea")]


def test_focus_on_a_neighbourhood_and_reset(open_graph: Callable[..., Opened]) -> None:
    kg = small_graph()
    opened = open_graph(kg)
    opened.page.fill("#kg-search", "Kim")
    opened.page.keyboard.press("Enter")
    opened.page.click("#kg-focus")
    labels = {opened.js("id => kgraph.nodes.get(id).label", n) for n in visible(opened)}
    assert labels == {"Kim Jong Un", "address", "push campaign", "Workers' Party of Korea"}
    assert "Neighbourhood of Kim Jong Un" in opened.page.inner_text("#kg-focus-note")
    opened.page.click("#kg-reset")
    assert visible(opened) == set(kg.graph.nodes)


def test_hostile_text_runs_no_script(open_graph: Callable[..., Opened]) -> None:
    opened = open_graph(hostile_graph())
    page = opened.page
    ids = opened.js("kgraph.nodes.getIds()")
    for node in ids:  # open every panel and every tooltip
        click_node(opened, node)
        page.wait_for_timeout(250)  # vis shows the tooltip after its delay
        assert page.locator("#kg-panel").inner_text()
    for edge in opened.js("kgraph.edges.getIds()"):
        opened.js("id => { kgraph.network.selectEdges([id]); }", edge)
    page.fill("#kg-search", "<")
    assert page.locator("#kg-search-results button").count() >= 2
    page.fill("#kg-search", "eve alias")
    page.locator("#kg-search-results button").first.click()
    page.wait_for_timeout(300)
    text = panel_text(opened)
    assert "<img src=x onerror=" in text and "javascript:window.__pwned=3" in text  # shown as text
    injected = opened.js(
        "document.querySelectorAll('#kg-app img, #kg-app iframe, #kg-app svg, body > img').length"
    )
    assert injected == 0
    hrefs = opened.js("Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'))")
    assert all(h.startswith(("http://", "https://")) for h in hrefs)
    assert opened.js("document.title").startswith("kgraph:")
    opened.assert_clean()


def test_big_graph_is_static_and_says_what_was_left_out(open_graph: Callable[..., Opened]) -> None:
    kg = big_graph(1200, 2500)
    opened = open_graph(kg, replace(Settings(), html_max_nodes=1500))
    assert 1400 <= opened.js("kgraph.nodes.length") <= 1500
    assert opened.js("kgraph.network.physics.physicsEnabled") is False
    note = opened.page.inner_text("#kg-omitted")
    assert "left out" in note and f"{kg.graph.number_of_nodes():,}" in note


def test_hover_shows_type_mood_date_and_sentence(open_graph: Callable[..., Opened]) -> None:
    opened = open_graph(small_graph())
    node = node_id(opened, "not negotiate")
    click_node(opened, node)  # moves the mouse onto the node
    tooltip = opened.page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5_000)
    text = tooltip.inner_text()
    assert "REJECT" in text and "negated" in text and "2016-04-11" in text
    assert "South Korea did not negotiate with the North." in text


@pytest.fixture(scope="module")
def seed_graph(shared_dir: Path) -> KnowledgeGraph:
    import kgraph

    return kgraph.build([shared_dir / "corpora" / "seed_article.txt"])


@pytest.mark.model
@pytest.mark.shared
def test_seed_article_page_end_to_end(open_graph: Callable[..., Opened], seed_graph: KnowledgeGraph) -> None:
    opened = open_graph(seed_graph)
    assert opened.js("kgraph.nodes.length") == seed_graph.graph.number_of_nodes() > 20
    assert opened.js("kgraph.edges.length") == seed_graph.graph.number_of_edges()
    kim = opened.js("kgraph.search('Kim Jong Un')[0].node")
    aliases = [a for a in kim["kg"]["aliases"] if a != kim["label"]]
    opened.page.fill("#kg-search", aliases[0])
    assert opened.page.locator("#kg-search-results button").first.inner_text().startswith(kim["label"])
    click_node(opened, kim["id"])
    sentences = [ev["sentence"] for n in seed_graph.graph.successors(kim["id"])
                 for ev in seed_graph.graph.nodes[n]["evidence"]]  # fmt: skip
    text = " ".join(panel_text(opened).split())
    assert sentences and all(" ".join(s.split()) in text for s in sentences[:5])


@pytest.mark.model
def test_examples_page_end_to_end(open_graph: Callable[..., Opened]) -> None:
    import kgraph

    kg = kgraph.build([Path(__file__).resolve().parents[1] / "examples" / "articles.jsonl"])
    opened = open_graph(kg)
    assert opened.js("kgraph.nodes.length") == kg.graph.number_of_nodes() > 5
    types = opened.js("Array.from(document.querySelectorAll('#kg-filter-type input')).map(i => i.value)")
    opened.page.locator(f"#kg-filter-type input[value='{types[0]}']").uncheck()
    hidden = {
        n
        for n, d in kg.graph.nodes(data=True)
        if d.get("kind") == "event" and (d.get("type") or "(untyped)") == types[0]
    }
    assert hidden and not hidden & visible(opened)


HOSTILE_ARTICLE = (
    "President John <script>window.__pwned = 1; alert(1)</script> Smith met Prime Minister Anna Jones in Paris "
    'on Monday. "We will impose sanctions on Russia <img src=x onerror="window.__pwned = 2; alert(2)">," '
    'said John Smith. Russia accused the United Nations <a href="javascript:window.__pwned=3">of bias</a>. '
    'The <svg onload="window.__pwned = 4">Kremlin</svg> rejected the report javascript:alert(5) on Tuesday.'
)


@pytest.mark.model
def test_hostile_article_built_by_the_pipeline_runs_no_script(open_graph: Callable[..., Opened]) -> None:
    import kgraph
    from kgraph.model import Document

    doc = Document(id="evil", text=HOSTILE_ARTICLE, title="<script>alert('title')</script>", date="2024-03-04",
                   url="javascript:window.__pwned=6")  # fmt: skip
    kg = kgraph.build([doc])
    sentences = [ev["sentence"] for _, d in kg.graph.nodes(data=True) for ev in d.get("evidence") or ()]
    assert any("<img src=x" in s or "<script>" in s for s in sentences)  # the payloads reach the page
    opened = open_graph(kg)
    for node in opened.js("kgraph.nodes.getIds()"):
        click_node(opened, node)
    opened.page.wait_for_timeout(300)
    assert "<" in panel_text(opened) or opened.js("kgraph.nodes.length") == 0
    hrefs = opened.js("Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'))")
    assert not [h for h in hrefs if not h.startswith(("http://", "https://"))]
    opened.assert_clean()


def test_actor_panel_lists_each_event_once(open_graph: Callable[..., Opened]) -> None:
    kg = small_graph()
    kim = node_id_of(kg, "Kim Jong Un")
    add_event(kg, [kim], [node_id_of(kg, "South Korea")], "warn", type="THREATEN", doc="other",
              sentence="Kim warned Seoul, he said.", speaker=kim)  # fmt: skip
    opened = open_graph(kg)
    opened.js("id => kgraph.selectNode(id)", kim)
    assert opened.page.locator("#kg-panel h3", has_text="Evidence").inner_text() == "Evidence (3 events)"
    assert "acts in, is quoted as the source of" in panel_text(opened)


def node_id_of(kg: KnowledgeGraph, label: str) -> str:
    """Return the id of the actor labelled ``label`` in a fixture graph."""
    return next(n for n, d in kg.graph.nodes(data=True) if d.get("label") == label)
