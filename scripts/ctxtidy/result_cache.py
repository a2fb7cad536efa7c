"""A result cache for clang-tidy runs on one source file.

    python3 scripts/ctxtidy/result_cache.py --cache DIR -- clang-tidy [args...]
    python3 scripts/ctxtidy/result_cache.py --cache DIR --print-key -- clang-tidy [args...]

scripts/ctx-tidy hands its final command here when CTX_TIDY_CACHE names a
directory, and scripts/run-ctx-tidy --cache sets that variable for it, so both
share this code. A hit writes the stored stdout, stderr and exported fixes and
exits with the stored status, without running the checks; a miss runs the
command, passes its output through and stores it.

The key (docs/run-ctx-tidy.md, "Result cache", says the same for people who
want to compute it elsewhere) is the SHA-256 of a canonical JSON document
holding:

- the clang-tidy executable's SHA-256, its --version output and the SHA-256
  of each shared library it loads (libclang-cpp, libLLVM, ...), and the
  SHA-256 of every plugin named with -load (the ctx module);
- the clang-tidy arguments as given, with the --export-fixes file name
  replaced by a placeholder (only whether fixes are exported matters), and
  the working directory;
- whether stdout and stderr go to one destination (clang-tidy's output is
  then stored interleaved as written) or to two;
- the effective configuration, `--dump-config` for that file, and the
  enabled checks, `--list-checks` for that file, both with the same options;
- for each compile command of the file: its directory and arguments, the
  SHA-256 of `clang++ -E` run with those arguments (line markers kept), and
  the path and SHA-256 of every file the line markers name (the source and
  each header it reads).

The preprocessed text settles which headers are read and with which macros;
the files' own bytes settle the rest: comments and spacing do not survive
-E, yet they move diagnostics' columns and appear in the source lines that
clang-tidy prints under a warning. Paths are part of the key on purpose: the
stored output names absolute paths, so two checkouts in different places
never share entries, while CI runners with a fixed workspace path do.

Answers that would cost a process (or reading a large compilation database)
per run and depend on few inputs (the tools' identities, --dump-config,
--list-checks, the file's compile commands) are kept in DIR/v1/memo/ under
the hash of those inputs (class Memo).

An entry is one file, DIR/v1/<first two hex digits>/<key>: a magic line, a
JSON header (key, exit status, stream mode, part sizes, SHA-256 of all of
it) and the parts. It is written to a temporary file beside its final name
and renamed into place, so concurrent fills leave one complete entry; an
entry that does not verify is deleted and the command runs again.

Runs the cache cannot describe exactly go straight to clang-tidy: output to
a terminal (clang-tidy colours it), --fix*, profiles, -vfsoverlay, response
files, several source files, a file missing from the compilation database, a
preprocessor failure, or an option this module does not know.
"""

import hashlib
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

FORMAT = "ctx-tidy-cache/1"
MAGIC = b"ctx-tidy-cache-entry 1\n"
EXPORT_PLACEHOLDER = "<export-fixes>"

# clang-tidy options, by how they take a value.
_VALUE_OPTIONS = {"checks", "config", "config-file", "exclude-header-filter", "export-fixes",
                  "extra-arg", "extra-arg-before", "format-style", "header-filter",
                  "line-filter", "load", "p", "removed-arg", "warnings-as-errors"}
_FLAG_OPTIONS = {"allow-enabling-analyzer-alpha-checkers", "allow-no-checks",
                 "enable-module-headers-parsing", "experimental-custom-checks", "quiet",
                 "system-headers", "use-color"}
# Options whose effects the cache cannot store or replay.
_UNCACHEABLE_OPTIONS = {"fix", "fix-errors", "fix-notes", "enable-check-profile",
                        "store-check-profile", "vfsoverlay", "dump-config", "list-checks",
                        "explain-config", "verify-config", "help", "help-hidden", "version"}

# Compiler options that take their value as the next argument.
_SEPARATE_VALUE = {"-I", "-D", "-U", "-o", "-x", "-include", "-imacros", "-isystem", "-iquote",
                   "-idirafter", "-iprefix", "-iwithprefix", "-iwithprefixbefore", "-isysroot",
                   "-isystem-after", "-include-pch", "-MF", "-MT", "-MQ", "-MJ", "-Xclang",
                   "-Xpreprocessor", "-Xassembler", "-Xlinker", "-Xanalyzer", "-mllvm",
                   "-target", "-arch", "-L", "-F", "-framework", "-T", "-u", "-z", "-A",
                   "--param", "-working-directory", "-ivfsoverlay", "-resource-dir",
                   "-cxx-isystem", "-iframework", "--sysroot", "-serialize-diagnostics",
                   "-dependency-file", "-gcc-toolchain"}
# Compiler options that would make -E write elsewhere or stop early, dropped.
_DROP = {"-c", "-S", "-E", "-fsyntax-only", "-M", "-MM", "-MD", "-MMD", "-MP", "-MG"}
_DROP_WITH_VALUE = {"-o", "-MF", "-MT", "-MQ", "-MJ", "-serialize-diagnostics",
                    "-dependency-file"}
_LINE_MARKER = re.compile(rb'^# \d+ "((?:[^"\\\n]|\\.)*)"', re.M)


class Uncacheable(Exception):
    """The run is passed to clang-tidy unchanged, for this reason."""


# --- reading a clang-tidy command line ----------------------------------------


class Invocation:
    """A clang-tidy command line taken apart.

    executable: argv[0]; options: [(name, value or None, original args)] in
    their order; source: the one source file; compile_args: the flags after
    `--`, or None when they come from a compilation database. Options keep
    their order, and a command differing only in where the source file sits
    among them is the same command to clang-tidy."""

    def __init__(self, argv):
        self.argv = list(argv)
        self.executable = argv[0]
        self.options = []
        self.sources = []
        self.compile_args = None
        i = 1
        while i < len(argv):
            arg = argv[i]
            if arg == "--":
                self.compile_args = argv[i + 1:]
                break
            if arg.startswith("@"):
                raise Uncacheable("response file " + arg)
            if not arg.startswith("-") or arg == "-":
                self.sources.append(arg)
                i += 1
                continue
            name, eq, value = arg.lstrip("-").partition("=")
            if name in _UNCACHEABLE_OPTIONS:
                raise Uncacheable("option " + arg)
            if name in _VALUE_OPTIONS:
                if eq:
                    self.options.append((name, value, [arg]))
                elif i + 1 < len(argv):
                    self.options.append((name, argv[i + 1], [arg, argv[i + 1]]))
                    i += 1
                else:
                    raise Uncacheable("option %s without a value" % arg)
            elif name in _FLAG_OPTIONS:
                self.options.append((name, value if eq else None, [arg]))
            else:
                raise Uncacheable("unknown option " + arg)
            i += 1
        if len(self.sources) != 1:
            raise Uncacheable("%d source files" % len(self.sources))
        self.source = self.sources[0]

    def values(self, name):
        return [v for n, v, _ in self.options if n == name]

    def export_fixes(self):
        found = self.values("export-fixes")
        return found[-1] if found else None

    def key_arguments(self):
        """argv with the exported-fixes file name replaced by a placeholder."""
        result = [self.executable]
        for name, value, original in self.options:
            if name == "export-fixes":
                result += ["--export-fixes=" + EXPORT_PLACEHOLDER]
            else:
                result += original
        result.append(self.source)
        if self.compile_args is not None:
            result += ["--"] + self.compile_args
        return result

    def with_export_fixes(self, path):
        """argv with --export-fixes pointing at `path`."""
        result = [self.executable]
        for name, value, original in self.options:
            result += ["--export-fixes=" + path] if name == "export-fixes" else original
        result.append(self.source)
        if self.compile_args is not None:
            result += ["--"] + self.compile_args
        return result

    def config_query(self, what):
        """The command that asks clang-tidy for `what` (--dump-config,
        --list-checks) about this file, with the options that shape it."""
        result = [self.executable]
        for name, value, original in self.options:
            if name not in ("export-fixes", "p", "extra-arg", "extra-arg-before", "quiet",
                            "use-color"):
                result += original
        return result + [what, self.source, "--"]


# --- compile commands ---------------------------------------------------------


def _database_path(inv, cwd):
    explicit = inv.values("p")
    if explicit:
        path = os.path.join(cwd, explicit[-1])
        return path if path.endswith(".json") else os.path.join(path, "compile_commands.json")
    # Like clang-tidy: the nearest compile_commands.json above the source.
    d = os.path.dirname(os.path.normpath(os.path.join(cwd, inv.source)))
    while True:
        candidate = os.path.join(d, "compile_commands.json")
        if os.path.isfile(candidate):
            return candidate
        parent = os.path.dirname(d)
        if parent == d:
            return None
        d = parent


def compile_commands(inv, cwd, memo):
    """[(directory, program or None, arguments)] clang-tidy will use for the file.

    A large compile_commands.json takes longer to read than a unit takes to
    replay, so the file's commands are memoised by the database's identity."""
    if inv.compile_args is not None:
        return [(cwd, None, list(inv.compile_args))]
    db = _database_path(inv, cwd)
    if db is None or not os.path.isfile(db):
        raise Uncacheable("no compilation database")
    source = os.path.normpath(os.path.join(cwd, inv.source))

    def lookup():
        with open(db, encoding="utf-8") as f:
            entries = json.load(f)
        found = []
        for e in entries:
            directory = e.get("directory", os.path.dirname(db))
            if os.path.normpath(os.path.join(directory, e["file"])) != source:
                continue
            args = e.get("arguments") or shlex.split(e.get("command", ""))
            if args:
                found.append([directory, args[0], args[1:]])
        return found
    found = memo.get({"what": "database", "database": _stat_identity(db), "source": source},
                     lookup)
    if not found:
        raise Uncacheable("%s is not in %s" % (inv.source, db))
    return [tuple(f) for f in found]


def _mode_for_program(program):
    """Driver options clang's tooling derives from a compiler's name."""
    if program is None:
        return []
    name = os.path.basename(program).lower()
    if name.endswith(".exe"):
        name = name[:-4]
    name = re.sub(r"-[\d.]+$", "", name)
    for suffix in ("clang++", "clang-c++", "g++", "c++"):
        if name.endswith(suffix):
            prefix = name[:-len(suffix)].rstrip("-")
            return ["--driver-mode=g++"] + (["--target=" + prefix] if prefix else [])
    if name.endswith(("cl", "cpp")):
        raise Uncacheable("driver mode of " + program)
    return []


def preprocess_command(clang, program, args, inv, cwd_source):
    """clang -E with the unit's flags: inputs and output options dropped."""
    flags = []
    i = 0
    while i < len(args):
        a = args[i]
        if a in _DROP:
            i += 1
            continue
        if a in _DROP_WITH_VALUE:
            i += 2
            continue
        if a.startswith("-o") and len(a) > 2 and a not in _SEPARATE_VALUE:
            i += 1
            continue
        if a.startswith(("-MF", "-MT", "-MQ", "-MJ")) and len(a) > 3:
            i += 1
            continue
        if a in _SEPARATE_VALUE and i + 1 < len(args):
            flags += [a, args[i + 1]]
            i += 2
            continue
        if a.startswith("@"):
            raise Uncacheable("response file " + a)
        if not a.startswith("-"):
            i += 1  # an input (or the compiler's name after --): the source is added below
            continue
        flags.append(a)
        i += 1
    before = inv.values("extra-arg-before")
    after = inv.values("extra-arg")
    return ([clang] + _mode_for_program(program) + before + flags + after +
            ["-E", "-o", "-", cwd_source])


# --- identities ---------------------------------------------------------------


def file_sha256(path, memo=None):
    path = os.path.realpath(path)
    if memo is not None:
        st = os.stat(path)
        stamp = (path, st.st_size, st.st_mtime_ns, st.st_ino)
        if stamp in memo:
            return memo[stamp]
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    digest = h.hexdigest()
    if memo is not None:
        memo[stamp] = digest
    return digest


def _executable(program):
    found = shutil.which(program) if os.sep not in program else program
    if not found or not os.path.isfile(found):
        raise Uncacheable("cannot find " + program)
    return os.path.realpath(found)


def clang_for(tidy_path, version_text):
    """The clang driver of the same LLVM as clang-tidy."""
    beside = os.path.join(os.path.dirname(tidy_path), "clang")
    if os.access(beside, os.X_OK):
        return beside
    m = re.search(r"version (\d+)\.", version_text)
    if m:
        for candidate in ("clang-" + m.group(1), "/usr/lib/llvm-%s/bin/clang" % m.group(1)):
            found = shutil.which(candidate)
            if found:
                return found
    raise Uncacheable("no clang next to " + tidy_path)


def included_files(preprocessed, directory):
    """Absolute paths of the files the line markers of `clang -E` name."""
    files = set()
    for m in _LINE_MARKER.finditer(preprocessed):
        raw = m.group(1)
        if raw.startswith(b"<"):
            continue  # <built-in>, <command line>
        path = re.sub(rb"\\(.)", rb"\1", raw).decode("utf-8", "surrogateescape")
        files.add(os.path.normpath(os.path.join(directory, path)))
    return sorted(files)


class Memo:
    """Answers that cost a process each time and depend on few inputs, kept
    in DIR/v1/memo/ under the hash of those inputs: the identity (SHA-256 and
    --version) of clang-tidy, its libraries and the modules, by their path,
    size, inode and modification and change times; --dump-config, by the
    command, the tools and every .clang-tidy that could apply; --list-checks,
    by the command, the tools and that configuration; a file's compile
    commands, by the database's identity. A memo that does not verify is
    computed again. Without a directory nothing is kept."""

    def __init__(self, root=None):
        self.dir = os.path.join(os.path.abspath(root), "v1", "memo") if root else None
        self.files = {}  # per process: file SHA-256 by stat

    def get(self, inputs, compute):
        text = json.dumps(inputs, sort_keys=True)
        path = None
        if self.dir:
            path = os.path.join(self.dir, hashlib.sha256(text.encode()).hexdigest())
            try:
                with open(path, encoding="utf-8") as f:
                    stored = json.load(f)
                value = stored["value"]
                if stored["inputs"] == text and stored["sha256"] == hashlib.sha256(
                        json.dumps(value, sort_keys=True).encode()).hexdigest():
                    return value
            except (OSError, ValueError, KeyError, TypeError):
                pass
        value = compute()
        if path:
            stored = {"inputs": text, "value": value, "sha256": hashlib.sha256(
                json.dumps(value, sort_keys=True).encode()).hexdigest()}
            try:
                _write_atomically(path, json.dumps(stored).encode())
            except OSError:
                pass
        return value


def _stat_identity(path):
    path = os.path.realpath(path)
    st = os.stat(path)
    return {"path": path, "size": st.st_size, "mtime": st.st_mtime_ns, "ctime": st.st_ctime_ns,
            "inode": st.st_ino, "device": st.st_dev}


def _config_files(inv, cwd):
    """Every .clang-tidy clang-tidy could read for the file, and the
    --config-file, with their SHA-256 (None: absent)."""
    source = os.path.normpath(os.path.join(cwd, inv.source))
    candidates = []
    for start in {os.path.dirname(source), os.path.dirname(os.path.realpath(source))}:
        d = start
        while True:
            candidates.append(os.path.join(d, ".clang-tidy"))
            parent = os.path.dirname(d)
            if parent == d:
                break
            d = parent
    candidates += [os.path.join(cwd, v) for v in inv.values("config-file")]
    found = []
    for path in sorted(set(candidates)):
        found.append([path, file_sha256(path) if os.path.isfile(path) else None])
    return found


def _linked_libraries(executable, memo):
    """The shared libraries the executable loads (libclang-cpp, libLLVM, ...),
    with their SHA-256: an LLVM update may replace them and not clang-tidy's
    own file. Found with ldd; none for a script or a static binary."""
    inputs = {"what": "ldd", "executable": _stat_identity(executable),
              "LD_LIBRARY_PATH": os.environ.get("LD_LIBRARY_PATH", "")}
    if os.path.exists("/etc/ld.so.cache"):
        inputs["ld.so.cache"] = _stat_identity("/etc/ld.so.cache")

    def ldd():
        try:
            proc = subprocess.run(["ldd", executable], capture_output=True, text=True)
        except OSError:
            return []
        if proc.returncode != 0:
            return []
        return sorted(set(re.findall(r"=> (/\S+) \(0x", proc.stdout)))
    libraries = []
    for path in memo.get(inputs, ldd):
        identity = memo.get(dict(_stat_identity(path), what="library"),
                            lambda: {"sha256": file_sha256(path)})
        libraries.append([path, identity["sha256"]])
    return libraries


def _ask(command, cwd, what):
    proc = subprocess.run(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    if proc.returncode != 0:
        raise Uncacheable("clang-tidy %s failed" % what)
    return proc.stdout.decode("utf-8", "replace")


def key_document(argv, cwd, streams, memo=None):
    """(key, document): what the cache key is made of, see the module docstring."""
    memo = memo or Memo()
    inv = Invocation(argv)
    tidy = _executable(inv.executable)
    tool = dict(memo.get(dict(_stat_identity(tidy), what="executable"), lambda: {
        "sha256": file_sha256(tidy),
        "version": _ask([tidy, "--version"], cwd, "--version")}))
    tool["libraries"] = _linked_libraries(tidy, memo)
    plugins = []
    for value in inv.values("load"):
        path = os.path.join(cwd, value)
        identity = memo.get(dict(_stat_identity(path), what="plugin"),
                            lambda: {"sha256": file_sha256(path)})
        plugins.append({"path": value, "sha256": identity["sha256"]})
    tools = {"clang-tidy": tool, "plugins": plugins}

    query = inv.config_query("--dump-config")
    config = memo.get(dict(tools, what="dump-config", command=query, cwd=cwd,
                           files=_config_files(inv, cwd)),
                      lambda: _ask(query, cwd, "--dump-config"))
    query = inv.config_query("--list-checks")
    checks = memo.get(dict(tools, what="list-checks", command=query, cwd=cwd, config=config),
                      lambda: _ask(query, cwd, "--list-checks"))

    clang = clang_for(tidy, tool["version"])
    units = []
    source = os.path.normpath(os.path.join(cwd, inv.source))
    for directory, program, args in compile_commands(inv, cwd, memo):
        command = preprocess_command(clang, program, args, inv, source)
        proc = subprocess.run(command, cwd=directory, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL)
        if proc.returncode != 0:
            raise Uncacheable("the preprocessor failed on " + inv.source)
        files = []
        for path in included_files(proc.stdout, directory):
            try:
                files.append([path, file_sha256(path, memo.files)])
            except OSError:
                raise Uncacheable("cannot read " + path)
        units.append({"directory": directory, "program": program, "arguments": args,
                      "preprocessed": hashlib.sha256(proc.stdout).hexdigest(),
                      "files": files})
    document = {
        "format": FORMAT,
        "clang-tidy": tool,
        "plugins": plugins,
        "arguments": inv.key_arguments(),
        "cwd": cwd,
        "streams": streams,
        "config": config,
        "enabled-checks": checks,
        "units": units,
    }
    text = json.dumps(document, sort_keys=True, indent=1, ensure_ascii=True)
    return hashlib.sha256(text.encode("ascii")).hexdigest(), text


# --- entries ------------------------------------------------------------------


class Entry:
    def __init__(self, exit_status, stdout, stderr, fixes):
        self.exit_status = exit_status
        self.stdout = stdout
        self.stderr = stderr
        self.fixes = fixes  # bytes, or None when clang-tidy wrote no file

    def _digest(self, key, streams):
        h = hashlib.sha256()
        h.update(json.dumps([key, self.exit_status, streams, self._sizes()]).encode())
        for part in (self.stdout, self.stderr, self.fixes or b""):
            h.update(part)
        return h.hexdigest()

    def _sizes(self):
        return [len(self.stdout), len(self.stderr), -1 if self.fixes is None else len(self.fixes)]

    def encode(self, key, streams):
        header = {"key": key, "exit": self.exit_status, "streams": streams,
                  "sizes": self._sizes(), "sha256": self._digest(key, streams)}
        return (MAGIC + json.dumps(header, sort_keys=True).encode() + b"\n" + self.stdout +
                self.stderr + (self.fixes or b""))

    @staticmethod
    def decode(data, key, streams):
        """The entry in `data`, or None when it is not a complete, intact entry
        for this key."""
        if not data.startswith(MAGIC):
            return None
        end = data.find(b"\n", len(MAGIC))
        if end < 0:
            return None
        try:
            header = json.loads(data[len(MAGIC):end])
            out_len, err_len, fixes_len = header["sizes"]
            body = data[end + 1:]
            if len(body) != out_len + err_len + max(fixes_len, 0) or \
                    header["key"] != key or header["streams"] != streams:
                return None
            entry = Entry(int(header["exit"]), body[:out_len],
                          body[out_len:out_len + err_len],
                          None if fixes_len < 0 else body[out_len + err_len:])
            if entry._digest(key, streams) != header["sha256"]:
                return None
            return entry
        except (ValueError, KeyError, TypeError):
            return None


class ResultCache:
    """Entries in a plain directory (local or on a shared file system)."""

    def __init__(self, root):
        self.root = os.path.abspath(root)

    def path(self, key):
        return os.path.join(self.root, "v1", key[:2], key)

    def load(self, key, streams):
        """(entry or None, whether a broken entry was found and removed)."""
        path = self.path(key)
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError:
            return None, False
        entry = Entry.decode(data, key, streams)
        if entry is None:
            try:
                os.unlink(path)
            except OSError:
                pass
            return None, True
        return entry, False

    def store(self, key, streams, entry):
        _write_atomically(self.path(key), entry.encode(key, streams))


def _write_atomically(path, data):
    """Writes a temporary file beside `path` and renames it into place: a
    reader sees the old file, or the whole new one."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=os.path.dirname(path))
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


# --- running ------------------------------------------------------------------


def stream_mode():
    """'combined' when stdout and stderr are one destination, else 'separate';
    None on a terminal."""
    if os.isatty(1) or os.isatty(2):
        return None
    a, b = os.fstat(1), os.fstat(2)
    return "combined" if (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino) else "separate"


def _record(stats_path, outcome, source, detail=""):
    if not stats_path:
        return
    line = "%s\t%s\t%s\n" % (outcome, source, detail.replace("\n", " "))
    fd = os.open(stats_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, line.encode("utf-8", "replace"))
    finally:
        os.close(fd)


def _write_all(fd, data):
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def _replay(entry, export_path):
    if entry.fixes is not None and export_path:
        with open(export_path, "wb") as f:
            f.write(entry.fixes)
    _write_all(1, entry.stdout)
    _write_all(2, entry.stderr)
    return entry.exit_status


def _run_and_capture(inv, streams, cwd):
    export_path = inv.export_fixes()
    tmp_dir = tempfile.mkdtemp(prefix="ctx-tidy-cache-")
    try:
        argv = inv.argv
        tmp_export = None
        if export_path is not None:
            tmp_export = os.path.join(tmp_dir, "fixes.yaml")
            argv = inv.with_export_fixes(tmp_export)
        proc = subprocess.run(argv, cwd=cwd, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT if streams == "combined" else
                              subprocess.PIPE)
        fixes = None
        if tmp_export and os.path.exists(tmp_export):
            with open(tmp_export, "rb") as f:
                fixes = f.read()
        return Entry(proc.returncode, proc.stdout, proc.stderr or b"", fixes)
    finally:
        shutil.rmtree(tmp_dir, ignore_errors=True)


def run(argv, cache_dir, cwd=None, stats_path=None):
    """Runs clang-tidy's `argv` through the cache; returns the exit status."""
    cwd = cwd or os.getcwd()
    streams = stream_mode()
    label = ""
    try:
        if streams is None:
            raise Uncacheable("output to a terminal")
        inv = Invocation(argv)
        label = inv.source
        key, _ = key_document(argv, cwd, streams, Memo(cache_dir))
    except Exception as e:  # anything unexpected: run as if there were no cache
        _record(stats_path, "uncached", label, "%s: %s" % (type(e).__name__, e))
        return subprocess.run(argv, cwd=cwd).returncode
    cache = ResultCache(cache_dir)
    entry, broken = cache.load(key, streams)
    if entry is not None:
        _record(stats_path, "hit", inv.source)
        return _replay(entry, inv.export_fixes())
    entry = _run_and_capture(inv, streams, cwd)
    if entry.exit_status >= 0:  # not killed by a signal
        try:
            cache.store(key, streams, entry)
        except OSError as e:
            sys.stderr.flush()
            _record(stats_path, "store-failed", inv.source, str(e))
    _record(stats_path, "miss", inv.source, "broken entry replaced" if broken else "")
    return _replay(entry, inv.export_fixes())


def main(argv):
    import argparse
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", required=True, help="cache directory")
    parser.add_argument("--print-key", action="store_true",
                        help="print the key and the document it is the hash of")
    parser.add_argument("command", nargs=argparse.REMAINDER,
                        help="-- clang-tidy and its arguments")
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no clang-tidy command")
    if args.print_key:
        streams = stream_mode() or "separate"
        key, text = key_document(command, os.getcwd(), streams, Memo(args.cache))
        sys.stdout.write(text + "\n" + key + "\n")
        return 0
    return run(command, args.cache, stats_path=os.environ.get("CTX_TIDY_CACHE_STATS"))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
