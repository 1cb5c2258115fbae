/* SPDX-License-Identifier: MIT */
/*
 * insn: decoding of RFC 9669 instructions into a typed form. Decoding happens
 * once: every field is checked, the two slots of an lddw are fused into one
 * instruction (the second slot becomes INSN_LDDW_HI, so indices stay slot
 * indices as in llvm-objdump and kernel logs), jump targets are absolute.
 */
#ifndef BV_VERIFIER_INSN_H
#define BV_VERIFIER_INSN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One raw 8-byte instruction slot, host order after the loader's conversion */
struct raw_insn {
	uint8_t code;
	uint8_t dst : 4;
	uint8_t src : 4;
	int16_t off;
	int32_t imm;
};

enum insn_kind {
	INSN_ALU, /* ALU / ALU64 incl. MOV, MOVSX (alu_op == INSN_ALU_MOVSX), NEG */
	INSN_END, /* byte swap: END (le/be) or ALU64 BSWAP */
	INSN_JA, /* goto (JA, JA32 "gotol") */
	INSN_JCOND, /* conditional jump, JMP or JMP32 */
	INSN_CALL, /* call helper (src 0), local (src 1), kfunc (src 2) */
	INSN_CALLX, /* Linux extension: callx reg */
	INSN_EXIT,
	INSN_LDDW, /* 64-bit immediate load, first slot */
	INSN_LDDW_HI, /* second slot of an lddw; never executed */
	INSN_LDX, /* load: MEM or MEMSX */
	INSN_ST, /* store immediate */
	INSN_STX, /* store register */
	INSN_ATOMIC, /* STX | ATOMIC */
	INSN_LD_ABS, /* legacy packet load */
	INSN_LD_IND,
	INSN_MAY_GOTO, /* Linux extension: JMP | JCOND (0xe5) src 0: goto target or fall through */
	INSN_KIND_CNT,
};

/* Values are the RFC 9669 code field >> 4 */
enum insn_alu_op {
	INSN_ALU_ADD = 0x0,
	INSN_ALU_SUB = 0x1,
	INSN_ALU_MUL = 0x2,
	INSN_ALU_DIV = 0x3, /* off 1: SDIV */
	INSN_ALU_OR = 0x4,
	INSN_ALU_AND = 0x5,
	INSN_ALU_LSH = 0x6,
	INSN_ALU_RSH = 0x7,
	INSN_ALU_NEG = 0x8,
	INSN_ALU_MOD = 0x9, /* off 1: SMOD */
	INSN_ALU_XOR = 0xa,
	INSN_ALU_MOV = 0xb, /* off 8/16/32: MOVSX */
	INSN_ALU_ARSH = 0xc,
	INSN_ALU_END = 0xd,
	/* distinct kinds for the signed/extending forms */
	INSN_ALU_SDIV = 0x10,
	INSN_ALU_SMOD = 0x11,
	INSN_ALU_MOVSX = 0x12,
};

/* Values are the RFC 9669 code field >> 4 */
enum insn_jmp_op {
	INSN_JEQ = 0x1,
	INSN_JGT = 0x2,
	INSN_JGE = 0x3,
	INSN_JSET = 0x4,
	INSN_JNE = 0x5,
	INSN_JSGT = 0x6,
	INSN_JSGE = 0x7,
	INSN_JLT = 0xa,
	INSN_JLE = 0xb,
	INSN_JSLT = 0xc,
	INSN_JSLE = 0xd,
};

/* lddw src field (RFC 9669 section 5.4 / Linux) */
enum insn_lddw_src {
	INSN_LDDW_IMM = 0, /* plain 64-bit constant */
	INSN_LDDW_MAP_FD = 1, /* map by fd (here: by index into obj maps) */
	INSN_LDDW_MAP_VALUE = 2, /* map value address, second imm = offset */
	INSN_LDDW_BTF_ID = 3, /* kernel variable by BTF id */
	INSN_LDDW_FUNC = 4, /* code address (callback) */
	INSN_LDDW_MAP_IDX = 5, /* map by index */
	INSN_LDDW_MAP_IDX_VALUE = 6,
};

/* call src field */
enum insn_call_kind {
	INSN_CALL_HELPER = 0,
	INSN_CALL_LOCAL = 1,
	INSN_CALL_KFUNC = 2,
};

/* atomic imm (operation | fetch flag) */
enum insn_atomic_op {
	INSN_ATOMIC_ADD = 0x00,
	INSN_ATOMIC_OR = 0x40,
	INSN_ATOMIC_AND = 0x50,
	INSN_ATOMIC_XOR = 0xa0,
	INSN_ATOMIC_XCHG = 0xe0, /* always fetch */
	INSN_ATOMIC_CMPXCHG = 0xf0, /* always fetch */
	INSN_ATOMIC_LOAD_ACQ = 0x100, /* Linux extension: load-acquire */
	INSN_ATOMIC_STORE_REL = 0x110, /* Linux extension: store-release */
};

struct insn {
	enum insn_kind kind;
	uint8_t code; /* raw opcode byte */
	uint8_t dst; /* 0..10 */
	uint8_t src; /* 0..10, or the raw src field for call/lddw */
	bool is64; /* ALU64 / JMP (vs ALU / JMP32); for END: ALU64 bswap */
	bool src_reg; /* operand is register src (else the immediate) */
	int16_t off;
	int32_t imm;
	uint64_t imm64; /* INSN_LDDW: imm | (uint64_t)next.imm << 32 */
	int32_t imm_hi; /* INSN_LDDW: the second slot's imm (offset for MAP_VALUE kinds) */
	enum insn_alu_op alu; /* INSN_ALU */
	enum insn_jmp_op jmp; /* INSN_JCOND */
	uint8_t size; /* access size in bytes for loads/stores/atomics/ld_abs: 1,2,4,8 */
	bool sx; /* INSN_LDX: sign-extending load (MEMSX) */
	uint8_t ext_bits; /* MOVSX: 8/16/32; END: 16/32/64 */
	bool to_be; /* INSN_END: to big endian (BE) vs LE; false for bswap */
	uint32_t atomic; /* INSN_ATOMIC: enum insn_atomic_op */
	bool fetch; /* INSN_ATOMIC: fetch flag (always true for xchg/cmpxchg) */
	/* absolute target slot: INSN_JA/INSN_JCOND jumps, local INSN_CALL, lddw of a function */
	uint32_t target;
	uint32_t pc; /* slot index of this instruction */
};

/* Decode-error detail returned by insn_decode_all */
struct insn_err {
	uint32_t pc;
	char msg[160];
};

/*
 * Decode @cnt raw slots into @out (caller-owned, @cnt entries). Checks every
 * field, fuses lddw, resolves and checks jump and local-call targets (inside
 * [0, cnt), never onto an INSN_LDDW_HI slot), and checks that control cannot
 * fall off the end (the last slot must be exit or an unconditional jump).
 * Returns 0, or -1 with @err filled for the first invalid slot.
 */
int insn_decode_all(const struct raw_insn *raw, size_t cnt, struct insn *out, struct insn_err *err);

/* Decode one instruction (slot @pc of @cnt); -1 with @err on error. Target checks included. */
int insn_decode_one(const struct raw_insn *raw, size_t cnt, uint32_t pc, struct insn *out,
		    struct insn_err *err);

/*
 * As insn_decode_one() but without the target checks: fields are checked, a
 * jump or call target outside the program or onto a second lddw slot is not
 * an error (@out->target is then 0 if outside). For disassembling programs
 * that fail validation. (added by the decoder)
 */
int insn_decode_one_unchecked(const struct raw_insn *raw, size_t cnt, uint32_t pc, struct insn *out,
			      struct insn_err *err);

/* Text as llvm-objdump -d --no-show-raw-insn prints it (LLVM 14), without the
 * "pc:" prefix, e.g. "r1 = *(u32 *)(r1 + 4)", "if r2 > r3 goto +5", "r1 = 0 ll" */
int insn_snprint(char *buf, size_t size, const struct insn *in);

#endif
