#!/bin/sh
# demo-repo.sh: a small git repository made from the bundled example, for make demo-git and the
# screenshots of the history and the file list.
#   scripts/demo-repo.sh DIR      (DIR must not exist; the examples are read from ./examples)
# Five commits of the lighthouse story, with fixed authors and dates (the same ids every time):
# the original, the copy desk's synonym pass, a rename to lighthouse.txt with a few edits, the
# newsletter summary, and the expanded rewrite, which also renames the sidebar, adds a correction,
# deletes the reporting notes and changes the (binary) masthead.
set -eu
dir=$1
ex=$PWD/examples
[ -f "$ex/lighthouse-1-original.txt" ] || { echo "demo-repo.sh: run from the source tree" >&2; exit 2; }
mkdir "$dir"
cd "$dir"
export GIT_CONFIG_NOSYSTEM=1 HOME="$dir/.home"
git init -q .

commit() {  # commit AUTHOR DAY MESSAGE
	git add -A
	GIT_AUTHOR_NAME=$1 GIT_AUTHOR_EMAIL=desk@example.org GIT_COMMITTER_NAME=$1 \
		GIT_COMMITTER_EMAIL=desk@example.org GIT_AUTHOR_DATE="2025-03-0$2T18:00:00-05:00" \
		GIT_COMMITTER_DATE="2025-03-0$2T18:00:00-05:00" git commit -qm "$3"
}

cp "$ex/lighthouse-1-original.txt" story.txt
cat > notes.md <<'EOF'
Reporting notes for the Brannock Point story.

Call the harbor master about the Coast Guard approval. Ask the council clerk for the roll call.
EOF
cat > sidebar.md <<'EOF'
# A century of light

The Brannock Point Light was first lit in 1911. Its keepers logged every ship that passed the
point, and the last keeper left in 1968, when the light was automated.
EOF
printf 'PNG\r\n\032\n\000\000masthead-v1' > masthead.png
commit "Nora Castellane" 3 "First draft"

cp "$ex/lighthouse-2-spun.txt" story.txt
commit "Sam Okafor" 4 "Copy desk pass"

git mv story.txt lighthouse.txt
sed -i -e 's/^Board votes/Town board votes/' -e 's/on Monday night/on Tuesday night/' lighthouse.txt
commit "Nora Castellane" 5 "Rename for the web; vote was Tuesday"

cp "$ex/lighthouse-3-summary.txt" lighthouse.txt
commit "Priya Das" 6 "Summary for the newsletter"

cp "$ex/lighthouse-4-rewrite.txt" lighthouse.txt
git mv sidebar.md sidebar-history.md
sed -i 's/first lit in 1911/first lit in the spring of 1911/' sidebar-history.md
git rm -q notes.md
cat > corrections.md <<'EOF'
Correction: An earlier version of this story misstated the vote. The council voted 5-2 to
sell the light.
EOF
printf 'PNG\r\n\032\n\000\000masthead-v2' > masthead.png
commit "Nora Castellane" 7 "Expanded rewrite"
