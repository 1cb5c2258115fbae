#!/bin/sh
# SPDX-License-Identifier: MIT
#
# corpus_check.sh: compare bpfverify's verdicts on the corpus with the kernel
# verdicts recorded in testdata/NAME.expect.
#
# usage: sh tests/corpus_check.sh [--unpriv] BPFVERIFY [NAME...]
#   BPFVERIFY  the bpfverify binary to test
#   --unpriv   run "check --unprivileged" and compare with the "unpriv:" line
#              (default: plain "check" against the "verdict:" line)
#   NAME       restrict to testdata/NAME.expect (default: every .expect)
#
# For each program whose expected verdict is accept or reject (error entries never
# reached the kernel verifier and are skipped) it runs
#   BPFVERIFY check --format tsv [--unprivileged] testdata/NAME.o
# whose stdout has one line per program: file, section, function, verdict,
# rule id, instruction index, message (tab-separated). Outcomes:
#   agree         same verdict as the kernel
#   unsound       bpfverify accepts, the kernel rejects (always a failure)
#   imprecise     bpfverify rejects, the kernel accepts (a failure unless the
#                 program is listed in testdata/known-imprecise.txt)
#   inconclusive  no accept/reject verdict (unsupported feature, budget spent,
#                 unreadable output); not a failure, except a crash (exit status
#                 above 4, e.g. a signal or sanitizer abort) or a missing
#                 object, which fail
# Prints each disagreement, then
#   corpus: N programs, A agree, U unsound, P imprecise, I inconclusive
#   N passed, N failed
# environment:
#   KNOWN_IMPRECISE  list of accepted imprecisions
#                    (default testdata/known-imprecise.txt; a missing file is empty)
# exit status: 0 no failure, 1 some failure, 2 usage error.

usage() {
	echo "usage: sh tests/corpus_check.sh [--unpriv] BPFVERIFY [NAME...]" >&2
	exit 2
}

unpriv=0
bv=
names=
for a in "$@"; do
	case $a in
	--unpriv) unpriv=1 ;;
	-h | --help) usage ;;
	-*) echo "corpus-check: unknown option $a" >&2; usage ;;
	*)
		if [ -z "$bv" ]; then
			bv=$a
		else
			names="$names $a"
		fi
		;;
	esac
done
[ -n "$bv" ] || usage

# The binary may be given relative to the caller's directory
case $bv in
/*) ;;
*/*) bv=$(pwd)/$bv ;;
esac
if [ ! -x "$bv" ] && ! command -v "$bv" >/dev/null 2>&1; then
	echo "corpus-check: $bv is not executable" >&2
	exit 2
fi

cd "$(dirname "$0")/.." || exit 2

if [ -z "$names" ]; then
	names=$(for e in testdata/*.expect; do
		[ -f "$e" ] || continue
		n=${e#testdata/}
		echo "${n%.expect}"
	done)
fi

if [ "$unpriv" -eq 1 ]; then
	field=unpriv
	set -- --unprivileged
else
	field=verdict
	set --
fi

# Names in known-imprecise.txt: one per line, as NAME, NAME.o, NAME.c or
# testdata/NAME.*; blank lines and # comments are ignored.
known=
known_file=${KNOWN_IMPRECISE:-testdata/known-imprecise.txt}
if [ -f "$known_file" ]; then
	known=$(sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' -e 's|^testdata/||' \
		-e 's/\.o$//' -e 's/\.c$//' -e 's/\.expect$//' "$known_file")
fi
is_known() {
	for k in $known; do
		[ "$k" = "$1" ] && return 0
	done
	return 1
}

# With --unpriv, programs in testdata/unpriv-spectre.txt are not compared: the
# kernel refuses them only for its Spectre mitigations, which are out of scope.
spectre=
if [ "$unpriv" -eq 1 ] && [ -f testdata/unpriv-spectre.txt ]; then
	spectre=$(sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' testdata/unpriv-spectre.txt)
fi
is_spectre() {
	for k in $spectre; do
		[ "$k" = "$1" ] && return 0
	done
	return 1
}

tmp=$(mktemp "${TMPDIR:-/tmp}/corpus-check.XXXXXX") || exit 2
trap 'rm -f "$tmp"' EXIT
trap 'exit 2' INT TERM

total=0
agree=0
unsound=0
imprecise=0
inconclusive=0
failed=0
for n in $names; do
	e=testdata/$n.expect
	o=testdata/$n.o
	if [ ! -f "$e" ]; then
		echo "corpus-check: no $e" >&2
		exit 2
	fi
	want=$(sed -n "s/^$field:[[:space:]]*//p" "$e" | head -n 1)
	case $want in
	accept | reject) ;;
	*) continue ;;
	esac
	if is_spectre "$n"; then
		echo "SKIP $n: unprivileged verdict comes from Spectre mitigations (out of scope)"
		continue
	fi
	total=$((total + 1))
	kmsg=$(sed -n "s/^kernel:[[:space:]]*//p" "$e" | head -n 1)
	[ "$unpriv" -eq 1 ] && kmsg=$(sed -n "s/^kernel-unpriv:[[:space:]]*//p" "$e" | head -n 1)

	if [ ! -f "$o" ]; then
		inconclusive=$((inconclusive + 1))
		failed=$((failed + 1))
		echo "MISSING $o (run make testdata)"
		continue
	fi
	"$bv" check --format tsv "$@" "$o" >"$tmp" 2>/dev/null
	rc=$?
	# Worst verdict over the object's program lines: reject > other > accept.
	# Lines whose fourth column is not a verdict word (a header) are skipped.
	got=$(awk -F '\t' '
		NF >= 4 && $4 ~ /^[a-z_-]+$/ && $4 != "verdict" {
			v = $4
			r = (v == "reject") ? 3 : (v == "accept") ? 1 : 2
			if (r > best) {
				best = r
				line = v "\t" $5 "\t" $6 "\t" $7
			}
		}
		END { if (best) print line }' "$tmp")
	gotv=$(printf '%s\n' "$got" | cut -f 1)
	detail=$(printf '%s\n' "$got" | cut -f 2- | tr '\t' ' ')

	if [ "$rc" -gt 4 ]; then
		inconclusive=$((inconclusive + 1))
		failed=$((failed + 1))
		echo "CRASH $o: bpfverify exit status $rc (kernel: $want)"
		continue
	fi
	case $gotv in
	accept | reject) ;;
	*)
		inconclusive=$((inconclusive + 1))
		echo "INCONCLUSIVE $o: bpfverify ${gotv:-gave no verdict}${detail:+ $detail} (exit $rc; kernel: $want)"
		continue
		;;
	esac
	if [ "$gotv" = "$want" ]; then
		agree=$((agree + 1))
	elif [ "$gotv" = accept ]; then
		unsound=$((unsound + 1))
		failed=$((failed + 1))
		echo "UNSOUND $o: bpfverify accept, kernel reject: $kmsg"
	else
		imprecise=$((imprecise + 1))
		if is_known "$n"; then
			echo "IMPRECISE (known) $o: bpfverify reject: $detail"
		else
			failed=$((failed + 1))
			echo "IMPRECISE $o: bpfverify reject, kernel accept: $detail"
		fi
	fi
done

echo "corpus: $total programs, $agree agree, $unsound unsound, $imprecise imprecise, $inconclusive inconclusive"
echo "$((total - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
