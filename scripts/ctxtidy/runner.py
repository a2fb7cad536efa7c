"""Runs ctx-tidy on one file and collects its findings.

Shared by scripts/git-pre-commit and scripts/run-ctx-tidy. Every run goes
through scripts/ctx-tidy (or the program named by $CTX_TIDY), so the choice of
checks follows the same rule everywhere: ctx-* unless the user's -checks or
.clang-tidy says otherwise.
"""

import os
import shutil
import subprocess

from .exported_fixes import load_findings

SCRIPTS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROJECT_ROOT = os.path.dirname(SCRIPTS_DIR)

CXX_SOURCE_EXTENSIONS = (".cc", ".cpp", ".cxx", ".c++", ".C", ".cp", ".ixx", ".cppm")
CXX_HEADER_EXTENSIONS = (".h", ".hh", ".hpp", ".hxx", ".h++", ".H", ".ipp", ".tpp", ".inl")


def git_config(key, cwd=None):
    try:
        out = subprocess.run(["git", "config", "--get", key], cwd=cwd,
                             capture_output=True, text=True)
    except OSError:
        return ""
    return out.stdout.strip() if out.returncode == 0 else ""


def launcher(cwd=None):
    """The command that runs clang-tidy with the ctx checks, as a list."""
    explicit = os.environ.get("CTX_TIDY") or git_config("ctx-tidy.path", cwd)
    if explicit:
        return [os.path.expanduser(explicit)]
    own = os.path.join(SCRIPTS_DIR, "ctx-tidy")
    if os.access(own, os.X_OK):
        return [own]
    found = shutil.which("ctx-tidy")
    if found:
        return [found]
    raise FileNotFoundError(
        "cannot find ctx-tidy: set CTX_TIDY=/path/to/ctx-tidy/scripts/ctx-tidy "
        "or `git config ctx-tidy.path /path/to/ctx-tidy/scripts/ctx-tidy`")


def is_cxx(path, headers=True):
    ext = os.path.splitext(path)[1]
    return ext in CXX_SOURCE_EXTENSIONS or (headers and ext in CXX_HEADER_EXTENSIONS)


def run_one(command, path, export_path, build_dir=None, header_filter=None,
            extra_args=(), cwd=None, env=None):
    """Runs ctx-tidy on `path`; returns (exit code, combined output)."""
    args = list(command)
    if build_dir:
        args.append("-p=" + build_dir)
    if header_filter is not None:
        args.append("-header-filter=" + header_filter)
    args += ["--export-fixes=" + export_path, "--quiet", "--use-color=false"]
    if os.path.splitext(path)[1] == ".h":
        # A .h file is C to the driver; in a C++ project it is C++.
        args.append("--extra-arg-before=-xc++-header")
    args += list(extra_args)
    args.append(path)
    proc = subprocess.run(args, cwd=cwd, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, errors="replace")
    return proc.returncode, proc.stdout


def findings_of(export_path, sources):
    if not os.path.exists(export_path):
        return []
    return load_findings(export_path, sources)
