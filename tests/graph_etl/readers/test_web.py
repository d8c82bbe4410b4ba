"""HTML: visible text with paragraph breaks, no scripts or styles."""

from __future__ import annotations

import pytest

from graph_etl.readers import Unreadable, read

from .builders import EN, ES, FR, write

MB = 1 << 20

PAGE = f"""<!DOCTYPE html>
<html lang="fr"><head><title>Avis de saisie</title>
<meta name="author" content="Douane">
<style>p {{ color: red; }}</style><script>var tracking = "Société Secrète";</script></head>
<body><h1>Saisie   au Havre</h1>
<p>{FR}</p><!-- note interne -->
<div>{ES}<br>Segunda línea</div>
<ul><li>MSCU1234565</li><li>TGHU7654321</li></ul>
<table><tr><th>Port</th><th>Valeur</th></tr>
<tr><td>Le Havre</td><td>45&nbsp;000 &euro;</td></tr></table>
<noscript>Activez JavaScript</noscript><p>{EN}</p></body></html>"""


def test_web_reads_visible_text_with_paragraph_breaks(tmp_path):
    [result] = read(write(tmp_path, "avis.html", PAGE), max_bytes=MB)
    assert result.reader == "html"
    assert result.text == "\n\n".join([
        "Saisie au Havre", FR, f"{ES}\nSegunda línea", "MSCU1234565\nTGHU7654321",
        "Port\tValeur\nLe Havre\t45 000 €", EN])
    assert "Secrète" not in result.text and "color" not in result.text
    assert result.meta == {"title": "Avis de saisie", "author": "Douane"}
    assert result.language_hint == "fr"


def test_web_honours_declared_charset(tmp_path):
    page = ('<html><head><meta charset="windows-1252"></head>'
            '<body><p>José Ángel García</p></body></html>')
    [result] = read(write(tmp_path, "old.htm", page, "cp1252"), max_bytes=MB)
    assert result.text == "José Ángel García"


def test_web_sniffs_html_without_extension(tmp_path):
    [result] = read(write(tmp_path, "page", PAGE), max_bytes=MB)
    assert result.reader == "html"


def test_web_refuses_page_without_visible_text(tmp_path):
    with pytest.raises(Unreadable) as err:
        read(write(tmp_path, "empty.html", "<html><script>x()</script></html>"), max_bytes=MB)
    assert err.value.reason == "no_text"
    assert str(err.value) == "empty.html is an HTML page with no visible text."
