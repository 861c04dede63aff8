#!/bin/sh
# Checks that a change to the engine's speed left the alignment exactly as it was: `--json` of
# BASE and NEW (two builds of redline) byte for byte on every pair of wikidiff2's real revisions
# (both directions, and with -i -p), on every pair of files in each folder of
# ../shared/peers/real, and on the corpus's and the examples' texts (every ordered pair). Not a
# test: run it before committing a speed change (doc/performance.md). Exit 0 when identical, 1 on the first difference (it names the pair).
# With --all it goes on past a difference, names every pair that differs (one line each, the ops'
# count on each side) and exits 1 at the end if any did: the way to weigh a change that is meant
# to move the alignment, one pair at a time.
#
#   scripts/same-alignment.sh [--all] BASE_BIN NEW_BIN [PAIRS_DIR]
#
# PAIRS_DIR holds the wikidiff2 pairs as NAME.a.txt / NAME.b.txt (default bench/out/wd2-pairs,
# which `make bench` writes); made with ../shared/bench/wikidiff2/pairs.py when missing.
set -eu
all=0
if [ "${1:-}" = --all ]; then
    all=1
    shift
fi
base=$1
new=$2
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$here/../shared}
pairs=${3:-$here/bench/out/wd2-pairs}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ ! -d "$pairs" ] && [ -f "$shared/bench/wikidiff2/pairs.py" ]; then
    python3 "$shared/bench/wikidiff2/pairs.py" "$pairs" >/dev/null
fi

n=0
differ=0
same() { # OLD NEW [flags...]
    # its own names: the callers' loops run over $a and $b (until stop 34 this overwrote them,
    # and the -i -p run after "same $b $a" compared NEW with OLD)
    sa_old=$1
    sa_new=$2
    shift 2
    # exit 1 means "differences found", like diff; 2 is an error and is compared as well
    "$base" --json "$@" "$sa_old" "$sa_new" >"$tmp/base" 2>&1 || [ $? -eq 1 ] || echo "exit $?" >>"$tmp/base"
    "$new" --json "$@" "$sa_old" "$sa_new" >"$tmp/new" 2>&1 || [ $? -eq 1 ] || echo "exit $?" >>"$tmp/new"
    if ! cmp -s "$tmp/base" "$tmp/new"; then
        [ $all -eq 1 ] || { echo "DIFFERENT: $* $sa_old $sa_new" >&2; exit 1; }
        differ=$((differ + 1))
        echo "DIFFERENT: $* $sa_old $sa_new ($(grep -o '"kind"' "$tmp/base" | wc -l) -> $(grep -o '"kind"' "$tmp/new" | wc -l) ops)"
    fi
    n=$((n + 1))
}

if [ -d "$pairs" ]; then
    for a in "$pairs"/*.a.txt; do
        b=${a%.a.txt}.b.txt
        same "$a" "$b"
        same "$b" "$a"
        same "$a" "$b" -i -p
    done
else
    echo "no wikidiff2 pairs ($pairs): skipped" >&2
fi

# Every ordered pair of the .txt files in folder $1.
each_pair() {
    for a in "$1"/*.txt; do
        [ -f "$a" ] || continue
        for b in "$1"/*.txt; do
            if [ "$a" != "$b" ]; then same "$a" "$b"; fi
        done
    done
}

if [ -d "$shared/peers/real" ]; then
    for dir in $(find "$shared/peers/real" -type d | sort); do
        each_pair "$dir"
    done
else
    echo "no peers ($shared/peers/real): skipped" >&2
fi

# The corpus's four versions of one article and the bundled example's, every ordered pair: the
# texts a user reads first.
for dir in "$shared/corpus" "$here/examples"; do
    if [ -d "$dir" ]; then each_pair "$dir"; fi
done

if [ $differ -gt 0 ]; then
    echo "same alignment: $differ of $n comparisons differ"
    exit 1
fi
echo "same alignment: $n comparisons identical"
