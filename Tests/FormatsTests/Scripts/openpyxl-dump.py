#!/usr/bin/env python3
"""Prints what openpyxl reads from an XLSX file, as JSON, so Swift tests can check that a
workbook hostrun wrote is a real spreadsheet to a second, independent reader."""
import datetime
import json
import sys

import openpyxl


def cell_json(cell):
    value = cell.value
    if isinstance(value, (datetime.datetime, datetime.date)):
        value = value.isoformat()
    return {
        "value": value,
        "type": type(cell.value).__name__,
        "bold": bool(cell.font and cell.font.b),
        "format": cell.number_format,
    }


def main(path):
    wb = openpyxl.load_workbook(path)
    sheets = []
    for ws in wb.worksheets:
        sheets.append({
            "name": ws.title,
            "freeze": ws.freeze_panes,
            "widths": {k: round(v.width, 2) for k, v in sorted(ws.column_dimensions.items()) if v.width},
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "rows": [[cell_json(c) for c in row] for row in ws.iter_rows()],
        })
    json.dump({"sheets": sheets}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
