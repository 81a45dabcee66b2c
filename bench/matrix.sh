#!/usr/bin/env bash
# Benchmark of `rdiff matrix`: N synthetic reports of realistic size (about 30 KB each, built by
# examples/gen_corpus.rs from the samples' sentences with a fixed share of planted boilerplate),
# compared with `rdiff matrix --top 10 --json` under /usr/bin/time -v.
#
# Usage: bench/matrix.sh [N...]      (default: 300 1000 3000)
# Prints, per N: reports, corpus size, wall time, peak RSS. The corpus is kept in
# target/bench-matrix/N/ (generated once) and the JSON output beside it.
set -euo pipefail
cd "$(dirname "$0")/.."

counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(300 1000 3000)

cargo build --release --quiet --bin rdiff --example gen_corpus
root=target/bench-matrix
mkdir -p "$root"
printf '%8s %10s %10s %12s\n' reports size wall_s peak_rss_mb
for n in "${counts[@]}"; do
    dir="$root/$n"
    if [ ! -f "$dir/planted.json" ]; then
        target/release/examples/gen_corpus "$dir" "$n" 2>/dev/null
    fi
    /usr/bin/time -v target/release/rdiff matrix --quiet --top 10 --json "$dir" \
        >"$root/$n.json" 2>"$root/$n.time"
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$root/$n.time" |
        awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$root/$n.time")
    size=$(du -sh --apparent-size "$dir" | cut -f1)
    printf '%8s %10s %10s %12s\n' "$n" "$size" "$wall" "$rss"
done
