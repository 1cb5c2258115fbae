// SPDX-License-Identifier: MIT
/*
 * Concrete interpreter tests: the corner cases of RFC 9669 (division and
 * modulo by zero, signed overflow, shift masking, sign and zero extension,
 * byte swaps, atomics' fetch results, 32-bit jumps), the memory model's
 * faults, frames and a few helpers. Each program leaves its result in r0.
 */
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "insn_build.h"
#include "../verifier/interp.h"

#define MAXI 40
#define END_OF_PROG I_RAW(0xff, 0, 0, 0, 0) /* sentinel, not an instruction */
#define XDP_DATA 0
#define XDP_END 4

/* ALU ops (code >> 4) */
enum { ADD = 0, SUB, MUL, DIV, OR, AND, LSH, RSH, NEG, MOD, XOR, MOV, ARSH };
/* jumps (code >> 4) */
enum { JEQ = 1, JGT = 2, JSET = 4, JNE = 5, JSGT = 6 };

#define LD64(d, v) I_LDDW(d, 0, (int32_t)(uint32_t)(uint64_t)(v), (int32_t)((uint64_t)(v) >> 32))
#define SDIV32_IMM(d, i) I_RAW(I_ALU | I_K | 0x30, d, 0, 1, i)
#define SMOD64_IMM(d, i) I_RAW(I_ALU64 | I_K | 0x90, d, 0, 1, i)
#define SMOD32_IMM(d, i) I_RAW(I_ALU | I_K | 0x90, d, 0, 1, i)

struct icase {
	const char *name;
	enum bv_prog_type type;
	struct raw_insn insns[MAXI];
	enum interp_status want;
	uint64_t r0;
};

static const struct icase cases[] = {
	/* division and modulo */
	{ "div64 by zero is 0",
	  BV_PROG_SOCKET_FILTER,
	  { I_MOV64_IMM(R0, 7), I_MOV64_IMM(R1, 0), I_ALU64_REG(DIV, R0, R1), I_EXIT(),
	    END_OF_PROG },
	  INTERP_EXIT,
	  0 },
	{ "mod64 by zero keeps the dividend",
	  BV_PROG_SOCKET_FILTER,
	  { I_MOV64_IMM(R0, 7), I_MOV64_IMM(R1, 0), I_ALU64_REG(MOD, R0, R1), I_EXIT(),
	    END_OF_PROG },
	  INTERP_EXIT,
	  7 },
	{ "div32 by zero is 0, zero-extended",
	  BV_PROG_SOCKET_FILTER,
	  { I_MOV64_IMM(R0, -1), I_MOV64_IMM(R1, 0), I_ALU32_REG(DIV, R0, R1), I_EXIT(),
	    END_OF_PROG },
	  INTERP_EXIT,
	  0 },
	{ "mod32 by zero keeps the low half, zero-extended",
	  BV_PROG_SOCKET_FILTER,
	  { LD64(R0, 0xffffffff00000005ull), I_MOV64_IMM(R1, 0), I_ALU32_REG(MOD, R0, R1), I_EXIT(),
	    END_OF_PROG },
	  INTERP_EXIT,
	  5 },
	{ "mod32 by a register whose low half is zero",
	  BV_PROG_SOCKET_FILTER,
	  { I_MOV64_IMM(R0, 9), LD64(R1, 0x100000000ull), I_ALU32_REG(MOD, R0, R1), I_EXIT(),
	    END_OF_PROG },
	  INTERP_EXIT,
	  9 },
	{ "div64 unsigned",
	  BV_PROG_SOCKET_FILTER,
	  { I_MOV64_IMM(R0, -8), I_ALU64_IMM(DIV, R0, 2), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  0x7ffffffffffffffcull },
	{ "sdiv64 INT64_MIN / -1 = INT64_MIN",
	  BV_PROG_SOCKET_FILTER,
	  { LD64(R0, 0x8000000000000000ull), I_SDIV64_IMM(R0, -1), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  0x8000000000000000ull },
	{ "smod64 INT64_MIN % -1 = 0",
	  BV_PROG_SOCKET_FILTER,
	  { LD64(R0, 0x8000000000000000ull), SMOD64_IMM(R0, -1), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  0 },
	{ "sdiv32 INT32_MIN / -1 = INT32_MIN, zero-extended",
	  BV_PROG_SOCKET_FILTER,
	  { I_MOV32_IMM(R0, INT32_MIN), SDIV32_IMM(R0, -1), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  0x80000000ull },
	{ "smod32 INT32_MIN % -1 = 0",
	  BV_PROG_SOCKET_FILTER,
	  { I_MOV32_IMM(R0, INT32_MIN), SMOD32_IMM(R0, -1), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  0 },
	{ "sdiv64 truncates towards zero",
	  BV_PROG_SOCKET_FILTER,
	  { I_MOV64_IMM(R0, -7), I_SDIV64_IMM(R0, 2), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  (uint64_t)-3 },
	{ "smod64 takes the sign of the dividend",
	  BV_PROG_SOCKET_FILTER,
	  { I_MOV64_IMM(R0, -7), I_MOV64_IMM(R1, 2), I_SMOD64_REG(R0, R1), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  (uint64_t)-1 },
	{ "smod64 by zero keeps the dividend",
	  BV_PROG_SOCKET_FILTER,
	  { I_MOV64_IMM(R0, -7), I_MOV64_IMM(R1, 0), I_SMOD64_REG(R0, R1), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  (uint64_t)-7 },
	{ "sdiv64 by zero is 0",
	  BV_PROG_SOCKET_FILTER,
	  { I_MOV64_IMM(R0, -7), I_SDIV64_IMM(R0, 0), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  0 },
	/* shifts */
	{ "lsh64 amount masked to 6 bits",
	  BV_PROG_SOCKET_FILTER,
	  { I_MOV64_IMM(R0, 3), I_MOV64_IMM(R1, 65), I_ALU64_REG(LSH, R0, R1), I_EXIT(),
	    END_OF_PROG },
	  INTERP_EXIT,
	  6 },
	{ "lsh32 amount masked to 5 bits, result truncated",
	  BV_PROG_SOCKET_FILTER,
	  { I_MOV64_IMM(R0, -1), I_MOV64_IMM(R1, 33), I_ALU32_REG(LSH, R0, R1), I_EXIT(),
	    END_OF_PROG },
	  INTERP_EXIT,
	  0xfffffffeull },
	{ "rsh32 on the low half only",
	  BV_PROG_SOCKET_FILTER,
	  { I_MOV64_IMM(R0, -1), I_ALU32_IMM(RSH, R0, 28), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  0xf },
	{ "arsh32 sign of bit 31, zero-extended",
	  BV_PROG_SOCKET_FILTER,
	  { I_MOV32_IMM(R0, INT32_MIN), I_ALU32_IMM(ARSH, R0, 4), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  0xf8000000ull },
	{ "arsh64",
	  BV_PROG_SOCKET_FILTER,
	  { LD64(R0, 0x8000000000000000ull), I_ALU64_IMM(ARSH, R0, 60), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  0xfffffffffffffff8ull },
	{ "arsh64 by register 64 is by 0",
	  BV_PROG_SOCKET_FILTER,
	  { I_MOV64_IMM(R0, -16), I_MOV64_IMM(R1, 64), I_ALU64_REG(ARSH, R0, R1), I_EXIT(),
	    END_OF_PROG },
	  INTERP_EXIT,
	  (uint64_t)-16 },
	/* extension */
	{ "alu32 add wraps and zero-extends",
	  BV_PROG_SOCKET_FILTER,
	  { I_MOV64_IMM(R0, -1), I_ALU32_IMM(ADD, R0, 1), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  0 },
	{ "mov32 zero-extends",
	  BV_PROG_SOCKET_FILTER,
	  { I_MOV64_IMM(R1, -2), I_ALU32_REG(MOV, R0, R1), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  0xfffffffeull },
	{ "mov64 imm sign-extends",
	  BV_PROG_SOCKET_FILTER,
	  { I_MOV64_IMM(R0, -2), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  (uint64_t)-2 },
	{ "mov32 imm does not sign-extend",
	  BV_PROG_SOCKET_FILTER,
	  { I_MOV32_IMM(R0, -2), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  0xfffffffeull },
	{ "alu64 imm operand is sign-extended",
	  BV_PROG_SOCKET_FILTER,
	  { I_MOV64_IMM(R0, 0), I_ALU64_IMM(XOR, R0, -1), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  UINT64_MAX },
	{ "neg32",
	  BV_PROG_SOCKET_FILTER,
	  { I_MOV64_IMM(R0, 1), I_NEG32(R0), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  0xffffffffull },
	{ "neg64",
	  BV_PROG_SOCKET_FILTER,
	  { I_MOV64_IMM(R0, 1), I_NEG64(R0), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  UINT64_MAX },
	{ "mul32 truncates",
	  BV_PROG_SOCKET_FILTER,
	  { I_MOV64_IMM(R0, 0x10000), I_ALU32_IMM(MUL, R0, 0x10000), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  0 },
	{ "movsx64 s8",
	  BV_PROG_SOCKET_FILTER,
	  { I_MOV64_IMM(R1, 0x180), I_MOVSX64(R0, R1, 8), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  0xffffffffffffff80ull },
	{ "movsx64 s16",
	  BV_PROG_SOCKET_FILTER,
	  { I_MOV64_IMM(R1, 0x7fff), I_MOVSX64(R0, R1, 16), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  0x7fff },
	{ "movsx64 s32",
	  BV_PROG_SOCKET_FILTER,
	  { I_MOV32_IMM(R1, INT32_MIN), I_MOVSX64(R0, R1, 32), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  0xffffffff80000000ull },
	{ "movsx32 s16 zero-extends the 32-bit result",
	  BV_PROG_SOCKET_FILTER,
	  { I_MOV64_IMM(R1, 0x8000), I_MOVSX32(R0, R1, 16), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  0xffff8000ull },
	{ "ldxsb sign-extends",
	  BV_PROG_SOCKET_FILTER,
	  { I_ST_MEM(I_DW, R10, -8, 0xff), I_LDX_MEMSX(I_B, R0, R10, -8), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  UINT64_MAX },
	{ "ldxsh sign-extends",
	  BV_PROG_SOCKET_FILTER,
	  { I_ST_MEM(I_DW, R10, -8, 0x8001), I_LDX_MEMSX(I_H, R0, R10, -8), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  0xffffffffffff8001ull },
	{ "ldxsw sign-extends",
	  BV_PROG_SOCKET_FILTER,
	  { I_ST_MEM(I_W, R10, -8, -5), I_LDX_MEMSX(I_W, R0, R10, -8), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  (uint64_t)-5 },
	{ "ldxb zero-extends",
	  BV_PROG_SOCKET_FILTER,
	  { I_ST_MEM(I_DW, R10, -8, -1), I_LDX_MEM(I_B, R0, R10, -5), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  0xff },
	{ "st dw sign-extends imm; little-endian bytes",
	  BV_PROG_SOCKET_FILTER,
	  { I_ST_MEM(I_DW, R10, -8, 0x01020304), I_LDX_MEM(I_H, R0, R10, -7), I_EXIT(),
	    END_OF_PROG },
	  INTERP_EXIT,
	  0x0203 },
	/* byte order */
	{ "be16 swaps and truncates",
	  BV_PROG_SOCKET_FILTER,
	  { LD64(R0, 0x1122334455667788ull), I_BE(R0, 16), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  0x8877 },
	{ "be32",
	  BV_PROG_SOCKET_FILTER,
	  { LD64(R0, 0x1122334455667788ull), I_BE(R0, 32), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  0x88776655 },
	{ "be64",
	  BV_PROG_SOCKET_FILTER,
	  { LD64(R0, 0x1122334455667788ull), I_BE(R0, 64), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  0x8877665544332211ull },
	{ "le16 truncates on a little-endian host",
	  BV_PROG_SOCKET_FILTER,
	  { LD64(R0, 0x1122334455667788ull), I_LE(R0, 16), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  0x7788 },
	{ "le64 is the identity",
	  BV_PROG_SOCKET_FILTER,
	  { LD64(R0, 0x1122334455667788ull), I_LE(R0, 64), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  0x1122334455667788ull },
	{ "bswap32 (ALU64) swaps unconditionally",
	  BV_PROG_SOCKET_FILTER,
	  { LD64(R0, 0x1122334455667788ull), I_BSWAP(R0, 32), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  0x88776655 },
	/* atomics */
	{ "atomic add64 without fetch",
	  BV_PROG_SOCKET_FILTER,
	  { I_ST_MEM(I_DW, R10, -8, 10), I_MOV64_IMM(R1, 5), I_ATOMIC_OP(I_DW, 0x00, R10, R1, -8),
	    I_LDX_MEM(I_DW, R0, R10, -8), I_ALU64_IMM(MUL, R0, 100), I_ALU64_REG(ADD, R0, R1),
	    I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  1505 },
	{ "atomic fetch_add64 returns the old value",
	  BV_PROG_SOCKET_FILTER,
	  { I_ST_MEM(I_DW, R10, -8, 10), I_MOV64_IMM(R1, 5),
	    I_ATOMIC_OP(I_DW, 0x00 | I_FETCH, R10, R1, -8), I_LDX_MEM(I_DW, R0, R10, -8),
	    I_ALU64_IMM(MUL, R0, 100), I_ALU64_REG(ADD, R0, R1), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  1510 },
	{ "atomic fetch_or32 zero-extends the old value",
	  BV_PROG_SOCKET_FILTER,
	  { I_ST_MEM(I_W, R10, -8, -1), I_MOV64_IMM(R1, -1),
	    I_ATOMIC_OP(I_W, 0x40 | I_FETCH, R10, R1, -8), I_MOV64_REG(R0, R1), I_EXIT(),
	    END_OF_PROG },
	  INTERP_EXIT,
	  0xffffffffull },
	{ "atomic fetch_and64",
	  BV_PROG_SOCKET_FILTER,
	  { I_ST_MEM(I_DW, R10, -8, 0xff), I_MOV64_IMM(R1, 0x0f),
	    I_ATOMIC_OP(I_DW, 0x50 | I_FETCH, R10, R1, -8), I_LDX_MEM(I_DW, R0, R10, -8),
	    I_ALU64_IMM(LSH, R0, 16), I_ALU64_REG(OR, R0, R1), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  0x0f00ff },
	{ "atomic fetch_xor32",
	  BV_PROG_SOCKET_FILTER,
	  { I_ST_MEM(I_W, R10, -8, 0x0f), I_MOV64_IMM(R1, 0xff),
	    I_ATOMIC_OP(I_W, 0xa0 | I_FETCH, R10, R1, -8), I_LDX_MEM(I_W, R0, R10, -8),
	    I_ALU64_IMM(LSH, R0, 16), I_ALU64_REG(OR, R0, R1), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  0xf0000f },
	{ "atomic xchg64",
	  BV_PROG_SOCKET_FILTER,
	  { I_ST_MEM(I_DW, R10, -8, 3), I_MOV64_IMM(R1, 4), I_ATOMIC_OP(I_DW, I_XCHG, R10, R1, -8),
	    I_LDX_MEM(I_DW, R0, R10, -8), I_ALU64_IMM(MUL, R0, 10), I_ALU64_REG(ADD, R0, R1),
	    I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  43 },
	{ "atomic cmpxchg64 success",
	  BV_PROG_SOCKET_FILTER,
	  { I_ST_MEM(I_DW, R10, -8, 3), I_MOV64_IMM(R0, 3), I_MOV64_IMM(R1, 9),
	    I_ATOMIC_OP(I_DW, I_CMPXCHG, R10, R1, -8), I_LDX_MEM(I_DW, R2, R10, -8),
	    I_ALU64_IMM(MUL, R0, 10), I_ALU64_REG(ADD, R0, R2), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  39 },
	{ "atomic cmpxchg64 failure leaves memory",
	  BV_PROG_SOCKET_FILTER,
	  { I_ST_MEM(I_DW, R10, -8, 3), I_MOV64_IMM(R0, 4), I_MOV64_IMM(R1, 9),
	    I_ATOMIC_OP(I_DW, I_CMPXCHG, R10, R1, -8), I_LDX_MEM(I_DW, R2, R10, -8),
	    I_ALU64_IMM(MUL, R0, 10), I_ALU64_REG(ADD, R0, R2), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  33 },
	{ "atomic cmpxchg32 compares the low half of r0",
	  BV_PROG_SOCKET_FILTER,
	  { I_ST_MEM(I_W, R10, -8, 3), LD64(R0, 0x500000003ull), I_MOV64_IMM(R1, 9),
	    I_ATOMIC_OP(I_W, I_CMPXCHG, R10, R1, -8), I_LDX_MEM(I_W, R2, R10, -8),
	    I_ALU64_IMM(MUL, R0, 10), I_ALU64_REG(ADD, R0, R2), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  39 },
	{ "load-acquire and store-release",
	  BV_PROG_SOCKET_FILTER,
	  { I_MOV64_IMM(R1, 77), I_ATOMIC_OP(I_DW, I_STORE_REL, R10, R1, -8),
	    I_ATOMIC_OP(I_DW, I_LOAD_ACQ, R0, R10, -8), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  77 },
	/* jumps */
	{ "jmp32 compares the low halves",
	  BV_PROG_SOCKET_FILTER,
	  { LD64(R1, 0x100000000ull), I_MOV64_IMM(R0, 1), I_JMP32_IMM(JEQ, R1, 0, 1),
	    I_MOV64_IMM(R0, 2), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  1 },
	{ "jmp64 sees the high half",
	  BV_PROG_SOCKET_FILTER,
	  { LD64(R1, 0x100000000ull), I_MOV64_IMM(R0, 1), I_JMP_IMM(JEQ, R1, 0, 1),
	    I_MOV64_IMM(R0, 2), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  2 },
	{ "jsgt is signed, jgt unsigned",
	  BV_PROG_SOCKET_FILTER,
	  { I_MOV64_IMM(R1, -1), I_MOV64_IMM(R0, 0), I_JMP_IMM(JSGT, R1, 0, 1),
	    I_ALU64_IMM(OR, R0, 1), I_JMP_IMM(JGT, R1, 0, 1), I_EXIT(), I_ALU64_IMM(OR, R0, 2),
	    I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  3 },
	{ "jmp32 jsgt on the low half's sign",
	  BV_PROG_SOCKET_FILTER,
	  { LD64(R1, 0x80000000ull), I_MOV64_IMM(R0, 1), I_JMP32_IMM(JSGT, R1, 0, 1),
	    I_MOV64_IMM(R0, 2), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  2 },
	{ "jset",
	  BV_PROG_SOCKET_FILTER,
	  { I_MOV64_IMM(R1, 6), I_MOV64_IMM(R0, 1), I_JMP_IMM(JSET, R1, 1, 1), I_MOV64_IMM(R0, 2),
	    I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  2 },
	{ "gotol",
	  BV_PROG_SOCKET_FILTER,
	  { I_MOV64_IMM(R0, 1), I_GOTOL(1), I_MOV64_IMM(R0, 2), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  1 },
	{ "lddw 64-bit immediate",
	  BV_PROG_SOCKET_FILTER,
	  { LD64(R0, 0xdeadbeefcafef00dull), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  0xdeadbeefcafef00dull },
	/* frames */
	{ "bpf-to-bpf call with its own stack",
	  BV_PROG_SOCKET_FILTER,
	  { I_ST_MEM(I_DW, R10, -8, 5), I_MOV64_IMM(R1, 3), I_CALL_LOCAL(4),
	    I_LDX_MEM(I_DW, R1, R10, -8), I_ALU64_REG(ADD, R0, R1), I_EXIT(),
	    /* pad */ I_JA(0),
	    /* callee at 7 */ I_ST_MEM(I_DW, R10, -8, 100), I_LDX_MEM(I_DW, R0, R10, -8),
	    I_ALU64_REG(ADD, R0, R1), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  108 },
	{ "callee reads caller's r6: uninitialised",
	  BV_PROG_SOCKET_FILTER,
	  { I_MOV64_IMM(R6, 1), I_CALL_LOCAL(1), I_EXIT(), I_MOV64_REG(R0, R6), I_EXIT(),
	    END_OF_PROG },
	  INTERP_FAULT,
	  0 },
	{ "caller's r1 after a call: clobbered",
	  BV_PROG_SOCKET_FILTER,
	  { I_MOV64_IMM(R1, 1), I_CALL_LOCAL(2), I_MOV64_REG(R0, R1), I_EXIT(), I_MOV64_IMM(R0, 0),
	    I_EXIT(), END_OF_PROG },
	  INTERP_FAULT,
	  0 },
	{ "callee's stack pointer after return: stale",
	  BV_PROG_SOCKET_FILTER,
	  { I_CALL_LOCAL(2), I_LDX_MEM(I_DW, R0, R0, 0), I_EXIT(), I_ST_MEM(I_DW, R10, -8, 1),
	    I_MOV64_REG(R0, R10), I_ADD64_IMM(R0, -8), I_EXIT(), END_OF_PROG },
	  INTERP_FAULT,
	  0 },
	{ "r6-r9 survive a call",
	  BV_PROG_SOCKET_FILTER,
	  { I_MOV64_IMM(R6, 40), I_CALL_LOCAL(2), I_ALU64_REG(ADD, R0, R6), I_EXIT(),
	    I_MOV64_IMM(R6, 1), I_MOV64_IMM(R0, 2), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  42 },
	/* faults */
	{ "uninitialised register read",
	  BV_PROG_SOCKET_FILTER,
	  { I_MOV64_REG(R0, R2), I_EXIT(), END_OF_PROG },
	  INTERP_FAULT,
	  0 },
	{ "r0 unset at exit", BV_PROG_SOCKET_FILTER, { I_EXIT(), END_OF_PROG }, INTERP_FAULT, 0 },
	{ "stack write at fp+0",
	  BV_PROG_SOCKET_FILTER,
	  { I_ST_MEM(I_DW, R10, 0, 1), I_MOV64_IMM(R0, 0), I_EXIT(), END_OF_PROG },
	  INTERP_FAULT,
	  0 },
	{ "stack read below fp-512",
	  BV_PROG_SOCKET_FILTER,
	  { I_LDX_MEM(I_B, R0, R10, -513), I_EXIT(), END_OF_PROG },
	  INTERP_FAULT,
	  0 },
	{ "stack read at fp-512 is fine",
	  BV_PROG_SOCKET_FILTER,
	  { I_ST_MEM(I_B, R10, -512, 9), I_LDX_MEM(I_B, R0, R10, -512), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  9 },
	{ "scalar dereference",
	  BV_PROG_SOCKET_FILTER,
	  { I_MOV64_IMM(R1, 4096), I_LDX_MEM(I_B, R0, R1, 0), I_EXIT(), END_OF_PROG },
	  INTERP_FAULT,
	  0 },
	{ "packet: last byte readable",
	  BV_PROG_XDP,
	  { I_LDX_MEM(I_W, R2, R1, XDP_DATA), I_LDX_MEM(I_B, R0, R2, 63), I_MOV64_IMM(R0, 1),
	    I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  1 },
	{ "packet: one past data_end faults",
	  BV_PROG_XDP,
	  { I_LDX_MEM(I_W, R2, R1, XDP_DATA), I_LDX_MEM(I_B, R0, R2, 64), I_EXIT(), END_OF_PROG },
	  INTERP_FAULT,
	  0 },
	{ "packet: data_end - data is the length",
	  BV_PROG_XDP,
	  { I_LDX_MEM(I_W, R2, R1, XDP_DATA), I_LDX_MEM(I_W, R0, R1, XDP_END),
	    I_ALU64_REG(SUB, R0, R2), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  64 },
	{ "context write to a read-only field",
	  BV_PROG_XDP,
	  { I_ST_MEM(I_W, R1, XDP_DATA, 0), I_MOV64_IMM(R0, 0), I_EXIT(), END_OF_PROG },
	  INTERP_FAULT,
	  0 },
	{ "ld_abs loads big-endian",
	  BV_PROG_SOCKET_FILTER,
	  { I_MOV64_REG(R6, R1), I_LD_ABS(I_H, 2), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  0x0203 },
	{ "ld_ind adds the index",
	  BV_PROG_SOCKET_FILTER,
	  { I_MOV64_REG(R6, R1), I_MOV64_IMM(R7, 1), I_LD_IND(I_W, R7, 2), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  0x03040506 },
	{ "ld_abs out of bounds ends the program with 0",
	  BV_PROG_SOCKET_FILTER,
	  { I_MOV64_REG(R6, R1), I_LD_ABS(I_B, 64), I_MOV64_IMM(R0, 5), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  0 },
	{ "ld_abs clobbers r1-r5",
	  BV_PROG_SOCKET_FILTER,
	  { I_MOV64_REG(R6, R1), I_LD_ABS(I_B, 0), I_MOV64_REG(R0, R1), I_EXIT(), END_OF_PROG },
	  INTERP_FAULT,
	  0 },
	/* helpers */
	{ "get_prandom_u32 is 32 bits",
	  BV_PROG_SOCKET_FILTER,
	  { I_CALL(7), I_ALU64_IMM(RSH, R0, 32), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  0 },
	{ "helper call clobbers r1",
	  BV_PROG_SOCKET_FILTER,
	  { I_CALL(5), I_MOV64_REG(R0, R1), I_EXIT(), END_OF_PROG },
	  INTERP_FAULT,
	  0 },
	{ "get_smp_processor_id within its range",
	  BV_PROG_SOCKET_FILTER,
	  { I_CALL(8), I_MOV64_REG(R1, R0), I_MOV64_IMM(R0, 0), I_JMP_IMM(JGT, R1, 8191, 1),
	    I_MOV64_IMM(R0, 1), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  1 },
	{ "trace_printk reads its format",
	  BV_PROG_SOCKET_FILTER,
	  { I_ST_MEM(I_DW, R10, -8, 0x41), I_MOV64_REG(R1, R10), I_ADD64_IMM(R1, -8),
	    I_MOV64_IMM(R2, 8), I_CALL(6), I_MOV64_IMM(R0, 0), I_EXIT(), END_OF_PROG },
	  INTERP_EXIT,
	  0 },
	{ "trace_printk format past the stack",
	  BV_PROG_SOCKET_FILTER,
	  { I_MOV64_REG(R1, R10), I_ADD64_IMM(R1, -8), I_MOV64_IMM(R2, 9), I_CALL(6),
	    I_MOV64_IMM(R0, 0), I_EXIT(), END_OF_PROG },
	  INTERP_FAULT,
	  0 },
};

static size_t prog_len(const struct raw_insn *v)
{
	size_t n = 0;

	while (n < MAXI && v[n].code != 0xff)
		n++;
	return n;
}

struct run {
	enum interp_status st;
	uint64_t r0;
	char msg[300];
};

static void run_prog(const struct raw_insn *raw, size_t n, enum bv_prog_type type, struct run *out)
{
	struct insn *insns = calloc(n + 1, sizeof(*insns));
	struct insn_err err;
	struct obj_prog p;
	struct interp *m;
	uint8_t pkt[64];
	struct interp_input in = { .seed = 1, .pkt_len = sizeof(pkt), .pkt = pkt };

	for (size_t i = 0; i < sizeof(pkt); i++)
		pkt[i] = (uint8_t)i;
	ck_assert_ptr_nonnull(insns);
	ck_assert_msg(insn_decode_all(raw, n, insns, &err) == 0, "decode: %u: %s", err.pc, err.msg);
	memset(&p, 0, sizeof(p));
	p.insns = (struct raw_insn *)(uintptr_t)raw;
	p.insn_cnt = n;
	p.type = type;
	m = interp_new(NULL, &p, insns);
	ck_assert_ptr_nonnull(m);
	ck_assert_int_eq(interp_reset(m, &in), 0);
	out->st = interp_run(m, 10000);
	out->r0 = m->ret;
	snprintf(out->msg, sizeof(out->msg), "%u: %s", m->fault.pc, m->fault.msg);
	interp_free(m);
	free(insns);
}

START_TEST(test_interp_case)
{
	const struct icase *c = &cases[_i];
	struct run r;

	run_prog(c->insns, prog_len(c->insns), c->type, &r);
	ck_assert_msg(r.st == c->want, "%s: status %s, want %s (%s)", c->name,
		      interp_status_name(r.st), interp_status_name(c->want), r.msg);
	if (c->want == INTERP_EXIT)
		ck_assert_msg(r.r0 == c->r0, "%s: r0 = 0x%llx, want 0x%llx", c->name,
			      (unsigned long long)r.r0, (unsigned long long)c->r0);
}
END_TEST

/* An endless loop stops at the step budget */
START_TEST(test_interp_step_limit)
{
	static const struct raw_insn prog[] = { I_MOV64_IMM(R0, 0), I_JA(-1), I_EXIT() };
	struct run r;

	run_prog(prog, ARRAY_SIZE(prog), BV_PROG_SOCKET_FILTER, &r);
	ck_assert_int_eq(r.st, INTERP_STEP_LIMIT);
}
END_TEST

/* 17 nested calls exceed the interpreter's frame limit */
START_TEST(test_interp_deep_calls)
{
	struct raw_insn prog[40];
	size_t n = 0;
	struct run r;

	for (int i = 0; i < 17; i++) {
		prog[n++] = I_CALL_LOCAL(1);
		prog[n++] = I_EXIT();
	}
	prog[n++] = I_MOV64_IMM(R0, 0);
	prog[n++] = I_EXIT();
	run_prog(prog, n, BV_PROG_SOCKET_FILTER, &r);
	ck_assert_int_eq(r.st, INTERP_FAULT);
	ck_assert_msg(strstr(r.msg, "deeper"), "%s", r.msg);
}
END_TEST

/* Maps: lookup of an array element, a write and a second lookup seeing it; global data */
static char s_arr[] = "arr", s_rodata[] = ".rodata";
static uint8_t rodata_bytes[8] = { 42, 0, 0, 0, 0, 0, 0, 0 };
static struct obj_map imaps[] = {
	{ .name = s_arr,
	  .kind = OBJ_MAP_USER,
	  .type = 2,
	  .key_size = 4,
	  .value_size = 8,
	  .max_entries = 4,
	  .inner = -1 },
	{ .name = s_rodata,
	  .kind = OBJ_MAP_RODATA,
	  .type = 2,
	  .key_size = 4,
	  .value_size = 8,
	  .max_entries = 1,
	  .inner = -1,
	  .readonly = true,
	  .data = rodata_bytes },
};

START_TEST(test_interp_maps)
{
	static const struct raw_insn prog[] = {
		I_ST_MEM(I_W, R10, -4, 2), /* key = 2 */
		I_LDDW(R1, 5, 0, 0),
		I_MOV64_REG(R2, R10),
		I_ADD64_IMM(R2, -4),
		I_CALL(1),
		I_JMP_IMM(0x5, R0, 0, 2),
		I_MOV64_IMM(R0, 99),
		I_EXIT(), /* NULL: impossible */
		I_ST_MEM(I_DW, R0, 0, 7), /* arr[2] = 7 */
		I_LDDW(R1, 5, 0, 0),
		I_MOV64_REG(R2, R10),
		I_ADD64_IMM(R2, -4),
		I_CALL(1),
		I_LDX_MEM(I_DW, R6, R0, 0), /* 7 again */
		I_LDDW(R1, 6, 1, 0),
		I_LDX_MEM(I_B, R0, R1, 0), /* 42 from .rodata */
		I_ALU64_REG(ADD, R0, R6),
		I_EXIT(),
	};
	struct obj o;
	struct obj_prog p;
	struct insn insns[ARRAY_SIZE(prog)];
	struct insn_err err;
	struct interp *m;
	struct interp_input in = { .seed = 3, .pkt_len = 10 };

	memset(&o, 0, sizeof(o));
	o.maps = imaps;
	o.map_cnt = ARRAY_SIZE(imaps);
	memset(&p, 0, sizeof(p));
	p.insn_cnt = ARRAY_SIZE(prog);
	p.type = BV_PROG_XDP;
	ck_assert_msg(insn_decode_all(prog, ARRAY_SIZE(prog), insns, &err) == 0, "%s", err.msg);
	m = interp_new(&o, &p, insns);
	ck_assert_ptr_nonnull(m);
	ck_assert_int_eq(interp_reset(m, &in), 0);
	ck_assert_int_eq(interp_run(m, 0), INTERP_EXIT);
	ck_assert_uint_eq(m->ret, 49);
	/* the rodata value is read-only */
	{
		static const struct raw_insn w[] = { I_LDDW(R1, 6, 1, 0), I_ST_MEM(I_B, R1, 0, 1),
						     I_MOV64_IMM(R0, 0), I_EXIT() };
		struct interp *m2;

		p.insn_cnt = ARRAY_SIZE(w);
		ck_assert_int_eq(insn_decode_all(w, ARRAY_SIZE(w), insns, &err), 0);
		m2 = interp_new(&o, &p, insns);
		ck_assert_int_eq(interp_reset(m2, &in), 0);
		ck_assert_int_eq(interp_run(m2, 0), INTERP_FAULT);
		interp_free(m2);
	}
	interp_free(m);
}
END_TEST

/* xdp_adjust_head moves data: the old packet pointer is stale */
START_TEST(test_interp_adjust_head_stale)
{
	static const struct raw_insn prog[] = {
		I_MOV64_REG(R6, R1),	   I_LDX_MEM(I_W, R7, R1, XDP_DATA),
		I_MOV64_IMM(R2, 4),	   I_CALL(44),
		I_JMP_IMM(0x5, R0, 0, 2), /* failed: r7 still good, return 1 */
		I_LDX_MEM(I_B, R0, R7, 0), I_EXIT(),
		I_MOV64_IMM(R0, 1),	   I_EXIT(),
	};
	struct obj_prog p;
	struct insn insns[ARRAY_SIZE(prog)];
	struct insn_err err;
	struct interp *m;
	struct interp_input in = { .seed = 1, .pkt_len = 64 };

	memset(&p, 0, sizeof(p));
	p.insn_cnt = ARRAY_SIZE(prog);
	p.type = BV_PROG_XDP;
	ck_assert_int_eq(insn_decode_all(prog, ARRAY_SIZE(prog), insns, &err), 0);
	m = interp_new(NULL, &p, insns);
	ck_assert_int_eq(interp_reset(m, &in), 0);
	ck_assert_int_eq(interp_run(m, 0), INTERP_FAULT);
	ck_assert_msg(strstr(m->fault.msg, "no longer valid"), "%s", m->fault.msg);
	interp_free(m);
}
END_TEST

Suite *interp_suite(void)
{
	Suite *s = suite_create("interp");
	TCase *tc = tcase_create("isa");

	tcase_add_loop_test(tc, test_interp_case, 0, ARRAY_SIZE(cases));
	tcase_add_test(tc, test_interp_step_limit);
	tcase_add_test(tc, test_interp_deep_calls);
	tcase_add_test(tc, test_interp_maps);
	tcase_add_test(tc, test_interp_adjust_head_stale);
	suite_add_tcase(s, tc);
	return s;
}
