#!/usr/bin/env bash
# Benchmark and accuracy run on a synthetic corpus from ../shared/bench/gen_corpus.py.
#
#   bench/run.sh [ARTICLES] [OUT_DIR] [SEED]   (24200 articles ≈ 100 MiB; 250000 ≈ 1 GiB)
#
# In one run, on the same files and a warm page cache, it measures:
#   1. `claimlint check` (extraction, cross-checks, JSON report): wall time, MB/s, peak RSS,
#      the median of CHECK_RUNS runs (default 3; wall times on a shared VM vary by 10-20%);
#   2. `rg -j2 -o --json -f` on claimlint's own patterns (`claimlint rules --patterns`, the
#      entity slots spelled out as names). These are slow in ripgrep, so it runs on the
#      first RG_SAMPLE files (default 500) and the figure is that sample's MB/s;
#   3. `rg -j2 -o --json -f` on the reference patterns of ../shared/bench/patterns.txt with
#      ASCII `\b`, over the whole corpus: the ripgrep speed the issue quotes;
#   4. recall and precision of the findings against the generator's truth.jsonl.
# Nothing is written into the repository. Needs python3, GNU time and ripgrep
# (`cargo install ripgrep --locked`).
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-24200}
out=${2:-$(mktemp -d)}
seed=${3:-1}
sample=${RG_SAMPLE:-500}
runs=${CHECK_RUNS:-3}
shared=../shared/bench
[ -d "$out/articles" ] || python3 "$shared/gen_corpus.py" --articles "$articles" --seed "$seed" \
    --out "$out" --jobs 2 > /dev/null
python3 bench/gazetteer.py "$out/world.json" > "$out/gazetteer.toml"
# The shipped rules without the seed corpus's entities, plus the generated gazetteer.
mkdir -p "$out/rules"
cp rules/*.toml "$out/rules/"
cp bench/rules/*.toml "$out/rules/" 2>/dev/null || true
python3 - "$out/rules/entities.toml" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read()
open(p, "w").write(s[: s.index("# --- people")])
PY
cargo build --release --quiet
bin=./target/release/claimlint
rules=(--isolated --rules "$out/rules" --rules "$out/gazetteer.toml")
$bin rules --rules "$out/rules" --rules "$out/gazetteer.toml" --patterns > "$out/patterns.txt"
sed 's/\\b/(?-u:\\b)/g' "$shared/patterns.txt" > "$out/reference_patterns.txt"
find "$out/articles" -name '*.txt' | sort > "$out/files.txt"
head -n "$sample" "$out/files.txt" > "$out/sample.txt"
size() { tr '\n' '\0' < "$1" | du -cb --files0-from=- | tail -1 | cut -f1; }
bytes=$(size "$out/files.txt")
sample_bytes=$(size "$out/sample.txt")
# Warm the page cache, then time.
tr '\n' '\0' < "$out/files.txt" | xargs -0 cat > /dev/null
timed() { # NAME OUTPUT command...: wall seconds and peak KiB into $out/NAME.time
    local name=$1 output=$2
    shift 2
    /usr/bin/time -f '%e %M' -o "$out/$name.time" "$@" > "$output" || true
}
for run in $(seq "$runs"); do
    timed "check_$run" "$out/check.json" $bin check "${rules[@]}" --format json "$out/articles"
done
timed rg_own /dev/null sh -c "tr '\n' '\0' < '$out/sample.txt' | xargs -0 rg -j2 -o --json --regex-size-limit 2G --dfa-size-limit 2G -f '$out/patterns.txt'"
timed rg_reference /dev/null rg -j2 -o --json -f "$out/reference_patterns.txt" "$out/articles"
python3 - "$out" "$bytes" "$sample_bytes" "$sample" "$runs" <<'PY'
import statistics, sys
out, b, sb, sample, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
def read(name):
    wall, kib = open(f"{out}/{name}.time").read().split()[-2:]
    return float(wall), int(kib)
checks = [read(f"check_{i}") for i in range(1, runs + 1)]
cw, ck = statistics.median(w for w, _ in checks), max(k for _, k in checks)
ow, ok = read("rg_own")
rw, rk = read("rg_reference")
c, o, r = b / 1e6 / cw, sb / 1e6 / ow, b / 1e6 / rw
print(f"corpus: {b/1e6:.1f} MB")
print(f"claimlint check:                      {cw:8.2f} s  {c:8.1f} MB/s  peak RSS {ck/1024:.0f} MiB"
      f"  (median of {runs}: {', '.join(f'{w:.2f}' for w, _ in checks)} s)")
print(f"rg -o --json, claimlint's patterns:   {ow:8.2f} s  {o:8.2f} MB/s  ({sample} files, {sb/1e6:.1f} MB)")
print(f"rg -o --json, reference patterns:     {rw:8.2f} s  {r:8.1f} MB/s  peak RSS {rk/1024:.0f} MiB")
print(f"claimlint / rg on its own patterns:   {c/o:8.1f}x")
print(f"claimlint / rg on reference patterns: {c/r:8.2f}x")
PY
python3 bench/score.py "$out/check.json" "$out"
echo "corpus and results in $out"
