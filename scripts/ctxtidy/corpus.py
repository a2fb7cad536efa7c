"""Shared by the scripts and tests that run ctx-tidy over the real-code corpus.

The corpus itself is made by scripts/fetch-corpus under build/corpus: the
source files (never committed), compile_commands.json and manifest.json, which
lists every translation unit with its library family and how often its main
file mentions a catalogue type.
"""

import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LLVM = os.environ.get("CTX_LLVM_VERSION", "22")


def default_build_dir():
    return os.environ.get("CTX_BUILD_DIR", os.path.join(ROOT, "build"))


def default_corpus_dir():
    return os.environ.get("CTX_CORPUS_DIR",
                          os.path.join(default_build_dir(), "corpus"))


def find_tool(name):
    """clang-tidy-22 / clang++-22, falling back to LLVM's bin directory."""
    for candidate in (name + "-" + LLVM,
                      "/usr/lib/llvm-%s/bin/%s" % (LLVM, name)):
        path = shutil.which(candidate)
        if path:
            return path
    sys.exit("ctx-corpus: %s-%s not found (run scripts/setup)" % (name, LLVM))


def jobs():
    return int(os.environ.get("CTX_JOBS", os.cpu_count() or 2))


# --- the catalogue -----------------------------------------------------------

# Which corpus family a catalogue namespace belongs to.
NAMESPACE_FAMILY = {"std": "std", "boost": "asio", "grpc": "grpc",
                    "tbb": "tbb", "pplx": "pplx", "folly": "folly",
                    "cppcoro": "cppcoro", "unifex": "unifex",
                    "stdexec": "stdexec", "seastar": "seastar"}


def catalogue_types():
    """The context types of lib/ContextModel.cpp's built-in catalogue (scope
    guards left out), read from the source so the two never drift:
    [("std::stop_token", "Token"), ...]."""
    text = open(os.path.join(ROOT, "lib", "ContextModel.cpp")).read()
    rows = re.findall(r'\{CR::(\w+),\s*"([\w:]+)"', text)
    return [(name, role) for role, name in rows if role != "ScopeGuard"]


def use_pattern(exclude=(), extra=()):
    """A regex matching the unqualified name of every catalogue context type
    as a whole word (so get_stop_token and CallbackServerContext are not
    counted as stop_token and ServerContext), less the names in exclude (a
    package's own classes that happen to share one), plus the names in extra
    (a project's own context types, configured through .clang-tidy)."""
    names = sorted(({n.split("::")[-1] for n, _ in catalogue_types()} - set(exclude)) |
                   {n.split("::")[-1] for n in extra},
                   key=len, reverse=True)
    return re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, names)))


_COMMENT_OR_STRING = re.compile(
    r'//[^\n]*|/\*.*?\*/|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'', re.S)


def strip_comments_and_strings(text):
    return _COMMENT_OR_STRING.sub(
        lambda m: "\n" * m.group(0).count("\n") if m.group(0)[0] == "/" else '""',
        text)


def count_uses(path, pattern=None):
    pattern = pattern or use_pattern()
    try:
        text = open(path, errors="replace").read()
    except OSError:
        return 0
    return len(pattern.findall(strip_comments_and_strings(text)))


# --- the manifest ------------------------------------------------------------

def load_manifest(corpus_dir=None):
    corpus_dir = corpus_dir or default_corpus_dir()
    path = os.path.join(corpus_dir, "manifest.json")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def stable_hash(text):
    return hashlib.sha1(text.encode()).hexdigest()


def sample(units, per_family):
    """A deterministic sample that covers every family: per family, the half
    with the most catalogue uses (then the most uses of threads and
    asynchronous work), then the rest by a stable hash of the path (so the
    sample does not drift when files are added elsewhere). Paths are taken
    relative to the corpus, so the sample is the same wherever the corpus
    lives (a CI checkout, a developer's tree). A family whose
    units carry "sample" (the application families, whose TUs are large)
    gives at most that many. Units marked "sampled": False (files a family
    took in later) are never drawn, so the sample stays what it was."""
    if per_family <= 0:
        return list(units)
    chosen = []
    families = sorted({u["family"] for u in units})
    for fam in families:
        members = [u for u in units if u["family"] == fam and u.get("sampled", True)]
        if not members:
            continue
        n = min([per_family] + [u["sample"] for u in members if "sample" in u])
        by_uses = sorted(members, key=lambda u: (-u["uses"], -u.get("async_uses", 0),
                                                 u["rel"]))
        take = by_uses[: (n + 1) // 2]
        rest = sorted((u for u in members if u not in take),
                      key=lambda u: stable_hash(u["rel"]))
        take += rest[: n - len(take)]
        chosen += sorted(take, key=lambda u: u["rel"])
    return chosen


# --- running clang-tidy ------------------------------------------------------

def list_ctx_checks(clang_tidy, module):
    """Every ctx-* check the module registers, asked from clang-tidy itself."""
    proc = subprocess.run([clang_tidy, "-load=" + module, "-list-checks",
                           "-checks=-*,ctx-*"], capture_output=True, text=True)
    checks = [l.strip() for l in proc.stdout.splitlines()
              if l.strip().startswith("ctx-")]
    if proc.returncode != 0 or not checks:
        sys.exit("ctx-corpus: %s lists no ctx check (exit %d)\n%s" %
                 (module, proc.returncode, proc.stderr))
    return checks


# What a crash of clang-tidy looks like on stderr: LLVM's signal handler, an
# assertion of LLVM or of libstdc++ (_GLIBCXX_ASSERTIONS), llvm_unreachable,
# report_fatal_error, std::terminate.
CRASH_MARKERS = ("Stack dump:", "PLEASE submit a bug report",
                 "Assertion `", "Assertion '", "UNREACHABLE executed",
                 "LLVM ERROR:", "terminate called", "Segmentation fault",
                 "Aborted")


# clang-tidy exits 1 for these too, like for a compiler error: the module did
# not load, so nothing was tested.
SETUP_ERRORS = ("-load request ignored", "Error opening", "no checks enabled")


def classify_run(returncode, stderr, timed_out):
    """Returns None for a run that is not a crash, else a short reason.

    clang-tidy exits 0 when the file compiled, 1 when it had compiler errors
    ("Found compiler error(s).") or could not run; both are fine here. A
    crash is: killed by a signal (negative code), any exit code above 1 (the
    shell reports signals as 128+N), a crash marker on stderr, or no answer
    within the time bound (a hang)."""
    if timed_out:
        return "hang (no answer within the time bound)"
    if returncode < 0:
        return "killed by signal %s" % signal.Signals(-returncode).name
    if returncode > 1:
        return "exit code %d" % returncode
    for marker in SETUP_ERRORS:
        if marker in stderr:
            return "clang-tidy ran without the ctx checks (%r)" % marker
    for marker in CRASH_MARKERS:
        if marker in stderr:
            return "crash marker %r on stderr" % marker
    return None


def run(cmd, timeout, cwd=None):
    """Runs cmd; returns (returncode, stdout, stderr, seconds, timed_out)."""
    start = time.monotonic()
    try:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True,
                                errors="replace", cwd=cwd,
                                start_new_session=True)
        out, err = proc.communicate(timeout=timeout)
        return proc.returncode, out, err, time.monotonic() - start, False
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        return proc.returncode, out, err, time.monotonic() - start, True


def parallel(fn, items, workers=None):
    with ThreadPoolExecutor(max_workers=workers or jobs()) as pool:
        return list(pool.map(fn, items))


def compile_args(unit):
    """The compiler arguments of a unit without the compiler and the file."""
    return list(unit["args"])


def error_lines(stderr):
    """Compiler errors as (message) texts, positions dropped, so that the same
    error moved by a fix compares equal."""
    errs = []
    for line in stderr.splitlines():
        m = re.match(r"^.*?:\d+:\d+: (?:fatal )?error: (.*)$", line)
        if m:
            errs.append(m.group(1).strip())
    return errs


WARNING = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):(?P<col>\d+): "
                     r"warning: (?P<msg>.*) \[(?P<check>ctx-[\w-]+)\]$")


def ctx_warnings(stdout):
    return [m.groupdict() for m in map(WARNING.match, stdout.splitlines()) if m]


def copy_corpus(corpus_dir, destination):
    """A writable copy of the corpus at `destination`: its sources and a
    compile_commands.json whose paths point into the copy. Returns the copy's
    directory. For measurements that edit the sources (scripts/bench-cache);
    the corpus itself stays read-only."""
    corpus_dir = os.path.abspath(corpus_dir)
    destination = os.path.abspath(destination)
    if os.path.exists(destination):
        shutil.rmtree(destination)
    os.makedirs(destination)
    for name in os.listdir(corpus_dir):
        source = os.path.join(corpus_dir, name)
        if os.path.isdir(source) and not os.path.islink(source):
            shutil.copytree(source, os.path.join(destination, name), symlinks=True)
    with open(os.path.join(corpus_dir, "compile_commands.json"), encoding="utf-8") as f:
        entries = json.load(f)

    # The database may name the corpus through a symbolic link or not.
    prefixes = sorted({corpus_dir, os.path.realpath(corpus_dir)}, key=len, reverse=True)

    def moved(text):
        for prefix in prefixes:
            if text == prefix or text.startswith(prefix + os.sep):
                return destination + text[len(prefix):]
            text = text.replace("-I" + prefix + os.sep, "-I" + destination + os.sep)
        return text
    for e in entries:
        e["directory"] = moved(e["directory"])
        e["file"] = moved(e["file"])
        if "arguments" in e:
            e["arguments"] = [moved(a) for a in e["arguments"]]
        if "command" in e:
            for prefix in prefixes:
                e["command"] = e["command"].replace(prefix + os.sep, destination + os.sep)
    with open(os.path.join(destination, "compile_commands.json"), "w", encoding="utf-8") as f:
        json.dump(entries, f, indent=1)
    return destination
