#!/usr/bin/env python3
"""Runs one ctx-tidy check over a lit test file and verifies it.

A test file carries the code, the expected diagnostics and the expected code
after fixes:

  // RUN: %check_ctx %s ctx-temporary-callback %t -std=c++17,c++20 -- <flags>

  std::stop_callback(tok, f);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: temporary ... [ctx-temporary-callback]
  // CHECK-FIXES: std::stop_callback stopCallback(tok, f);

For each language standard the runner
  1. runs clang-tidy with the check on a copy whose CHECK lines are blanked,
     applying fixes (-fix, or -fix-notes with the -fix-notes switch);
  2. FileChecks clang-tidy's output against CHECK-MESSAGES with every
     unexpected warning or error failing the test (no CHECK-MESSAGES at all
     means no warning is allowed);
  3. FileChecks the fixed copy against CHECK-FIXES, or requires it to be
     unchanged when the file has no CHECK-FIXES;
  4. compiles the fixed copy with clang++ -fsyntax-only, so a fix that does
     not compile fails the test.
"""

import argparse
import os
import re
import shlex
import subprocess
import sys

CHECK_LINE = re.compile(r"//\s*CHECK-[A-Z0-9-]+:[^\r\n]*")


def fail(message, output=""):
    sys.stderr.write("check_ctx: " + message + "\n")
    if output:
        sys.stderr.write(output if output.endswith("\n") else output + "\n")
    sys.exit(1)


def run(cmd, stdin=None, timeout=300):
    proc = subprocess.run(cmd, input=stdin, capture_output=True, text=True,
                          timeout=timeout)
    return proc.returncode, proc.stdout, proc.stderr


def prefixes_present(text, base):
    """The FileCheck prefixes of family `base` used in the file."""
    found = set(re.findall(r"//\s*(%s(?:-[A-Z0-9]+)?)(?:-NOT|-NEXT|-SAME|-DAG)?:" % base, text))
    return found


def file_check(filecheck, check_file, prefixes, input_text, extra=()):
    cmd = [filecheck, check_file, "--check-prefixes=" + ",".join(sorted(prefixes)),
           "--dump-input=fail"] + list(extra)
    return run(cmd, stdin=input_text)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clang-tidy", required=True)
    parser.add_argument("--clangxx", required=True)
    parser.add_argument("--filecheck", required=True)
    parser.add_argument("--load", action="append", default=[],
                        help="a clang-tidy module to load (repeatable)")
    parser.add_argument("--isystem", action="append", default=[],
                        help="a stand-in header directory (repeatable)")
    parser.add_argument("source")
    parser.add_argument("checks", help="the check (or comma-separated checks) to run")
    parser.add_argument("temp", help="a path prefix for temporary files")
    parser.add_argument("-std", default="c++20",
                        help="comma-separated standards; each one is a separate run")
    parser.add_argument("-fix-notes", action="store_true",
                        help="apply fixes attached to notes (clang-tidy --fix-notes)")
    parser.add_argument("-config", default=None, help="passed to clang-tidy --config")
    parser.add_argument("-allow-compile-errors", action="store_true",
                        help="the input has errors on purpose: do not fix or compile it")
    parser.add_argument("-check-suffix", default="",
                        help="use CHECK-MESSAGES-<S> and CHECK-FIXES-<S> as well")
    argv = sys.argv[1:]
    compile_args = []
    if "--" in argv:
        split = argv.index("--")
        argv, compile_args = argv[:split], argv[split + 1:]
    args = parser.parse_args(argv)

    with open(args.source, encoding="utf-8") as f:
        original = f.read()
    # Blank the CHECK directives so that the fixed copy never matches its own
    # expectations; lines stay where they are so [[@LINE]] keeps working.
    cleaned = CHECK_LINE.sub("//", original)

    msg_prefixes = prefixes_present(original, "CHECK-MESSAGES")
    fix_prefixes = prefixes_present(original, "CHECK-FIXES")
    if args.check_suffix:
        suffix = "-" + args.check_suffix.upper()
        msg_prefixes = {p for p in msg_prefixes if p in ("CHECK-MESSAGES", "CHECK-MESSAGES" + suffix)}
        fix_prefixes = {p for p in fix_prefixes if p in ("CHECK-FIXES", "CHECK-FIXES" + suffix)}
    else:
        msg_prefixes = {p for p in msg_prefixes if p == "CHECK-MESSAGES"}
        fix_prefixes = {p for p in fix_prefixes if p == "CHECK-FIXES"}

    ext = os.path.splitext(args.source)[1] or ".cpp"
    include_args = []
    for d in args.isystem:
        include_args += ["-isystem", d]

    for std in [s for s in args.std.split(",") if s]:
        tag = std.replace("+", "x")
        temp_file = "%s-%s%s" % (args.temp, tag, ext)
        os.makedirs(os.path.dirname(os.path.abspath(temp_file)), exist_ok=True)
        with open(temp_file, "w", encoding="utf-8") as f:
            f.write(cleaned)
        flags = ["-std=" + std] + include_args + compile_args

        tidy = [args.clang_tidy]
        for module in args.load:
            tidy.append("-load=" + module)
        tidy += ["-checks=-*," + args.checks, "--quiet"]
        if not args.allow_compile_errors:
            tidy.append("--fix-notes" if args.fix_notes else "--fix")
        if args.config is not None:
            tidy.append("--config=" + args.config)
        tidy += [temp_file, "--"] + flags
        code, out, err = run(tidy)
        where = "[%s] " % std
        if code not in (0, 1):
            fail(where + "clang-tidy exited with %d:\n%s" % (code, " ".join(map(shlex.quote, tidy))),
                 out + err)
        if code == 1 and not args.allow_compile_errors:
            fail(where + "clang-tidy reported errors:", out + err)
        diagnostics = "\n".join(l for l in out.splitlines()
                                if not l.startswith("clang-tidy applied"))

        # 2. Diagnostics.
        if msg_prefixes:
            # Inputs broken on purpose have compiler errors; any warning
            # still has to be expected.
            unexpected = "warning" if args.allow_compile_errors else "{{warning|error}}"
            code, fc_out, fc_err = file_check(args.filecheck, args.source, msg_prefixes,
                                              diagnostics,
                                              ["--implicit-check-not=%s:" % unexpected])
            if code != 0:
                fail(where + "diagnostics do not match CHECK-MESSAGES:", fc_out + fc_err)
        else:
            unexpected = [l for l in diagnostics.splitlines()
                          if re.search(r": (warning|error): ", l)]
            if unexpected and not args.allow_compile_errors:
                fail(where + "expected no diagnostics, got:", "\n".join(unexpected))
            if args.allow_compile_errors:
                unexpected = [l for l in unexpected if ": warning: " in l]
                if unexpected:
                    fail(where + "expected no ctx warnings, got:", "\n".join(unexpected))

        if args.allow_compile_errors:
            continue

        # 3. The fixed file.
        with open(temp_file, encoding="utf-8") as f:
            fixed = f.read()
        if fix_prefixes:
            code, fc_out, fc_err = file_check(args.filecheck, args.source, fix_prefixes,
                                              fixed, ["--match-full-lines"])
            if code != 0:
                fail(where + "fixed file does not match CHECK-FIXES:", fc_out + fc_err)
        elif fixed != cleaned:
            import difflib
            diff = "".join(difflib.unified_diff(cleaned.splitlines(True),
                                                fixed.splitlines(True),
                                                "expected (unchanged)", "fixed"))
            fail(where + "fixes were applied but the test has no CHECK-FIXES:", diff)

        # 4. The fixed file must compile.
        compile_cmd = [args.clangxx, "-fsyntax-only", "-Wno-unused", temp_file] + flags
        code, c_out, c_err = run(compile_cmd)
        if code != 0:
            fail(where + "the fixed file does not compile:\n" +
                 " ".join(map(shlex.quote, compile_cmd)), c_out + c_err)
    return 0


if __name__ == "__main__":
    sys.exit(main())
