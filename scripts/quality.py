#!/usr/bin/env python3
"""quality.py - how well redline aligns paraphrased prose, measured with ../shared/bench.

  scripts/quality.py [--bin build/src/redline] [--shared ../shared] [--out build/quality]
                     [--quick] [--stages] [--pairs N,...] [--markdown]

Generates a fixed set of pairs with ../shared/bench/gen_pairs.py (all edit kinds on, substitution
rates 0.05 and 0.3, several seeds and sizes, NEW wrapped as OLD, on one line, and OLD on one line),
runs `redline --json` and `redline --json --minimal` on each, scores both with score.py and prints
one row per pair and a summary against the targets of issue 3. With --stages, also the effect of
each readability stage: the summary with that stage switched off.

Pairs are cached in the output directory (they are a pure function of their parameters).
Exits 0 when the bench is absent (with a message saying so), 1 when a target is missed, else 0.
"""
import argparse
import json
import os
import subprocess
import sys
import time

TARGETS = {  # figure: (minimum, applies to)
    'kept_recall': 0.99,
    'precision': 0.995,
    'subst_paired': 0.97,
    'moved_detected': 0.90,
    'quote_removed_flagged': 0.98,
}
FIGS = ['kept_recall', 'precision', 'subst_paired', 'moved_detected', 'quote_removed_flagged']
SHORT = {'kept_recall': 'recall', 'precision': 'prec', 'subst_paired': 'subst',
         'moved_detected': 'moved', 'quote_removed_flagged': 'quotes'}
LAYOUTS = [('keep', 'keep'), ('keep', 'one'), ('one', 'keep')]  # (OLD, NEW) wrapping
STAGES = ['swaps', 'cleanup', 'moves', 'sentences', 'quotes']


def pair_set(quick):
    """(name, gen_pairs arguments) of the fixed pairs."""
    sizes = ['30k'] if quick else ['30k', '120k']
    seeds = [1, 2] if quick else [1, 2, 3]
    out = []
    for size in sizes:
        for seed in seeds:
            for rate in ('0.05', '0.3'):
                for old_wrap, new_wrap in LAYOUTS:
                    name = f's{size}_seed{seed}_r{rate[2:]}_{old_wrap}-{new_wrap}'
                    args = ['--size', size, '--seed', str(seed), '--subst-rate', rate,
                            '--offset', str(seed * 700_000), '--old-wrap', old_wrap,
                            '--rewrap', new_wrap]
                    out.append((name, args))
    return out


def generate(bench, outdir, name, args):
    prefix = os.path.join(outdir, name)
    if not os.path.exists(prefix + '.truth.json'):
        subprocess.run([sys.executable, os.path.join(bench, 'gen_pairs.py'), *args,
                        '--out', prefix], check=True, stderr=subprocess.DEVNULL)
    return prefix


def score(bench, binary, prefix, extra):
    """Run redline with extra options on a pair; its figures and the seconds it took."""
    out = prefix + '.' + ('_'.join(o.lstrip('-') for o in extra) or 'default') + '.json'
    t0 = time.monotonic()
    with open(out, 'wb') as fp:
        rc = subprocess.run([binary, '--json', *extra, prefix + '.old.txt', prefix + '.new.txt'],
                            stdout=fp).returncode
    secs = time.monotonic() - t0
    if rc not in (0, 1):
        sys.exit(f'quality.py: redline failed ({rc}) on {prefix}')
    res = subprocess.run([sys.executable, os.path.join(bench, 'score.py'), prefix + '.old.txt',
                          prefix + '.new.txt', out, '--truth', prefix + '.truth.json', '--json'],
                         capture_output=True, text=True)
    if res.returncode != 0:
        sys.exit(f'quality.py: score.py rejects {out}:\n{res.stdout}{res.stderr}')
    os.unlink(out)
    return json.loads(res.stdout), secs


def fmt(v):
    return '  -  ' if v is None else f'{v:.3f}'


def summary(rows, key):
    """Word-weighted figures over rows (each figure over the words it counts)."""
    weights = {'kept_recall': 'kept_words', 'precision': 'kept_words', 'subst_paired': 'subst_groups',
               'moved_detected': 'moved_words', 'quote_removed_flagged': 'removed_quote_words'}
    out = {}
    for f in FIGS:
        num = den = 0.0
        for r in rows:
            v, w = r[key].get(f), r[key].get(weights[f], 0)
            if v is not None and w:
                num += v * w
                den += w
        out[f] = num / den if den else None
    return out


def worst(rows, key):
    return {f: min((r[key][f] for r in rows if r[key].get(f) is not None), default=None)
            for f in FIGS}


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap.add_argument('--bin', default=os.path.join(root, 'build', 'src', 'redline'))
    ap.add_argument('--shared', default=os.environ.get('REDLINE_SHARED',
                                                       os.path.join(root, '..', 'shared')))
    ap.add_argument('--out', default=os.path.join(root, 'build', 'quality'))
    ap.add_argument('--quick', action='store_true', help='fewer, smaller pairs')
    ap.add_argument('--stages', action='store_true', help='also each stage switched off')
    ap.add_argument('--markdown', action='store_true', help='the summary as a Markdown table')
    a = ap.parse_args()

    bench = os.path.join(a.shared, 'bench')
    if not os.path.exists(os.path.join(bench, 'gen_pairs.py')):
        print(f'quality: skipped, no bench at {bench} (set REDLINE_SHARED or --shared)')
        return 0
    if not os.access(a.bin, os.X_OK):
        sys.exit(f'quality.py: no redline at {a.bin} (make build first)')
    os.makedirs(a.out, exist_ok=True)

    runs = [('redline', []), ('minimal', ['--minimal'])]
    if a.stages:
        runs += [(f'no-{s}', [f'--no-{s}']) for s in STAGES]
    rows = []
    heads = ' '.join(f'{SHORT[f]:>6}' for f in FIGS)
    print(f'{"pair":34} redline: {heads}  | minimal: {heads}')
    for name, args in pair_set(a.quick):
        prefix = generate(bench, a.out, name, args)
        row = {'name': name}
        for key, extra in runs:
            row[key], row[key + '_secs'] = score(bench, a.bin, prefix, extra)
        rows.append(row)
        ours = ' '.join(f'{fmt(row["redline"][f]):>6}' for f in FIGS)
        theirs = ' '.join(f'{fmt(row["minimal"][f]):>6}' for f in FIGS)
        print(f'{name:34}          {ours}  |          {theirs}', flush=True)

    failed = False
    print()
    if a.markdown:
        print('| run | rate | ' + ' | '.join(SHORT[f] for f in FIGS) + ' |')
        print('| --- | --- |' + ' --- |' * len(FIGS))
    else:
        print(f'{"summary (word-weighted; worst pair)":40} ' +
              ' '.join(f'{SHORT[f]:>14}' for f in FIGS))
    for key, _ in runs:
        for rate in ('05', '3'):
            sel = [r for r in rows if f'_r{rate}_' in r['name']]
            s, w = summary(sel, key), worst(sel, key)
            label = f'{key} rate 0.{rate}'
            if a.markdown:
                print(f'| {key} | 0.{rate} | ' + ' | '.join(
                    f'{fmt(s[f])} ({fmt(w[f])})' for f in FIGS) + ' |')
            else:
                cells = [f'{fmt(s[f])} ({fmt(w[f])})' for f in FIGS]
                print(f'{label:40} ' + ' '.join(f'{x:>14}' for x in cells))
            if key == 'redline':
                for f in FIGS:
                    if s[f] is not None and s[f] < TARGETS[f]:
                        print(f'  MISSED: {SHORT[f]} {s[f]:.4f} < {TARGETS[f]} at rate 0.{rate}')
                        failed = True
    secs = sum(r['redline_secs'] for r in rows)
    base = sum(r['minimal_secs'] for r in rows)
    print(f'\n{len(rows)} pairs; redline {secs:.1f} s in all, --minimal {base:.1f} s')
    print('targets: ' + ', '.join(f'{SHORT[f]} >= {TARGETS[f]}' for f in FIGS) +
          (' -- all met' if not failed else ' -- MISSED (see above)'))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
