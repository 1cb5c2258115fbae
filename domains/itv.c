// SPDX-License-Identifier: MIT
/*
 * itv: four interval views of one set of 64-bit values: unsigned and signed
 * 64-bit, unsigned and signed over the low 32 bits. Each view is an ordinary
 * (non-wrapping) interval in its own order; a value belongs to the itv when it
 * lies in all four.
 *
 * Signed views are handled as unsigned ones after flipping the sign bit
 * ("biased" coordinates: x ^ 2^(w-1) orders signed values as unsigned ones).
 * An interval of one view seen in another view's order is an arc of the
 * 2^w circle (start, length); arc_meet() intersects an interval with an arc and
 * keeps the hull, which is the exchange step of itv_sync().
 */
#include <inttypes.h>
#include <stdio.h>

#include "itv.h"

#define SIGN64 (UINT64_C(1) << 63)
#define SIGN32 UINT32_C(0x80000000)
#define ITV_SYNC_MAX_ROUNDS 64

struct itv itv_top(void)
{
	return (struct itv){ .umin = 0,
			     .umax = UINT64_MAX,
			     .smin = INT64_MIN,
			     .smax = INT64_MAX,
			     .u32_min = 0,
			     .u32_max = UINT32_MAX,
			     .s32_min = INT32_MIN,
			     .s32_max = INT32_MAX };
}

struct itv itv_bottom(void)
{
	return (struct itv){ .umin = UINT64_MAX,
			     .umax = 0,
			     .smin = INT64_MAX,
			     .smax = INT64_MIN,
			     .u32_min = UINT32_MAX,
			     .u32_max = 0,
			     .s32_min = INT32_MAX,
			     .s32_max = INT32_MIN };
}

struct itv itv_const(uint64_t v)
{
	return (struct itv){ .umin = v,
			     .umax = v,
			     .smin = (int64_t)v,
			     .smax = (int64_t)v,
			     .u32_min = (uint32_t)v,
			     .u32_max = (uint32_t)v,
			     .s32_min = (int32_t)(uint32_t)v,
			     .s32_max = (int32_t)(uint32_t)v };
}

bool itv_is_bottom(struct itv a)
{
	return a.umin > a.umax || a.smin > a.smax || a.u32_min > a.u32_max || a.s32_min > a.s32_max;
}

bool itv_eq(struct itv a, struct itv b)
{
	if (itv_is_bottom(a) || itv_is_bottom(b))
		return itv_is_bottom(a) && itv_is_bottom(b);
	return a.umin == b.umin && a.umax == b.umax && a.smin == b.smin && a.smax == b.smax &&
	       a.u32_min == b.u32_min && a.u32_max == b.u32_max && a.s32_min == b.s32_min &&
	       a.s32_max == b.s32_max;
}

bool itv_leq(struct itv a, struct itv b)
{
	if (itv_is_bottom(a))
		return true;
	if (itv_is_bottom(b))
		return false;
	return b.umin <= a.umin && a.umax <= b.umax && b.smin <= a.smin && a.smax <= b.smax &&
	       b.u32_min <= a.u32_min && a.u32_max <= b.u32_max && b.s32_min <= a.s32_min &&
	       a.s32_max <= b.s32_max;
}

bool itv_contains(struct itv a, uint64_t x)
{
	uint32_t lo = (uint32_t)x;
	int32_t slo = (int32_t)lo;

	return a.umin <= x && x <= a.umax && a.smin <= (int64_t)x && (int64_t)x <= a.smax &&
	       a.u32_min <= lo && lo <= a.u32_max && a.s32_min <= slo && slo <= a.s32_max;
}

#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))

struct itv itv_join(struct itv a, struct itv b)
{
	if (itv_is_bottom(a))
		return itv_is_bottom(b) ? itv_bottom() : b;
	if (itv_is_bottom(b))
		return a;
	return (struct itv){ .umin = MIN(a.umin, b.umin),
			     .umax = MAX(a.umax, b.umax),
			     .smin = MIN(a.smin, b.smin),
			     .smax = MAX(a.smax, b.smax),
			     .u32_min = MIN(a.u32_min, b.u32_min),
			     .u32_max = MAX(a.u32_max, b.u32_max),
			     .s32_min = MIN(a.s32_min, b.s32_min),
			     .s32_max = MAX(a.s32_max, b.s32_max) };
}

struct itv itv_meet(struct itv a, struct itv b)
{
	struct itv r;

	if (itv_is_bottom(a) || itv_is_bottom(b))
		return itv_bottom();
	r = (struct itv){ .umin = MAX(a.umin, b.umin),
			  .umax = MIN(a.umax, b.umax),
			  .smin = MAX(a.smin, b.smin),
			  .smax = MIN(a.smax, b.smax),
			  .u32_min = MAX(a.u32_min, b.u32_min),
			  .u32_max = MIN(a.u32_max, b.u32_max),
			  .s32_min = MAX(a.s32_min, b.s32_min),
			  .s32_max = MIN(a.s32_max, b.s32_max) };
	return itv_is_bottom(r) ? itv_bottom() : r;
}

/*
 * Widening thresholds. Each default (and each caller constant) t gives the
 * candidates t and -t in the signed views; the 32-bit views use the candidates
 * that fit. A bound that grows goes to the nearest candidate at or beyond its
 * new value, else to the extreme of its type; bounds that do not grow stay.
 */
static const uint64_t itv_default_thr[] = {
	0,
	0xff,
	0x100,
	0xffff,
	0x10000,
	0x7fffffff,
	UINT64_C(0x80000000),
	UINT64_C(0xffffffff),
	UINT64_C(0x100000000),
	UINT64_C(0x7fffffffffffffff),
	UINT64_C(0x8000000000000000),
	UINT64_MAX,
};

#define THR_DEFAULT_CNT (sizeof(itv_default_thr) / sizeof(itv_default_thr[0]))

/* Candidate @i for a view: unsigned value, or biased signed value; false if it does not fit */
static bool thr_candidate(const uint64_t *thr, size_t thr_cnt, size_t i, bool is_signed,
			  unsigned width, uint64_t *out)
{
	size_t n = THR_DEFAULT_CNT + thr_cnt;
	uint64_t t =
		i % n < THR_DEFAULT_CNT ? itv_default_thr[i % n] : thr[i % n - THR_DEFAULT_CNT];
	bool negate = i >= n;

	if (!is_signed) {
		if (negate)
			return false;
		if (width == 32 && t > UINT32_MAX)
			return false;
		*out = t;
		return true;
	}
	if (negate)
		t = (uint64_t)0 - t;
	if (width == 32) {
		int64_t s = (int64_t)t;

		if (s < INT32_MIN || s > INT32_MAX)
			return false;
		*out = ((uint64_t)s ^ SIGN32) & UINT32_MAX;
		return true;
	}
	*out = t ^ SIGN64;
	return true;
}

/* Smallest candidate >= v (or largest <= v when !up), else the extreme */
static uint64_t thr_jump(uint64_t v, bool up, const uint64_t *thr, size_t thr_cnt, bool is_signed,
			 unsigned width)
{
	uint64_t best = up ? (width == 32 ? UINT32_MAX : UINT64_MAX) : 0;
	size_t n = (THR_DEFAULT_CNT + thr_cnt) * 2;

	for (size_t i = 0; i < n; i++) {
		uint64_t c;

		if (!thr_candidate(thr, thr_cnt, i, is_signed, width, &c))
			continue;
		if (up && c >= v && c < best)
			best = c;
		if (!up && c <= v && c > best)
			best = c;
	}
	return best;
}

static void widen_bound(uint64_t *lo, uint64_t *hi, uint64_t nlo, uint64_t nhi, const uint64_t *thr,
			size_t thr_cnt, bool is_signed, unsigned width)
{
	if (nlo < *lo)
		*lo = thr_jump(nlo, false, thr, thr_cnt, is_signed, width);
	if (nhi > *hi)
		*hi = thr_jump(nhi, true, thr, thr_cnt, is_signed, width);
}

struct itv itv_widen(struct itv prev, struct itv next, const uint64_t *thr, size_t thr_cnt)
{
	uint64_t lo, hi;

	if (itv_is_bottom(prev))
		return itv_is_bottom(next) ? itv_bottom() : next;
	if (itv_is_bottom(next))
		return prev;
	if (!thr)
		thr_cnt = 0;
	widen_bound(&prev.umin, &prev.umax, next.umin, next.umax, thr, thr_cnt, false, 64);

	lo = (uint64_t)prev.smin ^ SIGN64;
	hi = (uint64_t)prev.smax ^ SIGN64;
	widen_bound(&lo, &hi, (uint64_t)next.smin ^ SIGN64, (uint64_t)next.smax ^ SIGN64, thr,
		    thr_cnt, true, 64);
	prev.smin = (int64_t)(lo ^ SIGN64);
	prev.smax = (int64_t)(hi ^ SIGN64);

	lo = prev.u32_min;
	hi = prev.u32_max;
	widen_bound(&lo, &hi, next.u32_min, next.u32_max, thr, thr_cnt, false, 32);
	prev.u32_min = (uint32_t)lo;
	prev.u32_max = (uint32_t)hi;

	lo = (uint32_t)prev.s32_min ^ SIGN32;
	hi = (uint32_t)prev.s32_max ^ SIGN32;
	widen_bound(&lo, &hi, (uint32_t)next.s32_min ^ SIGN32, (uint32_t)next.s32_max ^ SIGN32, thr,
		    thr_cnt, true, 32);
	prev.s32_min = (int32_t)(uint32_t)(lo ^ SIGN32);
	prev.s32_max = (int32_t)(uint32_t)(hi ^ SIGN32);
	return prev;
}

struct itv itv_narrow(struct itv wide, struct itv next)
{
	if (itv_is_bottom(wide) || itv_is_bottom(next))
		return itv_bottom();
	if (wide.umin == 0)
		wide.umin = next.umin;
	if (wide.umax == UINT64_MAX)
		wide.umax = next.umax;
	if (wide.smin == INT64_MIN)
		wide.smin = next.smin;
	if (wide.smax == INT64_MAX)
		wide.smax = next.smax;
	if (wide.u32_min == 0)
		wide.u32_min = next.u32_min;
	if (wide.u32_max == UINT32_MAX)
		wide.u32_max = next.u32_max;
	if (wide.s32_min == INT32_MIN)
		wide.s32_min = next.s32_min;
	if (wide.s32_max == INT32_MAX)
		wide.s32_max = next.s32_max;
	return itv_is_bottom(wide) ? itv_bottom() : wide;
}

/*
 * [*lo, *hi] := hull([*lo, *hi] intersected with the arc {start + i : 0 <= i <= len}),
 * all modulo 2^width with @wm = 2^width - 1. Returns false when empty.
 * E.g. with width 8, [0, 10] and the arc from 250 of length 10 (250..255, 0..4)
 * give [0, 4].
 */
static bool arc_meet(uint64_t *lo, uint64_t *hi, uint64_t start, uint64_t len, uint64_t wm)
{
	uint64_t end;
	bool in1, in2;

	if (len >= wm)
		return true;
	end = (start + len) & wm;
	if (start <= end) {
		*lo = MAX(*lo, start);
		*hi = MIN(*hi, end);
		return *lo <= *hi;
	}
	/* two pieces: [start, wm] and [0, end] */
	in1 = MAX(*lo, start) <= *hi;
	in2 = *lo <= MIN(*hi, end);
	if (in1 && in2)
		return true;
	if (in1) {
		*lo = MAX(*lo, start);
		return true;
	}
	if (in2) {
		*hi = MIN(*hi, end);
		return true;
	}
	return false;
}

/* The low-32 values admitted by the two 32-bit views: up to two disjoint u32 pieces */
struct lowset {
	int cnt;
	uint32_t lo[2], hi[2];
};

static struct lowset lowset_of(struct itv a)
{
	struct lowset s = { .cnt = 0 };
	uint32_t start = (uint32_t)a.s32_min, end = (uint32_t)a.s32_max;

	if (start <= end) {
		uint32_t lo = MAX(a.u32_min, start), hi = MIN(a.u32_max, end);

		if (lo <= hi) {
			s.lo[0] = lo;
			s.hi[0] = hi;
			s.cnt = 1;
		}
		return s;
	}
	/* the s32 range crosses -1/0: as u32 it is [0, end] and [start, UINT32_MAX] */
	if (a.u32_min <= MIN(a.u32_max, end)) {
		s.lo[s.cnt] = a.u32_min;
		s.hi[s.cnt] = MIN(a.u32_max, end);
		s.cnt++;
	}
	if (MAX(a.u32_min, start) <= a.u32_max) {
		s.lo[s.cnt] = MAX(a.u32_min, start);
		s.hi[s.cnt] = a.u32_max;
		s.cnt++;
	}
	return s;
}

/* Smallest x >= v whose low 32 bits are in @s; false if none below 2^64 */
static bool lowset_next(const struct lowset *s, uint64_t v, uint64_t *out)
{
	uint32_t low = (uint32_t)v;
	uint64_t high = v & ~UINT64_C(0xffffffff);

	for (int i = 0; i < s->cnt; i++) {
		if (low <= s->hi[i]) {
			*out = high | MAX(low, s->lo[i]);
			return true;
		}
	}
	if (high == ~UINT64_C(0xffffffff) || s->cnt == 0)
		return false;
	*out = (high + (UINT64_C(1) << 32)) | s->lo[0];
	return true;
}

/* Largest x <= v whose low 32 bits are in @s */
static bool lowset_prev(const struct lowset *s, uint64_t v, uint64_t *out)
{
	uint32_t low = (uint32_t)v;
	uint64_t high = v & ~UINT64_C(0xffffffff);

	for (int i = s->cnt - 1; i >= 0; i--) {
		if (low >= s->lo[i]) {
			*out = high | MIN(low, s->hi[i]);
			return true;
		}
	}
	if (high == 0 || s->cnt == 0)
		return false;
	*out = (high - (UINT64_C(1) << 32)) | s->hi[s->cnt - 1];
	return true;
}

/* One round of exchanges between the four views; false when a view empties */
static bool itv_sync_round(struct itv *a)
{
	uint64_t lo, hi, slo, shi;
	struct lowset ls;

	/* u64 <-> s64 */
	lo = a->umin;
	hi = a->umax;
	if (!arc_meet(&lo, &hi, (uint64_t)a->smin, (uint64_t)a->smax - (uint64_t)a->smin,
		      UINT64_MAX))
		return false;
	slo = (uint64_t)a->smin ^ SIGN64;
	shi = (uint64_t)a->smax ^ SIGN64;
	if (!arc_meet(&slo, &shi, a->umin ^ SIGN64, a->umax - a->umin, UINT64_MAX))
		return false;
	a->umin = lo;
	a->umax = hi;
	a->smin = (int64_t)(slo ^ SIGN64);
	a->smax = (int64_t)(shi ^ SIGN64);

	/* 64 -> 32: the low halves of a 64-bit interval form an arc */
	lo = a->u32_min;
	hi = a->u32_max;
	slo = (uint32_t)a->s32_min ^ SIGN32;
	shi = (uint32_t)a->s32_max ^ SIGN32;
	if (!arc_meet(&lo, &hi, a->umin & UINT32_MAX, a->umax - a->umin, UINT32_MAX) ||
	    !arc_meet(&lo, &hi, (uint64_t)a->smin & UINT32_MAX,
		      (uint64_t)a->smax - (uint64_t)a->smin, UINT32_MAX) ||
	    !arc_meet(&slo, &shi, (a->umin & UINT32_MAX) ^ SIGN32, a->umax - a->umin, UINT32_MAX) ||
	    !arc_meet(&slo, &shi, ((uint64_t)a->smin & UINT32_MAX) ^ SIGN32,
		      (uint64_t)a->smax - (uint64_t)a->smin, UINT32_MAX))
		return false;

	/* u32 <-> s32 */
	{
		uint64_t ulo = lo, uhi = hi;

		if (!arc_meet(&ulo, &uhi, slo ^ SIGN32, shi - slo, UINT32_MAX) ||
		    !arc_meet(&slo, &shi, lo ^ SIGN32, hi - lo, UINT32_MAX))
			return false;
		lo = ulo;
		hi = uhi;
	}
	a->u32_min = (uint32_t)lo;
	a->u32_max = (uint32_t)hi;
	a->s32_min = (int32_t)(uint32_t)(slo ^ SIGN32);
	a->s32_max = (int32_t)(uint32_t)(shi ^ SIGN32);

	/* 32 -> 64: move each 64-bit bound to the nearest value whose low half fits */
	ls = lowset_of(*a);
	if (ls.cnt == 0)
		return false;
	if (!lowset_next(&ls, a->umin, &lo) || !lowset_prev(&ls, a->umax, &hi) || lo > hi)
		return false;
	a->umin = lo;
	a->umax = hi;
	/* biasing flips bit 63 only, so the low halves are the same */
	if (!lowset_next(&ls, (uint64_t)a->smin ^ SIGN64, &slo) ||
	    !lowset_prev(&ls, (uint64_t)a->smax ^ SIGN64, &shi) || slo > shi)
		return false;
	a->smin = (int64_t)(slo ^ SIGN64);
	a->smax = (int64_t)(shi ^ SIGN64);
	return true;
}

struct itv itv_sync(struct itv a)
{
	if (itv_is_bottom(a))
		return itv_bottom();
	for (int round = 0; round < ITV_SYNC_MAX_ROUNDS; round++) {
		struct itv prev = a;

		if (!itv_sync_round(&a))
			return itv_bottom();
		if (itv_eq(a, prev))
			break;
	}
	return a;
}

int itv_snprint(char *buf, size_t size, struct itv a)
{
	if (itv_is_bottom(a))
		return snprintf(buf, size, "bottom");
	return snprintf(buf, size,
			"u64=[%" PRIu64 ", %" PRIu64 "] s64=[%" PRId64 ", %" PRId64
			"] u32=[%" PRIu32 ", %" PRIu32 "] s32=[%" PRId32 ", %" PRId32 "]",
			a.umin, a.umax, a.smin, a.smax, a.u32_min, a.u32_max, a.s32_min, a.s32_max);
}

/* Intersect [*lo, *hi] (coordinates of the low @bits bits, XOR @bias) with the
 * arcs that each view of @a draws on the 2^bits circle */
static bool low_bits_meet(struct itv a, unsigned bits, uint64_t bias, uint64_t *lo, uint64_t *hi)
{
	uint64_t m = bits >= 64 ? UINT64_MAX : (UINT64_C(1) << bits) - 1;

	*lo = 0;
	*hi = m;
	return arc_meet(lo, hi, (a.umin & m) ^ bias, a.umax - a.umin, m) &&
	       arc_meet(lo, hi, ((uint64_t)a.smin & m) ^ bias, (uint64_t)a.smax - (uint64_t)a.smin,
			m) &&
	       arc_meet(lo, hi, (a.u32_min & m) ^ bias, (uint64_t)(a.u32_max - a.u32_min), m) &&
	       arc_meet(lo, hi, ((uint32_t)a.s32_min & m) ^ bias,
			(uint64_t)(uint32_t)((uint32_t)a.s32_max - (uint32_t)a.s32_min), m);
}

bool itv_low_urange(struct itv a, unsigned bits, uint64_t *lo, uint64_t *hi)
{
	if (itv_is_bottom(a))
		return false;
	if (bits >= 64) {
		*lo = a.umin;
		*hi = a.umax;
		return true;
	}
	return low_bits_meet(a, bits, 0, lo, hi);
}

bool itv_low_srange(struct itv a, unsigned bits, int64_t *lo, int64_t *hi)
{
	uint64_t sign, blo, bhi;

	if (itv_is_bottom(a))
		return false;
	if (bits >= 64) {
		*lo = a.smin;
		*hi = a.smax;
		return true;
	}
	sign = UINT64_C(1) << (bits - 1);
	if (!low_bits_meet(a, bits, sign, &blo, &bhi))
		return false;
	/* x = b ^ sign; sign-extending x gives (x ^ sign) - sign = b - sign */
	*lo = (int64_t)(blo - sign);
	*hi = (int64_t)(bhi - sign);
	return true;
}
