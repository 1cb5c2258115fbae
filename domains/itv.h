/* SPDX-License-Identifier: MIT */
/*
 * itv: the interval part of a scalar. One abstract value stands for every
 * 64-bit x with umin <= x <= umax (unsigned), smin <= (int64_t)x <= smax,
 * u32_min <= (uint32_t)x <= u32_max and s32_min <= (int32_t)x <= s32_max.
 * The four ranges are views of one set; each range is non-wrapping in its own
 * order. Bottom: any range with min > max (itv_bottom() sets all four empty).
 */
#ifndef BV_DOMAINS_ITV_H
#define BV_DOMAINS_ITV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct itv {
	uint64_t umin, umax;
	int64_t smin, smax;
	uint32_t u32_min, u32_max;
	int32_t s32_min, s32_max;
};

struct itv itv_top(void);
struct itv itv_bottom(void);
struct itv itv_const(uint64_t v);
bool itv_is_bottom(struct itv a);
bool itv_eq(struct itv a, struct itv b);
bool itv_leq(struct itv a, struct itv b);
bool itv_contains(struct itv a, uint64_t x);
struct itv itv_join(struct itv a, struct itv b);
struct itv itv_meet(struct itv a, struct itv b);
/* Widening: a bound that grows jumps to the next threshold (see itv.c) */
struct itv itv_widen(struct itv prev, struct itv next, const uint64_t *thr, size_t thr_cnt);
struct itv itv_narrow(struct itv wide, struct itv next);
/* Exchange facts between the four ranges (no tnum) */
struct itv itv_sync(struct itv a);
/*
 * Hull of the low @bits (8, 16, 32 or 64) bits of the members, read as unsigned
 * (itv_low_urange) or as signed @bits-bit numbers (itv_low_srange). False when
 * @a is bottom. E.g. the low 8 bits of [0xfe, 0x101] are [0, 0xff] unsigned
 * and [-2, 1] signed.
 */
bool itv_low_urange(struct itv a, unsigned bits, uint64_t *lo, uint64_t *hi);
bool itv_low_srange(struct itv a, unsigned bits, int64_t *lo, int64_t *hi);

int itv_snprint(char *buf, size_t size, struct itv a);

#endif
