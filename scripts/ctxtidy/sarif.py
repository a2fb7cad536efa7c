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


def _ranked_fingerprints(items):
    """{id: fingerprint} for [(id, order, base)]; see the module docstring.

    base is (check, file, message, flagged line whitespace-normalised); the
    rank among equal bases follows `order`, the finding's place in its file."""
    counts = {}
    result = {}
    for ident, _, base in sorted(items, key=lambda item: item[1]):
        rank = counts.get(base, 0)
        counts[base] = rank + 1
        digest = hashlib.sha256("\0".join(base + (str(rank),)).encode("utf-8")).hexdigest()
        result[ident] = digest[:32]
    return result


def _fingerprints(findings, locator):
    """{finding key: fingerprint}."""
    items = []
    for f in findings:
        if f.location is None:
            items.append((f.key(), ("", 0, f.check, f.message), (f.check, "", f.message, "")))
            continue
        rel = locator.artifact(f.location.path)["uri"]
        line_text = " ".join(locator.sources.line_text(f.location.path,
                                                       f.location.line).split())
        items.append((f.key(), (f.location.path, f.location.offset, f.check, f.message),
                      (f.check, rel, f.message, line_text)))
    return _ranked_fingerprints(items)


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


class MergeError(ValueError):
    pass


def _result_location(result):
    """(uri, uriBaseId, byte offset, start line, start column, snippet) of a result."""
    locs = result.get("locations") or []
    if not locs:
        return None
    phys = locs[0].get("physicalLocation", {})
    art = phys.get("artifactLocation", {})
    region = phys.get("region", {})
    return (art.get("uri", ""), art.get("uriBaseId", ""), region.get("byteOffset", -1),
            region.get("startLine", 0), region.get("startColumn", 0),
            region.get("snippet", {}).get("text", ""))


def merge_logs(logs):
    """One log with one run from the runs of `logs` (shards of one project).

    A finding reported by several shards (a header's) is kept once: results
    are the same finding when rule, file, byte offset and message agree,
    which is how run-ctx-tidy de-duplicates within one run. Fingerprints are
    then recomputed over the merged results, because the rank that tells
    identical lines apart is only right when counted over all of them; the
    merged log's results equal those of one unsharded run. Rules are the
    union of the shards' rules, and each shard's invocation is kept."""
    runs = [r for log in logs for r in log.get("runs", [])]
    if not runs:
        raise MergeError("no runs to merge")
    for log in logs:
        if log.get("version") != "2.1.0":
            raise MergeError("not a SARIF 2.1.0 log (version %r)" % log.get("version"))
    driver = runs[0]["tool"]["driver"]
    base_ids = runs[0].get("originalUriBaseIds")
    for r in runs[1:]:
        other = r["tool"]["driver"]
        if (other.get("name"), other.get("version"), other.get("properties")) != \
                (driver.get("name"), driver.get("version"), driver.get("properties")):
            raise MergeError("the logs come from different tools or builds: %s %s and %s %s"
                             % (driver.get("name"), driver.get("version"),
                                other.get("name"), other.get("version")))
        if r.get("originalUriBaseIds") != base_ids:
            raise MergeError("the logs have different source roots (originalUriBaseIds): "
                             "run the shards from checkouts at the same path, or with the "
                             "same --source-root")
    rules = {}
    for r in runs:
        for rule in r["tool"]["driver"].get("rules", []):
            rules.setdefault(rule["id"], rule)
    results = {}
    for r in runs:
        for result in r.get("results", []):
            loc = _result_location(result)
            identity = (result.get("ruleId"), loc[:3] if loc else None,
                        result.get("message", {}).get("text"))
            results.setdefault(identity, result)
    items = []
    for identity, result in results.items():
        check, loc, message = identity
        if loc is None:
            items.append((identity, ("", "", 0, check, message), (check, "", message, "")))
        else:
            full = _result_location(result)
            items.append((identity, (loc[1], loc[0], loc[2], check, message),
                          (check, loc[0], message, " ".join(full[5].split()))))
    prints = _ranked_fingerprints(items)
    rule_ids = sorted(rules)
    rule_index = {rule_id: i for i, rule_id in enumerate(rule_ids)}

    def order(identity):
        loc = _result_location(results[identity])
        return (loc[1], loc[0], loc[3], loc[4]) if loc else ("", "", 0, 0), \
            identity[0] or "", identity[2] or ""

    merged_results = []
    for identity in sorted(results, key=order):
        result = dict(results[identity])
        result["ruleIndex"] = rule_index[result["ruleId"]]
        result["partialFingerprints"] = dict(result.get("partialFingerprints", {}))
        result["partialFingerprints"][FINGERPRINT_KEY] = prints[identity]
        merged_results.append(result)
    merged_driver = dict(driver)
    merged_driver["rules"] = [rules[i] for i in rule_ids]
    run = {key: value for key, value in runs[0].items()
           if key not in ("tool", "results", "invocations")}
    run["tool"] = dict(runs[0]["tool"], driver=merged_driver)
    run["results"] = merged_results
    invocations = [inv for r in runs for inv in r.get("invocations", [])]
    if invocations:
        run["invocations"] = invocations
    return {"$schema": logs[0].get("$schema", SCHEMA_URI), "version": "2.1.0", "runs": [run]}
