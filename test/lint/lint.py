#!/usr/bin/env python3
"""The project holds itself to its own .clang-format and .clang-tidy.

  lint.py --root . --build build [--jobs 2] [--only format|tidy]

Fails (exit 1) when
  * clang-format --dry-run -Werror finds a C++ file of checks/, lib/, tools/,
    test/unit/ or include/ that is not formatted as .clang-format says;
  * clang-tidy, with the project's .clang-tidy and the build's
    compile_commands.json, warns about a source of checks/, lib/ or tools/
    that the build compiles, or about a header of the project they include
    (system and LLVM headers are not analysed).
Each file is one job; --jobs of them run at once. The time each part took is
printed, so that the cost of the test stays visible.
"""

import argparse
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

FORMATTED = ("checks", "lib", "tools", os.path.join("test", "unit"), "include")
LINTED = ("checks", "lib", "tools")
CXX = (".cpp", ".h")


def files_under(root, dirs):
    out = []
    for d in dirs:
        for dirpath, _, names in os.walk(os.path.join(root, d)):
            out += [os.path.join(dirpath, n) for n in sorted(names) if n.endswith(CXX)]
    return sorted(out)


def run_all(jobs, commands):
    """Runs each (label, argv) and returns [(label, returncode, output)]."""
    def one(item):
        label, argv = item
        p = subprocess.run(argv, capture_output=True, text=True)
        return label, p.returncode, p.stdout + p.stderr
    with concurrent.futures.ThreadPoolExecutor(jobs) as ex:
        return list(ex.map(one, commands))


def check_format(args):
    files = files_under(args.root, FORMATTED)
    cmds = [(f, [args.clang_format, "--dry-run", "-Werror", f]) for f in files]
    problems = [(f, out) for f, rc, out in run_all(args.jobs, cmds) if rc != 0]
    for f, out in problems:
        print("lint: %s is not formatted (run %s -i on it):"
              % (os.path.relpath(f, args.root), os.path.basename(args.clang_format)))
        print(out.rstrip()[:2000])
    return len(files), len(problems)


def check_tidy(args):
    db_path = os.path.join(args.build, "compile_commands.json")
    with open(db_path) as f:
        entries = json.load(f)
    # One run per source: the plugin and the hardened build list the same
    # files with other flags.
    wanted = set(files_under(args.root, LINTED))
    sources = sorted({os.path.realpath(e["file"]) for e in entries} &
                     {os.path.realpath(f) for f in wanted if f.endswith(".cpp")})
    missing = sorted(f for f in wanted if f.endswith(".cpp") and
                     os.path.realpath(f) not in sources)
    root = re.escape(os.path.realpath(args.root))
    header_filter = "^%s/(%s)/" % (root, "|".join(LINTED))
    # The plugin and the hardened build compile the same sources with other
    # flags; clang-tidy -p would analyse every command of a file, so it is
    # given a database with the first command of each.
    db_dir = tempfile.mkdtemp(prefix="ctx-lint-")
    seen, single, wanted_sources = set(), [], set(sources)
    for e in entries:
        path = os.path.realpath(os.path.join(e.get("directory", ""), e["file"]))
        if path in wanted_sources and path not in seen:
            seen.add(path)
            single.append(e)
    with open(os.path.join(db_dir, "compile_commands.json"), "w") as f:
        json.dump(single, f)
    cmds = [(s, [args.clang_tidy, "-p", db_dir, "--quiet",
                 "--header-filter=" + header_filter,
                 "--warnings-as-errors=*", s]) for s in sources]
    problems = []
    results = run_all(args.jobs, cmds)
    shutil.rmtree(db_dir, ignore_errors=True)
    for s, rc, out in results:
        findings = [l for l in out.splitlines()
                    if re.search(r": (warning|error): ", l)]
        if rc != 0 or findings:
            problems.append((s, findings or out.splitlines()[-20:]))
    for s, lines in problems:
        print("lint: clang-tidy on %s:" % os.path.relpath(s, args.root))
        for l in lines[:50]:
            print("  " + l)
    # A tool this configuration does not build (CTX_BUILD_CLANGD=OFF) has no
    # compile command: it is not linted here, and said so.
    for f in missing:
        print("lint: %s is not built in this configuration, not linted"
              % os.path.relpath(f, args.root))
    return len(sources), len(problems)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--root", required=True)
    ap.add_argument("--build", required=True)
    ap.add_argument("--clang-format", default="clang-format-22")
    ap.add_argument("--clang-tidy", default="clang-tidy-22")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--only", choices=("format", "tidy"))
    args = ap.parse_args()
    args.root = os.path.abspath(args.root)
    args.build = os.path.abspath(args.build)
    failed = False
    for name, fn in (("format", check_format), ("tidy", check_tidy)):
        if args.only and args.only != name:
            continue
        start = time.monotonic()
        count, bad = fn(args)
        print("lint: %s: %d files, %d with problems, %.0f s"
              % (name, count, bad, time.monotonic() - start))
        failed |= bad > 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
