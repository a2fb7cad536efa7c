"""What the integration tests share: where things are, and running programs.

ctest passes CTX_SOURCE_DIR and CTX_BUILD_DIR (the build with
CtxTidyModule.so); scripts/ctx-tidy reads CTX_BUILD_DIR too.
"""

import os
import shutil
import subprocess
import tempfile
import unittest

SOURCE_DIR = os.environ.get("CTX_SOURCE_DIR") or os.path.abspath(
    os.path.join(os.path.dirname(__file__), "..", ".."))
BUILD_DIR = os.environ.get("CTX_BUILD_DIR") or os.path.join(SOURCE_DIR, "build")
os.environ["CTX_BUILD_DIR"] = BUILD_DIR
SCRIPTS = os.path.join(SOURCE_DIR, "scripts")
INPUTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "Inputs")
MODULE = os.path.join(BUILD_DIR, "CtxTidyModule.so")
CLANG_TIDY = os.environ.get("CTX_TEST_CLANG_TIDY") or shutil.which("clang-tidy-22") or \
    "/usr/lib/llvm-22/bin/clang-tidy"

# Exit status that ctest reports as "skipped" (SKIP_RETURN_CODE).
SKIP_EXIT = 77


def run(cmd, cwd=None, env=None, check=False, input=None):
    full_env = dict(os.environ)
    full_env.update(env or {})
    proc = subprocess.run(cmd, cwd=cwd, env=full_env, input=input, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if check and proc.returncode != 0:
        raise AssertionError("%s failed (%d):\n%s" % (" ".join(cmd), proc.returncode,
                                                      proc.stdout))
    return proc


def registered_checks():
    """The ctx checks the built module registers."""
    out = run([CLANG_TIDY, "-load=" + MODULE, "-checks=-*,ctx-*", "-list-checks"],
              check=True).stdout
    return {line.strip() for line in out.splitlines() if line.strip().startswith("ctx-")}


class TempDirTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="ctx-it-")
        self.addCleanup(shutil.rmtree, self.tmp, True)


def line_of(path, needle, nth=1):
    """1-based number of the nth line of `path` containing `needle`."""
    seen = 0
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if needle in line:
                seen += 1
                if seen == nth:
                    return number
    raise AssertionError("%r not in %s" % (needle, path))
