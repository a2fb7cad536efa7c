#!/usr/bin/env python3
"""The Debian package, built the way a release is: `cpack -G DEB` in the
build folder. Checks its name, metadata (dpkg-deb -I) and file list
(dpkg-deb -c), then extracts it into a temporary root (dpkg-deb -x, nothing
is installed on the machine) and runs the extracted tools from there, with
none of the checkout's environment, the way a user runs them from PATH.

    test_deb_package.py --build-dir build --source-dir . --version 0.1.0 \\
        --llvm 22 --clang-tidy /usr/lib/llvm-22/bin/clang-tidy
"""

import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

ARGS = None
# The README's example findings: one from each check.
EXPECTED_FINDINGS = [
    "audit_registry.cpp:32:5: warning: request token is stored in static container "
    "'tokens' and never removed [ctx-static-storage]",
    "audit_workers.cpp:34:19: warning: token 'RequestTok' captured by reference may be "
    "destroyed while a detached thread still uses it [ctx-detached-ref-capture]",
    "order_fanout.cpp:45:22: warning: cancel handle 'src' is not cancelled on every "
    "path; tasks waiting on its token may never stop [ctx-undeferred-cancel]",
    "shutdown_hooks.cpp:28:5: warning: temporary 'std::stop_callback' is destroyed at "
    "the end of the statement; its callback will never run [ctx-temporary-callback]",
]


def run(cmd, cwd=None, env=None, check=True):
    proc = subprocess.run(cmd, cwd=cwd, env=env, text=True, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT)
    if check and proc.returncode != 0:
        raise AssertionError("%s failed (%d):\n%s" % (" ".join(cmd), proc.returncode,
                                                      proc.stdout))
    return proc


def clean_env(path_first=None):
    """The environment of a user who installed the package: none of the
    variables that point the scripts at a checkout or a build."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CTX_")}
    if path_first:
        env["PATH"] = path_first + os.pathsep + env.get("PATH", "")
    return env


class DebPackage(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="ctx-deb-")
        out = os.path.join(cls.tmp, "out")
        run(["cpack", "-G", "DEB", "-B", out], cwd=ARGS.build_dir)
        cls.debs = sorted(glob.glob(os.path.join(out, "*.deb")))
        arch = run(["dpkg", "--print-architecture"]).stdout.strip()
        cls.name = "ctx-tidy-llvm%s" % ARGS.llvm
        cls.file_name = "%s_%s_%s.deb" % (cls.name, ARGS.version, arch)
        cls.arch = arch
        cls.deb = os.path.join(out, cls.file_name)
        cls.root = os.path.join(cls.tmp, "root")
        if os.path.isfile(cls.deb):
            run(["dpkg-deb", "-x", cls.deb, cls.root])

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, True)

    def setUp(self):
        self.assertEqual([os.path.basename(d) for d in self.debs], [self.file_name])

    # Metadata -------------------------------------------------------------

    def control(self):
        fields = {}
        out = run(["dpkg-deb", "-f", self.deb]).stdout
        for m in re.finditer(r"^(\S+): (.*(?:\n .*)*)", out, re.M):
            fields[m.group(1)] = m.group(2)
        return fields

    def test_metadata(self):
        info = run(["dpkg-deb", "-I", self.deb]).stdout
        self.assertIn(" Package: %s\n" % self.name, info)
        fields = self.control()
        self.assertEqual(fields["Package"], self.name)
        self.assertEqual(fields["Version"], ARGS.version)
        self.assertEqual(fields["Architecture"], self.arch)
        self.assertEqual(fields["Provides"], "ctx-tidy")
        self.assertEqual(fields["Conflicts"], "ctx-tidy")
        self.assertIn("LLVM %s" % ARGS.llvm, fields["Description"])

    def test_depends_names_the_packages_of_its_llvm(self):
        depends = [d.strip() for d in self.control()["Depends"].split(",")]
        names = [re.match(r"[a-z0-9][a-z0-9.+-]*", d).group(0) for d in depends]
        for needed in ("clang-tidy-" + ARGS.llvm, "python3", "libclang-cpp" + ARGS.llvm,
                       "libllvm" + ARGS.llvm):
            self.assertIn(needed, names)
        # Every name is a real package: this machine built the binaries, so it
        # has each of them installed.
        for name in names:
            status = run(["dpkg-query", "-W", "-f=${Status}", name], check=False).stdout
            self.assertIn("install ok installed", status, name)
        # Nothing of another LLVM.
        for name in names:
            m = re.match(r"(?:clang-tidy-|libclang-cpp|libllvm)(\d+)", name)
            if m:
                self.assertEqual(m.group(1), ARGS.llvm, name)

    # Files ----------------------------------------------------------------

    def listing(self):
        """path -> link target (or None) of every file and link in the package."""
        entries = {}
        for line in run(["dpkg-deb", "-c", self.deb]).stdout.splitlines():
            if line.startswith("d"):
                continue
            path = line.split(None, 5)[5]
            target = None
            if " -> " in path:
                path, target = path.split(" -> ", 1)
            entries[path[1:] if path.startswith("./") else path] = target
        return entries

    def test_file_list(self):
        files = self.listing()
        llvm_dir = "/usr/lib/ctx-tidy/llvm-%s/" % ARGS.llvm
        scripts = "/usr/lib/ctx-tidy/scripts/"
        expected = {
            llvm_dir + "CtxTidyModule.so": None,
            llvm_dir + "ctx-tidy-build.conf": None,
            "/usr/bin/ctx-tidy": "../lib/ctx-tidy/scripts/ctx-tidy",
            "/usr/bin/run-ctx-tidy": "../lib/ctx-tidy/scripts/run-ctx-tidy",
            "/usr/bin/ctx-clangd-setup": "../lib/ctx-tidy/scripts/ctx-clangd-setup",
            "/usr/include/ctx/annotations.h": None,
            "/usr/share/doc/ctx-tidy/README.md": None,
            "/usr/share/doc/ctx-tidy/CONTRIBUTING.md": None,
        }
        for script in ("ctx-tidy", "run-ctx-tidy", "git-pre-commit", "ctx-clangd-setup"):
            expected[scripts + script] = None
        for py in glob.glob(os.path.join(ARGS.source_dir, "scripts", "ctxtidy", "*.py")):
            expected[scripts + "ctxtidy/" + os.path.basename(py)] = None
        for folder in ("docs", "examples"):
            base = os.path.join(ARGS.source_dir, folder)
            for dirpath, _, names in os.walk(base):
                for n in names:
                    rel = os.path.relpath(os.path.join(dirpath, n), ARGS.source_dir)
                    expected["/usr/share/doc/ctx-tidy/" + rel] = None
        if ARGS.standalone:
            expected[llvm_dir + "ctx-tidy"] = None
        if ARGS.clangd:
            expected["/usr/bin/ctx-clangd"] = None
        self.assertEqual(files, expected)

    def test_binaries_have_no_build_paths(self):
        # No RUNPATH into the build machine's folders: the libraries come from
        # the packages named in Depends.
        for binary in ("usr/lib/ctx-tidy/llvm-%s/ctx-tidy" % ARGS.llvm, "usr/bin/ctx-clangd",
                       "usr/lib/ctx-tidy/llvm-%s/CtxTidyModule.so" % ARGS.llvm):
            path = os.path.join(self.root, binary)
            if not os.path.exists(path):
                continue
            dyn = run(["readelf", "-d", path]).stdout
            self.assertNotIn("RUNPATH", dyn, binary)
            self.assertNotIn("RPATH", dyn, binary)

    # The extracted tools --------------------------------------------------

    def examples(self):
        return sorted(glob.glob(os.path.join(self.root, "usr/share/doc/ctx-tidy/examples/*.cpp")))

    def check_findings(self, output):
        for finding in EXPECTED_FINDINGS:
            self.assertIn(finding, output)

    def test_ctx_tidy_from_path(self):
        env = clean_env(os.path.join(self.root, "usr/bin"))
        include = "-I" + os.path.join(self.root, "usr/include")
        proc = run(["ctx-tidy"] + self.examples() + ["--", "-std=c++20", include],
                   cwd=self.tmp, env=env, check=False)
        self.check_findings(proc.stdout)
        self.assertEqual(proc.returncode, 0, proc.stdout)

    def test_extracted_module_loads_into_clang_tidy(self):
        env = clean_env()
        env["CTX_CLANG_TIDY"] = ARGS.clang_tidy
        include = "-I" + os.path.join(self.root, "usr/include")
        proc = run([os.path.join(self.root, "usr/bin/ctx-tidy")] + self.examples() +
                   ["--", "-std=c++20", include], cwd=self.tmp, env=env, check=False)
        self.check_findings(proc.stdout)

    def test_version(self):
        proc = run([os.path.join(self.root, "usr/bin/ctx-tidy"), "--version"],
                   env=clean_env())
        self.assertRegex(proc.stdout, r"ctx-tidy %s for LLVM %s\b" % (
            re.escape(ARGS.version), ARGS.llvm))

    def test_run_ctx_tidy_over_a_project(self):
        project = os.path.join(self.tmp, "project")
        os.makedirs(project, exist_ok=True)
        source = os.path.join(project, "hooks.cpp")
        shutil.copy(os.path.join(self.root, "usr/share/doc/ctx-tidy/examples/shutdown_hooks.cpp"),
                    source)
        with open(os.path.join(project, "compile_commands.json"), "w") as f:
            f.write('[{"directory": "%s", "file": "%s", "command": "c++ -std=c++20 -c %s"}]'
                    % (project, source, source))
        proc = run([os.path.join(self.root, "usr/bin/run-ctx-tidy"), "-p", project,
                    "--progress", "none"], cwd=project, env=clean_env(), check=False)
        self.assertIn("[ctx-temporary-callback]", proc.stdout)
        self.assertEqual(proc.returncode, 1, proc.stdout)

    def test_clangd_setup_names_the_extracted_clangd(self):
        if not ARGS.clangd:
            self.skipTest("built without ctx-clangd")
        config = os.path.join(self.tmp, "clangd-config.yaml")
        proc = run([os.path.join(self.root, "usr/bin/ctx-clangd-setup"), "--config", config],
                   env=clean_env())
        self.assertIn(os.path.join(self.root, "usr/bin/ctx-clangd"), proc.stdout)
        proc = run([os.path.join(self.root, "usr/bin/ctx-clangd"), "--version"],
                   env=clean_env())
        self.assertIn("clangd version %s." % ARGS.llvm, proc.stdout)

    def test_pre_commit_hook_finds_its_code(self):
        proc = run([os.path.join(self.root, "usr/lib/ctx-tidy/scripts/git-pre-commit"),
                    "--help"], env=clean_env())
        self.assertIn("usage:", proc.stdout)


def main():
    global ARGS
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--build-dir", required=True)
    parser.add_argument("--source-dir", required=True)
    parser.add_argument("--version", required=True)
    parser.add_argument("--llvm", required=True)
    parser.add_argument("--clang-tidy", required=True)
    parser.add_argument("--standalone", action="store_true", help="ctx-tidy binary was built")
    parser.add_argument("--clangd", action="store_true", help="ctx-clangd was built")
    ARGS, rest = parser.parse_known_args()
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)


if __name__ == "__main__":
    main()
