#!/usr/bin/env python3
"""The comparison most analysts script: Python's difflib.HtmlDiff over two text files.

Usage: difflib_htmldiff.py OLD NEW OUT.html
Reads both files as UTF-8, one line per sentence, and writes difflib's side-by-side HTML table
(the whole file, as `rdiff OLD NEW --html OUT.html` writes its whole report).
"""
import difflib
import sys


def main() -> int:
    old_path, new_path, out_path = sys.argv[1:4]
    with open(old_path, encoding="utf-8") as f:
        old = f.read().splitlines()
    with open(new_path, encoding="utf-8") as f:
        new = f.read().splitlines()
    html = difflib.HtmlDiff().make_file(old, new, old_path, new_path)
    with open(out_path, "w", encoding="utf-8") as f:
        f.write(html)
    return 0


if __name__ == "__main__":
    sys.exit(main())
