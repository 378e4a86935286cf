"""Build a knowledge graph from the sample articles and save a build folder.

Run: python examples/build_graph.py [OUT_DIR]
"""

import sys
import tempfile
from pathlib import Path

import kgraph

here = Path(__file__).parent
out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp())

kg = kgraph.build([here / "articles.jsonl"])  # files, folders, raw strings or Documents
print(kg)
for path in kg.save(out, ["json", "events", "turtle", "csv"]):
    print("wrote", path)
