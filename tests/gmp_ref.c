// SPDX-License-Identifier: MIT
/* Reference semantics and random/enumeration helpers for the domain tests. */
#include <gmp.h>

#include "gmp_ref.h"

const char *const ref_op_name[SVAL_OP_CNT] = {
	[SVAL_ADD] = "add",   [SVAL_SUB] = "sub", [SVAL_MUL] = "mul",	[SVAL_DIV] = "div",
	[SVAL_SDIV] = "sdiv", [SVAL_OR] = "or",	  [SVAL_AND] = "and",	[SVAL_LSH] = "lsh",
	[SVAL_RSH] = "rsh",   [SVAL_NEG] = "neg", [SVAL_MOD] = "mod",	[SVAL_SMOD] = "smod",
	[SVAL_XOR] = "xor",   [SVAL_MOV] = "mov", [SVAL_ARSH] = "arsh",
};

const char *const ref_cmp_name[SVAL_CMP_CNT] = {
	[SVAL_JEQ] = "jeq",   [SVAL_JNE] = "jne",   [SVAL_JGT] = "jgt",	  [SVAL_JGE] = "jge",
	[SVAL_JLT] = "jlt",   [SVAL_JLE] = "jle",   [SVAL_JSGT] = "jsgt", [SVAL_JSGE] = "jsge",
	[SVAL_JSLT] = "jslt", [SVAL_JSLE] = "jsle", [SVAL_JSET] = "jset",
};

/* ---- plain C ---- */

static int64_t as_signed(uint64_t x, bool is64)
{
	return is64 ? (int64_t)x : (int64_t)(int32_t)(uint32_t)x;
}

uint64_t ref_alu(enum sval_op op, uint64_t x, uint64_t y, bool is64)
{
	uint64_t mask = is64 ? UINT64_MAX : UINT32_MAX, r;
	unsigned sh;
	int64_t sx, sy;

	x &= mask;
	y &= mask;
	sx = as_signed(x, is64);
	sy = as_signed(y, is64);
	sh = (unsigned)(y & (is64 ? 63 : 31));
	switch (op) {
	case SVAL_ADD:
		r = x + y;
		break;
	case SVAL_SUB:
		r = x - y;
		break;
	case SVAL_MUL:
		r = x * y;
		break;
	case SVAL_DIV:
		r = y == 0 ? 0 : x / y;
		break;
	case SVAL_MOD:
		r = y == 0 ? x : x % y;
		break;
	case SVAL_SDIV:
		if (sy == 0)
			r = 0;
		else if (sy == -1)
			r = -(uint64_t)sx; /* avoids INT_MIN / -1 in C */
		else
			r = (uint64_t)(sx / sy);
		break;
	case SVAL_SMOD:
		if (sy == 0)
			r = x;
		else if (sy == -1)
			r = 0;
		else
			r = (uint64_t)(sx % sy);
		break;
	case SVAL_OR:
		r = x | y;
		break;
	case SVAL_AND:
		r = x & y;
		break;
	case SVAL_XOR:
		r = x ^ y;
		break;
	case SVAL_LSH:
		r = x << sh;
		break;
	case SVAL_RSH:
		r = x >> sh;
		break;
	case SVAL_ARSH:
		/* floor(sx / 2^sh) */
		r = sx >= 0 ? (uint64_t)sx >> sh : ~(~(uint64_t)sx >> sh);
		break;
	case SVAL_NEG:
		r = -x;
		break;
	case SVAL_MOV:
		r = y;
		break;
	default:
		r = 0;
		break;
	}
	return r & mask;
}

bool ref_cmp(enum sval_cmp op, uint64_t x, uint64_t y, bool is64)
{
	uint64_t mask = is64 ? UINT64_MAX : UINT32_MAX;
	int64_t sx = as_signed(x & mask, is64), sy = as_signed(y & mask, is64);

	x &= mask;
	y &= mask;
	switch (op) {
	case SVAL_JEQ:
		return x == y;
	case SVAL_JNE:
		return x != y;
	case SVAL_JGT:
		return x > y;
	case SVAL_JGE:
		return x >= y;
	case SVAL_JLT:
		return x < y;
	case SVAL_JLE:
		return x <= y;
	case SVAL_JSGT:
		return sx > sy;
	case SVAL_JSGE:
		return sx >= sy;
	case SVAL_JSLT:
		return sx < sy;
	case SVAL_JSLE:
		return sx <= sy;
	case SVAL_JSET:
		return (x & y) != 0;
	default:
		return false;
	}
}

uint64_t ref_movsx(uint64_t x, unsigned bits, bool is64)
{
	int64_t v;

	if (bits == 8)
		v = (int8_t)(uint8_t)x;
	else if (bits == 16)
		v = (int16_t)(uint16_t)x;
	else
		v = (int32_t)(uint32_t)x;
	return is64 ? (uint64_t)v : (uint32_t)v;
}

uint64_t ref_trunc(uint64_t x, unsigned bytes)
{
	switch (bytes) {
	case 1:
		return (uint8_t)x;
	case 2:
		return (uint16_t)x;
	case 4:
		return (uint32_t)x;
	default:
		return x;
	}
}

uint64_t ref_bswap(uint64_t x, unsigned bits)
{
	uint64_t r = 0;

	for (unsigned i = 0; i < bits / 8; i++)
		r |= ((x >> (8 * i)) & 0xff) << (bits - 8 - 8 * i);
	return r;
}

/* ---- GMP ---- */

static void mpz_set_u64(mpz_t z, uint64_t v)
{
	mpz_set_ui(z, (unsigned long)(v >> 32));
	mpz_mul_2exp(z, z, 32);
	mpz_add_ui(z, z, (unsigned long)(v & UINT32_MAX));
}

static void mpz_set_s(mpz_t z, uint64_t v, unsigned w)
{
	mpz_set_u64(z, v);
	if (v >> (w - 1) & 1) { /* negative: subtract 2^w */
		mpz_t t;

		mpz_init_set_ui(t, 1);
		mpz_mul_2exp(t, t, w);
		mpz_sub(z, z, t);
		mpz_clear(t);
	}
}

static uint64_t mpz_get_mod(mpz_t z, unsigned w)
{
	mpz_t t;
	uint64_t lo, hi;

	mpz_init(t);
	mpz_fdiv_r_2exp(t, z, w); /* non-negative residue */
	lo = mpz_get_ui(t) & UINT32_MAX;
	mpz_fdiv_q_2exp(t, t, 32);
	hi = mpz_get_ui(t) & UINT32_MAX;
	mpz_clear(t);
	return hi << 32 | lo;
}

uint64_t gmp_alu(enum sval_op op, uint64_t x, uint64_t y, bool is64)
{
	unsigned w = is64 ? 64 : 32;
	uint64_t mask = is64 ? UINT64_MAX : UINT32_MAX, r;
	mpz_t a, b, c;

	x &= mask;
	y &= mask;
	mpz_inits(a, b, c, NULL);
	switch (op) {
	case SVAL_ADD:
	case SVAL_SUB:
	case SVAL_MUL:
	case SVAL_DIV:
	case SVAL_MOD:
	case SVAL_RSH:
		mpz_set_u64(a, x);
		mpz_set_u64(b, y);
		break;
	default:
		mpz_set_s(a, x, w);
		mpz_set_s(b, y, w);
		break;
	}
	switch (op) {
	case SVAL_ADD:
		mpz_add(c, a, b);
		break;
	case SVAL_SUB:
		mpz_sub(c, a, b);
		break;
	case SVAL_MUL:
		mpz_mul(c, a, b);
		break;
	case SVAL_DIV:
	case SVAL_SDIV:
		if (mpz_sgn(b) == 0)
			mpz_set_ui(c, 0);
		else
			mpz_tdiv_q(c, a, b); /* INT_MIN / -1 = 2^(w-1), which wraps to INT_MIN */
		break;
	case SVAL_MOD:
	case SVAL_SMOD:
		if (mpz_sgn(b) == 0)
			mpz_set(c, a);
		else
			mpz_tdiv_r(c, a, b); /* sign of the dividend */
		break;
	case SVAL_LSH:
		mpz_mul_2exp(c, a, (unsigned long)(y & (w - 1)));
		break;
	case SVAL_RSH:
	case SVAL_ARSH:
		mpz_fdiv_q_2exp(c, a, (unsigned long)(y & (w - 1)));
		break;
	case SVAL_NEG:
		mpz_neg(c, a);
		break;
	case SVAL_MOV:
		mpz_set(c, b);
		break;
	case SVAL_AND:
		mpz_and(c, a, b);
		break;
	case SVAL_OR:
		mpz_ior(c, a, b);
		break;
	case SVAL_XOR:
		mpz_xor(c, a, b);
		break;
	default:
		mpz_set_ui(c, 0);
		break;
	}
	r = mpz_get_mod(c, w);
	mpz_clears(a, b, c, NULL);
	return r;
}

/* ---- enumeration ---- */

#define ENUM_LIMIT 4096

static int add_member(struct sval a, uint64_t x, uint64_t *out, int cnt, int max)
{
	if (cnt < 0 || !sval_contains(a, x))
		return cnt;
	for (int i = 0; i < cnt; i++)
		if (out[i] == x)
			return cnt;
	if (cnt >= max)
		return -1;
	out[cnt] = x;
	return cnt + 1;
}

/* Members of the tnum @t, when it has at most 12 unknown bits */
static int tnum_members(struct tnum t, uint64_t *buf, int max)
{
	int pos[64], n = 0, cnt = 0;

	if (tnum_is_bottom(t))
		return 0;
	for (int i = 0; i < 64; i++)
		if (t.mask >> i & 1)
			pos[n++] = i;
	if (n > 12 || (1 << n) > max)
		return -1;
	for (uint64_t s = 0; s < (UINT64_C(1) << n); s++) {
		uint64_t x = t.value;

		for (int i = 0; i < n; i++)
			if (s >> i & 1)
				x |= UINT64_C(1) << pos[i];
		buf[cnt++] = x;
	}
	return cnt;
}

int enum_members(struct sval a, uint64_t *out, int max)
{
	static uint64_t buf[ENUM_LIMIT];
	int cnt = 0, n;

	if (sval_is_bottom(a))
		return 0;
	n = tnum_members(a.tn, buf, ENUM_LIMIT);
	if (n >= 0) {
		for (int i = 0; i < n && cnt >= 0; i++)
			cnt = add_member(a, buf[i], out, cnt, max);
		return cnt;
	}
	if (a.r.umax - a.r.umin < ENUM_LIMIT) {
		for (uint64_t x = a.r.umin;; x++) {
			cnt = add_member(a, x, out, cnt, max);
			if (cnt < 0 || x == a.r.umax)
				break;
		}
		return cnt;
	}
	if ((uint64_t)a.r.smax - (uint64_t)a.r.smin < ENUM_LIMIT) {
		for (int64_t x = a.r.smin;; x++) {
			cnt = add_member(a, (uint64_t)x, out, cnt, max);
			if (cnt < 0 || x == a.r.smax)
				break;
		}
		return cnt;
	}
	/* low half from a 32-bit view, high half from the tnum's upper bits */
	{
		struct tnum hi =
			TNUM(a.tn.value & ~UINT64_C(0xffffffff), a.tn.mask & ~UINT64_C(0xffffffff));
		uint64_t lo = a.r.u32_min, len = (uint64_t)a.r.u32_max - a.r.u32_min;
		int h;

		if ((uint64_t)((uint32_t)a.r.s32_max - (uint32_t)a.r.s32_min) < len) {
			lo = (uint32_t)a.r.s32_min;
			len = (uint32_t)a.r.s32_max - (uint32_t)a.r.s32_min;
		}
		h = len < 64 ? tnum_members(hi, buf, 64) : -1;
		if (h < 0 && len < 64) {
			/* else the high halves the signed or unsigned range spans */
			int64_t hs = a.r.smin / (INT64_C(1) << 32) - 1;
			int64_t he = a.r.smax / (INT64_C(1) << 32) + 1;
			uint64_t us = a.r.umin >> 32, ue = a.r.umax >> 32;

			if (he - hs < 64) {
				h = 0;
				for (int64_t x = hs; x <= he; x++)
					buf[h++] = (uint64_t)x << 32;
			} else if (ue - us < 64) {
				h = 0;
				for (uint64_t x = us; x <= ue; x++)
					buf[h++] = x << 32;
			}
		}
		if (h < 0)
			return -1;
		for (int i = 0; i < h && cnt >= 0; i++)
			for (uint64_t l = 0; l <= len && cnt >= 0; l++)
				cnt = add_member(a, buf[i] | ((lo + l) & 0xffffffff), out, cnt,
						 max);
		return cnt;
	}
}

/* ---- random values ---- */

uint64_t rnd_next(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * UINT64_C(2685821657736338717);
}

static const uint64_t special[] = {
	0,
	1,
	0x7f,
	0x80,
	0xff,
	0x7fff,
	0x8000,
	0xffff,
	0x7fffffff,
	0x80000000,
	0xffffffff,
	UINT64_C(0x100000000),
	UINT64_C(0x7fffffffffffffff),
	UINT64_C(0x8000000000000000),
	UINT64_C(0xffffffff80000000),
	UINT64_C(0xffffffff00000000),
	UINT64_MAX,
};

/* A random number of random magnitude: small ones are much more likely */
static uint64_t rnd_mag(uint64_t *s)
{
	unsigned bits = (unsigned)(rnd_next(s) % 65);

	return bits == 64 ? rnd_next(s) : rnd_next(s) & ((UINT64_C(1) << bits) - 1);
}

struct sval rnd_sval(uint64_t *s)
{
	for (;;) {
		struct sval a = sval_top();
		uint64_t r = rnd_next(s), base, len;

		base = r & 1 ? special[rnd_next(s) % (sizeof(special) / sizeof(special[0]))]
			     : rnd_next(s);
		base += rnd_mag(s) % 64 - 32; /* near the point */
		len = rnd_mag(s);
		switch (r >> 1 & 7) {
		case 0:
			return sval_const(base);
		case 1: /* unsigned interval */
		case 2:
			a.r.umin = base;
			a.r.umax = base + len < base ? UINT64_MAX : base + len;
			break;
		case 3: /* signed interval */
			a.r.smin = (int64_t)base;
			a.r.smax = (int64_t)(base + len) < (int64_t)base ? INT64_MAX
									 : (int64_t)(base + len);
			break;
		case 4: /* 32-bit intervals */
			a.r.u32_min = (uint32_t)base;
			a.r.u32_max = (uint32_t)base + (uint32_t)len < (uint32_t)base
					      ? UINT32_MAX
					      : (uint32_t)base + (uint32_t)len;
			a.tn = TNUM(0, rnd_next(s) & 1 ? UINT32_MAX : UINT64_MAX);
			break;
		default: /* a tnum, sometimes with an interval */
			a.tn.mask = rnd_next(s) & rnd_next(s);
			if (r & 256)
				a.tn.mask &= rnd_next(s);
			if (r & 512)
				a.tn.mask |= len;
			a.tn.value = base & ~a.tn.mask;
			if (r & 1024) {
				a.r.umin = base - (len >> 1);
				a.r.umax = base + (len >> 1);
				if (a.r.umin > a.r.umax)
					a.r = itv_top();
			}
			break;
		}
		a = sval_reduce(a);
		if (!sval_is_bottom(a))
			return a;
	}
}

uint64_t rnd_member(struct sval a, uint64_t *s)
{
	for (int tries = 0; tries < 32; tries++) {
		uint64_t r = rnd_next(s), x;

		switch (r & 3) {
		case 0: /* from the tnum */
			x = a.tn.value | (rnd_next(s) & a.tn.mask);
			break;
		case 1: /* from the unsigned range */
			x = a.r.umin + (a.r.umax - a.r.umin == UINT64_MAX
						? rnd_next(s)
						: rnd_next(s) % (a.r.umax - a.r.umin + 1));
			break;
		case 2: /* near a bound */
			x = (r & 4 ? a.r.umin : a.r.umax) + (r & 8 ? 1 : -1) * (rnd_mag(s) % 4);
			break;
		default:
			x = (uint64_t)(r & 4 ? a.r.smin : a.r.smax) +
			    (r & 8 ? 1 : -1) * (rnd_mag(s) % 4);
			break;
		}
		if (sval_contains(a, x))
			return x;
	}
	/* a reduced value's 64-bit bounds are members */
	return rnd_next(s) & 1 ? a.r.umin : a.r.umax;
}
