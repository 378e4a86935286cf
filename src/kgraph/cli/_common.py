"""Options shared by several commands, and turning them into :class:`Settings`."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from kgraph.config import DEFAULT_MODEL, Settings

__all__ = ["add_model_options", "settings_from"]


def add_model_options(parser: argparse.ArgumentParser) -> None:
    """Add the options that choose and tune extraction."""
    group = parser.add_argument_group("extraction")
    group.add_argument("--model", default=DEFAULT_MODEL, help="installed spaCy pipeline name or path (default: %(default)s)")
    group.add_argument("--batch-size", type=int, default=32, help="documents per nlp.pipe batch (default: %(default)s)")
    group.add_argument("--processes", type=int, default=1, help="parser processes (default: %(default)s)")
    group.add_argument("--lexicon", type=Path, help="event lexicon TSV that extends the built-in one")
    group.add_argument("--replace-lexicon", action="store_true", help="use --lexicon instead of the built-in lexicon")
    group.add_argument("--cameo-verbs", type=Path, help="PETRARCH-format CAMEO verb dictionary to read as well")
    group.add_argument("--actors", type=Path, action="append", default=[], help="PETRARCH/Phoenix actor or agent dictionary (repeatable)")
    group.add_argument("--aliases", type=Path, help="TOML file of aliases and never-merge pairs")
    group.add_argument("--min-confidence", type=float, default=0.0, help="drop events below this confidence")
    group.add_argument("--relations", action="store_true", help="also extract untyped subject-verb-object relations")
    group.add_argument("--quiet", action="store_true", help="no progress bar")


def settings_from(args: argparse.Namespace, base: Settings | None = None) -> Settings:
    """Build Settings from parsed options (options a command lacks keep their defaults)."""
    settings = base or Settings()
    values = {
        "model": getattr(args, "model", None),
        "batch_size": getattr(args, "batch_size", None),
        "processes": getattr(args, "processes", None),
        "lexicon": getattr(args, "lexicon", None),
        "replace_lexicon": getattr(args, "replace_lexicon", None),
        "cameo_verbs": getattr(args, "cameo_verbs", None),
        "actor_dictionaries": tuple(getattr(args, "actors", None) or ()) or None,
        "aliases": getattr(args, "aliases", None),
        "min_confidence": getattr(args, "min_confidence", None),
        "untyped_relations": getattr(args, "relations", None) or None,
    }
    return replace(settings, **{k: v for k, v in values.items() if v is not None})
