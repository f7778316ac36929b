#!/usr/bin/env bash
# Scaling of `claimlint check` between two corpora that bench/run.sh prepared (say the
# 100 MiB and the 1 GiB one). The two are run alternately, ROUNDS times (default 3), so
# that both meet the same load of a shared machine; it prints the median wall time of
# each, the ratio of the times against the ratio of the bytes, and the time 10 times the
# bytes would take at that rate (target: at most 11 times).
#
#   bench/scaling.sh SMALL_DIR LARGE_DIR [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
small=$1 large=$2 rounds=${3:-3}
cargo build --release --quiet
bin=./target/release/claimlint
for dir in "$small" "$large"; do
    tr '\n' '\0' < "$dir/files.txt" | xargs -0 cat > /dev/null
done
times=$(mktemp)
for _ in $(seq "$rounds"); do
    for dir in "$small" "$large"; do
        /usr/bin/time -f "$dir %e" -a -o "$times" $bin check --isolated --rules "$dir/rules" \
            --rules "$dir/gazetteer.toml" --format json "$dir/articles" > /dev/null || true
    done
done
size() { tr '\n' '\0' < "$1/files.txt" | du -cb --files0-from=- | tail -1 | cut -f1; }
python3 - "$times" "$small" "$large" "$(size "$small")" "$(size "$large")" <<'PY'
import statistics, sys
times, small, large, sb, lb = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
runs = {small: [], large: []}
for line in open(times):
    parts = line.split()
    if len(parts) == 2 and parts[0] in runs:
        runs[parts[0]].append(float(parts[1]))
s, l = statistics.median(runs[small]), statistics.median(runs[large])
print(f"{small}: {sb/1e6:.1f} MB, median {s:.2f} s of {runs[small]}")
print(f"{large}: {lb/1e6:.1f} MB, median {l:.2f} s of {runs[large]}")
print(f"bytes x{lb/sb:.2f}, time x{l/s:.2f}: 10 times the bytes take {10 * (l/s) / (lb/sb):.1f} times the time")
PY
rm -f "$times"
