#!/bin/sh
# End-to-end tests of the bpfverify CLI: malformed inputs, command-line
# behaviour, the verdict corpus, disassembly against llvm-objdump and (where
# bpf() works) the recorded kernel verdicts. Usage: sh tests/run_e2e.sh BPFVERIFY
set -u
BV=${1:-./bpfverify}
pass=0
fail=0
# sanitizer reports must not be mistaken for verdict exit codes
export ASAN_OPTIONS="exitcode=86:detect_leaks=1"
export UBSAN_OPTIONS="halt_on_error=1:exitcode=87:print_stacktrace=1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# expect CODE DESCRIPTION -- command...
expect() {
	want=$1; shift; what=$1; shift
	"$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ "$got" -eq "$want" ]; then ok; else
		bad "$what: exit $got, want $want"; sed 's/^/    /' "$tmp/err" | head -5
	fi
}

# 1. malformed inputs: exit 3, one diagnostic line, no sanitizer report
n_bad=0
for f in testdata/bad/*; do
	[ -f "$f" ] || continue
	case "$f" in *.txt|*.md) continue ;; esac
	n_bad=$((n_bad + 1))
	"$BV" check "$f" >"$tmp/out" 2>"$tmp/err"
	got=$?
	lines=$(grep -c . "$tmp/err")
	if [ "$got" -ne 3 ]; then
		bad "bad input $f: exit $got, want 3"; head -5 "$tmp/err" | sed 's/^/    /'
	elif [ "$lines" -lt 1 ] || grep -q -e 'Sanitizer' -e 'runtime error' "$tmp/err"; then
		bad "bad input $f: want one diagnostic and no sanitizer report"; head -5 "$tmp/err"
	elif ! head -1 "$tmp/err" | grep -q "error:"; then
		bad "bad input $f: diagnostic does not say error:"; head -3 "$tmp/err"
	else ok; fi
	"$BV" list "$f" >/dev/null 2>&1
	[ $? -eq 3 ] && ok || bad "list on bad input $f: want exit 3"
done
echo "bad inputs: $n_bad files"

# 2. command line behaviour
expect 0 "--help" "$BV" --help
expect 0 "--version" "$BV" --version
expect 2 "unknown option" "$BV" --no-such-option x.o
expect 2 "no input" "$BV" check
expect 2 "bad --type" "$BV" --type nosuchtype testdata/xdp_pass.o
expect 3 "missing file" "$BV" check "$tmp/does-not-exist.o"
printf 'not an elf' >"$tmp/text.o"
expect 3 "not ELF" "$BV" check "$tmp/text.o"
expect 0 "rules" "$BV" rules

# 2b. budgets end in a clear inconclusive verdict (exit 4), never a hang or a crash
if cc -O2 -o "$tmp/genprog" bench/genprog.c $(pkg-config --libs libelf) 2>/dev/null; then
	"$tmp/genprog" branchy 100000 "$tmp/branchy.o"
	"$tmp/genprog" straight 200000 "$tmp/straight.o"
	"$BV" check --max-memory 8 "$tmp/branchy.o" >"$tmp/out" 2>&1
	rc=$?
	if [ $rc -eq 4 ] && grep -q "memory budget" "$tmp/out"; then ok; else
		bad "--max-memory 8: exit $rc, want 4 with 'memory budget'"; head -5 "$tmp/out"; fi
	"$BV" check --max-insns 50000 "$tmp/straight.o" >"$tmp/out" 2>&1
	rc=$?
	if [ $rc -eq 4 ] && grep -q "budget" "$tmp/out"; then ok; else
		bad "--max-insns 50000: exit $rc, want 4"; head -5 "$tmp/out"; fi
	"$BV" check "$tmp/straight.o" >"$tmp/out" 2>&1
	[ $? -eq 0 ] && ok || bad "200k straight-line instructions: not accepted"
fi

# 3. the verdict corpus (expectations from the kernel) and the unprivileged variant
if [ -f tests/corpus_check.sh ]; then
	if sh tests/corpus_check.sh "$BV" >"$tmp/corpus" 2>&1; then ok; else
		bad "corpus check"; fi
	grep -v '^ok ' "$tmp/corpus" | tail -40
	if sh tests/corpus_check.sh --unpriv "$BV" >"$tmp/corpus_u" 2>&1; then ok; else
		bad "corpus check (--unprivileged)"; fi
	grep -v '^ok ' "$tmp/corpus_u" | tail -40
fi

# 3b. mutants found by tests/diff_kernel.sh: those the kernel rejects are never accepted,
#     those it accepts (earlier false rejections) are accepted
for f in testdata/mutants/*.o; do
	[ -f "$f" ] || continue
	v=$("$BV" check --format tsv "$f" 2>/dev/null | cut -f 4 | sort -u | tr '\n' ' ')
	want=$(sed -n 's/^verdict: //p' "${f%.o}.expect")
	case "$want:$v" in
	reject:*accept*) bad "mutant $f: accepted, the kernel rejects it: $(sed -n 's/^kernel: //p' "${f%.o}.expect")" ;;
	accept:"accept ") ok ;;
	accept:*) bad "mutant $f: $v, the kernel accepts it" ;;
	*) ok ;;
	esac
done

# 4. disassembly matches llvm-objdump on every testdata object
if [ -f tests/disasm_cmp.sh ] && command -v llvm-objdump >/dev/null 2>&1; then
	if sh tests/disasm_cmp.sh "$BV" testdata/*.o >"$tmp/dis" 2>&1; then ok; else
		bad "disasm vs llvm-objdump"; fi
	tail -5 "$tmp/dis"
fi

# 5. recorded verdicts are still the running kernel's (skipped without bpf())
if [ -f tests/kernel_recheck.sh ]; then
	if sh tests/kernel_recheck.sh >"$tmp/kern" 2>&1; then ok; else bad "kernel recheck"; fi
	tail -3 "$tmp/kern"
fi

echo "e2e: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
