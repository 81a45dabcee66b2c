#!/usr/bin/env bash
# Fuzz rdiff: run each cargo-fuzz target for a fixed time, then print the figures of the run.
#
#   fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     (default: 300 s each; read compare render)
#   MAX_LEN=16384 fuzz/run.sh                          (longest input tried; default 4096 bytes)
#
# Works on stable Rust: RUSTC_BOOTSTRAP=1 lets stable accept the -Z flags cargo-fuzz passes.
# Installs cargo-fuzz from crates.io if missing. Seeds are made from samples/ on every run;
# the corpus grows in fuzz/corpus/TARGET, crashes land in fuzz/artifacts/TARGET, logs in
# fuzz/logs/TARGET.log (all ignored by git). A crashing input belongs in
# tests/fixtures/regressions/ once fixed (see tests/regressions.rs).
set -euo pipefail
cd "$(dirname "$0")"

seconds=${1:-300}
max_len=${MAX_LEN:-4096}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(read compare render)

export RUSTC_BOOTSTRAP=1
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
# No sanitizer: the code the targets run has no unsafe code (rdiff's one unsafe call, mallopt at
# start-up in src/allocator.rs, is the binary's), and without ASan the fuzzer runs several times
# faster; debug assertions stay on so integer overflow is caught.
build_flags=(--release --debug-assertions --sanitizer none)
cargo fuzz build "${build_flags[@]}"

# Seeds: every sample (readers), and pairs of sample heads (comparing, rendering), short
# enough that both sides fit in the default -max_len.
samples=(../samples/*.txt ../samples/hailaer/*.txt)
rm -rf seeds && mkdir -p seeds/read seeds/compare seeds/render logs
for f in "${samples[@]}"; do
  head -c 16000 "$f" > "seeds/read/$(basename "$f")"
done
for i in "${!samples[@]}"; do
  a=${samples[$i]}
  b=${samples[$(((i + 1) % ${#samples[@]}))]}
  name=$(basename "$a" .txt)
  { head -c 1800 "$a"; printf "\n@@B@@\n"; head -c 1800 "$b"; } > "seeds/compare/$name"
  { head -c 1800 "$a"; printf "\n@@B@@\n"; head -c 1800 "$a"; } > "seeds/compare/$name-self"
  case $a in
    */hailaer/*) { head -c 1800 "$a" | iconv -c -f GBK -t UTF-8 2>/dev/null || true; } > "seeds/render/$name" ;;
    *) head -c 1800 "$a" > "seeds/render/$name" ;;
  esac
done
printf '# 一、<script>alert(1)</script>\n甲\x1b[31m乙。"><img src=x>\n@@B@@\n# 一、&amp;\n甲乙。\xe2\x80\xae丙。\n' \
  > seeds/render/payloads

declare -A status
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "artifacts/$t"
  echo "== $t: ${seconds}s"
  if cargo fuzz run "${build_flags[@]}" "$t" "corpus/$t" "seeds/$t" -- \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" \
      -dict=rdiff.dict -print_final_stats=1 >"logs/$t.log" 2>&1; then
    status[$t]=ok
  else
    status[$t]="FAILED (see fuzz/logs/$t.log)"
  fi
done

echo
echo "| target | seconds | executions | coverage (edges) | corpus | crashes | status |"
echo "|---|---|---|---|---|---|---|"
for t in "${targets[@]}"; do
  log="logs/$t.log"
  execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  cov=$(grep -oE '(DONE|pulse|NEW|REDUCE) +cov: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+$' || echo "?")
  units=$(find "corpus/$t" -type f | wc -l)
  crashes=$(find "artifacts/$t" -type f | wc -l)
  echo "| $t | $seconds | ${execs:-?} | ${cov:-?} | $units | $crashes | ${status[$t]} |"
done
