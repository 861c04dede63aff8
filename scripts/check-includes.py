#!/usr/bin/env python3
"""check-includes.py: the layering of the project's own files, checked over their #include lines.

  scripts/check-includes.py [--only FOLDER]... [TOP]

A .c file and its .h are one module (foo.c implements foo.h). Module A depends on module B when
A's .c or .h includes B's header. Three checks:

  circles   A circle of modules (A -> B -> ... -> A) means two modules each need the other: the
            layering doc/architecture.md describes (src -> ui -> diff, and inside a folder, stages ->
            context, pipeline -> stages) is broken.
  rooms     Every folder of src/ is a room (src/input, src/run...; src/main.c stands above them).
            Rooms depend on each other one way only: a circle of rooms is reported even when no
            circle of modules makes it.
  faces     A room has one public header, its face, named after it (src/input/input.h); the other
            headers of the room are its own. A file outside the room includes the face only.
            diff/ and ui/ are libraries with a few public headers each (PUBLIC below, their
            reasons in doc/architecture.md); src/ includes those and nothing else of them.

An include "x.h" resolves as the compiler resolves it: in the including file's folder first, then
in the include directories (src/, ui/, diff/); headers found nowhere (system, tests) are ignored.
--only FOLDER (repeatable: src, diff, ui, src/run) reports only what touches that folder.
Prints every problem found; exit 1 if any, 0 otherwise."""
import argparse
import os
import re
import sys

ROOTS = ["diff", "ui", "src"]
INCLUDE_DIRS = ["src", "ui", "diff"]  # the compiler's -I order (CMake: src rooms, ui, diff)
ROOMS_UNDER = "src"                   # every folder under it is a room with one face
# The headers of the two libraries that the program may include (doc/architecture.md, "What src/
# sees of diff/ and ui/"): the rest are the libraries' own.
PUBLIC = {
    "diff": {"align.h", "status.h", "text.h", "token.h", "quote_changes.h", "bigmem.h"},
    "ui": {"viewer.h", "model.h", "layout.h", "theme.h"},
}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def files(top):
    """Every .c and .h under the roots: path relative to top -> the headers it includes."""
    out = {}
    for root in ROOTS:
        for dirpath, dirs, names in os.walk(os.path.join(top, root)):
            dirs.sort()
            for f in sorted(names):
                if not f.endswith((".c", ".h")):
                    continue
                path = os.path.join(dirpath, f)
                with open(path, encoding="utf-8", errors="replace") as fh:
                    out[os.path.relpath(path, top)] = INCLUDE.findall(fh.read())
    return out


def resolve(path, inc, known):
    """The file an include of inc from path names (relative to top), or None."""
    for base in [os.path.dirname(path)] + INCLUDE_DIRS:
        cand = os.path.normpath(os.path.join(base, inc))
        if cand in known:
            return cand
    return None


def module(path):
    return path[:-2]


def room(path):
    """src/run/show.c -> src/run; src/main.c -> src; diff/stage.c -> diff."""
    parts = path.split(os.sep)
    if parts[0] == ROOMS_UNDER and len(parts) > 2:
        return os.path.join(parts[0], parts[1])
    return parts[0]


def face(rm):
    """The one public header of a room of src/, or None for diff/, ui/ and src/ itself."""
    if os.path.dirname(rm) != ROOMS_UNDER:
        return None
    return os.path.join(rm, os.path.basename(rm) + ".h")


def includes(fs):
    """(including file, included file) for every include of a project file."""
    known = set(fs)
    for path in sorted(fs):
        for inc in fs[path]:
            target = resolve(path, inc, known)
            if target:
                yield path, target


def components(edges):
    """Strongly connected components of more than one node (Tarjan)."""
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


def graph(pairs, key):
    edges = {}
    for a, b in pairs:
        ka, kb = key(a), key(b)
        edges.setdefault(ka, set())
        edges.setdefault(kb, set())
        if ka != kb:
            edges[ka].add(kb)
    return edges


def problems(fs):
    """Every problem, as (the files or folders it concerns, the line that says it)."""
    pairs = list(includes(fs))
    out = []
    for comp in components(graph(pairs, module)):
        out.append((comp, "circle of includes: " + " <-> ".join(comp)))
    for comp in components(graph(pairs, room)):
        out.append((comp, "circle of rooms: " + " <-> ".join(comp)))
    for a, b in pairs:
        rb = room(b)
        fb = face(rb)
        if fb and room(a) != rb and b != fb:
            out.append(([a, b], "%s includes %s: outside %s/ only its face %s is included"
                        % (a, b, rb, os.path.basename(fb))))
        lib = room(b)
        if lib in PUBLIC and room(a) != lib and os.path.basename(b) not in PUBLIC[lib]:
            out.append(([a, b], "%s includes %s: outside %s/ only its public headers are included "
                        "(%s)" % (a, b, lib, ", ".join(sorted(PUBLIC[lib])))))
    for rm in sorted({room(p) for p in fs}):
        fb = face(rm)
        if fb and fb not in fs:
            out.append(([rm], "%s/ has no face: %s is missing" % (rm, fb)))
    return out


def touches(names, folders):
    return not folders or any(n == f or n.startswith(f + os.sep) for n in names for f in folders)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("top", nargs="?", default=os.path.join(os.path.dirname(__file__), ".."))
    ap.add_argument("--only", action="append", default=[], metavar="FOLDER",
                    help="report only what touches FOLDER (src, diff, ui, src/run...)")
    args = ap.parse_args()
    folders = [os.path.normpath(f) for f in args.only]
    found = [line for names, line in problems(files(args.top)) if touches(names, folders)]
    for line in found:
        print(line)
    if not found:
        print("no circle of includes, no circle of rooms, every room entered by its face in "
              + ", ".join(folders or ROOTS))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
