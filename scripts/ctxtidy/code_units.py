"""Finds the line ranges of function bodies in C++ source, without a compiler.

The pre-commit hook widens each changed line to the function around it: a
leak is often introduced by deleting a line (a `request_stop()`, a guard), and
the warning then lands on a line nobody touched, such as the declaration of
the cancel source. A lexical scan is enough for that: it skips comments,
string and character literals (raw strings too) and preprocessor lines, and
tracks braces.

Blocks that open a namespace, a class, struct, union or enum, or an
`extern "C"` region are containers: the scan looks inside them. Every other
brace block met at container level (a function or lambda body, the braces of
an initializer) is a *unit*, reaching from the first token of its declaration
to its closing brace. A constructor's member-initializer braces (`: a{x}`)
belong to the constructor. Nested blocks belong to the outermost unit.
"""

import re
from dataclasses import dataclass

_CONTAINER_KEYWORDS = {"namespace", "class", "struct", "union", "enum"}
_IDENT = re.compile(r"[A-Za-z_]\w*")
_RAW_STRING = re.compile(r'(?:u8|u|U|L)?R"([^ ()\\\t\n]{0,16})\(')


@dataclass
class Unit:
    start: int  # first line of the declaration
    end: int    # line of the closing brace

    def contains(self, line):
        return self.start <= line <= self.end


def _tokens(text):
    """Yields (kind, value, line) for identifiers and punctuation that matter."""
    i, n, line = 0, len(text), 1
    at_line_start = True
    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
            i += 1
            at_line_start = True
            continue
        if c in " \t\r\f\v":
            i += 1
            continue
        if c == "#" and at_line_start:
            # Preprocessor line, with backslash continuations.
            while i < n and text[i] != "\n":
                if text[i] == "\\" and i + 1 < n and text[i + 1] == "\n":
                    line += 1
                    i += 2
                    continue
                if text.startswith("/*", i):
                    end = text.find("*/", i + 2)
                    end = n if end < 0 else end + 2
                    line += text.count("\n", i, end)
                    i = end
                    continue
                i += 1
            continue
        at_line_start = False
        if text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            line += text.count("\n", i, end)
            i = end
            continue
        m = _RAW_STRING.match(text, i)
        if m and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            close = ")" + m.group(1) + '"'
            end = text.find(close, m.end())
            end = n if end < 0 else end + len(close)
            line += text.count("\n", i, end)
            i = end
            yield ("literal", "", line)
            continue
        if c in "\"'":
            # A quote after a digit is a digit separator (1'000'000).
            if c == "'" and i > 0 and text[i - 1].isalnum():
                i += 1
                continue
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            i = j + 1
            yield ("literal", "", line)
            continue
        m = _IDENT.match(text, i)
        if m:
            yield ("ident", m.group(0), line)
            i = m.end()
            continue
        if c.isdigit():
            j = i + 1
            while j < n and (text[j].isalnum() or text[j] in "._'"):
                j += 1
            i = j
            yield ("literal", "", line)
            continue
        if text.startswith("::", i):
            yield ("punct", "::", line)
            i += 2
            continue
        yield ("punct", c, line)
        i += 1


def _is_container(head):
    """Is the declaration head (tokens before `{`) a namespace/class/enum/extern?"""
    values = [v for _, v, _ in head]
    # Drop template parameter lists: `template <class T> struct S {`.
    cleaned, i = [], 0
    while i < len(values):
        if values[i] == "template" and i + 1 < len(values) and values[i + 1] == "<":
            depth, i = 1, i + 2
            while i < len(values) and depth:
                depth += {"<": 1, ">": -1}.get(values[i], 0)
                i += 1
            continue
        cleaned.append(values[i])
        i += 1
    if not cleaned:
        return False
    if cleaned[0] == "extern" and len(head) == 2 and head[1][0] == "literal":
        return True  # extern "C" {
    if "=" in cleaned:
        return False
    for k, v in enumerate(cleaned):
        if v == "namespace":
            return True
        if v in _CONTAINER_KEYWORDS:
            break
    else:
        return False
    # `class Name<Args> final : Bases` is a class; `struct X *make() {` is a
    # function returning a pointer to one.
    k += 1
    if k < len(cleaned) and cleaned[k] in ("class", "struct"):  # enum class
        k += 1
    while k < len(cleaned) and (cleaned[k] == "::" or _IDENT.fullmatch(cleaned[k])) \
            and cleaned[k] not in ("final", "alignas"):
        k += 1
    if k < len(cleaned) and cleaned[k] == "<":
        depth, k = 1, k + 1
        while k < len(cleaned) and depth:
            depth += {"<": 1, ">": -1}.get(cleaned[k], 0)
            k += 1
    return k >= len(cleaned) or cleaned[k] in ("final", ":", "alignas", "[")


def find_units(text):
    """The units of `text`, in order. Unbalanced input gives best-effort ranges."""
    units = []
    stack = []           # open blocks: ("container", None) or ("unit", start)
    head = []            # tokens of the declaration being read at container level
    paren = 0            # parenthesis depth within the head
    in_init_list = False  # after `) :` in a constructor head
    unit_depth = 0       # brace depth inside the current unit
    unit_start = 0
    prev = None
    for kind, value, line in _tokens(text):
        if unit_depth:
            if value == "{":
                unit_depth += 1
            elif value == "}":
                unit_depth -= 1
                if unit_depth == 0:
                    units.append(Unit(unit_start, line))
                    head, paren, in_init_list = [], 0, False
            prev = (kind, value)
            continue
        if value in ("(", "["):
            paren += 1
        elif value in (")", "]"):
            paren = max(0, paren - 1)
        if value == ":" and paren == 0 and prev and prev[1] == ")":
            in_init_list = True
        if value == "{":
            if in_init_list and paren == 0 and prev and (prev[0] == "ident" or prev[1] == ">"):
                # `: member{value}` inside a constructor's initializer list.
                head.append((kind, value, line))
                paren += 1  # treated like a parenthesis until its `}`
                prev = (kind, value)
                continue
            if paren:
                head.append((kind, value, line))
                paren += 1
                prev = (kind, value)
                continue
            if _is_container(head):
                stack.append("container")
                head, paren, in_init_list = [], 0, False
            else:
                unit_start = head[0][2] if head else line
                unit_depth = 1
            prev = (kind, value)
            continue
        if value == "}":
            if paren:
                paren = max(0, paren - 1)
                head.append((kind, value, line))
                prev = (kind, value)
                continue
            if stack:
                stack.pop()
            head, paren, in_init_list = [], 0, False
            prev = (kind, value)
            continue
        if value == ";" and paren == 0:
            head, in_init_list = [], False
            prev = (kind, value)
            continue
        if value == ":" and paren == 0 and not in_init_list and head and \
                head[-1][1] in ("public", "private", "protected") and len(head) == 1:
            head = []  # access specifier
            prev = (kind, value)
            continue
        head.append((kind, value, line))
        prev = (kind, value)
    if unit_depth:
        units.append(Unit(unit_start, text.count("\n") + 1))
    return units


def unit_at(units, line):
    for u in units:
        if u.contains(line):
            return u
    return None
