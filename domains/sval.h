/* SPDX-License-Identifier: MIT */
/*
 * sval: a scalar value, the reduced product of a tnum and an itv. It stands
 * for the 64-bit values that are members of both parts. All transfer
 * functions return reduced values (sval_reduce), and never drop a concrete
 * result: for every x in a and y in b, op(x, y) is in sval_alu(op, a, b).
 *
 * 32-bit operations (is64 == false) compute on the low 32 bits of each
 * operand and zero-extend the result to 64 bits, as RFC 9669 ALU does.
 */
#ifndef BV_DOMAINS_SVAL_H
#define BV_DOMAINS_SVAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tnum.h"
#include "itv.h"

struct sval {
	struct tnum tn;
	struct itv r;
};

/* Keep in step with the ALU op list of RFC 9669 section 4.1 (no MOVSX: sval_sext) */
enum sval_op {
	SVAL_ADD,
	SVAL_SUB,
	SVAL_MUL,
	SVAL_DIV, /* unsigned, x / 0 = 0 */
	SVAL_SDIV, /* signed, x / 0 = 0, INT_MIN / -1 = INT_MIN */
	SVAL_OR,
	SVAL_AND,
	SVAL_LSH, /* shift amount masked: & 63 (64-bit) or & 31 (32-bit) */
	SVAL_RSH,
	SVAL_NEG, /* unary, b ignored */
	SVAL_MOD, /* unsigned, x % 0 = x */
	SVAL_SMOD, /* signed, x % 0 = x, INT_MIN % -1 = 0; sign follows dividend */
	SVAL_XOR,
	SVAL_MOV, /* result is b */
	SVAL_ARSH,
	SVAL_OP_CNT,
};

/* Conditions of RFC 9669 section 4.3 */
enum sval_cmp {
	SVAL_JEQ,
	SVAL_JNE,
	SVAL_JGT, /* unsigned > */
	SVAL_JGE,
	SVAL_JLT,
	SVAL_JLE,
	SVAL_JSGT, /* signed > */
	SVAL_JSGE,
	SVAL_JSLT,
	SVAL_JSLE,
	SVAL_JSET, /* (a & b) != 0 */
	SVAL_CMP_CNT,
};

struct sval sval_top(void);
struct sval sval_bottom(void);
struct sval sval_const(uint64_t v);
/* Every value in [lo, hi], unsigned */
struct sval sval_urange(uint64_t lo, uint64_t hi);
/* Every value in [lo, hi], signed */
struct sval sval_srange(int64_t lo, int64_t hi);
bool sval_is_bottom(struct sval a);
bool sval_is_const(struct sval a, uint64_t *v);
bool sval_eq(struct sval a, struct sval b);
bool sval_leq(struct sval a, struct sval b);
bool sval_contains(struct sval a, uint64_t x);
struct sval sval_join(struct sval a, struct sval b);
struct sval sval_meet(struct sval a, struct sval b);
/* Ranges widen with thresholds (itv_widen, @thr added to the defaults, may be NULL);
 * once a tnum bit becomes unknown every bit above it does too, so the tnum cannot
 * hold the ranges back (known low bits, i.e. alignment, are kept) */
struct sval sval_widen(struct sval prev, struct sval next, const uint64_t *thr, size_t thr_cnt);
struct sval sval_narrow(struct sval wide, struct sval next);
/* Exchange facts between the ranges and the tnum until nothing changes */
struct sval sval_reduce(struct sval a);
/* 0 when the invariants hold (reduced, non-contradictory or canonical bottom;
 * every 64-bit bound umin, umax, smin, smax is itself a member); else -1 and
 * a message naming the broken invariant in @why */
int sval_check(struct sval a, char *why, size_t why_size);

/* ALU: 64-bit when @is64, else 32-bit with zero-extension */
struct sval sval_alu(enum sval_op op, struct sval a, struct sval b, bool is64);
/* MOVSX: sign-extend the low @bits (8, 16, 32) bits; when !is64 the result is then
 * truncated to 32 bits and zero-extended */
struct sval sval_movsx(struct sval a, unsigned bits, bool is64);
/* Zero-extended low @bytes (1, 2, 4, 8) bytes: what a narrow load or store keeps */
struct sval sval_trunc(struct sval a, unsigned bytes);
/* Sign-extending load of @bytes (1, 2, 4) bytes */
struct sval sval_sext(struct sval a, unsigned bytes);
/* END: swap the low @bits (16, 32, 64) bits unconditionally (bswap, or le/be on the
 * other-endian host); the result is zero-extended */
struct sval sval_bswap(struct sval a, unsigned bits);
/* le/be conversion that is a no-op on this host: truncate to @bits, zero-extend */
struct sval sval_zext_bits(struct sval a, unsigned bits);

/*
 * Branch refinement: assume (a op b) holds for the @is64 width (32-bit compares
 * the low halves). Narrows *a and *b; returns false if the edge is infeasible
 * (then *a and *b are unspecified).
 */
bool sval_refine(enum sval_cmp op, bool is64, struct sval *a, struct sval *b);
/*
 * The false edge: assume !(a op b). Same as sval_refine(sval_cmp_negate(op), ...)
 * for ordered and equality compares; for JSET, (a & b) == 0 clears in each
 * operand the bits known to be 1 in the other.
 */
bool sval_refine_not(enum sval_cmp op, bool is64, struct sval *a, struct sval *b);
/* The negation of @op: !(a op b) <=> (a neg(op) b); JSET has none (returns SVAL_CMP_CNT) */
enum sval_cmp sval_cmp_negate(enum sval_cmp op);
/* 1 if (a op b) holds for every member, 0 if for none, -1 if unknown */
int sval_branch_taken(enum sval_cmp op, bool is64, struct sval a, struct sval b);

/* Kernel notation (log.c print_reg_state): a constant prints as its value,
 * in decimal when it lies in [-32768, 32767] as s64, else in hex ("42",
 * "-1", "0x10000"); otherwise
 * "scalar(smin=...,smax=...,umin=...,umax=...,smin32=...,...,var_off=(0x0; 0xff))",
 * fields equal to their type's default omitted and equal fields folded
 * ("smin=umin=0") as the kernel does; bottom prints "bottom" */
int sval_snprint(char *buf, size_t size, struct sval a);
/* Compact: "42", "[0, 255]", "[0, 255] & (0x0; 0xfc)" */
int sval_snprint_compact(char *buf, size_t size, struct sval a);

#endif
