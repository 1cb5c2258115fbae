/* SPDX-License-Identifier: MIT */
/*
 * tnum: a tristate number. One abstract value (value, mask) stands for every
 * 64-bit x with (x & ~mask) == value: bits set in @mask are unknown, the other
 * bits are known and equal to the bit of @value. Invariant: (value & mask) == 0.
 *
 * Bottom (the empty set) is represented by any pair with (value & mask) != 0;
 * tnum_bottom() returns the canonical one, value = mask = ~0.
 */
#ifndef BV_DOMAINS_TNUM_H
#define BV_DOMAINS_TNUM_H

#include <stdbool.h>
#include <stdint.h>

struct tnum {
	uint64_t value;
	uint64_t mask;
};

#define TNUM(v, m) ((struct tnum){ .value = (v), .mask = (m) })

struct tnum tnum_top(void);
struct tnum tnum_bottom(void);
struct tnum tnum_const(uint64_t v);
bool tnum_is_bottom(struct tnum a);
bool tnum_is_const(struct tnum a);
bool tnum_eq(struct tnum a, struct tnum b);
/* Every value of @a is a value of @b */
bool tnum_leq(struct tnum a, struct tnum b);
/* Is @x a member of @a */
bool tnum_contains(struct tnum a, uint64_t x);
struct tnum tnum_join(struct tnum a, struct tnum b);
/* Intersection; bottom when the known bits disagree */
struct tnum tnum_meet(struct tnum a, struct tnum b);
/* Smallest tnum holding every value in [lo, hi] (unsigned) */
struct tnum tnum_range(uint64_t lo, uint64_t hi);
uint64_t tnum_umin(struct tnum a);
uint64_t tnum_umax(struct tnum a);
int64_t tnum_smin(struct tnum a);
int64_t tnum_smax(struct tnum a);

/* 64-bit arithmetic, wrapping modulo 2^64 */
struct tnum tnum_add(struct tnum a, struct tnum b);
struct tnum tnum_sub(struct tnum a, struct tnum b);
struct tnum tnum_neg(struct tnum a);
struct tnum tnum_mul(struct tnum a, struct tnum b);
struct tnum tnum_and(struct tnum a, struct tnum b);
struct tnum tnum_or(struct tnum a, struct tnum b);
struct tnum tnum_xor(struct tnum a, struct tnum b);
/* Shifts by a constant; @shift must be < 64 */
struct tnum tnum_lshift(struct tnum a, unsigned shift);
struct tnum tnum_rshift(struct tnum a, unsigned shift);
/* Arithmetic right shift treating bit (@width - 1) as the sign; @width 32 or 64 */
struct tnum tnum_arshift(struct tnum a, unsigned shift, unsigned width);
/* Shift by a variable amount, already masked by the caller to [0, width) */
struct tnum tnum_lsh_var(struct tnum a, struct tnum shift, unsigned width);
struct tnum tnum_rsh_var(struct tnum a, struct tnum shift, unsigned width);
struct tnum tnum_arsh_var(struct tnum a, struct tnum shift, unsigned width);
/* Division and modulo with ISA semantics (x/0 = 0, x%0 = x); sound, may be coarse */
struct tnum tnum_udiv(struct tnum a, struct tnum b);
struct tnum tnum_umod(struct tnum a, struct tnum b);
struct tnum tnum_sdiv(struct tnum a, struct tnum b, unsigned width);
struct tnum tnum_smod(struct tnum a, struct tnum b, unsigned width);
/* Byte swap of the low @bits (16, 32, 64) bits; the result is zero-extended */
struct tnum tnum_bswap(struct tnum a, unsigned bits);
/* Keep the low @bytes bytes (1, 2, 4, 8), zero-extended */
struct tnum tnum_trunc(struct tnum a, unsigned bytes);
/* Low 32 bits, zero-extended */
struct tnum tnum_subreg(struct tnum a);
/* Sign-extend from the low @bits bits (8, 16, 32) to 64 bits */
struct tnum tnum_sext(struct tnum a, unsigned bits);

int tnum_snprint(char *buf, size_t size, struct tnum a);

#endif
