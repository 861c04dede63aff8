#!/usr/bin/env python3
"""test_bench.py - bench.py's judge of issue 13's targets on figures made by hand (ctest:
bench_targets): each target met or missed as its figure says, a target without its row named as
not judged. Runs no benchmark and needs nothing from ../shared."""
import contextlib
import io
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402


def fig(cpu, rss=3e6, faults=100):
    return {"cpu": cpu, "rss": rss, "faults": faults}


def judged(rows, real):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        bench.judge_issue13(rows, real, 2.7e6)
    return buf.getvalue()


def check_long_base():
    """Sizes past gen_pairs' base text get a base of copies of it, written once; sizes within
    it get none."""
    import gzip
    import tempfile
    from types import SimpleNamespace
    with tempfile.TemporaryDirectory() as d:
        with gzip.open(os.path.join(d, "base.txt.gz"), "wb") as f:
            f.write(b"A paragraph of prose.\n\n" * 4)  # 92 bytes
        args = SimpleNamespace(out=d)
        gen = os.path.join(d, "gen_pairs.py")
        assert bench.long_base(args, gen, 50) is None
        path = bench.long_base(args, gen, 1000)  # 1,200 bytes wanted: 14 copies
        assert path and path.endswith("base-x14.txt"), path
        with open(path, "rb") as f:
            data = f.read()
        assert data.count(b"A paragraph of prose.") == 56 and b"\n\n\n" not in data, data[:80]


def main():
    start = ("start-up", 0, {"redline": fig(0.004), "git": fig(0.006)})
    rows = [start,
            ("s1M_r30_keep", 2.2e6, {"redline": fig(0.5, rss=20e6), "git": fig(0.3),
                                     "wc": fig(0.01)}),
            ("s10M_r30_keep", 22e6, {"redline": fig(0.4, rss=300e6, faults=40000),
                                     "git": fig(5.0), "wc": fig(0.1)}),
            ("s10M_r30_keep: tokenize + intern alone", 22e6, {"phase": fig(0.25),
                                                              "wc": fig(0.1)}),
            ("shuffled 4M", 8e6, {"redline": fig(2.0), "git": fig(1.0)}),
            ("cumulative song 1M", 2e6, {"redline": fig(0.4), "git": fig(1)}),
            ("cumulative song 4M", 8e6, {"redline": fig(3.2), "git": fig(1)})]
    real = {"redline": 2.0, "git": 2.3, "wd2": 1.9, "over": ["en09"], "eng_redline": 0.2,
            "eng_wd2": 0.05}
    out = judged(rows, real)
    want = ["met     start-up: 0.67x", "met     real revisions, a process each: 0.87x git",
            "MISSED  real revisions, a process each: 1.05x wd2",
            "MISSED  real revisions: 1 pairs over", "MISSED  engine alone: 4.00x",
            "MISSED  the whole alignment no slower than git on every generated pair: "
            "s1M_r30_keep 1.67x\n",  # the shape row is no generated pair
            "met     s10M_r30_keep: 4.0x `wc -w`", "MISSED  s10M_r30_keep: 40000 minor faults",
            "MISSED  memory <= 10x the input on every row: s10M_r30_keep 13.5x",
            "MISSED  cumulative song: CPU grows as n^1.50",
            "MISSED  s10M_r30_keep: tokenize + intern alone 2.5x `wc -w` (<= 2x)"]
    for w in want:
        assert w in out, f"{w!r} not in:\n{out}"
    out = judged([start], None)
    assert "no 10 MB wrapped row" in out and "one song size" in out, out
    assert "tokenize + intern not judged" in out, out
    rows[3] = (rows[3][0], rows[3][1], {"phase": fig(0.15), "wc": fig(0.1)})
    assert "met     s10M_r30_keep: tokenize + intern alone 1.5x" in judged(rows, real)
    assert "engine alone" not in out, out
    check_long_base()
    print("bench targets: judged as the figures say; a long base made of copies")
    return 0


if __name__ == "__main__":
    sys.exit(main())
