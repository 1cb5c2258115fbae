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
	if [ -r /sys/kernel/btf/vmlinux ]; then
		# BTF-typed programs pay once per process for the kernel BTF (parse and name
		# index), shared by every object of the run
		echo "kernel BTF programs (whole process, the kernel BTF loaded once):"
		/usr/bin/time -f "  one tp_btf program with CO-RE: %e s, %M KB" ./bpfverify \
			--format tsv testdata/tpbtf_exec_ppid_ok.o >/dev/null || true
		set -- testdata/tpbtf_*.o testdata/iter_*.o testdata/fentry_*.o testdata/fexit_*.o \
			testdata/lsm_*.o
		/usr/bin/time -f "  all $# BTF-typed corpus objects in one run: %e s, %M KB" \
			./bpfverify --format tsv --exit-zero "$@" >/dev/null || true
		/usr/bin/time -f "  the same with --btf none (no kernel BTF): %e s, %M KB" \
			./bpfverify --format tsv --exit-zero --btf none "$@" >/dev/null || true
	fi
fi
