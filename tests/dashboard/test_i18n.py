"""Every label exists in English, French and Spanish, and every label the code asks for exists."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from dashboard import i18n, registry

DASHBOARD = Path(i18n.__file__).parent
USED = re.compile(r"""\bt\(\s*["']([a-z_]+\.[a-z_.]+)["']""")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(i18n.TRANSLATIONS))
def test_i18n_every_key_in_every_language(key):
    entry = i18n.TRANSLATIONS[key]
    assert set(entry) == set(i18n.LANGUAGES)
    assert all(text.strip() for text in entry.values())
    assert len({frozenset(_fields(text)) for text in entry.values()}) == 1, "placeholders differ"


def test_i18n_every_key_used_is_defined():
    used = {key for path in DASHBOARD.rglob("*.py") for key in USED.findall(path.read_text())}
    used |= {key for _, key, _ in registry.PAGES}
    assert used, "the pattern found no label"
    assert sorted(used - set(i18n.TRANSLATIONS)) == []


def test_i18n_dynamic_chart_labels_are_defined():
    from dashboard.tables import CHART_FIELDS

    for field in CHART_FIELDS:
        assert f"common.{field}" in i18n.TRANSLATIONS
        assert f"overview.by_{field}" in i18n.TRANSLATIONS
    for label in ("seizures", "shipments"):
        assert f"overview.{label}" in i18n.TRANSLATIONS


def test_i18n_unknown_language_falls_back_to_english():
    assert i18n.translate("nav.network", "de") == "Network"
