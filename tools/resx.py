#!/usr/bin/env python3
"""Adds or updates texts in a resource set (neutral = bokmål, .nn, .en) in one go.

usage: tools/resx.py BASE < texts.tsv
  BASE   path without extension, e.g. Bylab.Web/Resources/SharedResource
  stdin  one text per line: key<TAB>bokmål<TAB>nynorsk<TAB>english  (blank lines and # comments skipped)
         a literal \\n in a text becomes a line break.
Keeps existing keys, replaces the values of keys given again, keeps the files sorted by key.
"""
import sys, pathlib, xml.etree.ElementTree as ET

HEADER = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
</root>
'''

def load(path):
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(HEADER, encoding="utf-8")
    return {d.get("name"): d.findtext("value") or "" for d in ET.parse(path).getroot().iter("data")}

def save(path, entries):
    root = ET.fromstring(HEADER)
    for key in sorted(entries, key=str.lower):
        d = ET.SubElement(root, "data", {"name": key, "xml:space": "preserve"})
        ET.SubElement(d, "value").text = entries[key]
    ET.indent(root, "  ")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n", encoding="utf-8")

def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    base = sys.argv[1]
    files = {lang: pathlib.Path(base + suffix + ".resx") for lang, suffix in (("nb", ""), ("nn", ".nn"), ("en", ".en"))}
    sets = {lang: load(p) for lang, p in files.items()}
    for n, line in enumerate(sys.stdin, 1):
        line = line.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 4 or not all(p.strip() for p in parts):
            sys.exit(f"line {n}: need key, bokmål, nynorsk and english separated by tabs: {line!r}")
        key, nb, nn, en = (p.replace("\\n", "\n") for p in parts)
        sets["nb"][key], sets["nn"][key], sets["en"][key] = nb, nn, en
    for lang, p in files.items():
        save(p, sets[lang])

main()
