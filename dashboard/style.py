"""Colours of node labels, shared by the network view and its legend."""

from __future__ import annotations

__all__ = ["LABEL_COLOURS", "colour"]

LABEL_COLOURS: dict[str, str] = {
    "Person": "#e15759",
    "Company": "#4e79a7",
    "Importer": "#59a14f",
    "Exporter": "#76b7b2",
    "Manufacturer": "#b07aa1",
    "Financier": "#edc948",
    "Distributor": "#9c755f",
    "Broker": "#86bcb6",
    "Shipper": "#499894",
    "FrontCompany": "#ff9da7",
    "Agency": "#1f3b73",
    "Brand": "#f28e2b",
    "Address": "#bab0ac",
    "Country": "#8cd17d",
    "City": "#a0cbe8",
    "Port": "#2f8fbf",
    "BankAccount": "#d4a017",
    "Shipment": "#bcbd22",
    "Seizure": "#c0392b",
    "Vessel": "#17607d",
    "Phone": "#79706e",
    "Email": "#d37295",
    "Domain": "#fabfd2",
    "Case": "#34495e",
    "Document": "#d7d7d7",
    "Money": "#f1ce63",
    "Identifier": "#a5a5a5",
    "Event": "#ff7f0e",
}
DEFAULT = "#999999"


def colour(label: str) -> str:
    return LABEL_COLOURS.get(label, DEFAULT)
