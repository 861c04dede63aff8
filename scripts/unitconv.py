#!/usr/bin/env python3
"""Rewrite every read of a side's per-token unit array in diff/ through rl_unit_of (ctx.h).

`X->unit[I]` becomes `rl_unit_of(X, I)` and `X.unit[I]` becomes `rl_unit_of(&X, I)`, X being the
lvalue chain before it (identifiers, `[...]`, `.`, `->`). Run it from the top of the tree:
`python3 scripts/unitconv.py` (or `python3 scripts/unitconv.py diff/move.c ...` for some files);
it prints each file it changed with the count. Once run, no `->unit[` or `.unit[` is left, so a
second run changes nothing; after a merge brings new reads (`sd->unit[t]`), run it again, build,
and read `git diff`. A read through a local alias (`const uint32_t *unit = sd->unit;`) it does not
see: the build fails there, since the side keeps no `unit` array."""
import glob
import re
import sys


def back_expr(s, i):
    """The start of the lvalue chain that ends at index i (exclusive)."""
    j = i
    while j > 0:
        c = s[j - 1]
        if c.isalnum() or c == '_':
            j -= 1
        elif c == ']':
            depth, k = 0, j - 1
            while True:
                if s[k] == ']':
                    depth += 1
                elif s[k] == '[':
                    depth -= 1
                if depth == 0:
                    break
                k -= 1
            j = k
        elif c == '.':
            j -= 1
        elif c == '>' and s[j - 2] == '-':
            j -= 2
        else:
            break
    return j


def fwd_idx(s, i):
    """s[i] is '[': the index after its matching ']'."""
    depth, k = 0, i
    while True:
        if s[k] == '[':
            depth += 1
        elif s[k] == ']':
            depth -= 1
            if depth == 0:
                return k + 1
        k += 1


def convert(s):
    n, at = 0, 0
    pat = re.compile(r'(->|\.)unit\[')
    while True:
        m = pat.search(s, at)
        if not m:
            return s, n
        j = back_expr(s, m.start())
        obj = s[j:m.start()]
        k = fwd_idx(s, m.end() - 1)
        idx = s[m.end():k - 1]
        if not idx.strip():  # "sd->unit[]" in a comment: no read
            at = k
            continue
        ptr = obj if m.group(1) == '->' else '&' + obj
        s = s[:j] + 'rl_unit_of(' + ptr + ', ' + idx + ')' + s[k:]
        at = j
        n += 1


def main():
    files = sys.argv[1:] or sorted(glob.glob('diff/*.c') + glob.glob('diff/*.h'))
    total = 0
    for f in files:
        with open(f) as fh:
            s, n = convert(fh.read())
        if n:
            with open(f, 'w') as fh:
                fh.write(s)
            total += n
            print(f, n)
    print(total)


if __name__ == '__main__':
    main()
