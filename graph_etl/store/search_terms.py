"""How names are indexed and matched, the same on every backend.

A query matches a name when every word of the query starts a word of the name (case and accents
ignored), or when its letters and digits alone start the name's (so ``MSCU 123456-7`` finds
``MSCU1234567``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph_etl.store.base import fold

__all__ = ["search_text", "name_words", "fts_query", "search_rank", "words", "compact"]

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """The folded words of a text.

    >>> words("O'Brien & Sons, S.A. de C.V.")
    ['o', 'brien', 'sons', 's', 'a', 'de', 'c', 'v']
    """
    return _WORD.findall(fold(text))


def compact(text: str) -> str:
    """Letters and digits only, folded: the form identifiers are compared in.

    >>> compact("MSCU 123456-7")
    'mscu1234567'
    """
    return "".join(words(text))


def search_text(name: str, aliases: list[str]) -> str:
    """What the full-text index holds for one claim: every name's words and compact form."""
    return _search_text(name, tuple(aliases))


@lru_cache(maxsize=131072)
def _search_text(name: str, aliases: tuple[str, ...]) -> str:
    parts = []
    for value in [name, *aliases]:
        parts.append(" ".join(words(value)))
        parts.append(compact(value))
    return " ".join(dict.fromkeys(p for p in parts if p))


def name_words(name: str, aliases: list[str]) -> set[str]:
    """The words of every name of one claim: what a query word may be the start of.

    >>> sorted(name_words("Han Tong", ["HT-Tech"]))
    ['han', 'ht', 'tech', 'tong']
    """
    return _name_words(name, tuple(aliases))


@lru_cache(maxsize=131072)
def _name_words(name: str, aliases: tuple[str, ...]) -> set[str]:
    return {w for value in (name, *aliases) for w in words(value)}


def fts_query(text: str, expansions: dict[str, list[str]] | None = None) -> str:
    """An SQLite FTS5 query for ``text``: all words as prefixes, or the compact form as prefix.

    ``expansions`` may give, for a word of a query of several words, every indexed name word it
    starts: the query then names those whole words instead of the prefix, which matches the same
    names (a prefix also reaches compact forms, which the compact alternative covers) and lets
    SQLite skip along each word's list instead of first merging the lists of every token that
    starts with the prefix. A word that starts no name word leaves only the compact alternative.
    Only word characters reach the query, so no user input can change its syntax.

    >>> fts_query('Zhang "Wei" OR x')
    '("zhang"* AND "wei"* AND "or"* AND "x"*) OR "zhangweiorx"*'
    >>> fts_query("zhang we", {"zhang": ["zhang"], "we": ["wei", "wen"]})
    '(("zhang") AND ("wei" OR "wen")) OR "zhangwe"*'
    >>> fts_query("zhangw ei", {"zhangw": []})
    '"zhangwei"*'
    """
    tokens = words(text)
    if not tokens:
        return ""
    compact_prefix = f'"{"".join(tokens)}"*'
    if len(tokens) == 1:
        return compact_prefix
    expansions = expansions or {}
    if any(t in expansions and not expansions[t] for t in tokens):
        return compact_prefix
    all_words = " AND ".join(
        "(" + " OR ".join(f'"{w}"' for w in expansions[t]) + ")" if t in expansions else f'"{t}"*'
        for t in tokens)
    return f"({all_words}) OR {compact_prefix}"


def _matches(query_words: list[str], value: str) -> bool:
    value_words = words(value)
    if all(any(w.startswith(q) for w in value_words) for q in query_words):
        return True
    return compact(value).startswith("".join(query_words))


def search_rank(text: str, name: str, aliases: list[str]) -> int | None:
    """How well ``name`` or ``aliases`` match the query: 0 is best, ``None`` is no match.

    >>> search_rank("zhang wei", "Wei Zhang", ["Zhang Wei"])
    1
    >>> search_rank("zhang", "Wei Zhang", [])
    2
    >>> search_rank("acme", "Globex", []) is None
    True
    """
    query_words = words(text)
    if not query_words:
        return None
    folded = " ".join(query_words)
    if " ".join(words(name)) == folded:
        return 0
    if any(" ".join(words(a)) == folded for a in aliases):
        return 1
    if _matches(query_words, name):
        return 2
    if any(_matches(query_words, a) for a in aliases):
        return 3
    return None
