"""quality_tools.py - run redline and its peers on a pair and read every result as redline's ops.

One representation for all tools, so the real-text checks (quality_real.py) score them alike: a list
of ops in the `--json` contract of ../shared/bench/README.md ({"kind", "a": [s, e), "b": [s, e)},
byte ranges into the files as read; `move` and `quote` only where redline says so).

  redline   `redline --json OLD NEW` as it is
  git       `git diff --no-index --word-diff=porcelain` (words between whitespace)
  dwdiff    `dwdiff` with control characters as change markers (words between whitespace)
  difflib   Python's difflib.SequenceMatcher as ndiff uses it: lines first, then the word and
            punctuation tokens of each changed block (a CJK ideograph or kana is a token of its own)

A word-diff tool's output is mapped back onto the files by its non-space characters, so it does not
matter which whitespace (CR, NBSP) the tool splits on.
"""
import bisect
import difflib
import json
import re
import subprocess

TOOLS = ['redline', 'git', 'dwdiff', 'difflib']
TOOL_TITLE = {'redline': 'redline', 'git': 'git --word-diff', 'dwdiff': 'dwdiff',
              'difflib': 'difflib'}

_CJK = '\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff'
# score.py's tokens (runs of letters and digits, or one other non-space character), except that a
# CJK character is a token of its own: a Chinese sentence is otherwise one "word".
TOKEN_RE = re.compile(f'[{_CJK}]|(?:(?![{_CJK}])[^\\W_])+|\\S')
WORD_RE = re.compile(r'[^\W_]')


class ToolError(Exception):
    pass


def decode(data):
    return data.decode('utf-8', errors='surrogateescape')


def byte_offsets(text):
    """off[i] = byte offset of character i of text (off[len(text)] = its byte length)."""
    off, pos = [0] * (len(text) + 1), 0
    for i, ch in enumerate(text):
        off[i] = pos
        pos += len(ch.encode('utf-8', errors='surrogateescape'))
    off[len(text)] = pos
    return off


def tokens(data):
    """(byte_start, byte_end, text, is_word) for each token of a byte string."""
    text = decode(data)
    off = byte_offsets(text)
    return [(off[m.start()], off[m.end()], m.group(), bool(WORD_RE.match(m.group())))
            for m in TOKEN_RE.finditer(text)]


# ---------------------------------------------------------------- redline

def run_redline(binary, old, new, extra=()):
    res = subprocess.run([binary, '--json', *extra, old, new], capture_output=True)
    if res.returncode not in (0, 1):
        raise ToolError(f'redline exited {res.returncode} on {old}: {res.stderr.decode()[:200]}')
    return json.loads(res.stdout)['ops']


# ---------------------------------------------------------------- word-diff tools

class _Stream:
    """The non-space characters of a file with their byte offsets, consumed in order."""

    def __init__(self, data):
        text = decode(data)
        off = byte_offsets(text)
        self.chars = [(ch, off[i], off[i + 1]) for i, ch in enumerate(text) if not ch.isspace()]
        self.pos = 0

    def take(self, seg, tool):
        """Consume the non-space characters of seg; their byte range (None when seg is blank)."""
        want = [ch for ch in seg if not ch.isspace()]
        if not want:
            return None
        got = self.chars[self.pos:self.pos + len(want)]
        if [c for c, _, _ in got] != want:
            raise ToolError(f'{tool}: its output does not follow the input near byte '
                            f'{got[0][1] if got else "end"}')
        self.pos += len(want)
        return [got[0][1], got[-1][2]]


def _segments_to_ops(segments, old, new, tool):
    """[(kind '=', '-' or '+', text)] in output order -> ops with byte ranges."""
    A, B = _Stream(old), _Stream(new)
    ops, pend_a, pend_b = [], None, None

    def grow(r, s):
        return s if r is None else [r[0], s[1]]

    def flush():
        nonlocal pend_a, pend_b
        if pend_a and pend_b:
            ops.append({'kind': 'replace', 'a': pend_a, 'b': pend_b})
        elif pend_a:
            ops.append({'kind': 'delete', 'a': pend_a})
        elif pend_b:
            ops.append({'kind': 'insert', 'b': pend_b})
        pend_a = pend_b = None

    for kind, text in segments:
        if kind == '=':
            ra = A.take(text, tool)
            rb = B.take(text, tool)
            if ra is None:
                continue
            flush()
            if ops and ops[-1]['kind'] == 'equal':
                ops[-1]['a'][1], ops[-1]['b'][1] = ra[1], rb[1]
            else:
                ops.append({'kind': 'equal', 'a': ra, 'b': rb})
        elif kind == '-':
            r = A.take(text, tool)
            if r:
                pend_a = grow(pend_a, r)
        else:
            r = B.take(text, tool)
            if r:
                pend_b = grow(pend_b, r)
    flush()
    if A.pos != len(A.chars) or B.pos != len(B.chars):
        raise ToolError(f'{tool}: its output stops before the end of the input')
    return ops


def run_git(old, new, old_data, new_data):
    res = subprocess.run(['git', 'diff', '--no-index', '--no-color', '--no-ext-diff',
                          '--word-diff=porcelain', '-U1000000000', old, new], capture_output=True)
    if res.returncode not in (0, 1):
        raise ToolError(f'git diff exited {res.returncode}: {res.stderr.decode()[:200]}')
    if res.returncode == 0:  # the same bytes: one equal op over everything
        return _segments_to_ops([('=', decode(old_data))], old_data, new_data, 'git')
    segs, in_hunk = [], False
    for line in decode(res.stdout).split('\n'):
        if line.startswith('@@'):
            in_hunk = True
        elif in_hunk and line[:1] in (' ', '-', '+'):
            segs.append(({' ': '=', '-': '-', '+': '+'}[line[0]], line[1:]))
    return _segments_to_ops(segs, old_data, new_data, 'git')


_DW = {'\x01': '-', '\x03': '+'}


def run_dwdiff(old, new, old_data, new_data):
    res = subprocess.run(['dwdiff', '-w', '\\x01', '-x', '\\x02', '-y', '\\x03', '-z', '\\x04',
                          old, new], capture_output=True)
    if res.returncode not in (0, 1):
        raise ToolError(f'dwdiff exited {res.returncode}: {res.stderr.decode()[:200]}')
    segs, kind, buf = [], '=', []
    for ch in decode(res.stdout):
        if ch in ('\x01', '\x03'):
            segs.append((kind, ''.join(buf)))
            kind, buf = _DW[ch], []
        elif ch in ('\x02', '\x04'):
            segs.append((kind, ''.join(buf)))
            kind, buf = '=', []
        else:
            buf.append(ch)
    segs.append((kind, ''.join(buf)))
    return _segments_to_ops(segs, old_data, new_data, 'dwdiff')


def _lines(data):
    """(start, end) byte range of each line, newline included."""
    out, pos = [], 0
    for line in data.splitlines(keepends=True):
        out.append((pos, pos + len(line)))
        pos += len(line)
    return out


def run_difflib(old_data, new_data):
    """difflib as its own ndiff does it: lines first, then the tokens of each changed block."""
    la, lb = _lines(old_data), _lines(new_data)
    ta, tb = tokens(old_data), tokens(new_data)
    sa, sb = [t[0] for t in ta], [t[0] for t in tb]
    lines = difflib.SequenceMatcher(None, [old_data[s:e] for s, e in la],
                                    [new_data[s:e] for s, e in lb], autojunk=False)
    ops = []
    for tag, i1, i2, j1, j2 in lines.get_opcodes():
        ra = (la[i1][0] if i1 < len(la) else len(old_data), la[i2 - 1][1] if i2 > i1 else 0)
        rb = (lb[j1][0] if j1 < len(lb) else len(new_data), lb[j2 - 1][1] if j2 > j1 else 0)
        a0, a1 = bisect.bisect_left(sa, ra[0]), bisect.bisect_left(sa, ra[1]) if i2 > i1 else None
        b0, b1 = bisect.bisect_left(sb, rb[0]), bisect.bisect_left(sb, rb[1]) if j2 > j1 else None
        a1 = a0 if a1 is None else a1
        b1 = b0 if b1 is None else b1
        if tag == 'equal':
            if a1 > a0:
                ops.append({'kind': 'equal', 'a': [ta[a0][0], ta[a1 - 1][1]],
                            'b': [tb[b0][0], tb[b1 - 1][1]]})
            continue
        _token_ops(ta[a0:a1], tb[b0:b1], ops)
    return ops


def _token_ops(ta, tb, ops):
    sm = difflib.SequenceMatcher(None, [t[2] for t in ta], [t[2] for t in tb], autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        op = {'kind': tag}
        if i2 > i1:
            op['a'] = [ta[i1][0], ta[i2 - 1][1]]
        if j2 > j1:
            op['b'] = [tb[j1][0], tb[j2 - 1][1]]
        ops.append(op)


def run_tool(tool, binary, old, new, extra=()):
    """The ops of one tool on the files old and new (extra: redline's own arguments)."""
    old_data, new_data = open(old, 'rb').read(), open(new, 'rb').read()
    if tool == 'redline':
        return run_redline(binary, old, new, extra)
    if tool == 'git':
        return run_git(old, new, old_data, new_data)
    if tool == 'dwdiff':
        return run_dwdiff(old, new, old_data, new_data)
    return run_difflib(old_data, new_data)
