// SPDX-License-Identifier: MIT
/*
 * tnum: tristate numbers. A value (value, mask) stands for every 64-bit x with
 * (x & ~mask) == value. The bitwise operators act bit by bit and are exact;
 * add and sub use the carry-propagation formulas that the CGO 2022 paper
 * ("Sound, Precise, and Fast Abstract Interpretation with Tristate Numbers")
 * proves sound and optimal; mul is the Linux 6.18 long multiplication with a
 * union at every unknown multiplier bit, run with either operand as the
 * multiplier and met with the 2021 algorithm. Every
 * operation returns the canonical bottom when an operand is bottom.
 */
#include <inttypes.h>
#include <stdio.h>

#include "tnum.h"

#define TNUM_SIGN64 (UINT64_C(1) << 63)

struct tnum tnum_top(void)
{
	return TNUM(0, ~UINT64_C(0));
}

struct tnum tnum_bottom(void)
{
	return TNUM(~UINT64_C(0), ~UINT64_C(0));
}

struct tnum tnum_const(uint64_t v)
{
	return TNUM(v, 0);
}

bool tnum_is_bottom(struct tnum a)
{
	return (a.value & a.mask) != 0;
}

bool tnum_is_const(struct tnum a)
{
	return a.mask == 0;
}

bool tnum_eq(struct tnum a, struct tnum b)
{
	if (tnum_is_bottom(a) || tnum_is_bottom(b))
		return tnum_is_bottom(a) && tnum_is_bottom(b);
	return a.value == b.value && a.mask == b.mask;
}

bool tnum_leq(struct tnum a, struct tnum b)
{
	if (tnum_is_bottom(a))
		return true;
	if (tnum_is_bottom(b))
		return false;
	return (a.mask & ~b.mask) == 0 && (a.value & ~b.mask) == b.value;
}

bool tnum_contains(struct tnum a, uint64_t x)
{
	return !tnum_is_bottom(a) && (x & ~a.mask) == a.value;
}

struct tnum tnum_join(struct tnum a, struct tnum b)
{
	uint64_t mu;

	if (tnum_is_bottom(a))
		return tnum_is_bottom(b) ? tnum_bottom() : b;
	if (tnum_is_bottom(b))
		return a;
	mu = a.mask | b.mask | (a.value ^ b.value);
	return TNUM(a.value & b.value & ~mu, mu);
}

struct tnum tnum_meet(struct tnum a, struct tnum b)
{
	if (tnum_is_bottom(a) || tnum_is_bottom(b))
		return tnum_bottom();
	/* a bit known in both with different values: no common member */
	if ((a.value ^ b.value) & ~a.mask & ~b.mask)
		return tnum_bottom();
	return TNUM(a.value | b.value, a.mask & b.mask);
}

struct tnum tnum_range(uint64_t lo, uint64_t hi)
{
	uint64_t chi = lo ^ hi, delta;
	int bits;

	if (lo > hi)
		return tnum_bottom();
	if (chi == 0)
		return tnum_const(lo);
	bits = 64 - __builtin_clzll(chi);
	/* 1 << 64 is undefined: a difference in bit 63 means nothing is known */
	if (bits == 64)
		return tnum_top();
	delta = (UINT64_C(1) << bits) - 1;
	return TNUM(lo & ~delta, delta);
}

uint64_t tnum_umin(struct tnum a)
{
	return a.value;
}

uint64_t tnum_umax(struct tnum a)
{
	return a.value | a.mask;
}

int64_t tnum_smin(struct tnum a)
{
	/* the sign bit set when it may be, every other unknown bit clear */
	return (int64_t)(a.value | (a.mask & TNUM_SIGN64));
}

int64_t tnum_smax(struct tnum a)
{
	return (int64_t)(a.value | (a.mask & ~TNUM_SIGN64));
}

#define TNUM_BOTTOM_IN2(a, b)                               \
	do {                                                \
		if (tnum_is_bottom(a) || tnum_is_bottom(b)) \
			return tnum_bottom();               \
	} while (0)

struct tnum tnum_add(struct tnum a, struct tnum b)
{
	uint64_t sm, sv, sigma, chi, mu;

	TNUM_BOTTOM_IN2(a, b);
	sm = a.mask + b.mask;
	sv = a.value + b.value;
	sigma = sm + sv;
	/* bits where the all-zero and all-one choices of the unknowns differ */
	chi = sigma ^ sv;
	mu = chi | a.mask | b.mask;
	return TNUM(sv & ~mu, mu);
}

struct tnum tnum_sub(struct tnum a, struct tnum b)
{
	uint64_t dv, alpha, beta, chi, mu;

	TNUM_BOTTOM_IN2(a, b);
	dv = a.value - b.value;
	alpha = dv + a.mask;
	beta = dv - b.mask;
	chi = alpha ^ beta;
	mu = chi | a.mask | b.mask;
	return TNUM(dv & ~mu, mu);
}

struct tnum tnum_neg(struct tnum a)
{
	return tnum_sub(tnum_const(0), a);
}

struct tnum tnum_and(struct tnum a, struct tnum b)
{
	uint64_t alpha, beta, v;

	TNUM_BOTTOM_IN2(a, b);
	alpha = a.value | a.mask;
	beta = b.value | b.mask;
	v = a.value & b.value;
	return TNUM(v, alpha & beta & ~v);
}

struct tnum tnum_or(struct tnum a, struct tnum b)
{
	uint64_t v, mu;

	TNUM_BOTTOM_IN2(a, b);
	v = a.value | b.value;
	mu = a.mask | b.mask;
	return TNUM(v, mu & ~v);
}

struct tnum tnum_xor(struct tnum a, struct tnum b)
{
	uint64_t v, mu;

	TNUM_BOTTOM_IN2(a, b);
	v = a.value ^ b.value;
	mu = a.mask | b.mask;
	return TNUM(v & ~mu, mu);
}

/* tnum_add() and tnum_join() without the bottom checks, for the loops below */
static inline struct tnum add_raw(struct tnum a, struct tnum b)
{
	uint64_t sv = a.value + b.value, mu = ((sv + a.mask + b.mask) ^ sv) | a.mask | b.mask;

	return TNUM(sv & ~mu, mu);
}

static inline struct tnum join_raw(struct tnum a, struct tnum b)
{
	uint64_t mu = a.mask | b.mask | (a.value ^ b.value);

	return TNUM(a.value & b.value & ~mu, mu);
}

/*
 * Linux 6.18 multiplication: walk the bits of @a from the bottom; a known 1
 * adds the shifted @b, an unknown bit takes the union of "added" and "not
 * added". Stops once the remaining bits of @a are all known zero.
 */
static struct tnum tnum_mul_union(struct tnum a, struct tnum b)
{
	struct tnum acc = tnum_const(0);

	while (a.value || a.mask) {
		if (a.value & 1)
			acc = add_raw(acc, b);
		else if (a.mask & 1)
			acc = join_raw(acc, add_raw(acc, b));
		a = TNUM(a.value >> 1, a.mask >> 1);
		b = TNUM(b.value << 1, b.mask << 1);
	}
	return acc;
}

/*
 * The 2021 algorithm (CGO 2022): the product of the known parts, plus for
 * every unknown multiplier bit a mask-only partial product. Neither this nor
 * the 6.18 one is always more precise, and both are sound, so tnum_mul()
 * returns their meet.
 */
static struct tnum tnum_mul_hma(struct tnum a, struct tnum b)
{
	struct tnum acc_m = tnum_const(0);
	uint64_t acc_v = a.value * b.value;

	while (a.value || a.mask) {
		if (a.value & 1)
			acc_m = add_raw(acc_m, TNUM(0, b.mask));
		else if (a.mask & 1)
			acc_m = add_raw(acc_m, TNUM(0, b.value | b.mask));
		a = TNUM(a.value >> 1, a.mask >> 1);
		b = TNUM(b.value << 1, b.mask << 1);
	}
	return add_raw(tnum_const(acc_v), acc_m);
}

struct tnum tnum_mul(struct tnum a, struct tnum b)
{
	TNUM_BOTTOM_IN2(a, b);
	if (tnum_is_const(a) && tnum_is_const(b))
		return tnum_const(a.value * b.value);
	/* the union walk depends on which operand is the multiplier: try both */
	return tnum_meet(tnum_meet(tnum_mul_union(a, b), tnum_mul_union(b, a)), tnum_mul_hma(a, b));
}

struct tnum tnum_lshift(struct tnum a, unsigned shift)
{
	if (tnum_is_bottom(a))
		return tnum_bottom();
	shift &= 63;
	return TNUM(a.value << shift, a.mask << shift);
}

struct tnum tnum_rshift(struct tnum a, unsigned shift)
{
	if (tnum_is_bottom(a))
		return tnum_bottom();
	shift &= 63;
	return TNUM(a.value >> shift, a.mask >> shift);
}

/* Arithmetic right shift of a signed 64-bit value without relying on
 * implementation-defined behaviour of >> on negative numbers */
static uint64_t asr64(uint64_t x, unsigned shift)
{
	uint64_t r = x >> shift;

	if ((x & TNUM_SIGN64) && shift)
		r |= ~(~UINT64_C(0) >> shift);
	return r;
}

static uint64_t sext_bits(uint64_t x, unsigned bits)
{
	uint64_t sign;

	if (bits >= 64)
		return x;
	sign = UINT64_C(1) << (bits - 1);
	x &= (sign << 1) - 1;
	return (x ^ sign) - sign;
}

struct tnum tnum_arshift(struct tnum a, unsigned shift, unsigned width)
{
	if (tnum_is_bottom(a))
		return tnum_bottom();
	if (width == 32) {
		/* an unknown sign bit shifts unknown bits in, a known one its value */
		uint64_t v = asr64(sext_bits(a.value, 32), shift & 31);
		uint64_t m = asr64(sext_bits(a.mask, 32), shift & 31);

		return TNUM(v & 0xffffffffu, m & 0xffffffffu);
	}
	return TNUM(asr64(a.value, shift & 63), asr64(a.mask, shift & 63));
}

/*
 * Variable shifts: the join of the constant shifts over every amount the
 * (masked) shift tnum admits. At most @width joins.
 */
static struct tnum tnum_shift_var(struct tnum a, struct tnum shift, unsigned width, int kind)
{
	struct tnum acc = tnum_bottom();
	uint64_t wmask = width == 32 ? 31 : 63;

	if (tnum_is_bottom(a) || tnum_is_bottom(shift))
		return tnum_bottom();
	if (width == 32)
		a = tnum_subreg(a);
	shift = tnum_and(shift, tnum_const(wmask));
	for (uint64_t s = shift.value; s <= wmask; s++) {
		struct tnum r;

		if (!tnum_contains(shift, s))
			continue;
		if (kind == 0)
			r = tnum_lshift(a, (unsigned)s);
		else if (kind == 1)
			r = tnum_rshift(a, (unsigned)s);
		else
			r = tnum_arshift(a, (unsigned)s, width);
		if (width == 32)
			r = tnum_subreg(r);
		acc = tnum_join(acc, r);
	}
	return acc;
}

struct tnum tnum_lsh_var(struct tnum a, struct tnum shift, unsigned width)
{
	return tnum_shift_var(a, shift, width, 0);
}

struct tnum tnum_rsh_var(struct tnum a, struct tnum shift, unsigned width)
{
	return tnum_shift_var(a, shift, width, 1);
}

struct tnum tnum_arsh_var(struct tnum a, struct tnum shift, unsigned width)
{
	return tnum_shift_var(a, shift, width, 2);
}

static bool is_pow2(uint64_t x)
{
	return x && !(x & (x - 1));
}

struct tnum tnum_udiv(struct tnum a, struct tnum b)
{
	uint64_t lo, hi, dmin;

	TNUM_BOTTOM_IN2(a, b);
	if (tnum_is_const(b)) {
		if (b.value == 0)
			return tnum_const(0);
		if (is_pow2(b.value))
			return tnum_rshift(a, (unsigned)__builtin_ctzll(b.value));
		if (tnum_is_const(a))
			return tnum_const(a.value / b.value);
	}
	/* x / y for y >= 1 lies in [umin(a) / umax(b), umax(a) / umin(b)]; y = 0 gives 0 */
	dmin = tnum_umin(b) ? tnum_umin(b) : 1;
	lo = tnum_umin(b) ? tnum_umin(a) / tnum_umax(b) : 0;
	hi = tnum_umax(a) / dmin;
	return tnum_range(lo, hi);
}

struct tnum tnum_umod(struct tnum a, struct tnum b)
{
	uint64_t hi;
	struct tnum r;

	TNUM_BOTTOM_IN2(a, b);
	if (tnum_is_const(b)) {
		if (b.value == 0)
			return a;
		if (is_pow2(b.value))
			return tnum_and(a, tnum_const(b.value - 1));
		if (tnum_is_const(a))
			return tnum_const(a.value % b.value);
	}
	if (tnum_umin(b) > tnum_umax(a))
		return a; /* every divisor exceeds every dividend */
	if (tnum_umax(b) == 0)
		return a;
	hi = tnum_umax(b) - 1;
	if (hi > tnum_umax(a))
		hi = tnum_umax(a);
	r = tnum_range(0, hi);
	/* a zero divisor leaves the dividend */
	return tnum_umin(b) ? r : tnum_join(r, a);
}

/* The bit that holds the sign at @width, and the mask of the value bits */
static uint64_t width_mask(unsigned width)
{
	return width == 32 ? UINT64_C(0xffffffff) : ~UINT64_C(0);
}

static uint64_t width_sign(unsigned width)
{
	return width == 32 ? UINT64_C(0x80000000) : TNUM_SIGN64;
}

static struct tnum tnum_width_top(unsigned width)
{
	return TNUM(0, width_mask(width));
}

static uint64_t sdiv_w(uint64_t x, uint64_t y, unsigned width)
{
	int64_t sx = (int64_t)sext_bits(x, width), sy = (int64_t)sext_bits(y, width);
	int64_t min = width == 32 ? INT32_MIN : INT64_MIN;

	if (sy == 0)
		return 0;
	if (sx == min && sy == -1)
		return x & width_mask(width); /* wraps back to INT_MIN */
	return (uint64_t)(sx / sy) & width_mask(width);
}

static uint64_t smod_w(uint64_t x, uint64_t y, unsigned width)
{
	int64_t sx = (int64_t)sext_bits(x, width), sy = (int64_t)sext_bits(y, width);

	if (sy == 0)
		return x & width_mask(width);
	if (sy == -1)
		return 0;
	return (uint64_t)(sx % sy) & width_mask(width);
}

struct tnum tnum_sdiv(struct tnum a, struct tnum b, unsigned width)
{
	uint64_t sign = width_sign(width), wm = width_mask(width);

	TNUM_BOTTOM_IN2(a, b);
	a = TNUM(a.value & wm, a.mask & wm);
	b = TNUM(b.value & wm, b.mask & wm);
	if (tnum_is_const(a) && tnum_is_const(b))
		return tnum_const(sdiv_w(a.value, b.value, width));
	if (tnum_is_const(b) && b.value == 1)
		return a;
	/* both known non-negative: the unsigned quotient */
	if (!((a.value | a.mask) & sign) && !((b.value | b.mask) & sign))
		return tnum_udiv(a, b);
	return tnum_width_top(width);
}

struct tnum tnum_smod(struct tnum a, struct tnum b, unsigned width)
{
	uint64_t sign = width_sign(width), wm = width_mask(width);

	TNUM_BOTTOM_IN2(a, b);
	a = TNUM(a.value & wm, a.mask & wm);
	b = TNUM(b.value & wm, b.mask & wm);
	if (tnum_is_const(a) && tnum_is_const(b))
		return tnum_const(smod_w(a.value, b.value, width));
	if (!((a.value | a.mask) & sign)) {
		/* non-negative dividend: 0 <= r <= a, and r = a % y when y > 0 */
		if (!((b.value | b.mask) & sign))
			return tnum_umod(a, b);
		return tnum_range(0, tnum_umax(a));
	}
	return tnum_width_top(width);
}

static uint64_t bswap_bits(uint64_t x, unsigned bits)
{
	switch (bits) {
	case 16:
		return __builtin_bswap16((uint16_t)x);
	case 32:
		return __builtin_bswap32((uint32_t)x);
	default:
		return __builtin_bswap64(x);
	}
}

struct tnum tnum_bswap(struct tnum a, unsigned bits)
{
	if (tnum_is_bottom(a))
		return tnum_bottom();
	return TNUM(bswap_bits(a.value, bits), bswap_bits(a.mask, bits));
}

struct tnum tnum_trunc(struct tnum a, unsigned bytes)
{
	uint64_t m = bytes >= 8 ? ~UINT64_C(0) : (UINT64_C(1) << (bytes * 8)) - 1;

	if (tnum_is_bottom(a))
		return tnum_bottom();
	return TNUM(a.value & m, a.mask & m);
}

struct tnum tnum_subreg(struct tnum a)
{
	return tnum_trunc(a, 4);
}

struct tnum tnum_sext(struct tnum a, unsigned bits)
{
	if (tnum_is_bottom(a))
		return tnum_bottom();
	/* an unknown sign bit makes every upper bit unknown (its value bit is 0) */
	return TNUM(sext_bits(a.value, bits), sext_bits(a.mask, bits));
}

int tnum_snprint(char *buf, size_t size, struct tnum a)
{
	if (tnum_is_bottom(a))
		return snprintf(buf, size, "bottom");
	/* the kernel's "%#llx" prints 0 as 0x0 */
	return snprintf(buf, size, "(0x%" PRIx64 "; 0x%" PRIx64 ")", a.value, a.mask);
}
