"""Reads the YAML that `clang-tidy --export-fixes` writes into findings.

clang-tidy writes this file with LLVM's YAML writer, which uses a small,
predictable subset of YAML: block mappings and block sequences, scalars that
are plain, 'single-quoted' ('' for a quote) or "double-quoted" (with C-like
escapes, used for newlines and non-ASCII text), and `[]` / `{}` for empty
collections. Parsing that subset here keeps the scripts free of third-party
Python packages.
"""

import os
import re
from dataclasses import dataclass, field
from typing import List, Optional


class YamlError(ValueError):
    pass


_DOUBLE_ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n",
    "v": "\v", "f": "\f", "r": "\r", "e": "\x1b", " ": " ", '"': '"',
    "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0", "L": "\u2028",
    "P": "\u2029",
}
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}


def _unquote_double(body):
    out = []
    i = 0
    while i < len(body):
        c = body[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        if i + 1 >= len(body):
            raise YamlError("dangling escape in double-quoted scalar")
        e = body[i + 1]
        if e in _DOUBLE_ESCAPES:
            out.append(_DOUBLE_ESCAPES[e])
            i += 2
        elif e in _HEX_ESCAPES:
            n = _HEX_ESCAPES[e]
            out.append(chr(int(body[i + 2:i + 2 + n], 16)))
            i += 2 + n
        else:
            raise YamlError("unknown escape \\" + e)
    text = "".join(out)
    # LLVM escapes bytes of invalid UTF-8 as \xNN; reassemble byte strings
    # that are valid UTF-8 after all.
    if any(0x80 <= ord(ch) <= 0xFF for ch in text):
        try:
            text = text.encode("latin-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
    return text


def _scalar(token):
    """Value of one scalar written on a single line."""
    token = token.strip()
    if token.startswith("'"):
        if len(token) < 2 or not token.endswith("'"):
            raise YamlError("unterminated single-quoted scalar: " + token)
        return token[1:-1].replace("''", "'")
    if token.startswith('"'):
        if len(token) < 2 or not token.endswith('"'):
            raise YamlError("unterminated double-quoted scalar: " + token)
        return _unquote_double(token[1:-1])
    if token == "[]":
        return []
    if token == "{}":
        return {}
    if token in ("~", "null", ""):
        return None
    if re.fullmatch(r"-?\d+", token):
        return int(token)
    return token


def _split_key(text):
    """Splits `key: value` (the key is always plain in clang-tidy's output)."""
    m = re.match(r"([A-Za-z_][\w.-]*):(?:\s+(.*)|)$", text)
    if not m:
        raise YamlError("expected 'key: value', got: " + text)
    return m.group(1), (m.group(2) or "")


class _Lines:
    def __init__(self, text):
        self.items = []
        for raw in text.splitlines():
            stripped = raw.strip()
            if not stripped or stripped.startswith("#"):
                continue
            if stripped in ("---", "..."):
                continue
            indent = len(raw) - len(raw.lstrip(" "))
            self.items.append((indent, stripped))
        self.pos = 0

    def peek(self):
        return self.items[self.pos] if self.pos < len(self.items) else None


def _parse_block(lines, indent):
    first = lines.peek()
    if first is None or first[0] < indent:
        return None
    if first[1].startswith("- ") or first[1] == "-":
        return _parse_sequence(lines, first[0])
    return _parse_mapping(lines, first[0])


def _parse_sequence(lines, indent):
    result = []
    while True:
        item = lines.peek()
        if item is None or item[0] != indent or not (item[1].startswith("- ") or item[1] == "-"):
            return result
        rest = item[1][2:].strip() if item[1] != "-" else ""
        if not rest:
            lines.pos += 1
            result.append(_parse_block(lines, indent + 1))
            continue
        if re.match(r"[A-Za-z_][\w.-]*:(\s|$)", rest):
            # "- key: value" opens a mapping whose keys sit two columns in.
            lines.items[lines.pos] = (indent + 2, rest)
            result.append(_parse_mapping(lines, indent + 2))
        else:
            lines.pos += 1
            result.append(_scalar(rest))


def _parse_mapping(lines, indent):
    result = {}
    while True:
        item = lines.peek()
        if item is None or item[0] != indent or item[1].startswith("- "):
            return result
        key, value = _split_key(item[1])
        lines.pos += 1
        if value.strip():
            result[key] = _scalar(value)
            continue
        nxt = lines.peek()
        if nxt is not None and (nxt[0] > indent or (nxt[0] == indent and nxt[1].startswith("- "))):
            result[key] = _parse_block(lines, nxt[0])
        else:
            result[key] = None


def parse_yaml(text):
    """Parses the YAML subset described in the module docstring."""
    lines = _Lines(text)
    if lines.peek() is None:
        return {}
    value = _parse_block(lines, 0)
    if lines.peek() is not None:
        raise YamlError("unparsed YAML from: " + lines.peek()[1])
    return value


@dataclass
class Replacement:
    path: str
    offset: int
    length: int
    text: str

    def key(self):
        return (self.path, self.offset, self.length, self.text)


@dataclass
class Location:
    """A byte offset in a file, with the 1-based line and byte column."""
    path: str
    offset: int
    line: int = 0
    column: int = 0


@dataclass
class Note:
    message: str
    location: Optional[Location]
    replacements: List[Replacement] = field(default_factory=list)


@dataclass
class Finding:
    check: str
    message: str
    level: str  # "warning", "error" or "remark"
    location: Optional[Location]
    replacements: List[Replacement] = field(default_factory=list)
    notes: List[Note] = field(default_factory=list)
    ranges: List[Replacement] = field(default_factory=list)  # text unused
    build_dir: str = ""

    def key(self):
        loc = self.location
        return (self.check, loc.path if loc else "", loc.offset if loc else -1,
                self.message)


def _abspath(path, build_dir):
    if not path:
        return path
    if not os.path.isabs(path):
        path = os.path.join(build_dir or os.getcwd(), path)
    return os.path.normpath(path)


def _replacements(entries, build_dir):
    result = []
    for r in entries or []:
        result.append(Replacement(_abspath(r.get("FilePath", ""), build_dir),
                                  int(r.get("Offset", 0)), int(r.get("Length", 0)),
                                  r.get("ReplacementText") or ""))
    return result


def _location(message, build_dir):
    path = message.get("FilePath") or ""
    if not path:
        return None
    return Location(_abspath(path, build_dir), int(message.get("FileOffset") or 0))


def findings_from_yaml(text):
    """Findings (with unresolved line numbers) from one export-fixes file."""
    doc = parse_yaml(text) or {}
    findings = []
    for d in doc.get("Diagnostics") or []:
        build_dir = d.get("BuildDirectory") or ""
        msg = d.get("DiagnosticMessage") or {}
        notes = []
        for n in d.get("Notes") or []:
            notes.append(Note(n.get("Message") or "", _location(n, build_dir),
                              _replacements(n.get("Replacements"), build_dir)))
        ranges = [Replacement(_abspath(r.get("FilePath", ""), build_dir),
                              int(r.get("FileOffset", 0)), int(r.get("Length", 0)), "")
                  for r in msg.get("Ranges") or []]
        findings.append(Finding(
            check=d.get("DiagnosticName") or "",
            message=msg.get("Message") or "",
            level=(d.get("Level") or "Warning").lower(),
            location=_location(msg, build_dir),
            replacements=_replacements(msg.get("Replacements"), build_dir),
            notes=notes, ranges=ranges, build_dir=build_dir))
    return findings


class SourceCache:
    """File bytes and line starts, to turn byte offsets into lines/columns."""

    def __init__(self):
        self._files = {}

    def data(self, path):
        if path not in self._files:
            try:
                with open(path, "rb") as f:
                    data = f.read()
            except OSError:
                data = b""
            starts = [0]
            for m in re.finditer(b"\n", data):
                starts.append(m.end())
            self._files[path] = (data, starts)
        return self._files[path]

    def forget(self, path):
        self._files.pop(path, None)

    def line_column(self, path, offset):
        import bisect
        data, starts = self.data(path)
        line = bisect.bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    def line_text(self, path, line):
        data, starts = self.data(path)
        if line < 1 or line > len(starts):
            return ""
        end = starts[line] if line < len(starts) else len(data)
        return data[starts[line - 1]:end].decode("utf-8", "replace").rstrip("\r\n")

    def resolve(self, location):
        if location is not None and not location.line:
            location.line, location.column = self.line_column(location.path, location.offset)
        return location


def load_findings(path, sources):
    """Findings of one export-fixes file, with lines and columns filled in."""
    with open(path, encoding="utf-8", errors="replace") as f:
        findings = findings_from_yaml(f.read())
    for finding in findings:
        sources.resolve(finding.location)
        for note in finding.notes:
            sources.resolve(note.location)
    return findings


def format_finding(finding, relative_to=None, with_notes=True):
    """The finding as clang prints it: `path:line:col: warning: msg [check]`."""
    def where(loc):
        if loc is None:
            return ""
        p = loc.path
        if relative_to:
            rel = os.path.relpath(p, relative_to)
            if not rel.startswith(".."):
                p = rel
        return "%s:%d:%d: " % (p, loc.line, loc.column)
    lines = ["%s%s: %s [%s]" % (where(finding.location), finding.level,
                                finding.message, finding.check)]
    if with_notes:
        for n in finding.notes:
            lines.append("%snote: %s" % (where(n.location), n.message))
    return "\n".join(lines)
