#!/usr/bin/env python3
"""quote_labels.py - relabel the removed quotations of a gen_pairs.py truth by their marks.

  scripts/quote_labels.py OLD TRUTH.json OUT.json

gen_pairs.py labels a deleted run `quote` by its first token (a deleted sentence that starts with
a quote mark counts whole; a quote drop merged with the sentence deletion after it too) and pairs
a straight `"` with the next `"` whatever the spacing (the text between two quotations counts as
one). This writes the same truth with `deleted` relabelled: every quotation of OLD found by its
marks (an opening mark leans on what follows it, a closing one on what precedes it, a straight
opening one may be glued after ( / = [ | but not before ) or ]; “ with the
next ” unless another “ comes first; at most 82 tokens, as gen_pairs.py) whose tokens were all
deleted is one `quote` run; every other deleted run is a `sentence`. The pair is unchanged, so
score.py scores it byte for byte against the corrected labels (doc/alignment-real-text.md).
"""
import json
import re
import sys

TOKEN_RE = re.compile(r'[^\W_]+|\S')
REACH = 82  # tokens, as gen_pairs.py
# A straight mark glued after one of these opens a quotation, as redline's quote.c reads it
# (`L<…|perldiag/"Switch condition not recognized …">`, `(/"PERFORM IMPLEMENTATIONS")`).
GLUED_OPEN = ('(', '/', '=', '[', '|')
# A straight mark glued before one of these is a character named, as in `the characters (") and
# (')`, not a quotation's opening.
NAMED_CLOSE = (')', ']')


def tokens(text):
    """(text, space before, space after) per token."""
    ms = list(TOKEN_RE.finditer(text))
    out = []
    for k, m in enumerate(ms):
        before = m.start() == 0 or text[m.start() - 1].isspace()
        after = m.end() == len(text) or text[m.end()].isspace()
        out.append((m.group(), before, after))
    return out


def quotations(toks):
    """[t0, t1) of each quotation found by its marks."""
    out = []
    i, n = 0, len(toks)
    while i < n:
        t, sb, sa = toks[i]
        close = None
        if t == '\u201c' and not sa:
            for j in range(i + 1, min(n, i + REACH)):
                if toks[j][0] == '\u201c':
                    break
                if toks[j][0] == '\u201d':
                    close = j
                    break
        elif (t == '"' and (sb or (i > 0 and toks[i - 1][0] in GLUED_OPEN)) and not sa
              and not (i + 1 < n and toks[i + 1][0] in NAMED_CLOSE)):
            for j in range(i + 1, min(n, i + REACH)):
                if toks[j][0] != '"':
                    continue
                if not toks[j][1]:  # leans on what precedes it: a closing mark
                    close = j
                break  # an opening mark first: the first one was stray
        if close is not None and close > i + 1:
            out.append((i, close + 1))
            i = close + 1
        else:
            i += 1
    return out


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    old = open(sys.argv[1], 'rb').read().decode('utf-8', errors='surrogateescape')
    truth = json.load(open(sys.argv[2]))
    toks = tokens(old)
    if len(toks) != len(truth['old_op']):
        sys.exit('quote_labels.py: token count differs from the truth')
    oop = truth['old_op']
    quotes = [[t0, t1, 'quote'] for t0, t1 in quotations(toks)
              if all(oop[i] == 'd' for i in range(t0, t1))]
    inq = set(i for t0, t1, _ in quotes for i in range(t0, t1))
    rest = []
    for a0, a1, _ in truth['deleted']:
        run = None
        for i in range(a0, a1):
            if i in inq:
                run = None
                continue
            if run is None:
                run = [i, i + 1, 'sentence']
                rest.append(run)
            else:
                run[1] = i + 1
    truth['deleted'] = sorted(quotes + rest)
    json.dump(truth, open(sys.argv[3], 'w'))


if __name__ == '__main__':
    main()
