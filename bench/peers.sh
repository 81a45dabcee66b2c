#!/usr/bin/env bash
# rdiff against the tools users would otherwise use, on the same inputs in the same run:
# Python's difflib.HtmlDiff (bench/difflib_htmldiff.py), `git diff --no-index --word-diff-regex=.`
# and the OpenCC command-line tool. Whole processes, interleaved, medians (bench/harness.py).
#
# Usage: bench/peers.sh            (RUNS=15 by default; RUNS=30 bench/peers.sh for more)
# Installs what is missing (python3, git, opencc, GNU time) with apt-get, builds rdiff in release
# mode, makes the inputs in target/bench-peers/ from samples/, and prints one table per case.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-15}

missing=()
command -v python3 >/dev/null || missing+=(python3)
command -v git >/dev/null || missing+=(git)
command -v opencc >/dev/null || missing+=(opencc)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]}" >&2
    apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi

cargo build --release --quiet --bin rdiff
rdiff=target/release/rdiff
root=target/bench-peers
rm -rf "$root" && mkdir -p "$root/split"
"$rdiff" split samples/compilation-2024.txt -o "$root/split" >/dev/null 2>&1

# One sentence per line, as written (the same files go to every tool).
sentences() { "$rdiff" normalize --original "$root/split/2024年$1市政府工作报告.txt"; }
# Several reports as one: the first report's title stays, the later titles go, so that rdiff
# reads one long report rather than a compilation.
joined() {
    sentences "$1"
    shift
    for city in "$@"; do sentences "$city" | tail -n +2; done
}
sentences 沈阳 >"$root/shenyang.txt"
sentences 福州 >"$root/fuzhou.txt"
joined 济南 沈阳 福州 >"$root/three-a.txt"
joined 本溪 盘锦 商丘 内江 >"$root/four-b.txt"
# ~10 MB: the Traditional sample repeated, and its Simplified twin (converted by OpenCC).
for _ in $(seq 240); do cat samples/congtai-2024-traditional.txt; echo; done >"$root/traditional.txt"
opencc -c t2s.json -i "$root/traditional.txt" -o "$root/simplified.txt"
# Start-up: one sentence, so that loading the t2s dictionaries is most of the work.
echo "現在,我代表叢臺區人民政府向大會報告工作,請予審議。" >"$root/one-traditional.txt"
echo "现在,我代表丛台区人民政府向大会报告工作,请予审议。" >"$root/one-simplified.txt"

# C.UTF-8 for every command: git's `.` must match a character, not a byte.
harness() { LC_ALL=C.UTF-8 python3 bench/harness.py --runs "$runs" "$@"; }
git_word_diff="git diff --no-index --no-color --word-diff-regex=."
size() { stat -c %s "$1"; }
echo "machine: $(nproc) cores, $(. /etc/os-release && echo "$PRETTY_NAME"), $(rustc --version)"
echo "peers: $(python3 --version), $(git --version), opencc $(opencc --version 2>&1 | grep -o '[0-9][0-9.]*' | head -1)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

pair() {
    local title=$1 a=$2 b=$3
    harness --title "$title: $(size "$a") + $(size "$b") bytes" \
        "rdiff --html=$rdiff $a $b --html $root/rdiff.html" \
        "difflib.HtmlDiff=python3 bench/difflib_htmldiff.py $a $b $root/difflib.html" \
        "git word-diff=$git_word_diff $a $b"
}
pair "~40 KB pair (沈阳, 福州)" "$root/shenyang.txt" "$root/fuzhou.txt"
pair "~150 KB pair (济南+沈阳+福州, 本溪+盘锦+商丘+内江)" "$root/three-a.txt" "$root/four-b.txt"

convert() {
    local title=$1 file=$2
    harness --bytes "$(size "$file")" --title "$title: $(size "$file") bytes" \
        "rdiff normalize=$rdiff normalize $file" \
        "opencc t2s=opencc -c t2s.json -i $file -o $root/opencc.txt"
}
convert "Traditional -> Simplified" "$root/traditional.txt"
convert "Simplified input (nothing to convert)" "$root/simplified.txt"

harness --title "Start-up: one sentence (Traditional loads the t2s dictionaries)" \
    "rdiff, Simplified=$rdiff normalize $root/one-simplified.txt" \
    "rdiff, Traditional=$rdiff normalize $root/one-traditional.txt"

# Peak memory (maximum resident set size) of one run each.
peak() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
echo
echo "## Peak memory (max RSS, MB)"
printf '%-48s %8s\n' run "peak MB"
mb() { awk '{printf "%.1f", $1 / 1024}'; }
printf '%-48s %8s\n' "rdiff --html, ~40 KB pair" "$(peak "$rdiff" "$root/shenyang.txt" "$root/fuzhou.txt" --html "$root/rdiff.html" | mb)"
printf '%-48s %8s\n' "rdiff --html, ~150 KB pair" "$(peak "$rdiff" "$root/three-a.txt" "$root/four-b.txt" --html "$root/rdiff.html" | mb)"
printf '%-48s %8s\n' "rdiff normalize, 10 MB Traditional" "$(peak "$rdiff" normalize "$root/traditional.txt" | mb)"
printf '%-48s %8s\n' "difflib.HtmlDiff, ~40 KB pair" "$(peak python3 bench/difflib_htmldiff.py "$root/shenyang.txt" "$root/fuzhou.txt" "$root/difflib.html" | mb)"
printf '%-48s %8s\n' "opencc t2s, 10 MB Traditional" "$(peak opencc -c t2s.json -i "$root/traditional.txt" -o "$root/opencc.txt" | mb)"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
