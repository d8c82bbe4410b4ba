"""The exceptions fakefree raises: one root, a few specific ones.

Every message is one plain sentence naming the file, the entity or the URI concerned.
"""

__all__ = [
    "FakefreeError",
    "InputError",
    "StoreUnavailable",
    "StoreVersionError",
    "AccessDenied",
    "NotFound",
    "AmbiguousName",
    "SchemaError",
]


class FakefreeError(Exception):
    """Root of every error fakefree raises on purpose."""


class InputError(FakefreeError):
    """A file, a record or an argument that cannot be used as given."""


class SchemaError(InputError):
    """A node label, relationship type or property the data model does not allow."""


class StoreUnavailable(FakefreeError):
    """The graph store cannot be reached or opened."""


class StoreVersionError(StoreUnavailable):
    """The store was written by a newer version of fakefree."""


class AccessDenied(FakefreeError):
    """The viewer is not allowed to do or see this."""


class NotFound(FakefreeError):
    """No entity, document or record with that identifier is visible."""


class AmbiguousName(NotFound):
    """A name that several visible entities share equally; the message lists them."""

    exit_code = 2

    def __init__(self, name: str, candidates: list[str]) -> None:
        self.name, self.candidates = name, candidates
        listing = "\n".join(f"  {c}" for c in candidates)
        super().__init__(f"{name!r} names {len(candidates)} entities; give one of these ids "
                         f"or a fuller name:\n{listing}")
