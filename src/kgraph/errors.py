"""kgraph's errors: one hierarchy, messages that say what to do.

::

    KGraphError
    ├── InputError            (ValueError)  bad input file or record; names file and line
    ├── ConfigError           (ValueError)  bad option, settings or user file (TOML, lexicon, dictionary)
    ├── ModelNotFoundError    (OSError)     the spaCy pipeline is not installed
    ├── UnknownFormatError    (ValueError)  no exporter registered under that name
    ├── ExportError           (OSError)     an export file could not be written
    ├── OntologyError         (ValueError)  RDF does not fit the ontology or its shapes
    └── EndpointError         (OSError)     a SPARQL endpoint refused or failed

Every class also derives from the built-in exception a caller would expect, so
``except ValueError`` keeps working.

>>> raise UnknownFormatError.for_name("turtel", ["html", "turtle"])
Traceback (most recent call last):
...
kgraph.errors.UnknownFormatError: Unknown export format 'turtel'. Did you mean 'turtle'? Available: html, turtle
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

__all__ = [
    "ConfigError",
    "EndpointError",
    "ExportError",
    "InputError",
    "KGraphError",
    "ModelNotFoundError",
    "OntologyError",
    "UnknownFormatError",
]


class KGraphError(Exception):
    """Base class of every error kgraph raises on purpose."""

    #: Exit code the CLI uses for this error.
    exit_code: int = 2


class InputError(KGraphError, ValueError):
    """An input file or record cannot be read. The message names the file and line."""

    def __init__(self, message: str, *, origin: str | None = None) -> None:
        self.origin = origin
        super().__init__(f"{origin}: {message}" if origin else message)


class ConfigError(KGraphError, ValueError):
    """An option, a settings value or a user-supplied file is wrong."""


class ModelNotFoundError(KGraphError, OSError):
    """The spaCy pipeline named by ``--model`` is not installed."""


class UnknownFormatError(KGraphError, ValueError):
    """No exporter is registered under the requested format name."""

    @classmethod
    def for_name(cls, name: str, available: Iterable[str]) -> UnknownFormatError:
        names = sorted(available)
        close = difflib.get_close_matches(name, names, n=1)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        return cls(f"Unknown export format '{name}'.{hint} Available: {', '.join(names)}")


class ExportError(KGraphError, OSError):
    """An export file could not be written (the folder is left as it was)."""


class OntologyError(KGraphError, ValueError):
    """Exported RDF does not fit kgraph's ontology or its SHACL shapes."""


class EndpointError(KGraphError, OSError):
    """A SPARQL endpoint could not be reached or refused a request."""
