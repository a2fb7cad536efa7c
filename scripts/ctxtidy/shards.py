"""Splits a compilation database into N shards for separate CI machines.

A file's shard depends only on its path relative to the directory that holds
compile_commands.json, so it is the same on every machine that checks the
project out (wherever the checkout is), in every order the database lists
files, and when other files come and go. The N shards partition the files
exactly: each is in one shard.
"""

import hashlib
import os
import re


def parse(spec):
    """'K/N' -> (K, N), shards counted from 1."""
    m = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", spec or "")
    if not m:
        raise ValueError("a shard is K/N, as in 2/8: got %r" % spec)
    k, n = int(m.group(1)), int(m.group(2))
    if n < 1 or not 1 <= k <= n:
        raise ValueError("shard %d/%d: K must be between 1 and N" % (k, n))
    return k, n


def shard_of(path, database_dir, count):
    """1-based shard of `path` among `count`."""
    rel = os.path.relpath(os.path.normpath(path), os.path.normpath(database_dir))
    digest = hashlib.sha256(rel.replace(os.sep, "/").encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % count + 1


def select(paths, database_dir, k, n):
    """The paths of shard k of n, in their original order."""
    return [p for p in paths if shard_of(p, database_dir, n) == k]
