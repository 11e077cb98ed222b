#!/usr/bin/env python3
"""seeds.py — seeds for fuzz_package from Word and OpenDocument files.

    seeds.py OUTDIR FILE...

Each FILE (.docx or .odt) becomes one input in the form fuzz_package reads:
a first byte choosing the kind (0 DOCX, 1 ODT), then its main part, its
list definitions and its styles, separated by the byte 0x01.
"""
import os
import sys
import zipfile

PARTS = {
    0: ('word/document.xml', 'word/numbering.xml', 'word/styles.xml'),
    1: ('content.xml', 'styles.xml'),
}


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for path in sys.argv[2:]:
        try:
            z = zipfile.ZipFile(path)
        except (OSError, zipfile.BadZipFile):
            continue
        kind = 1 if 'content.xml' in z.namelist() else 0
        parts = [z.read(n) if n in z.namelist() else b'' for n in PARTS[kind]]
        # the separator may not occur inside a part
        parts = [p.replace(b'\x01', b'') for p in parts]
        name = os.path.join(out, os.path.basename(path) + '.seed')
        with open(name, 'wb') as f:
            f.write(bytes([kind]) + b'\x01'.join(parts))


if __name__ == '__main__':
    main()
