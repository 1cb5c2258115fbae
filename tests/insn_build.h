/* SPDX-License-Identifier: MIT */
/* Macros that build raw eBPF instructions in C arrays for tests (no toolchain). */
#ifndef BV_TESTS_INSN_BUILD_H
#define BV_TESTS_INSN_BUILD_H

#include "../verifier/insn.h"

enum { R0, R1, R2, R3, R4, R5, R6, R7, R8, R9, R10 };

#define I_RAW(c, d, s, o, i) \
	((struct raw_insn){ .code = (c), .dst = (d), .src = (s), .off = (o), .imm = (i) })
/* classes */
#define I_LD 0x00
#define I_LDX 0x01
#define I_ST 0x02
#define I_STX 0x03
#define I_ALU 0x04
#define I_JMP 0x05
#define I_JMP32 0x06
#define I_ALU64 0x07
/* sizes */
#define I_W 0x00
#define I_H 0x08
#define I_B 0x10
#define I_DW 0x18
/* modes */
#define I_IMM 0x00
#define I_ABS 0x20
#define I_IND 0x40
#define I_MEM 0x60
#define I_MEMSX 0x80
#define I_ATOMIC 0xc0
/* source */
#define I_K 0x00
#define I_X 0x08

#define I_ALU64_IMM(op, d, i) I_RAW(I_ALU64 | I_K | ((op) << 4), d, 0, 0, i)
#define I_ALU64_REG(op, d, s) I_RAW(I_ALU64 | I_X | ((op) << 4), d, s, 0, 0)
#define I_ALU32_IMM(op, d, i) I_RAW(I_ALU | I_K | ((op) << 4), d, 0, 0, i)
#define I_ALU32_REG(op, d, s) I_RAW(I_ALU | I_X | ((op) << 4), d, s, 0, 0)
#define I_MOV64_IMM(d, i) I_ALU64_IMM(0xb, d, i)
#define I_MOV64_REG(d, s) I_ALU64_REG(0xb, d, s)
#define I_MOV32_IMM(d, i) I_ALU32_IMM(0xb, d, i)
#define I_ADD64_IMM(d, i) I_ALU64_IMM(0x0, d, i)
#define I_ADD64_REG(d, s) I_ALU64_REG(0x0, d, s)
#define I_LDX_MEM(sz, d, s, o) I_RAW(I_LDX | I_MEM | (sz), d, s, o, 0)
#define I_LDX_MEMSX(sz, d, s, o) I_RAW(I_LDX | I_MEMSX | (sz), d, s, o, 0)
#define I_STX_MEM(sz, d, s, o) I_RAW(I_STX | I_MEM | (sz), d, s, o, 0)
#define I_ST_MEM(sz, d, o, i) I_RAW(I_ST | I_MEM | (sz), d, 0, o, i)
#define I_ATOMIC_OP(sz, op, d, s, o) I_RAW(I_STX | I_ATOMIC | (sz), d, s, o, op)
#define I_JMP_IMM(op, d, i, o) I_RAW(I_JMP | I_K | ((op) << 4), d, 0, o, i)
#define I_JMP_REG(op, d, s, o) I_RAW(I_JMP | I_X | ((op) << 4), d, s, o, 0)
#define I_JMP32_IMM(op, d, i, o) I_RAW(I_JMP32 | I_K | ((op) << 4), d, 0, o, i)
#define I_JMP32_REG(op, d, s, o) I_RAW(I_JMP32 | I_X | ((op) << 4), d, s, o, 0)
#define I_JA(o) I_RAW(I_JMP | 0x00, 0, 0, o, 0)
#define I_CALL(id) I_RAW(I_JMP | 0x80, 0, 0, 0, id)
#define I_CALL_LOCAL(rel) I_RAW(I_JMP | 0x80, 0, 1, 0, rel)
#define I_EXIT() I_RAW(I_JMP | 0x90, 0, 0, 0, 0)
/* two slots */
#define I_LDDW(d, s, lo, hi) I_RAW(I_LD | I_DW | I_IMM, d, s, 0, lo), I_RAW(0, 0, 0, 0, hi)

/* added for the decoder tests */
#define I_GOTOL(i) I_RAW(I_JMP32 | 0x00, 0, 0, 0, i)
#define I_CALL_KFUNC(id) I_RAW(I_JMP | 0x80, 0, 2, 0, id)
#define I_CALLX(d) I_RAW(I_JMP | I_X | 0x80, d, 0, 0, 0)
#define I_NEG64(d) I_RAW(I_ALU64 | 0x80, d, 0, 0, 0)
#define I_NEG32(d) I_RAW(I_ALU | 0x80, d, 0, 0, 0)
#define I_LE(d, bits) I_RAW(I_ALU | I_K | 0xd0, d, 0, 0, bits)
#define I_BE(d, bits) I_RAW(I_ALU | I_X | 0xd0, d, 0, 0, bits)
#define I_BSWAP(d, bits) I_RAW(I_ALU64 | I_K | 0xd0, d, 0, 0, bits)
#define I_MOVSX64(d, s, bits) I_RAW(I_ALU64 | I_X | 0xb0, d, s, bits, 0)
#define I_MOVSX32(d, s, bits) I_RAW(I_ALU | I_X | 0xb0, d, s, bits, 0)
#define I_SDIV64_IMM(d, i) I_RAW(I_ALU64 | I_K | 0x30, d, 0, 1, i)
#define I_SMOD64_REG(d, s) I_RAW(I_ALU64 | I_X | 0x90, d, s, 1, 0)
#define I_LD_ABS(sz, i) I_RAW(I_LD | I_ABS | (sz), 0, 0, 0, i)
#define I_LD_IND(sz, s, i) I_RAW(I_LD | I_IND | (sz), 0, s, 0, i)
/* atomic imm values */
#define I_FETCH 0x01
#define I_XCHG (0xe0 | I_FETCH)
#define I_CMPXCHG (0xf0 | I_FETCH)
#define I_LOAD_ACQ 0x100
#define I_STORE_REL 0x110

#endif
