#!/usr/bin/env python3
"""Tests scripts/ctx-clangd-setup on a user's clangd config.

What matters is that a config the user already has comes out with every byte
of it kept, the ctx fragment added once, and that running it again or
removing it behaves. Whether clangd really honours the merged file is shown by
quick_fix_session.py, which runs ctx-clangd on it.
"""

import argparse
import os
import subprocess
import sys

try:
    import yaml  # python3-yaml; only used to double-check that the result parses
except ImportError:
    yaml = None

# Comments, two fragments (one conditional), a tidy list of the user's own and
# a FastCheckFilter, and no newline at the end.
EXISTING = """\
# Team defaults; do not lose this comment.
CompileFlags:
  Add: [-Wall, -Wextra]
  Remove: [-fno-exceptions]
Diagnostics:
  ClangTidy:
    Add: [bugprone-*]
    Remove: [bugprone-easily-swappable-parameters]
    FastCheckFilter: Strict
Index:
  Background: Skip
---
If:
  PathMatch: .*\\.c
CompileFlags:
  Add: [-std=c11]"""

FAILURES = []


def check(condition, what):
    if not condition:
        FAILURES.append(what)
        print("FAIL: " + what)


def run(setup, config, *extra):
    proc = subprocess.run([sys.executable, setup, "--config", config] + list(extra),
                          capture_output=True, text=True)
    return proc.returncode, proc.stdout + proc.stderr


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def ctx_fragment_ok(text):
    """The last fragment turns ctx-* on with the Loose filter."""
    if yaml is None:
        return "    Add: [ctx-*]\n    FastCheckFilter: Loose\n" in text
    documents = [d for d in yaml.safe_load_all(text) if d is not None]
    tidy = documents[-1]["Diagnostics"]["ClangTidy"]
    return tidy == {"Add": ["ctx-*"], "FastCheckFilter": "Loose"}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--setup", required=True, help="scripts/ctx-clangd-setup")
    parser.add_argument("--work-dir", required=True)
    args = parser.parse_args()
    os.makedirs(args.work_dir, exist_ok=True)

    # No config yet: one is written, directories included.
    fresh = os.path.join(args.work_dir, "fresh", "clangd", "config.yaml")
    if os.path.exists(fresh):
        os.remove(fresh)
    code, out = run(args.setup, fresh)
    check(code == 0 and os.path.exists(fresh), "a missing config is created: " + out)
    check(ctx_fragment_ok(read(fresh)), "the new config enables ctx-* with Loose")

    # An existing config keeps every byte; the fragment goes at the end.
    config = os.path.join(args.work_dir, "existing", "config.yaml")
    os.makedirs(os.path.dirname(config), exist_ok=True)
    with open(config, "w", encoding="utf-8", newline="") as f:
        f.write(EXISTING)
    code, out = run(args.setup, config, "--dry-run")
    check(code == 0 and read(config) == EXISTING, "--dry-run leaves the file alone")
    check("Add: [ctx-*]" in out, "--dry-run prints the result")

    code, out = run(args.setup, config)
    extended = read(config)
    check(code == 0, "extending succeeds: " + out)
    check(extended.startswith(EXISTING + "\n---\n"),
          "the user's config is kept byte for byte, then a new fragment starts")
    check(extended.count("Add: [ctx-*]") == 1, "the ctx checks are added once")
    check(ctx_fragment_ok(extended), "the last fragment enables ctx-* with Loose")
    check(read(config + ".bak") == EXISTING, "the previous version is kept as .bak")
    if yaml is not None:
        documents = list(yaml.safe_load_all(extended))
        check(len(documents) == 3, "three fragments: the user's two and ctx's")
        check(documents[0]["Index"] == {"Background": "Skip"}
              and documents[0]["Diagnostics"]["ClangTidy"]["Add"] == ["bugprone-*"],
              "the user's keys still parse to the same values")

    # Running again changes nothing.
    code, out = run(args.setup, config)
    check(code == 0 and read(config) == extended, "a second run leaves the file as it was")
    check("already set up" in out, "a second run says so: " + out)

    # Something the user adds after the fragment stays, and a rerun rewrites the
    # fragment in place rather than appending another.
    with open(config, "a", encoding="utf-8", newline="") as f:
        f.write("---\nHover:\n  ShowAKA: Yes\n")
    edited = read(config).replace("FastCheckFilter: Loose", "FastCheckFilter: None")
    with open(config, "w", encoding="utf-8", newline="") as f:
        f.write(edited)
    code, out = run(args.setup, config)
    rerun = read(config)
    check(code == 0 and rerun.count("# ctx-tidy: begin") == 1, "a rerun keeps one fragment")
    check("Hover:\n  ShowAKA: Yes\n" in rerun, "what the user added later is kept")
    check(rerun.startswith(EXISTING + "\n"), "the user's original part is still intact")

    # --remove gives back the user's file (with the newline it lacked).
    code, out = run(args.setup, config, "--remove")
    removed = read(config)
    check(code == 0 and "ctx-" not in removed, "--remove takes the fragment out: " + out)
    check(removed == EXISTING + "\n---\nHover:\n  ShowAKA: Yes\n",
          "--remove leaves exactly the user's content: %r" % removed)
    code, out = run(args.setup, config, "--remove")
    check(code == 0 and "nothing to do" in out, "--remove twice is harmless")

    # A damaged fragment (end marker deleted) is refused, the file untouched.
    damaged = EXISTING + "\n---\n# ctx-tidy: begin (scripts/ctx-clangd-setup rewrites " \
        "this block when run again)\nDiagnostics:\n  ClangTidy:\n    Add: [ctx-*]\n"
    with open(config, "w", encoding="utf-8", newline="") as f:
        f.write(damaged)
    code, out = run(args.setup, config)
    check(code != 0 and read(config) == damaged,
          "a fragment without its end marker is refused and left alone")

    if FAILURES:
        print("%d failure(s)" % len(FAILURES))
        return 1
    print("PASS: ctx-clangd-setup (%s)" % ("checked with PyYAML" if yaml else "text checks only"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
