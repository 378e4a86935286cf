"""Export the graph for Gephi (GEXF), yEd or Cytoscape (GraphML), and as CSV tables.

Run: python examples/gephi_export.py [OUT_DIR]   then open OUT_DIR/graph.gexf in Gephi.
"""

import sys
import tempfile
from pathlib import Path

import networkx as nx

import kgraph

out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp())
kg = kgraph.build([Path(__file__).parent / "articles.jsonl"])

kg.export(out / "graph.gexf")  # the format is guessed from the suffix
kg.export(out / "graph.graphml", format="graphml")
kg.save(out, ["csv"])  # events.csv and actors.csv

back = nx.read_graphml(out / "graph.graphml", force_multigraph=True)
print(f"graph: {kg.graph.number_of_nodes()} nodes, {kg.graph.number_of_edges()} edges")
print(f"GraphML read back: {back.number_of_nodes()} nodes, {back.number_of_edges()} edges")
print("wrote", *sorted(p.name for p in out.iterdir()))
