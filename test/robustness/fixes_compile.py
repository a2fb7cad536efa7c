#!/usr/bin/env python3
"""The fixes of all ctx checks, applied together, must leave code compiling.

  fixes_compile.py --module build/CtxTidyModule.so [--per-family 8]

Over the corpus sample (as crash_free.py picks it) and examples/*.cpp: each
main file is copied, clang-tidy applies every ctx check's fixes to the copy
(-fix -fix-notes), and clang++ -fsyntax-only parses the copy before and after.
An error after the fixes that was not there before fails the test (errors are
compared by message, so one moved by a fix still matches). Files that do not
parse to begin with get no fixes from clang-tidy and pass trivially; they are
counted separately. Only the copy is fixed: the header filter admits nothing
outside the copy's folder, so the corpus's own headers are never rewritten.
"""

import argparse
import collections
import os
import re
import shutil
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
sys.path.insert(0, HERE)
from ctxtidy import corpus as cc  # noqa: E402
import broken_code  # noqa: E402


def no_corpus(where):
    """Skipped (77) without a corpus, unless CI must have one."""
    print("no corpus in %s: scripts/fetch-corpus could not reach the archive" % where)
    return 1 if os.environ.get("CI") or os.environ.get("CTX_CORPUS_REQUIRED") else 77


def written_since(since, roots):
    """Files under the roots modified at or after the wall time since."""
    out = []
    for root in roots:
        for dirpath, _, files in os.walk(root):
            for f in files:
                path = os.path.join(dirpath, f)
                try:
                    if os.stat(path).st_mtime >= since:
                        out.append(path)
                except OSError:
                    pass
    return sorted(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--module", required=True)
    ap.add_argument("--clang-tidy", default=None)
    ap.add_argument("--clangxx", default=None)
    ap.add_argument("--corpus", default=cc.default_corpus_dir())
    ap.add_argument("--per-family", type=int, default=8)
    ap.add_argument("--timeout", type=float, default=300)
    args = ap.parse_args()

    clang_tidy = args.clang_tidy or cc.find_tool("clang-tidy")
    clangxx = args.clangxx or cc.find_tool("clang++")
    module = os.path.abspath(args.module)
    print("checks: " + ", ".join(cc.list_ctx_checks(clang_tidy, module)))

    manifest = cc.load_manifest(args.corpus)
    if not manifest:
        return no_corpus(args.corpus)
    work = []
    for u in cc.sample(manifest["units"], args.per_family):
        work.append((u["rel"], u["file"], u["args"]))
    for path, flags, _ in broken_code.sources(ROOT):
        if path.startswith(os.path.join(ROOT, "examples")):
            work.append((os.path.relpath(path, ROOT), path, flags))
    tmp = tempfile.mkdtemp(prefix="ctx-fixes-")
    start = time.monotonic()
    start_wall = time.time()

    def one(item):
        name, path, flags = item
        d = os.path.join(tmp, cc.stable_hash(name)[:12])
        os.makedirs(d)
        copy = os.path.join(d, os.path.basename(path))
        shutil.copyfile(path, copy)
        flags = flags + ["-iquote", os.path.dirname(path)]
        parse = [clangxx, "-fsyntax-only"] + flags + [copy]
        _, _, err, _, _ = cc.run(parse, args.timeout, cwd=d)
        before = collections.Counter(cc.error_lines(err))
        rc, out, err, _, to = cc.run(
            [clang_tidy, "-load=" + module, "-checks=-*,ctx-*", "-quiet", "-fix",
             "-fix-notes", "-header-filter=^" + re.escape(d + os.sep), copy, "--"] + flags,
            args.timeout, cwd=d)
        crash = cc.classify_run(rc, err, to)
        changed = open(copy, errors="replace").read() != open(path, errors="replace").read()
        new = collections.Counter()
        if changed:
            _, _, err2, _, _ = cc.run(parse, args.timeout, cwd=d)
            new = collections.Counter(cc.error_lines(err2)) - before
        return {"name": name, "parsed": not before, "changed": changed,
                "warnings": len(cc.ctx_warnings(out)), "crash": crash,
                "new_errors": list(new.elements()), "copy": copy}

    results = cc.parallel(one, work)
    bad = [r for r in results if r["crash"] or r["new_errors"]]
    # The fixes go to the copies only: nothing under the corpus or the
    # project may have been written during the run.
    touched = written_since(start_wall, [os.path.join(args.corpus, "src"),
                                         os.path.join(ROOT, "examples")])
    print("fixes: %d files (%d parse cleanly), %d changed by fixes, %d ctx warnings, "
          "%d with new errors or a crash; wall %.0f s" % (
              len(results), sum(r["parsed"] for r in results),
              sum(r["changed"] for r in results), sum(r["warnings"] for r in results),
              len(bad), time.monotonic() - start))
    for r in bad:
        print("  FAIL %s: %s" % (r["name"], r["crash"] or "new errors after fixes:"))
        for e in r["new_errors"][:10]:
            print("       error: " + e)
        print("       fixed copy kept at " + r["copy"])
    for path in touched[:10]:
        print("  FAIL fixes were written outside the copies: " + path)
    if not bad:
        shutil.rmtree(tmp, ignore_errors=True)
    return 1 if bad or touched else 0


if __name__ == "__main__":
    sys.exit(main())
