#!/usr/bin/env bash
# Instructions per cable for parse + JSON, counted by valgrind (callgrind): unlike wall time,
# the count is the same from run to run, so it shows the effect of a change on a noisy machine.
#   bench/instructions.sh [CSV] [N]      (defaults: bench/out/sample2k.csv, 150)
set -euo pipefail
cd "$(dirname "$0")/.."
csv=${1:-bench/out/sample2k.csv}
n=${2:-150}
count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null .venv/bin/python bench/parse_some.py "$csv" "$1" 2>&1 \
        | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
base=$(count 0)
full=$(count "$n")
echo "instructions per cable: $(( (full - base) / n ))"
