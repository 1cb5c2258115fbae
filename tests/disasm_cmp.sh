# SPDX-License-Identifier: MIT
# Compare `BPFVERIFY disasm OBJ` with `llvm-objdump -d --no-show-raw-insn OBJ`
# instruction by instruction, for every object given.
#
# usage: sh tests/disasm_cmp.sh BPFVERIFY OBJ...
#
# Only instruction lines ("      12:\tr1 = ...") are compared, keyed by section
# name and slot number. Before comparing:
#   - llvm-objdump's branch annotations (" <LBB0_3>", " <f+0x40>") are dropped:
#     insn_snprint() knows no symbols;
#   - a slot llvm-objdump 14 shows as "<unknown>" (encodings LLVM 14 cannot
#     print: v4 instructions, store immediate, mod, jset, most 32-bit atomics)
#     is skipped and counted;
#   - LLVM 14 without alu32 prints a 32-bit atomic fetch-add (0xc3, imm 1) as
#     the plain "lock *(u32 *)(...) += rN"; our fetch form is mapped back to it.
# Prints a unified diff and exits 1 on any difference; exit 2 on usage errors.
# LLVM_OBJDUMP overrides the objdump binary.

if [ $# -lt 2 ]; then
	echo "usage: sh $0 BPFVERIFY OBJ..." >&2
	exit 2
fi
bv=$1
shift

if [ -n "$LLVM_OBJDUMP" ]; then
	objdump=$LLVM_OBJDUMP
elif command -v llvm-objdump-14 >/dev/null 2>&1; then
	objdump=llvm-objdump-14
else
	objdump=llvm-objdump
fi

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM

# Instruction lines of a disassembly on stdin as "SECTION<TAB>PC<TAB>TEXT"
extract() {
	awk '
	/^Disassembly of section / {
		sec = $0
		sub(/^Disassembly of section /, "", sec)
		sub(/:$/, "", sec)
		next
	}
	/^ *[0-9]+:\t/ {
		pc = $0
		sub(/^ */, "", pc)
		sub(/:\t.*$/, "", pc)
		text = $0
		sub(/^ *[0-9]+:\t/, "", text)
		printf "%s\t%s\t%s\n", sec, pc, text
	}'
}

# Order by section and slot and drop repeated lines, so that the order in which
# functions are listed (and a function listed twice) does not matter
tab=$(printf '\t')
canon() {
	LC_ALL=C sort -t "$tab" -k1,1 -k2,2n -k3 | uniq
}

objs=0
insns=0
skipped=0
status=0
for obj in "$@"; do
	objs=$((objs + 1))
	if ! "$objdump" -d --no-show-raw-insn "$obj" >"$tmp/want.raw" 2>"$tmp/err"; then
		echo "disasm: $obj: $objdump failed: $(head -n 1 "$tmp/err")" >&2
		status=1
		continue
	fi
	if ! "$bv" disasm "$obj" >"$tmp/got.raw" 2>"$tmp/err"; then
		echo "disasm: $obj: $bv disasm failed: $(head -n 1 "$tmp/err")" >&2
		status=1
		continue
	fi
	extract <"$tmp/want.raw" |
		sed 's/\(gotol\{0,1\} [-+][0-9]*\) <[^<>]*>$/\1/' | canon >"$tmp/want"
	extract <"$tmp/got.raw" |
		sed 's/\t\(w\([0-9]*\)\) = atomic_fetch_add((u32 \*)\(([^()]*)\), \1)$/\tlock *(u32 *)\3 += r\2/' |
		canon >"$tmp/got.0"
	# Where llvm-objdump prints <unknown>, blank out both sides
	awk -F '\t' -v skipfile="$tmp/skip" '
	FILENAME == ARGV[1] {
		if ($3 == "<unknown>")
			unk[$1 "\t" $2] = 1
		next
	}
	{
		key = $1 "\t" $2
		if (key in unk) {
			print key "\t<unknown>"
			n++
		} else {
			print
		}
	}
	END { print n + 0 > skipfile }' "$tmp/want" "$tmp/got.0" >"$tmp/got"
	if ! diff -u --label "llvm-objdump $obj" --label "$bv disasm $obj" \
		"$tmp/want" "$tmp/got"; then
		status=1
	fi
	n=$(wc -l <"$tmp/want")
	s=$(cat "$tmp/skip")
	insns=$((insns + n - s))
	skipped=$((skipped + s))
done

if [ "$skipped" -gt 0 ]; then
	echo "disasm: $skipped instructions skipped (llvm-objdump 14 prints <unknown>)"
fi
echo "disasm: $objs objects, $insns instructions compared"
exit $status
