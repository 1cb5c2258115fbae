/* SPDX-License-Identifier: MIT */
/*
 * selfcheck: the soundness self-check harness. For a program bpfverify
 * accepts, it records from the engine's observation hook (fix_run_hooked) a
 * summary of every abstract state at every instruction: per register, the
 * join of its scalar values, and per pointer kind (region, map, frame) the
 * join of its offsets, whether it may be NULL, and the smallest packet range
 * proven. Then it runs the program on the concrete interpreter
 * (verifier/interp.h) with random inputs and checks, before every executed
 * instruction, that each live register's concrete value is covered by the
 * summary there, that the instruction was reached by the analysis at all,
 * and that no run faults. Registers dead at an instruction are skipped: the
 * engine prunes states that differ only in dead registers.
 */
#ifndef BV_TESTS_SELFCHECK_H
#define BV_TESTS_SELFCHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "../domains/sval.h"
#include "../include/bpfverify.h"
#include "../verifier/obj.h"

struct sc_opts {
	unsigned runs; /* random inputs per program */
	uint64_t seed;
	uint64_t max_steps; /* per run; 0 = 200000 */
	size_t max_reports; /* violation texts kept per program; 0 = 10 */
	struct bv_options vopt; /* options of the analysis */
};

struct sc_stats {
	size_t progs; /* programs looked at */
	size_t accepted; /* of which accepted and run */
	size_t runs;
	size_t exits; /* runs that reached exit */
	size_t faults; /* runs that faulted: soundness bugs */
	size_t step_limits; /* runs that did not terminate within the step budget */
	size_t unsupported; /* runs stopped by an unmodelled feature */
	size_t violations; /* register values outside the invariant, unreached pcs */
	uint64_t steps; /* instructions executed */
	size_t pcs_total; /* instructions of the accepted programs */
	size_t pcs_covered; /* of which executed by some run */
	char *reports; /* malloc'd, newline-separated violation descriptions, or NULL */
	size_t reports_len;
};

struct sc_prog;

/* Analyse program @idx of @o with @opt. NULL if it is not accepted (then *verdict says what it
 * was) or on allocation failure. The summary is owned by the returned object. */
struct sc_prog *sc_prog_new(const struct obj *o, size_t idx, const struct bv_options *opt,
			    enum bv_verdict *verdict);
void sc_prog_free(struct sc_prog *sp);

/* Run @sp on opts->runs random inputs; adds to @st. Returns the number of problems found
 * (faults + step limits + violations). */
size_t sc_prog_run(struct sc_prog *sp, const struct sc_opts *opts, struct sc_stats *st);

/* Test hook: replace the scalar summary of register @reg at @pc by @v (and drop its pointer
 * kinds), to show that the checker notices an invariant that is too narrow. */
void sc_prog_narrow(struct sc_prog *sp, uint32_t pc, int reg, struct sval v);

/* Every program of the object at @path; returns problems found, or -1 if it cannot be read */
long sc_check_file(const char *path, const struct sc_opts *opts, struct sc_stats *st);

void sc_stats_fini(struct sc_stats *st);

#endif
