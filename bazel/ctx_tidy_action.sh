#!/usr/bin/env bash
# One action of the ctx-tidy aspect (ctx_tidy.bzl): runs clang-tidy with the
# ctx module on one source and writes its report.
#
#   ctx_tidy_action.sh REPORT FAIL MODULE CONFIG SOURCE -- COMPILER-FLAGS...
#
# FAIL is 1 to fail on ctx-* warnings; CONFIG is a configuration file or "".
# clang-tidy is $CTX_CLANG_TIDY (pass it with --action_env), else clang-tidy-22.
set -euo pipefail

report=$1 fail=$2 module=$3 config=$4 source=$5
shift 5
[ "${1:-}" = "--" ] && shift

# GCC options clang rejects, which Bazel's toolchain for GCC adds.
flags=()
for flag in "$@"; do
  case "$flag" in
    -fno-canonical-system-headers|-fstack-usage|-fconserve-stack) ;;
    *) flags+=("$flag") ;;
  esac
done

args=("-load=$module" --quiet --use-color=false "--exclude-header-filter=^external/")
if [ -n "$config" ]; then
  args+=("--config-file=$config")
else
  args+=("-checks=-*,ctx-*")
fi
if [ "$fail" = 1 ]; then
  args+=("--warnings-as-errors=ctx-*")
fi

raw=$(mktemp)
log=$(mktemp)
trap 'rm -f "$raw" "$log"' EXIT
status=0
"${CTX_CLANG_TIDY:-clang-tidy-22}" "${args[@]}" "$source" -- "${flags[@]}" -Wno-unknown-warning-option \
  >"$raw" 2>"$log" || status=$?
# clang-tidy names the main file by its absolute path, which is the sandbox's:
# the report names it relative to the execution root, like the headers, so
# that it is the same wherever the action ran.
root="$PWD/"
while IFS= read -r line || [ -n "$line" ]; do
  printf '%s\n' "${line//"$root"/}"
done <"$raw" >"$report"
# Findings are shown when the action runs (Bazel prints an action's output)
# and stay in the report, which later builds take from the cache.
if [ -s "$report" ] || [ $status -ne 0 ]; then
  cat "$report" >&2
fi
if [ $status -ne 0 ]; then
  cat "$log" >&2
fi
exit $status
