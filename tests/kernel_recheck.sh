#!/bin/sh
# SPDX-License-Identifier: MIT
#
# kernel_recheck.sh: ask the running kernel's verifier again about every corpus
# object and compare with the verdicts recorded in testdata/NAME.expect
# ("verdict:" for --caps full, "unpriv:" for --caps bpf).
#
# usage: sh tests/kernel_recheck.sh [NAME...]
#   NAME is a corpus program (testdata/NAME.expect); default: all of them.
#   The objects testdata/NAME.o must be built (make testdata).
# environment:
#   KV  path of kernel-verdict (default ../shared/tools/kernel-verdict, taken
#       relative to the repository root)
# exit status: 0 all agree or skipped (no bpf() here), 1 some mismatch or a
# missing object, 2 usage error or kernel-verdict unusable.

cd "$(dirname "$0")/.." || exit 2

KV=${KV:-../shared/tools/kernel-verdict}
if [ ! -f "$KV" ]; then
	echo "kernel-recheck: skipped (no kernel-verdict at $KV; set KV)"
	exit 0
fi

"$KV" --check >/dev/null 2>&1
rc=$?
if [ "$rc" -eq 3 ]; then
	echo "kernel-recheck: skipped (bpf() unavailable)"
	exit 0
fi
if [ "$rc" -ne 0 ]; then
	echo "kernel-recheck: $KV --check failed with exit status $rc" >&2
	exit 2
fi

if [ $# -gt 0 ]; then
	names=$*
else
	names=$(for e in testdata/*.expect; do
		[ -f "$e" ] || continue
		n=${e#testdata/}
		echo "${n%.expect}"
	done)
fi
if [ -z "$names" ]; then
	echo "kernel-recheck: no testdata/*.expect files" >&2
	exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kernel-recheck.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' INT TERM

pass=0
fail=0
unconfirmed=0
objs=
for n in $names; do
	if [ ! -f "testdata/$n.expect" ]; then
		echo "kernel-recheck: no testdata/$n.expect" >&2
		exit 2
	fi
	if [ ! -f "testdata/$n.o" ]; then
		echo "MISSING testdata/$n.o (run make testdata)"
		fail=$((fail + 1))
		continue
	fi
	objs="$objs testdata/$n.o"
done

if [ -n "$objs" ]; then
	# One call per privilege level covers every object (kernel-verdict loads each
	# program separately); columns: file section verdict insns message...
	# shellcheck disable=SC2086 # word splitting of the object list is intended
	"$KV" -q --caps full $objs >"$tmp/full" 2>"$tmp/full.err" || {
		echo "kernel-recheck: kernel-verdict --caps full failed:" >&2
		cat "$tmp/full.err" >&2
		exit 2
	}
	# shellcheck disable=SC2086
	"$KV" -q --caps bpf $objs >"$tmp/bpf" 2>"$tmp/bpf.err" || {
		echo "kernel-recheck: kernel-verdict --caps bpf failed:" >&2
		cat "$tmp/bpf.err" >&2
		exit 2
	}
fi

# Print "verdict message" for object $2 from kernel-verdict output $1. An
# object with several programs gets the worst verdict (reject > error > accept).
kernel_verdict() {
	awk -v f="$2" '
		$1 == f {
			v = $3
			m = ""
			for (i = 5; i <= NF; i++)
				m = m (i > 5 ? " " : "") $i
			rank = (v == "reject") ? 3 : (v == "error") ? 2 : (v == "accept") ? 1 : 0
			if (rank > best) {
				best = rank
				out = v " " m
			}
		}
		END { if (best) print out; else print "missing -" }' "$1"
}

# Print the value of field $2 ("verdict", "unpriv") of expectation file $1
expect_field() {
	sed -n "s/^$2:[[:space:]]*//p" "$1" | head -n 1
}

for o in $objs; do
	n=${o#testdata/}
	n=${n%.o}
	ok=1
	for mode in full bpf; do
		if [ "$mode" = full ]; then
			field=verdict
		else
			field=unpriv
		fi
		want=$(expect_field "testdata/$n.expect" "$field")
		got=$(kernel_verdict "$tmp/$mode" "$o")
		gotv=${got%% *}
		if [ -z "$want" ]; then
			echo "BADEXPECT testdata/$n.expect: no '$field:' line"
			ok=0
		elif [ "$want" != "$gotv" ] && [ "$mode" = full ] && [ "$gotv" = error ] &&
			grep -q '^confirmed: no' "testdata/$n.expect"; then
			# derived from the kernel's rules because this kernel refuses to load
			# the program type at all (testdata/README.md, "Unconfirmed")
			echo "UNCONFIRMED $o: expected $want, this kernel cannot load it ($got)"
			unconfirmed=$((unconfirmed + 1))
		elif [ "$want" != "$gotv" ]; then
			echo "MISMATCH $o caps=$mode: expected $want, kernel says $got"
			ok=0
		elif grep -q '^confirmed: no' "testdata/$n.expect" && [ "$mode" = full ]; then
			echo "NOW-CONFIRMED $o: the kernel loads it and agrees ($want): re-record it"
		fi
	done
	if [ "$ok" -eq 1 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
	fi
done

echo "$pass passed, $fail failed ($unconfirmed unconfirmed expectations kept)"
[ "$fail" -eq 0 ]
