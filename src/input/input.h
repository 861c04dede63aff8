/* input.h: the input room's face, the one header the other rooms include. Everything a comparison
 * reads comes through here, as bytes with a display name; nothing after it knows where they came
 * from.
 *
 *   (here)     rl_source_read: an operand of the command line, "-", a file or REV:path, as a side
 *   source.h   a side's bytes (rl_source): a file, standard input, or bytes already in memory
 *   repo.h     the git repository around the current directory: REV:path, blobs, paths
 *   pairs.h    a list of sides and of pairs of them, read only when asked
 *   changes.h  --git: the files that differ between two states of a repository, as a list
 *   history.h  --history: the versions of one file, as a list
 *   dirs.h     two directories compared file by file, as a list
 *   dupstr.h   copies of strings through the program's malloc (for every room of src/)
 *
 * Private to the room: gitlib.h, libgit2 loaded with dlopen() on the first repository (only
 * repo.c, changes.c and history.c call libgit2). What the bytes mean as a document is the next
 * room's business (doc/doc.h). */
#ifndef REDLINE_INPUT_H
#define REDLINE_INPUT_H

#include "changes.h"
#include "dirs.h"
#include "dupstr.h"
#include "history.h"
#include "pairs.h"
#include "repo.h"
#include "source.h"

/* Read the side an operand names. On failure returns -1 and writes "NAME: reason" to err; never
 * exits. Files are opened read-only; nothing is ever written to an input.
 *
 * "-" is standard input. A spec that names an existing file is that file, whatever its name.
 * Otherwise a spec with a colon (outside "@{...}" and "^{...}") is REV:path: "HEAD~2:story.md",
 * "v1.0:docs/intro.md", ":story.md" for the index; its display name is the spec. So an existing
 * file whose name has a colon wins, and an error names both readings when neither works. */
int rl_source_read(rl_source *src, const char *spec, size_t max_size, char *err, size_t errlen);

#endif
