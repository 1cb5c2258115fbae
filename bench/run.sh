#!/bin/sh
# make bench: verify the testdata corpus and generated large programs (straight-line,
# branchy, nested loops, packet parsing; 1k to 1M instructions), printing per program
# wall time, instructions, instructions interpreted, states and peak memory, and
# writing build/bench.csv. Process peak RSS of one whole run per generated object
# is measured with /usr/bin/time when available.
set -eu
B=build/bench
mkdir -p "$B"
cc -O2 -o "$B/genprog" bench/genprog.c $(pkg-config --libs libelf)
for k in straight branchy loops packet; do
	for n in 1000 10000 100000 1000000; do
		"$B/genprog" "$k" "$n" "$B/$k-$n.o"
	done
done
"$B/bench_verify" --csv build/bench.csv testdata/*.o "$B"/straight-*.o "$B"/branchy-*.o \
	"$B"/loops-*.o "$B"/packet-*.o
echo "csv: build/bench.csv"
if [ -x /usr/bin/time ]; then
	echo "peak RSS of one bpfverify process per generated program:"
	for f in "$B"/*-1000000.o "$B"/*-10000.o; do
		/usr/bin/time -f "  $f: %e s, %M KB" ./bpfverify --format tsv "$f" >/dev/null || true
	done
fi
