#!/bin/sh
# deps.sh: install the Debian packages redline needs that are missing, and nothing else.
#   scripts/deps.sh build   what building needs
#   scripts/deps.sh test    what building and every test need
#   scripts/deps.sh bench   what the benchmark compares against
#   scripts/deps.sh screenshots   what make screenshots needs (tmux, git, an SVG renderer, a font)
#   scripts/deps.sh fuzz    what building and running the libFuzzer harnesses need (make fuzz)
# Runs apt-get only when something is missing (as root, or through sudo when there is one).
set -eu

build_pkgs="cmake make gcc libc6-dev pkg-config libncurses-dev libutf8proc-dev libgit2-dev
	libxml2-dev libcmark-dev libzip-dev libpoppler-glib-dev libthai-dev"
test_pkgs="$build_pkgs libcriterion-dev tmux git python3 valgrind ncurses-term chromium dwdiff"
bench_pkgs="$build_pkgs git python3 wdiff dwdiff g++"
screenshot_pkgs="$build_pkgs tmux git python3 librsvg2-bin fonts-dejavu-core chromium"
fuzz_pkgs="$build_pkgs clang libclang-rt-14-dev llvm-14 python3"

case "${1:-build}" in
	build) want=$build_pkgs ;;
	test) want=$test_pkgs ;;
	bench) want=$bench_pkgs ;;
	screenshots) want=$screenshot_pkgs ;;
	fuzz) want=$fuzz_pkgs ;;
	*) echo "deps.sh: unknown set '$1' (build, test, bench, screenshots or fuzz)" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
	echo "deps.sh: not a Debian system; install these yourself: $want" >&2
	exit 0
fi

missing=""
for p in $want; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case "$status" in
		*"install ok installed"*) ;;
		*) missing="$missing $p" ;;
	esac
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1; then
	sudo="sudo"
else
	echo "deps.sh: missing packages:$missing; run as root to install them" >&2
	exit 1
fi
echo "deps.sh: installing$missing"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
