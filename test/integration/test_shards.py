#!/usr/bin/env python3
"""Sharded runs: --shard K/N partitions the compilation database exactly and
stably, and --merge-sarif joins the shards' SARIF into the log one unsharded
run writes (schema-valid, one run, duplicates dropped, rules merged)."""

import json
import os
import random
import re
import shutil
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import support  # noqa: E402
import sarif_validation  # noqa: E402
from support import run  # noqa: E402

sys.path.insert(0, support.SCRIPTS)
from ctxtidy import shards  # noqa: E402

RUN = os.path.join(support.SCRIPTS, "run-ctx-tidy")
LEAK = "std::stop_callback(shutdown, [&up] { up.abort(); });"


def database(root, files):
    build = os.path.join(root, "build")
    os.makedirs(build, exist_ok=True)
    entries = [{"directory": build, "file": os.path.join(root, f),
                "arguments": ["clang++-22", "-c", os.path.join(root, f)]} for f in files]
    return build, entries


class Partition(support.TempDirTest):
    FILES = ["src/%s/unit_%03d.cpp" % (d, i) for d in ("net", "db", "ui") for i in range(70)]

    def test_shards_partition_the_database_exactly(self):
        build, entries = database(self.tmp, self.FILES)
        paths = [e["file"] for e in entries]
        for n in (1, 2, 3, 7, 16):
            parts = [shards.select(paths, build, k, n) for k in range(1, n + 1)]
            self.assertEqual(sorted(p for part in parts for p in part), sorted(paths), n)
            self.assertEqual(sum(len(part) for part in parts), len(paths), n)
            if n > 1:
                # A hash spreads the files: no shard is empty or holds most of them.
                self.assertTrue(all(0 < len(part) < len(paths) * 2 / n for part in parts),
                                [len(part) for part in parts])

    def test_same_shard_in_any_order_and_any_checkout(self):
        build, entries = database(self.tmp, self.FILES)
        paths = [e["file"] for e in entries]
        other_build, other_entries = database(os.path.join(self.tmp, "elsewhere", "clone"),
                                              self.FILES)
        shuffled = list(paths)
        random.Random(7).shuffle(shuffled)
        for k in range(1, 6):
            mine = shards.select(paths, build, k, 5)
            self.assertEqual(sorted(shards.select(shuffled, build, k, 5)), sorted(mine))
            # The same files of a checkout elsewhere, relative to its own database.
            theirs = shards.select([e["file"] for e in other_entries], other_build, k, 5)
            self.assertEqual([os.path.relpath(p, other_build) for p in theirs],
                             [os.path.relpath(p, build) for p in mine])
        # Adding files moves no other file.
        more = paths + [os.path.join(self.tmp, "src/new_%d.cpp" % i) for i in range(40)]
        for k in range(1, 6):
            self.assertEqual([p for p in shards.select(more, build, k, 5) if p in paths],
                             shards.select(paths, build, k, 5))

    def test_bad_shard_specs_are_refused(self):
        for spec in ("0/3", "4/3", "1/0", "3", "a/b", ""):
            with self.assertRaises(ValueError, msg=spec):
                shards.parse(spec)
        proc = run([RUN, "--shard", "5/4", "-p", self.tmp])
        self.assertEqual(proc.returncode, 2, proc.stdout)
        self.assertIn("K must be between 1 and N", proc.stdout)


class ShardedRun(support.TempDirTest):
    """The orders sample, whose header finding is seen by two of its three units."""

    def setUp(self):
        super().setUp()
        self.project = os.path.join(self.tmp, "orders")
        shutil.copytree(os.path.join(support.INPUTS, "orders-sample"), self.project)
        run(["git", "init", "-q"], cwd=self.project, check=True)
        run(["cmake", "-S", ".", "-B", "build", "-G", "Ninja",
             "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON"], cwd=self.project, check=True)
        self.build = os.path.join(self.project, "build")
        self.units = [os.path.join(self.project, "src", n)
                      for n in ("clean.cpp", "session.cpp", "stream.cpp")]

    def tidy(self, *args):
        return run([RUN, "-p", "build", "-j", "2", "--progress", "lines"] + list(args),
                   cwd=self.project)

    def sarif(self, name, *args):
        path = os.path.join(self.tmp, name)
        proc = self.tidy("--export-sarif", path, *args)
        self.assertIn(proc.returncode, (0, 1), proc.stdout)
        with open(path) as f:
            return path, json.load(f), proc.stdout

    def shard_count_separating(self, a, b):
        """A shard count that puts units a and b in different shards."""
        for n in range(2, 12):
            if shards.shard_of(a, self.build, n) != shards.shard_of(b, self.build, n):
                return n
        self.fail("no shard count up to 11 separates %s and %s" % (a, b))

    def merged(self, n, name):
        logs, checked = [], []
        for k in range(1, n + 1):
            path, _, out = self.sarif("%s-%d.sarif" % (name, k), "--shard", "%d/%d" % (k, n))
            self.assertIn(", shard %d/%d of 3 " % (k, n), out)
            checked += re.findall(r"^\[\d+/\d+\] (src/\w+\.cpp): ", out, re.M)
            logs.append(path)
        out_path = os.path.join(self.tmp, name + ".sarif")
        proc = run([RUN, "--merge-sarif", out_path] + logs, cwd=self.project)
        self.assertEqual(proc.returncode, 0, proc.stdout)
        # The order of the inputs does not matter.
        reversed_path = os.path.join(self.tmp, name + "-reversed.sarif")
        run([RUN, "--merge-sarif", reversed_path] + logs[::-1], cwd=self.project, check=True)
        with open(out_path) as f, open(reversed_path) as g:
            merged = json.load(f)
            self.assertEqual(self.results(json.load(g)), self.results(merged))
        return out_path, merged, checked, proc.stdout

    @staticmethod
    def results(log):
        return sorted(json.dumps(r, sort_keys=True) for r in log["runs"][0]["results"])

    def test_merged_shards_equal_the_unsharded_run(self):
        _, whole, _ = self.sarif("whole.sarif")
        n = self.shard_count_separating(self.units[1], self.units[2])
        path, merged, checked, out = self.merged(n, "merged")
        # Every unit checked by exactly one shard.
        self.assertEqual(sorted(checked), ["src/clean.cpp", "src/session.cpp",
                                           "src/stream.cpp"])
        # session.cpp and stream.cpp each report the header's finding.
        self.assertIn("2 results (1 duplicate dropped)", out)
        self.assertEqual(sarif_validation.schema_errors(path), "")
        self.assertEqual(sarif_validation.validator_findings(path), [])
        self.assertEqual(len(merged["runs"]), 1)
        self.assertEqual(self.results(merged), self.results(whole))
        self.assertEqual(merged["runs"][0]["tool"]["driver"]["rules"],
                         whole["runs"][0]["tool"]["driver"]["rules"])
        self.assertEqual(merged["runs"][0]["originalUriBaseIds"],
                         whole["runs"][0]["originalUriBaseIds"])
        self.assertEqual(len(merged["runs"][0]["invocations"]), n)

    def test_identical_lines_seen_by_different_shards(self):
        # Two more leaks in the header on lines identical to readOnce's;
        # session.cpp does not see the first of them.
        header = os.path.join(self.project, "include", "orders", "upstream.h")
        with open(header) as f:
            text = f.read()
        extra = ("#ifndef ORDERS_NO_FIRST\n"
                 "inline void first(Upstream &up, std::stop_token shutdown) {\n"
                 "  %s\n}\n#endif\n"
                 "inline void second(Upstream &up, std::stop_token shutdown) {\n"
                 "  %s\n}\n" % (LEAK, LEAK))
        text = text.replace("} // namespace orders", extra + "\n} // namespace orders")
        with open(header, "w") as f:
            f.write(text)
        session = self.units[1]
        with open(session) as f:
            source = f.read()
        with open(session, "w") as f:
            f.write("#define ORDERS_NO_FIRST\n" + source)
        _, whole, _ = self.sarif("whole.sarif")
        prints = [r["partialFingerprints"]["ctxTidyFinding/v1"]
                  for r in whole["runs"][0]["results"]]
        self.assertEqual(len(prints), 4)
        self.assertEqual(len(set(prints)), 4)
        # In session.cpp's shard the third identical line ranks second;
        # fingerprints must be counted again over the merged results.
        n = self.shard_count_separating(session, self.units[2])
        _, merged, _, _ = self.merged(n, "merged")
        self.assertEqual(self.results(merged), self.results(whole))

    def test_logs_with_different_source_roots_are_not_merged(self):
        path, log, _ = self.sarif("one.sarif")
        log["runs"][0]["originalUriBaseIds"]["SRCROOT"]["uri"] = "file:///elsewhere/"
        other = os.path.join(self.tmp, "other.sarif")
        with open(other, "w") as f:
            json.dump(log, f)
        proc = run([RUN, "--merge-sarif", os.path.join(self.tmp, "out.sarif"), path, other])
        self.assertEqual(proc.returncode, 2, proc.stdout)
        self.assertIn("different source roots", proc.stdout)
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "out.sarif")))


if __name__ == "__main__":
    unittest.main()
