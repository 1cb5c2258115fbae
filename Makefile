# SPDX-License-Identifier: MIT
# bpfverify build. `make` builds ./bpfverify; `make check` runs the unit suites
# and the end-to-end tests under ASan/UBSan; see README.md for the rest.

CC      ?= cc
CFLAGS  ?= -g -O2
PREFIX  ?= /usr/local
CLANG   ?= clang
WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wold-style-definition -Wpointer-arith -Wwrite-strings -Wformat=2 \
           -Wundef -Wvla -Wcast-qual -Wimplicit-fallthrough
SAN     ?= -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
PKGS    := libelf gmp
ALL_CFLAGS = -std=c11 -D_DEFAULT_SOURCE $(WARN) $(CFLAGS) $(shell pkg-config --cflags $(PKGS))
LIBS    := $(shell pkg-config --libs libelf) -lm -lpthread
GMPLIBS := $(shell pkg-config --libs gmp)
CHECK   := $(shell pkg-config --cflags --libs check)

LIB_SRC := $(sort $(wildcard verifier/*.c domains/*.c))
CLI_SRC := $(sort $(wildcard cli/*.c))
TEST_SRC := $(sort $(filter-out tests/check_main.c,$(wildcard tests/check_*.c)))
TEST_HELPERS := $(sort $(filter-out $(TEST_SRC) tests/check_main.c tests/elfmangle.c tests/mutate.c,$(wildcard tests/*.c)))
HDRS    := $(wildcard include/*.h verifier/*.h domains/*.h cli/*.h tests/*.h)

B       := build
LIB_OBJ := $(LIB_SRC:%.c=$(B)/rel/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(B)/rel/%.o)
SLIB_OBJ := $(LIB_SRC:%.c=$(B)/san/%.o)
SCLI_OBJ := $(CLI_SRC:%.c=$(B)/san/%.o)

BPF_CFLAGS := -O2 -g -target bpf -Wno-unused-value -Wno-pointer-sign -Wno-compare-distinct-pointer-types \
	-D__TARGET_ARCH_x86 -I/usr/include/$(shell $(CC) -dumpmachine) -Itestdata/include
TD_SRC  := $(sort $(wildcard testdata/*.c testdata/core/*.c))
TD_OBJ  := $(TD_SRC:.c=.o)

.PHONY: all check check-unit check-e2e check-long bench bench-domains install uninstall \
	format format-check testdata clean check-kernel fuzz check-diff-kernel

all: bpfverify

bpfverify: $(LIB_OBJ) $(CLI_OBJ)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LIBS) $(GMPLIBS)

$(B)/rel/%.o: %.c $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B)/san/%.o: %.c $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(SAN) -c -o $@ $<

# Sanitized CLI used by the end-to-end tests
$(B)/bpfverify-san: $(SLIB_OBJ) $(SCLI_OBJ)
	$(CC) $(ALL_CFLAGS) $(SAN) -o $@ $^ $(LIBS) $(GMPLIBS)

# The suite list is generated: each tests/check_NAME.c defines Suite *NAME_suite(void)
$(B)/suites_gen.h: $(TEST_SRC)
	@mkdir -p $(B)
	@{ for f in $(TEST_SRC); do n=$$(basename $$f .c); n=$${n#check_}; \
	   echo "SUITE($$n)"; done; } > $@.tmp && mv $@.tmp $@

$(B)/check_all: $(TEST_SRC) $(TEST_HELPERS) tests/check_main.c $(B)/suites_gen.h $(SLIB_OBJ) $(HDRS)
	$(CC) $(ALL_CFLAGS) $(SAN) -I$(B) -Itests -o $@ $(filter %.c,$^) $(SLIB_OBJ) \
		$(LIBS) $(GMPLIBS) $(CHECK)

testdata/%.o: testdata/%.c $(wildcard testdata/include/*.h)
	$(CLANG) $(BPF_CFLAGS) -c -o $@ $<

testdata: $(TD_OBJ)
	@sh tests/gen_bad.sh $(TD_OBJ)

check: check-unit check-e2e

# testdata first: the self-check suite runs over the corpus objects
check-unit: $(B)/check_all testdata
	CK_FORK=$${CK_FORK:-no} CK_DEFAULT_TIMEOUT=600 ./$(B)/check_all

check-e2e: bpfverify $(B)/bpfverify-san testdata
	sh tests/run_e2e.sh $(B)/bpfverify-san
	sh tests/cli_test.sh $(B)/bpfverify-san

check-long: $(B)/check_all
	BV_LONG=1 CK_DEFAULT_TIMEOUT=3600 ./$(B)/check_all

# libFuzzer targets (clang): the loader, the decoder and the whole pipeline
FUZZ_SECONDS ?= 60
FUZZ_DIR ?= $(B)/fuzz
fuzz:
	CLANG=$(CLANG) FUZZ_DIR=$(FUZZ_DIR) sh fuzz/run.sh $(FUZZ_SECONDS)

# Differential check against the running kernel on random mutants (skips without bpf())
check-diff-kernel: bpfverify $(B)/check_all
	SC=$(B)/check_all sh tests/diff_kernel.sh $(MUTANTS)

# Compare recorded expectations with the running kernel (skips without bpf())
check-kernel: testdata
	sh tests/kernel_recheck.sh

bench-domains: $(B)/bench_domains
	./$(B)/bench_domains

$(B)/bench_domains: bench/bench_domains.c $(LIB_OBJ) $(HDRS)
	$(CC) $(ALL_CFLAGS) -o $@ bench/bench_domains.c $(LIB_OBJ) $(LIBS) $(GMPLIBS)

$(B)/bench/bench_verify: bench/bench_verify.c $(LIB_OBJ) $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ bench/bench_verify.c $(LIB_OBJ) $(LIBS) $(GMPLIBS)

bench: bpfverify testdata $(B)/bench/bench_verify
	sh bench/run.sh

install: bpfverify
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 0755 bpfverify $(DESTDIR)$(PREFIX)/bin/bpfverify
	install -m 0644 doc/bpfverify.1 $(DESTDIR)$(PREFIX)/share/man/man1/bpfverify.1
	install -d $(DESTDIR)$(PREFIX)/share/bash-completion/completions
	install -m 0644 contrib/bpfverify.bash-completion \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions/bpfverify

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/bpfverify $(DESTDIR)$(PREFIX)/share/man/man1/bpfverify.1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions/bpfverify

FMT_FILES = $(wildcard include/*.[ch] verifier/*.[ch] domains/*.[ch] cli/*.[ch] tests/*.[ch] bench/*.[ch] \
	fuzz/*.[ch])
format:
	clang-format -i $(FMT_FILES)

format-check:
	clang-format --dry-run -Werror $(FMT_FILES)

clean:
	rm -rf $(B) bpfverify testdata/*.o testdata/core/*.o testdata/kbtf/*.o examples/*.o
	find testdata/bad -name '*.o' ! -name 'fuzz-*' -delete
