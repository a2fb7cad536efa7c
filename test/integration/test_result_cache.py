#!/usr/bin/env python3
"""The result cache (scripts/ctxtidy/result_cache.py), through scripts/ctx-tidy
with CTX_TIDY_CACHE and through run-ctx-tidy --cache: a hit replays exactly
what clang-tidy printed and exported, without running the checks; concurrent
fills leave one valid entry; a corrupted entry is run again, never replayed;
a change of source, header, configuration, module or clang-tidy misses, and
a change of nothing but timestamps hits."""

import glob
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import support  # noqa: E402
from support import run  # noqa: E402

sys.path.insert(0, support.SCRIPTS)
from ctxtidy import result_cache  # noqa: E402

CTX_TIDY = os.path.join(support.SCRIPTS, "ctx-tidy")
RUN = os.path.join(support.SCRIPTS, "run-ctx-tidy")
WARNING = "warning: temporary 'std::stop_callback' is destroyed"


class CacheTest(support.TempDirTest):
    def setUp(self):
        super().setUp()
        self.project = os.path.join(self.tmp, "orders")
        shutil.copytree(os.path.join(support.INPUTS, "orders-sample"), self.project)
        run(["cmake", "-S", ".", "-B", "build", "-G", "Ninja",
             "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON"], cwd=self.project, check=True)
        self.cache = os.path.join(self.tmp, "cache")
        self.stats = os.path.join(self.tmp, "stats")
        self.header = os.path.join(self.project, "include", "orders", "upstream.h")
        self.stream = os.path.join(self.project, "src", "stream.cpp")
        # A clang-tidy that logs each call, so a test can tell whether the
        # checks ran.
        self.tidy_log = os.path.join(self.tmp, "tidy-calls")
        self.tidy = os.path.join(self.tmp, "bin", "clang-tidy")
        os.makedirs(os.path.dirname(self.tidy))
        with open(self.tidy, "w") as f:
            f.write(textwrap.dedent("""\
                #!/bin/sh
                echo "$*" >> %s
                exec %s "$@"
                """ % (self.tidy_log, support.CLANG_TIDY)))
        os.chmod(self.tidy, 0o755)

    def env(self, cached=True, **extra):
        env = {"CTX_CLANG_TIDY": self.tidy, "CTX_TIDY_CACHE_STATS": self.stats}
        if cached:
            env["CTX_TIDY_CACHE"] = self.cache
        env.update(extra)
        return env

    def ctx_tidy(self, *args, cached=True, combined=False, export=True, **env):
        """(exit status, stdout, stderr, exported fixes or None) of scripts/ctx-tidy."""
        fixes = os.path.join(self.tmp, "fixes.yaml")
        if os.path.exists(fixes):
            os.unlink(fixes)
        cmd = [CTX_TIDY, "-p", "build"] + (["--export-fixes=" + fixes] if export else []) + \
            list(args or ["src/stream.cpp"])
        full_env = dict(os.environ)
        full_env.pop("CTX_TIDY_CACHE", None)
        full_env.update(self.env(cached, **env))
        proc = subprocess.run(cmd, cwd=self.project, env=full_env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT if combined else subprocess.PIPE)
        exported = None
        if os.path.exists(fixes):
            with open(fixes, "rb") as f:
                exported = f.read()
        return proc.returncode, proc.stdout, proc.stderr, exported

    def outcomes(self):
        """The cache's record of each run so far: ['miss', 'hit', ...]."""
        if not os.path.exists(self.stats):
            return []
        with open(self.stats) as f:
            return [line.split("\t")[0] for line in f]

    def analyses(self):
        """How many times clang-tidy ran the checks (not a query of the cache)."""
        if not os.path.exists(self.tidy_log):
            return 0
        with open(self.tidy_log) as f:
            return sum(1 for line in f if not any(q in line for q in (
                "--dump-config", "--list-checks", "--version")))

    def entries(self):
        return sorted(glob.glob(os.path.join(self.cache, "v1", "[0-9a-f][0-9a-f]", "*")))

    def edit(self, path, old, new):
        with open(path) as f:
            text = f.read()
        self.assertIn(old, text)
        with open(path, "w") as f:
            f.write(text.replace(old, new, 1))


class Replay(CacheTest):
    def check_replay(self, *args, combined=False):
        reference = self.ctx_tidy(*args, cached=False, combined=combined)
        self.assertEqual(self.outcomes(), [])
        first = self.ctx_tidy(*args, combined=combined)
        ran = self.analyses()
        second = self.ctx_tidy(*args, combined=combined)
        self.assertEqual(self.outcomes(), ["miss", "hit"])
        self.assertEqual(self.analyses(), ran, "the hit ran the checks")
        self.assertEqual(first, reference)
        self.assertEqual(second, reference)
        return reference

    def test_hit_replays_output_fixes_and_status(self):
        rc, out, err, fixes = self.check_replay()
        self.assertEqual(rc, 0)
        self.assertIn(b"src/stream.cpp:8:3: " + WARNING.encode(), out)
        self.assertIn(b"include/orders/upstream.h:19:3: " + WARNING.encode(), out)
        self.assertIn(b"warnings generated", err)
        self.assertIn(b"ReplacementText: 'std::stop_callback stopCallback'", fixes)

    def test_one_destination_for_both_streams(self):
        rc, out, err, _ = self.check_replay(combined=True)
        self.assertIsNone(err)
        self.assertIn(b"warnings generated", out)
        self.assertIn(WARNING.encode(), out)

    def test_failing_status_is_replayed(self):
        rc, out, _, _ = self.check_replay("--warnings-as-errors=ctx-*", "src/stream.cpp")
        self.assertEqual(rc, 1)
        self.assertIn(b"[ctx-temporary-callback,-warnings-as-errors]", out)

    def test_no_findings_and_no_fixes_file(self):
        rc, out, _, fixes = self.check_replay("src/clean.cpp")
        self.assertEqual((rc, out, fixes), (0, b"", None))

    def test_runs_it_cannot_replay_go_straight_to_clang_tidy(self):
        rc, out, _, _ = self.ctx_tidy("--fix", "src/clean.cpp")
        self.assertEqual(rc, 0)
        rc, out, _, _ = self.ctx_tidy("src/clean.cpp", "src/session.cpp")
        self.assertEqual(self.outcomes(), ["uncached", "uncached"])
        self.assertEqual(self.entries(), [])
        self.assertEqual(self.analyses(), 2)


class Keys(CacheTest):
    """Every input of the key, changed alone, misses; timestamps alone hit.
    One chain of changes: each run's entry is the next change's baseline."""

    def preprocessed(self):
        return run([support.CLANG_TIDY.replace("clang-tidy", "clang++"), "-std=c++20",
                    "-Iinclude", "-E", "src/stream.cpp"], cwd=self.project, check=True).stdout

    def step(self, expected, *args, **env):
        got = self.ctx_tidy(*args, **env)
        self.assertEqual(self.outcomes()[-1], expected, self.outcomes())
        self.assertEqual(got, self.ctx_tidy(*args, cached=False, **env))
        return got

    def test_each_input_of_the_key(self):
        self.step("miss")
        self.step("hit")
        with self.subTest("timestamps alone"):
            for path in (self.header, self.stream):
                os.utime(path, (1, 1))
            self.step("hit")
        with self.subTest("a comment in the source"):
            # clang -E drops it, but clang-tidy prints the flagged line.
            before = self.preprocessed()
            self.edit(self.stream, "up.abort(); });\n", "up.abort(); }); // TODO: keep it\n")
            self.assertEqual(self.preprocessed(), before)
            out = self.step("miss")[1]
            self.assertIn(b"up.abort(); }); // TODO: keep it\n", out)
        with self.subTest("a header"):
            self.edit(self.header, "// Leak:", "//\n// Leak:")
            self.assertIn(b"include/orders/upstream.h:20:3: ", self.step("miss")[1])
        with self.subTest("a macro on the command line"):
            self.step("miss", "--extra-arg=-DORDERS_FLAG=1", "src/stream.cpp")
        with self.subTest("configuration"):
            # Options only: the arguments stay the same.
            with open(os.path.join(self.project, ".clang-tidy"), "w") as f:
                f.write("CheckOptions:\n"
                        "  ctx-temporary-callback.CallbackTypes: 'orders::Hook'\n")
            self.step("miss")
        with self.subTest("enabled checks"):
            self.assertEqual(self.step("miss", "-checks=-*,ctx-static-storage",
                                       "src/stream.cpp")[1], b"")
        with self.subTest("clang-tidy's binary"):
            self.step("hit")
            with open(self.tidy, "a") as f:
                f.write("# rebuilt\n")
            self.step("miss")
        with self.subTest("a library clang-tidy loads"):
            # An LLVM update may replace libclang-cpp and not clang-tidy itself.
            libs = os.path.join(self.tmp, "lib")
            os.makedirs(libs)
            linked = run(["ldd", support.CLANG_TIDY], check=True).stdout
            name, original = re.search(r"^\s*(libedit\.so\S*) => (/\S+)", linked, re.M).groups()
            copy = os.path.join(libs, name)
            shutil.copy(original, copy)
            env = {"CTX_CLANG_TIDY": support.CLANG_TIDY, "LD_LIBRARY_PATH": libs}
            self.assertIn(copy, run(["ldd", support.CLANG_TIDY], env=env).stdout)
            self.step("miss", **env)
            self.step("hit", **env)
            with open(copy, "ab") as f:
                f.write(b"\0" * 16)
            self.step("miss", **env)
        with self.subTest("the module's content"):
            build = os.path.join(self.tmp, "ctx-build")
            os.makedirs(build)
            module = os.path.join(build, "CtxTidyModule.so")
            shutil.copy(support.MODULE, module)
            # A build names its LLVM in ctx-tidy-build.conf; scripts/ctx-tidy
            # loads a module only into the clang-tidy of that LLVM.
            shutil.copy(os.path.join(os.path.dirname(support.MODULE),
                                     "ctx-tidy-build.conf"), build)
            self.step("miss", CTX_BUILD_DIR=build)
            self.step("hit", CTX_BUILD_DIR=build)
            # Another build at the same path (trailing bytes change the file,
            # not what it does).
            with open(module, "ab") as f:
                f.write(b"\0" * 16)
            self.step("miss", CTX_BUILD_DIR=build)


class Entries(CacheTest):
    def test_concurrent_fills_leave_one_valid_entry(self):
        reference = self.ctx_tidy(cached=False)
        env = dict(os.environ)
        env.update(self.env())
        procs = [subprocess.Popen([CTX_TIDY, "-p", "build", "src/stream.cpp"], cwd=self.project,
                                  env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                 for _ in range(4)]
        results = [p.communicate() + (p.returncode,) for p in procs]
        for out, err, rc in results:
            self.assertEqual((rc, out, err), reference[:3])
        self.assertEqual(len(self.entries()), 1, self.entries())
        self.assertEqual(glob.glob(os.path.join(self.cache, "v1", "*", ".tmp-*")), [])
        self.assertEqual(self.ctx_tidy(export=False)[:3], reference[:3])
        self.assertEqual(self.outcomes()[-1], "hit")

    def test_store_from_many_writers_at_once(self):
        from concurrent.futures import ThreadPoolExecutor
        cache = result_cache.ResultCache(self.cache)
        key = "ab" * 32
        entries = [result_cache.Entry(i % 3, b"out %d\n" % i * 5000, b"err\n", None)
                   for i in range(16)]
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(lambda e: cache.store(key, "separate", e), entries))
        entry, broken = cache.load(key, "separate")
        self.assertFalse(broken)
        self.assertIn((entry.exit_status, entry.stdout),
                      [(e.exit_status, e.stdout) for e in entries])
        self.assertEqual(os.listdir(os.path.dirname(cache.path(key))), [key])

    def test_a_corrupted_entry_is_run_again_never_replayed(self):
        def swap_key(data):
            header_end = data.index(b"\n", len(result_cache.MAGIC))
            header = json.loads(data[len(result_cache.MAGIC):header_end])
            header["key"] = "0" * 64
            return result_cache.MAGIC + json.dumps(header).encode() + data[header_end:]
        damages = {
            "a flipped byte in the output": lambda d: d.replace(b"warning:", b"wArning:", 1),
            "truncated": lambda d: d[:len(d) // 2],
            "garbage": lambda d: b"\0" * len(d),
            "an entry of another key": swap_key,
        }
        reference = self.ctx_tidy(cached=False)
        self.ctx_tidy()
        for name, damage in damages.items():
            with self.subTest(name):
                [entry] = self.entries()
                with open(entry, "rb") as f:
                    data = f.read()
                with open(entry, "wb") as f:
                    f.write(damage(data))
                self.assertEqual(self.ctx_tidy(), reference)
                self.assertEqual(self.outcomes()[-1], "miss")
        # Written anew, and replayed from now on.
        self.assertEqual(self.ctx_tidy(), reference)
        self.assertEqual(self.outcomes(), ["miss"] * 5 + ["hit"])
        with self.subTest("damaged memos are computed again"):
            memos = glob.glob(os.path.join(self.cache, "v1", "memo", "*"))
            self.assertTrue(memos)
            for path in memos:
                with open(path, "r+b") as f:
                    f.write(b"{")
            self.assertEqual(self.ctx_tidy(), reference)
            self.assertEqual(self.outcomes()[-1], "hit")


class WholeProject(CacheTest):
    def run_all(self, *args):
        env = dict(self.env(cached=False), CTX_TIDY_CACHE_STATS="")
        return run([RUN, "-p", "build", "-j", "2", "--progress", "none"] + list(args),
                   cwd=self.project, env=env)

    def test_run_ctx_tidy_replays_findings_and_sarif(self):
        plain = self.run_all("--export-sarif", os.path.join(self.tmp, "plain.sarif"))
        cold = self.run_all("--cache", self.cache, "--export-sarif",
                         os.path.join(self.tmp, "cold.sarif"))
        ran = self.analyses()
        warm = self.run_all("--cache", self.cache, "--export-sarif",
                         os.path.join(self.tmp, "warm.sarif"))
        self.assertEqual(self.analyses(), ran)
        self.assertIn("cache: 0 hits, 3 misses", cold.stdout)
        self.assertIn("cache: 3 hits, 0 misses", warm.stdout)
        self.assertEqual(warm.returncode, plain.returncode)
        self.assertEqual(plain.returncode, 1)

        def findings(out):
            return sorted(line for line in out.splitlines() if ": warning: " in line)
        self.assertEqual(len(findings(plain.stdout)), 2)
        self.assertEqual(findings(warm.stdout), findings(plain.stdout))
        logs = []
        for name in ("plain", "warm"):
            with open(os.path.join(self.tmp, name + ".sarif")) as f:
                log = json.load(f)["runs"][0]
            log.pop("invocations")
            logs.append(log)
        self.assertEqual(logs[0], logs[1])

    def test_cmake_clang_tidy_gets_the_cache_too(self):
        build = os.path.join(self.tmp, "cmake-build")
        run(["cmake", "-S", self.project, "-B", build, "-G", "Ninja",
             "-DCMAKE_CXX_CLANG_TIDY=" + CTX_TIDY], check=True)
        env = self.env()
        first = run(["cmake", "--build", build], env=env, check=True)
        run(["cmake", "--build", build, "--target", "clean"], check=True)
        second = run(["cmake", "--build", build], env=env, check=True)
        self.assertEqual(self.outcomes(), ["miss"] * 3 + ["hit"] * 3)

        def warnings(out):
            return sorted(line for line in out.splitlines() if "warning:" in line)
        self.assertEqual(len(warnings(first.stdout)), 3)  # the header's twice
        self.assertEqual(warnings(second.stdout), warnings(first.stdout))


class KeyDocument(CacheTest):
    def test_print_key_names_what_the_key_is_made_of(self):
        env = dict(os.environ, CTX_CLANG_TIDY=self.tidy)
        key_cmd = [sys.executable, os.path.join(support.SCRIPTS, "ctxtidy", "result_cache.py"),
                   "--cache", self.cache, "--print-key", "--",
                   support.CLANG_TIDY, "-load=" + support.MODULE, "-checks=-*,ctx-*",
                   "-p", "build", "--export-fixes=/tmp/x.yaml", "src/stream.cpp"]
        proc = subprocess.run(key_cmd, cwd=self.project, env=env, capture_output=True,
                              text=True, check=True)
        text, key = proc.stdout.rstrip("\n").rsplit("\n", 1)
        doc = json.loads(text)
        self.assertRegex(key, r"^[0-9a-f]{64}$")
        self.assertEqual(doc["format"], "ctx-tidy-cache/1")
        self.assertIn("LLVM version", doc["clang-tidy"]["version"])
        self.assertEqual([p["path"] for p in doc["plugins"]], [support.MODULE])
        self.assertIn("--export-fixes=<export-fixes>", doc["arguments"])
        self.assertIn("ctx-temporary-callback", doc["enabled-checks"])
        self.assertIn("CheckOptions:", doc["config"])
        [unit] = doc["units"]
        files = dict(unit["files"])
        self.assertIn(self.header, files)
        self.assertIn(self.stream, files)
        self.assertTrue(any(p.endswith("/stop_token") for p in files), sorted(files))
        self.assertEqual(unit["directory"], os.path.join(self.project, "build"))
        # The same command gives the same key, and its entry is named by it.
        again = subprocess.run(key_cmd, cwd=self.project, env=env, capture_output=True,
                               text=True, check=True).stdout
        self.assertEqual(again.rstrip("\n").rsplit("\n", 1)[1], key)
        key_cmd.remove("--print-key")
        subprocess.run(key_cmd, cwd=self.project, env=env, capture_output=True, check=True)
        self.assertEqual(self.entries(), [os.path.join(self.cache, "v1", key[:2], key)])


if __name__ == "__main__":
    unittest.main()
