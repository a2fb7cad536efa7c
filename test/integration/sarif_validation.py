"""Validates SARIF logs against the official SARIF 2.1.0 schema.

The schema and Microsoft's SARIF validator (Sarif.Multitool) both come from
the npm package @microsoft/sarif-multitool-linux (MIT), fetched with the npm
client on first use and kept under <build>/test-deps/. scripts/setup
installs npm when it is missing. The schema is applied with python3-jsonschema
(installed by scripts/setup for Debian's python3), and the log is then checked
by the validator itself, which adds SARIF's own rules on top of the schema.
"""

import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile

import support

PACKAGE = "@microsoft/sarif-multitool-linux"
VERSION = "5.7.0"
CACHE = os.path.join(support.BUILD_DIR, "test-deps", "sarif-multitool-linux-" + VERSION)
SCHEMA = os.path.join(CACHE, "sarif-2.1.0.json")
MULTITOOL = os.path.join(CACHE, "Sarif.Multitool")


def obtain():
    """Makes sure the schema and the validator are in the cache."""
    if os.path.isfile(SCHEMA) and os.access(MULTITOOL, os.X_OK):
        return
    npm = shutil.which("npm")
    if not npm:
        raise AssertionError("npm is needed to fetch %s (scripts/setup installs it)" % PACKAGE)
    tmp = tempfile.mkdtemp(prefix="sarif-pkg-")
    try:
        proc = subprocess.run([npm, "pack", "%s@%s" % (PACKAGE, VERSION),
                               "--pack-destination", tmp, "--silent"],
                              capture_output=True, text=True, cwd=tmp)
        tarballs = [f for f in os.listdir(tmp) if f.endswith(".tgz")]
        if proc.returncode != 0 or not tarballs:
            raise AssertionError("npm pack %s@%s failed:\n%s%s" % (
                PACKAGE, VERSION, proc.stdout, proc.stderr))
        staging = CACHE + ".partial"
        shutil.rmtree(staging, ignore_errors=True)
        os.makedirs(staging)
        with tarfile.open(os.path.join(tmp, tarballs[0])) as tar:
            for member in tar.getmembers():
                name = member.name.split("/", 1)[-1]
                if member.isfile() and "/" not in name and not name.endswith((".pdb", ".xml")):
                    member.name = name
                    tar.extract(member, staging)
        os.chmod(os.path.join(staging, "Sarif.Multitool"), 0o755)
        shutil.rmtree(CACHE, ignore_errors=True)
        os.rename(staging, CACHE)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


_SCHEMA_CHECK = r"""
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
log = json.load(open(sys.argv[2]))
cls = jsonschema.validators.validator_for(schema)
cls.check_schema(schema)
errors = sorted(cls(schema, format_checker=cls.FORMAT_CHECKER).iter_errors(log),
                key=lambda e: list(e.absolute_path))
for e in errors:
    print("/".join(str(p) for p in e.absolute_path), ":", e.message)
sys.exit(1 if errors else 0)
"""


def _python_with_jsonschema():
    for python in (sys.executable, "/usr/bin/python3"):
        if python and subprocess.run([python, "-c", "import jsonschema"],
                                     capture_output=True).returncode == 0:
            return python
    raise AssertionError("python3-jsonschema is needed (scripts/setup installs it)")


def schema_errors(log_path):
    """Schema violations of the log at log_path, as text ('' when valid)."""
    obtain()
    proc = subprocess.run([_python_with_jsonschema(), "-c", _SCHEMA_CHECK, SCHEMA, log_path],
                          capture_output=True, text=True)
    if proc.returncode not in (0, 1) or (proc.returncode == 1 and not proc.stdout):
        raise AssertionError("schema validation did not run:\n" + proc.stderr)
    return proc.stdout


def validator_findings(log_path):
    """Errors and warnings of Microsoft's SARIF validator, as text lines."""
    obtain()
    out_dir = tempfile.mkdtemp(prefix="sarif-validate-")
    try:
        report = os.path.join(out_dir, "validation.sarif")
        env = dict(os.environ, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT="1",
                   DOTNET_CLI_TELEMETRY_OPTOUT="1")
        proc = subprocess.run([MULTITOOL, "validate", log_path, "--output", report,
                               "--log", "ForceOverwrite"], capture_output=True, text=True,
                              env=env)
        if not os.path.isfile(report):
            raise AssertionError("Sarif.Multitool validate did not run (%d):\n%s%s" % (
                proc.returncode, proc.stdout, proc.stderr))
        with open(report) as f:
            results = json.load(f)["runs"][0].get("results", [])
        return ["%s %s %s" % (r.get("ruleId"), r.get("level", "warning"),
                              json.dumps(r.get("message"))) for r in results]
    finally:
        shutil.rmtree(out_dir, ignore_errors=True)
