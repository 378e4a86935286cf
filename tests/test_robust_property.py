"""Property-based robustness: random Unicode text and random JSON lines through ingest → extract → export → rdflib.

Every example runs the real pipeline (the trained model, the real exporters) and asserts: no
crash, every input line accounted for in the report, every RDF export parses with rdflib, the
JSON exports parse. Example counts are modest so the module stays under a minute.
"""

from __future__ import annotations

import json

import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kgraph.export import export
from kgraph.pipeline import build

pytestmark = [pytest.mark.model, pytest.mark.slow, pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib.*")]

FIGURES = {"inputs": 0, "documents": 0, "events": 0, "actors": 0, "unaccounted": 0, "invalid_rdf": 0}
RDF_FORMATS = {"turtle": "turtle", "trig": "trig", "nquads": "nquads"}
SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                    HealthCheck.function_scoped_fixture], derandomize=True)  # fmt: skip

# Any code point, lone surrogates and controls included.
ANY_CHAR = st.characters(min_codepoint=0, max_codepoint=0x10FFFF, blacklist_categories=())
HOSTILE_BITS = st.sampled_from(['"', "'", "\\", "<", ">", "{", "}", "\n", "\r", "\t", "\x00", "@prefix", "\u202e",
                                "😀", "</script>", '"""', "#", ".", ";", "^^", "_:b", "\ud800", "\u2028", "&amp;"])  # fmt: skip



def _mixed(min_size: int, max_size: int) -> st.SearchStrategy[str]:
    """Strings of random characters and hostile fragments."""
    return st.lists(st.one_of(ANY_CHAR, HOSTILE_BITS), min_size=min_size, max_size=max_size).map("".join)


NAME = _mixed(1, 8).map(lambda s: s.title())
SENTENCE = st.builds(
    lambda a, b, c, noise: f"{a} imposed sanctions on {b} on Monday. President {c} said \"{noise}\" in Paris.",
    NAME, NAME, NAME, _mixed(0, 20),
)  # fmt: skip
TEXT = st.one_of(st.text(ANY_CHAR, max_size=200), _mixed(0, 40), SENTENCE)
JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(ANY_CHAR, max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)
RECORD = st.fixed_dictionaries(
    {"text": st.one_of(TEXT, JSON_VALUE)},
    optional={"id": st.one_of(st.text(ANY_CHAR, max_size=30), JSON_VALUE), "title": st.one_of(TEXT, JSON_VALUE),
              "date": st.one_of(st.sampled_from(["2024-02-30", "2024-03-06", "2024-03", "0000", "1999-12-31T23:59Z"]),
                                st.text(ANY_CHAR, max_size=12)),
              "url": st.one_of(st.text(ANY_CHAR, max_size=30), st.just('javascript:alert("x") <a>'))},
)  # fmt: skip
LINE = st.one_of(
    RECORD.map(lambda r: json.dumps(r, ensure_ascii=False, allow_nan=True).encode("utf-8", "surrogatepass")),
    RECORD.map(lambda r: json.dumps(r).encode("ascii")),  # surrogates as \ud800 escapes
    JSON_VALUE.map(lambda v: json.dumps(v).encode()),
    st.binary(max_size=60),
    TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")),
)


def _non_blank_lines(data: bytes) -> list[int]:
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    return [n for n, raw in enumerate(lines, start=1) if raw.rstrip(b"\r\n").strip()]


def _check_exports(kg: object) -> None:
    FIGURES["events"] += kg.report["events"]  # type: ignore[attr-defined]
    FIGURES["actors"] += sum(1 for _ in kg.actors())  # type: ignore[attr-defined]
    for name, rdflib_format in RDF_FORMATS.items():
        data = export(kg, format=name)  # type: ignore[arg-type]
        graph = rdflib.Dataset() if name != "turtle" else rdflib.Graph()
        try:
            graph.parse(data=data, format=rdflib_format)
        except Exception:
            FIGURES["invalid_rdf"] += 1
            raise
    json.loads(export(kg, format="json"))  # type: ignore[arg-type]
    for line in export(kg, format="events").splitlines():  # type: ignore[arg-type, union-attr]
        json.loads(line)


def _accounted(report: dict, expected: set[str]) -> None:  # type: ignore[type-arg]
    origins = [row["origin"] for row in report["documents"]]
    FIGURES["documents"] += len(origins)
    missing = expected - set(origins)
    FIGURES["unaccounted"] += len(missing)
    assert not missing, f"not in report.json: {sorted(missing)}"
    assert report["documents_read"] == len(origins) == len(set(origins))


@SETTINGS
@given(lines=st.lists(LINE, min_size=1, max_size=6))
def test_random_jsonl_is_accounted_for_and_exports_parse(lines: list[bytes], tmp_path_factory: pytest.TempPathFactory) -> None:
    path = tmp_path_factory.mktemp("prop") / "random.jsonl"
    data = b"\n".join(lines) + b"\n"
    path.write_bytes(data)
    FIGURES["inputs"] += 1
    kg = build([path])
    numbers = _non_blank_lines(data)
    first = data.split(b"\n", 1)[0]
    if first.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16: lines are counted after decoding
        expected = set()
    elif not numbers or b"\x00" in first:  # empty, or binary: one row for the file
        expected = {str(path)}
    else:
        expected = {f"{path}:{n}" for n in numbers}
    _accounted(kg.report, expected)
    assert all(row["origin"].startswith(str(path)) for row in kg.report["documents"])
    _check_exports(kg)


@SETTINGS
@given(texts=st.lists(TEXT, min_size=1, max_size=4), suffix=st.sampled_from([".txt", ".md", ".html", ".csv"]))
def test_random_unicode_files_are_accounted_for_and_exports_parse(
    texts: list[str], suffix: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("prop")
    paths = []
    for i, text in enumerate(texts):
        path = folder / f"doc{i}{suffix}"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        paths.append(path)
    FIGURES["inputs"] += len(paths)
    kg = build(paths)
    origins = {row["origin"].rsplit(":", 1)[0] if suffix == ".csv" else row["origin"] for row in kg.report["documents"]}
    assert {str(p) for p in paths} <= origins
    FIGURES["documents"] += len(kg.report["documents"])
    _check_exports(kg)


def test_property_figures(capsys: pytest.CaptureFixture[str]) -> None:
    """Print the run's figures (``-s`` shows them); runs last in this module."""
    with capsys.disabled():
        print(f"\nrobustness figures: {FIGURES}")
    assert FIGURES["unaccounted"] == 0 and FIGURES["invalid_rdf"] == 0
