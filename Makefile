# dossier: the two set-up commands are `make run ARGS='...'` and `make test`;
# each installs what it needs first (scripts/install-deps).
SWIFT ?= swift
ARGS ?= --help
# Release builds link the Swift runtime and Foundation statically: a command starts in about a
# third of the time (no dynamic loading of the Swift libraries), which is most of what a
# refresh with nothing to do, or a short fetch, costs.
RELEASE = $(SWIFT) build -c release --static-swift-stdlib
PREFIX ?= /usr/local
# `make install DESTDIR=/tmp/stage` stages the files under DESTDIR, for packaging.
DESTDIR ?=
BINDIR = $(PREFIX)/bin
DATADIR = $(PREFIX)/share
MANDIR = $(DATADIR)/man/man1

.PHONY: deps build release install uninstall run test test-asan test-tsan test-sanitizers bench-fetch bench-build bench-refresh bench-extract score-dossier clean

deps:
	@scripts/install-deps

build: deps
	$(SWIFT) build

release: deps
	$(RELEASE) --product dossier

# The main job: `make run ARGS='fetch https://example.org/'`.
run: release
	.build/release/dossier $(ARGS)

# The whole test suite (the README's test command, and what .ci/run calls); it also installs
# Chromium and poppler-utils, so the printing tests run. The suite then runs twice more, under
# AddressSanitizer and ThreadSanitizer; DOSSIER_SANITIZERS=0 skips them in a developer's loop.
DOSSIER_SANITIZERS ?= 1
test:
	@scripts/install-deps --print
	$(SWIFT) test
ifneq ($(DOSSIER_SANITIZERS),0)
	$(MAKE) test-sanitizers
endif

test-sanitizers: test-asan test-tsan

# The symbolizer of the toolchain (found from its runtime resource path, so a swiftly shim on PATH
# does not hide it), else the one on PATH, named in the sanitizer options so that reports from
# commands run with a bare PATH (the CLI tests) are symbolized too: LeakSanitizer's suppressions
# match function names.
TOOLCHAIN_BIN := $(shell $(SWIFT) -print-target-info 2>/dev/null | sed -n 's|.*"runtimeResourcePath": "\(.*\)/lib/swift".*|\1/bin|p')
SYMBOLIZER := $(firstword $(wildcard $(TOOLCHAIN_BIN)/llvm-symbolizer) $(shell command -v llvm-symbolizer))
SANITIZER_COMMON := $(if $(SYMBOLIZER),:external_symbolizer_path=$(SYMBOLIZER))

# The whole suite under AddressSanitizer with leak detection (its own build folder); the commands
# the CLI tests run are sanitized too. Leaks inside the toolchain (XCTest, Foundation.Process) are
# suppressed by scripts/lsan.supp; any other leak or memory error fails the run.
test-asan: deps
	@test -n "$(SYMBOLIZER)" || { echo "error: no llvm-symbolizer in the Swift toolchain or on PATH; LeakSanitizer's suppressions need one" >&2; exit 1; }
	ASAN_OPTIONS=detect_leaks=1$(SANITIZER_COMMON) LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/lsan.supp \
		$(SWIFT) test --sanitize=address --scratch-path .build-asan

# The whole suite under ThreadSanitizer (its own build folder): any report fails the run (exit 66).
test-tsan: deps
	TSAN_OPTIONS=exitcode=66$(SANITIZER_COMMON) $(SWIFT) test --sanitize=thread --scratch-path .build-tsan

# 2,000 pages of 20 KB over 4 loopback host names, 32 at once: dossier against curl --parallel.
bench-fetch: deps
	$(RELEASE) --product dossier
	$(RELEASE) --product dossier-testserver
	$(RELEASE) --product dossier-bench
	.build/release/dossier-bench fetch --dossier .build/release/dossier --server .build/release/dossier-testserver

# Each person of ../shared/corpus/web/facts built against ../shared/tools/miniweb: wall time and peak RSS.
bench-build: deps
	$(RELEASE) --product dossier
	$(RELEASE) --product dossier-bench
	.build/release/dossier-bench build --dossier .build/release/dossier --miniweb ../shared/tools/miniweb --web ../shared/corpus/web

# A refresh with nothing changed upstream against a cold build: conditional requests only, files untouched.
bench-refresh: deps
	$(RELEASE) --product dossier
	$(RELEASE) --product dossier-bench
	.build/release/dossier-bench refresh --dossier .build/release/dossier --miniweb ../shared/tools/miniweb --web ../shared/corpus/web

# The extractor on one core against libxml2's own HTML parse of the same pages (both extraction corpora).
bench-extract: deps
	$(RELEASE) --product dossier-bench
	.build/release/dossier-bench extract --corpus ../shared/corpus/extraction/dev --rounds $(or $(ROUNDS),7)
	.build/release/dossier-bench extract --corpus ../shared/corpus/extraction/snippets-dev --rounds $(or $(ROUNDS),7)

# Each person of ../shared/corpus/web/facts built against ../shared/tools/miniweb, its dossier.md
# scored against the person's facts (keep the dossiers with SCORE_KEEP=DIR).
score-dossier: deps
	$(RELEASE) --product dossier
	$(RELEASE) --product dossier-bench
	@scripts/install-deps --print
	.build/release/dossier-bench score --dossier .build/release/dossier --miniweb ../shared/tools/miniweb --web ../shared/corpus/web $(if $(SCORE_KEEP),--keep $(SCORE_KEEP))

# The binary, the shipped Sources.d and Banks.d where it looks for them ($(DATADIR)/dossier), shell
# completions for bash, zsh and fish, and the manual page. The page is written by swift-argument-parser's
# generate-manual tool (what its generate-manual plugin runs), built with the same flags as the binary:
# the plugin would rebuild every product in release mode a second time.
install: release
	$(RELEASE) --product generate-manual
	rm -rf .build/manual && mkdir -p .build/manual
	.build/release/generate-manual .build/release/dossier --output-directory .build/manual
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/dossier $(DESTDIR)$(MANDIR) \
		$(DESTDIR)$(DATADIR)/bash-completion/completions $(DESTDIR)$(DATADIR)/zsh/site-functions \
		$(DESTDIR)$(DATADIR)/fish/vendor_completions.d
	install -s -m 755 .build/release/dossier $(DESTDIR)$(BINDIR)/dossier
	rm -rf $(DESTDIR)$(DATADIR)/dossier/Sources.d $(DESTDIR)$(DATADIR)/dossier/Banks.d
	cp -R Sources.d Banks.d $(DESTDIR)$(DATADIR)/dossier/
	.build/release/dossier --generate-completion-script bash > $(DESTDIR)$(DATADIR)/bash-completion/completions/dossier
	.build/release/dossier --generate-completion-script zsh > $(DESTDIR)$(DATADIR)/zsh/site-functions/_dossier
	.build/release/dossier --generate-completion-script fish > $(DESTDIR)$(DATADIR)/fish/vendor_completions.d/dossier.fish
	install -m 644 .build/manual/dossier.1 $(DESTDIR)$(MANDIR)/dossier.1

# Removes what `make install` put in place (same PREFIX and DESTDIR).
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/dossier $(DESTDIR)$(MANDIR)/dossier.1 \
		$(DESTDIR)$(DATADIR)/bash-completion/completions/dossier $(DESTDIR)$(DATADIR)/zsh/site-functions/_dossier \
		$(DESTDIR)$(DATADIR)/fish/vendor_completions.d/dossier.fish
	rm -rf $(DESTDIR)$(DATADIR)/dossier

clean:
	rm -rf .build .build-asan .build-tsan
