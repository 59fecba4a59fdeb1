"""Exceptions: everything the toolkit raises on purpose derives from `KGError`."""

from __future__ import annotations


class KGError(Exception):
    """Base class: a problem the user can act on, with a message that says what to do."""


class InputError(KGError):
    """A document cannot be read: missing, empty, binary, or not in a supported encoding."""

    def __init__(self, source: object, problem: str):
        self.source = str(source)
        self.problem = problem
        super().__init__(f"{self.source}: {problem}")


class OntologyError(KGError):
    """The ontology files are missing or inconsistent with the code."""
