"""Mechanically broken variants of the project's own test inputs and examples:
what an editor shows clang-tidy mid-keystroke.

Every variant is derived deterministically from the file's text, so a failure
reproduces with the same name on any machine.
"""

import glob
import hashlib
import os
import re
import shlex

KEYWORDS = set("""alignas alignof and asm auto bool break case catch char class
co_await co_return co_yield concept const consteval constexpr constinit
const_cast continue decltype default delete do double dynamic_cast else enum
explicit export extern false float for friend goto if inline int long mutable
namespace new noexcept not nullptr operator or private protected public
register reinterpret_cast requires return short signed sizeof static
static_assert static_cast struct switch template this thread_local throw true
try typedef typeid typename union unsigned using virtual void volatile while
include define ifdef ifndef endif pragma once std""".split())

# Identifiers that name cancellation machinery: renaming them leaves the
# checks' own matchers looking at invalid declarations and unresolved calls.
INTERESTING = re.compile(r"stop|cancel|token|context|callback|signal|slot|source|"
                         r"guard|thread|emit|Cancel|Context|Token", re.I)

_CODE = re.compile(r'//[^\n]*|/\*.*?\*/|"(?:\\.|[^"\\\n])*"', re.S)


def _h(text):
    return int(hashlib.sha1(text.encode()).hexdigest(), 16)


def _code_positions(text, char):
    """Offsets of `char` outside comments and string literals."""
    masked = _CODE.sub(lambda m: " " * len(m.group(0)), text)
    return [i for i, c in enumerate(masked) if c == char], masked


def variants(text, truncations=8):
    """Yields (name, broken_text)."""
    n = len(text)
    # 1. Truncated at evenly spaced byte offsets: mid-token, mid-line, inside
    #    a lambda or a template argument list, wherever the offset falls.
    for i in range(1, truncations + 1):
        cut = n * i // (truncations + 1)
        yield "truncate-%d" % cut, text[:cut]
    closes, masked = _code_positions(text, "}")
    opens, _ = _code_positions(text, "{")
    # 2. Unbalanced braces.
    if closes:
        for k in sorted({len(closes) - 1, len(closes) // 2}):
            p = closes[k]
            yield "drop-close-brace-%d" % p, text[:p] + text[p + 1:]
    if opens:
        p = opens[len(opens) // 2]
        yield "drop-open-brace-%d" % p, text[:p] + text[p + 1:]
        yield "extra-open-brace-%d" % p, text[:p] + "{" + text[p:]
    # 3. A missing semicolon.
    semis, _ = _code_positions(text, ";")
    if semis:
        p = semis[len(semis) // 2]
        yield "drop-semicolon-%d" % p, text[:p] + text[p + 1:]
    # 4. Undeclared names: the first mention (usually the declaration) renamed,
    #    so every later use is undeclared; or every later use renamed.
    words = re.findall(r"\b[A-Za-z_]\w*\b", masked)
    counts = {}
    for w in words:
        if w not in KEYWORDS and not w.startswith("__"):
            counts[w] = counts.get(w, 0) + 1
    repeated = [w for w, c in counts.items() if c >= 2]
    interesting = sorted((w for w in repeated if INTERESTING.search(w)),
                         key=lambda w: (-counts[w], w))[:2]
    others = sorted((w for w in repeated if w not in interesting), key=_h)[:1]
    for w in interesting + others:
        spans = [m.span() for m in re.finditer(r"\b%s\b" % re.escape(w), masked)]
        a, b = spans[0]
        yield "undeclare-%s" % w, text[:a] + w + "_undeclared" + text[b:]
        yield "undeclared-uses-of-%s" % w, _rename_after_first(text, spans, w)
    # 5. Missing headers: each of the first includes dropped, and one that
    #    does not exist.
    includes = [m for m in re.finditer(r"^[ \t]*#[ \t]*include[^\n]*\n", text, re.M)]
    for m in includes[:3]:
        yield "drop-include-%d" % m.start(), text[:m.start()] + text[m.end():]
    if includes:
        m = includes[0]
        yield "missing-header", (text[:m.start()] + '#include "ctx_no_such_header.h"\n' +
                                 text[m.start():])


def _rename_after_first(text, spans, w):
    out, last = [], 0
    for a, b in spans[1:]:
        out.append(text[last:a] + w + "_undeclared")
        last = b
    out.append(text[last:])
    return "".join(out)


def _run_line_flags(text, root):
    """Compiler flags and -config from a lit RUN line of the check runner."""
    m = re.search(r"//\s*RUN:\s*%check_ctx\S*\s+%s\s+\S+\s+%t\s*(.*)", text)
    flags, config = [], None
    if m:
        args = shlex.split(m.group(1))
        extra = args[args.index("--") + 1:] if "--" in args else []
        for a in args[: args.index("--")] if "--" in args else args:
            if a.startswith("-std="):
                flags.append("-std=" + a[5:].split(",")[-1])
            elif a.startswith("-config="):
                config = a[len("-config="):]
        flags += [f.replace("%inputs", os.path.join(root, "test", "Inputs"))
                  .replace("%project_root", root) for f in extra]
    if not any(f.startswith("-std=") for f in flags):
        flags.insert(0, "-std=c++20")
    return flags, config


def sources(root):
    """[(path, compiler flags, config)] of the lit inputs and the examples."""
    out = []
    inputs = os.path.join(root, "test", "Inputs", "include")
    for path in sorted(glob.glob(os.path.join(root, "test", "checks", "**", "*.cpp"),
                                 recursive=True)):
        flags, config = _run_line_flags(open(path).read(), root)
        out.append((path, flags + ["-isystem", inputs, "-I", os.path.join(root, "include")],
                    config))
    ex = os.path.join(root, "examples")
    ex_flags = []
    if os.path.exists(os.path.join(ex, "compile_flags.txt")):
        for f in open(os.path.join(ex, "compile_flags.txt")).read().split():
            ex_flags.append(re.sub(r"^-I(?!/)", "-I" + ex + "/", f))
    for path in sorted(glob.glob(os.path.join(ex, "*.cpp"))):
        out.append((path, ex_flags + ["-isystem", inputs], None))
    return out
