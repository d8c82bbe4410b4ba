"""fakefree NLP: one text in, an :class:`Extraction` out (entities, roles, relations, spans).

``extract(text, language=None, model=None)`` runs the shipped multilingual pipeline (en/fr/es,
trained by ``python -m nlp.training.train``) or any installed spaCy pipeline named by ``model``.
Knows nothing of stores.
"""

from nlp.model import Entity, Extraction, Mention, Relation
from nlp.pipeline import extract, extract_many, load_pipeline

__all__ = ["extract", "extract_many", "load_pipeline", "Extraction", "Entity", "Relation",
           "Mention", "EXTRACTOR_VERSION"]

EXTRACTOR_VERSION = "fakefree-nlp 0.1.0"
