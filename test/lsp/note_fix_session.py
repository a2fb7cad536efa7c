#!/usr/bin/env python3
"""What an editor gets from ctx-clangd for a fix-it that sits on a note.

ctx-static-storage never puts a fix on its warning: the hint (a scope guard
that erases the entry) is on a note, because no rewrite can know how long a
request's context should live. clang-tidy applies such fixes only with
--fix-notes. This session pins down what clangd 22 makes of them, since
docs/clangd.md tells users what they will see:

1. examples/audit_registry.cpp is opened, by a client that shows notes as
   related locations (relatedInformation), the way VS Code does. It has two
   ctx-static-storage warnings:
   - 32:5, a token stored in a static map, with the note "'tokens' declared
     here" and the note "erase the entry when this scope ends" that carries
     the guard;
   - 62:3, a pointer stored in a thread-local, whose notes carry no fix.
2. clangd turns the note with the fix into a quick fix of the warning, titled
   with the note's text, and drops the note itself: its text is in neither
   the message nor relatedInformation. The warning says "(fix available)" and
   the quick fix, being the only one, is marked preferred, exactly like a fix
   the check had put on the warning. Notes without a fix stay related
   information, and their warning gets no quick fix.
3. The quick fix is applied as an editor applies it (didChange). The guard
   must be the only change, the 32:5 warning must go, the 62:3 one must stay
   (one line further down), and the file must still compile.
4. A second session, with a client that does not show related locations:
   clangd appends the notes without a fix to the message and publishes each
   of them as an information diagnostic of its own; the note with the fix is
   still in neither (only the quick fix's title says it).

The file on disk is never written. Any change in clangd's handling makes a
check fail, and then docs/clangd.md ("What you will see") needs updating.
"""

import argparse
import os
import sys

from lsp_client import LspError, apply_text_edits
from quick_fix_session import (describe, fail, finish, open_example, replace_text,
                               start_clangd)

EXAMPLE = "examples/audit_registry.cpp"
CHECK = "ctx-static-storage"

# LSP lines and characters count from 0; the comments say 1-based line:column.
MAP_STORE_AT = (31, 4)  # 32:5: pendingTokens().emplace(orderId, tok);
MAP_MESSAGE = ("Request token is stored in static container 'tokens' and never removed "
               "(fix available)")
DECLARED_NOTE = "'tokens' declared here"
DECLARED_AT = (45, 50)  # 46:51
FIX_NOTE = "erase the entry when this scope ends"
# The inserted guard: the dependency-free local class, since the example
# includes no scope-guard library.
GUARD_LINE = ("    auto cancelRegistrationFn = [&] { pendingTokens().erase(orderId); }; "
              "struct CancelRegistration { decltype(cancelRegistrationFn) &Run; "
              "~CancelRegistration() { Run(); } } cancelRegistration{cancelRegistrationFn};")

POINTER_STORE_AT = (61, 2)  # 62:3: currentOrderToken = &tok;
POINTER_MESSAGE = ("Pointer to a request token is stored in static "
                   "'orders::currentOrderToken' and dangles when the request ends")
POINTER_NOTES = [
    "'orders::currentOrderToken' declared here",
    "Store a copy of the request token instead: a copy shares the cancellation state "
    "and cannot dangle",
]

CONFIG = """\
Diagnostics:
  ClangTidy:
    Add: [ctx-*]
    FastCheckFilter: Loose
"""


def at(diagnostic):
    start = diagnostic["range"]["start"]
    return start["line"], start["character"]


def ours_at(diagnostics, position):
    found = [d for d in diagnostics if d.get("code") == CHECK and at(d) == position]
    if len(found) != 1:
        fail("expected one %s warning at %d:%d, got %d:\n%s"
             % (CHECK, position[0] + 1, position[1] + 1, len(found), describe(diagnostics)))
    return found[0]


def quick_fixes(client, uri, diagnostic):
    """The quick fixes clangd offers for `diagnostic`, asked the way an editor
    asks when the cursor is on it."""
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri},
        "range": diagnostic["range"],
        "context": {"diagnostics": [diagnostic], "only": ["quickfix"]},
    }) or []
    return [a for a in actions if a.get("kind") == "quickfix"]


def edits_of(action, uri):
    edit = action.get("edit", {})
    edits = edit.get("changes", {}).get(uri)
    if edits is None:
        edits = [e for change in edit.get("documentChanges", [])
                 if change["textDocument"]["uri"] == uri for e in change["edits"]]
    return edits


def related_messages(diagnostic):
    return [r["message"] for r in diagnostic.get("relatedInformation") or []]


def config_home(work, name):
    home = os.path.join(work, name, "config")
    os.makedirs(os.path.join(home, "clangd"), exist_ok=True)
    with open(os.path.join(home, "clangd", "config.yaml"), "w") as f:
        f.write(CONFIG)
    return home


def with_related_information(client, root):
    uri, text, diagnostics = open_example(client, root, EXAMPLE)
    print("diagnostics after opening %s:\n%s" % (EXAMPLE, describe(diagnostics)))

    # 1-2. The warning whose note carries the guard.
    store = ours_at(diagnostics, MAP_STORE_AT)
    if store["message"] != MAP_MESSAGE:
        fail("unexpected message at 32:5: %r, expected %r" % (store["message"], MAP_MESSAGE))
    related = store.get("relatedInformation") or []
    print("related information at 32:5: %s" % related_messages(store))
    if [r["message"] for r in related] != [DECLARED_NOTE] \
            or at(related[0]["location"]) != DECLARED_AT:
        fail("expected the single related note %r at 46:51, got %r"
             % (DECLARED_NOTE, related))
    if FIX_NOTE in store["message"].lower():
        fail("the note with the fix is now part of the message: %r" % store["message"])

    fixes = quick_fixes(client, uri, store)
    print("quick fixes offered at 32:5: %s"
          % [(a["title"], a.get("isPreferred")) for a in fixes])
    if len(fixes) != 1:
        fail("expected the note's fix as the one quick fix, got %r" % fixes)
    fix = fixes[0]
    if fix["title"] != FIX_NOTE:
        fail("the quick fix is titled %r, expected the note's text %r" % (fix["title"], FIX_NOTE))
    if fix.get("isPreferred") is not True:
        fail("clangd no longer marks the note's fix preferred (isPreferred: %r)"
             % fix.get("isPreferred"))
    if not any(d.get("code") == CHECK and at(d) == MAP_STORE_AT
               for d in fix.get("diagnostics", [])):
        fail("the quick fix is not tied to the 32:5 warning: %r" % fix.get("diagnostics"))

    # The warning whose notes carry no fix.
    pointer = ours_at(diagnostics, POINTER_STORE_AT)
    if pointer["message"] != POINTER_MESSAGE:
        fail("unexpected message at 62:3: %r, expected %r"
             % (pointer["message"], POINTER_MESSAGE))
    print("related information at 62:3: %s" % related_messages(pointer))
    if related_messages(pointer) != POINTER_NOTES:
        fail("expected the notes %r as related information at 62:3, got %r"
             % (POINTER_NOTES, related_messages(pointer)))
    pointer_fixes = quick_fixes(client, uri, pointer)
    if pointer_fixes:
        fail("a quick fix is offered for the 62:3 warning, whose notes have no fix: %r"
             % pointer_fixes)

    # 3. Apply the guard as an editor does.
    edits = edits_of(fix, uri)
    if not edits:
        fail("the quick fix carries no edit for %s: %r" % (EXAMPLE, fix))
    fixed = apply_text_edits(text, edits)
    lines = text.splitlines(keepends=True)
    expected = "".join(lines[:MAP_STORE_AT[0] + 1] + [GUARD_LINE + "\n"]
                       + lines[MAP_STORE_AT[0] + 1:])
    if fixed != expected:
        got = fixed.splitlines()[MAP_STORE_AT[0]:MAP_STORE_AT[0] + 3]
        fail("the fix did not insert just the guard after line 32; lines 32-34 are now:\n%s"
             % "\n".join(got))
    after = replace_text(client, uri, fixed, 2)
    print("diagnostics after applying the fix:\n%s" % describe(after))
    if any(d.get("code") == CHECK and d["range"]["start"]["line"] == MAP_STORE_AT[0]
           for d in after):
        fail("the 32:5 warning is still reported after its guard was inserted")
    # The guard is one more line: the other warning moves down by one.
    moved = (POINTER_STORE_AT[0] + 1, POINTER_STORE_AT[1])
    if ours_at(after, moved)["message"] != POINTER_MESSAGE:
        fail("the 62:3 warning changed after the unrelated fix")
    errors = [d for d in after if d.get("severity") == 1]
    if errors:
        fail("the fixed file has errors:\n%s" % describe(errors))


def without_related_information(client, root):
    _, _, diagnostics = open_example(client, root, EXAMPLE, related_information=False)
    store = ours_at(diagnostics, MAP_STORE_AT)
    pointer = ours_at(diagnostics, POINTER_STORE_AT)
    print("messages without related information:\n%s\n%s"
          % (store["message"], pointer["message"]))
    if not store["message"].startswith(MAP_MESSAGE) \
            or "note: " + DECLARED_NOTE not in store["message"]:
        fail("expected the 'declared here' note in the 32:5 message: %r" % store["message"])
    if FIX_NOTE in store["message"]:
        fail("the note with the fix is now in the 32:5 message: %r" % store["message"])
    for note in POINTER_NOTES:
        if "note: " + note[0].lower() + note[1:] not in pointer["message"]:
            fail("expected the note %r in the 62:3 message: %r" % (note, pointer["message"]))
    # Each note without a fix is also published on its own, as information;
    # the note with the fix is not.
    infos = [d["message"].split("\n")[0] for d in diagnostics if d.get("severity") == 3]
    print("information diagnostics: %s" % infos)
    if sorted(infos) != sorted([DECLARED_NOTE] + POINTER_NOTES):
        fail("expected the notes without a fix as information diagnostics, got %r" % infos)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clangd", required=True, help="the ctx-clangd binary")
    parser.add_argument("--project-root", required=True)
    parser.add_argument("--work-dir", required=True, help="scratch directory (config, logs)")
    args = parser.parse_args()
    root = os.path.abspath(args.project_root)
    work = os.path.abspath(args.work_dir)

    for name, session in (("related", with_related_information),
                          ("plain", without_related_information)):
        session_work = os.path.join(work, name)
        client, log = start_clangd(args.clangd, config_home(work, name), session_work)
        try:
            session(client, root)
        except LspError as e:
            client.process.kill()
            fail("%s (clangd's log: %s)" % (e, log))
        finish(client, log)
    print("PASS: note fixes in ctx-clangd")


if __name__ == "__main__":
    main()
