"""What every analysis returns: plain dataclasses that turn into JSON.

>>> from dataclasses import dataclass
>>> @dataclass
... class Demo(Result):
...     name: str
>>> Demo("x").to_dict()
{'name': 'x'}
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = ["Result", "EntityRef", "Hop"]


class Result:
    """Mixin for result dataclasses: ``to_dict()`` and ``to_json()`` give JSON-safe data."""

    def to_dict(self) -> dict[str, Any]:
        return json.loads(json.dumps(asdict(self), default=str))  # type: ignore[call-overload]

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)


@dataclass
class EntityRef(Result):
    """A node named in a result: its id, name, primary label, cases and agencies."""

    id: str
    name: str
    label: str
    cases: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)


@dataclass
class Hop(Result):
    """One relationship on a path, as stated (``source`` -> ``target``), with its evidence.

    ``evidence`` holds ``{"document_id", "start", "end", "text"}`` items.
    """

    source: str
    target: str
    type: str
    rel_id: str = ""
    props: dict[str, Any] = field(default_factory=dict)
    evidence: list[dict[str, Any]] = field(default_factory=list)
