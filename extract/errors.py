"""Errors a user can act on: each says what went wrong and what to do."""


class PolicyKGError(Exception):
    """Base class; the CLI prints these as one line, never a traceback."""


class DocumentError(PolicyKGError):
    """A document cannot be read or processed (empty, binary, undecodable, …)."""

    def __init__(self, path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")
