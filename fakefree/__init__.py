"""fakefree: a knowledge graph for transnational counterfeiting investigations."""

__version__ = "0.1.0"
