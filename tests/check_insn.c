// SPDX-License-Identifier: MIT
/*
 * Tests for insn: every row of the RFC 9669 opcode table decoded to the right
 * kind and fields and printed as llvm-objdump 14 prints it, every one of the
 * 256 opcode bytes classified, and the invalid encodings rejected with a
 * diagnostic at the right slot.
 */
#include <stdio.h>
#include <string.h>

#include "insn_build.h"
#include "suites.h"

/* Build a program: @r (one slot, or two for lddw) followed by exits */
#define PAD_EXITS 4
static size_t build(struct raw_insn *prog, const struct raw_insn *r)
{
	size_t n = r[0].code == 0x18 ? 2 : 1;

	memcpy(prog, r, n * sizeof(*r));
	for (size_t i = 0; i < PAD_EXITS; i++)
		prog[n + i] = I_EXIT();
	return n + PAD_EXITS;
}

/* Compare every field; describe the first difference in @why */
static bool insn_same(const struct insn *got, const struct insn *want, char *why, size_t len)
{
#define SAME(f)                                                                         \
	do {                                                                            \
		if (got->f != want->f) {                                                \
			snprintf(why, len, #f " is %lld, want %lld", (long long)got->f, \
				 (long long)want->f);                                   \
			return false;                                                   \
		}                                                                       \
	} while (0)
	SAME(kind);
	SAME(code);
	SAME(dst);
	SAME(src);
	SAME(is64);
	SAME(src_reg);
	SAME(off);
	SAME(imm);
	SAME(imm64);
	SAME(imm_hi);
	SAME(alu);
	SAME(jmp);
	SAME(size);
	SAME(sx);
	SAME(ext_bits);
	SAME(to_be);
	SAME(atomic);
	SAME(fetch);
	SAME(target);
	SAME(pc);
#undef SAME
	return true;
}

/* Expected decodings; fields not named are 0 */
#define W_ALU(op, d, s, o, i, w64, x)                                                          \
	{                                                                                      \
		.kind = INSN_ALU, .alu = (op), .dst = (d), .src = (s), .off = (o), .imm = (i), \
		.is64 = (w64), .src_reg = (x)                                                  \
	}
#define W_MOVSX(d, s, bits, w64)                                                                \
	{                                                                                       \
		.kind = INSN_ALU, .alu = INSN_ALU_MOVSX, .dst = (d), .src = (s), .off = (bits), \
		.ext_bits = (bits), .is64 = (w64), .src_reg = true                              \
	}
#define W_END(d, bits, w64, be)                                                   \
	{                                                                         \
		.kind = INSN_END, .alu = INSN_ALU_END, .dst = (d), .imm = (bits), \
		.ext_bits = (bits), .is64 = (w64), .to_be = (be)                  \
	}
#define W_JC(op, d, s, o, i, w64, x)                                                             \
	{                                                                                        \
		.kind = INSN_JCOND, .jmp = (op), .dst = (d), .src = (s), .off = (o), .imm = (i), \
		.is64 = (w64), .src_reg = (x), .target = (uint32_t)(1 + (o))                     \
	}
#define W_MEM(k, d, s, o, i, sz, sgn)                                                      \
	{                                                                                  \
		.kind = (k), .dst = (d), .src = (s), .off = (o), .imm = (i), .size = (sz), \
		.sx = (sgn)                                                                \
	}
#define W_AT(d, s, o, op, sz, f)                                                         \
	{                                                                                \
		.kind = INSN_ATOMIC, .dst = (d), .src = (s), .off = (o),                 \
		.imm = (int32_t)((op) | (f)), .size = (sz), .atomic = (op), .fetch = (f) \
	}
#define W_LDDW(d, s, lo, hi, t)                                                         \
	{                                                                               \
		.kind = INSN_LDDW, .dst = (d), .src = (s), .imm = (lo), .imm_hi = (hi), \
		.imm64 = (uint32_t)(lo) | (uint64_t)(uint32_t)(hi) << 32, .target = (t) \
	}

/* Four rows per ALU operation: ALU64 K/X, ALU K/X */
#define ALU4(op, name, sym)                                                   \
	{ "alu64 " name " k",                                                 \
	  { I_ALU64_IMM(op, R1, -5) },                                        \
	  W_ALU(op, 1, 0, 0, -5, true, false),                                \
	  "r1 " sym " -5" },                                                  \
		{ "alu64 " name " x",                                         \
		  { I_ALU64_REG(op, R1, R2) },                                \
		  W_ALU(op, 1, 2, 0, 0, true, true),                          \
		  "r1 " sym " r2" },                                          \
		{ "alu " name " k",                                           \
		  { I_ALU32_IMM(op, R0, 7) },                                 \
		  W_ALU(op, 0, 0, 0, 7, false, false),                        \
		  "w0 " sym " 7" },                                           \
	{                                                                     \
		"alu " name " x", { I_ALU32_REG(op, R3, R10) },               \
			W_ALU(op, 3, 10, 0, 0, false, true), "w3 " sym " w10" \
	}

/* Four rows per condition: JMP K/X, JMP32 K/X; targets 3, 2, 1, 4 */
#define JMP4(op, name, sym)                                                           \
	{ "jmp " name " k",                                                           \
	  { I_JMP_IMM(op, R1, -7, 2) },                                               \
	  W_JC(op, 1, 0, 2, -7, true, false),                                         \
	  "if r1 " sym " -7 goto +2" },                                               \
		{ "jmp " name " x",                                                   \
		  { I_JMP_REG(op, R1, R2, 1) },                                       \
		  W_JC(op, 1, 2, 1, 0, true, true),                                   \
		  "if r1 " sym " r2 goto +1" },                                       \
		{ "jmp32 " name " k",                                                 \
		  { I_JMP32_IMM(op, R4, 9, 0) },                                      \
		  W_JC(op, 4, 0, 0, 9, false, false),                                 \
		  "if w4 " sym " 9 goto +0" },                                        \
	{                                                                             \
		"jmp32 " name " x", { I_JMP32_REG(op, R0, R9, 3) },                   \
			W_JC(op, 0, 9, 3, 0, false, true), "if w0 " sym " w9 goto +3" \
	}

/* Ten rows per atomic size: add/or/and/xor with and without fetch, xchg, cmpxchg */
#define ATOMIC10(sz, bytes, u, w, o, os, sfx)                                     \
	{ "atomic" u " add",                                                      \
	  { I_ATOMIC_OP(sz, 0x00, R1, R2, o) },                                   \
	  W_AT(1, 2, o, INSN_ATOMIC_ADD, bytes, false),                           \
	  "lock *(" u " *)(r1 " os ") += r2" },                                   \
		{ "atomic" u " add fetch",                                        \
		  { I_ATOMIC_OP(sz, 0x01, R1, R2, o) },                           \
		  W_AT(1, 2, o, INSN_ATOMIC_ADD, bytes, true),                    \
		  w "2 = atomic_fetch_add((" u " *)(r1 " os "), " w "2)" },       \
		{ "atomic" u " or",                                               \
		  { I_ATOMIC_OP(sz, 0x40, R1, R2, o) },                           \
		  W_AT(1, 2, o, INSN_ATOMIC_OR, bytes, false),                    \
		  "lock *(" u " *)(r1 " os ") |= " w "2" },                       \
		{ "atomic" u " or fetch",                                         \
		  { I_ATOMIC_OP(sz, 0x41, R1, R2, o) },                           \
		  W_AT(1, 2, o, INSN_ATOMIC_OR, bytes, true),                     \
		  w "2 = atomic_fetch_or((" u " *)(r1 " os "), " w "2)" },        \
		{ "atomic" u " and",                                              \
		  { I_ATOMIC_OP(sz, 0x50, R1, R2, o) },                           \
		  W_AT(1, 2, o, INSN_ATOMIC_AND, bytes, false),                   \
		  "lock *(" u " *)(r1 " os ") &= " w "2" },                       \
		{ "atomic" u " and fetch",                                        \
		  { I_ATOMIC_OP(sz, 0x51, R1, R2, o) },                           \
		  W_AT(1, 2, o, INSN_ATOMIC_AND, bytes, true),                    \
		  w "2 = atomic_fetch_and((" u " *)(r1 " os "), " w "2)" },       \
		{ "atomic" u " xor",                                              \
		  { I_ATOMIC_OP(sz, 0xa0, R1, R2, o) },                           \
		  W_AT(1, 2, o, INSN_ATOMIC_XOR, bytes, false),                   \
		  "lock *(" u " *)(r1 " os ") ^= " w "2" },                       \
		{ "atomic" u " xor fetch",                                        \
		  { I_ATOMIC_OP(sz, 0xa1, R1, R2, o) },                           \
		  W_AT(1, 2, o, INSN_ATOMIC_XOR, bytes, true),                    \
		  w "2 = atomic_fetch_xor((" u " *)(r1 " os "), " w "2)" },       \
		{ "atomic" u " xchg",                                             \
		  { I_ATOMIC_OP(sz, I_XCHG, R1, R2, o) },                         \
		  W_AT(1, 2, o, INSN_ATOMIC_XCHG, bytes, true),                   \
		  w "2 = xchg" sfx "(r1 " os ", " w "2)" },                       \
	{                                                                         \
		"atomic" u " cmpxchg", { I_ATOMIC_OP(sz, I_CMPXCHG, R1, R2, o) }, \
			W_AT(1, 2, o, INSN_ATOMIC_CMPXCHG, bytes, true),          \
			w "0 = cmpxchg" sfx "(r1 " os ", " w "0, " w "2)"         \
	}

static const struct {
	const char *name;
	struct raw_insn r[2];
	struct insn want; /* .code and .pc are filled in by the test */
	const char *text;
} valid_cases[] = {
	/* ALU / ALU64, RFC 9669 section 4.1 */
	ALU4(INSN_ALU_ADD, "add", "+="),
	ALU4(INSN_ALU_SUB, "sub", "-="),
	ALU4(INSN_ALU_MUL, "mul", "*="),
	ALU4(INSN_ALU_DIV, "div", "/="),
	ALU4(INSN_ALU_OR, "or", "|="),
	ALU4(INSN_ALU_AND, "and", "&="),
	ALU4(INSN_ALU_LSH, "lsh", "<<="),
	ALU4(INSN_ALU_RSH, "rsh", ">>="),
	ALU4(INSN_ALU_MOD, "mod", "%="),
	ALU4(INSN_ALU_XOR, "xor", "^="),
	ALU4(INSN_ALU_ARSH, "arsh", "s>>="),
	{ "alu64 mov k",
	  { I_MOV64_IMM(R1, -1) },
	  W_ALU(INSN_ALU_MOV, 1, 0, 0, -1, true, false),
	  "r1 = -1" },
	{ "alu64 mov x",
	  { I_MOV64_REG(R6, R1) },
	  W_ALU(INSN_ALU_MOV, 6, 1, 0, 0, true, true),
	  "r6 = r1" },
	{ "alu mov k",
	  { I_MOV32_IMM(R0, 1) },
	  W_ALU(INSN_ALU_MOV, 0, 0, 0, 1, false, false),
	  "w0 = 1" },
	{ "alu mov x",
	  { I_ALU32_REG(INSN_ALU_MOV, R2, R3) },
	  W_ALU(INSN_ALU_MOV, 2, 3, 0, 0, false, true),
	  "w2 = w3" },
	{ "alu64 neg", { I_NEG64(R7) }, W_ALU(INSN_ALU_NEG, 7, 0, 0, 0, true, false), "r7 = -r7" },
	{ "alu neg", { I_NEG32(R7) }, W_ALU(INSN_ALU_NEG, 7, 0, 0, 0, false, false), "w7 = -w7" },
	{ "alu64 sdiv k",
	  { I_SDIV64_IMM(R1, -3) },
	  W_ALU(INSN_ALU_SDIV, 1, 0, 1, -3, true, false),
	  "r1 s/= -3" },
	{ "alu64 sdiv x",
	  { I_RAW(0x3f, R1, R2, 1, 0) },
	  W_ALU(INSN_ALU_SDIV, 1, 2, 1, 0, true, true),
	  "r1 s/= r2" },
	{ "alu sdiv k",
	  { I_RAW(0x34, R1, 0, 1, 3) },
	  W_ALU(INSN_ALU_SDIV, 1, 0, 1, 3, false, false),
	  "w1 s/= 3" },
	{ "alu sdiv x",
	  { I_RAW(0x3c, R1, R2, 1, 0) },
	  W_ALU(INSN_ALU_SDIV, 1, 2, 1, 0, false, true),
	  "w1 s/= w2" },
	{ "alu64 smod k",
	  { I_RAW(0x97, R1, 0, 1, 3) },
	  W_ALU(INSN_ALU_SMOD, 1, 0, 1, 3, true, false),
	  "r1 s%= 3" },
	{ "alu64 smod x",
	  { I_SMOD64_REG(R1, R2) },
	  W_ALU(INSN_ALU_SMOD, 1, 2, 1, 0, true, true),
	  "r1 s%= r2" },
	{ "alu smod k",
	  { I_RAW(0x94, R1, 0, 1, -3) },
	  W_ALU(INSN_ALU_SMOD, 1, 0, 1, -3, false, false),
	  "w1 s%= -3" },
	{ "alu smod x",
	  { I_RAW(0x9c, R1, R2, 1, 0) },
	  W_ALU(INSN_ALU_SMOD, 1, 2, 1, 0, false, true),
	  "w1 s%= w2" },
	{ "alu64 movsx 8", { I_MOVSX64(R1, R2, 8) }, W_MOVSX(1, 2, 8, true), "r1 = (s8)r2" },
	{ "alu64 movsx 16", { I_MOVSX64(R1, R2, 16) }, W_MOVSX(1, 2, 16, true), "r1 = (s16)r2" },
	{ "alu64 movsx 32", { I_MOVSX64(R1, R2, 32) }, W_MOVSX(1, 2, 32, true), "r1 = (s32)r2" },
	{ "alu movsx 8", { I_MOVSX32(R1, R2, 8) }, W_MOVSX(1, 2, 8, false), "w1 = (s8)w2" },
	{ "alu movsx 16", { I_MOVSX32(R1, R2, 16) }, W_MOVSX(1, 2, 16, false), "w1 = (s16)w2" },
	/* byte swaps, section 4.2 */
	{ "le16", { I_LE(R1, 16) }, W_END(1, 16, false, false), "r1 = le16 r1" },
	{ "le32", { I_LE(R1, 32) }, W_END(1, 32, false, false), "r1 = le32 r1" },
	{ "le64", { I_LE(R1, 64) }, W_END(1, 64, false, false), "r1 = le64 r1" },
	{ "be16", { I_BE(R0, 16) }, W_END(0, 16, false, true), "r0 = be16 r0" },
	{ "be32", { I_BE(R0, 32) }, W_END(0, 32, false, true), "r0 = be32 r0" },
	{ "be64", { I_BE(R0, 64) }, W_END(0, 64, false, true), "r0 = be64 r0" },
	{ "bswap16", { I_BSWAP(R9, 16) }, W_END(9, 16, true, false), "r9 = bswap16 r9" },
	{ "bswap32", { I_BSWAP(R9, 32) }, W_END(9, 32, true, false), "r9 = bswap32 r9" },
	{ "bswap64", { I_BSWAP(R9, 64) }, W_END(9, 64, true, false), "r9 = bswap64 r9" },
	/* jumps, section 4.3 */
	JMP4(INSN_JEQ, "jeq", "=="),
	JMP4(INSN_JGT, "jgt", ">"),
	JMP4(INSN_JGE, "jge", ">="),
	JMP4(INSN_JSET, "jset", "&"),
	JMP4(INSN_JNE, "jne", "!="),
	JMP4(INSN_JSGT, "jsgt", "s>"),
	JMP4(INSN_JSGE, "jsge", "s>="),
	JMP4(INSN_JLT, "jlt", "<"),
	JMP4(INSN_JLE, "jle", "<="),
	JMP4(INSN_JSLT, "jslt", "s<"),
	JMP4(INSN_JSLE, "jsle", "s<="),
	{ "ja", { I_JA(2) }, { .kind = INSN_JA, .off = 2, .is64 = true, .target = 3 }, "goto +2" },
	{ "ja +0", { I_JA(0) }, { .kind = INSN_JA, .is64 = true, .target = 1 }, "goto +0" },
	{ "gotol", { I_GOTOL(3) }, { .kind = INSN_JA, .imm = 3, .target = 4 }, "gotol +3" },
	{ "call helper",
	  { I_CALL(12) },
	  { .kind = INSN_CALL, .imm = 12, .is64 = true },
	  "call 12" },
	{ "call local",
	  { I_CALL_LOCAL(2) },
	  { .kind = INSN_CALL, .src = INSN_CALL_LOCAL, .imm = 2, .is64 = true, .target = 3 },
	  "call 2" },
	{ "call kfunc",
	  { I_CALL_KFUNC(12345) },
	  { .kind = INSN_CALL, .src = INSN_CALL_KFUNC, .imm = 12345, .is64 = true },
	  "call 12345" },
	{ "callx dst",
	  { I_CALLX(R4) },
	  { .kind = INSN_CALLX, .dst = 4, .is64 = true, .src_reg = true },
	  "callx r4" },
	{ "callx imm (llvm 14)",
	  { I_RAW(0x8d, 0, 0, 0, 3) },
	  { .kind = INSN_CALLX, .dst = 3, .imm = 3, .is64 = true, .src_reg = true },
	  "callx r3" },
	{ "exit", { I_EXIT() }, { .kind = INSN_EXIT, .is64 = true }, "exit" },
	/* loads and stores, section 5.1 */
	{ "ldx w",
	  { I_LDX_MEM(I_W, R1, R2, 4) },
	  W_MEM(INSN_LDX, 1, 2, 4, 0, 4, false),
	  "r1 = *(u32 *)(r2 + 4)" },
	{ "ldx h",
	  { I_LDX_MEM(I_H, R3, R10, -8) },
	  W_MEM(INSN_LDX, 3, 10, -8, 0, 2, false),
	  "r3 = *(u16 *)(r10 - 8)" },
	{ "ldx b",
	  { I_LDX_MEM(I_B, R0, R1, 0) },
	  W_MEM(INSN_LDX, 0, 1, 0, 0, 1, false),
	  "r0 = *(u8 *)(r1 + 0)" },
	{ "ldx dw",
	  { I_LDX_MEM(I_DW, R9, R9, 32767) },
	  W_MEM(INSN_LDX, 9, 9, 32767, 0, 8, false),
	  "r9 = *(u64 *)(r9 + 32767)" },
	{ "ldx memsx w",
	  { I_LDX_MEMSX(I_W, R1, R2, 4) },
	  W_MEM(INSN_LDX, 1, 2, 4, 0, 4, true),
	  "r1 = *(s32 *)(r2 + 4)" },
	{ "ldx memsx h",
	  { I_LDX_MEMSX(I_H, R1, R2, -2) },
	  W_MEM(INSN_LDX, 1, 2, -2, 0, 2, true),
	  "r1 = *(s16 *)(r2 - 2)" },
	{ "ldx memsx b",
	  { I_LDX_MEMSX(I_B, R1, R2, 0) },
	  W_MEM(INSN_LDX, 1, 2, 0, 0, 1, true),
	  "r1 = *(s8 *)(r2 + 0)" },
	{ "st w",
	  { I_ST_MEM(I_W, R10, -4, 1) },
	  W_MEM(INSN_ST, 10, 0, -4, 1, 4, false),
	  "*(u32 *)(r10 - 4) = 1" },
	{ "st h",
	  { I_ST_MEM(I_H, R1, 2, -1) },
	  W_MEM(INSN_ST, 1, 0, 2, -1, 2, false),
	  "*(u16 *)(r1 + 2) = -1" },
	{ "st b",
	  { I_ST_MEM(I_B, R1, 0, 255) },
	  W_MEM(INSN_ST, 1, 0, 0, 255, 1, false),
	  "*(u8 *)(r1 + 0) = 255" },
	{ "st dw",
	  { I_ST_MEM(I_DW, R10, -32768, INT32_MIN) },
	  W_MEM(INSN_ST, 10, 0, -32768, INT32_MIN, 8, false),
	  "*(u64 *)(r10 - 32768) = -2147483648" },
	{ "stx w",
	  { I_STX_MEM(I_W, R10, R1, -4) },
	  W_MEM(INSN_STX, 10, 1, -4, 0, 4, false),
	  "*(u32 *)(r10 - 4) = r1" },
	{ "stx h",
	  { I_STX_MEM(I_H, R1, R2, 6) },
	  W_MEM(INSN_STX, 1, 2, 6, 0, 2, false),
	  "*(u16 *)(r1 + 6) = r2" },
	{ "stx b",
	  { I_STX_MEM(I_B, R1, R10, 0) },
	  W_MEM(INSN_STX, 1, 10, 0, 0, 1, false),
	  "*(u8 *)(r1 + 0) = r10" },
	{ "stx dw",
	  { I_STX_MEM(I_DW, R10, R1, -8) },
	  W_MEM(INSN_STX, 10, 1, -8, 0, 8, false),
	  "*(u64 *)(r10 - 8) = r1" },
	/* atomics, section 5.3, and Linux load-acquire / store-release */
	ATOMIC10(I_DW, 8, "u64", "r", 8, "+ 8", "_64"),
	ATOMIC10(I_W, 4, "u32", "w", -4, "- 4", "32_32"),
	{ "load-acquire b",
	  { I_ATOMIC_OP(I_B, I_LOAD_ACQ, R1, R2, 0) },
	  W_AT(1, 2, 0, INSN_ATOMIC_LOAD_ACQ, 1, false),
	  "w1 = load_acquire((u8 *)(r2 + 0))" },
	{ "load-acquire h",
	  { I_ATOMIC_OP(I_H, I_LOAD_ACQ, R1, R2, 2) },
	  W_AT(1, 2, 2, INSN_ATOMIC_LOAD_ACQ, 2, false),
	  "w1 = load_acquire((u16 *)(r2 + 2))" },
	{ "load-acquire w",
	  { I_ATOMIC_OP(I_W, I_LOAD_ACQ, R1, R2, -4) },
	  W_AT(1, 2, -4, INSN_ATOMIC_LOAD_ACQ, 4, false),
	  "w1 = load_acquire((u32 *)(r2 - 4))" },
	{ "load-acquire dw",
	  { I_ATOMIC_OP(I_DW, I_LOAD_ACQ, R0, R10, -8) },
	  W_AT(0, 10, -8, INSN_ATOMIC_LOAD_ACQ, 8, false),
	  "r0 = load_acquire((u64 *)(r10 - 8))" },
	{ "store-release b",
	  { I_ATOMIC_OP(I_B, I_STORE_REL, R1, R2, 0) },
	  W_AT(1, 2, 0, INSN_ATOMIC_STORE_REL, 1, false),
	  "store_release((u8 *)(r1 + 0), w2)" },
	{ "store-release h",
	  { I_ATOMIC_OP(I_H, I_STORE_REL, R1, R2, 0) },
	  W_AT(1, 2, 0, INSN_ATOMIC_STORE_REL, 2, false),
	  "store_release((u16 *)(r1 + 0), w2)" },
	{ "store-release w",
	  { I_ATOMIC_OP(I_W, I_STORE_REL, R1, R2, 0) },
	  W_AT(1, 2, 0, INSN_ATOMIC_STORE_REL, 4, false),
	  "store_release((u32 *)(r1 + 0), w2)" },
	{ "store-release dw",
	  { I_ATOMIC_OP(I_DW, I_STORE_REL, R10, R2, -16) },
	  W_AT(10, 2, -16, INSN_ATOMIC_STORE_REL, 8, false),
	  "store_release((u64 *)(r10 - 16), r2)" },
	/* 64-bit immediates, section 5.4: every src kind */
	{ "lddw imm", { I_LDDW(R1, 0, 5, 7) }, W_LDDW(1, 0, 5, 7, 0), "r1 = 30064771077 ll" },
	{ "lddw imm -1", { I_LDDW(R2, 0, -1, -1) }, W_LDDW(2, 0, -1, -1, 0), "r2 = -1 ll" },
	{ "lddw imm 0", { I_LDDW(R10, 0, 0, 0) }, W_LDDW(10, 0, 0, 0, 0), "r10 = 0 ll" },
	{ "lddw map fd", { I_LDDW(R1, 1, 3, 0) }, W_LDDW(1, 1, 3, 0, 0), "ld_pseudo\tr1, 1, 3" },
	{ "lddw map value",
	  { I_LDDW(R1, 2, 3, 16) },
	  W_LDDW(1, 2, 3, 16, 0),
	  "ld_pseudo\tr1, 2, 3" },
	{ "lddw btf id",
	  { I_LDDW(R1, 3, 1234, 0) },
	  W_LDDW(1, 3, 1234, 0, 0),
	  "ld_pseudo\tr1, 3, 1234" },
	{ "lddw func", { I_LDDW(R2, 4, 2, 0) }, W_LDDW(2, 4, 2, 0, 3), "ld_pseudo\tr2, 4, 2" },
	{ "lddw map idx", { I_LDDW(R1, 5, 0, 0) }, W_LDDW(1, 5, 0, 0, 0), "ld_pseudo\tr1, 5, 0" },
	{ "lddw map idx value",
	  { I_LDDW(R1, 6, -1, 8) },
	  W_LDDW(1, 6, -1, 8, 0),
	  "ld_pseudo\tr1, 6, 4294967295" },
	/* legacy packet access, section 5.5 */
	{ "ld abs w",
	  { I_LD_ABS(I_W, 12) },
	  W_MEM(INSN_LD_ABS, 0, 0, 0, 12, 4, false),
	  "r0 = *(u32 *)skb[12]" },
	{ "ld abs h",
	  { I_LD_ABS(I_H, 0) },
	  W_MEM(INSN_LD_ABS, 0, 0, 0, 0, 2, false),
	  "r0 = *(u16 *)skb[0]" },
	{ "ld abs b",
	  { I_LD_ABS(I_B, -1) },
	  W_MEM(INSN_LD_ABS, 0, 0, 0, -1, 1, false),
	  "r0 = *(u8 *)skb[-1]" },
	{ "ld ind w",
	  { I_LD_IND(I_W, R3, 0) },
	  { .kind = INSN_LD_IND, .src = 3, .size = 4, .src_reg = true },
	  "r0 = *(u32 *)skb[r3]" },
	{ "ld ind h",
	  { I_LD_IND(I_H, R3, 4) },
	  { .kind = INSN_LD_IND, .src = 3, .imm = 4, .size = 2, .src_reg = true },
	  "r0 = *(u16 *)skb[r3 + 4]" },
	{ "ld ind b",
	  { I_LD_IND(I_B, R7, -2) },
	  { .kind = INSN_LD_IND, .src = 7, .imm = -2, .size = 1, .src_reg = true },
	  "r0 = *(u8 *)skb[r7 - 2]" },
};

START_TEST(test_insn_valid)
{
	struct raw_insn prog[2 + PAD_EXITS];
	struct insn out[2 + PAD_EXITS], one, want = valid_cases[_i].want;
	size_t cnt = build(prog, valid_cases[_i].r);
	struct insn_err err = { 0 };
	char why[128], text[128];
	int n;

	want.code = valid_cases[_i].r[0].code;
	want.pc = 0;
	ck_assert_msg(insn_decode_all(prog, cnt, out, &err) == 0, "%s: rejected at %u: %s",
		      valid_cases[_i].name, err.pc, err.msg);
	ck_assert_msg(insn_same(&out[0], &want, why, sizeof(why)), "%s: %s", valid_cases[_i].name,
		      why);
	ck_assert_msg(insn_decode_one(prog, cnt, 0, &one, &err) == 0, "%s: decode_one: %s",
		      valid_cases[_i].name, err.msg);
	ck_assert_msg(insn_same(&one, &want, why, sizeof(why)), "%s: decode_one: %s",
		      valid_cases[_i].name, why);
	if (want.kind == INSN_LDDW) {
		ck_assert_int_eq(out[1].kind, INSN_LDDW_HI);
		ck_assert_int_eq(out[1].pc, 1);
		ck_assert_int_eq(out[1].imm, want.imm_hi);
	}
	n = insn_snprint(text, sizeof(text), &out[0]);
	ck_assert_msg(strcmp(text, valid_cases[_i].text) == 0, "%s: printed \"%s\", want \"%s\"",
		      valid_cases[_i].name, text, valid_cases[_i].text);
	ck_assert_int_eq(n, (int)strlen(valid_cases[_i].text));
}
END_TEST

/* Opcode bytes RFC 9669 defines (appendix A), plus Linux's callx (0x8d) and the
 * byte and half-word atomics that exist only as load-acquire/store-release. */
static const uint8_t defined_opcodes[] = {
	/* ALU */
	0x04, 0x0c, 0x14, 0x1c, 0x24, 0x2c, 0x34, 0x3c, 0x44, 0x4c, 0x54, 0x5c, 0x64, 0x6c, 0x74,
	0x7c, 0x84, 0x94, 0x9c, 0xa4, 0xac, 0xb4, 0xbc, 0xc4, 0xcc, 0xd4, 0xdc,
	/* ALU64 */
	0x07, 0x0f, 0x17, 0x1f, 0x27, 0x2f, 0x37, 0x3f, 0x47, 0x4f, 0x57, 0x5f, 0x67, 0x6f, 0x77,
	0x7f, 0x87, 0x97, 0x9f, 0xa7, 0xaf, 0xb7, 0xbf, 0xc7, 0xcf, 0xd7,
	/* JMP */
	0x05, 0x15, 0x1d, 0x25, 0x2d, 0x35, 0x3d, 0x45, 0x4d, 0x55, 0x5d, 0x65, 0x6d, 0x75, 0x7d,
	0x85, 0x95, 0xa5, 0xad, 0xb5, 0xbd, 0xc5, 0xcd, 0xd5, 0xdd,
	/* JMP32 */
	0x06, 0x16, 0x1e, 0x26, 0x2e, 0x36, 0x3e, 0x46, 0x4e, 0x56, 0x5e, 0x66, 0x6e, 0x76, 0x7e,
	0xa6, 0xae, 0xb6, 0xbe, 0xc6, 0xce, 0xd6, 0xde,
	/* memory */
	0x61, 0x69, 0x71, 0x79, 0x62, 0x6a, 0x72, 0x7a, 0x63, 0x6b, 0x73, 0x7b, 0x81, 0x89, 0x91,
	0xc3, 0xdb, 0x18, 0x20, 0x28, 0x30, 0x40, 0x48, 0x50,
	/* Linux extensions that decode */
	0x8d, 0xcb, 0xd3, 0xe5, /* may_goto */
};

/* Field choices that make some form of every defined opcode valid */
static const struct raw_insn opcode_probes[] = {
	I_RAW(0, 0, 0, 0, 0),	 I_RAW(0, 1, 2, 0, 0),	   I_RAW(0, 1, 0, 0, 16),
	I_RAW(0, 1, 2, 0, 0x01), I_RAW(0, 1, 2, 0, 0x100), I_RAW(0, 0, 0, 1, 0),
	I_RAW(0, 0, 1, 0, 1),	 I_RAW(0, 1, 2, 8, 0),	   I_RAW(0, 0, 2, 0, 0),
};

START_TEST(test_insn_opcode_bytes)
{
	uint8_t code = (uint8_t)_i;
	bool defined = memchr(defined_opcodes, code, sizeof(defined_opcodes)) != NULL;
	bool decodes = false;
	struct insn_err err = { 0 };

	for (size_t p = 0; p < ARRAY_SIZE(opcode_probes) && !decodes; p++) {
		struct raw_insn prog[4] = { opcode_probes[p], I_RAW(0, 0, 0, 0, 0), I_EXIT(),
					    I_EXIT() };
		struct insn out;

		prog[0].code = code;
		decodes = insn_decode_one(prog, ARRAY_SIZE(prog), 0, &out, &err) == 0;
	}
	ck_assert_msg(decodes == defined, "opcode 0x%02x: %s (last error: %s)", code,
		      defined ? "defined but rejected" : "undefined but accepted", err.msg);
	if (!defined) {
		/* with every field zero, an undefined opcode is reported as such */
		struct raw_insn prog[2] = { I_RAW(code, 0, 0, 0, 0), I_EXIT() };
		struct insn out;
		char want[24];

		ck_assert_int_eq(insn_decode_one(prog, 2, 0, &out, &err), -1);
		snprintf(want, sizeof(want), "unknown opcode 0x%02x", code);
		ck_assert_msg(strncmp(err.msg, want, strlen(want)) == 0, "0x%02x: \"%s\"", code,
			      err.msg);
		ck_assert_int_eq(err.pc, 0);
	}
}
END_TEST

#define MAX_SLOTS 8
static const struct {
	const char *name;
	struct raw_insn p[MAX_SLOTS];
	size_t cnt;
	uint32_t pc;
	const char *msg; /* the whole message */
} invalid_cases[] = {
	/* unknown opcodes */
	{ "alu64 neg x", { I_RAW(0x8f, 1, 2, 0, 0), I_EXIT() }, 2, 0, "unknown opcode 0x8f" },
	{ "alu op 0xe",
	  { I_MOV64_IMM(R0, 0), I_RAW(0xe4, 1, 0, 0, 0), I_EXIT() },
	  3,
	  1,
	  "unknown opcode 0xe4" },
	{ "alu64 end x", { I_RAW(0xdf, 1, 0, 0, 16), I_EXIT() }, 2, 0, "unknown opcode 0xdf" },
	{ "call in jmp32", { I_RAW(0x86, 0, 0, 0, 1), I_EXIT() }, 2, 0, "unknown opcode 0x86" },
	{ "exit in jmp32", { I_RAW(0x96, 0, 0, 0, 0), I_EXIT() }, 2, 0, "unknown opcode 0x96" },
	{ "exit x", { I_RAW(0x9d, 0, 0, 0, 0), I_EXIT() }, 2, 0, "unknown opcode 0x9d" },
	{ "ja x in jmp32", { I_RAW(0x0e, 0, 0, 0, 0), I_EXIT() }, 2, 0, "unknown opcode 0x0e" },
	{ "gotox",
	  { I_RAW(0x0d, 1, 0, 0, 0), I_EXIT() },
	  2,
	  0,
	  "unknown opcode 0x0d (gotox, a linux extension, is not supported)" },
	{ "may_goto with src 1",
	  { I_RAW(0xe5, 0, 1, 0, 0), I_EXIT() },
	  2,
	  0,
	  "reserved field src must be 0 for may_goto, is 1" },
	{ "may_goto with imm",
	  { I_RAW(0xe5, 0, 0, 0, 7), I_EXIT() },
	  2,
	  0,
	  "reserved field imm must be 0 for may_goto, is 7" },
	{ "may_goto x", { I_RAW(0xed, 0, 0, 0, 0), I_EXIT() }, 2, 0, "unknown opcode 0xed" },
	{ "may_goto in jmp32", { I_RAW(0xe6, 0, 0, 0, 0), I_EXIT() }, 2, 0, "unknown opcode 0xe6" },
	{ "memsx dw", { I_RAW(0x99, 1, 2, 0, 0), I_EXIT() }, 2, 0, "unknown opcode 0x99" },
	{ "st memsx", { I_RAW(0x82, 1, 0, 0, 0), I_EXIT() }, 2, 0, "unknown opcode 0x82" },
	{ "st atomic", { I_RAW(0xc2, 1, 0, 0, 0), I_EXIT() }, 2, 0, "unknown opcode 0xc2" },
	{ "ldx atomic", { I_RAW(0xc1, 1, 2, 0, 0), I_EXIT() }, 2, 0, "unknown opcode 0xc1" },
	{ "ld imm w", { I_RAW(0x00, 1, 0, 0, 0), I_EXIT() }, 2, 0, "unknown opcode 0x00" },
	{ "ld mem", { I_RAW(0x60, 1, 2, 0, 0), I_EXIT() }, 2, 0, "unknown opcode 0x60" },
	{ "ld abs dw", { I_RAW(0x38, 0, 0, 0, 0), I_EXIT() }, 2, 0, "unknown opcode 0x38" },
	{ "ld ind dw", { I_RAW(0x58, 0, 1, 0, 0), I_EXIT() }, 2, 0, "unknown opcode 0x58" },
	/* reserved fields of ALU */
	{ "alu64 k src",
	  { I_RAW(0x07, 1, 3, 0, 1), I_EXIT() },
	  2,
	  0,
	  "reserved field src must be 0 for alu64 immediate, is 3" },
	{ "alu x imm",
	  { I_RAW(0x0c, 1, 2, 0, 5), I_EXIT() },
	  2,
	  0,
	  "reserved field imm must be 0 for alu register, is 5" },
	{ "alu64 add off",
	  { I_RAW(0x07, 1, 0, 3, 1), I_EXIT() },
	  2,
	  0,
	  "reserved field off must be 0 for alu64 immediate, is 3" },
	{ "alu add off 1",
	  { I_RAW(0x0c, 1, 2, 1, 0), I_EXIT() },
	  2,
	  0,
	  "reserved field off must be 0 for alu register, is 1" },
	{ "alu64 div off 2",
	  { I_RAW(0x3f, 1, 2, 2, 0), I_EXIT() },
	  2,
	  0,
	  "invalid off 2 for alu64 div (must be 0 or 1)" },
	{ "alu mod off -1",
	  { I_RAW(0x94, 1, 0, -1, 3), I_EXIT() },
	  2,
	  0,
	  "invalid off -1 for alu mod (must be 0 or 1)" },
	{ "alu64 sdiv k src",
	  { I_RAW(0x37, 1, 2, 1, 3), I_EXIT() },
	  2,
	  0,
	  "reserved field src must be 0 for alu64 immediate, is 2" },
	{ "alu64 neg src",
	  { I_RAW(0x87, 1, 2, 0, 0), I_EXIT() },
	  2,
	  0,
	  "reserved field src must be 0 for alu64 neg, is 2" },
	{ "alu neg imm",
	  { I_RAW(0x84, 1, 0, 0, 4), I_EXIT() },
	  2,
	  0,
	  "reserved field imm must be 0 for alu neg, is 4" },
	{ "alu64 neg off",
	  { I_RAW(0x87, 1, 0, 1, 0), I_EXIT() },
	  2,
	  0,
	  "reserved field off must be 0 for alu64 neg, is 1" },
	{ "le imm 8",
	  { I_LE(R1, 8), I_EXIT() },
	  2,
	  0,
	  "invalid alu le width imm 8 (must be 16, 32 or 64)" },
	{ "be imm 0",
	  { I_BE(R1, 0), I_EXIT() },
	  2,
	  0,
	  "invalid alu be width imm 0 (must be 16, 32 or 64)" },
	{ "bswap imm 128",
	  { I_BSWAP(R1, 128), I_EXIT() },
	  2,
	  0,
	  "invalid alu64 bswap width imm 128 (must be 16, 32 or 64)" },
	{ "be src",
	  { I_RAW(0xdc, 1, 1, 0, 16), I_EXIT() },
	  2,
	  0,
	  "reserved field src must be 0 for alu be, is 1" },
	{ "le off",
	  { I_RAW(0xd4, 1, 0, 2, 16), I_EXIT() },
	  2,
	  0,
	  "reserved field off must be 0 for alu le, is 2" },
	{ "alu movsx 32",
	  { I_MOVSX32(R1, R2, 32), I_EXIT() },
	  2,
	  0,
	  "invalid off 32 for alu mov register (must be 0, 8 or 16)" },
	{ "alu64 movsx 64",
	  { I_MOVSX64(R1, R2, 64), I_EXIT() },
	  2,
	  0,
	  "invalid off 64 for alu64 mov register (must be 0, 8, 16 or 32)" },
	{ "alu64 movsx 1 (addr_space_cast)",
	  { I_MOVSX64(R1, R2, 1), I_EXIT() },
	  2,
	  0,
	  "addr_space_cast (alu64 mov with off 1) is a linux extension and not supported" },
	{ "alu64 mov k off 8",
	  { I_RAW(0xb7, 1, 0, 8, 0), I_EXIT() },
	  2,
	  0,
	  "reserved field off must be 0 for alu64 immediate, is 8" },
	{ "alu64 mov x imm",
	  { I_RAW(0xbf, 1, 2, 8, 1), I_EXIT() },
	  2,
	  0,
	  "reserved field imm must be 0 for alu64 register, is 1" },
	/* registers */
	{ "alu dst 11",
	  { I_MOV64_IMM(11, 0), I_EXIT() },
	  2,
	  0,
	  "invalid dst register 11 (must be 0-10)" },
	{ "alu src 12",
	  { I_ADD64_REG(R1, 12), I_EXIT() },
	  2,
	  0,
	  "invalid src register 12 (must be 0-10)" },
	{ "neg dst 15", { I_NEG64(15), I_EXIT() }, 2, 0, "invalid dst register 15 (must be 0-10)" },
	{ "end dst 13",
	  { I_BE(13, 16), I_EXIT() },
	  2,
	  0,
	  "invalid dst register 13 (must be 0-10)" },
	{ "ldx src 15",
	  { I_LDX_MEM(I_W, R1, 15, 0), I_EXIT() },
	  2,
	  0,
	  "invalid src register 15 (must be 0-10)" },
	{ "ldx dst 11",
	  { I_LDX_MEM(I_W, 11, R1, 0), I_EXIT() },
	  2,
	  0,
	  "invalid dst register 11 (must be 0-10)" },
	{ "st dst 11",
	  { I_ST_MEM(I_W, 11, 0, 0), I_EXIT() },
	  2,
	  0,
	  "invalid dst register 11 (must be 0-10)" },
	{ "stx dst 11",
	  { I_STX_MEM(I_DW, 11, R1, 0), I_EXIT() },
	  2,
	  0,
	  "invalid dst register 11 (must be 0-10)" },
	{ "stx src 14",
	  { I_STX_MEM(I_DW, R10, 14, -8), I_EXIT() },
	  2,
	  0,
	  "invalid src register 14 (must be 0-10)" },
	{ "atomic src 11",
	  { I_ATOMIC_OP(I_DW, 0, R1, 11, 0), I_EXIT() },
	  2,
	  0,
	  "invalid src register 11 (must be 0-10)" },
	{ "jmp dst 11",
	  { I_JMP_IMM(INSN_JEQ, 11, 0, 0), I_EXIT() },
	  2,
	  0,
	  "invalid dst register 11 (must be 0-10)" },
	{ "jmp32 src 13",
	  { I_JMP32_REG(INSN_JNE, R1, 13, 0), I_EXIT() },
	  2,
	  0,
	  "invalid src register 13 (must be 0-10)" },
	{ "lddw dst 11",
	  { I_LDDW(11, 0, 1, 2), I_EXIT() },
	  3,
	  0,
	  "invalid dst register 11 (must be 0-10)" },
	{ "ld ind src 11",
	  { I_LD_IND(I_W, 11, 0), I_EXIT() },
	  2,
	  0,
	  "invalid src register 11 (must be 0-10)" },
	{ "callx imm 11",
	  { I_RAW(0x8d, 0, 0, 0, 11), I_EXIT() },
	  2,
	  0,
	  "invalid callx register imm 11 (must be 0-10)" },
	{ "callx dst 12",
	  { I_CALLX(12), I_EXIT() },
	  2,
	  0,
	  "invalid dst register 12 (must be 0-10)" },
	{ "callx twice",
	  { I_RAW(0x8d, 1, 0, 0, 2), I_EXIT() },
	  2,
	  0,
	  "callx names its register twice (dst 1, imm 2)" },
	/* reserved fields of jumps, calls, exit */
	{ "ja src",
	  { I_RAW(0x05, 0, 1, 0, 0), I_EXIT() },
	  2,
	  0,
	  "reserved field src must be 0 for ja, is 1" },
	{ "ja dst",
	  { I_RAW(0x05, 2, 0, 0, 0), I_EXIT() },
	  2,
	  0,
	  "reserved field dst must be 0 for ja, is 2" },
	{ "ja imm",
	  { I_RAW(0x05, 0, 0, 0, 1), I_EXIT() },
	  2,
	  0,
	  "reserved field imm must be 0 for ja, is 1" },
	{ "gotol off",
	  { I_RAW(0x06, 0, 0, 1, 0), I_EXIT() },
	  2,
	  0,
	  "reserved field off must be 0 for gotol, is 1" },
	{ "jmp k src",
	  { I_RAW(0x15, 1, 2, 0, 0), I_EXIT() },
	  2,
	  0,
	  "reserved field src must be 0 for jmp immediate, is 2" },
	{ "jmp32 x imm",
	  { I_RAW(0x1e, 1, 2, 0, 7), I_EXIT() },
	  2,
	  0,
	  "reserved field imm must be 0 for jmp32 register, is 7" },
	{ "call dst",
	  { I_RAW(0x85, 1, 0, 0, 1), I_EXIT() },
	  2,
	  0,
	  "reserved field dst must be 0 for call, is 1" },
	{ "call off",
	  { I_RAW(0x85, 0, 0, 1, 1), I_EXIT() },
	  2,
	  0,
	  "reserved field off must be 0 for call, is 1" },
	{ "call src 3",
	  { I_RAW(0x85, 0, 3, 0, 1), I_EXIT() },
	  2,
	  0,
	  "invalid call src 3 (must be 0 helper, 1 local or 2 kfunc)" },
	{ "exit imm",
	  { I_RAW(0x95, 0, 0, 0, 1) },
	  1,
	  0,
	  "reserved field imm must be 0 for exit, is 1" },
	{ "exit dst",
	  { I_RAW(0x95, 1, 0, 0, 0) },
	  1,
	  0,
	  "reserved field dst must be 0 for exit, is 1" },
	{ "exit src",
	  { I_RAW(0x95, 0, 1, 0, 0) },
	  1,
	  0,
	  "reserved field src must be 0 for exit, is 1" },
	{ "exit off",
	  { I_RAW(0x95, 0, 0, -1, 0) },
	  1,
	  0,
	  "reserved field off must be 0 for exit, is -1" },
	/* reserved fields of loads and stores */
	{ "ldx imm",
	  { I_RAW(0x61, 1, 2, 0, 1), I_EXIT() },
	  2,
	  0,
	  "reserved field imm must be 0 for ldx, is 1" },
	{ "ldx memsx imm",
	  { I_RAW(0x81, 1, 2, 0, 1), I_EXIT() },
	  2,
	  0,
	  "reserved field imm must be 0 for ldx memsx, is 1" },
	{ "st src",
	  { I_RAW(0x62, 10, 1, -4, 0), I_EXIT() },
	  2,
	  0,
	  "reserved field src must be 0 for st, is 1" },
	{ "stx imm",
	  { I_RAW(0x63, 10, 1, -4, 9), I_EXIT() },
	  2,
	  0,
	  "reserved field imm must be 0 for stx, is 9" },
	{ "ld abs src",
	  { I_RAW(0x20, 0, 1, 0, 0), I_EXIT() },
	  2,
	  0,
	  "reserved field src must be 0 for ld_abs, is 1" },
	{ "ld abs dst",
	  { I_RAW(0x28, 1, 0, 0, 0), I_EXIT() },
	  2,
	  0,
	  "reserved field dst must be 0 for ld_abs, is 1" },
	{ "ld abs off",
	  { I_RAW(0x30, 0, 0, 4, 0), I_EXIT() },
	  2,
	  0,
	  "reserved field off must be 0 for ld_abs, is 4" },
	{ "ld ind dst",
	  { I_RAW(0x40, 2, 1, 0, 0), I_EXIT() },
	  2,
	  0,
	  "reserved field dst must be 0 for ld_ind, is 2" },
	{ "ld ind off",
	  { I_RAW(0x50, 0, 1, -2, 0), I_EXIT() },
	  2,
	  0,
	  "reserved field off must be 0 for ld_ind, is -2" },
	/* atomics */
	{ "atomic imm 0x02",
	  { I_ATOMIC_OP(I_DW, 0x02, R1, R2, 0), I_EXIT() },
	  2,
	  0,
	  "invalid atomic operation imm 0x2" },
	{ "atomic imm 0x10 (sub)",
	  { I_ATOMIC_OP(I_W, 0x10, R1, R2, 0), I_EXIT() },
	  2,
	  0,
	  "invalid atomic operation imm 0x10" },
	{ "atomic imm 0x200",
	  { I_ATOMIC_OP(I_W, 0x200, R1, R2, 0), I_EXIT() },
	  2,
	  0,
	  "invalid atomic operation imm 0x200" },
	{ "atomic imm -1",
	  { I_ATOMIC_OP(I_W, -1, R1, R2, 0), I_EXIT() },
	  2,
	  0,
	  "invalid atomic operation imm 0xffffffff" },
	{ "atomic load-acquire with fetch",
	  { I_ATOMIC_OP(I_W, 0x101, R1, R2, 0), I_EXIT() },
	  2,
	  0,
	  "invalid atomic operation imm 0x101" },
	{ "xchg without fetch",
	  { I_ATOMIC_OP(I_DW, 0xe0, R1, R2, 0), I_EXIT() },
	  2,
	  0,
	  "invalid atomic operation imm 0xe0 (xchg needs the fetch flag 0x1)" },
	{ "cmpxchg without fetch",
	  { I_ATOMIC_OP(I_W, 0xf0, R1, R2, 0), I_EXIT() },
	  2,
	  0,
	  "invalid atomic operation imm 0xf0 (cmpxchg needs the fetch flag 0x1)" },
	{ "atomic b",
	  { I_ATOMIC_OP(I_B, 0x00, R1, R2, 0), I_EXIT() },
	  2,
	  0,
	  "invalid size b for atomic add (must be w or dw)" },
	{ "atomic h fetch",
	  { I_ATOMIC_OP(I_H, 0x51, R1, R2, 0), I_EXIT() },
	  2,
	  0,
	  "invalid size h for atomic and (must be w or dw)" },
	{ "atomic b xchg",
	  { I_ATOMIC_OP(I_B, I_XCHG, R1, R2, 0), I_EXIT() },
	  2,
	  0,
	  "invalid size b for atomic xchg (must be w or dw)" },
	/* lddw */
	{ "lddw last slot",
	  { I_MOV64_IMM(R0, 0), I_RAW(0x18, 1, 0, 0, 0) },
	  2,
	  1,
	  "lddw at 1 is missing its second slot" },
	{ "lddw second slot opcode",
	  { I_RAW(0x18, 1, 0, 0, 0), I_EXIT(), I_EXIT() },
	  3,
	  0,
	  "second slot of lddw at 0 has opcode 0x95 (must be 0)" },
	{ "lddw second slot dst",
	  { I_RAW(0x18, 1, 0, 0, 0), I_RAW(0, 1, 0, 0, 0), I_EXIT() },
	  3,
	  0,
	  "second slot of lddw at 0 has registers dst 1 src 0 (must be 0)" },
	{ "lddw second slot src",
	  { I_RAW(0x18, 1, 0, 0, 0), I_RAW(0, 0, 2, 0, 0), I_EXIT() },
	  3,
	  0,
	  "second slot of lddw at 0 has registers dst 0 src 2 (must be 0)" },
	{ "lddw second slot off",
	  { I_RAW(0x18, 1, 0, 0, 0), I_RAW(0, 0, 0, 7, 0), I_EXIT() },
	  3,
	  0,
	  "second slot of lddw at 0 has off 7 (must be 0)" },
	{ "lddw off",
	  { I_RAW(0x18, 1, 0, 1, 0), I_RAW(0, 0, 0, 0, 0), I_EXIT() },
	  3,
	  0,
	  "reserved field off must be 0 for lddw, is 1" },
	{ "lddw src 7",
	  { I_LDDW(R1, 7, 0, 0), I_EXIT() },
	  3,
	  0,
	  "invalid lddw src 7 (must be 0-6)" },
	{ "lddw map fd next imm",
	  { I_LDDW(R1, 1, 3, 9), I_EXIT() },
	  3,
	  0,
	  "reserved field next imm must be 0 for lddw src 1, is 9" },
	{ "lddw btf id next imm",
	  { I_LDDW(R1, 3, 3, 9), I_EXIT() },
	  3,
	  0,
	  "reserved field next imm must be 0 for lddw src 3, is 9" },
	{ "lddw func next imm",
	  { I_LDDW(R1, 4, 1, 9), I_EXIT() },
	  3,
	  0,
	  "reserved field next imm must be 0 for lddw src 4, is 9" },
	{ "lddw map idx next imm",
	  { I_LDDW(R1, 5, 3, 9), I_EXIT() },
	  3,
	  0,
	  "reserved field next imm must be 0 for lddw src 5, is 9" },
	{ "lddw func past end",
	  { I_LDDW(R1, 4, 5, 0), I_EXIT() },
	  3,
	  0,
	  "lddw function target 6 is past the end (program has 3 instructions)" },
	{ "lddw func into lddw",
	  { I_LDDW(R1, 4, 0, 0), I_EXIT() },
	  3,
	  0,
	  "lddw function target 1 is the second slot of lddw at 0" },
	{ "lone second slot", { I_RAW(0, 0, 0, 0, 0), I_EXIT() }, 2, 0, "unknown opcode 0x00" },
	/* jump and call targets */
	{ "jump past end",
	  { I_MOV64_IMM(R0, 0), I_JMP_IMM(INSN_JEQ, R1, 0, 55), I_EXIT() },
	  3,
	  1,
	  "jump target 57 is past the end (program has 3 instructions)" },
	{ "jump to end",
	  { I_JA(1), I_EXIT() },
	  2,
	  0,
	  "jump target 2 is past the end (program has 2 instructions)" },
	{ "jump before start",
	  { I_MOV64_IMM(R0, 0), I_JA(-3), I_EXIT() },
	  3,
	  1,
	  "jump target -1 is before the start of the program" },
	{ "jump into lddw forward",
	  { I_JMP_REG(INSN_JGT, R1, R2, 1), I_LDDW(R0, 0, 1, 2), I_EXIT() },
	  4,
	  0,
	  "jump target 2 is the second slot of lddw at 1" },
	{ "jump into lddw backward",
	  { I_LDDW(R0, 0, 1, 2), I_JA(-2), I_EXIT() },
	  4,
	  2,
	  "jump target 1 is the second slot of lddw at 0" },
	{ "jmp32 into lddw",
	  { I_LDDW(R0, 0, 1, 2), I_JMP32_IMM(INSN_JSLE, R0, 1, -2), I_EXIT() },
	  4,
	  2,
	  "jump target 1 is the second slot of lddw at 0" },
	{ "gotol past end",
	  { I_GOTOL(100000), I_EXIT() },
	  2,
	  0,
	  "jump target 100001 is past the end (program has 2 instructions)" },
	{ "gotol before start",
	  { I_GOTOL(INT32_MIN), I_EXIT() },
	  2,
	  0,
	  "jump target -2147483647 is before the start of the program" },
	{ "call local past end",
	  { I_CALL_LOCAL(1), I_EXIT() },
	  2,
	  0,
	  "call target 2 is past the end (program has 2 instructions)" },
	{ "call local before start",
	  { I_CALL_LOCAL(-2), I_EXIT() },
	  2,
	  0,
	  "call target -1 is before the start of the program" },
	{ "call local into lddw",
	  { I_CALL_LOCAL(2), I_EXIT(), I_LDDW(R0, 0, 1, 2), I_EXIT() },
	  5,
	  0,
	  "call target 3 is the second slot of lddw at 2" },
	/* falling off the end */
	{ "empty", { I_EXIT() }, 0, 0, "program has no instructions" },
	{ "ends with mov",
	  { I_MOV64_IMM(R0, 0) },
	  1,
	  0,
	  "program falls off its end after instruction 0" },
	{ "ends with jcond",
	  { I_MOV64_IMM(R0, 0), I_JMP_IMM(INSN_JEQ, R0, 0, -2) },
	  2,
	  1,
	  "program falls off its end after instruction 1" },
	{ "ends with call",
	  { I_MOV64_IMM(R0, 0), I_CALL(5) },
	  2,
	  1,
	  "program falls off its end after instruction 1" },
	{ "ends with lddw",
	  { I_MOV64_IMM(R0, 0), I_LDDW(R0, 0, 1, 2) },
	  3,
	  1,
	  "program falls off its end after instruction 1" },
	/* the first invalid slot is reported */
	{ "first error wins",
	  { I_MOV64_IMM(R0, 0), I_RAW(0xff, 0, 0, 0, 0), I_RAW(0x8f, 0, 0, 0, 0) },
	  3,
	  1,
	  "unknown opcode 0xff" },
};

START_TEST(test_insn_invalid)
{
	struct insn out[MAX_SLOTS];
	struct insn_err err = { .pc = 12345 };
	size_t cnt = invalid_cases[_i].cnt;

	ck_assert_msg(insn_decode_all(invalid_cases[_i].p, cnt, out, &err) == -1, "%s: accepted",
		      invalid_cases[_i].name);
	ck_assert_msg(strcmp(err.msg, invalid_cases[_i].msg) == 0, "%s: \"%s\", want \"%s\"",
		      invalid_cases[_i].name, err.msg, invalid_cases[_i].msg);
	ck_assert_msg(err.pc == invalid_cases[_i].pc, "%s: pc %u, want %u", invalid_cases[_i].name,
		      err.pc, invalid_cases[_i].pc);
	ck_assert_msg(strchr(err.msg, '\n') == NULL, "%s: message is not one line",
		      invalid_cases[_i].name);
	/* a NULL err is allowed */
	ck_assert_int_eq(insn_decode_all(invalid_cases[_i].p, cnt, out, NULL), -1);
}
END_TEST

/* Encodings the ISA defines and Linux refuses: the decoder accepts, the verifier decides */
static const struct {
	const char *name;
	struct raw_insn p[MAX_SLOTS];
	size_t cnt;
} accepted_cases[] = {
	{ "ja -1 at the end (infinite loop)", { I_MOV64_IMM(R0, 0), I_JA(-1) }, 2 },
	{ "gotol -1 at the end", { I_GOTOL(-1) }, 1 },
	{ "ja as last instruction", { I_MOV64_IMM(R0, 0), I_JA(-2) }, 2 },
	{ "jump to the first slot of lddw", { I_JA(0), I_LDDW(R0, 0, 1, 2), I_EXIT() }, 4 },
	{ "jump over lddw", { I_JA(2), I_LDDW(R0, 0, 1, 2), I_EXIT() }, 4 },
	{ "backward jump to pc 0", { I_MOV64_IMM(R0, 0), I_JA(-2) }, 2 },
	{ "local call to itself", { I_CALL_LOCAL(-1), I_EXIT() }, 2 },
	{ "lddw func to itself", { I_LDDW(R1, 4, -1, 0), I_EXIT() }, 3 },
	{ "constant shift 64", { I_ALU64_IMM(INSN_ALU_LSH, R0, 64), I_EXIT() }, 2 },
	{ "constant shift 32 (alu)", { I_ALU32_IMM(INSN_ALU_RSH, R0, 32), I_EXIT() }, 2 },
	{ "constant shift -1", { I_ALU64_IMM(INSN_ALU_ARSH, R0, -1), I_EXIT() }, 2 },
	{ "div by constant 0", { I_ALU64_IMM(INSN_ALU_DIV, R0, 0), I_EXIT() }, 2 },
	{ "smod by constant 0", { I_RAW(0x94, R0, 0, 1, 0), I_EXIT() }, 2 },
	{ "write to r10 (mov)", { I_MOV64_IMM(R10, 0), I_EXIT() }, 2 },
	{ "write to r10 (ldx)", { I_LDX_MEM(I_DW, R10, R1, 0), I_EXIT() }, 2 },
	{ "write to r10 (lddw)", { I_LDDW(R10, 0, 0, 0), I_EXIT() }, 3 },
	{ "store to r10 memory", { I_ST_MEM(I_DW, R10, -8, 0), I_EXIT() }, 2 },
	{ "atomic on r10 memory", { I_ATOMIC_OP(I_DW, 0x01, R10, R1, -8), I_EXIT() }, 2 },
	{ "helper with negative id", { I_CALL(-1), I_EXIT() }, 2 },
	{ "map value lddw with any offset", { I_LDDW(R1, 6, 0, -4), I_EXIT() }, 3 },
};

START_TEST(test_insn_accepted)
{
	struct insn out[MAX_SLOTS];
	struct insn_err err = { 0 };

	ck_assert_msg(insn_decode_all(accepted_cases[_i].p, accepted_cases[_i].cnt, out, &err) == 0,
		      "%s: rejected at %u: %s", accepted_cases[_i].name, err.pc, err.msg);
	for (uint32_t pc = 0; pc < accepted_cases[_i].cnt; pc++) {
		struct insn one;

		ck_assert_int_eq(out[pc].pc, pc);
		ck_assert_msg(insn_decode_one(accepted_cases[_i].p, accepted_cases[_i].cnt, pc,
					      &one, &err) == 0,
			      "%s: decode_one %u: %s", accepted_cases[_i].name, pc, err.msg);
		ck_assert_int_eq(one.kind, out[pc].kind);
		ck_assert_int_eq(one.target, out[pc].target);
	}
}
END_TEST

START_TEST(test_insn_lddw_slots)
{
	struct raw_insn p[] = { I_LDDW(R1, 0, 1, 2), I_JMP_IMM(INSN_JEQ, R1, 0, -3),
				I_LDDW(R2, 0, 0, -1), I_EXIT() };
	struct insn out[ARRAY_SIZE(p)], one;
	struct insn_err err;
	char buf[32];

	ck_assert_int_eq(insn_decode_all(p, ARRAY_SIZE(p), out, &err), 0);
	ck_assert_int_eq(out[0].kind, INSN_LDDW);
	ck_assert_int_eq(out[1].kind, INSN_LDDW_HI);
	ck_assert_int_eq(out[2].kind, INSN_JCOND);
	ck_assert_int_eq(out[2].target, 0);
	ck_assert_int_eq(out[3].kind, INSN_LDDW);
	ck_assert(out[3].imm64 == 0xffffffff00000000ULL);
	ck_assert_int_eq(out[4].kind, INSN_LDDW_HI);
	ck_assert_int_eq(out[4].pc, 4);
	ck_assert_int_eq(out[4].imm, -1);
	/* the second slot prints as nothing: llvm-objdump shows no line for it */
	ck_assert_int_eq(insn_snprint(buf, sizeof(buf), &out[4]), 0);
	ck_assert_str_eq(buf, "");
	ck_assert_int_eq(insn_snprint(buf, sizeof(buf), &out[3]),
			 (int)strlen("r2 = -4294967296 ll"));
	ck_assert_str_eq(buf, "r2 = -4294967296 ll");
	/* decode_one on a second slot */
	ck_assert_int_eq(insn_decode_one(p, ARRAY_SIZE(p), 1, &one, &err), 0);
	ck_assert_int_eq(one.kind, INSN_LDDW_HI);
	ck_assert_int_eq(one.imm, 2);
	/* decode_one past the end */
	ck_assert_int_eq(insn_decode_one(p, ARRAY_SIZE(p), 6, &one, &err), -1);
	ck_assert_str_eq(err.msg, "instruction 6 is past the end (program has 6 instructions)");
}
END_TEST

START_TEST(test_insn_unchecked)
{
	struct raw_insn p[] = { I_JA(5), I_JMP_IMM(INSN_JEQ, R1, 0, -1), I_LDDW(R1, 0, 0, 0),
				I_CALL_LOCAL(-9), I_MOV64_IMM(11, 0) };
	struct insn one;
	struct insn_err err;
	char buf[32];

	/* targets are not checked; the target is 0 when outside the program */
	ck_assert_int_eq(insn_decode_one_unchecked(p, ARRAY_SIZE(p), 0, &one, &err), 0);
	ck_assert_int_eq(one.kind, INSN_JA);
	ck_assert_int_eq(one.target, 0);
	insn_snprint(buf, sizeof(buf), &one);
	ck_assert_str_eq(buf, "goto +5");
	ck_assert_int_eq(insn_decode_one_unchecked(p, ARRAY_SIZE(p), 1, &one, &err), 0);
	ck_assert_int_eq(one.target, 1);
	ck_assert_int_eq(insn_decode_one_unchecked(p, ARRAY_SIZE(p), 4, &one, &err), 0);
	ck_assert_int_eq(one.kind, INSN_CALL);
	ck_assert_int_eq(one.target, 0);
	/* the checked variants refuse the same slots */
	ck_assert_int_eq(insn_decode_one(p, ARRAY_SIZE(p), 0, &one, &err), -1);
	ck_assert_str_eq(err.msg, "jump target 6 is past the end (program has 6 instructions)");
	ck_assert_int_eq(insn_decode_one(p, ARRAY_SIZE(p), 4, &one, &err), -1);
	ck_assert_str_eq(err.msg, "call target -4 is before the start of the program");
	/* fields are still checked */
	ck_assert_int_eq(insn_decode_one_unchecked(p, ARRAY_SIZE(p), 5, &one, &err), -1);
	ck_assert_str_eq(err.msg, "invalid dst register 11 (must be 0-10)");
	ck_assert_int_eq(err.pc, 5);
}
END_TEST

START_TEST(test_insn_snprint_truncates)
{
	struct raw_insn p[] = { I_LDX_MEM(I_DW, R1, R10, -8), I_EXIT() };
	struct insn out[2];
	struct insn_err err;
	char buf[8];

	ck_assert_int_eq(insn_decode_all(p, 2, out, &err), 0);
	/* snprintf semantics: the full length is returned, the text is cut and terminated */
	ck_assert_int_eq(insn_snprint(buf, sizeof(buf), &out[0]),
			 (int)strlen("r1 = *(u64 *)(r10 - 8)"));
	ck_assert_str_eq(buf, "r1 = *(");
	ck_assert_int_eq(insn_snprint(NULL, 0, &out[0]), (int)strlen("r1 = *(u64 *)(r10 - 8)"));
}
END_TEST

/* A small program as clang -O2 -target bpf emits it, printed as llvm-objdump 14 does */
START_TEST(test_insn_snprint_program)
{
	static const struct raw_insn p[] = {
		I_RAW(0xb7, 2, 0, 0, 0),    I_RAW(0x61, 3, 1, 0, 0),  I_RAW(0x15, 3, 0, 12, 0),
		I_RAW(0xbf, 5, 2, 0, 0),    I_RAW(0x67, 5, 0, 0, 32), I_RAW(0xc7, 5, 0, 0, 32),
		I_RAW(0x65, 5, 0, 5, 1000), I_RAW(0x2d, 3, 5, 3, 0),  I_RAW(0xbf, 1, 2, 0, 0),
		I_RAW(0x85, 0, 1, 0, -1),   I_RAW(0x95, 0, 0, 0, 0),  I_RAW(0xbc, 0, 1, 0, 0),
		I_RAW(0x18, 1, 0, 0, 0),    I_RAW(0, 0, 0, 0, 0),     I_RAW(0xdb, 1, 2, 0, 0),
		I_RAW(0x05, 0, 0, -14, 0),
	};
	static const char *const want[] = {
		"r2 = 0",
		"r3 = *(u32 *)(r1 + 0)",
		"if r3 == 0 goto +12",
		"r5 = r2",
		"r5 <<= 32",
		"r5 s>>= 32",
		"if r5 s> 1000 goto +5",
		"if r3 > r5 goto +3",
		"r1 = r2",
		"call -1",
		"exit",
		"w0 = w1",
		"r1 = 0 ll",
		"",
		"lock *(u64 *)(r1 + 0) += r2",
		"goto -14",
	};
	struct insn out[ARRAY_SIZE(p)];
	struct insn_err err;
	char buf[64];

	ck_assert_msg(insn_decode_all(p, ARRAY_SIZE(p), out, &err) == 0, "%u: %s", err.pc, err.msg);
	for (uint32_t pc = 0; pc < ARRAY_SIZE(p); pc++) {
		insn_snprint(buf, sizeof(buf), &out[pc]);
		ck_assert_msg(strcmp(buf, want[pc]) == 0, "pc %u: \"%s\", want \"%s\"", pc, buf,
			      want[pc]);
	}
}
END_TEST

Suite *insn_suite(void)
{
	Suite *s = suite_create("insn");
	TCase *tc = tcase_create("decode");

	tcase_add_loop_test(tc, test_insn_valid, 0, ARRAY_SIZE(valid_cases));
	tcase_add_loop_test(tc, test_insn_opcode_bytes, 0, 256);
	tcase_add_loop_test(tc, test_insn_invalid, 0, ARRAY_SIZE(invalid_cases));
	tcase_add_loop_test(tc, test_insn_accepted, 0, ARRAY_SIZE(accepted_cases));
	tcase_add_test(tc, test_insn_lddw_slots);
	tcase_add_test(tc, test_insn_unchecked);
	tcase_add_test(tc, test_insn_snprint_truncates);
	tcase_add_test(tc, test_insn_snprint_program);
	suite_add_tcase(s, tc);
	return s;
}
