"""Writes a corpus of the given sources (one family, "demo") under argv[1]:
manifest.json with one unit per source and the sources under src/demo/."""
import json
import os
import shutil
import sys

out, sources = sys.argv[1], sys.argv[2:]
os.makedirs(os.path.join(out, "src", "demo"), exist_ok=True)
units = []
for s in sources:
    dst = os.path.join(out, "src", "demo", os.path.basename(s))
    shutil.copy(s, dst)
    units.append({"family": "demo", "rel": "demo/" + os.path.basename(s), "file": dst,
                  "directory": os.path.join(out, "src", "demo"), "args": ["-std=c++20"]})
with open(os.path.join(out, "manifest.json"), "w") as f:
    json.dump({"version": 1, "units": units}, f)
