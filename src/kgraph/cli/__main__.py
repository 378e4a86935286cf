"""``python -m kgraph.cli``."""

import sys

from kgraph.cli import main

sys.exit(main())
