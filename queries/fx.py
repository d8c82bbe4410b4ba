"""Currency conversion with the fixed, dated table shipped in ``queries/fx_rates.json``.

Nothing is fetched at run time: the same amounts always convert to the same totals, and every
converted figure says which table (``as_of``) it used.

>>> table = fx_table()
>>> table.convert(100, "CAD") < 100, table.convert(5, "usd")
(True, 5.0)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from fakefree.errors import InputError

__all__ = ["FxTable", "fx_table"]


@dataclass(frozen=True)
class FxTable:
    """Rates to ``base`` (units of ``base`` per one unit of each currency) as of a date."""

    as_of: str
    base: str
    rates: dict[str, float]

    def known(self, currency: str | None) -> bool:
        return bool(currency) and str(currency).upper() in self.rates

    def convert(self, amount: float, currency: str | None, to: str | None = None) -> float:
        """``amount`` of ``currency`` in ``to`` (default the base currency).

        Raises :class:`fakefree.errors.InputError` for a currency the table does not hold.
        """
        source = (currency or self.base).upper()
        target = (to or self.base).upper()
        for code in (source, target):
            if code not in self.rates:
                raise InputError(f"Currency {code} is not in the conversion table of {self.as_of}.")
        return round(float(amount) * self.rates[source] / self.rates[target], 2)


@cache
def fx_table() -> FxTable:
    """The shipped conversion table (loaded once)."""
    raw = json.loads(resources.files("queries").joinpath("fx_rates.json").read_text("utf-8"))
    return FxTable(as_of=raw["as_of"], base=raw["base"],
                   rates={k.upper(): float(v) for k, v in raw["rates"].items()})
