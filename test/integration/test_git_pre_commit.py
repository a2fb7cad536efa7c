#!/usr/bin/env python3
"""scripts/git-pre-commit in a real git repository, through `git commit`."""

import os
import shutil
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import support  # noqa: E402
from support import run, line_of  # noqa: E402

HOOK = os.path.join(support.SCRIPTS, "git-pre-commit")
MESSAGE = ("warning: temporary 'std::stop_callback' is destroyed at the end of the "
           "statement; its callback will never run [ctx-temporary-callback]")

SERVICE = """\
#include <stop_token>

void log_cancelled();

void old_handler(std::stop_token tok) {
  std::stop_callback(tok, [] { log_cancelled(); });
  int attempts = 0;
  (void)attempts;
}

void handler(std::stop_token tok) {
  std::stop_callback registration(tok, [] { log_cancelled(); });
  int retries = 0;
  (void)retries;
}
"""

LEAK = "  std::stop_callback(tok, [] { log_cancelled(); });\n"


class HookRepo(support.TempDirTest):
    """A repository with the hook installed and one committed file."""

    install = "symlink"  # "copy", or None for no hook

    def setUp(self):
        super().setUp()
        self.repo = os.path.join(self.tmp, "repo")
        os.makedirs(self.repo)
        self.git("init", "-q")
        self.git("config", "user.email", "dev@example.com")
        self.git("config", "user.name", "Dev")
        self.write("compile_flags.txt", "-std=c++20\n")
        self.write("service.cpp", SERVICE)
        self.git("add", ".")
        self.git("commit", "-q", "--no-verify", "-m", "start")
        hook = os.path.join(self.repo, ".git", "hooks", "pre-commit")
        if self.install is None:
            pass
        elif self.install == "symlink":
            os.symlink(HOOK, hook)
        else:
            shutil.copy(HOOK, hook)
            self.git("config", "ctx-tidy.path", os.path.join(support.SCRIPTS, "ctx-tidy"))

    def git(self, *args):
        return run(["git"] + list(args), cwd=self.repo, check=True).stdout

    def path(self, name):
        return os.path.join(self.repo, name)

    def write(self, name, text):
        os.makedirs(os.path.dirname(self.path(name)), exist_ok=True)
        with open(self.path(name), "w") as f:
            f.write(text)

    def read(self, name):
        with open(self.path(name)) as f:
            return f.read()

    def insert_after(self, name, anchor, text):
        content = self.read(name)
        self.assertIn(anchor, content)
        self.write(name, content.replace(anchor, anchor + text, 1))

    def commit(self, message="change"):
        """Runs `git commit` with the hook; returns (committed?, output)."""
        head = self.git("rev-parse", "HEAD")
        proc = run(["git", "commit", "-m", message], cwd=self.repo)
        committed = self.git("rev-parse", "HEAD") != head
        self.assertEqual(committed, proc.returncode == 0, proc.stdout)
        return committed, proc.stdout

    def assertReported(self, output, name, line):
        self.assertIn("%s:%d:3: %s" % (name, line, MESSAGE), output)


class CommitsThroughTheHook(HookRepo):
    def test_commit_adding_a_leak_is_refused(self):
        self.insert_after("service.cpp", "  int retries = 0;\n", LEAK)
        self.git("add", "service.cpp")
        committed, out = self.commit()
        self.assertFalse(committed)
        self.assertReported(out, "service.cpp", 14)
        self.assertIn("1 finding in changed code; commit refused", out)
        # The old leak in old_handler (line 6) is not part of this change.
        self.assertNotIn("service.cpp:6:", out)

    def test_clean_commit_passes(self):
        self.insert_after("service.cpp", "  int retries = 0;\n", "  ++retries;\n")
        self.write("worker.cpp", "#include <stop_token>\nvoid work(std::stop_token t) {\n"
                                 "  std::stop_callback keep(t, [] {});\n}\n")
        self.git("add", ".")
        committed, out = self.commit()
        self.assertTrue(committed, out)
        self.assertNotIn("warning:", out)

    def test_old_leak_in_untouched_function_does_not_block(self):
        # service.cpp's old_handler leaks since the first commit; this change
        # touches only handler.
        self.insert_after("service.cpp", "void handler(std::stop_token tok) {\n",
                          "  // Registered for the whole call.\n")
        self.git("add", "service.cpp")
        committed, out = self.commit()
        self.assertTrue(committed, out)

    def test_change_elsewhere_in_a_leaking_function_reports_its_leak(self):
        # The changed line is two lines below the leak: the function is what counts.
        self.insert_after("service.cpp", "  int attempts = 0;\n", "  ++attempts;\n")
        self.git("add", "service.cpp")
        committed, out = self.commit()
        self.assertFalse(committed)
        self.assertReported(out, "service.cpp", 6)

    def test_deleting_a_line_in_a_leaking_function_reports_its_leak(self):
        # No line is added: the deletion alone puts old_handler in the change.
        self.write("service.cpp", SERVICE.replace("  (void)attempts;\n", "", 1))
        self.git("add", "service.cpp")
        committed, out = self.commit()
        self.assertFalse(committed)
        self.assertReported(out, "service.cpp", 6)
        self.assertNotIn("service.cpp:12:", out)

    def test_new_file_with_a_leak_is_refused(self):
        self.write("src/stream.cpp", "#include <stop_token>\n\nvoid serve(std::stop_token t) {\n"
                                     + LEAK.replace("tok", "t").replace(" log_cancelled(); ", " ")
                                     + "}\n")
        self.git("add", ".")
        committed, out = self.commit()
        self.assertFalse(committed)
        self.assertIn("src/stream.cpp:4:3: " + MESSAGE, out)

    def test_leak_in_a_staged_header_is_refused(self):
        self.write("stream.h", "#pragma once\n#include <stop_token>\n\n"
                               "inline void serve(std::stop_token t) {\n"
                               "  std::stop_callback(t, [] {});\n}\n")
        self.git("add", "stream.h")
        committed, out = self.commit()
        self.assertFalse(committed)
        self.assertReported(out, "stream.h", 5)

    def test_the_staged_version_is_checked_not_the_working_tree(self):
        # Staged: a leak. Working tree: the leak removed again, not staged.
        self.insert_after("service.cpp", "  int retries = 0;\n", LEAK)
        self.git("add", "service.cpp")
        self.write("service.cpp", SERVICE)
        committed, out = self.commit()
        self.assertFalse(committed)
        self.assertReported(out, "service.cpp", 14)
        # The hidden copy of the staged file is gone again.
        self.assertEqual(sorted(os.listdir(self.repo)),
                         [".git", "compile_flags.txt", "service.cpp"])

    def test_unstaged_leak_does_not_block(self):
        self.insert_after("service.cpp", "void handler(std::stop_token tok) {\n", "  // note\n")
        self.git("add", "service.cpp")
        self.insert_after("service.cpp", "  int retries = 0;\n", LEAK)
        committed, out = self.commit()
        self.assertTrue(committed, out)
        self.assertIn(LEAK, self.read("service.cpp"))  # the working tree is untouched

    def test_source_that_does_not_compile_is_refused(self):
        self.insert_after("service.cpp", "  int retries = 0;\n", "  undeclared_call();\n")
        self.git("add", "service.cpp")
        committed, out = self.commit()
        self.assertFalse(committed)
        self.assertIn("service.cpp does not compile", out)
        self.assertIn("use of undeclared identifier 'undeclared_call'", out)


class CopiedHook(HookRepo):
    install = "copy"

    def test_copied_hook_finds_ctx_tidy_through_git_config(self):
        self.insert_after("service.cpp", "  int retries = 0;\n", LEAK)
        self.git("add", "service.cpp")
        committed, out = self.commit()
        self.assertFalse(committed)
        self.assertReported(out, "service.cpp", 14)


class CompileCommandsInBuildDir(HookRepo):
    """Flags from build/compile_commands.json: the include path is only there."""

    def setUp(self):
        super().setUp()
        os.remove(self.path("compile_flags.txt"))
        self.write("include/orders/upstream.h",
                   "#pragma once\n#include <stop_token>\nstruct Upstream { void abort(); };\n")
        self.write("src/stream.cpp", '#include "orders/upstream.h"\n\n'
                   "void serve(Upstream &up, std::stop_token t) {\n"
                   "  std::stop_callback keep(t, [&up] { up.abort(); });\n}\n")
        src = self.path("src/stream.cpp")
        self.write("build/compile_commands.json",
                   '[{"directory": "%s", "file": "%s", "arguments": ["clang++", "-std=c++20",'
                   ' "-I%s", "-c", "%s"]}]\n' % (self.path("build"), src,
                                                   self.path("include"), src))
        self.git("add", "include", "src")
        self.git("commit", "-q", "--no-verify", "-m", "stream")

    def test_leak_found_with_flags_from_the_compilation_database(self):
        self.insert_after("src/stream.cpp", "void serve(Upstream &up, std::stop_token t) {\n",
                          "  std::stop_callback(t, [&up] { up.abort(); });\n")
        self.git("add", "src/stream.cpp")
        committed, out = self.commit()
        self.assertFalse(committed, out)
        self.assertReported(out, "src/stream.cpp", 4)
        self.assertNotIn("does not compile", out)


@unittest.skipUnless(shutil.which("pre-commit"), "the pre-commit framework is not installed "
                     "(Debian package pre-commit; scripts/setup installs it)")
class PreCommitFramework(HookRepo):
    """The `ctx-tidy` hook of .pre-commit-hooks.yaml, run by the framework."""

    install = None

    def setUp(self):
        super().setUp()
        # try-repo clones the ctx-tidy repository; CTX_TIDY points the clone at
        # this build instead of building its own.
        self.env = {"CTX_TIDY": os.path.join(support.SCRIPTS, "ctx-tidy"),
                    "PRE_COMMIT_HOME": os.path.join(self.tmp, "pre-commit-cache")}

    def try_repo(self):
        return run(["pre-commit", "try-repo", support.SOURCE_DIR, "ctx-tidy"],
                   cwd=self.repo, env=self.env)

    def test_framework_refuses_a_leak_and_passes_clean_code(self):
        self.insert_after("service.cpp", "  int retries = 0;\n", LEAK)
        self.git("add", "service.cpp")
        proc = self.try_repo()
        self.assertNotEqual(proc.returncode, 0, proc.stdout)
        self.assertReported(proc.stdout, "service.cpp", 14)
        self.assertNotIn("service.cpp:6:", proc.stdout)

        self.write("service.cpp", SERVICE.replace("int retries = 0;", "int retries = 1;"))
        self.git("add", "service.cpp")
        proc = self.try_repo()
        self.assertEqual(proc.returncode, 0, proc.stdout)
        self.assertIn("Passed", proc.stdout)


if __name__ == "__main__":
    unittest.main()
