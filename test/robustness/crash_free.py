#!/usr/bin/env python3
"""Every registered ctx-* check must survive real code and broken code.

  crash_free.py corpus --module build/CtxTidyModuleHardened.so [--per-family 6]
  crash_free.py broken --module build/CtxTidyModuleHardened.so [--truncations 8]

`corpus` runs clang-tidy with all ctx checks over a deterministic sample of
the corpus made by scripts/fetch-corpus (every family represented); `broken`
over mechanically broken variants of test/checks/**/*.cpp and examples/*.cpp
(truncations, unbalanced braces, a missing semicolon, undeclared names,
missing headers).

A run passes when clang-tidy answers within the time bound and exits 0, or 1
with compiler errors (expected for broken code). It fails as a crash when the
process dies by a signal, exits above 1, prints a crash marker (LLVM's "Stack
dump:", an LLVM or libstdc++ assertion, "UNREACHABLE executed", "LLVM
ERROR:", std::terminate), or as a hang when it does not answer in time. Each
failing input is kept under <build>/robustness/crashes with the command that
reproduces it.
"""

import argparse
import os
import shlex
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
sys.path.insert(0, HERE)
from ctxtidy import corpus as cc  # noqa: E402
import broken_code  # noqa: E402


def tidy_cmd(clang_tidy, module, file, flags, config=None):
    cmd = [clang_tidy, "-load=" + module, "-checks=-*,ctx-*", "-quiet"]
    if config:
        cmd.append("-config=" + config)
    return cmd + [file, "--"] + flags


def keep_failure(crash_dir, name, text, cmd, result, reason):
    os.makedirs(crash_dir, exist_ok=True)
    base = os.path.join(crash_dir, name.replace("/", "_"))
    if text is not None:
        with open(base + ".cpp", "w") as f:
            f.write(text)
        cmd = [base + ".cpp" if c == cmd_file(cmd) else c for c in cmd]
    with open(base + ".txt", "w") as f:
        f.write("reason: %s\ncommand: %s\n\n%s" % (reason, shlex.join(cmd),
                                                   result[2][-20000:]))
    return base


def cmd_file(cmd):
    return cmd[cmd.index("--") - 1]


def summarize(label, results, wall):
    n = len(results)
    ok0 = sum(1 for r in results if r["rc"] == 0 and not r["failure"])
    ok1 = sum(1 for r in results if r["rc"] == 1 and not r["failure"])
    bad = [r for r in results if r["failure"]]
    slowest = max(results, key=lambda r: r["seconds"]) if results else None
    print("%s: %d runs, %d clean, %d with compiler errors, %d crashed or hung; "
          "%d ctx warnings; slowest %.1f s (%s); wall %.0f s" %
          (label, n, ok0, ok1, len(bad), sum(r["warnings"] for r in results),
           slowest["seconds"] if slowest else 0, slowest["name"] if slowest else "-",
           wall))
    for r in bad:
        print("  FAIL %s: %s\n       kept as %s" % (r["name"], r["failure"], r["kept"]))
    return not bad


def no_corpus(where):
    """Skipped (77) without a corpus, unless CI must have one."""
    print("no corpus in %s: scripts/fetch-corpus could not reach the archive" % where)
    return 1 if os.environ.get("CI") or os.environ.get("CTX_CORPUS_REQUIRED") else 77


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("set", choices=["corpus", "broken"])
    ap.add_argument("--module", required=True)
    ap.add_argument("--clang-tidy", default=None)
    ap.add_argument("--corpus", default=cc.default_corpus_dir())
    ap.add_argument("--per-family", type=int, default=6,
                    help="corpus TUs per family (0: all)")
    ap.add_argument("--truncations", type=int, default=8)
    ap.add_argument("--max-runs", type=int, default=600,
                    help="broken-code runs in all, spread over the files")
    ap.add_argument("--timeout", type=float, default=None,
                    help="seconds per file (default 300 corpus, 60 broken)")
    ap.add_argument("--crash-dir", default=None)
    args = ap.parse_args()

    clang_tidy = args.clang_tidy or cc.find_tool("clang-tidy")
    module = os.path.abspath(args.module)
    checks = cc.list_ctx_checks(clang_tidy, module)
    print("checks: " + ", ".join(checks))
    crash_dir = args.crash_dir or os.path.join(os.path.dirname(module), "robustness", "crashes")
    start = time.monotonic()

    if args.set == "corpus":
        manifest = cc.load_manifest(args.corpus)
        if not manifest:
            return no_corpus(args.corpus)
        units = cc.sample(manifest["units"], args.per_family)
        print("corpus sample: %d of %d TUs (%s)" % (
            len(units), len(manifest["units"]),
            ", ".join("%s %d" % (f, sum(1 for u in units if u["family"] == f))
                      for f in sorted({u["family"] for u in units}))))
        timeout = args.timeout or 300
        jobs = [(u["rel"], None, u["file"], u["args"], None, u["directory"]) for u in units]
    else:
        timeout = args.timeout or 60
        tmp = tempfile.mkdtemp(prefix="ctx-broken-")
        jobs = []
        sources = broken_code.sources(ROOT)
        for index, (path, flags, config) in enumerate(sources):
            text = open(path).read()
            rel = os.path.relpath(path, ROOT)
            every = list(broken_code.variants(text, args.truncations))
            # Spread the run budget evenly over the files, and within a file
            # evenly over its variants (all kinds keep a share).
            # The starting variant rotates with the file, so that with a small
            # share per file every kind still comes up across the files.
            # The remainder goes one run each to the first files, so the
            # total stays at --max-runs however many lit inputs there are.
            per_file, extra = divmod(args.max_runs, max(1, len(sources)))
            budget = max(1, per_file + (1 if index < extra else 0))
            offset = int(cc.stable_hash(rel), 16) % len(every) if every else 0
            picked = [every[(offset + k * len(every) // budget) % len(every)]
                      for k in range(budget)] if len(every) > budget else every
            for i, (name, broken) in enumerate(picked):
                # Same directory name as the original, so quoted includes of
                # neighbours still resolve through -iquote.
                d = os.path.join(tmp, "%s.%d" % (rel.replace("/", "_"), i))
                os.makedirs(d)
                f = os.path.join(d, os.path.basename(path))
                with open(f, "w") as out:
                    out.write(broken)
                jobs.append(("%s:%s" % (rel, name), broken, f,
                             flags + ["-iquote", os.path.dirname(path)], config, d))
        print("broken-code set: %d variants of %d files" % (
            len(jobs), len(sources)))

    def one(job):
        name, text, f, flags, config, cwd = job
        cmd = tidy_cmd(clang_tidy, module, f, flags, config)
        result = cc.run(cmd, timeout=timeout, cwd=cwd)
        rc, out, err, secs, timed_out = result
        failure = cc.classify_run(rc, err, timed_out)
        kept = keep_failure(crash_dir, name, text, cmd, result, failure) if failure else None
        return {"name": name, "rc": rc, "failure": failure, "kept": kept,
                "seconds": secs, "warnings": len(cc.ctx_warnings(out))}

    results = cc.parallel(one, jobs)
    ok = summarize(args.set, results, time.monotonic() - start)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
