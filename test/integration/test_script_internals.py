#!/usr/bin/env python3
"""The pieces of scripts/ctxtidy and scripts/git-pre-commit, one at a time."""

import hashlib
import importlib.machinery
import importlib.util
import os
import re
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import support  # noqa: E402
from support import run  # noqa: E402

sys.path.insert(0, support.SCRIPTS)
from ctxtidy import exported_fixes  # noqa: E402
from ctxtidy.code_units import find_units  # noqa: E402
from ctxtidy import corpus  # noqa: E402


def load_script(name):
    module_name = name.replace("-", "_")
    loader = importlib.machinery.SourceFileLoader(
        module_name, os.path.join(support.SCRIPTS, name))
    spec = importlib.util.spec_from_loader(module_name, loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def load_hook():
    return load_script("git-pre-commit")


class ExportedFixes(support.TempDirTest):
    def export(self, source, checks, load=False):
        path = os.path.join(self.tmp, "input.cpp")
        with open(path, "wb") as f:
            f.write(source.encode("utf-8"))
        yaml_path = os.path.join(self.tmp, "fixes.yaml")
        cmd = [support.CLANG_TIDY, "-checks=-*," + checks, "--export-fixes=" + yaml_path,
               path, "--", "-std=c++20"]
        if load:
            cmd.insert(1, "-load=" + support.MODULE)
        run(cmd)
        with open(yaml_path, encoding="utf-8") as f:
            return path, f.read()

    def test_ctx_finding_with_fix(self):
        path, text = self.export("#include <stop_token>\nvoid f(std::stop_token t) {\n"
                                 "  std::stop_callback(t, [] {});\n}\n",
                                 "ctx-temporary-callback", load=True)
        findings = exported_fixes.findings_from_yaml(text)
        self.assertEqual(len(findings), 1)
        f = findings[0]
        self.assertEqual((f.check, f.level, f.location.path), ("ctx-temporary-callback",
                                                               "warning", path))
        exported_fixes.SourceCache().resolve(f.location)
        self.assertEqual((f.location.line, f.location.column), (3, 3))
        self.assertEqual([(r.length, r.text) for r in f.replacements],
                         [(18, "std::stop_callback stopCallback")])
        self.assertIn("'std::stop_callback'", f.message)

    def test_double_quoted_and_non_ascii_text(self):
        _, text = self.export("void f();\nvoid g(int x) {\n  if (x)\n    f(); // caf\u00e9\n}\n",
                              "readability-braces-around-statements")
        self.assertIn('"\\n}"', text)
        finding = exported_fixes.findings_from_yaml(text)[0]
        self.assertEqual([r.text for r in finding.replacements], [" {", "\n}"])

    def test_agrees_with_a_full_yaml_parser(self):
        try:
            import yaml
        except ImportError:
            self.skipTest("PyYAML is not installed")
        for source, checks in (("void f();\nvoid g(int x) {\n  if (x)\n    f();\n}\n",
                                "readability-braces-around-statements"),
                               ("#include <map>\n#include <vector>\nstd::vector<int> v;\n",
                                "misc-include-cleaner,readability-identifier-length")):
            _, text = self.export(source, checks)
            self.assertEqual(exported_fixes.parse_yaml(text), yaml.safe_load(text))

    def test_scalars(self):
        self.assertEqual(exported_fixes.parse_yaml(
            "A: 'it''s'\nB: \"tab\\there \\u00e9\"\nC: []\nD: 42\nE: plain text\n"),
            {"A": "it's", "B": "tab\there \u00e9", "C": [], "D": 42, "E": "plain text"})


class CodeUnits(unittest.TestCase):
    def units(self, text):
        return [(u.start, u.end) for u in find_units(text)]

    def test_functions_methods_and_containers(self):
        text = """\
#include <x>
namespace a::b {
struct S : Base<int> {
  S(int x) : a{x},
             b(x) {
    f("}{");
  }
  int h() { return '{'; }
  int a, b;
};
enum class E : int { A, B };
template <class T> void t(T) {
  auto l = [] { return 1; };
}
struct X *make(int) {
  return R"x({)x";
}
extern "C" {
void c(void) {
}
}
} // namespace a::b
void S::g() const
{
  // }
}
"""
        self.assertEqual(self.units(text), [(4, 7), (8, 8), (12, 14), (15, 17), (19, 20),
                                            (23, 26)])

    def test_preprocessor_and_comments_do_not_confuse_braces(self):
        text = "#define OPEN {\n/* } */\nvoid f() {\n  // {\n}\nint g() { return 1'000; }\n"
        self.assertEqual(self.units(text), [(3, 5), (6, 6)])

    def test_unbalanced_input_gives_a_unit_to_the_end(self):
        self.assertEqual(self.units("void f() {\n  if (x) {\n"), [(1, 3)])


class ChangedCode(unittest.TestCase):
    hook = load_hook()

    def test_parse_diff_and_widening(self):
        diff = """\
diff --git a/s.cpp b/s.cpp
--- a/s.cpp
+++ b/s.cpp
@@ -3 +3 @@ void f() {
-  a();
+  b();
@@ -10,2 +9,0 @@ void g() {
-  stop();
-  stop();
diff --git a/new.h b/new.h
--- /dev/null
+++ b/new.h
@@ -0,0 +1,2 @@
+x
+y
"""
        changes = self.hook.parse_diff(diff)
        self.assertEqual(sorted(changes), ["new.h", "s.cpp"])
        s = changes["s.cpp"]
        self.assertEqual((s.lines, s.deletions), ({3}, [9]))
        units = find_units("void f() {\n  int x;\n  b();\n}\n\nint n;\nvoid g() {\n"
                           "  int y;\n  z();\n}\nvoid h() {\n}\n")
        self.assertTrue(s.touches(2, units))    # f: line 3 changed
        self.assertTrue(s.touches(8, units))    # g: lines deleted after line 9
        self.assertFalse(s.touches(6, units))   # between functions
        self.assertFalse(s.touches(11, units))  # h: untouched
        self.assertEqual(changes["new.h"].lines, {1, 2})


class GitHubActionsSample(unittest.TestCase):
    def test_workflow_runs_the_checks_and_uploads_sarif(self):
        try:
            import yaml
        except ImportError:
            self.skipTest("PyYAML is not installed")
        with open(os.path.join(support.SOURCE_DIR, "docs", "github-actions.yml")) as f:
            workflow = yaml.safe_load(f)
        steps = workflow["jobs"]["ctx-tidy"]["steps"]
        run_step = next(s for s in steps if "run-ctx-tidy" in s.get("run", ""))
        upload = next(s for s in steps if s.get("uses", "").startswith(
            "github/codeql-action/upload-sarif@"))
        self.assertEqual(upload["if"], "always()")
        words = run_step["run"].split()
        sarif = words[words.index("--export-sarif") + 1]
        self.assertEqual(os.path.normpath(os.path.join(run_step["working-directory"], sarif)),
                         upload["with"]["sarif_file"])
        usage = run([os.path.join(support.SCRIPTS, "run-ctx-tidy"), "--help"]).stdout
        for word in words:
            if word.startswith("-"):
                self.assertIn(word, usage)
        self.assertEqual(workflow["permissions"]["security-events"], "write")

    def test_sharded_workflow_merges_every_shard(self):
        try:
            import yaml
        except ImportError:
            self.skipTest("PyYAML is not installed")
        with open(os.path.join(support.SOURCE_DIR, "docs", "github-actions-sharded.yml")) as f:
            workflow = yaml.safe_load(f)
        shard_job, merge_job = workflow["jobs"]["ctx-tidy"], workflow["jobs"]["merge"]
        shard_list = shard_job["strategy"]["matrix"]["shard"]
        self.assertEqual(shard_list, list(range(1, int(shard_job["env"]["SHARDS"]) + 1)))
        run_step = next(s for s in shard_job["steps"] if "run-ctx-tidy" in s.get("run", ""))
        self.assertIn("--shard ${{ matrix.shard }}/${{ env.SHARDS }}", run_step["run"])
        words = run_step["run"].split()
        exported = re.search(r"--export-sarif (.+?\.sarif)", run_step["run"]).group(1)
        sarif = os.path.normpath(os.path.join(run_step["working-directory"], exported))
        keep = next(s for s in shard_job["steps"]
                    if s.get("uses", "").startswith("actions/upload-artifact@"))
        self.assertEqual((keep["if"], keep["with"]["path"]), ("always()", sarif))
        self.assertEqual((merge_job["needs"], merge_job["if"]), ("ctx-tidy", "always()"))
        merge = next(s for s in merge_job["steps"] if "--merge-sarif" in s.get("run", ""))
        merge_words = merge["run"].split()
        upload = next(s for s in merge_job["steps"] if s.get("uses", "").startswith(
            "github/codeql-action/upload-sarif@"))
        self.assertEqual(merge_words[merge_words.index("--merge-sarif") + 1],
                         upload["with"]["sarif_file"])
        usage = run([os.path.join(support.SCRIPTS, "run-ctx-tidy"), "--help"]).stdout
        for word in words + merge_words:
            if word.startswith("-"):
                self.assertIn(word, usage)


class VerifiedDownload(support.TempDirTest):
    """fetch-corpus takes a tarball from another suite only when it matches
    the size and SHA-256 of apt's signed index."""

    def setUp(self):
        super().setUp()
        self.fetch = load_script("fetch-corpus")
        self.src = os.path.join(self.tmp, "pkg_1.0.orig.tar.xz")
        with open(self.src, "wb") as f:
            f.write(b"upstream sources\n" * 100)
        self.sha = hashlib.sha256(open(self.src, "rb").read()).hexdigest()
        self.size = os.path.getsize(self.src)
        self.url = "file://" + self.src
        self.dest = os.path.join(self.tmp, "cache.tar.xz")

    def test_matching_file_is_kept(self):
        self.fetch.fetch_verified(self.url, self.size, self.sha, self.dest)
        self.assertEqual(open(self.dest, "rb").read(), open(self.src, "rb").read())

    def test_wrong_checksum_or_size_is_refused(self):
        for size, sha in ((self.size, "0" * 64), (self.size + 1, self.sha)):
            with self.assertRaises(SystemExit):
                self.fetch.fetch_verified(self.url, size, sha, self.dest)
            self.assertFalse(os.path.exists(self.dest))
            self.assertFalse(os.path.exists(self.dest + ".part"))


class ArchiveUri(support.TempDirTest):
    """fetch-corpus takes another suite from the archive the machine uses,
    whichever format apt is configured in."""

    def write(self, name, text):
        path = os.path.join(self.tmp, name)
        with open(path, "w") as f:
            f.write(text)
        return path

    def test_deb822_and_one_line_entries(self):
        fetch = load_script("fetch-corpus")
        deb822 = self.write("debian.sources",
                            "Types: deb\nURIs: http://mirror.example/debian/ "
                            "http://other.example/debian\nSuites: bookworm\n")
        one_line = self.write("sources.list",
                              "# comment\ndeb [arch=amd64] http://ftp.example/debian "
                              "bookworm main\n")
        self.assertEqual(fetch.archive_uri(([deb822], [one_line])),
                         "http://mirror.example/debian")
        self.assertEqual(fetch.archive_uri(([], [one_line])), "http://ftp.example/debian")
        self.assertEqual(fetch.archive_uri(([], [])), "http://deb.debian.org/debian")


class CorpusSample(unittest.TestCase):
    """The ctest sample is the same wherever the corpus lives."""

    def units(self, root):
        out = []
        for fam in ("asio", "std"):
            for i in range(20):
                rel = "%s/pkg/test_%02d.cpp" % (fam, i)
                out.append({"family": fam, "rel": rel, "file": os.path.join(root, rel),
                            "uses": i % 3, "async_uses": i % 5})
        return out

    def test_same_sample_under_any_root(self):
        a = [u["rel"] for u in corpus.sample(self.units("/work/a/build/corpus/src"), 8)]
        b = [u["rel"] for u in corpus.sample(self.units("/tmp/ci-clone/build/corpus/src"), 8)]
        self.assertEqual(len(a), 16)
        self.assertEqual(a, b)


class SkipLogic(unittest.TestCase):
    def test_registered_checks_lists_the_module_checks(self):
        checks = support.registered_checks()
        self.assertIn("ctx-temporary-callback", checks)
        self.assertTrue(all(c.startswith("ctx-") for c in checks))

    def test_deleted_cancel_test_skips_or_runs_as_the_module_says(self):
        script = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                              "test_git_pre_commit_deleted_cancel.py")
        if "ctx-undeferred-cancel" in support.registered_checks():
            self.skipTest("ctx-undeferred-cancel is registered: the test runs for real")
        proc = run([sys.executable, script])
        self.assertEqual(proc.returncode, support.SKIP_EXIT, proc.stdout)
        self.assertIn("SKIPPED: ctx-undeferred-cancel is not registered", proc.stdout)


if __name__ == "__main__":
    unittest.main()
