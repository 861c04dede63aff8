#!/bin/sh
# valgrind.sh: run one suite under valgrind's memcheck, its test processes included.
#   scripts/valgrind.sh LOGDIR SUITE [ARGS...]
# The valgrind_* entries run a suite's tests/inproc.c executable, which forks a child per test
# (Criterion's suites execute themselves again per test: a fresh valgrind each). A test's
# process writes its own log (quiet: clean processes leave it empty), and any log with something
# in it fails the suite: a memory error, or a definite or indirect leak, in whichever process;
# valgrind's --error-exitcode also fails the child, so the runner names the test.
set -u
logdir=$1
shift
name=$(basename "$1")
mkdir -p "$logdir"
rm -f "$logdir/$name".*.log
# Scale the slowest random tests down: valgrind is some 30 times slower (README, "Tests").
# Leaks inside the libraries, not ours, are suppressed (tests/valgrind.supp says which).
# --read-inline-info=no: each valgrind started otherwise walks the whole DWARF of libc's debug
# file (libc6-dbg) and the suite for inlined calls, about 0.17 s of its 1.2 s. It only names
# inlined functions as frames of their own in a report's stack (file and line stay, from the line
# tables); every error and leak is found and reported as before.
REDLINE_ROUNDS_DIVISOR=${REDLINE_ROUNDS_DIVISOR:-20} valgrind -q --trace-children=yes \
	--read-inline-info=no --suppressions="$(dirname "$0")/../tests/valgrind.supp" \
	--error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect \
	--show-leak-kinds=definite,indirect --log-file="$logdir/$name.%p.log" "$@"
status=$?
for log in "$logdir/$name".*.log; do
	if [ -s "$log" ]; then
		echo "valgrind: $name: errors or leaks in $log:"
		head -60 "$log"
		status=1
	fi
done
[ $status -eq 0 ] && echo "valgrind: $name: no error, no leak"
exit $status
