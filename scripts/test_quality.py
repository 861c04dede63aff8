#!/usr/bin/env python3
"""test_quality.py - checks of the measuring scripts themselves (ctest: quality_scripts).

  scripts/test_quality.py --bin build/src/redline

1. Each peer's output read back as ops (quality_tools.py) covers every word of both texts once,
   and its equal ops hold the same words on both sides, on a small pair written here (with CRLF,
   a no-break space and curly quotes, which the word-diff tools split differently).
2. Every span of the hand-made truth (examples/truth/lighthouse.json) is found in its file, and
   every start of tests/documents/truth.json in its document's text (redline --extract).
3. The checks of quality_real.py give the figures they must on ops made by hand.
   The corpus quotation truth (numbers only) reads back as byte ranges of the quotations.
4. quote_labels.py finds quotations by their marks and relabels a gen_pairs.py truth by them.
5. quality.py reports a pair whose alignment score.py rejects (or on which redline fails) as
   broken, and goes on: it does not abort the run.
A tool that is not installed is left out (exit 77, ctest's skip, when none of git and dwdiff is).
Needs nothing from ../shared.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import quality as qy  # noqa: E402
import quality_real as qr  # noqa: E402
import quality_tools as qt  # noqa: E402
import quote_labels as ql  # noqa: E402

OLD = ('The keeper lit the lamp at dusk, as his father had done.\r\n\r\n'
       'Ships passed the point\u00a0safely all winter; nobody said "thank you".\r\n')
NEW = ('At dusk the keeper lit the lamp, as his father had done before him.\n\n'
       'Ships passed the point safely all winter, and nobody said \u201cthank you\u201d.\n')


def check_cover(tool, ops, old, new):
    for side, data in (('a', old), ('b', new)):
        words = [t for t in qt.tokens(data) if t[3]]
        hits = [0] * len(words)
        for o in ops:
            if side in o:
                for k, t in enumerate(words):
                    hits[k] += o[side][0] <= t[0] < o[side][1]
        bad = [words[k][2] for k, h in enumerate(hits) if h != 1]
        assert not bad, f'{tool}: words of {side} in {hits} ops: {bad}'
    for o in ops:
        if o['kind'] == 'equal':
            wa = [t[2] for t in qt.tokens(old[o['a'][0]:o['a'][1]]) if t[3]]
            wb = [t[2] for t in qt.tokens(new[o['b'][0]:o['b'][1]]) if t[3]]
            assert wa == wb, f'{tool}: equal op with {wa} vs {wb}'


def test_tools(binary, tmp):
    a, b = os.path.join(tmp, 'a.txt'), os.path.join(tmp, 'b.txt')
    old, new = OLD.encode(), NEW.encode()
    open(a, 'wb').write(old)
    open(b, 'wb').write(new)
    ran = []
    for tool in qt.TOOLS:
        exe = {'redline': binary, 'git': 'git', 'dwdiff': 'dwdiff', 'difflib': sys.executable}
        if not shutil.which(exe[tool]):
            print(f'{tool}: not installed, left out')
            continue
        ops = qt.run_tool(tool, binary, a, b)
        check_cover(tool, ops, old, new)
        al = qr.Aligned(old, new, ops)
        assert al.pair, f'{tool}: no word paired'
        ran.append(tool)
    print('tools read back:', ', '.join(ran))
    return ran


def test_truth():
    root = os.path.dirname(HERE)
    ex = os.path.join(root, 'examples')
    n = 0
    for truth_name in ('lighthouse.json', 'fresh.json', 'drafts.json', 'rules.json',
                       'story.json'):
        n += truth_spans(ex, json.load(open(os.path.join(ex, 'truth', truth_name))))
    print(f'truth: {n} spans found')


def truth_spans(ex, truth):
    """Find every span of one hand-made truth file in its files; how many."""
    n = 0
    for name, quotes in truth['quotes'].items():
        data = open(os.path.join(ex, name), 'rb').read()
        for span in quotes.values():
            s, e = qr.find_span(data, span)
            assert e > s
            n += 1
    for pair in truth['pairs']:
        old = open(os.path.join(ex, pair['old']), 'rb').read()
        new = open(os.path.join(ex, pair['new']), 'rb').read()
        for so, sn in pair.get('same_row', []):
            qr.find_span(old, [so, so])
            qr.find_span(new, [sn, sn])
            n += 2
        for line, sources in pair.get('bullets', []):
            qr.find_span(new, [line, line])
            for s in sources:
                qr.find_span(old, s)
                n += 1
        for line in pair.get('unsourced', []):
            qr.find_span(new, [line, line])
            n += 1
        for entry in pair.get('moved', []):
            for alt in [[entry]] if isinstance(entry[0], str) else entry:
                for s in alt:
                    qr.find_span(old, s)
                    n += 1
        for q in pair.get('new_fates', {}):
            assert q in truth['quotes'][pair['new']], q
    return n


def test_documents_truth(binary):
    docs = os.path.join(os.path.dirname(HERE), 'tests', 'documents')
    truth = json.load(open(os.path.join(docs, 'truth.json')))
    n = 0
    for pair in truth['pairs']:
        text = [subprocess.run([binary, '--extract', os.path.join(docs, pair[k])],
                               capture_output=True, check=True).stdout for k in ('old', 'new')]
        for so, sn in pair['same_row']:
            qr.find_span(text[0], [so, so])
            qr.find_span(text[1], [sn, sn])
            n += 2
    print(f'documents truth: {n} starts found')


def test_checks():
    """Verse links and the same-verse share on ops written by hand."""
    old, new = b'one two three four', b'one two five four'
    ops = [{'kind': 'equal', 'a': [0, 7], 'b': [0, 7]},
           {'kind': 'replace', 'a': [8, 13], 'b': [8, 12]},
           {'kind': 'equal', 'a': [14, 18], 'b': [13, 17]}]
    al = qr.Aligned(old, new, ops)
    assert al.pair == {0: 0, 1: 1, 3: 3}, al.pair
    ua = qr.units_of(al.ta, [(0, 8, 0), (8, 18, 1)])   # "one two" | "three four"
    ub = qr.units_of(al.tb, [(0, 8, 0), (8, 17, 1)])
    assert al.links(ua, ub) == {(0, 0), (1, 1)}, al.links(ua, ub)
    # a word paired across units links them too
    ub2 = qr.units_of(al.tb, [(0, 4, 0), (4, 17, 1)])  # "one" | "two five four"
    assert (0, 1) in al.links(ua, ub2)
    assert qr.fate_right(['removed', 'removed'], 'removed')
    assert not qr.fate_right(['removed', None], 'removed')
    assert qr.fate_right([None, None], 'kept')
    assert qr.fate_right(['elided', None], ['elided', 'altered'])
    assert not qr.fate_right(['altered', 'removed'], 'altered')
    assert qr.fate_right([None, 'added'], 'added') and not qr.fate_right([None], 'added')
    # the modernisation check: a joined compound is one edit, right as a replace flagged
    # "typographic" (redline) or plain (the word-diff tools); a word split apart is no edit
    old, new = b'Come to-day, not to-morrow.', b'Come today, not to morrow.'
    truth = qr.modern_truth(old, new)
    typo = [{'kind': 'equal', 'a': [0, 4], 'b': [0, 4]},
            {'kind': 'replace', 'a': [5, 11], 'b': [5, 10], 'typographic': True},
            {'kind': 'equal', 'a': [11, 27], 'b': [10, 26]}]
    fig = qr.modern(qr.Aligned(old, new, typo), truth)
    assert fig['mo_n'] == 1 and fig['mo_edits'] == 1.0 and fig['mo_typo'] == (1, 1), fig
    assert fig['mo_recall'] == 1.0 and fig['mo_precision'] == 1.0, fig
    plain = [dict(o) for o in typo]
    del plain[1]['typographic']
    fig = qr.modern(qr.Aligned(old, new, plain), truth)
    assert fig['mo_edits'] == 1.0 and fig['mo_typo'] == (0, 1), fig
    # list markers: a bullet's dash paired with a hyphen, or a heading replaced by a dash alone
    old, new = b'open-source code\n', b'open\n- source code\n'
    dash = [{'kind': 'equal', 'a': [0, 4], 'b': [0, 4]},
            {'kind': 'equal', 'a': [4, 16], 'b': [5, 18]}]
    assert qr.markers(qr.Aligned(old, new, dash)) == 1
    old, new = b'5. Safety\nNone hurt.\n', b'- None hurt.\n'
    rep = [{'kind': 'replace', 'a': [0, 9], 'b': [0, 1]},
           {'kind': 'equal', 'a': [10, 20], 'b': [2, 12]}]
    assert qr.markers(qr.Aligned(old, new, rep)) == 1
    rep[0]['a'] = [0, 2]  # "5." for "-": marker for marker
    assert qr.markers(qr.Aligned(old, new, rep)) == 0
    print('checks: as expected')


def test_corpus_spans():
    """The corpus quotation truth (numbers only) read back as byte ranges: a text of our own
    with characters of two and three bytes before the quotation; another text is refused. With
    ../shared present, every span of the corpus truth starts at an opening mark and ends after a
    closing one (the podcast answer of 000, a quotation without marks, is its whole line)."""
    import hashlib
    text = 'Caf\u00e9 \u2014 notes\nShe said \u201cna\u00efve, but kind\u201d and left.\n'
    data = text.encode()
    sha = hashlib.sha256(data).hexdigest()[:16]
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 't.txt')
        with open(path, 'wb') as fp:
            fp.write(data)
        spans = qr.corpus_spans(path, (sha, {'q': (2, 9, 26)}))
        s, e = spans['q']
        assert data[s:e].decode() == '\u201cna\u00efve, but kind\u201d', data[s:e]
        assert qr.corpus_spans(path, ('0' * 16, {'q': (2, 9, 26)})) is None
    corpus = os.path.join(os.path.dirname(HERE), '..', 'shared', 'corpus')
    files = {n[:3]: os.path.join(corpus, n) for n in (os.listdir(corpus)
                                                      if os.path.isdir(corpus) else [])}
    if set(qr.CORPUS_QUOTES) - set(files):
        print('corpus spans: ../shared/corpus absent, skipped')
        return
    n = 0
    for k, want in qr.CORPUS_QUOTES.items():
        data = open(files[k], 'rb').read()
        for q, (s, e) in (qr.corpus_spans(files[k], want) or {}).items():
            quote = data[s:e].decode()
            if (k, q) != ('000', 'podcast'):
                assert quote[0] in '\u201c\u2018' and quote[-1] in '\u201d\u2019', (k, q)
            n += 1
    print(f'corpus spans: {n} quotations found')


def test_quote_labels():
    def found(text):
        toks = ql.tokens(text)
        return [' '.join(t[0] for t in toks[a:b]) for a, b in ql.quotations(toks)]
    assert found('He said "go now" and \u201cstay\u201d.') == ['" go now "', '\u201c stay \u201d']
    # Straight marks lean on their text: the text between two quotations is none.
    assert found('Then "".replace("", s) is "x" here.') == ['" x "'], found('"".replace("", s)')
    # A straight mark glued after "/" or "(" opens one (a POD link's target, a call's argument).
    assert found('L<x|perldiag/"Bad anchor here">: (/"ONE TWO")') == [
        '" Bad anchor here "', '" ONE TWO "'], found('L<x|perldiag/"Bad anchor here">:')
    # A mark named in brackets is no quotation: `(")` does not open one that runs to a later mark.
    assert found('the characters (") and (\') are translated, as in <a href="x">.') == [
        '" x "'], found('the characters (") and')
    # A deleted sentence that starts with a mark: only its quotation is a quote run.
    text = 'A b. \u201cByteswap\u201d all samples now. C d.'
    toks = ql.tokens(text)
    truth = {'old_op': ['k'] * len(toks), 'deleted': []}
    for i in range(3, 10):  # “ Byteswap ” all samples now .
        truth['old_op'][i] = 'd'
    truth['deleted'] = [[3, 10, 'quote']]
    with tempfile.TemporaryDirectory() as tmp:
        paths = [os.path.join(tmp, n) for n in ('old.txt', 'truth.json', 'out.json')]
        with open(paths[0], 'w') as fp:
            fp.write(text)
        with open(paths[1], 'w') as fp:
            json.dump(truth, fp)
        subprocess.run([sys.executable, os.path.join(HERE, 'quote_labels.py'), *paths], check=True)
        with open(paths[2]) as fp:
            out = json.load(fp)
    assert out['deleted'] == [[3, 6, 'quote'], [6, 10, 'sentence']], out['deleted']


def test_broken_pair():
    """A stand-in redline and score.py: an ill-formed alignment, then a crash."""
    with tempfile.TemporaryDirectory() as tmp:
        scorer = os.path.join(tmp, 'score.py')
        with open(scorer, 'w') as fp:
            fp.write("print('violation: op 3 (equal): its two ranges hold different words')\n"
                     "raise SystemExit(1)\n")
        tool = os.path.join(tmp, 'tool')
        for rc, want in ((1, 'score.py rejects'), (134, 'redline failed (134)')):
            with open(tool, 'w') as fp:
                fp.write(f'#!/bin/sh\necho \'{{"ops": []}}\'\nexit {rc}\n')
            os.chmod(tool, 0o755)
            figs, _ = qy.score(tmp, tool, os.path.join(tmp, 'p'), [])
            assert want in figs.get('broken', ''), figs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--bin', required=True)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        ran = test_tools(a.bin, tmp)
    test_truth()
    test_documents_truth(a.bin)
    test_checks()
    test_corpus_spans()
    test_quote_labels()
    test_broken_pair()
    if 'git' not in ran and 'dwdiff' not in ran:
        print('skipped: neither git nor dwdiff is installed')
        return 77
    return 0


if __name__ == '__main__':
    sys.exit(main())
