"""Every setting is declared once, with help text, and documented in README.md."""

from __future__ import annotations

from pathlib import Path

from fakefree import settings

README = Path(__file__).resolve().parents[2] / "README.md"


def test_settings_every_setting_has_help_and_is_in_the_readme():
    readme = README.read_text("utf-8")
    for setting in settings.SETTINGS:
        assert setting.help.strip(), setting.name
        assert setting.name in readme, f"{setting.name} is not documented in README.md"


def test_settings_environment_overrides_the_default(monkeypatch):
    monkeypatch.setenv("FAKEFREE_MAX_FILE_MB", "7")
    assert settings.get("FAKEFREE_MAX_FILE_MB") == "7"
    monkeypatch.delenv("FAKEFREE_MAX_FILE_MB")
    assert settings.get("FAKEFREE_MAX_FILE_MB") == "200"
