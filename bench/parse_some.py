"""Parse the first N cables of a generated ``cables.csv``: the workload ``instructions.sh`` counts.

The file is read once before counting starts, and every record is parsed and
serialised exactly as ``interdict cables parse`` does.  Run with N = 0 to
measure everything but the parsing, which ``instructions.sh`` subtracts.
"""

from __future__ import annotations

import sys
from itertools import islice

from interdict.cables.pipeline import render
from interdict.cables.sources.walk import iter_raw


def main() -> None:
    path, count = sys.argv[1], int(sys.argv[2])
    raws = list(islice(iter_raw([path]), max(count, 1)))
    render(raws[0])  # load the tag tables and compile the patterns outside the count
    for raw in raws[1 : count + 1]:
        render(raw)


if __name__ == "__main__":
    main()
