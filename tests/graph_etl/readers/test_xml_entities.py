"""XML entity attacks in every format built on XML or markup: external entities (XXE) never read
a file from disk and entity expansion ("billion laughs") never expands."""

from __future__ import annotations

import io
import zipfile

import pytest

from graph_etl.readers import Unreadable, read

from .builders import EN, docx_bytes, eml_bytes, replace_part, write, xlsx_bytes

MB = 10 * 1024 * 1024
MARKER = "TOPSECRET-4242"


@pytest.fixture
def secret(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(MARKER, "utf-8")
    return path


def laughs_dtd() -> str:
    lol = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)]
    return "<!DOCTYPE lolz [" + "".join(lol) + "]>"


def xxe_dtd(path) -> str:
    return f'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file://{path}">]>'


def office(kind: str, dtd: str, reference: str) -> tuple[bytes, str]:
    if kind == "docx":
        body = ('<?xml version="1.0"?>' + dtd +
                '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
                f'main"><w:body><w:p><w:r><w:t>{reference}</w:t></w:r></w:p></w:body>'
                "</w:document>")
        return replace_part(docx_bytes([EN]), "word/document.xml", body.encode()), "docx"
    good = xlsx_bytes({"S": [["name"], ["placeholder"]]})
    with zipfile.ZipFile(io.BytesIO(good)) as zf:
        sheet = zf.read("xl/worksheets/sheet1.xml").decode()
    sheet = sheet.replace("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>", "")
    sheet = sheet.replace("<?xml version='1.0' encoding='UTF-8'?>", "")
    body = '<?xml version="1.0"?>' + dtd + sheet.replace(
        "<v>", "<v>").replace("placeholder", reference)
    return replace_part(good, "xl/worksheets/sheet1.xml", body.encode()), "xlsx"


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
@pytest.mark.parametrize("attack", ["xxe", "laughs"])
def test_xml_entities_office_files_with_a_dtd_are_refused(tmp_path, secret, kind, attack):
    dtd, ref = (xxe_dtd(secret), "&xxe;") if attack == "xxe" else (laughs_dtd(), "&lol9;")
    data, ext = office(kind, dtd, ref)
    with pytest.raises(Unreadable) as refused:
        read(write(tmp_path, f"attack.{ext}", data), max_bytes=MB)
    assert refused.value.reason == "bomb"
    assert "declares XML entities" in str(refused.value)


@pytest.mark.parametrize("prolog", ["", '<?xml version="1.0"?>'])
def test_xml_entities_html_is_read_without_expansion_or_file_access(tmp_path, secret, prolog):
    page = (f"{prolog}{xxe_dtd(secret)[:-1]}{laughs_dtd()[len('<!DOCTYPE lolz '):]}"
            f"<html><body><p>{EN}</p><p>&xxe; &lol9;</p></body></html>")
    results = read(write(tmp_path, "attack.html", page), max_bytes=MB)
    text = "\n".join(r.text or "" for r in results)
    assert "Han Tong Technology" in text
    assert MARKER not in text
    assert "lollollol" not in text and len(text) < 2_000


def test_xml_entities_email_html_part_is_read_without_expansion_or_file_access(tmp_path, secret):
    html = f"{xxe_dtd(secret)}<html><body><p>&xxe; {EN}</p></body></html>"
    data = eml_bytes("Voir la facture.", html=html,
                     attachments={"page.html": (f"{laughs_dtd()}<p>&lol9;</p>".encode(),
                                                "text/html")})
    results = read(write(tmp_path, "attack.eml", data), max_bytes=MB)
    text = "\n".join(r.text or "" for r in results)
    assert MARKER not in text
    assert "lollollol" not in text and len(text) < 5_000
