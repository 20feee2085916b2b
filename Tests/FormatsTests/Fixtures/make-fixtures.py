#!/usr/bin/env python3
"""Writes the FormatsTests fixtures: real-world-like exports and hostile files.

Run from anywhere with a Python that has openpyxl (Debian: python3-openpyxl):
    python3 Tests/FormatsTests/Fixtures/make-fixtures.py
The output is deterministic (fixed timestamps), so re-running it changes no committed file.
"""
import datetime as dt
import io
import os
import struct
import unicodedata
import zipfile

import openpyxl
from openpyxl.styles import Alignment, Font

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED = (2026, 5, 25, 8, 0, 0)  # zip timestamps, so the output is byte-for-byte stable


def path(name):
    return os.path.join(HERE, name)


def write_bytes(name, data):
    with open(path(name), "wb") as f:
        f.write(data)


# ---------------------------------------------------------------- CSV

def semicolon_bom_multiline():
    """Vietnamese Excel's 'CSV UTF-8': BOM, semicolons, CRLF, quoted multi-line fields.
    One name is written decomposed (NFD), as some Windows tools do, to check NFC."""
    nfd_name = unicodedata.normalize("NFD", "Nguyễn Thị Hòa")
    rows = [
        ["Mã hồ sơ", "Họ tên", "Địa chỉ", "Ghi chú", "Lệ phí"],
        ["H01.001", "Trần Văn Đức", "Số 5, đường Lê Lợi", "", "50.000"],
        ["H01.002", nfd_name, "Tổ 3\r\nKhu phố 2", 'Khách nói "gấp"', "0"],
        ["H01.003", "Lê Thị Ánh", "Ấp Mỹ Hòa", "Dòng 1\nDòng 2\nDòng 3", "1.200.000"],
    ]
    out = io.StringIO()
    for row in rows:
        fields = []
        for v in row:
            if any(c in v for c in ';"\r\n'):
                v = '"' + v.replace('"', '""') + '"'
            fields.append(v)
        out.write(";".join(fields) + "\r\n")
    write_bytes("semicolon-bom-multiline.csv", b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))


TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258(text):
    """Windows-1258 has precomposed â ê ô ă ơ ư but separate tone marks: split tones off."""
    out = []
    for ch in text:
        nfd = unicodedata.normalize("NFD", ch)
        tones = [c for c in nfd if c in TONES]
        base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in TONES))
        out.append(base + "".join(tones))
    return "".join(out).encode("cp1258")


def windows1258_csv():
    rows = [
        ["ma_ho_so", "ho_ten", "linh_vuc", "phong_ban"],
        ["HT-2026-0001", "Nguyễn Văn Hùng", "Hộ tịch", "Phòng Văn hóa - Xã hội"],
        ["DD-2026-0002", "Phạm Thị Thu Hương", "Đất đai", "Phòng Kinh tế, Hạ tầng và Đô thị"],
        ["HKD-2026-0003", "Võ Thành Trường", "Hộ kinh doanh", "Phòng Kinh tế"],
    ]
    lines = []
    for row in rows:
        lines.append(",".join('"' + v + '"' if "," in v else v for v in row))
    write_bytes("windows-1258.csv", b"".join(to_cp1258(line) + b"\r\n" for line in lines))


def utf16_csvs():
    """Excel's 'Unicode text' export: UTF-16LE with BOM, tab-separated; and a big-endian one."""
    rows = [
        ["Mã hồ sơ", "Người nộp", "Kênh"],
        ["KS-01", "Đặng Thị Lụa", "Trực tuyến"],
        ["KS-02", "Bùi Quốc Việt 😀", "Trực tiếp"],
    ]
    text = "".join("\t".join(r) + "\r\n" for r in rows)
    write_bytes("utf16le-tab.csv", b"\xff\xfe" + text.encode("utf-16-le"))
    text = "".join(",".join(r) + "\n" for r in rows)
    write_bytes("utf16be.csv", b"\xfe\xff" + text.encode("utf-16-be"))


def truncated_csv():
    """The export was cut mid-way through a quoted field that opened on row 4 (line 5)."""
    text = (
        "ma,ten,ghi_chu\n"
        "A1,Hòa,ok\n"
        'A2,Bình,"hai\ndòng"\n'
        'A3,Cường,"bị cắt ngang\nvà không bao giờ đóng\n'
    )
    write_bytes("truncated.csv", text.encode("utf-8"))


def wrong_columns_csv():
    write_bytes("wrong-columns.csv", "code,ten_thu_tuc,ngay\nX1,Khai sinh,05/01/2026\n".encode("utf-8"))


def cp1258_table():
    """The code page as Python knows it, as an oracle for the hand-written table."""
    lines = []
    for b in range(0x80, 0x100):
        try:
            lines.append("%02X %04X" % (b, ord(bytes([b]).decode("cp1258"))))
        except UnicodeDecodeError:
            lines.append("%02X -" % b)
    write_bytes("cp1258-table.txt", ("\n".join(lines) + "\n").encode("ascii"))


# ---------------------------------------------------------------- XLSX

def fix_zip_times(data):
    """Re-pack a zip with fixed timestamps and stable order."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = content.replace(content[content.find(b"<dcterms:created"):content.find(b"</cp:coreProperties>")], b"")
            zi = zipfile.ZipInfo(info.filename, FIXED)
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, content)
    return out.getvalue()


def provincial_export():
    """A provincial one-stop system's Excel export: a title block, a header over two rows
    with merged cells, dates stored as serial numbers, several sheets."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh sách hồ sơ"
    ws["A1"] = "UBND TỈNH BÌNH DƯƠNG"
    ws["A2"] = "DANH SÁCH HỒ SƠ TIẾP NHẬN"
    ws["A3"] = "Từ ngày 01/01/2026 đến ngày 25/05/2026"
    ws.merge_cells("A1:J1")
    ws.merge_cells("A2:J2")
    ws.merge_cells("A3:J3")
    ws["A2"].font = Font(bold=True, size=14)
    for col, title in zip("ABCD", ["STT", "Mã hồ sơ", "Tên thủ tục", "Lĩnh vực"]):
        ws[col + "5"] = title
        ws.merge_cells(f"{col}5:{col}6")
    ws["E5"] = "Ngày"
    ws.merge_cells("E5:G5")
    ws["E6"], ws["F6"], ws["G6"] = "Tiếp nhận", "Hẹn trả", "Trả kết quả"
    ws["H5"] = "Trạng thái"
    ws.merge_cells("H5:H6")
    ws["I5"] = "Trực tuyến"
    ws.merge_cells("I5:I6")
    ws["J5"] = "Lệ phí"
    ws.merge_cells("J5:J6")
    for row in ws["A5:J6"]:
        for c in row:
            c.font = Font(bold=True)
            c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    data = [
        (1, "000.00.21.H12-260105-0001", "Đăng ký khai sinh", "Hộ tịch",
         dt.datetime(2026, 1, 5, 8, 30), dt.datetime(2026, 1, 6), dt.datetime(2026, 1, 6, 15, 45),
         "Đã trả kết quả", True, 0),
        (2, "000.00.21.H12-260212-0002", "Cấp giấy chứng nhận đăng ký hộ kinh doanh", "Hộ kinh doanh",
         dt.datetime(2026, 2, 12, 14, 5, 30), dt.datetime(2026, 2, 27), None,
         "Đang giải quyết", False, 100000),
        (3, "000.00.21.H12-260301-0003", "Chứng thực bản sao từ bản chính", "Chứng thực",
         dt.datetime(2026, 3, 1, 7, 45), dt.datetime(2026, 3, 2), dt.datetime(2026, 3, 2, 10, 0),
         "Đã trả kết quả", True, 2000.5),
    ]
    for i, row in enumerate(data, start=7):
        for j, value in enumerate(row):
            ws.cell(row=i, column=j + 1, value=value)
        ws.cell(row=i, column=5).number_format = "dd/mm/yyyy hh:mm:ss"
        ws.cell(row=i, column=6).number_format = "mm-dd-yy"  # built-in format 14
        ws.cell(row=i, column=7).number_format = "dd/mm/yyyy"
    summary = wb.create_sheet("Tổng hợp")
    summary.append(["Lĩnh vực", "Tiếp nhận", "Đã giải quyết", "Tỷ lệ"])
    summary.append(["Hộ tịch", 4266, 4160, 0.9751])
    summary.append(["Đất đai", 120, 97, 0.8083])
    summary["D2"].number_format = "0.00%"
    summary["D3"].number_format = "0.00%"
    wb.create_sheet("Ghi chú")["A1"] = "Số liệu trích xuất từ hệ thống một cửa điện tử"
    buf = io.BytesIO()
    wb.save(buf)
    data = fix_zip_times(buf.getvalue())
    write_bytes("mot-cua-export.xlsx", data)
    return data


def handmade_1904():
    """SpreadsheetML written by hand: the 1904 date system, inline strings, a rich-text shared
    string with phonetic runs, booleans, an error, a formula string result, a custom date
    format, cells without `r` attributes and a gap between rows."""
    files = {
        "[Content_Types].xml": """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/data.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>""",
        "_rels/.rels": """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""",
        "xl/workbook.xml": """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="1"/><sheets><sheet name="Khai sinh" sheetId="7" r:id="rId9"/></sheets></workbook>""",
        "xl/_rels/workbook.xml.rels": """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>""",
        "xl/sharedStrings.xml": """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>Họ tên</t></si><si><r><rPr><b/></rPr><t xml:space="preserve">Lê </t></r><r><t>Văn Tám</t></r><rPh sb="0" eb="2"><t>PHONETIC</t></rPh></si></sst>""",
        "xl/styles.xml": """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="&quot;Ngày&quot;\\ #,##0"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/><xf numFmtId="20" applyNumberFormat="1"/></cellXfs></styleSheet>""",
        "xl/worksheets/data.xml": """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Ngày sinh</t></is></c><c r="C1" t="inlineStr"><is><t>Số ngày</t></is></c><c r="D1" t="inlineStr"><is><t>Giờ</t></is></c><c r="E1" t="inlineStr"><is><t>Đúng hạn</t></is></c><c r="F1" t="inlineStr"><is><t>Ghi chú</t></is></c></row>
<row r="2"><c t="s"><v>1</v></c><c s="1"><v>44927</v></c><c s="2"><v>1234</v></c><c s="3"><v>0.5208333333333334</v></c><c t="b"><v>1</v></c><c t="str"><f>CONCAT("a","b")</f><v>Tổng_x000D_hợp</v></c></row>
<row r="4"><c r="A4" t="inlineStr"><is><r><t>Trần </t></r><r><t>Thị Mai</t></r></is></c><c r="C4" t="e"><v>#DIV/0!</v></c><c r="E4" t="b"><v>0</v></c></row>
</sheetData></worksheet>""",
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in files.items():
            zi = zipfile.ZipInfo(name, FIXED)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, content.encode("utf-8"))
    write_bytes("handmade-1904.xlsx", out.getvalue())


def dotnet_prefixed():
    """As the .NET Open XML SDK writes: every element with an `x:` prefix, relationship ids
    under another prefix, sheet parts named freely; a merged two-row header."""
    ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    files = {
        "[Content_Types].xml": """<?xml version="1.0" encoding="utf-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/Sheet_HoKinhDoanh.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""",
        "_rels/.rels": """<?xml version="1.0" encoding="utf-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/workbook.xml" Id="R1"/></Relationships>""",
        "xl/workbook.xml": f"""<?xml version="1.0" encoding="utf-8"?>
<x:workbook {ns} xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="HKD" sheetId="1" rel:id="R5f2"/></x:sheets></x:workbook>""",
        "xl/_rels/workbook.xml.rels": """<?xml version="1.0" encoding="utf-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/Sheet_HoKinhDoanh.xml" Id="R5f2"/></Relationships>""",
        "xl/worksheets/Sheet_HoKinhDoanh.xml": f"""<?xml version="1.0" encoding="utf-8"?>
<x:worksheet {ns}><x:sheetData>
<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>DANH SÁCH HỘ KINH DOANH ĐĂNG KÝ MỚI</x:t></x:is></x:c></x:row>
<x:row r="3"><x:c r="A3" t="inlineStr"><x:is><x:t>Mã số hộ</x:t></x:is></x:c><x:c r="B3" t="inlineStr"><x:is><x:t>Chủ hộ</x:t></x:is></x:c><x:c r="D3" t="inlineStr"><x:is><x:t>Vốn (đồng)</x:t></x:is></x:c></x:row>
<x:row r="4"><x:c r="B4" t="inlineStr"><x:is><x:t>Họ tên</x:t></x:is></x:c><x:c r="C4" t="inlineStr"><x:is><x:t>Số CCCD</x:t></x:is></x:c></x:row>
<x:row r="5"><x:c r="A5" t="inlineStr"><x:is><x:t>8.23.000123</x:t></x:is></x:c><x:c r="B5" t="inlineStr"><x:is><x:t>Hồ Thị Mến</x:t></x:is></x:c><x:c r="C5" t="inlineStr"><x:is><x:t>079188001122</x:t></x:is></x:c><x:c r="D5"><x:v>150000000</x:v></x:c></x:row>
</x:sheetData><x:mergeCells count="4"><x:mergeCell ref="A1:D1"/><x:mergeCell ref="A3:A4"/><x:mergeCell ref="B3:C3"/><x:mergeCell ref="D3:D4"/></x:mergeCells></x:worksheet>""",
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in files.items():
            zi = zipfile.ZipInfo(name, FIXED)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, content.encode("utf-8"))
    write_bytes("dotnet-prefixed.xlsx", out.getvalue())


def leap_bug_1900():
    """Serials around Excel's fictitious 29/02/1900 in the 1900 date system."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Serials"
    for i, serial in enumerate([1, 59, 61, 45802.75], start=1):
        c = ws.cell(row=i, column=1, value=serial)
        c.number_format = "dd/mm/yyyy hh:mm"
    buf = io.BytesIO()
    wb.save(buf)
    write_bytes("serials-1900.xlsx", fix_zip_times(buf.getvalue()))


def patch_sizes(data, entry, uncompressed):
    """Rewrites an entry's declared uncompressed size in both the local and the central header."""
    data = bytearray(data)
    name = entry.encode()
    pos = 0
    while True:
        pos = data.find(b"PK\x03\x04", pos)
        if pos < 0:
            break
        n = struct.unpack_from("<H", data, pos + 26)[0]
        if data[pos + 30:pos + 30 + n] == name:
            struct.pack_into("<I", data, pos + 22, uncompressed)
        pos += 4
    pos = 0
    while True:
        pos = data.find(b"PK\x01\x02", pos)
        if pos < 0:
            break
        n = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46:pos + 46 + n] == name:
            struct.pack_into("<I", data, pos + 24, uncompressed)
        pos += 4
    return bytes(data)


def replace_entry(data, entry, content):
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, FIXED)
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, content if info.filename == entry else src.read(info.filename))
    return out.getvalue()


def hostile_archives(valid):
    sheet = "xl/worksheets/sheet1.xml"
    # A small file whose sheet declares 4 GB uncompressed.
    write_bytes("bomb-declared.xlsx", patch_sizes(valid, sheet, 0xFFFFFF00))
    # 64 MiB of whitespace inside sheetData: a ~1000:1 ratio no real export has.
    original = zipfile.ZipFile(io.BytesIO(valid)).read(sheet)
    padded = original.replace(b"<sheetData>", b"<sheetData>" + b" " * (64 << 20), 1)
    bomb = replace_entry(valid, sheet, padded)
    write_bytes("bomb-ratio.xlsx", bomb)
    # The same padding, but the header lies: it declares 4,000 bytes.
    padded = original.replace(b"<sheetData>", b"<sheetData>" + b" " * (4 << 20), 1)
    write_bytes("bomb-lying.xlsx", patch_sizes(replace_entry(valid, sheet, padded), sheet, 4000))
    # Cut in the middle: no central directory.
    write_bytes("truncated.xlsx", valid[: len(valid) // 2])
    # Intact directory, damaged deflate stream in the sheet.
    damaged = bytearray(valid)
    pos = damaged.find(sheet.encode()) + len(sheet)  # the local header comes first
    for k in range(pos + 40, pos + 80):
        damaged[k] ^= 0x5A
    write_bytes("corrupt-data.xlsx", bytes(damaged))
    # The "billion laughs": nested entities that would expand to gigabytes of text.
    laughs = '<!DOCTYPE worksheet [<!ENTITY a0 "ha">' + "".join(
        '<!ENTITY a%d "%s">' % (i, ("&a%d;" % (i - 1)) * 10) for i in range(1, 10)) + "]>"
    hostile = original.replace(b"<worksheet", laughs.encode() + b"<worksheet", 1)
    hostile = hostile.replace(b"<v>1</v>", b"<v>&a9;</v>", 1)
    write_bytes("entity-bomb.xlsx", replace_entry(valid, sheet, hostile))
    # An HTML table saved with an .xlsx name, as some old web systems export.
    write_bytes("html-as.xlsx", "<html><body><table><tr><td>Mã</td></tr></table></body></html>".encode())


# ---------------------------------------------------------------- JSON

def json_fixtures():
    write_bytes("dvc-sync.json", """{
  "MaHoSo": "G22.99-260105-0001",
  "KenhThucHien": 2,
  "NgayTiepNhan": "20260105083000",
  "ChuHoSo": {"HoVaTen": "Nguyễn Văn An", "SoDinhDanh": "079200001234"},
  "DaThanhToan": true,
  "LePhi": 50000.5,
  "GhiChu": null,
  "TepDinhKem": [1, 2, 3]
}
""".encode("utf-8"))
    write_bytes("broken.json", """{
  "MaHoSo": "G22.99-260105-0002",
  "KenhThucHien": 1,
  "NgayTiepNhan": "20260106090000"
  "ChuHoSo": {}
}
""".encode("utf-8"))


if __name__ == "__main__":
    semicolon_bom_multiline()
    windows1258_csv()
    utf16_csvs()
    truncated_csv()
    wrong_columns_csv()
    cp1258_table()
    valid = provincial_export()
    handmade_1904()
    dotnet_prefixed()
    leap_bug_1900()
    hostile_archives(valid)
    json_fixtures()
