# A thin wrapper around CMake, as neovim's: the two commands of the quick start, and the rest.
#   make demo    install what is missing, build, open the viewer on the bundled example
#   make test    install what is missing, build twice (-Werror; ASan+UBSan), run every test
#   make bench   build optimized in build-bench/, time redline against git, dwdiff and wdiff
#   make fuzz    build the libFuzzer harnesses with clang, run each FUZZ_SECONDS (default 60)
#   make quality alignment quality: real text with its truth vs git, dwdiff, difflib; fresh generated pairs
.PHONY: all build demo demo-git test test-asan bench quality install clean distclean deps bench-viewer screenshots fuzz

PREFIX ?= /usr/local
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
BUILD ?= build
ASAN_BUILD ?= build-asan
BENCH_BUILD ?= build-bench
BENCH_ARGS ?=
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?=
CMAKE_FLAGS ?=

all: build

deps:
	@scripts/deps.sh build

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DREDLINE_WERROR=ON \
		-DCMAKE_INSTALL_PREFIX=$(PREFIX) $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

# The example's original against each of its three copies (the spun one as a web page: a mixed-
# format pair): [ and ] step from one copy to the next.
demo: build
	@$(BUILD)/src/redline --base examples/lighthouse-1-original.txt examples/lighthouse-2-spun.html \
		examples/lighthouse-3-summary.txt examples/lighthouse-4-rewrite.txt; \
		status=$$?; [ $$status -le 1 ] || exit $$status

# The example as a git repository (scripts/demo-repo.sh, in a temporary directory): the history
# of the story, with its rename; [ goes back in time.
demo-git: build
	@command -v git >/dev/null || { echo "make demo-git needs git (scripts/deps.sh test)"; exit 2; }
	@tmp=$$(mktemp -d) && scripts/demo-repo.sh $$tmp/repo && \
		(cd $$tmp/repo && $(CURDIR)/$(BUILD)/src/redline --history lighthouse.txt); \
		status=$$?; rm -rf $$tmp; [ $$status -le 1 ] || exit $$status

test:
	@scripts/deps.sh test
	@$(MAKE) --no-print-directory build
	@cd $(BUILD) && ctest --output-on-failure --no-tests=error -j $(JOBS)
	@$(MAKE) --no-print-directory test-asan

test-asan:
	@cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DREDLINE_WERROR=ON \
		-DREDLINE_SANITIZE=ON $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	@# Reports in plain text: a viewer killed by SIGSEGV in the tmux tests hands the signal on to
	@# ASan, whose coloured report would otherwise race the shell's prompt onto the test's screen.
	@cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:color=never \
		LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:color=never \
		ctest --output-on-failure --no-tests=error -j $(JOBS)

# The viewer's benchmark: first frame, per-key redraw, bytes to the terminal (not a test).
bench-viewer: build
	@cmake --build $(BUILD) --target viewer_bench
	@scripts/bench-viewer.sh $(BUILD)

# Pictures of the viewer for the README, from the examples (tmux -> SVG -> PNG).
screenshots: build
	@scripts/deps.sh screenshots
	@scripts/screenshots.sh $(BUILD)

# Optimized, without sanitizers or tests; the pairs are generated into bench/out/ and reused.
bench:
	@scripts/deps.sh bench
	@cmake -S . -B $(BENCH_BUILD) -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_FLAGS_RELEASE="-O2 -DNDEBUG" \
		-DREDLINE_TESTS=OFF $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BENCH_BUILD) -j $(JOBS) --target redline phase
	@$(CC) -std=c11 -O2 -Wall -Wextra -Werror -o $(BENCH_BUILD)/measure bench/measure.c
	@if [ -f ../shared/bench/wikidiff2/build.sh ]; then \
		sh ../shared/bench/wikidiff2/build.sh $(BENCH_BUILD)/wd2 >/dev/null; fi
	@python3 bench/bench.py --bin $(BENCH_BUILD)/src/redline --measure $(BENCH_BUILD)/measure \
		--wd2 $(BENCH_BUILD)/wd2/wd2 --phase $(BENCH_BUILD)/phase $(BENCH_ARGS)

fuzz:
	@scripts/deps.sh fuzz
	@CC=clang cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DREDLINE_WERROR=ON \
		-DREDLINE_FUZZ=ON -DREDLINE_TESTS=OFF $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(FUZZ_BUILD) -j $(JOBS)
	@scripts/fuzz.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# Real pairs (../shared/peers/real) and the example's truth (examples/truth), redline beside git --word-diff,
# dwdiff and difflib; then pairs generated with a fresh seed (printed; QUALITY_FLAGS=--seed=N repeats it).
quality:
	@scripts/deps.sh test
	@scripts/deps.sh bench
	@$(MAKE) --no-print-directory build
	@python3 scripts/quality.py --bin $(BUILD)/src/redline --out $(BUILD)/quality $(QUALITY_FLAGS)

install: build
	@cmake --install $(BUILD) --prefix $(PREFIX)

clean:
	@rm -rf $(BUILD) $(ASAN_BUILD) $(BENCH_BUILD) $(FUZZ_BUILD)
