#!/bin/sh
# SPDX-License-Identifier: MIT
# Generate the malformed-input corpus from valid eBPF objects:
#   sh tests/gen_bad.sh OBJ...
# Each output is one valid object with one field damaged (see tests/elfmangle.c),
# plus a few hand-written files. Every mutation is applied to the first
# BAD_PER_MUT objects (in the order given) it applies to, so the output is
# deterministic. BAD_DIR (default testdata/bad) selects the output directory;
# CC (default cc) builds the mangler.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
out=${BAD_DIR:-testdata/bad}
per=${BAD_PER_MUT:-2}
cc=${CC:-cc}
tool_dir=${TMPDIR:-/tmp}/bv_elfmangle.$$
mkdir -p "$out" "$tool_dir"
trap 'rm -rf "$tool_dir"' EXIT INT TERM
tool=$tool_dir/elfmangle
"$cc" -std=c11 -D_DEFAULT_SOURCE -DBV_ELFMANGLE -O1 -o "$tool" "$root/tests/elfmangle.c"

# Mutations; "truncN" cuts the file to N bytes.
muts="magic class32 bigendian machine etype shoff shentsize shstrndx
sec_offset sec_size exec_odd exec_empty symtab_link symtab_entsize strtab_nonul
sym_name sym_shndx func_size rel_sym rel_offset rel_misaligned rel_type rel_info
rel_link rel_insn btf_magic btf_typelen btf_strlen btf_hdrlen btf_typeid btf_kind
btf_vlen ext_magic ext_line_off ext_func_len ext_line_insn
trunc4 trunc16 trunc63 trunc64 trunc200 trunc1000"

made=0
for mut in $muts; do
	done_cnt=0
	for obj in "$@"; do
		[ "$done_cnt" -lt "$per" ] || break
		[ -f "$obj" ] || continue
		base=$(basename "$obj" .o)
		dst="$out/$mut-$base.o"
		rc=0
		"$tool" "$mut" "$obj" "$dst" || rc=$?
		case $rc in
		0) done_cnt=$((done_cnt + 1)); made=$((made + 1)) ;;
		3) ;;
		*) echo "gen_bad.sh: elfmangle $mut $obj failed ($rc)" >&2; exit 1 ;;
		esac
	done
done

# Truncation just before the end, where only the section header table is cut.
for obj in "$@"; do
	[ -f "$obj" ] || continue
	size=$(wc -c < "$obj" | tr -d ' ')
	base=$(basename "$obj" .o)
	"$tool" "trunc$((size / 2))" "$obj" "$out/trunchalf-$base.o" && made=$((made + 1))
	"$tool" "trunc$((size - 1))" "$obj" "$out/trunclast-$base.o" && made=$((made + 1))
	break
done

# Hand-written files
: > "$out/hand-empty.o"
printf 'this is not an elf object\n' > "$out/hand-text.o"
printf '\177ELF' > "$out/hand-magic-only.o"
printf '\177ELF\002\001\001\000\000\000\000\000\000\000\000\000' > "$out/hand-ident-only.o"
# ELF32 header, EM_BPF, no sections
{
	printf '\177ELF\001\001\001\000\000\000\000\000\000\000\000\000'
	printf '\001\000\367\000\001\000\000\000'
	printf '\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000'
	printf '\064\000\040\000\000\000\050\000\000\000\000\000'
} > "$out/hand-elf32.o"
# ELF64 relocatable header for EM_BPF without a section header table
{
	printf '\177ELF\002\001\001\000\000\000\000\000\000\000\000\000'
	printf '\001\000\367\000\001\000\000\000'
	printf '\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000'
	printf '\000\000\000\000\000\000\000\000\000\000\000\000\100\000\000\000'
	printf '\000\000\100\000\000\000\000\000'
} > "$out/hand-noshdr.o"
# The same header claiming 3 section headers at offset 64, none present
{
	printf '\177ELF\002\001\001\000\000\000\000\000\000\000\000\000'
	printf '\001\000\367\000\001\000\000\000'
	printf '\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000'
	printf '\100\000\000\000\000\000\000\000\000\000\000\000\100\000\000\000'
	printf '\000\000\100\000\003\000\002\000'
} > "$out/hand-shdr-missing.o"
made=$((made + 7))
echo "gen_bad.sh: $made files in $out"
