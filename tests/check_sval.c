// SPDX-License-Identifier: MIT
/*
 * Tests of the scalar product domain: exhaustive soundness of every transfer
 * function, join, meet, widening, reduction and branch refinement over a
 * universe of small abstract values placed at the wrap and sign boundaries;
 * randomised soundness against GMP; precision tables; kernel-notation printing.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "gmp_ref.h"

#define MAXM 16

/* Check's passing ck_assert() writes a mark to a pipe; hot loops test first */
#define CHECK(cond, ...)                           \
	do {                                       \
		if (!(cond))                       \
			ck_abort_msg(__VA_ARGS__); \
	} while (0)

struct uval {
	struct sval v;
	uint64_t m[MAXM];
	int cnt;
};

static struct uval uni[160];
static size_t uni_cnt;

static void check_ok(struct sval r, const char *what)
{
	char why[512];

	CHECK(sval_check(r, why, sizeof(why)) == 0, "%s: %s", what, why);
}

static void uni_add(struct sval raw)
{
	struct sval v = sval_reduce(raw);
	uint64_t raw_m[MAXM];
	int n = enum_members(raw, raw_m, MAXM);

	CHECK(n >= 0, "universe value #%zu not enumerable", uni_cnt);
	/* reduction never removes a member */
	for (int i = 0; i < n; i++)
		CHECK(sval_contains(v, raw_m[i]), "reduce dropped 0x%" PRIx64, raw_m[i]);
	check_ok(v, "universe");
	CHECK(sval_eq(sval_reduce(v), v), "reduce is not idempotent");
	if (sval_is_bottom(v))
		return;
	CHECK(uni_cnt < ARRAY_SIZE(uni), "%s", "uni_cnt < ARRAY_SIZE(uni)");
	uni[uni_cnt].v = v;
	uni[uni_cnt].cnt = enum_members(v, uni[uni_cnt].m, MAXM);
	CHECK((uni[uni_cnt].cnt) == (n), "%d != %d", (int)(uni[uni_cnt].cnt), (int)(n));
	uni_cnt++;
}

static struct sval with_itv(struct tnum t, struct itv r)
{
	return (struct sval){ .tn = t, .r = r };
}

static struct sval u_rng(uint64_t lo, uint64_t hi)
{
	struct sval a = sval_top();

	a.r.umin = lo;
	a.r.umax = hi;
	return a;
}

static struct sval s_rng(int64_t lo, int64_t hi)
{
	struct sval a = sval_top();

	a.r.smin = lo;
	a.r.smax = hi;
	return a;
}

static void build_universe(void)
{
	static const uint64_t consts[] = {
		0,
		1,
		2,
		3,
		7,
		8,
		31,
		32,
		33,
		63,
		64,
		0x7f,
		0x80,
		0xff,
		0x8000,
		0xffff,
		0x7fffffff,
		0x80000000,
		0xffffffff,
		UINT64_C(0x100000000),
		UINT64_C(0x100000001),
		UINT64_C(0x7fffffffffffffff),
		UINT64_C(0x8000000000000000),
		UINT64_C(0xffffffff80000000),
		UINT64_C(0xffffffff7fffffff),
		(uint64_t)-1,
		(uint64_t)-2,
		(uint64_t)-8,
	};
	static const struct tnum tns[] = {
		TNUM(0, 0x7),
		TNUM(0x8, 0x7),
		TNUM(0x2, 0x5),
		TNUM(0x10, 0x21),
		TNUM(0x1c, 0x3), /* shift amounts 28..31 */
		TNUM(0x3c, 0x3), /* 60..63 */
		TNUM(0x1e, 0x21), /* 30, 31, 62, 63 */
		TNUM(~UINT64_C(0x3), 0x3), /* -4..-1 */
		TNUM(0, UINT64_C(0x80000000)),
		TNUM(0, UINT64_C(0x180000000)),
		TNUM(0x7fffffff, UINT64_C(0x180000000)),
		TNUM(UINT64_C(0xffffffff00000000), UINT64_C(0x80000000)),
		TNUM(0, UINT64_C(0x8000000000000000)),
		TNUM(1, UINT64_C(0x8000000000000000)),
		TNUM(UINT64_C(0x7ffffffffffffffe), UINT64_C(0x8000000000000001)),
		TNUM(0, UINT64_C(0x8000000080000001)),
		TNUM(UINT64_C(0xfffffffe), UINT64_C(0x100000001)),
		TNUM(0, 0x8080),
		TNUM(0xff, 0x10100),
		TNUM(0x7f, 0x8080),
		TNUM(0, 0xf),
		TNUM(UINT64_C(0x7ffffff0), UINT64_C(0x80000007)),
	};
	static const uint64_t urngs[][2] = {
		{ 0, 3 },
		{ 0, 7 },
		{ 1, 4 },
		{ 5, 9 },
		{ 28, 35 },
		{ 60, 67 },
		{ 0x7e, 0x81 },
		{ 0xfffe, 0x10001 },
		{ 0x7ffffffe, 0x80000001 },
		{ 0xfffffffd, UINT64_C(0x100000002) },
		{ UINT64_C(0x7ffffffffffffffd), UINT64_C(0x8000000000000002) },
		{ UINT64_MAX - 3, UINT64_MAX },
		{ UINT64_C(0xffffffff7ffffffe), UINT64_C(0xffffffff80000001) },
	};
	static const int64_t srngs[][2] = {
		{ -4, 3 },
		{ -1, 0 },
		{ -8, -5 },
		{ INT64_MIN, INT64_MIN + 3 },
		{ INT64_MAX - 2, INT64_MAX },
		{ (int64_t)INT32_MIN - 2, (int64_t)INT32_MIN + 2 },
		{ -(INT64_C(1) << 32) - 1, -(INT64_C(1) << 32) + 2 },
		{ -3, 3 },
	};
	struct itv r;

	uni_cnt = 0;
	for (size_t i = 0; i < ARRAY_SIZE(consts); i++)
		uni_add(sval_const(consts[i]));
	for (size_t i = 0; i < ARRAY_SIZE(tns); i++)
		uni_add(with_itv(tns[i], itv_top()));
	for (size_t i = 0; i < ARRAY_SIZE(urngs); i++)
		uni_add(u_rng(urngs[i][0], urngs[i][1]));
	for (size_t i = 0; i < ARRAY_SIZE(srngs); i++)
		uni_add(s_rng(srngs[i][0], srngs[i][1]));
	/* combinations: a range met with a tnum, 32-bit views with upper bits */
	uni_add(with_itv(TNUM(0, 0x9), u_rng(0, 15).r));
	uni_add(with_itv(TNUM(0, ~UINT64_C(0x2)), u_rng(3, 12).r));
	uni_add(with_itv(TNUM(0, ~UINT64_C(0x1)), s_rng(-6, 3).r));
	r = itv_top();
	r.s32_min = -2;
	r.s32_max = 1;
	uni_add(with_itv(TNUM(0, UINT64_C(0x1ffffffff)), r));
	r = itv_top();
	r.u32_min = 0x7ffffffe;
	r.u32_max = 0x80000001;
	uni_add(with_itv(TNUM(0, UINT64_C(0x8000000000000000) | UINT32_MAX), r));
	r = itv_top();
	r.u32_min = 0;
	r.u32_max = 2;
	r.smin = -(INT64_C(1) << 32);
	r.smax = (INT64_C(1) << 32) + 2;
	uni_add(with_itv(TNUM(0, UINT64_MAX), r));
	/* empty combinations must reduce to bottom (checked in uni_add) */
	uni_add(with_itv(TNUM(0, 0x6), u_rng(1, 1).r));
	uni_add(with_itv(TNUM(0x10, 0x1), u_rng(0, 15).r));
	if (getenv("BV_DOMAIN_STATS")) {
		size_t m = 0;

		for (size_t i = 0; i < uni_cnt; i++)
			m += (size_t)uni[i].cnt;
		fprintf(stderr, "universe: %zu values, %zu members, %zu member pairs\n", uni_cnt, m,
			m * m);
	}
}

static void in_result(struct sval r, uint64_t x, const char *what, const struct uval *a,
		      const struct uval *b, uint64_t ax, uint64_t bx)
{
	char sr[256], sa[256], sb[256];

	if (sval_contains(r, x))
		return;
	sval_snprint(sr, sizeof(sr), r);
	sval_snprint(sa, sizeof(sa), a->v);
	sval_snprint(sb, sizeof(sb), b ? b->v : sval_top());
	ck_abort_msg("%s: 0x%" PRIx64 " (from 0x%" PRIx64 ", 0x%" PRIx64 ") not in %s; a=%s b=%s",
		     what, x, ax, bx, sr, sa, sb);
}

static void alu_exhaustive(enum sval_op op, bool is64)
{
	char what[64];

	snprintf(what, sizeof(what), "%s%s", ref_op_name[op], is64 ? "64" : "32");
	build_universe();
	for (size_t i = 0; i < uni_cnt; i++) {
		for (size_t j = 0; j < uni_cnt; j++) {
			const struct uval *a = &uni[i], *b = &uni[j];
			struct sval r = sval_alu(op, a->v, b->v, is64);

			check_ok(r, what);
			for (int p = 0; p < a->cnt; p++)
				for (int q = 0; q < b->cnt; q++)
					in_result(r, ref_alu(op, a->m[p], b->m[q], is64), what, a,
						  b, a->m[p], b->m[q]);
		}
	}
}

START_TEST(test_alu_exhaustive)
{
	for (int op = 0; op < SVAL_OP_CNT; op++)
		alu_exhaustive((enum sval_op)op, _i);
}
END_TEST

/* Unary operations */
static const struct {
	const char *name;
	int kind; /* 0 movsx, 1 trunc, 2 sext, 3 bswap, 4 zext_bits */
	unsigned arg;
	bool is64;
} unops[] = {
	{ "movsx8_64", 0, 8, true },  { "movsx16_64", 0, 16, true },  { "movsx32_64", 0, 32, true },
	{ "movsx8_32", 0, 8, false }, { "movsx16_32", 0, 16, false }, { "trunc1", 1, 1, true },
	{ "trunc2", 1, 2, true },     { "trunc4", 1, 4, true },	      { "trunc8", 1, 8, true },
	{ "sext1", 2, 1, true },      { "sext2", 2, 2, true },	      { "sext4", 2, 4, true },
	{ "bswap16", 3, 16, true },   { "bswap32", 3, 32, true },     { "bswap64", 3, 64, true },
	{ "zext16", 4, 16, true },    { "zext32", 4, 32, true },      { "zext64", 4, 64, true },
};

static struct sval unop_apply(int i, struct sval a)
{
	switch (unops[i].kind) {
	case 0:
		return sval_movsx(a, unops[i].arg, unops[i].is64);
	case 1:
		return sval_trunc(a, unops[i].arg);
	case 2:
		return sval_sext(a, unops[i].arg);
	case 3:
		return sval_bswap(a, unops[i].arg);
	default:
		return sval_zext_bits(a, unops[i].arg);
	}
}

static uint64_t unop_ref(int i, uint64_t x)
{
	unsigned arg = unops[i].arg;

	switch (unops[i].kind) {
	case 0:
		return ref_movsx(x, arg, unops[i].is64);
	case 1:
		return ref_trunc(x, arg);
	case 2:
		return arg == 8 ? x : ref_movsx(x, arg * 8, true);
	case 3:
		return ref_bswap(x, arg);
	default:
		return ref_trunc(x, arg / 8);
	}
}

static void unary_exhaustive(int u)
{
	build_universe();
	for (size_t i = 0; i < uni_cnt; i++) {
		struct sval r = unop_apply(u, uni[i].v);

		check_ok(r, unops[u].name);
		for (int p = 0; p < uni[i].cnt; p++)
			in_result(r, unop_ref(u, uni[i].m[p]), unops[u].name, &uni[i], NULL,
				  uni[i].m[p], 0);
	}
}

START_TEST(test_unary_exhaustive)
{
	for (int u = 0; u < (int)ARRAY_SIZE(unops); u++)
		unary_exhaustive(u);
}
END_TEST

START_TEST(test_lattice_exhaustive)
{
	static const uint64_t thr[] = { 10, 100, (uint64_t)-100 };

	build_universe();
	for (size_t i = 0; i < uni_cnt; i++) {
		const struct uval *a = &uni[i];

		CHECK(sval_leq(a->v, a->v), "%s", "sval_leq(a->v, a->v)");
		CHECK(sval_leq(sval_bottom(), a->v), "%s", "sval_leq(sval_bottom(), a->v)");
		CHECK(sval_leq(a->v, sval_top()), "%s", "sval_leq(a->v, sval_top())");
		for (size_t j = 0; j < uni_cnt; j++) {
			const struct uval *b = &uni[j];
			struct sval jn = sval_join(a->v, b->v), mt = sval_meet(a->v, b->v);
			struct sval wd = sval_widen(a->v, b->v, thr, ARRAY_SIZE(thr));
			struct sval wd0 = sval_widen(a->v, b->v, NULL, 0);
			struct sval nw = sval_narrow(a->v, mt);
			bool all_in = true;

			check_ok(jn, "join");
			check_ok(mt, "meet");
			check_ok(wd, "widen");
			check_ok(wd0, "widen");
			check_ok(nw, "narrow");
			CHECK(sval_leq(a->v, jn) && sval_leq(b->v, jn), "%s",
			      "sval_leq(a->v, jn) && sval_leq(b->v, jn)");
			CHECK(sval_leq(mt, a->v) && sval_leq(mt, b->v), "%s",
			      "sval_leq(mt, a->v) && sval_leq(mt, b->v)");
			CHECK(sval_leq(a->v, wd) && sval_leq(b->v, wd), "%s",
			      "sval_leq(a->v, wd) && sval_leq(b->v, wd)");
			CHECK(sval_leq(a->v, wd0) && sval_leq(b->v, wd0), "%s",
			      "sval_leq(a->v, wd0) && sval_leq(b->v, wd0)");
			CHECK(sval_leq(nw, a->v) && sval_leq(mt, nw), "%s",
			      "sval_leq(nw, a->v) && sval_leq(mt, nw)");
			for (int p = 0; p < a->cnt; p++) {
				uint64_t x = a->m[p];

				in_result(jn, x, "join", a, b, x, 0);
				in_result(wd, x, "widen", a, b, x, 0);
				if (sval_contains(b->v, x)) {
					in_result(mt, x, "meet", a, b, x, 0);
					in_result(nw, x, "narrow", a, b, x, 0);
				} else {
					all_in = false;
				}
			}
			for (int q = 0; q < b->cnt; q++) {
				in_result(jn, b->m[q], "join", a, b, b->m[q], 0);
				in_result(wd, b->m[q], "widen", a, b, b->m[q], 0);
			}
			/* a reduced value's order is exact on this universe */
			if (all_in)
				CHECK(sval_leq(a->v, b->v), "leq misses %zu <= %zu", i, j);
			if (sval_leq(a->v, b->v))
				CHECK(all_in, "%s", "all_in");
		}
	}
}
END_TEST

static void refine_exhaustive(enum sval_cmp op, bool is64)
{
	char what[64];

	snprintf(what, sizeof(what), "%s%s", ref_cmp_name[op], is64 ? "" : "32");
	build_universe();
	for (size_t i = 0; i < uni_cnt; i++) {
		for (size_t j = 0; j < uni_cnt; j++) {
			const struct uval *a = &uni[i], *b = &uni[j];
			struct sval ta = a->v, tb = b->v, fa = a->v, fb = b->v;
			bool t_ok = sval_refine(op, is64, &ta, &tb);
			bool f_ok = sval_refine_not(op, is64, &fa, &fb);
			int taken = sval_branch_taken(op, is64, a->v, b->v);
			bool any_t = false, any_f = false;

			if (t_ok) {
				check_ok(ta, what);
				check_ok(tb, what);
				CHECK(sval_leq(ta, a->v) && sval_leq(tb, b->v), "%s",
				      "sval_leq(ta, a->v) && sval_leq(tb, b->v)");
			}
			if (f_ok) {
				check_ok(fa, what);
				check_ok(fb, what);
			}
			for (int p = 0; p < a->cnt; p++) {
				for (int q = 0; q < b->cnt; q++) {
					uint64_t x = a->m[p], y = b->m[q];

					if (ref_cmp(op, x, y, is64)) {
						any_t = true;
						CHECK(t_ok, "%s: (%zu, %zu) true edge lost", what,
						      i, j);
						in_result(ta, x, what, a, b, x, y);
						in_result(tb, y, what, a, b, x, y);
					} else {
						any_f = true;
						CHECK(f_ok, "%s: (%zu, %zu) false edge lost", what,
						      i, j);
						in_result(fa, x, what, a, b, x, y);
						in_result(fb, y, what, a, b, x, y);
					}
				}
			}
			if (taken == 1)
				CHECK(!any_f, "%s: (%zu, %zu) said always", what, i, j);
			if (taken == 0)
				CHECK(!any_t, "%s: (%zu, %zu) said never", what, i, j);
			/* decided when both are constants */
			if (a->cnt == 1 && b->cnt == 1)
				CHECK((taken) == (any_t ? 1 : 0), "%d != %d", (int)(taken),
				      (int)(any_t ? 1 : 0));
		}
	}
}

START_TEST(test_refine_exhaustive)
{
	for (int op = 0; op < SVAL_CMP_CNT; op++)
		refine_exhaustive((enum sval_cmp)op, _i);
}
END_TEST

static void alu_random_gmp(enum sval_op op, bool is64)
{
	uint64_t seed = UINT64_C(0x9e3779b97f4a7c15) + (uint64_t)op * 2 + is64;
	long pairs = tests_long() ? 100000 : 1500;
	int per = tests_long() ? 32 : 8;

	for (long n = 0; n < pairs; n++) {
		struct sval a = rnd_sval(&seed), b = rnd_sval(&seed);
		struct sval r = sval_alu(op, a, b, is64);
		char why[512];

		CHECK(sval_check(r, why, sizeof(why)) == 0, "%s: %s", ref_op_name[op], why);
		for (int k = 0; k < per; k++) {
			uint64_t x = rnd_member(a, &seed), y = rnd_member(b, &seed);
			uint64_t want = gmp_alu(op, x, y, is64);

			CHECK(sval_contains(a, x) && sval_contains(b, y), "bad sample");
			if (!sval_contains(r, want)) {
				char sa[256], sb[256], sr[256];

				sval_snprint(sa, sizeof(sa), a);
				sval_snprint(sb, sizeof(sb), b);
				sval_snprint(sr, sizeof(sr), r);
				ck_abort_msg("%s%s: 0x%" PRIx64 " op 0x%" PRIx64 " = 0x%" PRIx64
					     " not in %s (a=%s b=%s)",
					     ref_op_name[op], is64 ? "64" : "32", x, y, want, sr,
					     sa, sb);
			}
			/* the plain reference agrees with GMP */
			CHECK(ref_alu(op, x, y, is64) == want, "plain and GMP references differ");
		}
	}
}

START_TEST(test_alu_random_gmp)
{
	for (int op = 0; op < SVAL_OP_CNT; op++)
		alu_random_gmp((enum sval_op)op, _i);
}
END_TEST

static void refine_random(enum sval_cmp op, bool is64)
{
	uint64_t seed = UINT64_C(0x1234567) + (uint64_t)op * 2 + is64;
	long pairs = tests_long() ? 200000 : 3000;

	for (long n = 0; n < pairs; n++) {
		struct sval a = rnd_sval(&seed), b = rnd_sval(&seed);
		struct sval ta = a, tb = b, fa = a, fb = b;
		bool t_ok = sval_refine(op, is64, &ta, &tb);
		bool f_ok = sval_refine_not(op, is64, &fa, &fb);
		int taken = sval_branch_taken(op, is64, a, b);

		for (int k = 0; k < 8; k++) {
			uint64_t x = rnd_member(a, &seed), y = rnd_member(b, &seed);
			bool c = ref_cmp(op, x, y, is64);

			if (c) {
				CHECK(t_ok && taken != 0, "%s", "t_ok && taken != 0");
				CHECK(sval_contains(ta, x) && sval_contains(tb, y), "%s",
				      "sval_contains(ta, x) && sval_contains(tb, y)");
			} else {
				CHECK(f_ok && taken != 1, "%s", "f_ok && taken != 1");
				CHECK(sval_contains(fa, x) && sval_contains(fb, y), "%s",
				      "sval_contains(fa, x) && sval_contains(fb, y)");
			}
		}
	}
}

START_TEST(test_refine_random)
{
	for (int op = 0; op < SVAL_CMP_CNT; op++)
		refine_random((enum sval_cmp)op, _i);
}
END_TEST

static void unary_random(int u)
{
	uint64_t seed = UINT64_C(0xabcdef) + (uint64_t)u;
	long cnt = tests_long() ? 200000 : 3000;

	for (long n = 0; n < cnt; n++) {
		struct sval a = rnd_sval(&seed), r = unop_apply(u, a);

		check_ok(r, unops[u].name);
		for (int k = 0; k < 8; k++) {
			uint64_t x = rnd_member(a, &seed);

			CHECK(sval_contains(r, unop_ref(u, x)), "%s of 0x%" PRIx64, unops[u].name,
			      x);
		}
	}
}

START_TEST(test_unary_random)
{
	for (int u = 0; u < (int)ARRAY_SIZE(unops); u++)
		unary_random(u);
}
END_TEST

START_TEST(test_reduce_random)
{
	uint64_t seed = 77;
	long cnt = tests_long() ? 1000000 : 20000;

	for (long n = 0; n < cnt; n++) {
		struct sval a = rnd_sval(&seed), raw = a;
		uint64_t x = rnd_member(a, &seed);

		/* loosen one part at random, then reduce again: members stay, fixpoint holds */
		if (n & 1)
			raw.tn = tnum_join(raw.tn, tnum_const(x));
		else
			raw.r = itv_top();
		raw = sval_reduce(raw);
		check_ok(raw, "reduce");
		CHECK(sval_contains(raw, x), "%s", "sval_contains(raw, x)");
		CHECK(sval_eq(sval_reduce(raw), raw), "%s", "sval_eq(sval_reduce(raw), raw)");
	}
}
END_TEST

/* Constants in, the exact constant out */
static void const_precision(enum sval_op op, bool is64)
{
	uint64_t seed = 5 + (uint64_t)op * 2 + is64;
	static const uint64_t cs[] = { 0,
				       1,
				       2,
				       3,
				       31,
				       32,
				       63,
				       64,
				       0x7fffffff,
				       0x80000000,
				       0xffffffff,
				       UINT64_C(0x100000000),
				       UINT64_C(0x7fffffffffffffff),
				       UINT64_C(0x8000000000000000),
				       UINT64_C(0xffffffff80000000),
				       (uint64_t)-1,
				       (uint64_t)-3 };

	for (size_t i = 0; i < ARRAY_SIZE(cs) + 200; i++) {
		for (size_t j = 0; j < ARRAY_SIZE(cs) + 20; j++) {
			uint64_t x = i < ARRAY_SIZE(cs) ? cs[i] : rnd_next(&seed);
			uint64_t y = j < ARRAY_SIZE(cs) ? cs[j] : rnd_next(&seed);
			struct sval r = sval_alu(op, sval_const(x), sval_const(y), is64);
			uint64_t got;

			CHECK(sval_is_const(r, &got), "%s not constant", ref_op_name[op]);
			CHECK((got) == (ref_alu(op, x, y, is64)), "%" PRIu64 " != %" PRIu64,
			      (uint64_t)(got), (uint64_t)(ref_alu(op, x, y, is64)));
		}
	}
	for (size_t u = 0; u < ARRAY_SIZE(unops); u++) {
		for (size_t i = 0; i < ARRAY_SIZE(cs); i++) {
			uint64_t got;

			CHECK(sval_is_const(unop_apply((int)u, sval_const(cs[i])), &got), "%s",
			      "sval_is_const(unop_apply((int)u, sval_const(cs[i])), &got)");
			CHECK((got) == (unop_ref((int)u, cs[i])), "%" PRIu64 " != %" PRIu64,
			      (uint64_t)(got), (uint64_t)(unop_ref((int)u, cs[i])));
		}
	}
}

START_TEST(test_const_precision)
{
	for (int op = 0; op < SVAL_OP_CNT; op++)
		for (int w = 0; w < 2; w++)
			const_precision((enum sval_op)op, w);
}
END_TEST

/* Refinement of a range by a constant gives exact bounds */
static const struct {
	const char *name;
	enum sval_cmp op;
	bool is64, holds;
	uint64_t lo, hi; /* unsigned range of a */
	uint64_t c; /* b is this constant */
	bool feasible;
	const char *want; /* compact notation of refined a */
} refine_cases[] = {
	{ "jlt", SVAL_JLT, true, true, 0, 100, 10, true, "[0, 9]" },
	{ "jlt false", SVAL_JLT, true, false, 0, 100, 10, true, "[10, 100]" },
	{ "jle", SVAL_JLE, true, true, 0, 100, 10, true, "[0, 10]" },
	{ "jgt", SVAL_JGT, true, true, 0, 100, 10, true, "[11, 100]" },
	{ "jge", SVAL_JGE, true, true, 0, 100, 10, true, "[10, 100]" },
	{ "jgt never", SVAL_JGT, true, true, 0, 100, 100, false, "" },
	{ "jlt 0 never", SVAL_JLT, true, true, 0, 100, 0, false, "" },
	{ "jeq", SVAL_JEQ, true, true, 0, 100, 42, true, "42" },
	{ "jeq outside", SVAL_JEQ, true, true, 0, 100, 142, false, "" },
	{ "jne umin", SVAL_JNE, true, true, 0, 100, 0, true, "[1, 100]" },
	{ "jne umax", SVAL_JNE, true, true, 0, 100, 100, true, "[0, 99]" },
	{ "jne inside", SVAL_JNE, true, true, 0, 100, 50, true, "[0, 100]" },
	{ "jne const", SVAL_JNE, true, true, 7, 7, 7, false, "" },
	{ "jeq false = jne", SVAL_JEQ, true, false, 5, 9, 5, true, "[6, 9]" },
	{ "jsgt -1", SVAL_JSGT, true, true, 0, UINT64_MAX, (uint64_t)-1, true,
	  "[0, 9223372036854775807]" },
	{ "jslt 0", SVAL_JSLT, true, true, 0, UINT64_MAX, 0, true, "[-9223372036854775808, -1]" },
	{ "jsle -5 of [-10, 10]", SVAL_JSLE, true, true, (uint64_t)-10, 10, (uint64_t)-5, true,
	  "[-10, -5]" },
	{ "jsge 3 of [-10, 10]", SVAL_JSGE, true, true, (uint64_t)-10, 10, 3, true, "[3, 10]" },
	{ "jlt32 upper bits kept", SVAL_JLT, false, true, UINT64_C(0x500000000),
	  UINT64_C(0x5ffffffff), 16, true, "[21474836480, 21474836495]" },
	{ "jgt32", SVAL_JGT, false, true, 0, 0xffff, 0xfff0, true, "[65521, 65535]" },
	{ "jset bit", SVAL_JSET, true, true, 0, 15, 4, true, "[4, 15] & (0x4; 0xb)" },
	{ "jset false clears", SVAL_JSET, true, false, 0, 15, 5, true, "[0, 10] & (0x0; 0xa)" },
	{ "jset none", SVAL_JSET, true, true, 0, 7, 8, false, "" },
	{ "jset false all", SVAL_JSET, true, false, 1, 1, 1, false, "" },
	{ "jsle32 of u64", SVAL_JSLE, false, true, 0, 0xffffffff, 0x7f, true, "" },
};

START_TEST(test_refine_table)
{
	struct sval a =
		refine_cases[_i].lo <= refine_cases[_i].hi
			? sval_urange(refine_cases[_i].lo, refine_cases[_i].hi)
			: sval_srange((int64_t)refine_cases[_i].lo, (int64_t)refine_cases[_i].hi);
	struct sval b = sval_const(refine_cases[_i].c);
	bool ok = refine_cases[_i].holds
			  ? sval_refine(refine_cases[_i].op, refine_cases[_i].is64, &a, &b)
			  : sval_refine_not(refine_cases[_i].op, refine_cases[_i].is64, &a, &b);
	char buf[128];

	CHECK(ok == refine_cases[_i].feasible, "%s", refine_cases[_i].name);
	if (!ok || !refine_cases[_i].want[0])
		return;
	sval_snprint_compact(buf, sizeof(buf), a);
	CHECK(strcmp(buf, refine_cases[_i].want) == 0, "%s: got %s want %s", refine_cases[_i].name,
	      buf, refine_cases[_i].want);
}
END_TEST

static struct sval mk_byte(void)
{
	return sval_urange(0, 255);
}

static struct sval mk_const42(void)
{
	return sval_const(42);
}

static struct sval mk_minus1(void)
{
	return sval_const((uint64_t)-1);
}

static struct sval mk_big(void)
{
	return sval_const(0x10000);
}

static struct sval mk_aligned(void)
{
	struct sval a = mk_byte();

	return sval_alu(SVAL_AND, a, sval_const(0xfc), true);
}

static struct sval mk_signed(void)
{
	return sval_srange(-3, 5);
}

static struct sval mk_one_to(void)
{
	return sval_urange(1, 0x10000);
}

static struct sval mk_u32(void)
{
	return sval_trunc(sval_top(), 4);
}

static const struct {
	const char *name;
	struct sval (*make)(void);
	const char *kernel, *compact;
} print_table[] = {
	{ "top", sval_top, "scalar()", "[0, 18446744073709551615]" },
	{ "const", mk_const42, "42", "42" },
	{ "minus one", mk_minus1, "-1", "-1" },
	{ "big const", mk_big, "0x10000", "65536" },
	{ "byte", mk_byte, "scalar(smin=smin32=0,smax=umax=smax32=umax32=255,var_off=(0x0; 0xff))",
	  "[0, 255]" },
	{ "aligned byte", mk_aligned,
	  "scalar(smin=smin32=0,smax=umax=smax32=umax32=252,var_off=(0x0; 0xfc))",
	  "[0, 252] & (0x0; 0xfc)" },
	{ "signed", mk_signed, "scalar(smin=smin32=-3,smax=smax32=5)", "[-3, 5]" },
	{ "one to 2^16", mk_one_to,
	  "scalar(smin=umin=smin32=umin32=1,smax=umax=smax32=umax32=0x10000,var_off=(0x0; 0x1ffff))",
	  "[1, 65536]" },
	{ "u32", mk_u32, "scalar(smin=0,smax=umax=0xffffffff,var_off=(0x0; 0xffffffff))",
	  "[0, 4294967295]" },
};

START_TEST(test_print_table)
{
	char buf[256];
	struct sval a = print_table[_i].make();

	sval_snprint(buf, sizeof(buf), a);
	CHECK(strcmp(buf, print_table[_i].kernel) == 0, "%s: got %s", print_table[_i].name, buf);
	sval_snprint_compact(buf, sizeof(buf), a);
	CHECK(strcmp(buf, print_table[_i].compact) == 0, "%s: got %s", print_table[_i].name, buf);
}
END_TEST

START_TEST(test_print_truncates)
{
	char buf[8];
	int n = sval_snprint(buf, sizeof(buf), mk_byte());

	ck_assert_int_gt(n, 7);
	ck_assert_uint_eq(strlen(buf), 7);
	ck_assert_int_eq(sval_snprint(NULL, 0, mk_byte()), n);
}
END_TEST

/* Worked examples of transfer functions */
static const struct {
	const char *name;
	enum sval_op op;
	bool is64;
	uint64_t alo, ahi, blo, bhi;
	const char *want;
} alu_cases[] = {
	{ "add", SVAL_ADD, true, 0, 10, 5, 5, "[5, 15]" },
	{ "add wraps whole", SVAL_ADD, true, UINT64_MAX - 1, UINT64_MAX, 2, 2, "[0, 1]" },
	{ "add32 wraps", SVAL_ADD, false, 0xfffffffe, 0xffffffff, 2, 2, "[0, 1]" },
	{ "sub across 0", SVAL_SUB, true, 0, 1, 1, 1, "[-1, 0]" },
	{ "mul", SVAL_MUL, true, 2, 3, 10, 20, "[20, 60]" },
	{ "div", SVAL_DIV, true, 100, 200, 10, 20, "[5, 20]" },
	{ "div by 0 or 1", SVAL_DIV, true, 100, 200, 0, 1, "[0, 200]" },
	{ "mod by 0", SVAL_MOD, true, 100, 200, 0, 0, "[100, 200]" },
	{ "mod one period", SVAL_MOD, true, 100, 105, 10, 10, "[0, 5]" },
	{ "sdiv int_min/-1", SVAL_SDIV, true, UINT64_C(0x8000000000000000),
	  UINT64_C(0x8000000000000000), UINT64_MAX, UINT64_MAX, "-9223372036854775808" },
	{ "smod sign of dividend", SVAL_SMOD, true, (uint64_t)-13, (uint64_t)-13, 3, 3, "-1" },
	{ "lsh var", SVAL_LSH, true, 1, 1, 0, 3, "[1, 8]" },
	{ "lsh var aligned", SVAL_LSH, true, 1, 1, 2, 3, "[4, 8] & (0x0; 0xc)" },
	{ "rsh32 mask", SVAL_RSH, false, 0x80000000, 0x80000000, 32, 32, "2147483648" },
	{ "arsh32", SVAL_ARSH, false, 0x80000000, 0x80000000, 31, 31, "4294967295" },
	{ "and", SVAL_AND, true, 0, 1000, 0xff, 0xff, "[0, 255]" },
	{ "neg", SVAL_NEG, true, 1, 5, 0, 0, "[-5, -1]" },
	{ "mov32", SVAL_MOV, false, 0, 0, UINT64_C(0x100000005), UINT64_C(0x100000007), "[5, 7]" },
};

START_TEST(test_alu_table)
{
	struct sval a =
		alu_cases[_i].alo <= alu_cases[_i].ahi
			? sval_urange(alu_cases[_i].alo, alu_cases[_i].ahi)
			: sval_srange((int64_t)alu_cases[_i].alo, (int64_t)alu_cases[_i].ahi);
	struct sval b = sval_urange(alu_cases[_i].blo, alu_cases[_i].bhi);
	struct sval r = sval_alu(alu_cases[_i].op, a, b, alu_cases[_i].is64);
	char buf[128];

	check_ok(r, alu_cases[_i].name);
	sval_snprint_compact(buf, sizeof(buf), r);
	CHECK(strcmp(buf, alu_cases[_i].want) == 0, "%s: got %s want %s", alu_cases[_i].name, buf,
	      alu_cases[_i].want);
}
END_TEST

static const struct {
	const char *name;
	enum sval_cmp op;
	bool is64;
	uint64_t alo, ahi, blo, bhi;
	int want;
} taken_cases[] = {
	{ "jgt always", SVAL_JGT, true, 10, 20, 0, 9, 1 },
	{ "jgt never", SVAL_JGT, true, 10, 20, 20, 30, 0 },
	{ "jgt maybe", SVAL_JGT, true, 10, 20, 15, 15, -1 },
	{ "jeq disjoint", SVAL_JEQ, true, 0, 5, 6, 9, 0 },
	{ "jne consts", SVAL_JNE, true, 3, 3, 3, 3, 0 },
	{ "jslt neg", SVAL_JSLT, true, (uint64_t)-5, (uint64_t)-1, 0, 3, 1 },
	{ "jlt unsigned neg", SVAL_JLT, true, (uint64_t)-5, (uint64_t)-1, 0, 3, 0 },
	{ "jeq32 low halves", SVAL_JEQ, false, UINT64_C(0x100000001), UINT64_C(0x100000001), 1, 1,
	  1 },
	{ "jset", SVAL_JSET, true, 8, 8, 12, 12, 1 },
	{ "jset never", SVAL_JSET, true, 8, 8, 4, 4, 0 },
};

START_TEST(test_taken_table)
{
	struct sval a = sval_urange(taken_cases[_i].alo, taken_cases[_i].ahi);
	struct sval b = sval_urange(taken_cases[_i].blo, taken_cases[_i].bhi);

	CHECK(sval_branch_taken(taken_cases[_i].op, taken_cases[_i].is64, a, b) ==
		      taken_cases[_i].want,
	      "%s", taken_cases[_i].name);
}
END_TEST

START_TEST(test_widen_terminates)
{
	/* i = i + 1 from 0: a widening chain reaches a fixpoint in a few steps */
	struct sval x = sval_const(0);
	int steps = 0;

	for (;;) {
		struct sval next = sval_join(x, sval_alu(SVAL_ADD, x, sval_const(1), true));
		struct sval w = sval_widen(x, next, NULL, 0);

		check_ok(w, "widen");
		if (sval_eq(w, x))
			break;
		x = w;
		ck_assert_int_lt(++steps, 40);
	}
	CHECK(sval_contains(x, 1000), "%s", "sval_contains(x, 1000)");
	/* with a loop guard i < 100, narrowing gets back the bound */
	{
		struct sval g = x, c = sval_const(100);

		CHECK(sval_refine(SVAL_JLT, true, &g, &c), "%s",
		      "sval_refine(SVAL_JLT, true, &g, &c)");
		g = sval_join(sval_const(0), sval_alu(SVAL_ADD, g, sval_const(1), true));
		g = sval_narrow(x, g);
		ck_assert_uint_eq(g.r.umax, 100);
	}
}
END_TEST

Suite *sval_suite(void)
{
	Suite *s = suite_create("sval");
	TCase *tc = tcase_create("exhaustive");
	TCase *tr = tcase_create("random");
	TCase *tt = tcase_create("tables");

	tcase_set_timeout(tc, 600);
	tcase_add_loop_test(tc, test_alu_exhaustive, 0, 2); /* _i = is64 */
	tcase_add_test(tc, test_unary_exhaustive);
	tcase_add_test(tc, test_lattice_exhaustive);
	tcase_add_loop_test(tc, test_refine_exhaustive, 0, 2);
	suite_add_tcase(s, tc);

	tcase_set_timeout(tr, 3600);
	tcase_add_loop_test(tr, test_alu_random_gmp, 0, 2);
	tcase_add_loop_test(tr, test_refine_random, 0, 2);
	tcase_add_test(tr, test_unary_random);
	tcase_add_test(tr, test_reduce_random);
	suite_add_tcase(s, tr);

	tcase_set_timeout(tt, 120);
	tcase_add_test(tt, test_const_precision);
	tcase_add_loop_test(tt, test_refine_table, 0, ARRAY_SIZE(refine_cases));
	tcase_add_loop_test(tt, test_print_table, 0, ARRAY_SIZE(print_table));
	tcase_add_test(tt, test_print_truncates);
	tcase_add_loop_test(tt, test_alu_table, 0, ARRAY_SIZE(alu_cases));
	tcase_add_loop_test(tt, test_taken_table, 0, ARRAY_SIZE(taken_cases));
	tcase_add_test(tt, test_widen_terminates);
	suite_add_tcase(s, tt);
	return s;
}
