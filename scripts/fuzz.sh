#!/bin/sh
# fuzz.sh: run each libFuzzer harness for a while and print one line of figures per harness.
#   scripts/fuzz.sh BUILD_DIR SECONDS [HARNESS...]
# Each harness starts from its seed corpus in tests/fuzz/corpus/<harness>/ (read only) and from
# what earlier runs found in BUILD_DIR/corpus/<harness>/ (new inputs are written there, never into
# the source tree). Crashes, leaks and timeouts (> 10 s for one input) are written as
# BUILD_DIR/artifacts/<harness>-crash-<sha1> and make the script exit 1 at the end. Each run's
# log is kept in BUILD_DIR/logs/, and its figures are appended to BUILD_DIR/fuzz-summary.txt.
# Leaks are checked with tests/fuzz/lsan-fuzz.supp (a leak of cairo's own, and why).
set -u
build=$1
seconds=$2
shift 2
[ $# -gt 0 ] || set -- fuzz_token fuzz_diff fuzz_layout fuzz_print fuzz_doc fuzz_zipdoc fuzz_pdf fuzz_thdict
src=$(cd "$(dirname "$0")/.." && pwd)
status=0
for h in "$@"; do
	bin=$build/tests/fuzz/$h
	mkdir -p "$build/corpus/$h" "$build/artifacts" "$build/logs"
	log=$build/logs/$h-$(date +%Y%m%d-%H%M%S).log
	# The tokenizer is cheap: longer inputs. The pair harnesses diff four times or lay out and
	# print every way: short inputs keep them fast, and small cases find the same bugs.
	case $h in
	fuzz_token) max_len=1024 ;;
	fuzz_doc) max_len=4096 ;;  # documents: a page needs room for its markup
	# Documents: the seeds are whole DOCX, EPUB and PDF files of a few KB.
	fuzz_zipdoc | fuzz_pdf) max_len=16384 ;;
	fuzz_thdict) max_len=4096 ;;  # a small dictionary of a few words and a text
	*) max_len=512 ;;
	esac
	echo "fuzz: $h for ${seconds}s (log: $log)"
	ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
	LSAN_OPTIONS=suppressions="$src/tests/fuzz/lsan-fuzz.supp":print_suppressions=0 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	nice "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=$max_len \
		-print_final_stats=1 -artifact_prefix="$build/artifacts/$h-" \
		"$build/corpus/$h" "$src/tests/fuzz/corpus/$h" >"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	cov=$(grep -E '^#[0-9]+' "$log" | tail -1 | sed -n 's/.*\(cov: [0-9]*\).*\(ft: [0-9]*\).*/\1 \2/p')
	corp=$(grep -E '^#[0-9]+' "$log" | tail -1 | sed -n 's/.*corp: \([0-9]*\).*/\1/p')
	case $rc in
	0) verdict="no finding" ;;
	72) verdict="interrupted, no finding" ;;
	*) verdict="FINDING (exit $rc), see $log"; status=1 ;;
	esac
	line="$h: ${execs:-?} executions in ${seconds}s, ${cov:-cov ?}, corpus ${corp:-?} inputs, $verdict"
	echo "fuzz: $line"
	echo "$(date +%F\ %T) $line" >>"$build/fuzz-summary.txt"
	[ $status -eq 0 ] || grep -E 'ERROR|invariant broken|Test unit written' "$log" | head -5
done
exit $status
