"""quality_real.py - redline and its peers on real text, scored against the truth the texts carry.

Each check reads a tool's ops (quality_tools.py) and returns a figure; every tool gets the same
checks in the same run. Two sources of truth:

  ../shared/peers/real (skipped when absent)
    luke      09-…: Luke, King James vs World English Bible as prose; the verse byte ranges say
              which words may pair (equal words in the same verse), every verse must be linked to
              its partner, and nothing moved (verse order is identical).
    sherlock  02-…: the paragraph map align.paragraphs.tsv: anchor recall and pairing precision as
              eval_alignment.py defines them, and crossings (pairs out of order).
    modern    03-…: the modernising commit (one-word spelling changes): its edits are the token
              diff of the two files, which differ in nothing else; kept words paired with their
              counterpart, and each edit inside one replace. Most edits join a compound
              ("to-day" -> "today"): no change under redline's typography folding, so its
              replace op is flagged "typographic" (doc/json.md); such an edit counts as one
              replace like any other, and a row counts those flagged. ("good-night" -> "good
              night" changes no word: no edit, its words kept.)
    zh        04-…: section headings of the Chinese chapter ("1.1.2. …" in both): each heading
              linked to its own.
  tests/documents/truth.json (hand-made, for document fixtures: a web page and its syndicated
              copy, a newsletter printed by Chromium; redline only, the peers read no HTML or PDF)
              paragraph, item and cell starts on the same printed row at widths 100 and 160, and
              chrome, note marks and image descriptions that no row may show.
  examples/truth/lighthouse.json (hand-made, for the project's own example)
              the fate of every quotation, words flagged as quotation outside any quotation,
              paragraph starts paired (and, for redline, on the same printed row at widths 100
              and 160), summary bullets linked to the sentences they come from, moved words found.

A "link" between an OLD unit and a NEW unit (verse, paragraph, heading, sentence) is a word of one
paired with a word of the other by an equal or move op, or both inside one replace op: what a
side-by-side view can show on the same rows.
"""
import bisect
import json
import os
import re
import subprocess

import quality_tools as qt

STOP = set("""a an the of to in on at by for from with and or but nor so as is are was were be been
being it its this that these those he she they we you i his her their our your my me him them us not
no do does did has have had will would can could should may might must shall than then there here
which who whom whose what when where why how if into onto over under about after before also just
only very too all any each some such more most other own same""".split())
MARKERS = re.compile(r'\[-|-\]|\{\+|\+\}|\[<|>\]|\{>|<\}|\[!|!\]|\{!|!\}|\[\*|\*\]|\{\*|\*\}|'
                     r'\{=|=\}|\u27e8\u00b6\d+\u27e9')
GUTTER = 3  # columns between the panes of --side-by-side (src/print/print_sbs.c)


class Aligned:
    """A tool's ops over one pair: word tokens, the op of each, and the word pairs they make."""

    def __init__(self, old, new, ops):
        self.old, self.new, self.ops = old, new, ops
        self.ta = [t for t in qt.tokens(old) if t[3]]
        self.tb = [t for t in qt.tokens(new) if t[3]]
        self.op_a = self._op_of(self.ta, 'a')
        self.op_b = self._op_of(self.tb, 'b')
        self.sa, self.sb = [t[0] for t in self.ta], [t[0] for t in self.tb]
        self.pair = {}
        for o in ops:
            if o['kind'] in ('equal', 'move'):
                wa, wb = self.words(self.sa, o['a']), self.words(self.sb, o['b'])
                if len(wa) == len(wb):
                    self.pair.update(zip(wa, wb))

    def _op_of(self, toks, key):
        spans = sorted((o[key][0], o[key][1], i) for i, o in enumerate(self.ops) if key in o)
        starts = [s for s, _, _ in spans]
        out = []
        for t in toks:
            k = bisect.bisect_right(starts, t[0]) - 1
            out.append(spans[k][2] if k >= 0 and spans[k][0] <= t[0] < spans[k][1] else None)
        return out

    @staticmethod
    def words(starts, rng):
        return list(range(bisect.bisect_left(starts, rng[0]), bisect.bisect_left(starts, rng[1])))

    def links(self, unit_a, unit_b):
        """{(ua, ub)}: units joined by a paired word or a replace op; unit_x[i] is the unit of word
        i (None: in no unit)."""
        out = {(unit_a[i], unit_b[j]) for i, j in self.pair.items()
               if unit_a[i] is not None and unit_b[j] is not None}
        rep_a, rep_b = {}, {}
        for i, k in enumerate(self.op_a):
            if k is not None and self.ops[k]['kind'] == 'replace' and unit_a[i] is not None:
                rep_a.setdefault(k, set()).add(unit_a[i])
        for j, k in enumerate(self.op_b):
            if k is not None and self.ops[k]['kind'] == 'replace' and unit_b[j] is not None:
                rep_b.setdefault(k, set()).add(unit_b[j])
        # A replace over several units on each side shows them side by side in order: the k-th
        # unit of one side beside the k-th of the other, the longer side's rest beside its last.
        for k, ua in rep_a.items():
            la, lb = sorted(ua), sorted(rep_b.get(k, ()))
            if lb:
                n = max(len(la), len(lb))
                out.update((la[min(i, len(la) - 1)], lb[min(i, len(lb) - 1)]) for i in range(n))
        return out

    def moves(self):
        return len({o['move'] for o in self.ops if 'move' in o} |
                   {id(o) for o in self.ops if o['kind'] == 'move' and 'move' not in o})


def units_of(toks, ranges):
    """Unit index of each token: ranges is a sorted list of (start, end, unit)."""
    starts = [r[0] for r in ranges]
    out = []
    for t in toks:
        k = bisect.bisect_right(starts, t[0]) - 1
        out.append(ranges[k][2] if k >= 0 and t[0] < ranges[k][1] else None)
    return out


def frac(n, d):
    return n / d if d else None


# ---------------------------------------------------------------- shared/peers/real

def luke(al, truth_tsv):
    ra, rb = [], []
    with open(truth_tsv) as fp:
        next(fp)
        for v, line in enumerate(fp):
            p = line.rstrip('\n').split('\t')
            ra.append((int(p[1]), int(p[2]), v))
            rb.append((int(p[3]), int(p[4]), v))
    ua, ub = units_of(al.ta, sorted(ra)), units_of(al.tb, sorted(rb))
    paired = [(i, j) for i, j in al.pair.items() if ua[i] is not None]
    same = sum(1 for i, j in paired if ua[i] == ub[j])
    links = al.links(ua, ub)
    # A verse that one side leaves out (an empty range) has no partner to be linked to.
    both = [v for v, (a, b) in enumerate(zip(ra, rb)) if a[1] > a[0] and b[1] > b[0]]
    linked = sum(1 for v in both if (v, v) in links)
    return {'luke_same_verse': frac(same, len(paired)), 'luke_linked': frac(linked, len(both)),
            'luke_moves': al.moves(), 'luke_paired': frac(len(al.pair), len(al.ta))}


def paragraphs(data):
    """(start, end, n) of each blank-line-separated block, numbered from 1."""
    text = qt.decode(data)
    off = qt.byte_offsets(text)
    out, n = [], 0
    for m in re.finditer(r'\S(?:.|\n(?![ \t\r]*\n))*', text):
        n += 1
        out.append((off[m.start()], off[m.end()], n))
    return out


def sherlock(al, truth_tsv):
    truth = set()
    with open(truth_tsv) as fp:
        next(fp)
        for line in fp:
            a, b = line.split('\t')[:2]
            if a != '-' and b != '-':
                truth.add((int(a), int(b)))
    ua, ub = units_of(al.ta, paragraphs(al.old)), units_of(al.tb, paragraphs(al.new))
    links = sorted(al.links(ua, ub))
    truth_a = {a for a, _ in truth}
    rel = [(a, b) for a, b in links if a in truth_a]
    # crossings: a link whose NEW paragraph comes before that of a link of an earlier OLD one
    cross, best = 0, 0
    for a, b in links:
        cross += b < best
        best = max(best, b)
    return {'sh_recall': frac(len(truth & set(links)), len(truth)),
            'sh_precision': frac(sum(p in truth for p in rel), len(rel)), 'sh_cross': cross}


def modern_truth(old, new):
    """Word index pairs that are kept, and the edit groups, from the token diff of a pair that
    differs only by a few one-word edits."""
    import difflib
    ta = [t for t in qt.tokens(old)]
    tb = [t for t in qt.tokens(new)]
    wa = {k: n for n, k in enumerate(i for i, t in enumerate(ta) if t[3])}
    wb = {k: n for n, k in enumerate(j for j, t in enumerate(tb) if t[3])}
    sm = difflib.SequenceMatcher(None, [t[2] for t in ta], [t[2] for t in tb], autojunk=False)
    kept, groups = {}, []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == 'equal':
            kept.update((wa[i], wb[j]) for i, j in zip(range(i1, i2), range(j1, j2)) if i in wa)
        elif any(i in wa for i in range(i1, i2)) or any(j in wb for j in range(j1, j2)):
            groups.append(([wa[i] for i in range(i1, i2) if i in wa],
                           [wb[j] for j in range(j1, j2) if j in wb]))
    return kept, groups


def modern(al, truth):
    kept, groups = truth
    ok = sum(1 for i, j in kept.items() if al.pair.get(i) == j)
    good = sum(1 for i, j in al.pair.items() if kept.get(i) == j)
    one = joined = flagged = 0
    for ga, gb in groups:
        ops = {al.op_a[i] for i in ga} | {al.op_b[j] for j in gb}
        op = al.ops[ops.pop()] if len(ops) == 1 and None not in ops else None
        one += op is not None and op['kind'] == 'replace'
        # a compound joined: the same letters, fewer words ("to-day" -> "today")
        wa, wb = ([t[2] for t in ts] for ts in ([al.ta[i] for i in ga], [al.tb[j] for j in gb]))
        if len(wa) != len(wb) and ''.join(wa) == ''.join(wb):
            joined += 1
            flagged += op is not None and op['kind'] == 'replace' and op.get('typographic') is True
    return {'mo_recall': frac(ok, len(kept)), 'mo_precision': frac(good, len(al.pair)),
            'mo_edits': frac(one, len(groups)), 'mo_n': len(groups),
            'mo_typo': (flagged, joined)}


HEADING = re.compile(r'^(\d+(?:\.\d+)*)\.[ \u00a0]', re.M)


def headings(data):
    text = qt.decode(data)
    off = qt.byte_offsets(text)
    out, seen = [], set()
    for m in HEADING.finditer(text):
        if m.group(1) not in seen:
            seen.add(m.group(1))
            end = text.find('\n', m.start())
            out.append((off[m.start()], off[end if end >= 0 else len(text)], m.group(1)))
    return out


def zh(al):
    ha, hb = headings(al.old), headings(al.new)
    common = {h for _, _, h in ha} & {h for _, _, h in hb}
    links = al.links(units_of(al.ta, ha), units_of(al.tb, hb))
    return {'zh_anchors': frac(sum((h, h) in links for h in common), len(common)),
            'zh_n': len(common),
            'zh_changes': sum(1 for o in al.ops if o['kind'] != 'equal')}


# ---------------------------------------------------------------- the lighthouse truth

def find_span(data, span, after=0):
    """Byte range of [first words, last words] in data, searching from byte after."""
    text = qt.decode(data)
    off = qt.byte_offsets(text)
    pat = lambda s: r'\s+'.join(re.escape(w) for w in s.split())
    cstart = next(i for i, b in enumerate(off) if b >= after)
    m1 = re.compile(pat(span[0])).search(text, cstart)
    if not m1:
        raise ValueError(f'truth: {span[0]!r} not found')
    m2 = re.compile(pat(span[1])).search(text, m1.start())
    if not m2:
        raise ValueError(f'truth: {span[1]!r} not found after {span[0]!r}')
    return off[m1.start()], off[m2.end()]


def flags_over(al, side, rng):
    toks, op_of = (al.ta, al.op_a) if side == 'a' else (al.tb, al.op_b)
    idx = [i for i, t in enumerate(toks) if rng[0] <= t[0] < rng[1]]
    return [al.ops[op_of[i]].get('quote') if op_of[i] is not None else None for i in idx]


def fate_right(flags, want):
    wants = want if isinstance(want, list) else [want]
    for w in wants:
        if w == 'kept' and not any(flags):
            return True
        if w == 'removed' and flags and all(f == 'removed' for f in flags):
            return True
        if w in ('altered', 'elided') and w in flags and 'removed' not in flags:
            return True
        if w == 'added' and 'added' in flags:
            return True
    return False


def quotes(al, pair, qspans):
    right = total = 0
    for qid, want in pair['fates'].items():
        total += 1
        right += fate_right(flags_over(al, 'a', qspans[pair['old']][qid]), want)
    for qid in pair['added']:
        total += 1
        right += 'added' in flags_over(al, 'b', qspans[pair['new']][qid])
    false = 0
    for side, name, toks in (('a', pair['old'], al.ta), ('b', pair['new'], al.tb)):
        inside = list(qspans.get(name, {}).values())
        for f, t in zip(flags_over(al, side, (0, 1 << 62)), toks):
            false += bool(f) and not any(s <= t[0] < e for s, e in inside)
    return right, total, false


def new_fates(al, pair, qspans):
    """Quotations of NEW judged over NEW's own words (marks added around kept words: no flag)."""
    right = sum(fate_right(flags_over(al, 'b', qspans[pair['new']][q]), want)
                for q, want in pair['new_fates'].items())
    return right, len(pair['new_fates'])


def kept_flagged(al, pair, qspans):
    """Quotations of either side whose words the truth says are all kept (marks changed or
    added around them), flagged all the same."""
    n = 0
    for side, name, fates in (('a', pair['old'], pair['fates']),
                              ('b', pair['new'], pair.get('new_fates', {}))):
        n += sum(any(flags_over(al, side, qspans[name][q])) for q, want in fates.items()
                 if want == 'kept')
    return n


def para_starts(al, pair):
    """Paragraph pairs whose first words are paired or in one replace op."""
    ok, pa, pb = 0, 0, 0
    for so, sn in pair['same_row']:
        pa = find_span(al.old, [so, so], pa)[0]
        pb = find_span(al.new, [sn, sn], pb)[0]
        i, j = bisect.bisect_left(al.sa, pa), bisect.bisect_left(al.sb, pb)
        k = al.op_a[i]
        ok += al.pair.get(i) == j or (k is not None and k == al.op_b[j]
                                       and al.ops[k]['kind'] == 'replace')
    return ok, len(pair['same_row'])


def same_row(binary, old, new, pair, width):
    """redline only: paragraph pairs that start on the same printed row at this width."""
    res = subprocess.run([binary, '-y', '-W', str(width), '--color=never',
                          *pair.get('options', ()), old, new], capture_output=True)
    pane = (width - GUTTER) // 2
    rows = qt.decode(res.stdout).split('\n')
    left = [' '.join(MARKERS.sub('', r[:pane]).split()) for r in rows]
    right = [' '.join(MARKERS.sub('', r[pane + GUTTER:]).split()) for r in rows]
    ok, ra, rb = 0, 0, 0
    for so, sn in pair['same_row']:
        # A start no row begins with (a heading's "##" drawn a row apart) is a miss; the
        # search goes on from the rows found before it.
        fa = next((k for k in range(ra, len(rows)) if left[k].startswith(so)), None)
        fb = next((k for k in range(rb, len(rows)) if right[k].startswith(sn)), None)
        ok += fa is not None and fa == fb
        ra, rb = fa if fa is not None else ra, fb if fb is not None else rb
    return ok, len(pair['same_row'])


def row_maps(binary, old, new, width, extra=()):
    """redline only: {byte: printed row} of every non-space character of OLD and of NEW in
    --side-by-side at this width."""
    res = subprocess.run([binary, '-y', '-W', str(width), '--color=never', *extra, old, new],
                         capture_output=True)
    pane = (width - GUTTER) // 2
    rows = qt.decode(res.stdout).split('\n')
    at = []
    for side, path in ((0, old), (1, new)):
        # The row of every non-space character the pane shows, matched to the file's own.
        shown = []
        for k, r in enumerate(rows):
            cut = MARKERS.sub('', r[:pane] if side == 0 else r[pane + GUTTER:])
            shown.extend(k for ch in cut if not ch.isspace())
        text = qt.decode(open(path, 'rb').read())
        off = qt.byte_offsets(text)
        row_of, n = {}, 0
        for c, ch in enumerate(text):
            if not ch.isspace():
                row_of[off[c]] = shown[n] if n < len(shown) else None
                n += 1
        at.append(row_of)
    return at


GLUED = re.compile(r'(?<=[^\W_])[.,;:!?\u201d\u2019\u00bb)]+')


def glued_apart(binary, old, new, width, extra=()):
    """redline only: punctuation glued to the word before it (87. / it,” / end») printed on
    another row than that word, on either side: (apart, glued marks). Every mark of a run counts
    ("predict.”": the closing mark a row below its stop was missed when only the first was
    looked at, stop 31)."""
    apart = total = 0
    for row_of, path in zip(row_maps(binary, old, new, width, extra), (old, new)):
        text = qt.decode(open(path, 'rb').read())
        off = qt.byte_offsets(text)
        for m in GLUED.finditer(text):
            total += 1
            word = row_of.get(off[m.start() - 1])
            apart += any(row_of.get(off[k]) != word for k in range(m.start(), m.end()))
    return apart, total


def rows_apart(binary, old, new, starts, width):
    """redline only: for each (OLD byte, NEW byte) pair of starts, how many printed rows of
    --side-by-side at this width lie between the rows that show them (None when not found)."""
    at = row_maps(binary, old, new, width)
    return [None if at[0].get(a) is None or at[1].get(b) is None else abs(at[0][a] - at[1][b])
            for a, b in starts]


def luke_rows(binary, old, new, truth_tsv, fig):
    with open(truth_tsv) as fp:
        next(fp)
        starts = [(int(p[1]), int(p[3])) for p in (ln.split('\t') for ln in fp) if len(p) > 4]
    for w in (100, 160):
        d = rows_apart(binary, old, new, starts, w)
        fig[f'luke_rows{w}'] = (sum(1 for x in d if x is not None and x <= 1), len(d))


# Paragraphs of the corpus's spun copy (001) and of the article (000) that must start on the same
# row: (line of 000, line of 001), numbers only.
CORPUS_ROWS = [(14, 1), (16, 2), (18, 3), (20, 4), (22, 5), (24, 6), (28, 7), (36, 8), (38, 9),
               (40, 10), (42, 11), (46, 12), (48, 13)]


def corpus_rows(binary, corpus, fig):
    import glob
    f = sorted(glob.glob(os.path.join(corpus, '0*.txt')))
    if len(f) < 2:
        return
    starts = []
    for la, lb in CORPUS_ROWS:
        pos = []
        for path, ln in ((f[0], la), (f[1], lb)):
            data = open(path, 'rb').read()
            b = 0
            for _ in range(ln - 1):
                b = data.index(b'\n', b) + 1
            while data[b:b + 1].isspace():
                b += 1
            pos.append(b)
        starts.append(tuple(pos))
    for w in (100, 160):
        d = rows_apart(binary, f[0], f[1], starts, w)
        fig[f'co_row{w}'] = (sum(1 for x in d if x == 0), len(d))
    # every direction of the four versions: marks printed a row apart from their word
    for w in (100, 160):
        apart = total = 0
        for a in f:
            for b in f:
                if a != b:
                    x, t = glued_apart(binary, a, b, w)
                    apart, total = apart + x, total + t
        fig[f'co_glued{w}'] = (apart, total)


# Quotations of the corpus, numbers only (no text of the corpus is copied here): for each version,
# its quotations as (line from 1, first character, character after the closing mark) in the
# decoded line; the fates of the article's (000) in each copy, and of each copy's own, judged over
# its own words (fate_right: 'kept' is no flag, so site chrome deleted must carry none). The files'
# SHA-256 prefixes guard the numbers: another corpus is skipped, not scored.
CORPUS_QUOTES = {
    '000': ('e79e4bcb80465bc9', {'unch': (18, 200, 212), 'plan': (20, 0, 59),
                                 'havent': (20, 83, 226), 'super': (28, 215, 235),
                                 'footer': (68, 4, 29), 'podcast': (40, 0, 464)}),
    '001': ('24752a5e0af5a33f', {'unch': (3, 214, 226), 'plan': (4, 0, 57),
                                 'havent': (4, 86, 243), 'super': (7, 221, 241),
                                 'podcast': (10, 0, 529)}),
    '002': ('98609d0c225030a5', {'unch': (12, 65, 76), 'plan': (13, 16, 63),
                                 'irresp': (15, 71, 86)}),
    '003': ('ec7f94fd7092fb7b', {'unch': (7, 1939, 1951), 'plan': (7, 1965, 2166),
                                 'super': (7, 4124, 4144), 'podcast': (7, 4799, 5106)}),
}
# The article gives a podcast answer as a paragraph of its own after "he said:" (a block quotation
# whose marks the page's text lost): a quotation all the same. 001 spins the words of three
# quotations, the podcast's put in marks; 002 keeps one word quoted, elides the plan, drops the
# rest and quotes a word of its own; 003 keeps the words of every quotation but the podcast's,
# which it elides with "…" (the plan and the next one joined, the podcast put in marks).
CORPUS_FATES = [
    ('000', '001', {'unch': 'kept', 'plan': 'altered', 'havent': 'altered', 'super': 'kept',
                    'footer': 'kept', 'podcast': 'altered'},
     {'unch': 'kept', 'plan': 'altered', 'havent': 'altered', 'super': 'kept',
      'podcast': 'altered'}),
    ('000', '002', {'unch': 'kept', 'plan': ['elided', 'kept'], 'havent': 'removed',
                    'super': 'removed', 'footer': 'kept', 'podcast': 'removed'},
     {'unch': 'kept', 'plan': ['kept', 'elided'], 'irresp': 'added'}),
    ('000', '003', {'unch': 'kept', 'plan': 'kept', 'havent': 'kept', 'super': 'kept',
                    'footer': 'kept', 'podcast': 'elided'},
     {'unch': 'kept', 'plan': 'kept', 'super': 'kept', 'podcast': 'kept'}),
]


def corpus_spans(path, want):
    """{quotation: (byte start, byte end)} of one corpus file, or None if it is another text."""
    import hashlib
    data = open(path, 'rb').read()
    sha, spans = want
    if hashlib.sha256(data).hexdigest()[:16] != sha:
        return None
    text = data.decode('utf-8')
    starts = [0]
    for line in text.split('\n'):
        starts.append(starts[-1] + len(line) + 1)
    out = {}
    for q, (ln, c0, c1) in spans.items():
        at = starts[ln - 1]
        out[q] = (len(text[:at + c0].encode()), len(text[:at + c1].encode()))
    return out


def corpus_quotes(binary, tool, corpus, fig):
    """Every quotation's fate in the three copies of the corpus article, and flags outside one."""
    import glob
    files = {os.path.basename(f)[:3]: f for f in glob.glob(os.path.join(corpus, '0*.txt'))}
    if set(CORPUS_QUOTES) - set(files):
        return
    qspans = {k: corpus_spans(files[k], v) for k, v in CORPUS_QUOTES.items()}
    if None in qspans.values():
        print('quality: the corpus is not the one its quotation truth was written for: skipped')
        return
    acc = {}
    for a, b, fates, new in CORPUS_FATES:
        pair = {'old': a, 'new': b, 'fates': fates, 'added': [], 'new_fates': new}
        al = Aligned(open(files[a], 'rb').read(), open(files[b], 'rb').read(),
                     qt.run_tool(tool, binary, files[a], files[b]))
        right, total, false = quotes(al, pair, qspans)
        _ratio(acc, 'co_fates', right, total)
        fig['co_false'] = fig.get('co_false', 0) + false
        _ratio(acc, 'co_new_fates', *new_fates(al, pair, qspans))
    fig.update({k: tuple(v) for k, v in acc.items()})


def corpus_summary(binary, tool, corpus, fig):
    """The summary (002) lines beside or linked to the article's sentences they restate
    (scripts/summary_sources.py's truth and count)."""
    import glob
    import summary_sources as ss
    f = sorted(glob.glob(os.path.join(corpus, '0*.txt')))
    if len(f) < 3:
        return
    old, summ = open(f[0], 'rb').read(), open(f[2], 'rb').read()
    ops = qt.run_tool(tool, binary, f[0], f[2])
    r = ss.score(old, summ, ops, ss.sentences(old), ss.corpus_items(summ))
    fig['co_summary'] = (r['beside'] + r['linked'], r['lines'])
    fig['co_summary_wrong'] = r['wrong']


def bullets(al, pair):
    linked = 0
    for line_start, sources in pair['bullets']:
        b0 = find_span(al.new, [line_start, line_start])[0]
        nl = al.new.find(b'\n', b0)
        b1 = nl if nl >= 0 else len(al.new)
        srcs = [find_span(al.old, s) for s in sources]
        in_src = lambda i: any(s <= al.ta[i][0] < e for s, e in srcs)
        hit = False
        for j, t in enumerate(al.tb):
            if not b0 <= t[0] < b1:
                continue
            k = al.op_b[j]
            op = al.ops[k] if k is not None else {}
            inv = {i: jj for i, jj in al.pair.items() if jj == j}
            if any(in_src(i) for i in inv) and t[2].casefold() not in STOP:
                hit = True
            elif op.get('kind') == 'replace' and any(
                    in_src(i) and al.ta[i][2].casefold() not in STOP
                    for i in range(len(al.ta)) if al.op_a[i] == k):
                hit = True
            elif any(s < e1 and s1 < e for s1, e1 in op.get('source', []) for s, e in srcs):
                hit = True
            if hit:
                break
        linked += hit
    return linked, len(pair['bullets'])


def moved_in(al, spans):
    spans = [find_span(al.old, s) for s in spans]
    words = [i for i, t in enumerate(al.ta) if any(s <= t[0] < e for s, e in spans)]
    ok = sum(1 for i in words if al.op_a[i] is not None and
             (al.ops[al.op_a[i]]['kind'] == 'move' or 'move' in al.ops[al.op_a[i]]))
    return ok, len(words)


def moved(al, pair):
    """Moved words found. An entry is a span, or a list of alternatives (lists of spans) when
    either of two passages that trade places may be the one that moved: the best is scored."""
    ok = total = 0
    for entry in pair['moved']:
        if isinstance(entry[0], str):
            r = moved_in(al, [entry])
        else:
            r = max((moved_in(al, alt) for alt in entry), key=lambda x: frac(*x) or 0)
        ok, total = ok + r[0], total + r[1]
    return ok, total


def line_of(data, start):
    """Byte range of the line of data that starts with the words start."""
    b0 = find_span(data, [start, start])[0]
    nl = data.find(b'\n', b0)
    return b0, nl if nl >= 0 else len(data)


def unsourced(al, pair):
    """Summary lines that restate nothing of OLD linked to it all the same: a content word paired
    with a content word of OLD, or a source link on an op over the line."""
    bad = 0
    for start in pair['unsourced']:
        b0, b1 = line_of(al.new, start)
        inv = {j: i for i, j in al.pair.items()}
        hit = False
        for j, t in enumerate(al.tb):
            if not b0 <= t[0] < b1:
                continue
            k = al.op_b[j]
            i = inv.get(j)
            hit |= i is not None and t[2].casefold() not in STOP
            hit |= k is not None and bool(al.ops[k].get('source'))
        bad += hit
    return bad, len(pair['unsourced'])


LIST_MARK = re.compile(r'^[ \t]*([-*+\u2022]|\d+\.)(?=[ \t])', re.M)


def marker_tokens(data, toks):
    """Indices of the tokens that make up a line's list marker."""
    text = qt.decode(data)
    off = qt.byte_offsets(text)
    spans = [(off[m.start(1)], off[m.end(1)]) for m in LIST_MARK.finditer(text)]
    starts = [sp[0] for sp in spans]
    out = set()
    for n, t in enumerate(toks):
        k = bisect.bisect_right(starts, t[0]) - 1
        if k >= 0 and t[0] < spans[k][1]:
            out.add(n)
    return out


def markers(al):
    """List markers (a line's leading -, *, +, • or N.) paired with what is no marker: a hyphen
    or a word by an equal or move op, or a replace whose one side is markers alone and the other
    words. Every token counts here, not only words."""
    ta, tb = qt.tokens(al.old), qt.tokens(al.new)
    ma, mb = marker_tokens(al.old, ta), marker_tokens(al.new, tb)
    inside = lambda toks, r: [n for n, t in enumerate(toks) if r[0] <= t[0] < r[1]]
    bad = 0
    for o in al.ops:
        na = inside(ta, o['a']) if 'a' in o else []
        nb = inside(tb, o['b']) if 'b' in o else []
        if o['kind'] in ('equal', 'move'):
            if len(na) == len(nb):
                bad += sum((i in ma) != (j in mb) for i, j in zip(na, nb))
            else:
                bad += abs(sum(i in ma for i in na) - sum(j in mb for j in nb))
        elif o['kind'] == 'replace' and na and nb:
            only_a, only_b = all(i in ma for i in na), all(j in mb for j in nb)
            bad += (only_a and not only_b and any(tb[j][3] for j in nb)) + \
                (only_b and not only_a and any(ta[i][3] for i in na))
    return bad


# ---------------------------------------------------------------- the suite

REAL = {  # name: (folder under peers/real, OLD, NEW)
    'luke': ('09-bible-luke-kjv-vs-web', 'prose.a.kjv.wrapped72.txt', 'prose.b.web.unwrapped.txt'),
    'sherlock': ('02-sherlock-scandal-ascii-vs-typographic', 'a.pg1661-ascii-crlf.txt',
                 'b.pg1661-0-utf8.txt'),
    'modern': ('03-sherlock-scandal-standardebooks-modernisation',
               'a.se-e708ab6-before-modernisation.txt', 'b.se-7c13e84-after-modernisation.txt'),
    'zh': ('04-debian-reference-zh-excerpt', 'excerpt-ch1.a.zh-cn.txt', 'excerpt-ch1.b.zh-tw.txt'),
}

# (key, label, target as (op, value) or None, how to print)
ROWS = [
    ('luke_same_verse', 'Luke: paired words in the same verse', ('>=', 0.999), 'f'),
    ('luke_linked', 'Luke: verses linked to their partner', ('>=', 0.999), 'f'),
    ('luke_moves', 'Luke: moves reported (none moved)', ('==', 0), 'd'),
    ('luke_paired', 'Luke: share of KJV words paired', None, 'f'),
    ('luke_rows100', 'Luke: verse starts a row apart at most, w100', ('>=', 0.95), 'r'),
    ('luke_rows160', 'Luke: verse starts a row apart at most, w160', ('>=', 0.95), 'r'),
    ('dc_row100', 'documents: same row at width 100', ('>=', 1.0), 'r'),
    ('dc_row160', 'documents: same row at width 160', ('>=', 1.0), 'r'),
    ('dc_chrome', 'documents: chrome and note marks shown', ('==', 0), 'd'),
    ('co_row100', 'corpus 000-001: same row at width 100', ('>=', 1.0), 'r'),
    ('co_row160', 'corpus 000-001: same row at width 160', ('>=', 1.0), 'r'),
    ('co_glued100', 'corpus, 12 directions: marks a row apart, w100', ('==', 0), 'r'),
    ('co_glued160', 'corpus, 12 directions: marks a row apart, w160', ('==', 0), 'r'),
    ('co_fates', 'corpus 000-001/2/3: article quotations\' fates', ('>=', 1.0), 'r'),
    ('co_new_fates', 'corpus 001/2/3: the copies\' quotations\' fates', ('>=', 1.0), 'r'),
    ('co_false', 'corpus: words flagged outside quotes', ('==', 0), 'd'),
    ('co_summary', 'corpus 000-002: summary lines beside/linked', ('>=', 0.9), 'r'),
    ('co_summary_wrong', 'corpus 000-002: lines beside/linked wrongly', None, 'd'),
    ('sh_recall', 'Sherlock: paragraph map, anchor recall', None, 'f'),
    ('sh_precision', 'Sherlock: paragraph map, pairing precision', None, 'f'),
    ('sh_cross', 'Sherlock: paragraph links out of order', None, 'd'),
    ('mo_recall', 'modernisation: kept words paired', ('>=', 0.99), 'f'),
    ('mo_precision', 'modernisation: pairs that are true', ('>=', 0.995), 'f'),
    ('mo_edits', 'modernisation: edits each one replace', None, 'f'),
    ('mo_typo', 'modernisation: joined compounds typographic', None, 'r'),
    ('zh_anchors', 'Chinese: section headings linked', None, 'f'),
    ('zh_changes', 'Chinese: change ops (fewer reads better)', None, 'd'),
    ('lh_fates', 'lighthouse: quotation fates right', ('>=', 1.0), 'r'),
    ('lh_false', 'lighthouse: words flagged outside quotes', ('==', 0), 'd'),
    ('lh_starts', 'lighthouse 1-2: paragraph starts paired', ('>=', 1.0), 'r'),
    ('lh_row100', 'lighthouse 1-2: same row at width 100', ('>=', 1.0), 'r'),
    ('lh_row160', 'lighthouse 1-2: same row at width 160', ('>=', 1.0), 'r'),
    ('lh_bullets', 'lighthouse 1-3: bullets linked to source', ('>=', 0.9), 'r'),
    ('lh_moved', 'lighthouse 1-4: moved words found', ('>=', 0.9), 'r'),
    ('fr_fates', 'fresh: quotation fates right', ('>=', 1.0), 'r'),
    ('fr_new_kept', 'fresh speech: marks added, words unflagged', ('>=', 1.0), 'r'),
    ('fr_false', 'fresh: words flagged outside quotes', ('==', 0), 'd'),
    ('fr_starts', 'fresh wire: paragraph starts paired', ('>=', 1.0), 'r'),
    ('fr_row100', 'fresh wire: same row at width 100', ('>=', 1.0), 'r'),
    ('fr_row160', 'fresh wire: same row at width 160', ('>=', 1.0), 'r'),
    ('fr_bullets', 'fresh report+museum: bullets linked to source', ('>=', 0.9), 'r'),
    ('fr_unsourced', 'fresh: lines with no source linked', ('==', 0), 'r'),
    ('fr_moved', 'fresh wire+guide: moved words found', ('>=', 0.9), 'r'),
    ('fr_markers', 'fresh: list markers paired with text', ('==', 0), 'd'),
    ('fr_glued100', 'fresh: marks a row apart from their word, w100', ('==', 0), 'r'),
    ('fr_glued160', 'fresh: marks a row apart from their word, w160', ('==', 0), 'r'),
    ('dr_fates', 'drafts: quotation fates right', ('>=', 1.0), 'r'),
    ('dr_false', 'drafts: words flagged outside quotes', ('==', 0), 'd'),
    ('dr_starts', 'drafts: paragraph, heading, item starts paired', ('>=', 1.0), 'r'),
    ('dr_row100', 'drafts: same row at width 100', ('>=', 1.0), 'r'),
    ('dr_row160', 'drafts: same row at width 160', ('>=', 1.0), 'r'),
    ('dr_moved', 'drafts: moved words found', ('>=', 0.9), 'r'),
    ('dr_markers', 'drafts: list markers paired with text', ('==', 0), 'd'),
    ('dr_glued100', 'drafts: marks a row apart from their word, w100', ('==', 0), 'r'),
    ('dr_glued160', 'drafts: marks a row apart from their word, w160', ('==', 0), 'r'),
    ('ru_new_kept', 'rules: defined terms put in quotes, words unflagged', ('>=', 1.0), 'r'),
    ('ru_false', 'rules: words flagged outside quotes', ('==', 0), 'd'),
    ('ru_starts', 'rules: heading, clause, item starts paired', ('>=', 1.0), 'r'),
    ('ru_row100', 'rules: same row at width 100', ('>=', 1.0), 'r'),
    ('ru_row160', 'rules: same row at width 160', ('>=', 1.0), 'r'),
    ('ru_moved', 'rules: moved words found', ('>=', 0.9), 'r'),
    ('ru_markers', 'rules: list markers paired with text', ('==', 0), 'd'),
    ('ru_glued100', 'rules: marks a row apart from their word, w100', ('==', 0), 'r'),
    ('ru_glued160', 'rules: marks a row apart from their word, w160', ('==', 0), 'r'),
    ('rp_new_kept', 'rules -p: defined terms put in quotes, words unflagged', ('>=', 1.0), 'r'),
    ('rp_false', 'rules -p: words flagged outside quotes', ('==', 0), 'd'),
    ('rp_starts', 'rules -p: heading, clause, item starts paired', ('>=', 1.0), 'r'),
    ('rp_row100', 'rules -p: same row at width 100', ('>=', 1.0), 'r'),
    ('rp_row160', 'rules -p: same row at width 160', ('>=', 1.0), 'r'),
    ('rp_moved', 'rules -p: moved words found', ('>=', 0.9), 'r'),
    ('rp_markers', 'rules -p: list markers paired with text', ('==', 0), 'd'),
    ('rp_glued100', 'rules -p: marks a row apart from their word, w100', ('==', 0), 'r'),
    ('rp_glued160', 'rules -p: marks a row apart from their word, w160', ('==', 0), 'r'),
    ('st_fates', 'story: British quotations\' fates right', ('>=', 1.0), 'r'),
    ('st_new_kept', 'story: American quotations\' fates right', ('>=', 1.0), 'r'),
    ('st_kept_flagged', 'story: quotations flagged, words all kept', ('==', 0), 'd'),
    ('st_false', 'story: words flagged outside quotes', ('==', 0), 'd'),
    ('st_starts', 'story: title, paragraph starts paired', ('>=', 1.0), 'r'),
    ('st_row100', 'story: same row at width 100', ('>=', 1.0), 'r'),
    ('st_row160', 'story: same row at width 160', ('>=', 1.0), 'r'),
    ('st_moved', 'story: moved words found', ('>=', 0.9), 'r'),
    ('st_markers', 'story: list markers paired with text', ('==', 0), 'd'),
    ('st_glued100', 'story: marks a row apart from their word, w100', ('==', 0), 'r'),
    ('st_glued160', 'story: marks a row apart from their word, w160', ('==', 0), 'r'),
]


def _ratio(acc, key, n, d):
    a = acc.setdefault(key, [0, 0])
    a[0] += n
    a[1] += d


def handmade(binary, tool, examples, truth_name, pre, fig):
    """The checks of one hand-made truth file of examples/truth, as figures named pre_*."""
    truth = json.load(open(os.path.join(examples, 'truth', truth_name)))
    qspans = {}
    for name, qs in truth['quotes'].items():
        data = open(os.path.join(examples, name), 'rb').read()
        qspans[name] = {q: find_span(data, s) for q, s in qs.items()}
    acc = {}
    for pair in truth['pairs']:
        if pair.get('redline_only') and tool != 'redline':
            continue  # redline's own options (-p): the peers would count their one run twice
        pp = pair.get('rows', pre)  # a pair scored under options of its own has rows of its own
        old, new = (os.path.join(examples, pair[k]) for k in ('old', 'new'))
        al = Aligned(open(old, 'rb').read(), open(new, 'rb').read(),
                     qt.run_tool(tool, binary, old, new, pair.get('options', ())))
        r, t, f = quotes(al, pair, qspans)
        if t:
            _ratio(acc, f'{pp}_fates', r, t)
        fig[f'{pp}_false'] = fig.get(f'{pp}_false', 0) + f
        if 'new_fates' in pair:
            _ratio(acc, f'{pp}_new_kept', *new_fates(al, pair, qspans))
        fig[f'{pp}_kept_flagged'] = fig.get(f'{pp}_kept_flagged', 0) + \
            kept_flagged(al, pair, qspans)
        if 'same_row' in pair:
            _ratio(acc, f'{pp}_starts', *para_starts(al, pair))
            if tool == 'redline':
                _ratio(acc, f'{pp}_row100', *same_row(binary, old, new, pair, 100))
                _ratio(acc, f'{pp}_row160', *same_row(binary, old, new, pair, 160))
        if 'bullets' in pair:
            _ratio(acc, f'{pp}_bullets', *bullets(al, pair))
        if 'unsourced' in pair:
            _ratio(acc, f'{pp}_unsourced', *unsourced(al, pair))
        if 'moved' in pair:
            _ratio(acc, f'{pp}_moved', *moved(al, pair))
        fig[f'{pp}_markers'] = fig.get(f'{pp}_markers', 0) + markers(al)
        if tool == 'redline' and pre in ('fr', 'dr', 'ru', 'st'):
            for w in (100, 160):
                _ratio(acc, f'{pp}_glued{w}', *glued_apart(binary, old, new, w, pair.get('options', ())))
    fig.update({k: tuple(v) for k, v in acc.items()})


def lighthouse(binary, tool, examples, fig):
    handmade(binary, tool, examples, 'lighthouse.json', 'lh', fig)
    handmade(binary, tool, examples, 'fresh.json', 'fr', fig)
    handmade(binary, tool, examples, 'drafts.json', 'dr', fig)
    handmade(binary, tool, examples, 'rules.json', 'ru', fig)
    handmade(binary, tool, examples, 'story.json', 'st', fig)


def documents(binary, docs, fig):
    """redline only: tests/documents/truth.json's pairs, read as documents."""
    truth = json.load(open(os.path.join(docs, 'truth.json')))
    acc, shown = {}, 0
    for pair in truth['pairs']:
        old, new = (os.path.join(docs, pair[k]) for k in ('old', 'new'))
        for width in (100, 160):
            _ratio(acc, f'dc_row{width}', *same_row(binary, old, new, pair, width))
        res = subprocess.run([binary, '-y', '-W', '160', '--color=never', old, new],
                             capture_output=True)
        out = ' '.join(MARKERS.sub('', qt.decode(res.stdout)).split())
        shown += sum(a in out for a in pair['absent'])
    fig.update({k: tuple(v) for k, v in acc.items()})
    fig['dc_chrome'] = shown


def real(binary, tool, real_dir, fig, only=None):
    for name, (folder, a, b) in REAL.items():
        if only and name not in only:
            continue
        old, new = (os.path.join(real_dir, folder, f) for f in (a, b))
        if not os.path.exists(old):
            continue
        od, nd = open(old, 'rb').read(), open(new, 'rb').read()
        al = Aligned(od, nd, qt.run_tool(tool, binary, old, new))
        if name == 'luke':
            tsv = os.path.join(real_dir, folder, 'prose.align.verse-char-offsets.tsv')
            fig.update(luke(al, tsv))
            if tool == 'redline':
                luke_rows(binary, old, new, tsv, fig)
        elif name == 'sherlock':
            fig.update(sherlock(al, os.path.join(real_dir, folder, 'align.paragraphs.tsv')))
        elif name == 'modern':
            fig.update(modern(al, modern_truth(od, nd)))
        else:
            fig.update(zh(al))
    corpus = os.path.join(real_dir, '..', '..', 'corpus')
    if not only:
        corpus_quotes(binary, tool, corpus, fig)
        corpus_summary(binary, tool, corpus, fig)
    if tool == 'redline' and not only:
        corpus_rows(binary, corpus, fig)


def cell(v, how):
    if v is None:
        return '-'
    if how == 'r':
        return f'{v[0]}/{v[1]}'
    if how == 'd':
        return str(v)
    return f'{v:.4f}'


def meets(v, target, how):
    if v is None or target is None:
        return None
    x = v[0] / v[1] if how == 'r' and v[1] else (v if how != 'r' else None)
    if x is None:
        return None
    op, want = target
    return x >= want if op == '>=' else x == want


def table(figs, tools, markdown=False):
    """Print one row per check, one column per tool; the misses of redline as a list."""
    heads = [qt.TOOL_TITLE[t] for t in tools]
    misses = []
    if markdown:
        print('| check | target | ' + ' | '.join(heads) + ' |')
        print('| --- | --- |' + ' ---: |' * len(tools))
    else:
        print(f'{"check":44} {"target":>8} ' + ' '.join(f'{h:>15}' for h in heads))
    for key, label, target, how in ROWS:
        if all(key not in figs[t] for t in tools):
            continue
        tgt = '' if target is None else f'{target[0]}{target[1]}'.replace('>=', '≥').replace('==', '=')
        cells = [cell(figs[t].get(key), how) for t in tools]
        ok = meets(figs['redline'].get(key), target, how)
        if ok is False:
            misses.append(f'{label}: {cells[0]} (target {tgt})')
            cells[0] += ' !'
        if markdown:
            print(f'| {label} | {tgt} | ' + ' | '.join(cells) + ' |')
        else:
            print(f'{label:44} {tgt:>8} ' + ' '.join(f'{c:>15}' for c in cells))
    return misses


def suite(binary, real_dir, examples, tools, markdown=False, only=None):
    """Run every tool on every real pair present; print the table; redline's misses."""
    figs = {}
    for tool in tools:
        figs[tool] = {}
        try:
            if real_dir:
                real(binary, tool, real_dir, figs[tool], only)
            lighthouse(binary, tool, examples, figs[tool])
            if tool == 'redline' and not only:
                documents(binary, os.path.join(examples, '..', 'tests', 'documents'), figs[tool])
        except (qt.ToolError, OSError) as e:
            print(f'quality: {tool} left out: {e}')
            figs[tool] = {}
    return table(figs, tools, markdown)
