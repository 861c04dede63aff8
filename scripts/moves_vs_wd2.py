"""moves_vs_wd2.py - redline's moves against wikidiff2's moved paragraphs on real revisions.

    python3 scripts/moves_vs_wd2.py [--bin rel/src/redline] [--wd2 build-bench/wd2/wd2]
                                    [--shared ../shared] [--pairs DIR] [--one-way]
                                    [--quiet | --every]

Issue 10, class 5. MediaWiki's wikidiff2 (../shared/bench/wikidiff2, its driver wd2 run with
`--format=json --moves=1`) marks a deleted line and an added line more than 40% alike as one
paragraph moved (types 4 and 5 of its JSON, linked by their anchors; offsets in bytes). redline's
moves are its `move` ops in `--json`, grouped by move id. On every pair of wikidiff2's real
revisions (PAIRS holds NAME.a.txt / NAME.b.txt, default bench/out/wd2-pairs, made with
../shared/bench/wikidiff2/pairs.py when missing), both directions unless --one-way:

  wd2's moves   consecutive moved lines (whitespace between, on both sides) are one move, with
                its OLD and NEW byte ranges;
  redline's     a move id's extent on each side (its move ops and the edits that carry its id);
                a "phrase" move lies inside one line on each side and covers under half of its
                OLD line's words: wikidiff2 moves whole lines only, so these are out of its reach
                and counted apart;
  both          a wd2 move and a redline move whose OLD ranges overlap and NEW ranges overlap.

A wd2 move that redline does not mark as moved is said to be
  paired   when most of its NEW bytes are in equal ops whose OLD side lies in its OLD range
           (redline kept it and moved, or re-aligned, the text around it instead),
  linked   when an op over it carries a "source" link into its OLD range,
  apart    otherwise (redline shows a deletion and an insertion).
Each move is judged real or in place by witnesses outside its ranges: lines that stand once
in each text, the same (WITNESS non-blank bytes or more), and the lines wd2 pairs in place (its
context lines, and changed lines that keep half their bytes: a list item re-spelt between two
swapped ones). A move is real when a witness stands before it on one side and after it on the
other (the text left its place relative to text both sides keep); otherwise it is in place
(re-formatted where it stood, split where it stood, or a line written in place of another). A
move whose text stands more than once on a side (a table's `|-`, a repeated cell) is
"repeated": which copy went where is arbitrary, so it is counted apart. A real wd2 move that
redline keeps "paired" while moving a passage on the other side of it is a "complement": the
same transposition told from its other half. The verdicts are a first sorting, to be read: a
line that wd2 pairs with another field of 40% alike characters can pass as real.
Prints each pair with a disagreement (the lines and the first words of each side; with --every
the moves both find too), then totals.
Exit 0; skips (exit 0, a message) when ../shared or wd2 is absent. Not a test: a measure of
agreement to be read pair by pair (doc/alignment-real-text.md, stop 34, s34wdmoves).
"""
import argparse
import glob
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONTEXT, CHANGE, MOVE_SOURCE, MOVE_DEST = 0, 3, 4, 5  # wikidiff2's InlineJSONFormatter DiffType
SHOW = 70                      # characters of a side shown for a disagreement
WITNESS = 8                    # non-blank bytes a witness line holds at least (not a bare `|-`)


def line_end(data, start):
    end = data.find(b"\n", start)
    return len(data) if end < 0 else end


def blank(data, start, end):
    return not data[start:end].strip()


def wd2_diff(wd2, old, new):
    out = subprocess.run([wd2, "--format=json", "--moves=1", old, new],
                         capture_output=True, check=True).stdout
    return json.loads(out.decode("utf-8", "replace"))["diff"]


def mostly_kept(e):
    """True for a wd2 line kept, or changed in place keeping at least half of its bytes."""
    if e["type"] == CONTEXT:
        return True
    size = len(e["text"].encode("utf-8"))
    marked = [sum(r["length"] for r in e.get("highlightRanges", []) if r["type"] == t)
              for t in (0, 1)]
    kept = size - sum(marked)
    return kept >= max(marked)


def wd2_pairs(diff):
    """[(OLD offset, NEW offset)] of the lines wd2 keeps, or changes in place keeping most."""
    return [(e["offset"]["from"], e["offset"]["to"]) for e in diff
            if e["type"] in (CONTEXT, CHANGE) and None not in e["offset"].values()
            and len("".join(e["text"].split())) >= WITNESS and mostly_kept(e)]


def wd2_moves(diff, a_data, b_data):
    """wd2's moves as [(a0, a1, b0, b1)], consecutive moved lines merged."""
    src = {e["moveInfo"]["id"]: e for e in diff if e["type"] == MOVE_SOURCE}
    lines = []
    for e in diff:
        if e["type"] != MOVE_DEST:
            continue
        s = src.get(e["moveInfo"]["linkId"])
        if s is None:
            continue
        a0, b0 = s["offset"]["from"], e["offset"]["to"]
        lines.append((a0, line_end(a_data, a0), b0, line_end(b_data, b0)))
    lines.sort(key=lambda m: (m[2], m[0]))
    moves = []
    for m in lines:
        if moves:
            p = moves[-1]
            if (p[1] <= m[0] and blank(a_data, p[1], m[0])
                    and p[3] <= m[2] and blank(b_data, p[3], m[2])):
                moves[-1] = (p[0], m[1], p[2], m[3])
                continue
        moves.append(m)
    return moves


def redline_json(binary, old, new):
    out = subprocess.run([binary, "--json", old, new], capture_output=True).stdout
    return json.loads(out.decode("utf-8"))


def redline_moves(doc):
    """redline's moves as {id: (a0, a1, b0, b1)}, the extent of the ops with that id."""
    ext = {}
    for op in doc["ops"]:
        mid = op.get("move")
        if mid is None:
            continue
        e = ext.setdefault(mid, [None, None, None, None])
        for side, k in (("a", 0), ("b", 2)):
            if side in op:
                r = op[side]
                e[k] = r[0] if e[k] is None else min(e[k], r[0])
                e[k + 1] = r[1] if e[k + 1] is None else max(e[k + 1], r[1])
    return {mid: tuple(e) for mid, e in ext.items() if None not in e}


def overlap(r0, r1, s0, s1):
    return max(0, min(r1, s1) - max(r0, s0))


def words(data, start, end):
    return len(data[start:end].split())


def phrase(m, a_data, b_data):
    """True when a redline move lies inside one line of each side, under half its OLD line."""
    a0, a1, b0, b1 = m
    if b"\n" in a_data[a0:a1] or b"\n" in b_data[b0:b1]:
        return False
    ls = a_data.rfind(b"\n", 0, a0) + 1
    return 2 * words(a_data, a0, a1) < words(a_data, ls, line_end(a_data, a0))


def covered(ops, m, test):
    """Share of the NEW bytes of wd2 move m in ops passing test(op)."""
    _, _, b0, b1 = m
    hit = sum(overlap(b0, b1, *op["b"]) for op in ops if "b" in op and test(op))
    return hit / max(1, b1 - b0)


def fate(doc, m):
    """How redline shows a wd2 move it does not mark as moved."""
    a0, a1 = m[0], m[1]
    ops = doc["ops"]
    kept = covered(ops, m, lambda op: op["kind"] == "equal" and overlap(a0, a1, *op["a"]) > 0)
    if kept > 0.5:
        return "paired"
    links = covered(ops, m, lambda op: any(overlap(a0, a1, *s) for s in op.get("source", [])))
    return "linked" if links > 0 else "apart"


def snippet(data, start, end):
    text = " ".join(data[start:end].decode("utf-8", "replace").split())
    return text[:SHOW] + ("..." if len(text) > SHOW else "")


def line_no(data, off):
    return data.count(b"\n", 0, off) + 1


def line_starts(data):
    """{line: its start offset} for the lines that stand once in data."""
    seen = {}
    pos = 0
    for line in data.split(b"\n"):
        key = line.strip()
        if len(b"".join(key.split())) >= WITNESS:
            seen[key] = None if key in seen else pos
        pos += len(line) + 1
    return {k: v for k, v in seen.items() if v is not None}


def witnesses(a_data, b_data):
    """[(OLD offset, NEW offset)] of the lines that stand once in each text."""
    a, b = line_starts(a_data), line_starts(b_data)
    return [(a[k], b[k]) for k in a.keys() & b.keys()]


def crosses(m, r):
    """True when r stands before m on one side and after it on the other."""
    a0, a1, b0, b1 = m
    return (r[0] >= a1 and r[3] <= b0) or (r[1] <= a0 and r[2] >= b1)


def real(m, wits):
    return any(crosses(m, (wa, wa + 1, wb, wb + 1)) for wa, wb in wits)


def repeated(m, a_data, b_data):
    """True when the move's text stands more than once in OLD or in NEW."""
    a, b = a_data[m[0]:m[1]].strip(), b_data[m[2]:m[3]].strip()
    return a_data.count(a) > 1 or b_data.count(b) > 1


def verdict(m, wits, a_data, b_data):
    if repeated(m, a_data, b_data):
        return "repeated"
    return "real" if real(m, wits) else "in place"


def describe(m, a_data, b_data):
    a0, a1, b0, b1 = m
    return ("OLD l.%d [%d,%d) %s\n        NEW l.%d [%d,%d) %s"
            % (line_no(a_data, a0), a0, a1, snippet(a_data, a0, a1),
               line_no(b_data, b0), b0, b1, snippet(b_data, b0, b1)))


def compare(args, name, old, new):
    """Counts for one direction of one pair, and the lines describing its disagreements."""
    a_data, b_data = open(old, "rb").read(), open(new, "rb").read()
    diff = wd2_diff(args.wd2, old, new)
    wd = wd2_moves(diff, a_data, b_data)
    doc = redline_json(args.bin, old, new)
    rl = redline_moves(doc)
    wits = witnesses(a_data, b_data) + wd2_pairs(diff) if wd or rl else []
    counts = {}

    def count(key):
        counts[key] = counts.get(key, 0) + 1
    notes = []
    matched = set()
    for m in wd:
        kind = verdict(m, wits, a_data, b_data)
        count("wd2 " + kind)
        hits = [mid for mid, r in rl.items()
                if overlap(m[0], m[1], r[0], r[1]) and overlap(m[2], m[3], r[2], r[3])]
        if hits:
            count("both " + kind)
            matched.update(hits)
            if args.every:
                notes.append("  both, %s (move %s): %s" % (kind, ",".join(map(str, hits)),
                                                          describe(m, a_data, b_data)))
            continue
        how = fate(doc, m)
        if how == "paired" and any(crosses(m, r) for r in rl.values()):
            how = "complement"
        count("wd2 only %s %s" % (kind, how))
        notes.append("  wd2 only, %s (redline: %s): %s"
                     % (kind, how, describe(m, a_data, b_data)))
    for mid, r in sorted(rl.items()):
        if mid in matched:
            continue
        if phrase(r, a_data, b_data):
            count("redline phrase")
            continue
        kind = verdict(r, wits, a_data, b_data)
        count("redline only " + kind)
        notes.append("  redline only, %s (move %s): %s"
                     % (kind, mid, describe(r, a_data, b_data)))
    return counts, notes


def find_pairs(args):
    if not os.path.isdir(args.pairs):
        make = os.path.join(args.shared, "bench", "wikidiff2", "pairs.py")
        subprocess.run([sys.executable, make, args.pairs], check=True, stdout=subprocess.DEVNULL)
    return sorted(p[:-len(".a.txt")] for p in glob.glob(os.path.join(args.pairs, "*.a.txt")))


def print_totals(total, n):
    t = lambda k: total.get(k, 0)
    print("totals over %d directions:" % n)
    for kind in ("real", "in place", "repeated"):
        print("  wd2's %-8s moves %3d: redline moves it too %d, moves the text around it %d, "
              "links it as a source %d, keeps it paired in place %d, shows it deleted and "
              "inserted %d"
              % (kind, t("wd2 " + kind), t("both " + kind),
                 t("wd2 only %s complement" % kind), t("wd2 only %s linked" % kind),
                 t("wd2 only %s paired" % kind), t("wd2 only %s apart" % kind)))
    print("  redline only: real %d, in place %d, repeated %d; phrase moves inside a line "
          "(beyond wd2) %d" % (t("redline only real"), t("redline only in place"),
                               t("redline only repeated"), t("redline phrase")))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, "rel", "src", "redline"))
    ap.add_argument("--wd2", default=os.path.join(ROOT, "build-bench", "wd2", "wd2"))
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--pairs", default=os.path.join(ROOT, "bench", "out", "wd2-pairs"))
    ap.add_argument("--one-way", action="store_true", help="OLD -> NEW only")
    ap.add_argument("--quiet", action="store_true", help="totals only")
    ap.add_argument("--every", action="store_true", help="list the moves both find as well")
    args = ap.parse_args()
    if not os.path.isdir(os.path.join(args.shared, "bench", "wikidiff2")):
        print("no %s/bench/wikidiff2: skipped" % args.shared, file=sys.stderr)
        return 0
    if not os.access(args.wd2, os.X_OK):
        print("no wd2 at %s (build it with %s/bench/wikidiff2/build.sh): skipped"
              % (args.wd2, args.shared), file=sys.stderr)
        return 0
    total, dirs = {}, [("a", "b")] if args.one_way else [("a", "b"), ("b", "a")]
    pairs = find_pairs(args)
    for base in pairs:
        for x, y in dirs:
            counts, notes = compare(args, base, "%s.%s.txt" % (base, x), "%s.%s.txt" % (base, y))
            for k, v in counts.items():
                total[k] = total.get(k, 0) + v
            if notes and not args.quiet:
                print("%s %s>%s:" % (os.path.basename(base), x, y))
                print("\n".join(notes))
    print_totals(total, len(pairs) * len(dirs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
