"""Rebuild ``FakefreeCJK-Regular.ttf``, the CJK font every drawn export uses (see README.md here).

The source is Noto Sans CJK (SIL Open Font License 1.1) as the PyPI package
``manimgx-fonts-cjk`` ships it, a variable OpenType collection::

    pip download --no-deps manimgx-fonts-cjk==2026.9.26.post1 -d /tmp/cjk
    unzip /tmp/cjk/*.whl -d /tmp/cjk
    python -m exports.fonts.build /tmp/cjk/manimgx_fonts_cjk/NotoSansCJK-VF.otf.ttc

It keeps the Simplified Chinese face at weight 400, subset to the characters of the national
standard character sets (GB 2312, Big5 level 1, JIS X 0208, KS X 1001: about 14,300 characters,
10,500 of them Han), converts the outlines to TrueType (which fpdf2 and matplotlib both embed) and
renames the family, as the licence asks of a modified font. Takes about three minutes.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable
from fontTools.varLib import instancer

FAMILY = "Fakefree CJK"
OUT = Path(__file__).with_name("FakefreeCJK-Regular.ttf")
# (codec, lead bytes, trail bytes) of the double-byte character sets kept
CHARSETS = [
    ("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF)),
    ("big5", range(0xA4, 0xC7), [*range(0x40, 0x7F), *range(0xA1, 0xFF)]),
    ("euc_jp", range(0xA1, 0xF5), range(0xA1, 0xFF)),
    ("euc_kr", range(0xA1, 0xFE), range(0xA1, 0xFF)),
]


def characters() -> set[int]:
    """Code points of the kept character sets, plus printable ASCII."""
    kept = set(range(0x20, 0x7F))
    for codec, leads, trails in CHARSETS:
        for lead in leads:
            for trail in trails:
                try:
                    kept.update(map(ord, bytes((lead, trail)).decode(codec)))
                except UnicodeDecodeError:
                    continue
    return kept


def _to_truetype(font: TTFont) -> None:
    """Replace the static CFF2 outlines of ``font`` by quadratic TrueType ones."""
    order, glyphs = font.getGlyphOrder(), font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["loca"], font["glyf"] = newTable("loca"), glyf
    del font["CFF2"]
    font["head"].glyphDataFormat = 0
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["post"].formatType = 3.0
    font.sfntVersion = "\x00\x01\x00\x00"


def _rename(font: TTFont) -> None:
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 3, 4, 6, 16, 17, 18, 21, 22):
            names.removeNames(nameID=record.nameID)
    for name_id, value in ((1, FAMILY), (2, "Regular"), (3, f"{FAMILY} Regular; subset of "
                           "Noto Sans CJK SC"), (4, f"{FAMILY} Regular"),
                           (6, FAMILY.replace(" ", "") + "-Regular")):
        names.setName(value, name_id, 3, 1, 0x409)
        names.setName(value, name_id, 1, 0, 0)


def build(collection: Path, out: Path = OUT) -> Path:
    faces = TTCollection(str(collection)).fonts
    font = next(f for f in faces if f["name"].getDebugName(1).endswith(" SC"))
    options = subset.Options()
    options.layout_features = ["ccmp", "kern", "liga", "palt", "halt"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.drop_tables += ["DSIG", "VORG", "vhea", "vmtx", "BASE", "STAT"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(characters()))
    subsetter.subset(font)
    static = instancer.instantiateVariableFont(font, {"wght": 400})
    _to_truetype(static)
    _rename(static)
    static.save(str(out))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("collection", type=Path, help="NotoSansCJK-VF.otf.ttc")
    parser.add_argument("-o", "--out", type=Path, default=OUT)
    build(parser.parse_args().collection, parser.parse_args().out)


if __name__ == "__main__":
    main()
