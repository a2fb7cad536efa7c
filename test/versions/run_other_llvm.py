#!/usr/bin/env python3
"""Builds ctx-tidy against another LLVM major and runs its lit suite and unit
tests there: how one `ctest` covers every LLVM the project supports.

    run_other_llvm.py --source-dir . --build-dir build/llvm19 --llvm 19

The build has the module, the runner's self-test module and the unit tests
only (no ctx-clangd, no standalone binary, no hardened module): those link
the same objects and are tested on the main build. The lit suite runs whole,
or with --lit-sample K/N the K-th of N interleaved parts of it (lit's
--run-shard K --num-shards N: every N-th test in lit's order, so every check
folder is in each part); its tests mark what differs with the llvm-<major>
features (docs/versions.md). CI runs a sample to stay inside its time limit.

When the LLVM's packages are missing it installs them with
`scripts/setup --llvm N --no-build` under CI=true, and otherwise skips
(exit 77): a developer's ctest does not download a second toolchain unasked.
"""

import argparse
import os
import subprocess
import sys
import time

SKIP_EXIT = 77


def installed(llvm):
    prefix = "/usr/lib/llvm-%s" % llvm
    return all(os.path.exists(os.path.join(prefix, p)) for p in (
        "lib/cmake/clang/ClangConfig.cmake", "bin/clang-tidy", "bin/clang++",
        "bin/FileCheck", "include/clang-tidy/ClangTidyModule.h"))


def step(title, cmd, **kwargs):
    start = time.monotonic()
    print("== %s: %s" % (title, " ".join(cmd)), flush=True)
    rc = subprocess.call(cmd, **kwargs)
    print("== %s: exit %d after %.0f s" % (title, rc, time.monotonic() - start), flush=True)
    return rc


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source-dir", required=True)
    parser.add_argument("--build-dir", required=True)
    parser.add_argument("--llvm", required=True, help="LLVM major version")
    parser.add_argument("--jobs", default="2")
    parser.add_argument("--lit-sample", metavar="K/N",
                        help="run only the K-th of N interleaved parts of the lit suite")
    args = parser.parse_args()
    sample = []
    if args.lit_sample:
        k, _, n = args.lit_sample.partition("/")
        if not (k.isdigit() and n.isdigit() and 1 <= int(k) <= int(n)):
            parser.error("--lit-sample takes K/N with 1 <= K <= N, such as 1/3")
        sample = ["--num-shards", n, "--run-shard", k]

    if not installed(args.llvm):
        if os.environ.get("CI") != "true":
            print("LLVM %s is not installed; `scripts/setup --llvm %s --no-build` installs it. "
                  "Skipped (CI=true installs it and runs this)." % (args.llvm, args.llvm))
            return SKIP_EXIT
        rc = step("install LLVM %s" % args.llvm,
                  [os.path.join(args.source_dir, "scripts", "setup"), "--llvm", args.llvm,
                   "--no-build"])
        if rc != 0 or not installed(args.llvm):
            return rc or 1

    if not os.path.isfile(os.path.join(args.build_dir, "build.ninja")):
        rc = step("configure", [
            "cmake", "-S", args.source_dir, "-B", args.build_dir, "-G", "Ninja",
            "-DCMAKE_BUILD_TYPE=Release", "-DCTX_LLVM_VERSION=" + args.llvm,
            "-DCTX_BUILD_CLANGD=OFF", "-DCTX_BUILD_STANDALONE=OFF"],
            stdout=subprocess.DEVNULL)
        if rc != 0:
            return rc
    rc = step("build", ["cmake", "--build", args.build_dir, "-j", args.jobs, "--target",
                        "CtxTidyModule", "CtxSelfTestModule", "ctx-unit-tests"])
    if rc != 0:
        return rc

    failed = []
    if step("unit tests (LLVM %s)" % args.llvm,
            [os.path.join(args.build_dir, "test", "ctx-unit-tests"), "--gtest_brief=1"]) != 0:
        failed.append("unit tests")
    lit = None
    with open(os.path.join(args.build_dir, "CMakeCache.txt"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("CTX_LIT:"):
                lit = line.split("=", 1)[1].strip()
    lit_cmd = [lit] if os.access(lit, os.X_OK) else [sys.executable, lit]
    what = "lit" + (" sample %s" % args.lit_sample if sample else "")
    if step("%s (LLVM %s)" % (what, args.llvm),
            lit_cmd + ["-sv", "-j", args.jobs] + sample +
            [os.path.join(args.build_dir, "test")]) != 0:
        failed.append(what)
    if failed:
        print("LLVM %s: %s failed" % (args.llvm, " and ".join(failed)))
        return 1
    print("LLVM %s: %s and unit tests passed" % (
        args.llvm, "lit sample %s" % args.lit_sample if sample else "lit suite"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
