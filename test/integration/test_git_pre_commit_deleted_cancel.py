#!/usr/bin/env python3
"""The hook catches a leak made by deleting a cancel line.

Deleting `cancel.request_stop();` leaves no changed line under the warning
that ctx-undeferred-cancel then reports (on the cancel source or the exit it
leaks through); the hook still blocks the commit because the deletion is
inside that function. Needs ctx-undeferred-cancel: without it this test exits
with ctest's skip status and says so.
"""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import support  # noqa: E402
from test_git_pre_commit import HookRepo  # noqa: E402

CHECK = "ctx-undeferred-cancel"

HANDLER = """\
#include <stop_token>

void start_upstream(std::stop_token tok);
void wait_upstream();

bool handle(bool valid) {
  std::stop_source cancel;
  start_upstream(cancel.get_token());
  if (!valid) {
    cancel.request_stop();
    return false;
  }
  wait_upstream();
  cancel.request_stop();
  return true;
}

void unrelated() {}
"""
FUNCTION_LINES = (6, 16)  # handle()
DELETED = "    cancel.request_stop();\n"


class DeletedCancelLine(HookRepo):
    def setUp(self):
        super().setUp()
        self.write("handler.cpp", HANDLER)
        self.git("add", "handler.cpp")
        self.git("commit", "-q", "--no-verify", "-m", "handler")

    def test_correct_handler_is_silent(self):
        self.write("handler.cpp", HANDLER.replace("void unrelated() {}", "void unrelated() {\n}"))
        self.git("add", "handler.cpp")
        committed, out = self.commit()
        self.assertTrue(committed, out)

    def test_deleting_the_cancel_on_the_early_return_is_caught(self):
        self.assertIn(DELETED, HANDLER)
        self.write("handler.cpp", HANDLER.replace(DELETED, "", 1))
        self.git("add", "handler.cpp")
        committed, out = self.commit()
        self.assertFalse(committed, out)
        reported = [line for line in out.splitlines()
                    if line.startswith("handler.cpp:") and line.endswith("[%s]" % CHECK)]
        self.assertTrue(reported, out)
        line = int(reported[0].split(":")[1])
        # After the deletion handle() spans lines 6-15; the warning is inside
        # it, and not on a changed line, since the change only deleted one.
        self.assertTrue(FUNCTION_LINES[0] <= line <= FUNCTION_LINES[1] - 1, out)


if __name__ == "__main__":
    checks = support.registered_checks()
    if CHECK not in checks:
        print("SKIPPED: %s is not registered in %s (registered: %s); this test runs once "
              "the check is built in." % (CHECK, support.MODULE, ", ".join(sorted(checks))))
        sys.exit(support.SKIP_EXIT)
    unittest.main()
