// SPDX-License-Identifier: MIT
/*
 * Tests of the interval domain: the exchange between the four views
 * (itv_sync) never drops a member, reaches its fixpoint and leaves bounds that
 * are members; join, meet, widening and narrowing keep what they must; the
 * low-bit ranges used for truncation and sign extension are sound.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "suites.h"
#include "gmp_ref.h"

#define CHECK(cond, ...)                           \
	do {                                       \
		if (!(cond))                       \
			ck_abort_msg(__VA_ARGS__); \
	} while (0)

#define MAXM 4096

/* Members of @a found in its u64 or s64 range, which must be short */
static int itv_members(struct itv a, uint64_t *out)
{
	int n = 0;

	if (itv_is_bottom(a))
		return 0;
	if (a.umax - a.umin < MAXM) {
		for (uint64_t x = a.umin;; x++) {
			if (itv_contains(a, x))
				out[n++] = x;
			if (x == a.umax)
				break;
		}
		return n;
	}
	if ((uint64_t)a.smax - (uint64_t)a.smin < MAXM) {
		for (int64_t x = a.smin;; x++) {
			if (itv_contains(a, (uint64_t)x))
				out[n++] = (uint64_t)x;
			if (x == a.smax)
				break;
		}
		return n;
	}
	return -1;
}

/* A random itv with a short 64-bit view and random other views near its members */
static struct itv rnd_itv(uint64_t *s)
{
	static const uint64_t points[] = { 0,
					   0x7fffffff,
					   0x80000000,
					   0xffffffff,
					   UINT64_C(0x100000000),
					   UINT64_C(0x7fffffffffffffff),
					   UINT64_C(0x8000000000000000),
					   UINT64_C(0xffffffff80000000),
					   UINT64_MAX };
	struct itv a = itv_top();
	uint64_t base = points[rnd_next(s) % ARRAY_SIZE(points)] + rnd_next(s) % 64 - 32;
	uint64_t len = rnd_next(s) % 200, r = rnd_next(s);

	if (r & 1) {
		a.umin = base;
		a.umax = base + len < base ? UINT64_MAX : base + len;
	} else {
		a.smin = (int64_t)base;
		a.smax = (int64_t)(base + len) < (int64_t)base ? INT64_MAX : (int64_t)(base + len);
	}
	if (r & 2) {
		uint64_t x = base + rnd_next(s) % (len + 1);

		a.u32_min = (uint32_t)x;
		a.u32_max = (uint32_t)x + (uint32_t)(rnd_next(s) % 100);
		if (a.u32_max < a.u32_min)
			a.u32_max = UINT32_MAX;
	}
	if (r & 4) {
		int32_t x = (int32_t)(uint32_t)(base + rnd_next(s) % (len + 1));

		int64_t lo = (int64_t)x - (int64_t)(rnd_next(s) % 50);
		int64_t hi = (int64_t)x + (int64_t)(rnd_next(s) % 50);

		a.s32_min = lo < INT32_MIN ? INT32_MIN : (int32_t)lo;
		a.s32_max = hi > INT32_MAX ? INT32_MAX : (int32_t)hi;
	}
	if (r & 8) {
		/* the other 64-bit view too */
		uint64_t x = base + rnd_next(s) % (len + 1);

		if (r & 1) {
			uint64_t lo = x - rnd_next(s) % 100, hi = x + rnd_next(s) % 100;

			if ((int64_t)lo <= (int64_t)hi) {
				a.smin = (int64_t)lo;
				a.smax = (int64_t)hi;
			}
		} else {
			a.umin = x - rnd_next(s) % 100;
			a.umax = x + rnd_next(s) % 100;
			if (a.umin > a.umax)
				a.umin = 0;
		}
	}
	return a;
}

START_TEST(test_sync_random)
{
	static uint64_t m[MAXM];
	uint64_t seed = 4242;
	long cnt = tests_long() ? 2000000 : 30000;

	for (long i = 0; i < cnt; i++) {
		struct itv a = rnd_itv(&seed), r = itv_sync(a);
		int n = itv_members(a, m);

		CHECK(n >= 0, "not enumerable");
		for (int k = 0; k < n; k++)
			CHECK(itv_contains(r, m[k]), "sync dropped 0x%" PRIx64, m[k]);
		CHECK(itv_eq(itv_sync(r), r), "sync not at a fixpoint");
		CHECK(itv_leq(r, a), "sync grew");
		if (!itv_is_bottom(r)) {
			/* the 64-bit bounds of a synced value are members: never empty */
			CHECK(itv_contains(r, r.umin) && itv_contains(r, r.umax), "u bound");
			CHECK(itv_contains(r, (uint64_t)r.smin) &&
				      itv_contains(r, (uint64_t)r.smax),
			      "s bound");
		} else {
			CHECK(n == 0, "sync lost a non-empty value");
		}
		for (unsigned bits = 8; bits <= 64; bits *= 2) {
			uint64_t lo, hi;
			int64_t slo, shi;
			bool ok = itv_low_urange(a, bits, &lo, &hi);
			bool sok = itv_low_srange(a, bits, &slo, &shi);

			for (int k = 0; k < n; k++) {
				uint64_t x = bits == 64 ? m[k] : m[k] & ((UINT64_C(1) << bits) - 1);
				int64_t sx = bits == 64	  ? (int64_t)m[k]
					     : bits == 32 ? (int32_t)(uint32_t)m[k]
					     : bits == 16 ? (int16_t)(uint16_t)m[k]
							  : (int8_t)(uint8_t)m[k];

				CHECK(ok && lo <= x && x <= hi, "low_urange %u", bits);
				CHECK(sok && slo <= sx && sx <= shi, "low_srange %u", bits);
			}
		}
	}
}
END_TEST

START_TEST(test_lattice_random)
{
	static uint64_t ma[MAXM], mb[MAXM];
	static const uint64_t thr[] = { 1000, (uint64_t)-1000 };
	uint64_t seed = 31337;
	long cnt = tests_long() ? 500000 : 5000;

	for (long i = 0; i < cnt; i++) {
		struct itv a = itv_sync(rnd_itv(&seed)), b = itv_sync(rnd_itv(&seed));
		struct itv j = itv_join(a, b), mt = itv_meet(a, b);
		struct itv w = itv_widen(a, b, thr, ARRAY_SIZE(thr)), nw = itv_narrow(j, b);
		int na = itv_members(a, ma), nb = itv_members(b, mb);

		CHECK(itv_leq(a, j) && itv_leq(b, j), "join");
		CHECK(itv_leq(a, w) && itv_leq(b, w), "widen");
		CHECK(itv_leq(mt, a) && itv_leq(mt, b), "meet");
		CHECK(itv_leq(b, nw) && itv_leq(nw, j), "narrow");
		for (int k = 0; k < na; k++) {
			CHECK(itv_contains(j, ma[k]) && itv_contains(w, ma[k]), "join/widen");
			if (itv_contains(b, ma[k]))
				CHECK(itv_contains(mt, ma[k]), "meet dropped");
		}
		for (int k = 0; k < nb; k++)
			CHECK(itv_contains(j, mb[k]) && itv_contains(nw, mb[k]), "join/narrow");
	}
}
END_TEST

/* umin, umax, smin, smax, u32_min, u32_max, s32_min, s32_max */
#define MK(...)             \
	{                   \
		__VA_ARGS__ \
	}

static const struct {
	const char *name;
	struct itv in, want;
} sync_cases[] = {
	{ "u64 small gives all",
	  MK(5, 10, INT64_MIN, INT64_MAX, 0, UINT32_MAX, INT32_MIN, INT32_MAX),
	  MK(5, 10, 5, 10, 5, 10, 5, 10) },
	{ "s64 negative", MK(0, UINT64_MAX, -10, -5, 0, UINT32_MAX, INT32_MIN, INT32_MAX),
	  MK((uint64_t)-10, (uint64_t)-5, -10, -5, (uint32_t)-10, (uint32_t)-5, -10, -5) },
	{ "s64 across 0", MK(0, UINT64_MAX, -2, 1, 0, UINT32_MAX, INT32_MIN, INT32_MAX),
	  MK(0, UINT64_MAX, -2, 1, 0, UINT32_MAX, -2, 1) },
	{ "u64 across 2^32",
	  MK(0xfffffffe, UINT64_C(0x100000001), INT64_MIN, INT64_MAX, 0, UINT32_MAX, INT32_MIN,
	     INT32_MAX),
	  MK(0xfffffffe, UINT64_C(0x100000001), 0xfffffffe, UINT64_C(0x100000001), 0, UINT32_MAX,
	     -2, 1) },
	{ "32 -> 64 tightens", MK(0, 100, INT64_MIN, INT64_MAX, 20, 30, INT32_MIN, INT32_MAX),
	  MK(20, 30, 20, 30, 20, 30, 20, 30) },
	{ "32 -> 64 next block",
	  MK(UINT64_C(0x100000040), UINT64_C(0x300000000), INT64_MIN, INT64_MAX, 0, 0x10, INT32_MIN,
	     INT32_MAX),
	  MK(UINT64_C(0x200000000), UINT64_C(0x300000000), UINT64_C(0x200000000),
	     UINT64_C(0x300000000), 0, 0x10, 0, 0x10) },
	{ "empty", MK(5, 10, 20, 30, 0, UINT32_MAX, INT32_MIN, INT32_MAX),
	  MK(1, 0, 1, 0, 1, 0, 1, 0) },
};

START_TEST(test_sync_table)
{
	struct itv got = itv_sync(sync_cases[_i].in);
	char buf[256];

	itv_snprint(buf, sizeof(buf), got);
	ck_assert_msg(itv_eq(got, sync_cases[_i].want), "%s: got %s", sync_cases[_i].name, buf);
}
END_TEST

static const struct {
	const char *name;
	uint64_t plo, phi, nlo, nhi, want_lo, want_hi;
} widen_cases[] = {
	{ "grows to 0xff", 0, 1, 0, 2, 0, 0xff },
	{ "grows to 0x100", 0, 0xff, 0, 0x100, 0, 0x100 },
	{ "grows to 2^31", 0, 0x10000, 0, 0x10001, 0, 0x7fffffff },
	{ "default threshold first", 0, 10, 0, 11, 0, 0xff },
	{ "caller threshold", 0, 300, 0, 301, 0, 1000 },
	{ "stable", 5, 10, 6, 9, 5, 10 },
	{ "down to 0", 5, 10, 4, 10, 0, 10 },
	{ "to the top", 0, UINT64_C(0x8000000000000000), 0, UINT64_C(0x8000000000000001), 0,
	  UINT64_MAX },
};

START_TEST(test_widen_table)
{
	static const uint64_t thr[] = { 1000 };
	struct itv p = itv_top(), n = itv_top(), w;

	p.umin = widen_cases[_i].plo;
	p.umax = widen_cases[_i].phi;
	n.umin = widen_cases[_i].nlo;
	n.umax = widen_cases[_i].nhi;
	w = itv_widen(p, n, thr, ARRAY_SIZE(thr));
	ck_assert_msg(w.umin == widen_cases[_i].want_lo && w.umax == widen_cases[_i].want_hi,
		      "%s: got [%" PRIu64 ", %" PRIu64 "]", widen_cases[_i].name, w.umin, w.umax);
}
END_TEST

START_TEST(test_widen_signed)
{
	struct itv p = itv_const(0), n = itv_const(0), w;

	n.smin = -1;
	w = itv_widen(p, n, NULL, 0);
	ck_assert_int_eq(w.smin, -1); /* UINT64_MAX read as signed */
	n.smin = -2;
	w = itv_widen(p, n, NULL, 0);
	ck_assert_int_eq(w.smin, -255); /* the threshold 0xff, negated */
	n.smin = -300;
	w = itv_widen(p, n, NULL, 0);
	ck_assert_int_eq(w.smin, -0xffff);
	n = itv_const(0);
	n.s32_max = 70000;
	w = itv_widen(p, n, NULL, 0);
	ck_assert_int_eq(w.s32_max, 0x7fffffff);
}
END_TEST

START_TEST(test_narrow)
{
	struct itv wide = itv_top(), next = itv_top(), r;

	wide.umin = 3;
	next.umin = 4;
	next.umax = 100;
	r = itv_narrow(wide, next);
	ck_assert_uint_eq(r.umin, 3); /* finite bound kept */
	ck_assert_uint_eq(r.umax, 100); /* infinite bound replaced */
	ck_assert(itv_is_bottom(itv_narrow(wide, itv_bottom())));
}
END_TEST

START_TEST(test_basics)
{
	struct itv t = itv_top(), b = itv_bottom(), c = itv_const((uint64_t)-1);
	char buf[128];

	ck_assert(!itv_is_bottom(t) && itv_is_bottom(b));
	ck_assert(itv_leq(b, c) && itv_leq(c, t) && !itv_leq(t, c));
	ck_assert(itv_eq(itv_join(b, c), c));
	ck_assert(itv_is_bottom(itv_meet(itv_const(1), itv_const(2))));
	ck_assert_int_eq(c.smin, -1);
	ck_assert_int_eq(c.s32_max, -1);
	ck_assert_uint_eq(c.u32_min, UINT32_MAX);
	ck_assert(itv_contains(c, UINT64_MAX) && !itv_contains(c, 0));
	itv_snprint(buf, sizeof(buf), itv_const(7));
	ck_assert_str_eq(buf, "u64=[7, 7] s64=[7, 7] u32=[7, 7] s32=[7, 7]");
	itv_snprint(buf, sizeof(buf), b);
	ck_assert_str_eq(buf, "bottom");
}
END_TEST

Suite *itv_suite(void)
{
	Suite *s = suite_create("itv");
	TCase *tc = tcase_create("random");
	TCase *tt = tcase_create("tables");

	tcase_set_timeout(tc, 3600);
	tcase_add_test(tc, test_sync_random);
	tcase_add_test(tc, test_lattice_random);
	suite_add_tcase(s, tc);

	tcase_add_loop_test(tt, test_sync_table, 0, ARRAY_SIZE(sync_cases));
	tcase_add_loop_test(tt, test_widen_table, 0, ARRAY_SIZE(widen_cases));
	tcase_add_test(tt, test_widen_signed);
	tcase_add_test(tt, test_narrow);
	tcase_add_test(tt, test_basics);
	suite_add_tcase(s, tt);
	return s;
}
