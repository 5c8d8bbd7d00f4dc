#!/usr/bin/env python3
"""Moves visible String constants into the text bundles (decision 0012).

Usage (from the repository root):

    python3 tools/extract-texts.py [--dry-run] [PATH ...]

PATH is a .java file or a folder (default: the ui and charts packages). In each file, every

    static final String NAME = "literal" [+ "literal" | + OTHER_CONSTANT]...;

whose text is visible (see SKIP_* below and tools/texts-skip.txt) becomes

    static final String NAME = Texts.get("class.name");

and "class.name=literal" is appended to messages.properties. Constants already reading Texts.get are left
alone, so the tool can be re-run after new constants were added. Keys new to the English bundle and missing
from the Chinese one are printed at the end, ready to translate and paste into messages_zh_CN.properties
(TextsBundleTest fails until they are there).
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUNDLE_DIR = os.path.join(ROOT, "src/main/resources/org/resnetexplorer/i18n")
EN = os.path.join(BUNDLE_DIR, "messages.properties")
ZH = os.path.join(BUNDLE_DIR, "messages_zh_CN.properties")
SKIP_FILE = os.path.join(ROOT, "tools/texts-skip.txt")
DEFAULT_PATHS = ["src/main/java/org/resnetexplorer/ui", "src/main/java/org/resnetexplorer/charts"]
IMPORT = "import org.resnetexplorer.i18n.Texts;"

# Not visible: preference keys, property names, ids, file names, style sheets, fixed names.
SKIP_NAMES = re.compile(r"^(KEY_\w+|NODE_TRAINING|\w*PROPERTY|\w*PREFS\w*|\w*_ID|ID|STYLESHEET|\w*CSS|"
                        r"FRAME_STATS|EXAMPLE|DEFAULT_\w+|FORMAT|TITLE_NAME)$")
SKIP_VALUES = re.compile(r"^[\w.-]+\.(png|css|csv|json|txt|py)$")
# Short class keys where the class name is long or the issue names them.
CLASS_KEYS = {"MainWindow": "main"}

CONSTANT = re.compile(
    r"(?P<head>^[ \t]*(?:(?:public|private|protected)\s+)?static\s+final\s+String\s+(?P<name>[A-Z][A-Z0-9_]*)\s*=\s*)"
    r"(?P<expr>(?:\"(?:[^\"\\\n]|\\.)*\"|[A-Z][A-Z0-9_]*|[A-Za-z]+\.[A-Z][A-Z0-9_]*|\s|\+)+?)\s*;",
    re.MULTILINE)
LITERAL = re.compile(r"\"((?:[^\"\\\n]|\\.)*)\"|([A-Za-z]+\.)?([A-Z][A-Z0-9_]*)")


def class_key(path):
    name = os.path.splitext(os.path.basename(path))[0]
    return CLASS_KEYS.get(name, name[0].lower() + name[1:])


def key_of(path, constant):
    return class_key(path) + "." + constant.lower().replace("_", ".")


def unescape(s):
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == "\\":
            n = s[i + 1]
            if n == "u":
                out.append(chr(int(s[i + 2:i + 6], 16)))
                i += 6
                continue
            out.append({"n": "\n", "t": "\t", "\"": "\"", "'": "'", "\\": "\\"}.get(n, n))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def escape_property(value):
    value = value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")
    if value.startswith(" "):
        value = "\\" + value
    return value


def read_properties(path):
    """key -> value of a properties file written by this tool (one line per entry)."""
    entries = {}
    if not os.path.exists(path):
        return entries
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#") or "=" not in line:
                continue
            k, v = line.split("=", 1)
            entries[k.strip()] = v
    return entries


def skipped():
    names = set()
    if os.path.exists(SKIP_FILE):
        with open(SKIP_FILE, encoding="utf-8") as f:
            names = {line.strip() for line in f if line.strip() and not line.startswith("#")}
    return names


def visible(name, value, cls, skip):
    if f"{cls}.{name}" in skip or SKIP_NAMES.match(name) or SKIP_VALUES.match(value):
        return False
    # only format specifiers and punctuation: nothing to translate
    return re.search(r"[A-Za-z]{2,}", re.sub(r"%[-#+ 0,(]*\d*(?:\.\d+)?[a-zA-Z]", "", value)) is not None


def convert(path, en_keys, skip, dry_run):
    with open(path, encoding="utf-8") as f:
        source = f.read()
    cls = os.path.splitext(os.path.basename(path))[0]
    # a class of its own named Texts (GraphView.Texts) hides the import: name ours in full there
    qualified = re.search(r"\b(class|interface|record|enum) Texts\b", source) is not None
    texts = "org.resnetexplorer.i18n.Texts" if qualified else "Texts"
    values = {}  # constant -> text, for concatenations naming an earlier constant
    added = []

    def replace(m):
        name, expr = m.group("name"), m.group("expr")
        parts = []
        for piece in LITERAL.finditer(expr):
            if piece.group(1) is not None:
                parts.append(unescape(piece.group(1)))
            elif piece.group(2) is None and piece.group(3) in values:
                parts.append(values[piece.group(3)])
            else:
                return m.group(0)  # names a constant of another class or one not known here: leave it
        value = "".join(parts)
        values[name] = value
        if not visible(name, value, cls, skip):
            return m.group(0)
        key = key_of(path, name)
        if key in en_keys and en_keys[key] != escape_property(value):
            print(f"warning: {key} differs from the bundle; the bundle's text is kept", file=sys.stderr)
        if key not in en_keys:
            added.append((key, value))
            en_keys[key] = escape_property(value)
        return f'{m.group("head")}{texts}.get("{key}");'

    converted = CONSTANT.sub(replace, source)
    if converted != source and not qualified and "package org.resnetexplorer.i18n;" not in converted \
            and IMPORT not in converted:
        package = re.search(r"^package [\w.]+;\n", converted, re.MULTILINE)
        imports = list(re.finditer(r"^import (?!static)[\w.]+;\n", converted, re.MULTILINE))
        # keep the imports sorted: before the first import that sorts after ours
        at = next((i.start() for i in imports if i.group(0) > IMPORT + "\n"), None)
        if at is None:
            at = imports[-1].end() if imports else package.end()
            insert = IMPORT + "\n" if imports else "\n" + IMPORT + "\n"
        else:
            insert = IMPORT + "\n"
        converted = converted[:at] + insert + converted[at:]
    if converted != source and not dry_run:
        with open(path, "w", encoding="utf-8") as f:
            f.write(converted)
    return cls, added


def main(args):
    dry_run = "--dry-run" in args
    paths = [a for a in args if a != "--dry-run"] or DEFAULT_PATHS
    files = []
    for p in paths:
        p = os.path.join(ROOT, p) if not os.path.isabs(p) else p
        if os.path.isdir(p):
            for d, _, names in os.walk(p):
                files += [os.path.join(d, n) for n in sorted(names) if n.endswith(".java")]
        else:
            files.append(p)
    en_keys = read_properties(EN)
    zh_keys = read_properties(ZH)
    skip = skipped()
    new_lines = []
    for path in sorted(files):
        cls, added = convert(path, en_keys, skip, dry_run)
        if added:
            new_lines.append(f"\n# {cls}")
            new_lines += [f"{k}={escape_property(v)}" for k, v in added]
    if new_lines and not dry_run:
        os.makedirs(BUNDLE_DIR, exist_ok=True)
        with open(EN, "a", encoding="utf-8") as f:
            f.write("\n".join(new_lines).lstrip("\n") + "\n" if not os.path.exists(EN) or os.path.getsize(EN) == 0
                    else "\n".join(new_lines) + "\n")
    missing = [k for k in en_keys if k not in zh_keys]
    if missing:
        print(f"# {len(missing)} keys to translate into {os.path.relpath(ZH, ROOT)}:")
        for k in missing:
            print(f"{k}={en_keys[k]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
