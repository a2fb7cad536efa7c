#!/usr/bin/env python3
"""An editor session against the real ctx-clangd, over LSP on stdio.

1. A user already has a clangd config of their own (another tidy check, other
   keys); scripts/ctx-clangd-setup extends it, keeping every byte of it.
2. ctx-clangd starts with that config, as an editor would start it.
3. examples/shutdown_hooks.cpp is opened. clangd must publish the
   ctx-temporary-callback warning at 28:5 (the stop callback created as a
   temporary), and the user's own check must still run (proving their config
   was kept and merged).
4. A code action request for that diagnostic must return its quick fix.
5. The fix is applied as an editor applies it (didChange with the edited
   text). clangd must then publish diagnostics without the ctx warning and
   without errors: the fixed code compiles.

The file on disk is never written.

With --strict-filter it instead checks the reason ctx-clangd-setup writes
`FastCheckFilter: Loose`: on a copy of the example outside the repository, a
config that adds ctx-* with Loose gets the ctx warning, and the same config
under clangd's default filter (Strict) gets none, silently, while clang's own
warning on the same line still arrives.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

from lsp_client import LspClient, LspError, apply_text_edits

EXAMPLE = "examples/shutdown_hooks.cpp"
CHECK = "ctx-temporary-callback"
# LSP lines and characters count from 0; the comments say 1-based line:column.
WARNING_AT = (27, 4)  # 28:5
# clangd capitalises the first letter of every diagnostic message and says
# when a fix is available.
MESSAGE = ("Temporary 'std::stop_callback' is destroyed at the end of the statement; "
           "its callback will never run (fix available)")
FIXED_LINE = ("    std::stop_callback stopCallback(shutdown, [this] { Up.abort(); }); "
              "// leak: dies here")

USER_CHECK = "readability-identifier-length"
USER_CHECK_LINE = 43  # 44: `orders::Upstream up;`
USER_CONFIG = """\
# My own clangd settings: ctx-clangd-setup must keep all of this.
Diagnostics:
  ClangTidy:
    Add: [readability-identifier-length]
  UnusedIncludes: Strict
InlayHints:
  Enabled: No
"""


def fail(message):
    sys.stderr.write("FAIL: %s\n" % message)
    sys.exit(1)


def describe(diagnostics):
    return "\n".join("  %d:%d [%s] %s" % (d["range"]["start"]["line"] + 1,
                                          d["range"]["start"]["character"] + 1,
                                          d.get("code", ""), d["message"])
                     for d in diagnostics) or "  (none)"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clangd", required=True, help="the ctx-clangd binary")
    parser.add_argument("--project-root", required=True)
    parser.add_argument("--work-dir", required=True, help="scratch directory (config, logs)")
    parser.add_argument("--strict-filter", action="store_true",
                        help="check that the default FastCheckFilter drops the ctx checks")
    args = parser.parse_args()
    if args.strict_filter:
        return strict_filter_main(args)

    root = os.path.abspath(args.project_root)
    work = os.path.abspath(args.work_dir)
    config_home = os.path.join(work, "config")
    config_file = os.path.join(config_home, "clangd", "config.yaml")
    os.makedirs(os.path.dirname(config_file), exist_ok=True)
    with open(config_file, "w") as f:
        f.write(USER_CONFIG)

    # 1. The setup command, as a user runs it.
    setup = subprocess.run([sys.executable, os.path.join(root, "scripts", "ctx-clangd-setup")],
                           env=dict(os.environ, XDG_CONFIG_HOME=config_home),
                           capture_output=True, text=True)
    if setup.returncode != 0:
        fail("ctx-clangd-setup failed:\n" + setup.stdout + setup.stderr)
    with open(config_file) as f:
        config = f.read()
    if not config.startswith(USER_CONFIG) or "Add: [ctx-*]" not in config \
            or "FastCheckFilter: Loose" not in config:
        fail("ctx-clangd-setup did not extend the user's config as expected:\n" + config)

    # 2. The server.
    client, log = start_clangd(args.clangd, config_home, work)
    try:
        run_session(client, root)
    except LspError as e:
        client.process.kill()
        fail("%s (clangd's log: %s)" % (e, log))
    finish(client, log)
    check_resource_dir(log)
    print("PASS: quick fix session with ctx-clangd")


def check_resource_dir(log):
    """ctx-clangd must hand the compiler a resource directory that exists (the
    default one, beside a build-tree binary, does not). Debian's clang finds its
    builtin headers even without it, so only the log can tell."""
    with open(log, errors="replace") as f:
        dirs = re.findall(r"-resource-dir=(\S+)", f.read())
    if not dirs:
        fail("clangd's log shows no -resource-dir (log: %s)" % log)
    for d in set(dirs):
        if not os.path.isfile(os.path.join(d, "include", "stddef.h")):
            fail("ctx-clangd used the resource directory %s, which has no "
                 "include/stddef.h" % d)


def start_clangd(clangd, config_home, work):
    # Only the user config of this session, no other: clangd reads it from
    # $XDG_CONFIG_HOME/clangd/config.yaml.
    env = dict(os.environ, XDG_CONFIG_HOME=config_home)
    env.pop("CLANGD_FLAGS", None)
    log = os.path.join(work, "clangd.log")
    return LspClient([clangd, "--background-index=false", "--log=verbose", "--pretty"],
                     env=env, stderr_path=log), log


def finish(client, log):
    try:
        code = client.shutdown()
    except LspError as e:
        fail("%s (clangd's log: %s)" % (e, log))
    if code != 0:
        fail("ctx-clangd exited with %d after shutdown (log: %s)" % (code, log))


def strict_filter_main(args):
    root = os.path.abspath(args.project_root)
    work = os.path.abspath(args.work_dir)
    # A copy of the example outside the repository, so that no project
    # .clangd or .clang-tidy can choose a filter for it.
    project = tempfile.mkdtemp(prefix="ctx-clangd-strict-")
    try:
        os.makedirs(os.path.join(project, os.path.dirname(EXAMPLE)))
        shutil.copy(os.path.join(root, EXAMPLE), os.path.join(project, EXAMPLE))
        with open(os.path.join(project, os.path.dirname(EXAMPLE), "compile_flags.txt"),
                  "w") as f:
            f.write("-std=c++20\n-Wall\n")
        # The same project twice, with only the filter changed: the ctx warning
        # must appear under Loose and vanish under the default.
        loose = ctx_codes(args.clangd, project, os.path.join(work, "loose"), "Loose")
        strict = ctx_codes(args.clangd, project, os.path.join(work, "default"), None)
    finally:
        shutil.rmtree(project, ignore_errors=True)
    if loose != [CHECK]:
        fail("with FastCheckFilter: Loose expected %s alone, got %r" % (CHECK, loose))
    if strict:
        fail("ctx checks ran under the default FastCheckFilter (%r); clangd changed, and "
             "docs/clangd.md and ctx-clangd-setup should say so" % strict)
    print("PASS: the default FastCheckFilter drops the ctx checks, Loose runs them")


def ctx_codes(clangd, project, work, fast_check_filter):
    """The ctx check names clangd reports for the example under a user config
    that adds ctx-* with the given FastCheckFilter (None: clangd's default)."""
    config_home = os.path.join(work, "config")
    config_file = os.path.join(config_home, "clangd", "config.yaml")
    os.makedirs(os.path.dirname(config_file), exist_ok=True)
    with open(config_file, "w") as f:
        f.write("Diagnostics:\n  ClangTidy:\n    Add: [ctx-*]\n")
        if fast_check_filter:
            f.write("    FastCheckFilter: %s\n" % fast_check_filter)
    client, log = start_clangd(clangd, config_home, work)
    try:
        _, _, diagnostics = open_example(client, project)
    except LspError as e:
        client.process.kill()
        fail("%s (clangd's log: %s)" % (e, log))
    print("FastCheckFilter %s:\n%s" % (fast_check_filter or "(default)", describe(diagnostics)))
    if not any(d["range"]["start"]["line"] == WARNING_AT[0] and d.get("source") == "clang"
               for d in diagnostics):
        fail("expected clang's own warning on line %d: the file was not analysed"
             % (WARNING_AT[0] + 1))
    finish(client, log)
    return [d["code"] for d in diagnostics if d.get("code", "").startswith("ctx-")]


def open_example(client, root, example=EXAMPLE, related_information=True):
    """Initializes the session, opens `example` (relative to `root`); returns
    (uri, text, diagnostics). `related_information` is what the client tells
    clangd about showing a diagnostic's notes as related locations."""
    path = os.path.join(root, example)
    uri = "file://" + path
    with open(path) as f:
        text = f.read()

    client.request("initialize", {
        "processId": os.getpid(),
        "rootUri": "file://" + root,
        "capabilities": {
            "textDocument": {
                "publishDiagnostics": {"relatedInformation": related_information,
                                       "versionSupport": True},
                "codeAction": {"codeActionLiteralSupport": {
                    "codeActionKind": {"valueSet": ["quickfix"]}}},
            },
        },
    })
    client.notify("initialized", {})

    # 3. Open the file; wait for its diagnostics.
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "cpp", "version": 1, "text": text}})
    published = client.wait_for_notification(
        "textDocument/publishDiagnostics",
        lambda p: p["uri"] == uri and p.get("version") == 1)
    return uri, text, published["diagnostics"]


def replace_text(client, uri, text, version):
    """Sends the document's new text as an editor does after applying a fix,
    and returns the diagnostics clangd publishes for that version."""
    client.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": version},
        "contentChanges": [{"text": text}]})
    published = client.wait_for_notification(
        "textDocument/publishDiagnostics",
        lambda p: p["uri"] == uri and p.get("version") == version)
    return published["diagnostics"]


def run_session(client, root):
    uri, text, diagnostics = open_example(client, root)
    print("diagnostics after opening %s:\n%s" % (EXAMPLE, describe(diagnostics)))

    ours = [d for d in diagnostics if d.get("code") == CHECK]
    if len(ours) != 1:
        fail("expected exactly one %s diagnostic, got %d" % (CHECK, len(ours)))
    warning = ours[0]
    start = warning["range"]["start"]
    if (start["line"], start["character"]) != WARNING_AT:
        fail("%s at %d:%d, expected %d:%d" % (CHECK, start["line"] + 1, start["character"] + 1,
                                              WARNING_AT[0] + 1, WARNING_AT[1] + 1))
    if warning.get("source") != "clang-tidy" or warning.get("severity") != 2:
        fail("expected a clang-tidy warning, got source %r severity %r"
             % (warning.get("source"), warning.get("severity")))
    if warning["message"] != MESSAGE:
        fail("unexpected message %r" % warning["message"])
    if not any(d.get("code") == USER_CHECK and d["range"]["start"]["line"] == USER_CHECK_LINE
               for d in diagnostics):
        fail("the user's own check %s did not run at line %d: their config was not kept"
             % (USER_CHECK, USER_CHECK_LINE + 1))

    # 4. The quick fix.
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri},
        "range": warning["range"],
        "context": {"diagnostics": [warning], "only": ["quickfix"]},
    }) or []
    fixes = [a for a in actions if a.get("kind") == "quickfix" and "edit" in a
             and any(d.get("code") == CHECK for d in a.get("diagnostics", []))]
    print("quick fixes offered: %s" % [a["title"] for a in fixes])
    if len(fixes) != 1:
        fail("expected one quick fix for %s, got %d: %r" % (CHECK, len(fixes), actions))
    fix = fixes[0]
    if "stopCallback" not in fix["title"]:
        fail("the quick fix's title does not say what it does: %r" % fix["title"])
    edits = fix["edit"].get("changes", {}).get(uri)
    if edits is None:
        edits = [e for change in fix["edit"].get("documentChanges", [])
                 if change["textDocument"]["uri"] == uri for e in change["edits"]]
    if not edits:
        fail("the quick fix carries no edit for %s: %r" % (EXAMPLE, fix))

    # 5. Apply it the way an editor does, then wait for fresh diagnostics.
    fixed = apply_text_edits(text, edits)
    fixed_line = fixed.splitlines()[WARNING_AT[0]]
    if fixed_line != FIXED_LINE:
        fail("the fixed line is %r, expected %r" % (fixed_line, FIXED_LINE))
    after = replace_text(client, uri, fixed, 2)
    print("diagnostics after applying the fix:\n%s" % describe(after))
    if any(d.get("code") == CHECK for d in after):
        fail("%s is still reported after its fix was applied" % CHECK)
    # Compiler errors only: a project .clang-tidy may turn tidy warnings into errors.
    errors = [d for d in after if d.get("severity") == 1 and d.get("source") == "clang"]
    if errors:
        fail("the fixed file has errors:\n%s" % describe(errors))
    if not any(d.get("code") == USER_CHECK for d in after):
        fail("the user's check %s vanished too: the session is not analysing" % USER_CHECK)


if __name__ == "__main__":
    main()
