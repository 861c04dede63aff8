#!/usr/bin/env python3
"""check-includes.py: no circle of includes among the project's own files.

A .c file and its .h are one module (foo.c implements foo.h). Module A depends on module B when
A's .c or .h includes B's header. A circle (A -> B -> ... -> A) means two modules each need the
other: the layering the README's architecture describes (src -> ui -> diff, and inside a folder,
stages -> context, pipeline -> stages) is broken. Prints every circle found; exit 1 if any."""
import os
import re
import sys

ROOTS = ["diff", "ui", "src"]
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def modules(top):
    """Map module path (folder/name, no extension) -> set of header names it includes."""
    mods = {}
    for root in ROOTS:
        for dirpath, _, files in os.walk(os.path.join(top, root)):
            for f in files:
                if not f.endswith((".c", ".h")):
                    continue
                path = os.path.join(dirpath, f)
                mod = os.path.relpath(path, top)[:-2]
                with open(path, encoding="utf-8", errors="replace") as fh:
                    incs = INCLUDE.findall(fh.read())
                mods.setdefault(mod, set()).update(incs)
    return mods


def resolve(mods):
    """Edges between modules: an include of "x.h" from folder d resolves to d/x, else any */x."""
    by_name = {}
    for m in mods:
        by_name.setdefault(os.path.basename(m), []).append(m)
    edges = {m: set() for m in mods}
    for m, incs in mods.items():
        here = os.path.dirname(m)
        for inc in incs:
            name = inc[:-2] if inc.endswith(".h") else inc
            cand = os.path.normpath(os.path.join(here, name))
            if cand in mods:
                target = cand
            else:
                hits = by_name.get(os.path.basename(name), [])
                if not hits:
                    continue
                target = hits[0]
            if target != m:
                edges[m].add(target)
    return edges


def circles(edges):
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on, out, n = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = n[0]
        n[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def main():
    top = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
    found = circles(resolve(modules(top)))
    for comp in found:
        print("circle of includes: " + " <-> ".join(comp))
    if not found:
        print("no circle of includes in " + ", ".join(ROOTS))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
