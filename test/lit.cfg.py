# lit configuration for ctx-tidy's regression tests.
import os
import re
import subprocess
import lit.formats

config.name = "ctx-tidy"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".test"]
config.excludes = ["Inputs", "unit", "runner", "CMakeLists.txt", "selftest", "README.md"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.ctx_build_dir, "test")

inputs = os.path.join(config.test_source_root, "Inputs")
runner = os.path.join(config.test_source_root, "runner", "check_ctx.py")
base = [
    config.python_executable, runner,
    "--clang-tidy", config.clang_tidy,
    "--clangxx", config.clangxx,
    "--filecheck", config.filecheck,
    "--load", config.ctx_module,
    "--isystem", os.path.join(inputs, "include"),
]
# The standalone binary (tools/ctx-tidy) has every check built in: no --load.
standalone = getattr(config, "ctx_tidy_standalone", "")
if standalone:
    config.available_features.add("ctx-tidy-standalone")
    config.substitutions.append(("%check_ctx_standalone", " ".join(
        [base[0], runner, "--clang-tidy", standalone, "--clangxx", config.clangxx,
         "--filecheck", config.filecheck, "--isystem", os.path.join(inputs, "include")])))
    config.substitutions.append(("%ctx_tidy_standalone", standalone))
config.substitutions.append(("%check_ctx_selftest",
                             " ".join(base + ["--load", config.selftest_module])))
config.substitutions.append(("%check_ctx", " ".join(base)))
config.substitutions.append(("%clang_tidy", config.clang_tidy))
config.substitutions.append(("%clangxx", config.clangxx))
config.substitutions.append(("%ctx_module", config.ctx_module))
config.substitutions.append(("%inputs", inputs))
config.substitutions.append(("%project_root", config.ctx_source_dir))
config.substitutions.append(("%python", config.python_executable))
# The LLVM the build is for: `REQUIRES: llvm-22` or `UNSUPPORTED: llvm-19` mark
# behaviour that needs a newer clang (docs/versions.md lists each case).
config.available_features.add("llvm-" + config.llvm_major)
config.substitutions.append(("%llvm_major", config.llvm_major))
# scripts/ctx-tidy, run by the tests, uses the build under test.
config.environment["CTX_BUILD_DIR"] = config.ctx_build_dir
config.environment["HOME"] = os.environ.get("HOME", "/root")
config.environment["PATH"] = os.pathsep.join(
    [os.path.dirname(config.filecheck), os.environ.get("PATH", "")])

# Every check the built module registers is a feature, so that a test that
# runs two checks together can say `REQUIRES: ctx-<other-check>` and is
# reported UNSUPPORTED, not failed, on a branch that lacks the other one.
try:
    listed = subprocess.run(
        [config.clang_tidy, "-load", config.ctx_module, "-checks=-*,ctx-*", "-list-checks"],
        capture_output=True, text=True, timeout=120).stdout
    for check in re.findall(r"^\s+(ctx-[a-z0-9-]+)\s*$", listed, re.M):
        config.available_features.add(check)
except (OSError, subprocess.SubprocessError):
    pass
