// SPDX-License-Identifier: MIT
/*
 * Tests of the tnum domain: exhaustive soundness of every operator over tnums
 * with a few unknown bits (low, across bits 31/32 and at bit 63), optimality
 * of the bitwise operators and add/sub, precision against a straightforward
 * re-implementation of the Linux formulas, and worked examples.
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

/* ---- the kernel's formulas (kernel/bpf/tnum.c), for precision comparisons ---- */

static struct tnum k_add(struct tnum a, struct tnum b)
{
	uint64_t sm = a.mask + b.mask, sv = a.value + b.value, sigma = sm + sv;
	uint64_t mu = (sigma ^ sv) | a.mask | b.mask;

	return TNUM(sv & ~mu, mu);
}

static struct tnum k_sub(struct tnum a, struct tnum b)
{
	uint64_t dv = a.value - b.value, alpha = dv + a.mask, beta = dv - b.mask;
	uint64_t mu = (alpha ^ beta) | a.mask | b.mask;

	return TNUM(dv & ~mu, mu);
}

static struct tnum k_and(struct tnum a, struct tnum b)
{
	uint64_t v = a.value & b.value;

	return TNUM(v, (a.value | a.mask) & (b.value | b.mask) & ~v);
}

static struct tnum k_or(struct tnum a, struct tnum b)
{
	uint64_t v = a.value | b.value;

	return TNUM(v, (a.mask | b.mask) & ~v);
}

static struct tnum k_xor(struct tnum a, struct tnum b)
{
	uint64_t mu = a.mask | b.mask;

	return TNUM((a.value ^ b.value) & ~mu, mu);
}

static struct tnum k_union(struct tnum a, struct tnum b)
{
	uint64_t mu = (a.value ^ b.value) | a.mask | b.mask;

	return TNUM(a.value & b.value & ~mu, mu);
}

/* Linux 6.18 tnum_mul */
static struct tnum k_mul(struct tnum a, struct tnum b)
{
	struct tnum acc = TNUM(0, 0);

	while (a.value || a.mask) {
		if (a.value & 1)
			acc = k_add(acc, b);
		else if (a.mask & 1)
			acc = k_union(acc, k_add(acc, b));
		a = TNUM(a.value >> 1, a.mask >> 1);
		b = TNUM(b.value << 1, b.mask << 1);
	}
	return acc;
}

static struct tnum k_lshift(struct tnum a, unsigned s)
{
	return TNUM(a.value << s, a.mask << s);
}

static struct tnum k_rshift(struct tnum a, unsigned s)
{
	return TNUM(a.value >> s, a.mask >> s);
}

static uint64_t k_asr(uint64_t x, unsigned s, unsigned w)
{
	if (w == 32) {
		int32_t v = (int32_t)(uint32_t)x;

		return (uint32_t)(v < 0 ? ~(~(uint32_t)v >> s) : (uint32_t)v >> s);
	}
	return (int64_t)x < 0 ? ~(~x >> s) : x >> s;
}

static struct tnum k_arshift(struct tnum a, unsigned s, unsigned w)
{
	return TNUM(k_asr(a.value, s, w), k_asr(a.mask, s, w));
}

/* ---- universe ---- */

static struct tnum uni[600];
static size_t uni_cnt;

/* Every tnum whose unknown or known bits vary only at @pos, others from @base */
static void uni_add_positions(const int *pos, int n, uint64_t base)
{
	int total = 1;

	for (int i = 0; i < n; i++)
		total *= 3;
	for (int t = 0; t < total; t++) {
		uint64_t v = base, m = 0;
		int x = t;

		for (int i = 0; i < n; i++, x /= 3) {
			uint64_t bit = UINT64_C(1) << pos[i];

			v &= ~bit;
			if (x % 3 == 1)
				v |= bit;
			else if (x % 3 == 2)
				m |= bit;
		}
		ck_assert(uni_cnt < ARRAY_SIZE(uni));
		uni[uni_cnt++] = TNUM(v, m);
	}
}

static void build_universe(void)
{
	static const int p_low[] = { 0, 1, 2 };
	static const int p_mid[] = { 30, 31, 32 };
	static const int p_top[] = { 0, 31, 63 };
	static const int p_byte[] = { 7, 8, 15 };

	uni_cnt = 0;
	uni_add_positions(p_low, 3, 0);
	uni_add_positions(p_low, 3, ~UINT64_C(0));
	uni_add_positions(p_mid, 3, 0);
	uni_add_positions(p_mid, 3, UINT64_C(0xffffffff00000000));
	uni_add_positions(p_top, 3, 0);
	uni_add_positions(p_top, 3, UINT64_C(0x7ffffffffffffffe));
	uni_add_positions(p_byte, 3, 0);
}

static int members(struct tnum t, uint64_t *out)
{
	int n = 0;

	/* subsets of the mask, by the usual (s - mask) & mask walk */
	for (uint64_t s = 0;; s = (s - t.mask) & t.mask) {
		out[n++] = t.value | s;
		if (((s - t.mask) & t.mask) == 0)
			break;
	}
	return n;
}

enum bin {
	B_ADD,
	B_SUB,
	B_MUL,
	B_AND,
	B_OR,
	B_XOR,
	B_UDIV,
	B_UMOD,
	B_SDIV64,
	B_SMOD64,
	B_SDIV32,
	B_SMOD32,
	B_JOIN,
	B_MEET,
	B_CNT,
};

static const char *const bin_name[B_CNT] = { "add",    "sub",	 "mul",	 "and",	   "or",
					     "xor",    "udiv",	 "umod", "sdiv64", "smod64",
					     "sdiv32", "smod32", "join", "meet" };

static struct tnum bin_apply(int op, struct tnum a, struct tnum b)
{
	switch (op) {
	case B_ADD:
		return tnum_add(a, b);
	case B_SUB:
		return tnum_sub(a, b);
	case B_MUL:
		return tnum_mul(a, b);
	case B_AND:
		return tnum_and(a, b);
	case B_OR:
		return tnum_or(a, b);
	case B_XOR:
		return tnum_xor(a, b);
	case B_UDIV:
		return tnum_udiv(a, b);
	case B_UMOD:
		return tnum_umod(a, b);
	case B_SDIV64:
		return tnum_sdiv(a, b, 64);
	case B_SMOD64:
		return tnum_smod(a, b, 64);
	case B_SDIV32:
		return tnum_sdiv(a, b, 32);
	case B_SMOD32:
		return tnum_smod(a, b, 32);
	case B_JOIN:
		return tnum_join(a, b);
	default:
		return tnum_meet(a, b);
	}
}

static uint64_t bin_ref(int op, uint64_t x, uint64_t y)
{
	switch (op) {
	case B_ADD:
		return ref_alu(SVAL_ADD, x, y, true);
	case B_SUB:
		return ref_alu(SVAL_SUB, x, y, true);
	case B_MUL:
		return ref_alu(SVAL_MUL, x, y, true);
	case B_AND:
		return x & y;
	case B_OR:
		return x | y;
	case B_XOR:
		return x ^ y;
	case B_UDIV:
		return ref_alu(SVAL_DIV, x, y, true);
	case B_UMOD:
		return ref_alu(SVAL_MOD, x, y, true);
	case B_SDIV64:
		return ref_alu(SVAL_SDIV, x, y, true);
	case B_SMOD64:
		return ref_alu(SVAL_SMOD, x, y, true);
	case B_SDIV32:
		return ref_alu(SVAL_SDIV, x, y, false);
	case B_SMOD32:
		return ref_alu(SVAL_SMOD, x, y, false);
	default:
		return x;
	}
}

static void binary_exhaustive(int op)
{
	uint64_t ma[64], mb[64];

	build_universe();
	for (size_t i = 0; i < uni_cnt; i++) {
		int na = members(uni[i], ma);

		for (size_t j = 0; j < uni_cnt; j++) {
			struct tnum r = bin_apply(op, uni[i], uni[j]), best = tnum_bottom();
			int nb = members(uni[j], mb);

			CHECK(op == B_MEET || !tnum_is_bottom(r), "%s gave bottom", bin_name[op]);
			for (int p = 0; p < na; p++) {
				for (int q = 0; q < nb; q++) {
					uint64_t want = bin_ref(op, ma[p], mb[q]);

					if (op == B_JOIN) {
						CHECK(tnum_contains(r, ma[p]) &&
							      tnum_contains(r, mb[q]),
						      "join");
						continue;
					}
					if (op == B_MEET) {
						if (ma[p] == mb[q])
							CHECK(tnum_contains(r, ma[p]), "meet");
						continue;
					}
					CHECK(tnum_contains(r, want),
					      "%s: (0x%" PRIx64 "; 0x%" PRIx64 ") (0x%" PRIx64
					      "; 0x%" PRIx64 "): 0x%" PRIx64 " missing",
					      bin_name[op], uni[i].value, uni[i].mask, uni[j].value,
					      uni[j].mask, want);
					best = tnum_join(best, tnum_const(want));
				}
			}
			/* bitwise operators and add/sub are optimal: exactly the best tnum */
			if (op == B_ADD || op == B_SUB || op == B_AND || op == B_OR || op == B_XOR)
				CHECK(tnum_eq(r, best), "%s not optimal", bin_name[op]);
			if (op == B_MEET && !tnum_is_bottom(r)) {
				/* the meet is exact: its members are common members */
				uint64_t mr[64];
				int nr = members(r, mr);

				for (int k = 0; k < nr; k++)
					CHECK(tnum_contains(uni[i], mr[k]) &&
						      tnum_contains(uni[j], mr[k]),
					      "meet too big");
			}
		}
	}
}

START_TEST(test_binary_exhaustive)
{
	for (int op = 0; op < B_CNT; op++)
		binary_exhaustive(op);
}
END_TEST

/* Unary operators */
static const struct {
	const char *name;
	int kind; /* 0 neg, 1 lsh, 2 rsh, 3 arsh64, 4 arsh32, 5 bswap, 6 trunc, 7 sext, 8 subreg */
	unsigned arg;
} unops[] = {
	{ "neg", 0, 0 },	{ "lsh1", 1, 1 },	{ "lsh31", 1, 31 },
	{ "lsh32", 1, 32 },	{ "lsh63", 1, 63 },	{ "rsh1", 2, 1 },
	{ "rsh32", 2, 32 },	{ "rsh63", 2, 63 },	{ "arsh64_1", 3, 1 },
	{ "arsh64_33", 3, 33 }, { "arsh64_63", 3, 63 }, { "arsh32_1", 4, 1 },
	{ "arsh32_31", 4, 31 }, { "bswap16", 5, 16 },	{ "bswap32", 5, 32 },
	{ "bswap64", 5, 64 },	{ "trunc1", 6, 1 },	{ "trunc2", 6, 2 },
	{ "trunc4", 6, 4 },	{ "trunc8", 6, 8 },	{ "sext8", 7, 8 },
	{ "sext16", 7, 16 },	{ "sext32", 7, 32 },	{ "subreg", 8, 0 },
};

static struct tnum un_apply(int i, struct tnum a)
{
	unsigned k = unops[i].arg;

	switch (unops[i].kind) {
	case 0:
		return tnum_neg(a);
	case 1:
		return tnum_lshift(a, k);
	case 2:
		return tnum_rshift(a, k);
	case 3:
		return tnum_arshift(a, k, 64);
	case 4:
		return tnum_arshift(a, k, 32);
	case 5:
		return tnum_bswap(a, k);
	case 6:
		return tnum_trunc(a, k);
	case 7:
		return tnum_sext(a, k);
	default:
		return tnum_subreg(a);
	}
}

static uint64_t un_ref(int i, uint64_t x)
{
	unsigned k = unops[i].arg;

	switch (unops[i].kind) {
	case 0:
		return ref_alu(SVAL_NEG, x, 0, true);
	case 1:
		return ref_alu(SVAL_LSH, x, k, true);
	case 2:
		return ref_alu(SVAL_RSH, x, k, true);
	case 3:
		return ref_alu(SVAL_ARSH, x, k, true);
	case 4:
		return ref_alu(SVAL_ARSH, x, k, false);
	case 5:
		return ref_bswap(x, k);
	case 6:
		return ref_trunc(x, k);
	case 7:
		return ref_movsx(x, k, true);
	default:
		return (uint32_t)x;
	}
}

static void unary_exhaustive(int u)
{
	uint64_t ma[64];

	build_universe();
	for (size_t i = 0; i < uni_cnt; i++) {
		struct tnum r = un_apply(u, uni[i]), best = tnum_bottom();
		int na = members(uni[i], ma);

		for (int p = 0; p < na; p++) {
			uint64_t want = un_ref(u, ma[p]);

			CHECK(tnum_contains(r, want), "%s of 0x%" PRIx64, unops[u].name, ma[p]);
			best = tnum_join(best, tnum_const(want));
		}
		/* everything but neg only moves or copies bits: exact */
		if (unops[u].kind != 0)
			CHECK(tnum_eq(r, best), "%s not exact", unops[u].name);
	}
}

START_TEST(test_unary_exhaustive)
{
	for (int u = 0; u < (int)ARRAY_SIZE(unops); u++)
		unary_exhaustive(u);
}
END_TEST

START_TEST(test_shift_var_exhaustive)
{
	static const struct tnum shifts[] = {
		TNUM(0, 0x3),  TNUM(0, 0x21), TNUM(0x1e, 0x21), TNUM(0x1c, 0x3), TNUM(0x3c, 0x3),
		TNUM(0, 0x3f), TNUM(31, 0),   TNUM(63, 0),	TNUM(0x40, 0x1), TNUM(0x20, 0x10),
	};
	uint64_t ma[64], ms[64];

	build_universe();
	for (size_t i = 0; i < uni_cnt; i++) {
		int na = members(uni[i], ma);

		for (size_t j = 0; j < ARRAY_SIZE(shifts); j++) {
			int ns = members(shifts[j], ms);

			for (unsigned w = 32; w <= 64; w += 32) {
				struct tnum rl = tnum_lsh_var(uni[i], shifts[j], w);
				struct tnum rr = tnum_rsh_var(uni[i], shifts[j], w);
				struct tnum ra = tnum_arsh_var(uni[i], shifts[j], w);

				for (int p = 0; p < na; p++) {
					for (int q = 0; q < ns; q++) {
						bool is64 = w == 64;
						uint64_t x = ma[p], s = ms[q];

						CHECK(tnum_contains(rl,
								    ref_alu(SVAL_LSH, x, s, is64)),
						      "lsh_var");
						CHECK(tnum_contains(rr,
								    ref_alu(SVAL_RSH, x, s, is64)),
						      "rsh_var");
						CHECK(tnum_contains(ra,
								    ref_alu(SVAL_ARSH, x, s, is64)),
						      "arsh_var");
					}
				}
			}
		}
	}
}
END_TEST

START_TEST(test_order_exhaustive)
{
	uint64_t ma[64], mb[64];

	build_universe();
	for (size_t i = 0; i < uni_cnt; i++) {
		int na = members(uni[i], ma);
		uint64_t umin = UINT64_MAX, umax = 0;
		int64_t smin = INT64_MAX, smax = INT64_MIN;

		for (int p = 0; p < na; p++) {
			umin = ma[p] < umin ? ma[p] : umin;
			umax = ma[p] > umax ? ma[p] : umax;
			smin = (int64_t)ma[p] < smin ? (int64_t)ma[p] : smin;
			smax = (int64_t)ma[p] > smax ? (int64_t)ma[p] : smax;
		}
		CHECK(tnum_umin(uni[i]) == umin && tnum_umax(uni[i]) == umax, "umin/umax");
		CHECK(tnum_smin(uni[i]) == smin && tnum_smax(uni[i]) == smax, "smin/smax");
		/* tnum_range of the hull holds every member */
		for (int p = 0; p < na; p++)
			CHECK(tnum_contains(tnum_range(umin, umax), ma[p]), "range");
		for (size_t j = 0; j < uni_cnt; j++) {
			int nb = members(uni[j], mb), in = 0;

			for (int p = 0; p < na; p++)
				in += tnum_contains(uni[j], ma[p]);
			(void)nb;
			/* leq is exact: set inclusion */
			CHECK(tnum_leq(uni[i], uni[j]) == (in == na), "leq");
		}
	}
}
END_TEST

START_TEST(test_range_exhaustive)
{
	/* every [lo, hi] inside 0..40, and around 2^32 and 2^63 */
	static const uint64_t bases[] = { 0, UINT64_C(0xffffffec), UINT64_C(0x7fffffffffffffec),
					  UINT64_MAX - 40 };

	for (size_t b = 0; b < ARRAY_SIZE(bases); b++) {
		for (uint64_t lo = 0; lo <= 40; lo++) {
			for (uint64_t hi = lo; hi <= 40; hi++) {
				struct tnum t = tnum_range(bases[b] + lo, bases[b] + hi);

				for (uint64_t x = lo; x <= hi; x++)
					CHECK(tnum_contains(t, bases[b] + x), "range");
			}
		}
	}
	ck_assert(tnum_is_bottom(tnum_range(5, 4)));
	ck_assert(tnum_eq(tnum_range(0, UINT64_MAX), tnum_top()));
}
END_TEST

/* ---- precision against the kernel, random ---- */

static struct tnum rnd_tnum(uint64_t *s)
{
	uint64_t m = rnd_next(s);

	switch (rnd_next(s) % 5) {
	case 0:
		m = 0; /* constant */
		break;
	case 1:
		m &= rnd_next(s) & rnd_next(s); /* few unknown bits */
		break;
	case 2:
		m >>= rnd_next(s) % 64; /* unknown low bits */
		break;
	case 3:
		m &= 0xff;
		break;
	default:
		break;
	}
	return TNUM(rnd_next(s) & ~m, m);
}

START_TEST(test_kernel_precision)
{
	uint64_t seed = 12345;
	long n = tests_long() ? 20000000 : 200000;

	for (long i = 0; i < n; i++) {
		struct tnum a = rnd_tnum(&seed), b = rnd_tnum(&seed);
		unsigned k = (unsigned)(rnd_next(&seed) % 64);

		CHECK(tnum_eq(tnum_add(a, b), k_add(a, b)), "add");
		CHECK(tnum_eq(tnum_sub(a, b), k_sub(a, b)), "sub");
		CHECK(tnum_eq(tnum_neg(a), k_sub(TNUM(0, 0), a)), "neg");
		CHECK(tnum_eq(tnum_and(a, b), k_and(a, b)), "and");
		CHECK(tnum_eq(tnum_or(a, b), k_or(a, b)), "or");
		CHECK(tnum_eq(tnum_xor(a, b), k_xor(a, b)), "xor");
		CHECK(tnum_leq(tnum_mul(a, b), k_mul(a, b)), "mul less precise than Linux 6.18");
		CHECK(tnum_eq(tnum_join(a, b), k_union(a, b)), "join");
		CHECK(tnum_eq(tnum_lshift(a, k), k_lshift(a, k)), "lshift");
		CHECK(tnum_eq(tnum_rshift(a, k), k_rshift(a, k)), "rshift");
		CHECK(tnum_eq(tnum_arshift(a, k, 64), k_arshift(a, k, 64)), "arshift");
		CHECK(tnum_eq(tnum_arshift(a, k % 32, 32), k_arshift(a, k % 32, 32)), "arshift32");
		/* and the product stays sound on a random member pair */
		{
			uint64_t x = a.value | (rnd_next(&seed) & a.mask);
			uint64_t y = b.value | (rnd_next(&seed) & b.mask);

			CHECK(tnum_contains(tnum_mul(a, b), x * y), "mul unsound");
		}
	}
}
END_TEST

START_TEST(test_const_precision)
{
	uint64_t seed = 99;

	for (int i = 0; i < 20000; i++) {
		uint64_t x = rnd_next(&seed) >> (rnd_next(&seed) % 64);
		uint64_t y = rnd_next(&seed) >> (rnd_next(&seed) % 64);
		struct tnum a = tnum_const(x), b = tnum_const(y);

		if (i % 4 == 0)
			y = i % 8 ? 0 : (uint64_t)-1; /* division by 0 and -1 */
		b = tnum_const(y);
		for (int op = 0; op < B_JOIN; op++) {
			struct tnum r = bin_apply(op, a, b);

			CHECK(tnum_is_const(r) && r.value == bin_ref(op, x, y), "%s of constants",
			      bin_name[op]);
		}
		for (size_t u = 0; u < ARRAY_SIZE(unops); u++) {
			struct tnum r = un_apply((int)u, a);

			CHECK(tnum_is_const(r) && r.value == un_ref((int)u, x), "%s of a constant",
			      unops[u].name);
		}
	}
}
END_TEST

/* ---- worked examples ---- */

static const struct {
	const char *name;
	struct tnum a, b, want;
} add_cases[] = {
	{ "const + const", TNUM(1, 0), TNUM(2, 0), TNUM(3, 0) },
	{ "unknown bit 0", TNUM(0, 1), TNUM(1, 0), TNUM(0, 3) },
	{ "carry chain", TNUM(0, 1), TNUM(0xff, 0), TNUM(0, 0x1ff) },
	{ "wraps", TNUM(UINT64_MAX, 0), TNUM(1, 0), TNUM(0, 0) },
	{ "no carry into unknowns", TNUM(0, 0xf0), TNUM(8, 0), TNUM(8, 0xf0) },
	{ "carry into unknowns", TNUM(8, 0xf0), TNUM(8, 0), TNUM(0, 0x1f0) },
};

START_TEST(test_add_table)
{
	struct tnum got = tnum_add(add_cases[_i].a, add_cases[_i].b);

	ck_assert_msg(tnum_eq(got, add_cases[_i].want), "%s", add_cases[_i].name);
}
END_TEST

static const struct {
	const char *name;
	struct tnum a, b, want;
} mul_cases[] = {
	/* the kernel comment's example: 3 * x1 = union(0011, 1001) */
	{ "kernel example", TNUM(1, 2), TNUM(3, 0), TNUM(1, 0xa) },
	{ "kernel example swapped", TNUM(3, 0), TNUM(1, 2), TNUM(1, 0xa) },
	{ "by const 4", TNUM(0, 3), TNUM(4, 0), TNUM(0, 0xc) },
	{ "even times anything", TNUM(2, 0x4), TNUM(0, UINT64_MAX), TNUM(0, ~UINT64_C(1)) },
	{ "consts", TNUM(7, 0), TNUM(6, 0), TNUM(42, 0) },
};

START_TEST(test_mul_table)
{
	struct tnum got = tnum_mul(mul_cases[_i].a, mul_cases[_i].b);
	char buf[64];

	tnum_snprint(buf, sizeof(buf), got);
	ck_assert_msg(tnum_eq(got, mul_cases[_i].want), "%s: got %s", mul_cases[_i].name, buf);
}
END_TEST

static const struct {
	const char *name;
	struct tnum a, b, want;
} div_cases[] = {
	{ "by zero", TNUM(5, 2), TNUM(0, 0), TNUM(0, 0) },
	{ "by 4 is a shift", TNUM(0x10, 0xf), TNUM(4, 0), TNUM(4, 3) },
	{ "one quotient", TNUM(100, 3), TNUM(10, 0), TNUM(10, 0) },
	{ "range", TNUM(96, 0x1f), TNUM(10, 0), TNUM(8, 7) },
};

START_TEST(test_div_table)
{
	struct tnum got = tnum_udiv(div_cases[_i].a, div_cases[_i].b);
	char buf[64];

	tnum_snprint(buf, sizeof(buf), got);
	ck_assert_msg(tnum_eq(got, div_cases[_i].want), "%s: got %s", div_cases[_i].name, buf);
}
END_TEST

static const struct {
	struct tnum a;
	const char *want;
} print_cases[] = {
	{ TNUM(0, 0xff), "(0x0; 0xff)" },
	{ TNUM(0x10, 0), "(0x10; 0x0)" },
	{ TNUM(1, 1), "bottom" },
};

START_TEST(test_print_table)
{
	char buf[64];

	tnum_snprint(buf, sizeof(buf), print_cases[_i].a);
	ck_assert_str_eq(buf, print_cases[_i].want);
}
END_TEST

START_TEST(test_bottom)
{
	struct tnum b = tnum_bottom();

	ck_assert(tnum_is_bottom(b));
	ck_assert(tnum_is_bottom(tnum_meet(TNUM(1, 0), TNUM(2, 0))));
	ck_assert(!tnum_is_bottom(tnum_meet(TNUM(1, 2), TNUM(3, 0))));
	ck_assert(tnum_eq(tnum_meet(TNUM(1, 2), TNUM(3, 0)), TNUM(3, 0)));
	ck_assert(tnum_leq(b, TNUM(5, 0)));
	ck_assert(!tnum_leq(TNUM(5, 0), b));
	ck_assert(tnum_eq(tnum_join(b, TNUM(5, 0)), TNUM(5, 0)));
	ck_assert(tnum_is_bottom(tnum_add(b, TNUM(5, 0))));
	ck_assert(!tnum_contains(b, 0));
	ck_assert(tnum_eq(TNUM(3, 3), b)); /* every ill-formed pair is bottom */
}
END_TEST

Suite *tnum_suite(void)
{
	Suite *s = suite_create("tnum");
	TCase *tc = tcase_create("exhaustive");
	TCase *tt = tcase_create("tables");

	tcase_set_timeout(tc, 3600);
	tcase_add_test(tc, test_binary_exhaustive);
	tcase_add_test(tc, test_unary_exhaustive);
	tcase_add_test(tc, test_shift_var_exhaustive);
	tcase_add_test(tc, test_order_exhaustive);
	tcase_add_test(tc, test_range_exhaustive);
	tcase_add_test(tc, test_kernel_precision);
	tcase_add_test(tc, test_const_precision);
	suite_add_tcase(s, tc);

	tcase_add_loop_test(tt, test_add_table, 0, ARRAY_SIZE(add_cases));
	tcase_add_loop_test(tt, test_mul_table, 0, ARRAY_SIZE(mul_cases));
	tcase_add_loop_test(tt, test_div_table, 0, ARRAY_SIZE(div_cases));
	tcase_add_loop_test(tt, test_print_table, 0, ARRAY_SIZE(print_cases));
	tcase_add_test(tt, test_bottom);
	suite_add_tcase(s, tt);
	return s;
}
