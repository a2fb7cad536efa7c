"""Writes findings as a SARIF 2.1.0 log (for GitHub code scanning and others).

Each ctx check becomes a rule with its description and help taken from
docs/checks/<check>.md. Results carry their location, notes as related
locations, fixes, and a partial fingerprint built from what the finding is
about (check, file, message, the text of the flagged line and its rank among
identical ones) rather than from its line number, so that a finding keeps its
identity when unrelated lines above it move.
"""

import hashlib
import json
import os
import re
import subprocess
from urllib.parse import quote

from .runner import PROJECT_ROOT

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "ctxTidyFinding/v1"
UPSTREAM_DOCS = "https://clang.llvm.org/extra/clang-tidy/checks/"


def file_uri(path):
    return "file://" + quote(os.path.abspath(path)) + ("/" if os.path.isdir(path) else "")


def _doc_text(check):
    path = os.path.join(PROJECT_ROOT, "docs", "checks", check + ".md")
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError:
        return ""


def _first_paragraph(markdown):
    """The first prose paragraph after the title, as plain text."""
    para = []
    for line in markdown.splitlines():
        s = line.strip()
        if s.startswith("#") and not para:
            continue
        if not s:
            if para:
                break
            continue
        if s.startswith("```"):
            break
        para.append(s)
    text = " ".join(para)
    return re.sub(r"`([^`]*)`", r"\1", text)


def rule_for(check, docs_url):
    doc = _doc_text(check)
    # A readable name distinct from the id, as SARIF asks: TemporaryCallback.
    words = check[4:] if check.startswith("ctx-") else check
    rule = {"id": check, "name": "".join(w[:1].upper() + w[1:]
                                         for w in re.split(r"[-_.]", words))}
    if doc:
        full = _first_paragraph(doc)
        short = re.split(r"(?<=[.:])\s", full, maxsplit=1)[0]
        rule["shortDescription"] = {"text": short}
        rule["fullDescription"] = {"text": full}
        rule["help"] = {"text": full, "markdown": doc}
        rule["helpUri"] = docs_url.rstrip("/") + "/" + check + ".md"
    elif check.startswith("clang-diagnostic-"):
        rule["shortDescription"] = {"text": "compiler diagnostic"}
    else:
        module, _, name = check.partition("-")
        rule["shortDescription"] = {"text": "clang-tidy check " + check}
        rule["helpUri"] = UPSTREAM_DOCS + module + "/" + name + ".html"
    rule["defaultConfiguration"] = {"level": "error" if check.startswith(
        "clang-diagnostic-error") else "warning"}
    return rule


class _Locator:
    """Maps absolute paths and byte offsets to SARIF artifact locations/regions."""

    def __init__(self, source_root, sources):
        self.root = os.path.abspath(source_root)
        self.sources = sources

    def artifact(self, path):
        rel = os.path.relpath(path, self.root)
        if rel.startswith(".." + os.sep) or rel == "..":
            return {"uri": file_uri(path)}
        return {"uri": quote(rel.replace(os.sep, "/")), "uriBaseId": "SRCROOT"}

    def _char_column(self, path, line, byte_column):
        text = self.sources.line_text(path, line).encode("utf-8", "replace")
        return len(text[:byte_column - 1].decode("utf-8", "replace")) + 1

    def point(self, path, offset):
        line, col = self.sources.line_column(path, offset)
        return line, self._char_column(path, line, col)

    def region(self, path, offset, length=0, snippet=True):
        sl, sc = self.point(path, offset)
        el, ec = self.point(path, offset + length)
        region = {"startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec,
                  "byteOffset": offset, "byteLength": length}
        if snippet:
            region["snippet"] = {"text": self.sources.line_text(path, sl)}
        return region

    def physical(self, path, offset, length=0):
        return {"artifactLocation": self.artifact(path),
                "region": self.region(path, offset, length)}


def _fingerprints(findings, locator):
    """{finding key: fingerprint}; see the module docstring."""
    counts = {}
    result = {}
    ordered = sorted(findings, key=lambda f: (f.location.path, f.location.offset, f.check,
                                               f.message) if f.location else ("", 0, f.check,
                                                                              f.message))
    for f in ordered:
        if f.location is None:
            base = (f.check, "", f.message, "")
        else:
            rel = locator.artifact(f.location.path)["uri"]
            line_text = " ".join(locator.sources.line_text(f.location.path,
                                                           f.location.line).split())
            base = (f.check, rel, f.message, line_text)
        rank = counts.get(base, 0)
        counts[base] = rank + 1
        digest = hashlib.sha256("\0".join(base + (str(rank),)).encode("utf-8")).hexdigest()
        result[f.key()] = digest[:32]
    return result


def _describe(replacements, sources):
    if len(replacements) != 1:
        return "apply %d edits" % len(replacements)
    r = replacements[0]
    data, _ = sources.data(r.path)
    old = data[r.offset:r.offset + r.length].decode("utf-8", "replace")
    if not old:
        return "insert '%s'" % r.text
    if not r.text:
        return "remove '%s'" % old
    return "replace '%s' with '%s'" % (old, r.text)


def _fix(description, replacements, locator):
    by_file = {}
    for r in replacements:
        by_file.setdefault(r.path, []).append(r)
    changes = []
    for path, reps in by_file.items():
        changes.append({
            "artifactLocation": locator.artifact(path),
            "replacements": [{
                "deletedRegion": locator.region(path, r.offset, r.length, snippet=False),
                "insertedContent": {"text": r.text}} for r in sorted(reps, key=lambda r: r.offset)],
        })
    return {"description": {"text": description}, "artifactChanges": changes}


def _level(level):
    return {"error": "error", "warning": "warning"}.get(level, "note")


def tool_version():
    """(numeric version, commit) of this ctx-tidy checkout.

    The version comes from the nearest `vX.Y.Z` tag (0.0.0 without one); the
    commit is `git describe` output, or "" outside a git checkout."""
    def git(*args):
        try:
            proc = subprocess.run(["git", "-C", PROJECT_ROOT] + list(args),
                                  capture_output=True, text=True)
            return proc.stdout.strip() if proc.returncode == 0 else ""
        except OSError:
            return ""
    tag = git("describe", "--tags", "--abbrev=0", "--match", "v[0-9]*")
    version = tag[1:] if re.fullmatch(r"v\d+(\.\d+)*", tag) else "0.0.0"
    return version, git("describe", "--tags", "--always", "--dirty")


def build_log(findings, sources, source_root, docs_url, invocation=None):
    """A SARIF log (as a dict) for the given, already de-duplicated findings."""
    locator = _Locator(source_root, sources)
    checks = sorted({f.check for f in findings})
    rules = [rule_for(c, docs_url) for c in checks]
    rule_index = {c: i for i, c in enumerate(checks)}
    prints = _fingerprints(findings, locator)
    results = []
    for f in findings:
        result = {"ruleId": f.check, "ruleIndex": rule_index[f.check],
                  "level": _level(f.level), "message": {"text": f.message}}
        if f.location is not None:
            loc = f.location
            length = 0
            for r in f.ranges:
                if r.path == loc.path and r.offset == loc.offset:
                    length = r.length
                    break
            result["locations"] = [{"physicalLocation": locator.physical(loc.path, loc.offset,
                                                                         length)}]
        related = []
        for i, n in enumerate(f.notes):
            if n.location is None:
                continue
            related.append({"id": i + 1, "message": {"text": n.message},
                            "physicalLocation": locator.physical(n.location.path,
                                                                 n.location.offset)})
        if related:
            result["relatedLocations"] = related
        fixes = []
        if f.replacements:
            fixes.append(_fix(_describe(f.replacements, sources), f.replacements, locator))
        for n in f.notes:
            if n.replacements:
                fixes.append(_fix(n.message, n.replacements, locator))
        if fixes:
            result["fixes"] = fixes
        result["partialFingerprints"] = {FINGERPRINT_KEY: prints[f.key()]}
        results.append(result)

    driver = {"name": "ctx-tidy", "informationUri": file_uri(os.path.join(PROJECT_ROOT,
                                                                          "README.md")),
              "rules": rules}
    driver["version"], commit = tool_version()
    if commit:
        driver["properties"] = {"commit": commit}
    run = {
        "tool": {"driver": driver},
        "originalUriBaseIds": {"SRCROOT": {"uri": file_uri(os.path.abspath(source_root)
                                                           + os.sep)}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    if invocation is not None:
        run["invocations"] = [invocation]
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def write(path, log):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(log, f, indent=2, ensure_ascii=False)
        f.write("\n")
