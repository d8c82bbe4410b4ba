"""Text from documents shown through Streamlit's Markdown: escaped so it stays text.

``st.markdown``, ``st.header``, expander and tab labels render Markdown: an entity named
``![x](https://host/beacon.png)`` would make the analyst's browser fetch that address, and
``[Click](https://...)`` would become a link. :func:`md` backslash-escapes every ASCII punctuation
character (CommonMark allows escaping each of them) and folds line breaks, so names, aliases,
quotes and document names render as the literal characters they are. No page passes
``unsafe_allow_html`` with document text; the one HTML snippet (the network legend) escapes its
labels with :func:`html.escape`.
"""

from __future__ import annotations

import re

__all__ = ["md"]

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def md(value: object) -> str:
    r"""``value`` as Markdown that renders exactly as its text, on one line.

    >>> md("![x](https://evil.example/b.png) *O'Brien* & <b>Sons</b>\nLtd")
    "\\!\\[x\\]\\(https\\:\\/\\/evil\\.example\\/b\\.png\\) \\*O\\'Brien\\* \\& \\<b\\>Sons\\<\\/b\\> Ltd"
    """
    return _PUNCTUATION.sub(r"\\\1", " ".join(str(value).split()))
