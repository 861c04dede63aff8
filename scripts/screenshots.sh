#!/bin/sh
# screenshots.sh: drive the viewer in tmux on the bundled examples and save what it shows as PNG
# pictures in screenshots/ (capture-pane -e -> scripts/ansi2svg.py -> rsvg-convert). The history
# and the file list come from a repository made of the examples (scripts/demo-repo.sh).
#   scripts/screenshots.sh [BUILD_DIR]
# Run it again whenever the screen changes; the README shows the pictures.
set -eu
build=${1:-build}
bin=$PWD/$build/src/redline
out=screenshots
tmp=$(mktemp -d)
sock=redline-shots-$$
tmux() { command tmux -f /dev/null -L "$sock" "$@"; }
# Stop the picture's server, and remove the socket tmux may leave behind.
stop() {
	tmux kill-server 2>/dev/null || true
	rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$sock"
}
trap 'stop; rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$out"

# Poll the screen until it holds $1 (10 s at most).
wait_for() {
	i=0
	while ! tmux capture-pane -p -t s 2>/dev/null | grep -qF -- "$1"; do
		i=$((i + 1))
		[ $i -lt 200 ] || { echo "screenshots: no '$1' on the screen" >&2; exit 1; }
		sleep 0.05
	done
}

# Poll until two captures in a row agree: the viewer has finished drawing.
wait_still() {
	prev=""
	i=0
	while :; do
		now=$(tmux capture-pane -p -e -t s)
		[ "$now" = "$prev" ] && [ $i -gt 1 ] && return
		prev=$now
		i=$((i + 1))
		[ $i -lt 100 ] || return
		sleep 0.1
	done
}

# shot NAME COLS ROWS "KEYS" ARG...: run redline ARG... in a COLSxROWS terminal (in $dir, the
# source tree unless set), type KEYS (tmux key names, space separated; "-l TEXT" sends TEXT
# literally), save NAME.png.
shot() {
	name=$1 cols=$2 rows=$3 keys=$4
	shift 4
	sock=redline-shots-$$-$name  # a server per picture: no race with the last one's end
	tmux new-session -d -x "$cols" -y "$rows" -s s -c "${dir:-$PWD}" \
		"env TERM=xterm-256color LC_ALL=C.UTF-8 '$bin' $*; sleep 600"
	wait_for "sim "
	if [ -n "$keys" ]; then
		# shellcheck disable=SC2086
		set -- $keys
		while [ $# -gt 0 ]; do
			if [ "$1" = "-l" ]; then
				tmux send-keys -t s -l "$2"
				shift 2
			else
				tmux send-keys -t s "$1"
				shift
			fi
			sleep 0.15
		done
	fi
	wait_still
	tmux capture-pane -p -e -t s > "$tmp/$name.ans"
	python3 scripts/ansi2svg.py --cols "$cols" --rows "$rows" --title "$title" \
		"$tmp/$name.ans" "$tmp/$name.svg"
	stop
	rsvg-convert -o "$out/$name.png" "$tmp/$name.svg"
	echo "screenshots/$name.png"
}

O=examples/lighthouse-1-original.txt
S=examples/lighthouse-2-spun.txt
B=examples/lighthouse-3-summary.txt
R=examples/lighthouse-4-rewrite.txt

title="redline: the original and its synonym-spun copy"
shot spun 150 34 "" $O $S
title="redline: the original and a bullet-point summary"
shot summary 150 34 "" $O $B
title="redline: the original and an expanded rewrite (moved paragraphs, a removed quote)"
shot rewrite 150 34 "-l /Abernathy Enter" $O $R
title="redline: the unified view (u, or any terminal narrower than 80 columns)"
shot unified 110 34 "]c ]c ]c u" $O $S
title="redline: the help overlay (h)"
shot help 150 40 "h" $O $S $B $R

dir=$tmp/repo
scripts/demo-repo.sh "$dir"
title="redline --history lighthouse.txt: five versions, one a rename ([ and ] step through them)"
shot history 150 34 "[ [ Escape" --history lighthouse.txt
title="redline --git HEAD~1 HEAD: the files that differ (Enter opens one, q comes back)"
shot files 120 12 "j" --git HEAD~1 HEAD

# The HTML report (--html), as headless Chromium shows it; skipped without chromium (deps.sh test).
if command -v chromium >/dev/null 2>&1; then
	"$bin" --html $O $R > "$tmp/report.html" || [ $? -eq 1 ]
	chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$tmp/chromium" --hide-scrollbars --window-size=1400,1500 \
		--screenshot="$PWD/$out/report.png" "file://$tmp/report.html" >/dev/null 2>&1
	echo "screenshots/report.png"
	# a list's report: the demo repository's last commit, one section per file
	(cd "$dir" && "$bin" --html --git HEAD~1 HEAD) > "$tmp/report-git.html" || [ $? -eq 1 ]
	chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$tmp/chromium" --hide-scrollbars --window-size=1400,1500 \
		--screenshot="$PWD/$out/report-git.png" "file://$tmp/report-git.html" >/dev/null 2>&1
	echo "screenshots/report-git.png"
else
	echo "screenshots: no chromium, no report.png (scripts/deps.sh test installs it)" >&2
fi
