#!/bin/sh
# SPDX-License-Identifier: MIT
# Differential check against the running kernel's verifier.
#
#   sh tests/diff_kernel.sh [MUTANTS] [SEED]
#
# 1. Every program of testdata/*.o: the kernel's verdict (kernel-verdict
#    --caps full) next to bpfverify's (check --format tsv).
# 2. MUTANTS (default 2000) mutants of the objects the kernel accepts, made by
#    tests/mutate.c with seeds SEED+1 .. SEED+MUTANTS (default SEED 0): one
#    instruction field changed each. Every mutant the kernel rejects and
#    bpfverify accepts is UNSOUND and is listed with the change, the kernel's
#    message and bpfverify's output; the script then exits 1.
# 3. When build/check_all exists (make build/check_all; SC overrides), the
#    concrete self-check (tests/selfcheck.c) runs every mutant bpfverify
#    accepts on SC_RUNS (default 200) random inputs and lists faults and values
#    outside bpfverify's invariants.
#
# Skips (exit 0) when the kernel oracle is not usable here. Environment:
# KV (oracle, default ../shared/tools/kernel-verdict), BV (default ./bpfverify),
# DIFF_DIR (work directory, default a new /tmp/bv_diff.*; mutants stay there),
# CC (default cc), BV_TIMEOUT (per-program seconds, default 20).
set -u
cd "$(dirname "$0")/.." || exit 2
KV=${KV:-../shared/tools/kernel-verdict}
BV=${BV:-./bpfverify}
N=${1:-2000}
SEED=${2:-0}
CC=${CC:-cc}
TMO=${BV_TIMEOUT:-20}

if [ ! -x "$KV" ] || ! "$KV" --check >/dev/null 2>&1; then
	echo "diff_kernel: skipped (the kernel oracle $KV is not usable here)"
	exit 0
fi
WORK=${DIFF_DIR:-$(mktemp -d /tmp/bv_diff.XXXXXX)}
mkdir -p "$WORK/mut"
[ -x "$BV" ] || make -s bpfverify || exit 2
"$CC" -std=c11 -O1 -o "$WORK/mutate" tests/mutate.c || exit 2
"$KV" --check 2>&1 | head -1 | sed 's/^/kernel: /'

# Run the oracle and bpfverify over the files listed in $1 (one per line), 200 at a time;
# writes $2.k (file, section:function, verdict, insns, message) and $2.b (bpfverify tsv)
verdicts() {
	: > "$2.k"
	: > "$2.b"
	split -l 200 "$1" "$WORK/chunk."
	for c in "$WORK"/chunk.*; do
		# shellcheck disable=SC2046
		"$KV" -q --caps full --names $(cat "$c") >> "$2.k" 2>/dev/null
		# shellcheck disable=SC2046
		"$BV" check --format tsv --exit-zero --timeout "$TMO" $(cat "$c") >> "$2.b" 2>/dev/null
		rm -f "$c"
	done
}

# Join the two tables on (file, section:function), driven by the kernel's list; prints one
# line per program: key, kernel verdict, bpfverify verdict ("open-error" when bpfverify could
# not load the object), rule, pc, kernel message, bpfverify message (tab separated)
compare() {
	awk -F'\t' '
	FNR == NR {
		bv[$1 " " $2 ":" $3] = $4 "\t" $5 "\t" $6 "\t" $7
		bv1[$1 " " $2] = $4 "\t" $5 "\t" $6 "\t" $7
		next
	}
	{
		# kernel lines are space separated: file section:function verdict insns message...
		n = split($0, w, " ")
		key = w[1] " " w[2]
		msg = ""
		for (i = 5; i <= n; i++)
			msg = msg (i > 5 ? " " : "") w[i]
		sec = w[2]
		sub(/:[^:]*$/, "", sec)
		if (key in bv)
			b = bv[key]
		else if ((w[1] " " sec) in bv1)
			b = bv1[w[1] " " sec]
		else
			b = "open-error\t\t\t"
		split(b, f, "\t")
		printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", key, w[3], f[1], f[2], f[3], msg, f[4]
	}' "$1.b" "$1.k"
}

summary() {
	awk -F'\t' -v what="$2" '
	{
		t++
		if ($2 == "error") { kerr++; next }
		if ($3 == "error" || $3 == "open-error") { if ($2 == "accept") berra++; else berrr++; next }
		if ($3 == "inconclusive") { if ($2 == "accept") inca++; else incr++; next }
		if ($2 == $3) { if ($2 == "accept") acc++; else rej++; next }
		if ($2 == "reject" && $3 == "accept") { unsound++; next }
		if ($2 == "accept" && $3 == "reject") { strict++; next }
	}
	END {
		printf "%s: %d programs: %d both accept, %d both reject, %d UNSOUND (kernel rejects, bpfverify accepts), %d stricter (kernel accepts, bpfverify rejects), inconclusive %d (kernel accepts) + %d (kernel rejects), bpfverify error %d (kernel accepts) + %d (kernel rejects), %d kernel load errors\n",
			what, t, acc, rej, unsound + 0, strict + 0, inca + 0, incr + 0, berra + 0, berrr + 0, kerr + 0
	}' "$1"
}

# ---- 1. the corpus ----
ls testdata/*.o > "$WORK/corpus.list"
verdicts "$WORK/corpus.list" "$WORK/corpus"
compare "$WORK/corpus" > "$WORK/corpus.cmp"
summary "$WORK/corpus.cmp" "corpus"
awk -F'\t' '$2 != $3 && $2 != "error" {
	printf "  differs: %s kernel=%s bpfverify=%s %s pc %s | kernel: %s | bpfverify: %s\n", $1, $2, $3, $4, $5, $6, $7 }' \
	"$WORK/corpus.cmp"

# ---- 2. mutants of the objects the kernel accepts ----
awk -F'\t' '$2 == "accept" { split($1, a, " "); print a[1] }' "$WORK/corpus.cmp" | sort -u > "$WORK/bases.list"
nb=$(wc -l < "$WORK/bases.list")
if [ "$N" -gt 0 ] && [ "$nb" -gt 0 ]; then
	: > "$WORK/mut.list"
	: > "$WORK/mut.desc"
	i=1
	while [ "$i" -le "$N" ]; do
		b=$(sed -n "$(( (i - 1) % nb + 1 ))p" "$WORK/bases.list")
		out="$WORK/mut/m$i-$(basename "$b")"
		if d=$("$WORK/mutate" "$b" "$out" $((SEED + i)) 2>/dev/null); then
			echo "$out" >> "$WORK/mut.list"
			printf '%s\t%s\t%s\n' "$out" "$b" "$d" >> "$WORK/mut.desc"
		fi
		i=$((i + 1))
	done
	verdicts "$WORK/mut.list" "$WORK/mut"
	compare "$WORK/mut" > "$WORK/mut.cmp"
	summary "$WORK/mut.cmp" "mutants"
	awk -F'\t' '$2 == "accept" && $3 != "accept" && $3 != "inconclusive" {
		printf "  kernel accepts, bpfverify %s: %s %s pc %s: %s\n", $3, $1, $4, $5, $7 }' "$WORK/mut.cmp" |
		head -n "${SHOW_STRICT:-40}"
	awk -F'\t' '$2 == "reject" && $3 == "accept" { split($1, a, " "); print a[1] "\t" a[2] "\t" $6 }' \
		"$WORK/mut.cmp" > "$WORK/unsound.txt"
	nu=$(wc -l < "$WORK/unsound.txt")
	if [ "$nu" -gt 0 ]; then
		echo "UNSOUND mutants ($nu):"
		while IFS="$(printf '\t')" read -r f prog kmsg; do
			d=$(awk -F'\t' -v f="$f" '$1 == f { print "from " $2 ": " $3 }' "$WORK/mut.desc")
			echo "  $f $prog ($d)"
			echo "    kernel: $kmsg"
			"$BV" check -v --timeout "$TMO" "$f" 2>&1 | head -3 | sed 's/^/    bpfverify: /'
		done < "$WORK/unsound.txt"
	fi
	# 3. the concrete self-check on every mutant bpfverify accepts: a fault or a value
	# outside the invariant is a safety bug whatever the kernel says
	SC=${SC:-build/check_all}
	if [ -x "$SC" ]; then
		mkdir -p "$WORK/accepted"
		awk -F'\t' '$3 == "accept" { split($1, a, " "); print a[1] }' "$WORK/mut.cmp" | sort -u |
			while read -r f; do ln -sf "$(cd "$(dirname "$f")" && pwd)/$(basename "$f")" "$WORK/accepted/"; done
		BV_SC_GLOB="$WORK/accepted/*.o" BV_SC_RUNS=${SC_RUNS:-200} CK_RUN_SUITE=selfcheck \
			CK_RUN_CASE=corpus CK_FORK=no "$SC" > "$WORK/selfcheck.txt" 2>&1
		echo "selfcheck of the accepted mutants: $(grep '%:' "$WORK/selfcheck.txt")"
		grep -A3 'problems in' "$WORK/selfcheck.txt" | cut -c1-300 | sed 's/^/  /'
	fi
	echo "work directory: $WORK (mutants, mut.cmp, unsound.txt)"
	[ "$nu" -eq 0 ] || exit 1
fi
exit 0
