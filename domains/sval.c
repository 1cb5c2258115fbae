// SPDX-License-Identifier: MIT
/*
 * sval: a scalar, the reduced product of a tnum and the four interval views of
 * an itv. A value is a member when it is a member of both parts.
 *
 * Transfer functions compute every part independently from the operands (the
 * tnum with the tnum operator, each interval view from the same view of the
 * operands with exact wide arithmetic that is wrapped back only when the hull
 * does not straddle the view's wrap point), then sval_reduce() exchanges facts
 * until nothing changes, as Linux's reg_bounds_sync() does.
 *
 * Invariant of a reduced non-bottom value: every bound of the two 64-bit views
 * (umin, umax, smin, smax) is itself a member, so a reduced value that is not
 * bottom is never empty.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>

#include "sval.h"

#define SIGN64 (UINT64_C(1) << 63)
#define SIGN32 UINT64_C(0x80000000)
#define LOW32 UINT64_C(0xffffffff)
#define HIGH32 (~LOW32)
#define SVAL_REDUCE_MAX_ROUNDS 64

__extension__ typedef __int128 i128;

#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))

struct sval sval_top(void)
{
	return (struct sval){ .tn = tnum_top(), .r = itv_top() };
}

struct sval sval_bottom(void)
{
	return (struct sval){ .tn = tnum_bottom(), .r = itv_bottom() };
}

struct sval sval_const(uint64_t v)
{
	return (struct sval){ .tn = tnum_const(v), .r = itv_const(v) };
}

struct sval sval_urange(uint64_t lo, uint64_t hi)
{
	struct sval a = sval_top();

	a.r.umin = lo;
	a.r.umax = hi;
	return sval_reduce(a);
}

struct sval sval_srange(int64_t lo, int64_t hi)
{
	struct sval a = sval_top();

	a.r.smin = lo;
	a.r.smax = hi;
	return sval_reduce(a);
}

bool sval_is_bottom(struct sval a)
{
	return tnum_is_bottom(a.tn) || itv_is_bottom(a.r);
}

bool sval_is_const(struct sval a, uint64_t *v)
{
	if (sval_is_bottom(a) || !tnum_is_const(a.tn))
		return false;
	if (v)
		*v = a.tn.value;
	return true;
}

bool sval_eq(struct sval a, struct sval b)
{
	if (sval_is_bottom(a) || sval_is_bottom(b))
		return sval_is_bottom(a) && sval_is_bottom(b);
	return tnum_eq(a.tn, b.tn) && itv_eq(a.r, b.r);
}

bool sval_leq(struct sval a, struct sval b)
{
	if (sval_is_bottom(a))
		return true;
	if (sval_is_bottom(b))
		return false;
	return tnum_leq(a.tn, b.tn) && itv_leq(a.r, b.r);
}

bool sval_contains(struct sval a, uint64_t x)
{
	return tnum_contains(a.tn, x) && itv_contains(a.r, x);
}

/* ---- reduction ---- */

/*
 * Smallest member of @t that is >= v. Let h be the highest bit where v breaks
 * a known bit of t. If t wants a 1 there, set it and take the smallest tail;
 * if t wants a 0, the prefix above h must grow: set the lowest unknown bit
 * above h that v has clear, and take the smallest tail below it.
 * E.g. t = x0x0 (binary), v = 0110: h = 2, t wants 0, the unknown bit 3 is
 * set: 1000.
 */
static bool tn_next(struct tnum t, uint64_t v, uint64_t *out)
{
	uint64_t diff = (v & ~t.mask) ^ t.value, bh, below, cand, bp;
	int h;

	if (!diff) {
		*out = v;
		return true;
	}
	h = 63 - __builtin_clzll(diff);
	bh = UINT64_C(1) << h;
	below = bh - 1;
	if (t.value & bh) {
		/* (2 << 63) is 0 in unsigned arithmetic: no bits above 63 */
		*out = (v & ~((bh << 1) - 1)) | bh | (t.value & below);
		return true;
	}
	cand = t.mask & ~v & ~(below | bh);
	if (!cand)
		return false;
	bp = cand & -cand;
	*out = (v & ~((bp << 1) - 1)) | bp | (t.value & (bp - 1));
	return true;
}

/* Largest member of @t that is <= v: the mirror image under bitwise not */
static bool tn_prev(struct tnum t, uint64_t v, uint64_t *out)
{
	uint64_t r;

	if (!tn_next(TNUM(~t.value & ~t.mask, t.mask), ~v, &r))
		return false;
	*out = ~r;
	return true;
}

/* Flip the sign bit @sign: signed order becomes unsigned order */
static struct tnum tn_bias(struct tnum t, uint64_t sign)
{
	return TNUM(t.value ^ (sign & ~t.mask), t.mask);
}

/* Tighten each view's bounds to the nearest members of the tnum */
static bool reduce_from_tnum(struct sval *a)
{
	struct tnum t = a->tn, tb = tn_bias(a->tn, SIGN64);
	struct tnum t32 = tnum_subreg(a->tn), t32b = tn_bias(t32, SIGN32);
	uint64_t lo, hi;

	if (!tn_next(t, a->r.umin, &lo) || !tn_prev(t, a->r.umax, &hi) || lo > hi)
		return false;
	a->r.umin = lo;
	a->r.umax = hi;
	if (!tn_next(tb, (uint64_t)a->r.smin ^ SIGN64, &lo) ||
	    !tn_prev(tb, (uint64_t)a->r.smax ^ SIGN64, &hi) || lo > hi)
		return false;
	a->r.smin = (int64_t)(lo ^ SIGN64);
	a->r.smax = (int64_t)(hi ^ SIGN64);
	if (!tn_next(t32, a->r.u32_min, &lo) || !tn_prev(t32, a->r.u32_max, &hi) || lo > hi)
		return false;
	a->r.u32_min = (uint32_t)lo;
	a->r.u32_max = (uint32_t)hi;
	if (!tn_next(t32b, (uint32_t)a->r.s32_min ^ SIGN32, &lo) ||
	    !tn_prev(t32b, (uint32_t)a->r.s32_max ^ SIGN32, &hi) || lo > hi)
		return false;
	a->r.s32_min = (int32_t)(uint32_t)(lo ^ SIGN32);
	a->r.s32_max = (int32_t)(uint32_t)(hi ^ SIGN32);
	return true;
}

/* The common high bits of each view's bounds are known bits of the value */
static bool reduce_to_tnum(struct sval *a)
{
	struct tnum t = a->tn, r;

	t = tnum_meet(t, tnum_range(a->r.umin, a->r.umax));
	r = tnum_range((uint64_t)a->r.smin ^ SIGN64, (uint64_t)a->r.smax ^ SIGN64);
	t = tnum_meet(t, tn_bias(r, SIGN64));
	r = tnum_range(a->r.u32_min, a->r.u32_max);
	t = tnum_meet(t, TNUM(r.value, r.mask | HIGH32));
	r = tnum_range((uint32_t)a->r.s32_min ^ SIGN32, (uint32_t)a->r.s32_max ^ SIGN32);
	r = tn_bias(r, SIGN32);
	t = tnum_meet(t, TNUM(r.value, r.mask | HIGH32));
	a->tn = t;
	return !tnum_is_bottom(t);
}

struct sval sval_reduce(struct sval a)
{
	if (sval_is_bottom(a))
		return sval_bottom();
	for (int round = 0; round < SVAL_REDUCE_MAX_ROUNDS; round++) {
		struct sval prev = a;

		if (!reduce_from_tnum(&a))
			return sval_bottom();
		a.r = itv_sync(a.r); /* u64 <-> s64, 32 <-> 64, u32 <-> s32 */
		if (itv_is_bottom(a.r))
			return sval_bottom();
		if (!reduce_to_tnum(&a))
			return sval_bottom();
		if (sval_eq(a, prev))
			break;
	}
	return a;
}

static bool is_canonical_bottom(struct sval a)
{
	struct sval b = sval_bottom();

	return a.tn.value == b.tn.value && a.tn.mask == b.tn.mask && a.r.umin == b.r.umin &&
	       a.r.umax == b.r.umax && a.r.smin == b.r.smin && a.r.smax == b.r.smax &&
	       a.r.u32_min == b.r.u32_min && a.r.u32_max == b.r.u32_max &&
	       a.r.s32_min == b.r.s32_min && a.r.s32_max == b.r.s32_max;
}

int sval_check(struct sval a, char *why, size_t why_size)
{
	const char *msg = NULL;

	if (sval_is_bottom(a)) {
		if (!is_canonical_bottom(a))
			msg = "bottom is not the canonical bottom";
	} else if (a.r.umin > a.r.umax || a.r.smin > a.r.smax || a.r.u32_min > a.r.u32_max ||
		   a.r.s32_min > a.r.s32_max) {
		msg = "a range has min > max";
	} else if (!sval_eq(sval_reduce(a), a)) {
		msg = "value is not reduced";
	} else if (!sval_contains(a, a.r.umin) || !sval_contains(a, a.r.umax) ||
		   !sval_contains(a, (uint64_t)a.r.smin) || !sval_contains(a, (uint64_t)a.r.smax)) {
		msg = "a 64-bit bound is not a member";
	}
	if (!msg)
		return 0;
	if (why && why_size) {
		char buf[256];

		sval_snprint(buf, sizeof(buf), a);
		snprintf(why, why_size, "%s: %s", msg, buf);
	}
	return -1;
}

struct sval sval_join(struct sval a, struct sval b)
{
	if (sval_is_bottom(a))
		return sval_is_bottom(b) ? sval_bottom() : b;
	if (sval_is_bottom(b))
		return a;
	return sval_reduce((struct sval){ .tn = tnum_join(a.tn, b.tn), .r = itv_join(a.r, b.r) });
}

struct sval sval_meet(struct sval a, struct sval b)
{
	return sval_reduce((struct sval){ .tn = tnum_meet(a.tn, b.tn), .r = itv_meet(a.r, b.r) });
}

/*
 * Joining tnums climbs one bit per iteration (0..1, 0..3, 0..7, ...), and the
 * reduction would pull every widened interval bound back under the tnum's
 * maximum. So once a bit becomes unknown, every bit above it does too; the
 * known low bits (alignment) stay. E.g. (0x0; 0x1c) then (0x0; 0x3c) widens to
 * (0x0; 0xfffffffffffffffc).
 */
static struct tnum tnum_widen(struct tnum prev, struct tnum next)
{
	struct tnum t = tnum_join(prev, next);
	uint64_t grown = t.mask & ~prev.mask, keep;

	if (!grown)
		return t;
	keep = (grown & -grown) - 1;
	return TNUM(t.value & keep, t.mask | ~keep);
}

struct sval sval_widen(struct sval prev, struct sval next, const uint64_t *thr, size_t thr_cnt)
{
	if (sval_is_bottom(prev))
		return sval_is_bottom(next) ? sval_bottom() : next;
	if (sval_is_bottom(next))
		return prev;
	return sval_reduce((struct sval){ .tn = tnum_widen(prev.tn, next.tn),
					  .r = itv_widen(prev.r, next.r, thr, thr_cnt) });
}

struct sval sval_narrow(struct sval wide, struct sval next)
{
	if (sval_is_bottom(wide) || sval_is_bottom(next))
		return sval_bottom();
	return sval_reduce((struct sval){ .tn = tnum_meet(wide.tn, next.tn),
					  .r = itv_narrow(wide.r, next.r) });
}

/* ---- concrete semantics (constant folding) ---- */

static uint64_t sext_w(uint64_t x, unsigned width)
{
	uint64_t sign;

	if (width >= 64)
		return x;
	sign = UINT64_C(1) << (width - 1);
	x &= (sign << 1) - 1;
	return (x ^ sign) - sign;
}

static uint64_t asr64(uint64_t x, unsigned shift)
{
	uint64_t r = x >> shift;

	if ((x & SIGN64) && shift)
		r |= ~(~UINT64_C(0) >> shift);
	return r;
}

/* RFC 9669 section 4.1, operands and result masked to the width */
static uint64_t alu_concrete(enum sval_op op, uint64_t x, uint64_t y, bool is64)
{
	unsigned w = is64 ? 64 : 32;
	uint64_t wm = is64 ? ~UINT64_C(0) : LOW32, r = 0;
	int64_t sx, sy;

	x &= wm;
	y &= wm;
	sx = (int64_t)sext_w(x, w);
	sy = (int64_t)sext_w(y, w);
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
		r = y ? x / y : 0;
		break;
	case SVAL_SDIV:
		if (sy == 0)
			r = 0;
		else if (sy == -1)
			r = (uint64_t)0 - x; /* INT_MIN / -1 wraps to INT_MIN */
		else
			r = (uint64_t)(sx / sy);
		break;
	case SVAL_OR:
		r = x | y;
		break;
	case SVAL_AND:
		r = x & y;
		break;
	case SVAL_LSH:
		r = x << (y & (w - 1));
		break;
	case SVAL_RSH:
		r = x >> (y & (w - 1));
		break;
	case SVAL_NEG:
		r = (uint64_t)0 - x;
		break;
	case SVAL_MOD:
		r = y ? x % y : x;
		break;
	case SVAL_SMOD:
		if (sy == 0)
			r = x;
		else if (sy == -1)
			r = 0;
		else
			r = (uint64_t)(sx % sy);
		break;
	case SVAL_XOR:
		r = x ^ y;
		break;
	case SVAL_MOV:
		r = y;
		break;
	case SVAL_ARSH:
		r = asr64((uint64_t)sx, (unsigned)(y & (w - 1)));
		break;
	case SVAL_OP_CNT:
		break;
	}
	return r & wm;
}

/* ---- interval views ---- */

enum view { V_U64, V_S64, V_U32, V_S32, V_CNT };

static unsigned view_width(int v)
{
	return v >= V_U32 ? 32 : 64;
}

static bool view_signed(int v)
{
	return v == V_S64 || v == V_S32;
}

static void view_get(const struct itv *r, int v, i128 *lo, i128 *hi)
{
	switch (v) {
	case V_U64:
		*lo = r->umin;
		*hi = r->umax;
		break;
	case V_S64:
		*lo = r->smin;
		*hi = r->smax;
		break;
	case V_U32:
		*lo = r->u32_min;
		*hi = r->u32_max;
		break;
	default:
		*lo = r->s32_min;
		*hi = r->s32_max;
		break;
	}
}

/* @lo and @hi must be representable in the view */
static void view_set(struct itv *r, int v, i128 lo, i128 hi)
{
	switch (v) {
	case V_U64:
		r->umin = (uint64_t)lo;
		r->umax = (uint64_t)hi;
		break;
	case V_S64:
		r->smin = (int64_t)lo;
		r->smax = (int64_t)hi;
		break;
	case V_U32:
		r->u32_min = (uint32_t)lo;
		r->u32_max = (uint32_t)hi;
		break;
	default:
		r->s32_min = (int32_t)lo;
		r->s32_max = (int32_t)hi;
		break;
	}
}

/*
 * Map the exact interval [*lo, *hi] into the view modulo 2^w. Fine when the
 * interval is shorter than 2^w and its image does not cross the view's wrap
 * point; false (nothing known) otherwise. E.g. u64 [2^64 - 1, 2^64 + 1] wraps
 * across 0 and gives false; [2^64, 2^64 + 1] gives [0, 1].
 */
static bool view_wrap(int v, i128 *lo, i128 *hi)
{
	unsigned w = view_width(v);
	i128 m = (i128)1 << w, d, l, h;

	if (__builtin_sub_overflow(*hi, *lo, &d) || d >= m)
		return false;
	l = *lo & (m - 1);
	h = *hi & (m - 1);
	if (view_signed(v)) {
		if (l >= m / 2)
			l -= m;
		if (h >= m / 2)
			h -= m;
	}
	if (l > h)
		return false;
	*lo = l;
	*hi = h;
	return true;
}

/* All bits below the highest set bit of @x (x < 2^64) set */
static i128 fill_bits(i128 x)
{
	uint64_t u = (uint64_t)x;

	return u ? (i128)(~UINT64_C(0) >> __builtin_clzll(u)) : 0;
}

static bool corners(i128 al, i128 ah, i128 bl, i128 bh, i128 *lo, i128 *hi)
{
	i128 p[4];

	if (__builtin_mul_overflow(al, bl, &p[0]) || __builtin_mul_overflow(al, bh, &p[1]) ||
	    __builtin_mul_overflow(ah, bl, &p[2]) || __builtin_mul_overflow(ah, bh, &p[3]))
		return false;
	*lo = *hi = p[0];
	for (int i = 1; i < 4; i++) {
		*lo = MIN(*lo, p[i]);
		*hi = MAX(*hi, p[i]);
	}
	return true;
}

/* Hull of trunc(x / d) for x in [al, ah], d in [dl, dh], 0 not in [dl, dh]:
 * monotone in each argument on that box, so the corners bound it */
static void div_corners(i128 al, i128 ah, i128 dl, i128 dh, i128 *lo, i128 *hi)
{
	i128 q[4] = { al / dl, al / dh, ah / dl, ah / dh };

	*lo = *hi = q[0];
	for (int i = 1; i < 4; i++) {
		*lo = MIN(*lo, q[i]);
		*hi = MAX(*hi, q[i]);
	}
}

static bool sdiv_range(unsigned w, i128 al, i128 ah, i128 bl, i128 bh, i128 *lo, i128 *hi)
{
	i128 smax = ((i128)1 << (w - 1)) - 1, l, h;
	bool any = false;

	if (bl <= 0 && bh >= 0) {
		*lo = *hi = 0; /* x / 0 = 0 */
		any = true;
	}
	if (bl <= -1) {
		div_corners(al, ah, bl, MIN(bh, -1), &l, &h);
		*lo = any ? MIN(*lo, l) : l;
		*hi = any ? MAX(*hi, h) : h;
		any = true;
	}
	if (bh >= 1) {
		div_corners(al, ah, MAX(bl, 1), bh, &l, &h);
		*lo = any ? MIN(*lo, l) : l;
		*hi = any ? MAX(*hi, h) : h;
		any = true;
	}
	/* only INT_MIN / -1 exceeds INT_MAX, and it wraps to INT_MIN */
	if (*hi > smax) {
		*hi = smax;
		*lo = -smax - 1;
	}
	return any;
}

static void smod_range(i128 al, i128 ah, i128 bl, i128 bh, i128 *lo, i128 *hi)
{
	i128 m = 0, minabs;

	if (bl == 0 && bh == 0) {
		*lo = al; /* x % 0 = x */
		*hi = ah;
		return;
	}
	if (bl < 0)
		m = -bl;
	if (bh > 0)
		m = MAX(m, bh);
	/* |r| < |divisor|, |r| <= |x|, r has the sign of x (or is 0) */
	*lo = al < 0 ? MAX(al, -(m - 1)) : 0;
	*hi = ah > 0 ? MIN(ah, m - 1) : 0;
	if (bl > 0 || bh < 0) {
		minabs = bl > 0 ? bl : -bh;
		if (-minabs < al && ah < minabs) {
			*lo = al; /* every dividend is already smaller than every divisor */
			*hi = ah;
		}
	} else {
		*lo = MIN(*lo, al); /* a zero divisor leaves x */
		*hi = MAX(*hi, ah);
	}
}

/*
 * The result interval of @op in view @v; false when nothing is known in that
 * view. For shifts, [bl, bh] is the single masked shift amount.
 */
static bool view_op(enum sval_op op, int v, i128 al, i128 ah, i128 bl, i128 bh, i128 *lo, i128 *hi)
{
	unsigned w = view_width(v);
	bool s = view_signed(v);
	i128 smin = -((i128)1 << (w - 1));

	switch (op) {
	case SVAL_ADD:
		*lo = al + bl;
		*hi = ah + bh;
		break;
	case SVAL_SUB:
		*lo = al - bh;
		*hi = ah - bl;
		break;
	case SVAL_NEG:
		*lo = -ah;
		*hi = -al;
		break;
	case SVAL_MUL:
		if (!corners(al, ah, bl, bh, lo, hi))
			return false;
		break;
	case SVAL_MOV:
		*lo = bl;
		*hi = bh;
		break;
	case SVAL_LSH:
		if (!corners(al, ah, (i128)1 << (int)bl, (i128)1 << (int)bl, lo, hi))
			return false;
		break;
	case SVAL_RSH:
		if (s)
			return false;
		*lo = al >> (int)bl;
		*hi = ah >> (int)bl;
		break;
	case SVAL_ARSH:
		if (!s)
			return false;
		/* floor division by 2^k, written without >> on negative numbers */
		*lo = al >= 0 ? al >> (int)bl : -((-al - 1) >> (int)bl) - 1;
		*hi = ah >= 0 ? ah >> (int)bl : -((-ah - 1) >> (int)bl) - 1;
		break;
	case SVAL_DIV:
		if (s)
			return false;
		if (bh == 0) {
			*lo = *hi = 0;
			break;
		}
		*lo = bl == 0 ? 0 : al / bh;
		*hi = ah / MAX(bl, 1);
		break;
	case SVAL_MOD:
		if (s)
			return false;
		if (bh == 0 || ah < bl) {
			*lo = al;
			*hi = ah;
		} else if (bl == bh && ah - al < bl && al % bl <= ah % bl) {
			*lo = al % bl; /* one period of the constant divisor */
			*hi = ah % bl;
		} else if (bl == 0) {
			*lo = 0;
			*hi = ah;
		} else {
			*lo = 0;
			*hi = MIN(ah, bh - 1);
		}
		break;
	case SVAL_SDIV:
		if (!s || !sdiv_range(w, al, ah, bl, bh, lo, hi))
			return false;
		break;
	case SVAL_SMOD:
		if (!s)
			return false;
		smod_range(al, ah, bl, bh, lo, hi);
		break;
	case SVAL_AND:
		if (al >= 0 && bl >= 0) {
			*lo = 0;
			*hi = MIN(ah, bh);
		} else if (al >= 0) {
			*lo = 0;
			*hi = ah;
		} else if (bl >= 0) {
			*lo = 0;
			*hi = bh;
		} else if (ah < 0 && bh < 0) {
			*lo = smin; /* two negatives: negative, at most the smaller */
			*hi = MIN(ah, bh);
		} else {
			return false;
		}
		break;
	case SVAL_OR:
		if (al >= 0 && bl >= 0) {
			*lo = MAX(al, bl);
			*hi = fill_bits(MAX(ah, bh));
		} else if (ah < 0 && bh < 0) {
			*lo = MAX(al, bl);
			*hi = -1;
		} else if (ah < 0) {
			*lo = al; /* or only sets bits: stays negative and >= a */
			*hi = -1;
		} else if (bh < 0) {
			*lo = bl;
			*hi = -1;
		} else {
			return false;
		}
		break;
	case SVAL_XOR:
		if (al >= 0 && bl >= 0) {
			*lo = 0;
			*hi = fill_bits(MAX(ah, bh));
		} else if (ah < 0 && bh < 0) {
			*lo = 0; /* x ^ y = ~x ^ ~y, both non-negative */
			*hi = fill_bits(MAX(-al - 1, -bl - 1));
		} else if (ah < 0 && bl >= 0) {
			*lo = -fill_bits(MAX(-al - 1, bh)) - 1; /* x ^ y = ~(~x ^ y) */
			*hi = -1;
		} else if (bh < 0 && al >= 0) {
			*lo = -fill_bits(MAX(-bl - 1, ah)) - 1;
			*hi = -1;
		} else {
			return false;
		}
		break;
	default:
		return false;
	}
	return view_wrap(v, lo, hi);
}

/* Operations whose low 32 result bits depend only on the low 32 operand bits */
static bool op_low_closed(enum sval_op op)
{
	switch (op) {
	case SVAL_ADD:
	case SVAL_SUB:
	case SVAL_MUL:
	case SVAL_NEG:
	case SVAL_MOV:
	case SVAL_LSH:
	case SVAL_AND:
	case SVAL_OR:
	case SVAL_XOR:
		return true;
	default:
		return false;
	}
}

static bool op_is_shift(enum sval_op op)
{
	return op == SVAL_LSH || op == SVAL_RSH || op == SVAL_ARSH;
}

/* Zero-extended low 32 bits: the operand of a 32-bit ALU op, and its result */
static struct sval zext32(struct sval a)
{
	if (sval_is_bottom(a))
		return sval_bottom();
	a.tn = tnum_subreg(a.tn);
	a.r.umin = a.r.u32_min;
	a.r.umax = a.r.u32_max;
	a.r.smin = a.r.u32_min;
	a.r.smax = a.r.u32_max;
	return sval_reduce(a);
}

static struct tnum tnum_op(enum sval_op op, struct tnum a, struct tnum b, unsigned w, unsigned k)
{
	switch (op) {
	case SVAL_ADD:
		return tnum_add(a, b);
	case SVAL_SUB:
		return tnum_sub(a, b);
	case SVAL_MUL:
		return tnum_mul(a, b);
	case SVAL_DIV:
		return tnum_udiv(a, b);
	case SVAL_SDIV:
		return tnum_sdiv(a, b, w);
	case SVAL_OR:
		return tnum_or(a, b);
	case SVAL_AND:
		return tnum_and(a, b);
	case SVAL_LSH:
		return tnum_lshift(a, k);
	case SVAL_RSH:
		return tnum_rshift(a, k);
	case SVAL_NEG:
		return tnum_neg(a);
	case SVAL_MOD:
		return tnum_umod(a, b);
	case SVAL_SMOD:
		return tnum_smod(a, b, w);
	case SVAL_XOR:
		return tnum_xor(a, b);
	case SVAL_MOV:
		return b;
	case SVAL_ARSH:
		return tnum_arshift(a, k, w);
	default:
		return tnum_top();
	}
}

/*
 * Unreduced result of @op; for !is64 @a and @b are already zero-extended. For
 * shifts @b is ignored and @k is the (masked) amount.
 */
static struct sval alu_raw(enum sval_op op, struct sval a, struct sval b, bool is64, unsigned k)
{
	struct sval r = sval_top();
	unsigned w = is64 ? 64 : 32;
	int first = is64 ? V_U64 : V_U32;
	int last = is64 && !op_low_closed(op) ? V_S64 : V_S32;

	r.tn = tnum_op(op, a.tn, b.tn, w, k);
	if (!is64)
		r.tn = tnum_subreg(r.tn);
	for (int v = first; v <= last; v++) {
		i128 al, ah, bl, bh, lo, hi;

		view_get(&a.r, v, &al, &ah);
		view_get(&b.r, v, &bl, &bh);
		if (op_is_shift(op))
			bl = bh = k;
		if (view_op(op, v, al, ah, bl, bh, &lo, &hi))
			view_set(&r.r, v, lo, hi);
	}
	if (!is64) {
		r.r.umin = 0;
		r.r.umax = LOW32;
		r.r.smin = 0;
		r.r.smax = (int64_t)LOW32;
	}
	return r;
}

/* Is the low @w bits of @a a known constant */
static bool const_at(struct sval a, bool is64, uint64_t *v)
{
	struct tnum t = is64 ? a.tn : tnum_subreg(a.tn);

	if (!tnum_is_const(t))
		return false;
	*v = t.value;
	return true;
}

struct sval sval_alu(enum sval_op op, struct sval a, struct sval b, bool is64)
{
	uint64_t x = 0, y = 0, wm = is64 ? ~UINT64_C(0) : LOW32;
	struct sval r;

	if (op == SVAL_MOV)
		a = sval_const(0); /* only @b matters */
	if (op == SVAL_NEG)
		b = sval_const(0);
	if (sval_is_bottom(a) || sval_is_bottom(b) || op >= SVAL_OP_CNT)
		return sval_bottom();
	if (op == SVAL_MOV && is64)
		return sval_reduce(b);
	if (!is64) {
		a = zext32(a);
		b = zext32(b);
	}
	if (const_at(a, is64, &x) && const_at(b, is64, &y))
		return sval_const(alu_concrete(op, x, y, is64));
	if (!op_is_shift(op))
		return sval_reduce(alu_raw(op, a, b, is64, 0));

	/* shifts: the join over every amount the masked shift operand admits */
	{
		struct tnum amt = tnum_and(b.tn, tnum_const(wm == LOW32 ? 31 : 63));
		uint64_t lo = 0, hi = is64 ? 63 : 31;
		struct itv top_r = alu_raw(SVAL_MOV, a, sval_top(), is64, 0).r;

		if (is64 && b.r.umax <= 63) {
			lo = b.r.umin;
			hi = b.r.umax;
		} else if (!is64 && b.r.u32_max <= 31) {
			lo = b.r.u32_min;
			hi = b.r.u32_max;
		}
		r = sval_bottom();
		for (uint64_t k = lo; k <= hi; k++) {
			struct sval one;

			if (!tnum_contains(amt, k))
				continue;
			one = alu_raw(op, a, b, is64, (unsigned)k);
			r.tn = tnum_join(r.tn, one.tn);
			r.r = itv_join(r.r, one.r);
			if (r.tn.mask == wm && itv_eq(r.r, top_r))
				break; /* nothing left to learn */
		}
		return sval_reduce(r);
	}
}

struct sval sval_trunc(struct sval a, unsigned bytes)
{
	struct sval r = sval_top();
	uint64_t lo, hi;

	if (bytes >= 8)
		return sval_reduce(a);
	if (sval_is_bottom(a) || !itv_low_urange(a.r, bytes * 8, &lo, &hi))
		return sval_bottom();
	if (bytes == 4)
		return zext32(a);
	r.tn = tnum_trunc(a.tn, bytes);
	r.r.umin = lo;
	r.r.umax = hi;
	r.r.smin = (int64_t)lo;
	r.r.smax = (int64_t)hi;
	return sval_reduce(r);
}

struct sval sval_movsx(struct sval a, unsigned bits, bool is64)
{
	struct sval r = sval_top();
	int64_t lo, hi;

	if (sval_is_bottom(a) || !itv_low_srange(a.r, bits, &lo, &hi))
		return sval_bottom();
	r.tn = tnum_sext(a.tn, bits);
	r.r.smin = lo;
	r.r.smax = hi;
	r = sval_reduce(r);
	return is64 ? r : zext32(r);
}

struct sval sval_sext(struct sval a, unsigned bytes)
{
	if (bytes >= 8)
		return sval_reduce(a);
	return sval_movsx(a, bytes * 8, true);
}

struct sval sval_bswap(struct sval a, unsigned bits)
{
	struct sval r = sval_top();

	if (sval_is_bottom(a))
		return sval_bottom();
	r.tn = tnum_bswap(a.tn, bits);
	if (bits < 64) {
		r.r.umax = (UINT64_C(1) << bits) - 1;
		r.r.smin = 0;
	}
	return sval_reduce(r);
}

struct sval sval_zext_bits(struct sval a, unsigned bits)
{
	return sval_trunc(a, bits / 8);
}

/* ---- branches ---- */

enum sval_cmp sval_cmp_negate(enum sval_cmp op)
{
	switch (op) {
	case SVAL_JEQ:
		return SVAL_JNE;
	case SVAL_JNE:
		return SVAL_JEQ;
	case SVAL_JGT:
		return SVAL_JLE;
	case SVAL_JGE:
		return SVAL_JLT;
	case SVAL_JLT:
		return SVAL_JGE;
	case SVAL_JLE:
		return SVAL_JGT;
	case SVAL_JSGT:
		return SVAL_JSLE;
	case SVAL_JSGE:
		return SVAL_JSLT;
	case SVAL_JSLT:
		return SVAL_JSGE;
	case SVAL_JSLE:
		return SVAL_JSGT;
	default:
		return SVAL_CMP_CNT;
	}
}

/* One operand at the compare's width: unsigned and signed bounds and the tnum
 * (for 32 bits: sign-extended signed bounds and the zero-extended low tnum) */
struct wview {
	uint64_t umin, umax;
	int64_t smin, smax;
	struct tnum tn;
};

static struct wview wv_get(struct sval a, bool is64)
{
	if (is64)
		return (struct wview){ a.r.umin, a.r.umax, a.r.smin, a.r.smax, a.tn };
	return (struct wview){ a.r.u32_min, a.r.u32_max, a.r.s32_min, a.r.s32_max,
			       tnum_subreg(a.tn) };
}

static bool wv_empty(const struct wview *v)
{
	return v->umin > v->umax || v->smin > v->smax || tnum_is_bottom(v->tn);
}

static struct sval wv_put(struct sval a, const struct wview *v, bool is64)
{
	if (wv_empty(v))
		return sval_bottom();
	if (is64) {
		a.r.umin = v->umin;
		a.r.umax = v->umax;
		a.r.smin = v->smin;
		a.r.smax = v->smax;
		a.tn = tnum_meet(a.tn, v->tn);
	} else {
		a.r.u32_min = (uint32_t)v->umin;
		a.r.u32_max = (uint32_t)v->umax;
		a.r.s32_min = (int32_t)v->smin;
		a.r.s32_max = (int32_t)v->smax;
		a.tn = tnum_meet(a.tn, TNUM(v->tn.value, v->tn.mask | HIGH32));
	}
	return sval_reduce(a);
}

/* Remove the single value @c (at the width) where that trims a bound:
 * x != umin gives umin + 1, as the kernel does */
static void wv_ne_const(struct wview *v, uint64_t c, bool is64)
{
	int64_t sc = (int64_t)sext_w(c, is64 ? 64 : 32);

	if ((v->umin == c && v->umax == c) || (v->smin == sc && v->smax == sc)) {
		v->umin = 1;
		v->umax = 0; /* empty */
		return;
	}
	if (v->umin == c)
		v->umin++;
	else if (v->umax == c)
		v->umax--;
	if (v->smin == sc && v->smax > sc)
		v->smin++;
	else if (v->smax == sc && v->smin < sc)
		v->smax--;
}

static bool wv_const(const struct wview *v, uint64_t *c)
{
	if (tnum_is_const(v->tn)) {
		*c = v->tn.value;
		return true;
	}
	if (v->umin == v->umax) {
		*c = v->umin;
		return true;
	}
	return false;
}

static bool is_pow2(uint64_t x)
{
	return x && !(x & (x - 1));
}

/* a < b (strict) or a <= b, unsigned or signed */
static bool wv_lt(struct wview *a, struct wview *b, bool strict, bool is_signed, bool is64)
{
	if (!is_signed) {
		uint64_t umax = is64 ? UINT64_MAX : LOW32;

		if (strict && (b->umax == 0 || a->umin == umax))
			return false;
		a->umax = MIN(a->umax, b->umax - strict);
		b->umin = MAX(b->umin, a->umin + strict);
	} else {
		int64_t smin = is64 ? INT64_MIN : INT32_MIN, smax = is64 ? INT64_MAX : INT32_MAX;

		if (strict && (b->smax == smin || a->smin == smax))
			return false;
		a->smax = MIN(a->smax, b->smax - strict);
		b->smin = MAX(b->smin, a->smin + strict);
	}
	return !wv_empty(a) && !wv_empty(b);
}

static bool refine_wv(enum sval_cmp op, bool holds, struct wview *a, struct wview *b, bool is64)
{
	uint64_t wm = is64 ? ~UINT64_C(0) : LOW32, c, ones;

	if (!holds) {
		if (op != SVAL_JSET)
			return refine_wv(sval_cmp_negate(op), true, a, b, is64);
		/* (a & b) == 0: a bit known 1 in one operand is 0 in the other */
		a->tn = tnum_meet(a->tn, TNUM(0, wm & ~b->tn.value));
		b->tn = tnum_meet(b->tn, TNUM(0, wm & ~a->tn.value));
		return !wv_empty(a) && !wv_empty(b);
	}
	switch (op) {
	case SVAL_JEQ:
		a->umin = b->umin = MAX(a->umin, b->umin);
		a->umax = b->umax = MIN(a->umax, b->umax);
		a->smin = b->smin = MAX(a->smin, b->smin);
		a->smax = b->smax = MIN(a->smax, b->smax);
		a->tn = b->tn = tnum_meet(a->tn, b->tn);
		break;
	case SVAL_JNE:
		if (wv_const(b, &c))
			wv_ne_const(a, c, is64);
		if (wv_const(a, &c))
			wv_ne_const(b, c, is64);
		break;
	case SVAL_JLT:
		return wv_lt(a, b, true, false, is64);
	case SVAL_JLE:
		return wv_lt(a, b, false, false, is64);
	case SVAL_JGT:
		return wv_lt(b, a, true, false, is64);
	case SVAL_JGE:
		return wv_lt(b, a, false, false, is64);
	case SVAL_JSLT:
		return wv_lt(a, b, true, true, is64);
	case SVAL_JSLE:
		return wv_lt(a, b, false, true, is64);
	case SVAL_JSGT:
		return wv_lt(b, a, true, true, is64);
	case SVAL_JSGE:
		return wv_lt(b, a, false, true, is64);
	case SVAL_JSET:
		if (tnum_is_const(tnum_and(a->tn, b->tn)) && tnum_and(a->tn, b->tn).value == 0)
			return false;
		/* both operands are non-zero */
		wv_ne_const(a, 0, is64);
		wv_ne_const(b, 0, is64);
		/* if only one bit of b can be set, it is set, and set in a too */
		ones = b->tn.value | b->tn.mask;
		if (is_pow2(ones)) {
			a->tn = tnum_meet(a->tn, TNUM(ones, wm & ~ones));
			b->tn = tnum_meet(b->tn, tnum_const(ones));
		}
		ones = a->tn.value | a->tn.mask;
		if (is_pow2(ones)) {
			b->tn = tnum_meet(b->tn, TNUM(ones, wm & ~ones));
			a->tn = tnum_meet(a->tn, tnum_const(ones));
		}
		break;
	default:
		return false;
	}
	return !wv_empty(a) && !wv_empty(b);
}

static bool refine(enum sval_cmp op, bool holds, bool is64, struct sval *a, struct sval *b)
{
	struct sval ra = *a, rb = *b;
	struct wview va, vb;

	if (sval_is_bottom(ra) || sval_is_bottom(rb) || op >= SVAL_CMP_CNT)
		return false;
	if (op == SVAL_JEQ && holds && is64) {
		ra = sval_meet(ra, rb); /* every view at once */
		if (sval_is_bottom(ra))
			return false;
		*a = *b = ra;
		return true;
	}
	va = wv_get(ra, is64);
	vb = wv_get(rb, is64);
	if (!refine_wv(op, holds, &va, &vb, is64))
		return false;
	ra = wv_put(ra, &va, is64);
	rb = wv_put(rb, &vb, is64);
	if (sval_is_bottom(ra) || sval_is_bottom(rb))
		return false;
	*a = ra;
	*b = rb;
	return true;
}

bool sval_refine(enum sval_cmp op, bool is64, struct sval *a, struct sval *b)
{
	return refine(op, true, is64, a, b);
}

bool sval_refine_not(enum sval_cmp op, bool is64, struct sval *a, struct sval *b)
{
	return refine(op, false, is64, a, b);
}

int sval_branch_taken(enum sval_cmp op, bool is64, struct sval a, struct sval b)
{
	struct sval ta = a, tb = b, fa = a, fb = b;
	bool can_true, can_false;

	if (sval_is_bottom(a) || sval_is_bottom(b) || op >= SVAL_CMP_CNT)
		return -1;
	can_true = refine(op, true, is64, &ta, &tb);
	can_false = refine(op, false, is64, &fa, &fb);
	if (can_true && !can_false)
		return 1;
	if (!can_true && can_false)
		return 0;
	return -1;
}

/* ---- printing ---- */

struct sbuf {
	char *buf;
	size_t size, len;
};

__attribute__((format(printf, 2, 3))) static void sbuf_add(struct sbuf *s, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(s->len < s->size ? s->buf + s->len : NULL,
		      s->len < s->size ? s->size - s->len : 0, fmt, ap);
	va_end(ap);
	if (n > 0)
		s->len += (size_t)n;
}

/* The kernel prints small numbers in decimal, others in hex (0 prints as 0x0) */
static void sbuf_snum(struct sbuf *s, uint64_t v)
{
	if ((int64_t)v >= -32768 && (int64_t)v <= 32767)
		sbuf_add(s, "%" PRId64, (int64_t)v);
	else
		sbuf_add(s, "0x%" PRIx64, v);
}

static void sbuf_unum(struct sbuf *s, uint64_t v)
{
	if (v <= 65535)
		sbuf_add(s, "%" PRIu64, v);
	else
		sbuf_add(s, "0x%" PRIx64, v);
}

static uint64_t s32_print_val(int32_t v)
{
	/* decimal values are sign-extended, hex ones are not (kernel log.c) */
	if (v >= -32768 && v <= 32767)
		return (uint64_t)(int64_t)v;
	return (uint32_t)v;
}

/*
 * Fields in the kernel's order; each field that is not its type's default
 * prints once, and later fields of the same kind (min with min, max with max)
 * holding the same value (and, for signed ones, the same sign) are folded into
 * it: "smin=umin=smin32=umin32=1".
 */
static void print_ranges(struct sbuf *s, struct itv r)
{
	struct {
		const char *name;
		uint64_t val;
		bool omit;
	} f[] = {
		{ "smin", (uint64_t)r.smin, r.smin == INT64_MIN },
		{ "smax", (uint64_t)r.smax, r.smax == INT64_MAX },
		{ "umin", r.umin, r.umin == 0 },
		{ "umax", r.umax, r.umax == UINT64_MAX },
		{ "smin32", s32_print_val(r.s32_min), r.s32_min == INT32_MIN },
		{ "smax32", s32_print_val(r.s32_max), r.s32_max == INT32_MAX },
		{ "umin32", r.u32_min, r.u32_min == 0 },
		{ "umax32", r.u32_max, r.u32_max == UINT32_MAX },
	};
	size_t n = sizeof(f) / sizeof(f[0]);
	const char *sep = "";

	for (size_t i = 0; i < n; i++) {
		bool neg1;

		if (f[i].omit)
			continue;
		neg1 = f[i].name[0] == 's' && (int64_t)f[i].val < 0;
		sbuf_add(s, "%s%s=", sep, f[i].name);
		sep = ",";
		for (size_t j = i + 2; j < n; j += 2) {
			bool neg2 = f[j].name[0] == 's' && (int64_t)f[j].val < 0;

			if (f[j].omit || f[j].val != f[i].val || neg2 != neg1)
				continue;
			f[j].omit = true;
			sbuf_add(s, "%s=", f[j].name);
		}
		if (f[i].name[0] == 's')
			sbuf_snum(s, f[i].val);
		else
			sbuf_unum(s, f[i].val);
	}
}

int sval_snprint(char *buf, size_t size, struct sval a)
{
	struct sbuf s = { buf, size, 0 };
	uint64_t v;

	if (size)
		buf[0] = '\0';
	if (sval_is_bottom(a)) {
		sbuf_add(&s, "bottom");
	} else if (sval_is_const(a, &v)) {
		sbuf_snum(&s, v);
	} else {
		size_t before;

		sbuf_add(&s, "scalar(");
		before = s.len;
		print_ranges(&s, a.r);
		if (a.tn.mask != ~UINT64_C(0))
			sbuf_add(&s, "%svar_off=(0x%" PRIx64 "; 0x%" PRIx64 ")",
				 s.len > before ? "," : "", a.tn.value, a.tn.mask);
		sbuf_add(&s, ")");
	}
	return (int)s.len;
}

int sval_snprint_compact(char *buf, size_t size, struct sval a)
{
	struct sbuf s = { buf, size, 0 };
	struct tnum range_tn;
	uint64_t v;

	if (size)
		buf[0] = '\0';
	if (sval_is_bottom(a)) {
		sbuf_add(&s, "bottom");
		return (int)s.len;
	}
	if (sval_is_const(a, &v)) {
		if (v <= INT64_MAX)
			sbuf_add(&s, "%" PRIu64, v);
		else
			sbuf_add(&s, "%" PRId64, (int64_t)v);
		return (int)s.len;
	}
	/* the signed view when it is the narrower one (ranges across -1/0) */
	if (a.r.umax > INT64_MAX &&
	    (a.r.smax < 0 || (uint64_t)a.r.smax - (uint64_t)a.r.smin < a.r.umax - a.r.umin)) {
		sbuf_add(&s, "[%" PRId64 ", %" PRId64 "]", a.r.smin, a.r.smax);
		range_tn = tnum_range((uint64_t)a.r.smin ^ SIGN64, (uint64_t)a.r.smax ^ SIGN64);
		range_tn = tn_bias(range_tn, SIGN64);
	} else {
		sbuf_add(&s, "[%" PRIu64 ", %" PRIu64 "]", a.r.umin, a.r.umax);
		range_tn = tnum_range(a.r.umin, a.r.umax);
	}
	if (!tnum_eq(a.tn, range_tn))
		sbuf_add(&s, " & (0x%" PRIx64 "; 0x%" PRIx64 ")", a.tn.value, a.tn.mask);
	return (int)s.len;
}
