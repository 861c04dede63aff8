#!/usr/bin/env python3
"""quality.py - how well redline aligns prose: real text with its truth, and fresh generated pairs.

  scripts/quality.py [--bin build/src/redline] [--shared ../shared] [--out build/quality]
                     [--seed N] [--pairs N] [--quick] [--keep] [--no-real] [--no-generated]
                     [--tools redline,git,dwdiff,difflib] [--stages] [--markdown]
                     [--quote-labels generator|marks]

1. Real text (quality_real.py): redline, `git diff --no-index --word-diff`, dwdiff and Python's
   difflib on the real pairs of ../shared/peers/real and on the project's own example
   (examples/truth/lighthouse.json), the same checks for every tool, one table.
2. Generated pairs (../shared/bench/gen_pairs.py, scored by score.py): --pairs pairs made with
   FRESH random settings on every run (generator seed, offset into the base text, size, rate of
   swapped words 0.05-0.5, bullets, deleted and inserted sentences, moves, the layouts of OLD and
   NEW). The run's seed is printed; --seed repeats a run. Figures per pair, then the word-weighted
   average and the WORST pair of each figure against its target (every pair must meet it).
   With --stages, also the figures with each readability stage switched off, and --minimal.
   The removed-quote target is judged on removed quotations labelled by their marks
   (quote_labels.py: gen_pairs.py labels a deleted sentence that starts with a mark a quotation
   whole, and pairs straight marks blindly, so that the text between two quotations counts as
   one; doc/quality.md shows the cases); q-oth is the same figure by the generator's labels.
   --quote-labels generator swaps the two.

Without ../shared (set REDLINE_SHARED or --shared) only the example's checks run, with a message.
Exits 1 when redline misses a target (each miss is named at the end), else 0.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import time

import quality_real
import quality_tools

TARGETS = {  # figure: minimum, on every pair
    'kept_recall': 0.99,
    'precision': 0.995,
    'subst_paired': 0.97,
    'moved_detected': 0.90,
    'quote_removed_flagged': 0.98,
}
FIGS = ['kept_recall', 'precision', 'subst_paired', 'moved_detected', 'quote_removed_flagged',
        'quote_other']
SHORT = {'kept_recall': 'recall', 'precision': 'prec', 'subst_paired': 'swaps',
         'moved_detected': 'moved', 'quote_removed_flagged': 'quotes', 'quote_other': 'q-oth'}
STAGES = ['swaps', 'cleanup', 'moves', 'sentences', 'quotes']
BASE_BYTES = 14_000_000  # a little under the size of ../shared/bench/base.txt (14.86 MB)


def layout(rng):
    return rng.choice(['keep', 'para', 'one', f'width={rng.randint(40, 120)}'])


def pair_set(rng, n, quick):
    """(name, gen_pairs arguments) of n pairs with fresh settings drawn from rng."""
    out = []
    for k in range(n):
        size = int(10 ** rng.uniform(4.3, 5.0 if quick else 5.4))  # 20 KB to 250 KB
        rate = round(rng.uniform(0.05, 0.5), 3)
        args = ['--size', str(size), '--seed', str(rng.randrange(1 << 31)),
                '--offset', str(rng.randrange(BASE_BYTES - 2 * size)),
                '--subst-rate', str(rate),
                '--quote-drop', str(round(rng.uniform(0.2, 0.8), 2)),
                '--bullets', str(round(rng.choice([0, rng.uniform(0.05, 0.4)]), 2)),
                '--sent-del', str(round(rng.uniform(0, 0.1), 3)),
                '--sent-ins', str(round(rng.uniform(0, 0.1), 3)),
                '--moves', str(round(rng.choice([0, rng.uniform(0.02, 0.15)]), 3)),
                '--old-wrap', layout(rng), '--rewrap', layout(rng)]
        out.append((f'p{k + 1}', args))
    return out


def generate(bench, outdir, name, args):
    prefix = os.path.join(outdir, name)
    subprocess.run([sys.executable, os.path.join(bench, 'gen_pairs.py'), *args, '--out', prefix],
                   check=True, stderr=subprocess.DEVNULL)
    return prefix


def score(bench, binary, prefix, extra, other_truth=None):
    """Run redline with extra options on a pair; its figures and the seconds it took. With
    other_truth, quote_other is the removed-quote figure against that truth too. When redline
    fails or score.py finds its alignment ill-formed, the figures are {'broken': why} and the
    alignment is kept beside the pair: the run goes on and reports it as a miss."""
    out = prefix + '.' + ('_'.join(o.lstrip('-') for o in extra) or 'default') + '.json'
    t0 = time.monotonic()
    with open(out, 'wb') as fp:
        rc = subprocess.run([binary, '--json', *extra, prefix + '.old.txt', prefix + '.new.txt'],
                            stdout=fp).returncode
    secs = time.monotonic() - t0
    if rc not in (0, 1):
        return {'broken': f'redline failed ({rc}), see {out}'}, secs
    res = subprocess.run([sys.executable, os.path.join(bench, 'score.py'), prefix + '.old.txt',
                          prefix + '.new.txt', out, '--truth', prefix + '.truth.json', '--json'],
                         capture_output=True, text=True)
    if res.returncode != 0:
        lines = (res.stdout + res.stderr).strip().splitlines() or ['no output']
        why = lines[0] + (f' (+{len(lines) - 1} more lines)' if len(lines) > 1 else '')
        return {'broken': f'score.py rejects {out}: {why}'}, secs
    figs = json.loads(res.stdout)
    if other_truth:
        res = subprocess.run([sys.executable, os.path.join(bench, 'score.py'),
                              prefix + '.old.txt', prefix + '.new.txt', out, '--truth',
                              other_truth, '--json'], capture_output=True, text=True, check=True)
        o = json.loads(res.stdout)
        figs['quote_other'] = o['quote_removed_flagged']
        figs['other_quote_words'] = o['removed_quote_words']
    os.unlink(out)
    return figs, secs


def fmt(v):
    return '  -  ' if v is None else f'{v:.3f}'


def summary(rows, key):
    """Word-weighted figures over rows (each figure over the words it counts)."""
    weights = {'kept_recall': 'kept_words', 'precision': 'kept_words', 'subst_paired': 'subst_groups',
               'moved_detected': 'moved_words', 'quote_removed_flagged': 'removed_quote_words',
               'quote_other': 'other_quote_words'}
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
    """For each figure, (value, pair name) of the worst pair."""
    out = {}
    for f in FIGS:
        have = [(r[key][f], r['name']) for r in rows if r[key].get(f) is not None]
        out[f] = min(have) if have else (None, None)
    return out


def describe(args):
    """The settings of a pair, short."""
    d = dict(zip(args[0::2], args[1::2]))
    return (f'{int(d["--size"]) // 1000}k rate {d["--subst-rate"]} bullets {d["--bullets"]} '
            f'moves {d["--moves"]} {d["--old-wrap"]}->{d["--rewrap"]} '
            f'(--seed {d["--seed"]} --offset {d["--offset"]})')


def generated(a, bench, seed):
    """Score the fresh pairs; the misses of redline's targets."""
    rng = random.Random(seed)
    runs = [('redline', [])]
    if a.stages:
        runs += [('minimal', ['--minimal'])] + [(f'no-{s}', [f'--no-{s}']) for s in STAGES]
    print(f'\n== Generated pairs: {a.pairs} with fresh settings, run seed {seed} '
          f'(repeat with --seed {seed}) ==')
    heads = ' '.join(f'{SHORT[f]:>6}' for f in FIGS)
    print(f'{"pair":5} {heads}  settings')
    rows, misses = [], []
    for name, args in pair_set(rng, a.pairs, a.quick):
        prefix = generate(bench, a.out, f's{seed}_{name}', args)
        # Removed quotations labelled by their marks (quote_labels.py) beside the generator's
        # labels; the target is judged on the ones --quote-labels names, the other is shown.
        relabel = os.path.join(os.path.dirname(__file__), 'quote_labels.py')
        subprocess.run([sys.executable, relabel, prefix + '.old.txt', prefix + '.truth.json',
                        prefix + '.marks.json'], check=True)
        if a.quote_labels == 'marks':
            os.replace(prefix + '.truth.json', prefix + '.gen.json')
            os.replace(prefix + '.marks.json', prefix + '.truth.json')
            os.replace(prefix + '.gen.json', prefix + '.marks.json')
        row = {'name': name}
        for key, extra in runs:
            other = prefix + '.marks.json' if key == 'redline' else None
            row[key], row[key + '_secs'] = score(bench, a.bin, prefix, extra, other)
        broken = [f'{key}: {row[key]["broken"]}' for key, _ in runs if 'broken' in row[key]]
        if not broken and not a.keep:  # a broken pair's files stay, to repeat it
            for ext in ('.old.txt', '.new.txt', '.truth.json', '.marks.json'):
                os.unlink(prefix + ext)
        rows.append(row)
        figs = ' '.join(f'{fmt(row["redline"].get(f)):>6}' for f in FIGS)
        print(f'{name:5} {figs}  {describe(args)}', flush=True)
        for b in broken:
            print(f'      BROKEN {b}', flush=True)
            misses.append(f'generated: {name} ill-formed, {b} ({describe(args)})')

    print()
    judged, other = (('their marks', 'the generator') if a.quote_labels == 'marks'
                     else ('the generator', 'their marks'))
    print(f'quotes: removed quotations labelled by {judged} (the target); q-oth: labelled by '
          f'{other} (doc/quality.md)')
    if a.markdown:
        print('| run | figure | target | average | worst pair |')
        print('| --- | --- | ---: | ---: | ---: |')
    else:
        print(f'{"run":10} {"figure":8} {"target":>7} {"average":>8} {"worst":>7}  worst pair')
    for key, _ in runs:
        s, w = summary(rows, key), worst(rows, key)
        for f in FIGS:
            val, at = w[f]
            if val is None and f not in TARGETS:
                continue  # the other quote labels: scored for redline alone
            tgt = f'≥{TARGETS[f]}' if f in TARGETS else '-'
            name = SHORT[f]
            if a.markdown:
                print(f'| {key} | {name} | {tgt} | {fmt(s[f])} | {fmt(val)} ({at}) |')
            else:
                print(f'{key:10} {name:8} {tgt:>7} {fmt(s[f]):>8} {fmt(val):>7}  {at or ""}')
            if key == 'redline' and val is not None and f in TARGETS and val < TARGETS[f]:
                misses.append(f'generated: {SHORT[f]} {val:.4f} on {at} < {TARGETS[f]} '
                              f'(average {s[f]:.4f})')
    secs = sum(r['redline_secs'] for r in rows)
    print(f'{len(rows)} pairs; redline {secs:.1f} s in all')
    return misses


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap.add_argument('--bin', default=os.path.join(root, 'build', 'src', 'redline'))
    ap.add_argument('--shared', default=os.environ.get('REDLINE_SHARED',
                                                       os.path.join(root, '..', 'shared')))
    ap.add_argument('--out', default=os.path.join(root, 'build', 'quality'))
    ap.add_argument('--seed', type=int, help='repeat the generated pairs of an earlier run')
    ap.add_argument('--pairs', type=int, default=12, help='generated pairs (default 12)')
    ap.add_argument('--quick', action='store_true', help='smaller generated pairs')
    ap.add_argument('--keep', action='store_true',
                    help='keep every generated pair (OLD, NEW, truth) in --out, to study it')
    ap.add_argument('--no-real', action='store_true', help='skip the real-text table')
    ap.add_argument('--no-generated', action='store_true', help='skip the generated pairs')
    ap.add_argument('--tools', default=','.join(quality_tools.TOOLS),
                    help='tools in the real-text table (redline first)')
    ap.add_argument('--stages', action='store_true', help='also each stage switched off')
    ap.add_argument('--markdown', action='store_true', help='tables in Markdown')
    ap.add_argument('--quote-labels', choices=['generator', 'marks'], default='marks',
                    help="the removed quotations the quotes target is judged on: by their marks "
                         "(scripts/quote_labels.py, the default) or as gen_pairs.py labels them; "
                         "the other figure is shown as q-oth")
    a = ap.parse_args()
    if not os.access(a.bin, os.X_OK):
        sys.exit(f'quality.py: no redline at {a.bin} (make build first)')
    os.makedirs(a.out, exist_ok=True)
    t0 = time.process_time()
    real_dir = os.path.join(a.shared, 'peers', 'real')
    bench = os.path.join(a.shared, 'bench')
    misses = []
    if not a.no_real:
        tools = ['redline'] + [t for t in a.tools.split(',') if t and t != 'redline']
        if not os.path.isdir(real_dir):
            print(f'quality: no real pairs at {real_dir}: the example only')
            real_dir = None
        print('== Real text: the same checks for every tool ==')
        misses += quality_real.suite(a.bin, real_dir, os.path.join(root, 'examples'), tools,
                                     a.markdown)
    if not a.no_generated:
        if os.path.exists(os.path.join(bench, 'gen_pairs.py')):
            seed = a.seed if a.seed is not None else random.SystemRandom().randrange(1 << 31)
            misses += generated(a, bench, seed)
        else:
            print(f'quality: generated pairs skipped, no bench at {bench}')
    print(f'\nCPU {time.process_time() + _children_cpu() - t0:.0f} s.', end=' ')
    if misses:
        print('Targets MISSED:')
        for m in misses:
            print('  ' + m)
    else:
        print('Every target met.')
    return 1 if misses else 0


def _children_cpu():
    t = os.times()
    return t.children_user + t.children_system


if __name__ == '__main__':
    sys.exit(main())
