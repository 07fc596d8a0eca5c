# vmlab - a laboratory for Linux memory management
#
#   make            build ./vmlab
#   make run        install missing packages, build, start the shell
#   make check      install missing packages, build, run every test, then
#                   the whole suite again under AddressSanitizer and UBSan
#   make asan       only the sanitizer run
#   make bench      optimised build, print the benchmark figures
#   make graphs     regenerate graphs/ from examples/
#   make install    PREFIX=/usr/local DESTDIR=
#   V=1             show the commands

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/vmlab
MANDIR  ?= $(PREFIX)/share/man/man1

CC      ?= cc
CFLAGS  ?= -O2 -g
PKGS    := lua5.4 readline
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
VERSION := 0.1.0

# Parallel compiles for the targets that build everything (make -jN wins).
JOBS    ?= $(shell nproc 2>/dev/null || echo 2)

# Required flags, kept apart from the user's CFLAGS.
VM_CPPFLAGS = -Isrc -D_POSIX_C_SOURCE=200809L -DVMLAB_VERSION='"$(VERSION)"' \
	      -DVMLAB_LUADIR='"$(DATADIR)/lua"'
VM_CFLAGS   = -std=c11 -Wall -Wextra -Werror -MMD -MP
VM_LIBS     = -lm

ifeq ($(V),1)
Q :=
else
Q := @
endif

SRC      := $(sort $(wildcard src/*/*.c))
MAIN_SRC := src/main.c
TEST_SRC := $(sort $(wildcard tests/unit/*.c))
BENCH_SRC := $(sort $(wildcard bench/*.c))

# BUILD selects the object tree, so the sanitizer and benchmark builds
# never mix with the normal one.
BUILD ?= build
OBJ      = $(SRC:%.c=$(BUILD)/%.o)
MAIN_OBJ = $(BUILD)/src/main.o
LIB      = $(BUILD)/libvmlab.a
TESTS    = $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%.t)
BIN     ?= vmlab

.PHONY: all run check test asan bench graphs install uninstall clean deps

all: $(BIN)

deps:
	$(Q)./scripts/install-deps.sh

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(VM_CPPFLAGS) $(PKG_CFLAGS) $(VM_CFLAGS) $(CFLAGS) $(EXTRA_CFLAGS) -c $< -o $@

$(LIB): $(OBJ)
	@$(if $(Q),echo "  AR      $@")
	$(Q)rm -f $@ && ar rcs $@ $^

$(BIN): $(MAIN_OBJ) $(LIB)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(CFLAGS) $(EXTRA_CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) $(VM_LIBS)

$(BUILD)/tests/%.t: tests/unit/%.c $(LIB) $(wildcard tests/unit/*.h)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  TEST    $@")
	$(Q)$(CC) $(VM_CPPFLAGS) -Itests/unit $(PKG_CFLAGS) $(VM_CFLAGS) $(CFLAGS) $(EXTRA_CFLAGS) \
		$(LDFLAGS) -o $@ $< $(LIB) $(PKG_LIBS) $(VM_LIBS)

run: deps
	$(Q)$(MAKE) --no-print-directory -j$(JOBS) all
	./$(BIN)

# The suite: C unit tests, shell transcripts, Lua scenarios, examples.
# VMLAB names the binary the script-level tests run.
test: $(BIN) $(TESTS)
	$(Q)VMLAB=$(abspath $(BIN)) VMLAB_BUILD=$(BUILD) prove -j2 \
		$(TESTS) $(sort $(wildcard tests/*/*.t))

check: deps
	$(Q)$(MAKE) --no-print-directory -j$(JOBS) test
	$(Q)$(MAKE) --no-print-directory -j$(JOBS) asan

ASAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
asan:
	$(Q)ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		$(MAKE) --no-print-directory test BUILD=build-asan BIN=vmlab-asan \
		CFLAGS="$(ASAN_FLAGS)"

bench:
	$(Q)$(MAKE) --no-print-directory BUILD=build-bench BIN=build-bench/vmlab CFLAGS="-O2 -DNDEBUG" \
		build-bench/vmlab $(BENCH_SRC:bench/%.c=build-bench/bench/%)
	$(Q)for b in $(BENCH_SRC:bench/%.c=build-bench/bench/%); do $$b || exit 1; done

$(BUILD)/bench/%: bench/%.c $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  BENCH   $@")
	$(Q)$(CC) $(VM_CPPFLAGS) $(PKG_CFLAGS) $(VM_CFLAGS) $(CFLAGS) -o $@ $< $(LIB) $(PKG_LIBS) $(VM_LIBS)

graphs: $(BIN)
	$(Q)./scripts/make-graphs.sh ./$(BIN)

install: $(BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/lua $(DESTDIR)$(MANDIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/vmlab
	install -m 644 lua/*.lua $(DESTDIR)$(DATADIR)/lua/
	install -m 644 vmlab.1 $(DESTDIR)$(MANDIR)/vmlab.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/vmlab $(DESTDIR)$(MANDIR)/vmlab.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build build-asan build-bench vmlab vmlab-asan

-include $(OBJ:.o=.d) $(MAIN_OBJ:.o=.d)
