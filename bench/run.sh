#!/usr/bin/env bash
# Benchmark and accuracy run on a synthetic corpus from ../shared/bench/gen_corpus.py.
#   bench/run.sh [ARTICLES] [OUT_DIR]     (24200 articles ≈ 100 MiB; 250000 ≈ 1 GiB)
# Prints wall time, throughput and peak memory of extraction+check, then recall and
# precision against the generator's truth.jsonl. Nothing is written into the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-24200}
out=${2:-$(mktemp -d)}
gen=../shared/bench/gen_corpus.py
[ -d "$out/articles" ] || python3 "$gen" --articles "$articles" --seed 1 --out "$out" --jobs 2 > /dev/null
python3 bench/gazetteer.py "$out/world.json" > "$out/gazetteer.toml"
# The shipped rules without the seed corpus's entities, plus the generated gazetteer.
mkdir -p "$out/rules"
cp rules/*.toml "$out/rules/"
python3 - "$out/rules/entities.toml" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read()
open(p, "w").write(s[: s.index("# --- people")])
PY
cargo build --release --quiet
bytes=$(find "$out/articles" -name '*.txt' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
/usr/bin/time -v ./target/release/claimlint check --isolated --rules "$out/rules" --rules "$out/gazetteer.toml" \
  --format json "$out/articles" > "$out/check.json" 2> "$out/time.txt" || true
wall=$(grep 'Elapsed (wall clock)' "$out/time.txt" | awk '{print $NF}')
rss=$(grep 'Maximum resident' "$out/time.txt" | awk '{print $NF}')
python3 - "$bytes" "$wall" "$rss" <<'PY'
import sys
b, wall, rss = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
parts = [float(x) for x in wall.split(":")]
secs = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
print(f"{b/1e6:.1f} MB in {secs:.2f} s = {b/1e6/secs:.1f} MB/s, peak RSS {rss/1024:.0f} MiB")
PY
python3 bench/score.py "$out/check.json" "$out"
echo "corpus and results in $out"
