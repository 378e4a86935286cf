"""Write the hostile inputs of this folder and their manifest ``EXPECTED.json``.

Each file is one trap analysts' scraped data sets for kgraph. Run it again after editing:
``python tests/data/bad/make_bad.py``. The files are committed, so tests never run this.

Manifest entries: ``processed`` (documents kept), ``duplicate`` (same text as another
document), ``skipped`` (``[line, null for the file or "*" for any line, reason substring]``), ``ignored``
(not a document type: reading the folder passes over it), ``text_includes`` /
``text_excludes`` (substrings of the documents' text), ``ids`` (expected document ids).
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
STORY = "Russia imposed sanctions on Ukraine on Monday, the foreign ministry said."
XSS = "</script><script>alert('kgraph-xss')</script><img src=x onerror=alert(1)>"
HOSTILE = [
    'He said "stop" and left.', "back\\slash \\n \\u0041 \\\" end", "<http://evil.example/> .", "'''triple''' \"\"\"quotes\"\"\"",
    '"} ; DROP ALL ; INSERT DATA { <a> <b> "c" } #', "@prefix x: <http://evil/> .", "line1\nline2\r\nline3",
    "\u202eRTL override\u202c and \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627", "emoji 😀👍🏽 ZWJ 👩‍👩‍👧 flag 🇺🇦",
    "zero\u200bwidth\u2060joiner\ufeffbom", XSS, "tab\there", "${jndi:ldap://x} {{7*7}} %s %n",
]  # fmt: skip
EXPECTED: dict[str, dict[str, Any]] = {}


def put(name: str, data: bytes | str, trap: str, **expect: Any) -> None:
    (HERE / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    EXPECTED[name] = {"trap": trap, "processed": 0, "duplicate": 0, "skipped": [], **expect}


def jsonl(*records: Any) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def encodings() -> None:
    put("utf8_bom.txt", b"\xef\xbb\xbf" + STORY.encode() + b" BOM file.", "UTF-8 with a byte order mark", processed=1,
        text_excludes=["\ufeff"])  # fmt: skip
    put("cp1252.txt", "Café talks – “sanctions” cost €5bn. ".encode("cp1252") + STORY.encode("cp1252"),
        "Windows-1252 bytes (curly quotes, euro sign)", processed=1, text_includes=["“sanctions” cost €5bn"])  # fmt: skip
    put("latin1_c1.txt", b"Na\xefve \x81\x8d report: " + STORY.encode(), "bytes undefined in cp1252 (read as latin-1)",
        processed=1, text_includes=["Naïve"])  # fmt: skip
    put("utf16.txt", ("UTF-16 text. " + STORY).encode("utf-16"), "UTF-16 with BOM", processed=1,
        text_includes=["UTF-16 text."])  # fmt: skip
    put("utf16_odd_length.txt", ("Odd. " + STORY).encode("utf-16") + b"\x41", "UTF-16 with a dangling byte",
        processed=1)  # fmt: skip
    put("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "a PNG named .txt",
        skipped=[[None, "binary file"]])  # fmt: skip
    put("control_chars.txt", f"Bell\x07 back\x08 esc\x1b[31mred\x1b[0m del\x7f csi\x9b vt\x0b ff\x0c. {STORY}",
        "C0/C1 control characters and ANSI escapes", processed=1, text_excludes=["\x1b", "\x07", "\x9b", "\x0b"])  # fmt: skip
    put("old_mac_newlines.txt", STORY.replace(", ", ",\r") + "\rSecond line.", "CR-only line ends", processed=1,
        text_excludes=["\r"])  # fmt: skip


def empties() -> None:
    put("empty.txt", b"", "an empty file", skipped=[[None, "empty file"]])
    put("whitespace_only.md", " \n\t\n  \r\n", "only whitespace", skipped=[[None, "empty file"]])
    put("zero_width_only.txt", "\u200b\u200b\ufeff\u2060", "only zero-width characters", skipped=[[None, "no words"]])
    put("empty.jsonl", b"", "an empty JSON lines file", skipped=[[None, "empty file"]])
    put("blank_lines.jsonl", "\n\n   \n\t\n", "JSON lines file of blank lines", skipped=[[None, "empty file"]])
    put("header_only.csv", "id,title,text\n", "a CSV header and no rows", skipped=[[None, "no records"]])
    put("no_text_column.csv", "id,title,body\n1,T,Some body\n", "a CSV without a text column",
        skipped=[[1, "no 'text' column"]])  # fmt: skip


def jsonl_traps() -> None:
    put("records_mixed.jsonl", jsonl(
        {"id": "ok", "text": STORY}, {"id": "no-text", "title": "x"}, {"id": "num", "text": 42},
        {"id": "list", "text": ["a", "b"]}, {"id": "null", "text": None}, {"id": "blank", "text": "   "},
        [1, 2, 3], '"just a string"', '{"id": "broken", "text": "unterminated', "{'single': 'quotes'}",
        {"id": "obj", "text": {"nested": STORY}},
    ), "one good record among every kind of bad one", processed=1, skipped=[
        [2, "'text' field is missing"], [3, "not a string (int)"], [4, "not a string (list)"],
        [5, "'text' field is missing"], [6, "empty text"], [7, "expected a JSON object, got list"],
        [8, "expected a JSON object, got str"], [9, "malformed JSON"], [10, "malformed JSON"],
        [11, "not a string (dict)"],
    ])  # fmt: skip
    half = jsonl(*({"id": f"h{i}", "text": f"{STORY} Part {i}."} for i in range(3)))
    put("half_written.jsonl", half + '{"id": "h3", "text": "Russia imp', "a write interrupted mid-record",
        processed=3, skipped=[[4, "malformed JSON"]])  # fmt: skip
    put("deep_nesting.jsonl", '{"text": "deep", "x": ' + "[" * 50_000 + "]" * 50_000 + "}\n" + jsonl({"text": STORY + " Deep."}),
        "50,000 nested arrays (RecursionError)", processed=1, skipped=[[1, "malformed JSON"]])  # fmt: skip
    put("huge_int.jsonl", '{"id": ' + "9" * 100_000 + ', "text": "big"}\n' + jsonl({"text": STORY + " Huge."}),
        "a 100,000-digit integer", processed=1, skipped=[[1, "malformed JSON"]])  # fmt: skip
    put("duplicate_ids.jsonl", jsonl(*({"id": "same", "text": f"{STORY} Version {i}."} for i in range(3)),
        {"id": "same~2", "text": STORY + " Taken."}), "one id repeated (made unique and reported)", processed=4,
        ids=["same", "same~2", "same~3", "same~2~2"])  # fmt: skip
    put("duplicate_text.jsonl", jsonl({"id": "first", "text": STORY + " Copy."}, {"id": "second", "text": STORY + " Copy."}),
        "one text twice (syndicated copy)", processed=1, duplicate=1)  # fmt: skip
    put("weird_ids.jsonl", jsonl(
        {"id": "new\nline\ttab", "text": STORY + " 1"}, {"id": '"><script>alert(1)</script>', "text": STORY + " 2"},
        {"id": "x" * 600, "text": STORY + " 3"}, {"id": "😀 \u202eevil", "text": STORY + " 4"},
        {"id": {"a": 1}, "text": STORY + " 5"}, {"id": True, "text": STORY + " 6"}, {"id": 7.5, "text": STORY + " 7"},
        {"id": "", "text": STORY + " 8"}, {"id": "a b/c?d#e%f", "text": STORY + " 9"},
    ), "ids with newlines, markup, 600 characters, emoji, objects, booleans", processed=9)  # fmt: skip
    put("lone_surrogate.jsonl", '{"id": "sur", "text": "Broken \\ud800 pair \\udc00 here. ' + STORY + '"}\n',
        "JSON escapes of lone surrogates (unencodable in UTF-8)", processed=1, text_excludes=["\ud800"])  # fmt: skip
    put("line_separators.jsonl", '{"id": "ls", "text": "One\u2028two\u2029three\x85four\x1c. ' + STORY + '"}\n',
        "raw U+2028/U+2029/NEL/FS inside a JSON string (str.splitlines would cut it)", processed=1)  # fmt: skip
    put("crlf.jsonl", jsonl({"id": "c1", "text": STORY + " A"}, {"id": "c2", "text": STORY + " B"}).replace("\n", "\r\n"),
        "Windows line ends", processed=2)  # fmt: skip
    put("cp1252_line.jsonl", jsonl({"id": "u", "text": STORY + " UTF-8 ok"}).encode() +
        '{"id": "w", "text": "Café “quoted” – '.encode("cp1252") + STORY.encode() + b'"}\n',
        "one line in cp1252 among UTF-8 lines", processed=2)  # fmt: skip
    put("nan_and_types.jsonl", '{"id": "n", "text": "' + STORY + ' NaN.", "date": NaN, "title": Infinity, "source": ["x"], "url": true}\n',
        "NaN, Infinity and lists in metadata", processed=1)  # fmt: skip
    put("bad_dates.jsonl", jsonl({"id": "d1", "text": STORY + " D1", "date": "2024-13-45"},
        {"id": "d2", "text": STORY + " D2", "date": "2024-03-06T10:00:00Z"},
        {"id": "d3", "text": STORY + " D3", "date": "yesterday"}, {"id": "d4", "text": STORY + " D4", "date": "0000-00-00"}),
        "impossible and timestamped dates", processed=4)  # fmt: skip
    put("bom_jsonl.jsonl", b"\xef\xbb\xbf" + jsonl({"id": "bom", "text": STORY + " BOM"}).encode(),
        "JSON lines with a UTF-8 BOM", processed=1)  # fmt: skip
    put("injection.jsonl", jsonl(*(
        {"id": f"inj{i}", "title": h, "source": h, "url": "javascript:alert(1)\" <x> " + h, "date": "2024-01-02",
         "text": f"{h} {STORY} The minister \"{h}\" met Vladimir Putin in Paris."} for i, h in enumerate(HOSTILE)
    )), "quotes, backslashes, IRIs, SPARQL, Turtle, RTL, emoji, XSS in text and metadata", processed=len(HOSTILE))  # fmt: skip


def markup() -> None:
    put("scripts.html", f"""<!DOCTYPE html><html><head><title>Head title</title>
<style>body {{ color: red }} .x:before {{ content: "STYLE-TEXT" }}</style>
<script>var s = "</p>SCRIPT-TEXT"; alert('kgraph-xss');</script></head>
<body onload="alert(1)"><!-- COMMENT-TEXT <script>alert(2)</script> -->
<noscript>NOSCRIPT-TEXT</noscript><p>{STORY}</p><template>TEMPLATE-TEXT</template>
<iframe src="javascript:alert(3)">IFRAME-TEXT</iframe><svg><text>SVG-TEXT</text></svg>
<p>Talks &amp; &lt;more&gt; resumed &#8212; &#x1F600; &#0; &bogus;</p></body></html>""",
        "scripts, styles, comments, noscript, templates, iframes, entities", processed=1,
        text_includes=[STORY, "Talks & <more> resumed"],
        text_excludes=["SCRIPT-TEXT", "STYLE-TEXT", "COMMENT-TEXT", "NOSCRIPT-TEXT", "TEMPLATE-TEXT", "IFRAME-TEXT",
                       "SVG-TEXT", "alert", "Head title"])  # fmt: skip
    put("unclosed_head.htm", f"<html><head><title>T</title><meta charset=utf-8><body><p>{STORY} Head.</p>",
        "a <head> never closed", processed=1, text_includes=[STORY])  # fmt: skip
    put("only_script.html", "<html><script>alert('kgraph-xss')</script><style>p{}</style><!-- nothing --></html>",
        "markup with no visible text", skipped=[[None, "empty text"]])  # fmt: skip
    put("malformed.html", f"<p <b>broken<</b> <!doctype <![CDATA[ x ]]> <p>{STORY}<div><span>unclosed <!-- never ends",
        "broken tags, CDATA, an unterminated comment", processed=1, text_includes=["Russia imposed"])  # fmt: skip
    put("unclosed_script.html", f"<p>{STORY} Script.</p><script>alert('kgraph-xss'); <p>hidden</p>",
        "a <script> never closed", processed=1, text_excludes=["alert", "hidden"])  # fmt: skip


def csv_traps() -> None:
    put("rows.csv", (
        "id,title,date,text\n"
        f'r1,Good,2024-03-01,"{STORY} Row 1."\n'
        'r2,Extra,2024-03-01,"text",surplus,fields\n'
        "r3,Short\n"
        f'r4,Multi,2024-03-02,"{STORY}\nSecond line, with ""quotes""."\n'
        "r5,Empty,2024-03-03,\n"
        f'r6,Quote,2024-03-04,"unbalanced {STORY}\n'
    ), "extra and missing fields, a multi-line field, an empty text, an unclosed quote", processed=3,
        skipped=[[3, "more fields than the header"], [4, "'text' field is missing"], [7, "empty text"]])  # fmt: skip
    put("upper_header.csv", f"\ufeffID , Title, TEXT\nU1,Up,\"{STORY} Upper.\"\n", "a BOM and header names in capitals",
        processed=1, ids=["U1"])  # fmt: skip
    put("semicolons.csv", f"id;text\ns1;{STORY}\n", "semicolon-separated (no 'text' column for a comma reader)",
        skipped=[[1, "no 'text' column"]])  # fmt: skip


def files() -> None:
    put("good.txt.gz", gzip.compress(STORY.encode() + b" Gzipped."), "a gzipped text", processed=1)
    put("not_gzip.txt.gz", STORY.encode(), "plain text named .gz", skipped=[[None, "cannot read file"]])
    whole = gzip.compress(jsonl(*({"id": f"g{i}", "text": f"{STORY} Gz {i}."} for i in range(50))).encode())
    put("truncated.jsonl.gz", whole[: len(whole) * 2 // 3], "a gzip cut off mid-stream", processed=None,
        skipped=[["*", "cannot read the rest"]], processed_min=1)  # fmt: skip
    put('name with spaces & <brackets> "quotes".txt', STORY + " Odd file name.", "a file name with markup and quotes",
        processed=1)  # fmt: skip
    put("zz_copy_of_record.md", STORY, "the same text as a record of records_mixed.jsonl", processed=1,
        in_folder={"processed": 0, "duplicate": 1})  # fmt: skip
    put("picture.png", b"\x89PNG\r\n\x1a\n\x00\x00", "not a document type (a folder read passes over it)",
        ignored=True)  # fmt: skip


def long_texts() -> None:
    table = "\n".join(f"| {i} | Russia | Ukraine | France | {i * 7} |" for i in range(500))
    put("long_table.md", f"{STORY}\n\n{table}\n\n{STORY} End.", "a 500-row table: one 'sentence' of ~5,000 tokens",
        processed=1)  # fmt: skip
    wall = " ".join(["Russia", "sanctioned", "Ukraine", "and", "France", "met", "Germany", ","] * 500)
    put("wall_of_words.txt", wall, "4,000 words without a sentence end", processed=1)
    paragraphs = "\n\n".join(f"{STORY} Paragraph {i} adds that talks in Geneva resumed." for i in range(250))
    put("long_document.txt", paragraphs, "about 30,000 characters in 250 paragraphs (the folder test parses it in parts)", processed=1)


def main() -> None:
    for old in HERE.iterdir():
        if old.name not in ("make_bad.py",):
            old.unlink()
    for group in (encodings, empties, jsonl_traps, markup, csv_traps, files, long_texts):
        group()
    manifest = json.dumps(dict(sorted(EXPECTED.items())), indent=1, ensure_ascii=True)
    (HERE / "EXPECTED.json").write_text(manifest + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
