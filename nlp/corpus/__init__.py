"""The real-text corpus: public-domain and open-licence enforcement texts with gold extraction.

``real/train`` and ``real/eval`` hold ``NAME.txt`` (a ``SOURCE:`` line, a blank line, the text) and
``NAME.gold.json`` in the real-dev gold format; ``real/ann`` holds the reviewed compact annotation
each gold file is built from; ``real/manifest.csv`` records source, publisher, licence and
retrieval date. See ``nlp/corpus/README.md``.
"""
