#!/bin/sh
# SPDX-License-Identifier: MIT
# Build the libFuzzer targets and run each for SECONDS (default 60), seeded from
# testdata/*.o (fuzz_obj, fuzz_check) and their instruction bytes (fuzz_insn).
# usage: fuzz/run.sh [SECONDS] [TARGET...]
# Environment: CLANG (default clang), FUZZ_DIR (work dir, default build/fuzz),
# FUZZ_JOBS (parallel workers per target, default 1).
# A crash leaves crash-*/timeout-*/oom-* files in $FUZZ_DIR/TARGET/ and the
# script exits 1 after running every target.
set -u
cd "$(dirname "$0")/.." || exit 2
SECS=${1:-60}
[ $# -gt 0 ] && shift
TARGETS=${*:-"fuzz_obj fuzz_insn fuzz_check"}
CLANG=${CLANG:-clang}
OUT=${FUZZ_DIR:-build/fuzz}
FLAGS="-std=c11 -D_DEFAULT_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer $(pkg-config --cflags libelf gmp)"
LIBS="$(pkg-config --libs libelf gmp) -lm -lpthread"
mkdir -p "$OUT/bin"
OUT=$(cd "$OUT" && pwd)

# seeds: whole objects, and the .text-like sections as raw instruction slots
SEEDS="$OUT/seeds"
if [ ! -d "$SEEDS/obj" ]; then
	mkdir -p "$SEEDS/obj" "$SEEDS/insn"
	for f in testdata/*.o testdata/bad/*.o testdata/fuzz-regress/*.o; do
		[ -f "$f" ] || continue
		cp "$f" "$SEEDS/obj/"
		b=$(basename "$f" .o)
		for s in $(llvm-objdump-14 -h "$f" 2>/dev/null | awk '$NF=="TEXT"||/ TEXT/{print $2}'); do
			llvm-objcopy-14 -O binary --only-section="$s" "$f" "$SEEDS/insn/$b-$(echo "$s" | tr '/' '_').bin" 2>/dev/null
		done
	done
fi

fail=0
for t in $TARGETS; do
	bin="$OUT/bin/$t"
	# shellcheck disable=SC2086
	$CLANG $FLAGS -o "$bin" "fuzz/$t.c" verifier/*.c domains/*.c $LIBS || { fail=1; continue; }
	corp="$OUT/$t/corpus"
	mkdir -p "$corp"
	case $t in
	fuzz_insn) seed="$SEEDS/insn" ;;
	*) seed="$SEEDS/obj" ;;
	esac
	echo "== $t: ${SECS}s"
	(cd "$OUT/$t" && "$bin" -max_total_time="$SECS" -timeout=20 -rss_limit_mb=2048 \
		-max_len=65536 -print_final_stats=1 -jobs="${FUZZ_JOBS:-1}" corpus "$seed" \
		> log.txt 2>&1)
	tail -n 12 "$OUT/$t/log.txt"
	if ls "$OUT/$t"/crash-* "$OUT/$t"/timeout-* "$OUT/$t"/oom-* >/dev/null 2>&1; then
		echo "== $t: FAILURES:"; ls "$OUT/$t"/crash-* "$OUT/$t"/timeout-* "$OUT/$t"/oom-* 2>/dev/null
		fail=1
	fi
done
exit $fail
