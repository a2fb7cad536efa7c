#!/usr/bin/env python3
"""scripts/run-ctx-tidy over a real CMake project: findings, summary, exit
status, progress, --fix and SARIF (schema-valid, stable fingerprints)."""

import json
import os
import pty
import re
import shutil
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import support  # noqa: E402
import sarif_validation  # noqa: E402
from support import run, line_of  # noqa: E402

RUN = os.path.join(support.SCRIPTS, "run-ctx-tidy")
CHECK = "ctx-temporary-callback"
MESSAGE = ("warning: temporary 'std::stop_callback' is destroyed at the end of the "
           "statement; its callback will never run [%s]" % CHECK)
LEAK_TEXT = "std::stop_callback(shutdown, [&up] { up.abort(); });"


class SampleProject(support.TempDirTest):
    """A copy of Inputs/orders-sample configured with CMake (compile_commands.json)."""

    def setUp(self):
        super().setUp()
        self.project = os.path.join(self.tmp, "orders")
        shutil.copytree(os.path.join(support.INPUTS, "orders-sample"), self.project)
        run(["git", "init", "-q"], cwd=self.project, check=True)
        run(["cmake", "-S", ".", "-B", "build", "-G", "Ninja",
             "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON"], cwd=self.project, check=True)
        self.header = os.path.join(self.project, "include", "orders", "upstream.h")
        self.stream = os.path.join(self.project, "src", "stream.cpp")

    def tidy(self, *args):
        return run([RUN, "-p", "build", "-j", "2", "--progress", "lines"] + list(args),
                   cwd=self.project)

    def leak_lines(self):
        return line_of(self.header, LEAK_TEXT), line_of(self.stream, LEAK_TEXT)


class WholeProjectRun(SampleProject):
    def test_findings_deduplicated_summarised_and_failing(self):
        proc = self.tidy()
        out = proc.stdout
        self.assertEqual(proc.returncode, 1, out)
        header_line, stream_line = self.leak_lines()
        self.assertEqual((header_line, stream_line), (19, 8))
        # The header is seen by stream.cpp and session.cpp: reported once.
        self.assertEqual(out.count("include/orders/upstream.h:19:3: " + MESSAGE), 1, out)
        self.assertEqual(out.count("src/stream.cpp:8:3: " + MESSAGE), 1, out)
        self.assertNotIn("clean.cpp:", out.split("\n2 findings")[0].replace(
            "src/clean.cpp: 0 new findings", ""))
        self.assertIn("2 findings in 3 translation units", out)
        self.assertRegex(out, r"by check:\n +2  ctx-temporary-callback\n")
        self.assertRegex(out, r"by file:\n +1  include/orders/upstream.h\n +1  src/stream.cpp\n")
        # One progress line per translation unit when not on a terminal.
        self.assertEqual(len(re.findall(r"^\[\d/3\] src/\w+\.cpp: \d new findings?$", out,
                                        re.M)), 3, out)

    def test_exit_status_is_configurable(self):
        proc = self.tidy("--no-fail-on-findings")
        self.assertEqual(proc.returncode, 0, proc.stdout)
        self.assertIn("2 findings", proc.stdout)

    def test_paths_select_translation_units(self):
        proc = self.tidy("src/clean.cpp")
        self.assertEqual(proc.returncode, 0, proc.stdout)
        self.assertIn("0 findings in 1 translation unit", proc.stdout)
        proc = self.tidy("src/session.cpp")
        self.assertEqual(proc.returncode, 1, proc.stdout)
        self.assertIn("include/orders/upstream.h:19:3: " + MESSAGE, proc.stdout)
        self.assertNotIn("src/stream.cpp:8", proc.stdout)

    def test_fix_applies_each_fix_once(self):
        proc = self.tidy("--fix")
        self.assertIn("applied 2 fixes", proc.stdout)
        with open(self.header) as f:
            header = f.read()
        # Two translation units saw the header's finding; one edit was made.
        self.assertEqual(header.count("std::stop_callback stopCallback(shutdown"), 1, header)
        self.assertNotIn("stopCallback stopCallback", header)
        with open(self.stream) as f:
            self.assertIn("std::stop_callback stopCallback(shutdown, [&up]", f.read())
        proc = self.tidy()
        self.assertEqual(proc.returncode, 0, proc.stdout)
        self.assertIn("0 findings in 3 translation units", proc.stdout)
        # The fixed project still compiles.
        run(["cmake", "--build", "build"], cwd=self.project, check=True)

    def test_progress_bar_on_a_terminal(self):
        pid, fd = pty.fork()
        if pid == 0:
            os.chdir(self.project)
            os.execv(sys.executable, [sys.executable, RUN, "-p", "build", "-j", "2"])
        chunks = []
        while True:
            try:
                data = os.read(fd, 4096)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
        _, status = os.waitpid(pid, 0)
        screen = b"".join(chunks).decode("utf-8", "replace")
        self.assertEqual(os.waitstatus_to_exitcode(status), 1, screen)
        self.assertRegex(screen, r"\r\[#+-*\] 3/3  ETA 0:00  findings: 2")
        self.assertRegex(screen, r"\r\[-+\] 0/3  ETA --:--  findings: 0")
        self.assertNotRegex(screen, r"^\[\d/3\] ", "no plain progress lines on a terminal")
        self.assertIn("include/orders/upstream.h:19:3: " + MESSAGE, screen)


class Sarif(SampleProject):
    def export(self, name):
        path = os.path.join(self.tmp, name)
        proc = self.tidy("--export-sarif", path)
        self.assertEqual(proc.returncode, 1, proc.stdout)
        with open(path) as f:
            return path, json.load(f)

    @staticmethod
    def by_location(log):
        result = {}
        for r in log["runs"][0]["results"]:
            loc = r["locations"][0]["physicalLocation"]
            result[(loc["artifactLocation"]["uri"], loc["region"]["startLine"])] = r
        return result

    def test_sarif_is_valid_and_complete(self):
        path, log = self.export("ctx.sarif")
        self.assertEqual(sarif_validation.schema_errors(path), "")
        self.assertEqual(sarif_validation.validator_findings(path), [])

        self.assertEqual(log["version"], "2.1.0")
        run_ = log["runs"][0]
        rules = run_["tool"]["driver"]["rules"]
        self.assertEqual([r["id"] for r in rules], [CHECK])
        rule = rules[0]
        self.assertTrue(rule["helpUri"].endswith("/docs/checks/%s.md" % CHECK), rule)
        self.assertTrue(rule["shortDescription"]["text"].startswith(
            "Finds stop-callback registrations"), rule)
        self.assertIn("# " + CHECK, rule["help"]["markdown"])

        results = self.by_location(log)
        self.assertEqual(sorted(results), [("include/orders/upstream.h", 19),
                                           ("src/stream.cpp", 8)])
        r = results[("src/stream.cpp", 8)]
        self.assertEqual(r["ruleId"], CHECK)
        self.assertEqual(r["level"], "warning")
        region = r["locations"][0]["physicalLocation"]["region"]
        self.assertEqual((region["startColumn"], region["snippet"]["text"].strip()),
                         (3, LEAK_TEXT))
        replacement = r["fixes"][0]["artifactChanges"][0]["replacements"][0]
        self.assertEqual(replacement["insertedContent"]["text"],
                         "std::stop_callback stopCallback")
        self.assertEqual((replacement["deletedRegion"]["startLine"],
                          replacement["deletedRegion"]["startColumn"],
                          replacement["deletedRegion"]["endColumn"]), (8, 3, 21))
        self.assertEqual(run_["originalUriBaseIds"]["SRCROOT"]["uri"],
                         "file://" + self.project + "/")

    def test_fingerprints_survive_lines_moving_above(self):
        _, before = self.export("before.sarif")
        # Unrelated edits above both findings: comments and a new function.
        for path in (self.header, self.stream):
            with open(path) as f:
                text = f.read()
            helper = "int unrelated_%s() { return 1; }" % os.path.basename(path).split(".")[0]
            text = "// Copyright line\n// Another line\n" + text.replace(
                "namespace orders {\n", "namespace orders {\n\n%s\n" % helper, 1)
            with open(path, "w") as f:
                f.write(text)
        path, after = self.export("after.sarif")
        self.assertNotIn("clang-diagnostic-error", json.dumps(after))
        self.assertEqual(sarif_validation.schema_errors(path), "")
        old, new = self.by_location(before), self.by_location(after)
        self.assertEqual(sorted(new), [("include/orders/upstream.h", 23), ("src/stream.cpp", 12)])
        for (uri, line), moved in ((("include/orders/upstream.h", 19), 23),
                                   (("src/stream.cpp", 8), 12)):
            self.assertEqual(old[(uri, line)]["partialFingerprints"],
                             new[(uri, moved)]["partialFingerprints"])
        prints = [r["partialFingerprints"]["ctxTidyFinding/v1"] for r in new.values()]
        self.assertEqual(len(set(prints)), 2)
        self.assertTrue(all(re.fullmatch(r"[0-9a-f]{32}", p) for p in prints))

    def test_identical_lines_get_distinct_fingerprints(self):
        with open(self.stream) as f:
            text = f.read()
        # A second, identical leak in the same file.
        text = text.replace("} // namespace orders",
                            "std::string again(Upstream &up, std::stop_token shutdown) {\n  "
                            + LEAK_TEXT + "\n  return up.read();\n}\n\n} // namespace orders")
        with open(self.stream, "w") as f:
            f.write(text)
        _, log = self.export("twice.sarif")
        prints = [r["partialFingerprints"]["ctxTidyFinding/v1"]
                  for r in log["runs"][0]["results"]]
        self.assertEqual(len(prints), 3)
        self.assertEqual(len(set(prints)), 3)


if __name__ == "__main__":
    unittest.main()
