#!/usr/bin/env python3
"""bazel/ctx_tidy.bzl's aspect on a small workspace, with Debian's
bazel-bootstrap (Bazel 4.2.3), offline: one report per C++ source of every
cc_library, cc_binary and cc_test; Bazel's action cache re-runs only the
actions whose inputs changed; fail_on_findings fails the build; a
configuration file is an input too.

Without Bazel the test is skipped (scripts/setup installs bazel-bootstrap),
except under CI=true, where that is a failure."""

import os
import re
import shutil
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import support  # noqa: E402

BAZEL = shutil.which("bazel")
OFFLINE = os.path.join(support.INPUTS, "bazel-offline")
WARNING = ("warning: temporary 'std::stop_callback' is destroyed at the end of the "
           "statement; its callback will never run [ctx-temporary-callback]")
HEADER_LEAK = "include/orders/upstream.h:19:3: " + WARNING
REPORTS = {
    "orders.ctx-tidy/src/stream.cpp.txt": ["src/stream.cpp:8:3: " + WARNING, HEADER_LEAK],
    "orders.ctx-tidy/src/session.cpp.txt": [HEADER_LEAK],
    "service.ctx-tidy/service.cpp.txt": [HEADER_LEAK],
    "clean_test.ctx-tidy/clean_test.cpp.txt": [],
    "clean_test.ctx-tidy/src/clean.cpp.txt": [],
}


@unittest.skipUnless(BAZEL or os.environ.get("CI") == "true",
                     "bazel is not installed (scripts/setup installs bazel-bootstrap)")
class BazelAspect(support.TempDirTest):
    def setUp(self):
        super().setUp()
        self.assertTrue(BAZEL, "bazel is not installed; scripts/setup installs bazel-bootstrap")
        self.ws = os.path.join(self.tmp, "ws")
        shutil.copytree(os.path.join(support.INPUTS, "bazel-workspace"), self.ws)
        for part in ("include", "src"):
            shutil.copytree(os.path.join(support.INPUTS, "orders-sample", part),
                            os.path.join(self.ws, part))
        with open(os.path.join(self.ws, "WORKSPACE"), "w") as f:
            for name in ("rules_cc", "rules_java", "remote_coverage_tools"):
                f.write('local_repository(name = "%s", path = "%s")\n'
                        % (name, os.path.join(OFFLINE, name)))
            f.write('local_repository(name = "ctx_tidy", path = "%s")\n'
                    % os.path.join(support.SOURCE_DIR, "bazel"))
            f.write('new_local_repository(name = "ctx_tidy_build", path = "%s", '
                    'build_file_content = \'exports_files(["CtxTidyModule.so"])\')\n'
                    % support.BUILD_DIR)
        self.startup = [BAZEL, "--output_user_root=" + os.path.join(self.tmp, "bazel-root"),
                        "--max_idle_secs=60"]
        self.addCleanup(subprocess.run, self.startup + ["shutdown"], cwd=self.ws,
                        capture_output=True)
        self.builds = 0

    def build(self, *flags):
        """(exit status, output, reports: {name: lines}, CtxTidy actions run)."""
        self.builds += 1
        log = os.path.join(self.tmp, "exec-%d.json" % self.builds)
        proc = subprocess.run(
            self.startup + ["build", "//...", "--aspects=@ctx_tidy//:ctx_tidy.bzl%ctx_tidy_aspect",
                            "--output_groups=ctx_tidy", "--color=no", "--curses=no",
                            "--@ctx_tidy//:module=@ctx_tidy_build//:CtxTidyModule.so",
                            "--execution_log_json_file=" + log] + list(flags),
            cwd=self.ws, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        reports = {}
        bin_dir = os.path.join(self.ws, "bazel-bin")
        for name in REPORTS:
            path = os.path.join(bin_dir, name)
            if os.path.exists(path):
                with open(path) as f:
                    reports[name] = [line for line in f.read().splitlines()
                                     if ": warning: " in line or ": error: " in line]
        ran = []
        if os.path.exists(log):
            with open(log) as f:
                text = f.read()
            # One JSON object per spawn; the report is the action's output.
            for chunk in text.split('"mnemonic": "CtxTidy"')[1:]:
                ran += re.findall(r'"path": "bazel-out/[^"]*/bin/([^"]+\.txt)"', chunk)[:1]
        return proc.returncode, proc.stdout, reports, sorted(ran)

    def edit(self, path, text):
        with open(os.path.join(self.ws, path), "a") as f:
            f.write(text)

    def test_aspect(self):
        with self.subTest("one report per source, with the findings"):
            rc, out, reports, ran = self.build()
            self.assertEqual(rc, 0, out)
            self.assertEqual(reports, REPORTS, out)
            self.assertEqual(ran, sorted(REPORTS), out)
            self.assertFalse(os.path.exists(os.path.join(self.ws, "bazel-bin", "notes.ctx-tidy")))
            # Bazel shows the findings of the actions it ran.
            self.assertIn("src/stream.cpp:8:3: " + WARNING, out)
        with self.subTest("nothing changed: nothing runs"):
            rc, out, reports, ran = self.build()
            self.assertEqual((rc, reports, ran), (0, REPORTS, []), out)
        with self.subTest("a source changed: its action runs"):
            self.edit("src/clean.cpp", "// a comment\n")
            rc, out, reports, ran = self.build()
            self.assertEqual((rc, reports, ran),
                             (0, REPORTS, ["clean_test.ctx-tidy/src/clean.cpp.txt"]), out)
        with self.subTest("a header changed: the actions of sources that may read it run"):
            self.edit("include/orders/upstream.h", "// a comment\n")
            rc, out, reports, ran = self.build()
            self.assertEqual((rc, reports), (0, REPORTS), out)
            self.assertEqual(ran, ["orders.ctx-tidy/src/session.cpp.txt",
                                   "orders.ctx-tidy/src/stream.cpp.txt",
                                   "service.ctx-tidy/service.cpp.txt"], out)
        with self.subTest("fail_on_findings fails the build"):
            rc, out, _, _ = self.build("--@ctx_tidy//:fail_on_findings", "--keep_going")
            self.assertNotEqual(rc, 0, out)
            self.assertIn("src/stream.cpp:8:3: error: temporary 'std::stop_callback'", out)
            self.assertIn("[ctx-temporary-callback,-warnings-as-errors]", out)
            self.assertRegex(out, r"ctx-tidy src/stream\.cpp failed")
            self.assertNotRegex(out, r"ctx-tidy src/clean\.cpp failed")
        with self.subTest("a configuration file is an input of every action"):
            rc, out, reports, ran = self.build(
                "--@ctx_tidy//:config=//:static-storage-only.yaml")
            self.assertEqual(rc, 0, out)
            self.assertEqual(reports, {name: [] for name in REPORTS}, out)
            self.assertEqual(ran, sorted(REPORTS), out)


if __name__ == "__main__":
    if not BAZEL and os.environ.get("CI") != "true":
        print("skipped: bazel is not installed (scripts/setup installs bazel-bootstrap)")
        sys.exit(support.SKIP_EXIT)
    unittest.main()
