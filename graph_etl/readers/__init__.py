"""Read case files of every common format into text or records, or refuse them plainly.

>>> from graph_etl.readers import read, Unreadable  # doctest: +SKIP
>>> [r.path for r in read(Path("mail.eml"), max_bytes=200 << 20)]  # doctest: +SKIP
['mail.eml', 'mail.eml#attachment/invoice.pdf']
"""

from graph_etl.readers.base import REASONS, ReadResult, Unreadable, sha256_file
from graph_etl.readers.dispatch import read

__all__ = ["REASONS", "ReadResult", "Unreadable", "read", "sha256_file"]
