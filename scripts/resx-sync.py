#!/usr/bin/env python3
"""Writes Resources/SharedResource.resx (Chinese, the neutral language) and SharedResource.en.resx
from Resources/SharedResource.tsv (key, zh-CN, en). Edit the TSV, run this, commit all three."""
import csv, pathlib, sys
from xml.sax.saxutils import escape

root = pathlib.Path(__file__).resolve().parent.parent / "src" / "GovService.Web" / "Resources"
rows = list(csv.reader(open(root / "SharedResource.tsv", encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
keys = [r[0] for r in rows]
dupes = {k for k in keys if keys.count(k) > 1}
if dupes or any(len(r) != 3 or not r[1] or not r[2] for r in rows):
    sys.exit(f"bad rows or duplicate keys: {dupes or [r for r in rows if len(r) != 3]}")

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""
for column, name in ((1, "SharedResource.resx"), (2, "SharedResource.en.resx")):
    body = "".join(f'  <data name="{escape(r[0])}" xml:space="preserve"><value>{escape(r[column])}</value></data>\n' for r in rows)
    (root / name).write_text(HEADER + body + "</root>\n", encoding="utf-8")
print(f"{len(rows)} strings written")
