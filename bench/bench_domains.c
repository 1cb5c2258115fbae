// SPDX-License-Identifier: MIT
/*
 * Micro-benchmark of the scalar domains: ns per call of every sval transfer
 * function (64- and 32-bit), join, meet, widen, reduce, refine, branch_taken,
 * and the main tnum operators, over a pool of random reduced values.
 * Built and run by `make bench-domains`.
 */
#include <inttypes.h>
#include <stdio.h>
#include <time.h>

#include "../domains/sval.h"

#define POOL 1024

static struct sval pool[POOL];
static volatile uint64_t sink;

static uint64_t rnd(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * UINT64_C(2685821657736338717);
}

/* A mix like the analyser sees: constants, small ranges, masked values, unknowns */
static struct sval rnd_val(uint64_t *s)
{
	uint64_t r = rnd(s), lo = rnd(s) >> (rnd(s) % 64);
	struct sval a;

	switch (r % 5) {
	case 0:
		return sval_const(lo);
	case 1:
		return sval_urange(lo, lo + (rnd(s) >> (rnd(s) % 64)) / 2);
	case 2:
		return sval_srange(-(int64_t)(lo >> 8), (int64_t)(lo >> 4));
	case 3:
		a = sval_top();
		a.tn = TNUM(lo & 0xf0, rnd(s) & 0xff00ff0f & ~(lo & 0xf0));
		return sval_reduce(a);
	default:
		return sval_top();
	}
}

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static void fold(struct sval r)
{
	sink += r.tn.value ^ r.r.umax;
}

static void bench_refine(enum sval_cmp c, bool is64, const struct sval *a, const struct sval *b)
{
	struct sval x = *a, y = *b;

	sink += sval_refine(c, is64, &x, &y);
	fold(x);
}

#define ITERS 200000

#define BENCH(label, expr)                                                     \
	do {                                                                   \
		double t0 = now_ns();                                          \
		for (int it = 0; it < ITERS; it++) {                           \
			const struct sval *a = &pool[it % POOL];               \
			const struct sval *b = &pool[(it * 7 + 3) % POOL];     \
			(void)a;                                               \
			(void)b;                                               \
			expr;                                                  \
		}                                                              \
		printf("%-22s %8.1f ns/op\n", label, (now_ns() - t0) / ITERS); \
	} while (0)

int main(void)
{
	static const char *const op_name[SVAL_OP_CNT] = {
		"add", "sub", "mul", "div",  "sdiv", "or",  "and",  "lsh",
		"rsh", "neg", "mod", "smod", "xor",  "mov", "arsh",
	};
	static const char *const cmp_name[SVAL_CMP_CNT] = {
		"jeq", "jne", "jgt", "jge", "jlt", "jle", "jsgt", "jsge", "jslt", "jsle", "jset",
	};
	uint64_t seed = 0x2545f4914f6cdd1dULL;
	char label[64];

	for (int i = 0; i < POOL; i++)
		pool[i] = rnd_val(&seed);

	printf("sval transfer functions (pool of %d random reduced values)\n", POOL);
	for (int op = 0; op < SVAL_OP_CNT; op++) {
		for (int w = 1; w >= 0; w--) {
			snprintf(label, sizeof(label), "alu %s%s", op_name[op], w ? "64" : "32");
			BENCH(label, fold(sval_alu((enum sval_op)op, *a, *b, w)));
		}
	}
	BENCH("movsx8", fold(sval_movsx(*a, 8, true)));
	BENCH("movsx32", fold(sval_movsx(*a, 32, true)));
	BENCH("trunc1", fold(sval_trunc(*a, 1)));
	BENCH("trunc4", fold(sval_trunc(*a, 4)));
	BENCH("bswap32", fold(sval_bswap(*a, 32)));
	BENCH("join", fold(sval_join(*a, *b)));
	BENCH("meet", fold(sval_meet(*a, *b)));
	BENCH("widen", fold(sval_widen(*a, sval_join(*a, *b), NULL, 0)));
	BENCH("reduce (reduced)", fold(sval_reduce(*a)));
	BENCH("reduce (from meet)", fold(sval_reduce((struct sval){ .tn = tnum_meet(a->tn, b->tn),
								    .r = itv_meet(a->r, b->r) })));
	BENCH("leq", sink += sval_leq(*a, *b));
	for (int c = 0; c < SVAL_CMP_CNT; c++) {
		for (int w = 1; w >= 0; w--) {
			snprintf(label, sizeof(label), "refine %s%s", cmp_name[c], w ? "" : "32");
			BENCH(label, bench_refine((enum sval_cmp)c, w, a, b));
		}
	}
	BENCH("branch_taken jgt", sink += (uint64_t)sval_branch_taken(SVAL_JGT, true, *a, *b));
	BENCH("branch_taken jeq32", sink += (uint64_t)sval_branch_taken(SVAL_JEQ, false, *a, *b));

	printf("tnum operators\n");
	BENCH("tnum_add", sink += tnum_add(a->tn, b->tn).mask);
	BENCH("tnum_sub", sink += tnum_sub(a->tn, b->tn).mask);
	BENCH("tnum_mul", sink += tnum_mul(a->tn, b->tn).mask);
	BENCH("tnum_and", sink += tnum_and(a->tn, b->tn).mask);
	BENCH("tnum_join", sink += tnum_join(a->tn, b->tn).mask);
	BENCH("tnum_meet", sink += tnum_meet(a->tn, b->tn).mask);
	BENCH("tnum_lsh_var", sink += tnum_lsh_var(a->tn, b->tn, 64).mask);
	BENCH("tnum_udiv", sink += tnum_udiv(a->tn, b->tn).mask);
	BENCH("tnum_range", sink += tnum_range(a->r.umin, a->r.umax).mask);
	printf("itv\n");
	BENCH("itv_join", sink += itv_join(a->r, b->r).umax);
	BENCH("itv_meet", sink += itv_meet(a->r, b->r).umax);
	BENCH("itv_sync", sink += itv_sync(itv_join(a->r, b->r)).umax);
	BENCH("itv_widen", sink += itv_widen(a->r, b->r, NULL, 0).umax);
	return (int)(sink & 0);
}
