/* SPDX-License-Identifier: MIT */
/*
 * Reference semantics for the domain tests: the RFC 9669 ALU, byte swap,
 * sign extension and conditions on concrete 64-bit values, once in plain C
 * (ref_*) and once with GMP integers (gmp_*), written independently of
 * domains/ so the tests do not check the code against itself. Also helpers
 * that enumerate the members of small abstract values and draw random ones.
 */
#ifndef BV_TESTS_GMP_REF_H
#define BV_TESTS_GMP_REF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../domains/sval.h"

/* dst op src for the ALU op; 32-bit when !is64 (low halves, zero-extended result) */
uint64_t ref_alu(enum sval_op op, uint64_t x, uint64_t y, bool is64);
/* Same, computed with mpz_t arithmetic and reduced modulo 2^width at the end */
uint64_t gmp_alu(enum sval_op op, uint64_t x, uint64_t y, bool is64);
/* Does the condition hold; 32-bit compares the low halves */
bool ref_cmp(enum sval_cmp op, uint64_t x, uint64_t y, bool is64);
uint64_t ref_movsx(uint64_t x, unsigned bits, bool is64);
uint64_t ref_trunc(uint64_t x, unsigned bytes);
uint64_t ref_bswap(uint64_t x, unsigned bits);

/* Members of @a, found from whichever part is small enough. Returns the
 * count, or -1 when @a is too large to enumerate or has more than @max */
int enum_members(struct sval a, uint64_t *out, int max);

/* xorshift64* generator; the state must not be 0 */
uint64_t rnd_next(uint64_t *state);
/* A random reduced non-bottom sval: interval of random magnitude around a
 * random or special point, met with a random tnum */
struct sval rnd_sval(uint64_t *state);
/* A random member of a reduced non-bottom @a */
uint64_t rnd_member(struct sval a, uint64_t *state);

extern const char *const ref_op_name[SVAL_OP_CNT];
extern const char *const ref_cmp_name[SVAL_CMP_CNT];

#endif
