// SPDX-License-Identifier: MIT
/*
 * bench_verify: verifies every program of the given objects, repeating each
 * run until it has taken at least 0.2 s (or 50 times), and prints one row per
 * program: wall time per verification, instructions, instructions
 * interpreted, stored states, peak state memory and the verdict. With
 * --csv FILE the rows also go to FILE.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../include/bpfverify.h"

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	FILE *csv = NULL;
	int first = 1;
	struct bv_options opt;

	memset(&opt, 0, sizeof(opt));
	if (argc > 2 && !strcmp(argv[1], "--csv")) {
		csv = fopen(argv[2], "w");
		if (!csv) {
			perror(argv[2]);
			return 2;
		}
		fprintf(csv, "file,section,function,insns,processed,states,ms,peak_kb,verdict\n");
		first = 3;
	}
	printf("%-44s %-22s %8s %10s %8s %10s %9s %s\n", "FILE", "FUNCTION", "INSNS", "PROCESSED",
	       "STATES", "MS", "PEAK_KB", "VERDICT");
	for (int a = first; a < argc; a++) {
		struct bv_diags d = { 0 };
		struct bv_object *o = bv_object_open(argv[a], &d);

		bv_diags_free(&d);
		if (!o)
			continue;
		for (size_t i = 0; i < bv_object_prog_cnt(o); i++) {
			struct bv_prog_info pi;
			struct bv_result r;
			double t0, el;
			int reps = 0;
			uint64_t processed = 0, states = 0;
			size_t peak = 0;
			enum bv_verdict v = BV_ERROR;

			bv_object_prog_info(o, i, &pi);
			if (pi.is_subprog)
				continue;
			t0 = now();
			do {
				if (bv_verify(o, i, &opt, &r, &d) == 0) {
					processed = r.insns_processed;
					states = r.states;
					peak = r.peak_bytes;
					v = r.verdict;
					bv_result_fini(&r);
				}
				bv_diags_free(&d);
				reps++;
				el = now() - t0;
			} while (el < 0.2 && reps < 50);
			printf("%-44s %-22s %8zu %10llu %8llu %10.3f %9zu %s\n", argv[a], pi.func,
			       pi.insn_cnt, (unsigned long long)processed,
			       (unsigned long long)states, el * 1e3 / reps, peak / 1024,
			       bv_verdict_name(v));
			if (csv)
				fprintf(csv, "%s,%s,%s,%zu,%llu,%llu,%.3f,%zu,%s\n", argv[a],
					pi.section, pi.func, pi.insn_cnt,
					(unsigned long long)processed, (unsigned long long)states,
					el * 1e3 / reps, peak / 1024, bv_verdict_name(v));
		}
		bv_object_close(o);
	}
	if (csv)
		fclose(csv);
	return 0;
}
