#!/usr/bin/env python3
"""ctx-tidy inside real builds: CMake's CMAKE_CXX_CLANG_TIDY, and bear for Make."""

import os
import shutil
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import support  # noqa: E402
from support import run  # noqa: E402

CHECK = "ctx-temporary-callback"
TEXT = ("temporary 'std::stop_callback' is destroyed at the end of the statement; "
        "its callback will never run")


class SampleCopy(support.TempDirTest):
    def setUp(self):
        super().setUp()
        self.project = os.path.join(self.tmp, "orders")
        shutil.copytree(os.path.join(support.INPUTS, "orders-sample"), self.project)

    def configure(self, tidy):
        run(["cmake", "-S", ".", "-B", "build", "-G", "Ninja",
             "-DCMAKE_CXX_CLANG_TIDY=" + ";".join(tidy)], cwd=self.project, check=True)

    def build(self, target):
        return run(["cmake", "--build", "build", "--target", target], cwd=self.project)


class CMakeClangTidy(SampleCopy):
    """clang-tidy runs beside the compiler for every source the build compiles."""

    def test_leak_fails_the_build_under_warnings_as_errors(self):
        self.configure([support.CLANG_TIDY, "-load=" + support.MODULE, "-checks=-*,ctx-*",
                        "-warnings-as-errors=ctx-*"])
        clean = self.build("orders_clean")
        self.assertEqual(clean.returncode, 0, clean.stdout)
        self.assertNotIn("warning:", clean.stdout)

        leaky = self.build("orders")
        self.assertNotEqual(leaky.returncode, 0, leaky.stdout)
        self.assertIn("src/stream.cpp:8:3: error: %s [%s,-warnings-as-errors]" % (TEXT, CHECK),
                      leaky.stdout)
        self.assertIn("include/orders/upstream.h:19:3: error: %s [%s,-warnings-as-errors]"
                      % (TEXT, CHECK), leaky.stdout)
        self.assertIn("FAILED: CMakeFiles/orders.dir/src/stream.cpp.o", leaky.stdout)
        self.assertFalse(os.path.exists(os.path.join(self.project, "build", "liborders.a")))

    def test_without_warnings_as_errors_the_build_warns_and_succeeds(self):
        # Through the scripts/ctx-tidy launcher, which enables ctx-* itself.
        self.configure([os.path.join(support.SCRIPTS, "ctx-tidy")])
        proc = self.build("orders")
        self.assertEqual(proc.returncode, 0, proc.stdout)
        self.assertIn("src/stream.cpp:8:3: warning: %s [%s]" % (TEXT, CHECK), proc.stdout)
        self.assertTrue(os.path.exists(os.path.join(self.project, "build", "liborders.a")))


@unittest.skipUnless(shutil.which("bear") and shutil.which("make"),
                     "bear or make is not installed (scripts/setup installs them)")
class BearForMake(SampleCopy):
    def test_bear_records_a_database_that_run_ctx_tidy_uses(self):
        run(["bear", "--", "make", "-j2"], cwd=self.project, check=True)
        self.assertTrue(os.path.isfile(os.path.join(self.project, "compile_commands.json")))
        proc = run([os.path.join(support.SCRIPTS, "run-ctx-tidy"), "-p", ".", "--progress",
                    "none"], cwd=self.project)
        self.assertEqual(proc.returncode, 1, proc.stdout)
        self.assertIn("src/stream.cpp:8:3: warning: %s [%s]" % (TEXT, CHECK), proc.stdout)
        self.assertIn("include/orders/upstream.h:19:3: warning: %s [%s]" % (TEXT, CHECK),
                      proc.stdout)
        self.assertIn("2 findings in 3 translation units", proc.stdout)


if __name__ == "__main__":
    unittest.main()
