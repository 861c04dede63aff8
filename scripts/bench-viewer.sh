#!/bin/sh
# bench-viewer.sh: the viewer's benchmark: time to first frame, per-key redraw, bytes sent to the
# terminal and blocks laid out per key, on the bundled examples and on a generated 10 MB pair.
#   scripts/bench-viewer.sh BUILD_DIR
# A benchmark, not a test: figures vary with the machine and its load.
set -eu
build=${1:-build}
bin=$build/viewer_bench
out=$build/bench-viewer
gen=../shared/bench/gen_pairs.py
mkdir -p "$out"

echo "== the example article, side by side at 160x48"
for v in 2-spun 3-summary 4-rewrite; do
	nice "$bin" --cols 160 --lines 48 examples/lighthouse-1-original.txt \
		examples/lighthouse-$v.txt "original -> $v"
done
echo "== the example article on an 80x24 terminal"
nice "$bin" --cols 80 --lines 24 examples/lighthouse-1-original.txt \
	examples/lighthouse-2-spun.txt "original -> 2-spun"

if [ -f "$gen" ] && command -v python3 >/dev/null 2>&1; then
	if [ ! -f "$out/p10M.old.txt" ]; then
		python3 "$gen" --size 10M --subst-rate 0.1 --sent-del 0.05 --sent-ins 0.05 \
			--moves 0.02 --seed 11 --out "$out/p10M" >/dev/null
	fi
	echo "== a generated 10 MB pair ($gen --size 10M)"
	nice "$bin" --cols 160 --lines 48 --keys 200 "$out/p10M.old.txt" "$out/p10M.new.txt" \
		"generated 10 MB"
else
	echo "== (no $gen: the 10 MB pair is skipped)"
fi
