"""Compare two builds: which actors and events were added, removed or changed.

Run: python examples/diff_builds.py [OLD_DIR NEW_DIR]   (or on the command line: kgraph diff OLD NEW)
"""

import sys
from pathlib import Path

import kgraph
from kgraph.diff import diff, format_text

if len(sys.argv) > 2:
    old, new = kgraph.load(sys.argv[1]), kgraph.load(sys.argv[2])
else:  # yesterday's build had two articles, today's has all five
    texts = sorted((Path(__file__).parent / "text").glob("*.txt"))
    old, new = kgraph.build(texts[:2]), kgraph.build(texts)

changes = diff(old, new)
print(format_text(changes, old, new))
print("events added:", len(changes.events_added))
