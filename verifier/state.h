/* SPDX-License-Identifier: MIT */
/*
 * state: the abstract machine state the interpreter keeps for one path
 * prefix: registers of every active frame, each frame's stack, acquired
 * references and the spin lock. A register is uninitialised, a scalar
 * (struct sval from domains/) or a pointer into a region with a fixed
 * offset plus a variable offset (an sval).
 *
 * Packet pointers follow the kernel's design (kernel-model.md section 3):
 * a packet pointer is data + var + off, where @id names the variable part
 * (every copy of a pointer derived from the same variable addition shares
 * the id, and so shares the unknown value of var). @range is the number of
 * bytes past data + var proven to lie before data_end; a comparison of one
 * pointer of an id against data_end raises the range of every pointer with
 * that id, wherever it is (registers of all frames and stack spills). That
 * is what lets "ip + ip->ihl * 4 + sizeof(tcp) > data_end" protect later
 * accesses through copies of that pointer.
 */
#ifndef BV_VERIFIER_STATE_H
#define BV_VERIFIER_STATE_H

#include <stdbool.h>
#include <stdint.h>

#include "../domains/sval.h"

#define ST_MAX_FRAMES 8
#define ST_STACK_SIZE 512
#define ST_SLOTS (ST_STACK_SIZE / 8)
#define ST_MAX_REFS 16
#define ST_NREGS 11

enum reg_type {
	REG_UNINIT,
	REG_SCALAR,
	REG_PTR,
};

/* Pointer regions; keep in sync with rgn_names in state.c */
enum rgn {
	RGN_CTX,
	RGN_STACK,
	RGN_PKT,
	RGN_PKT_META,
	RGN_PKT_END,
	RGN_MAP, /* CONST_PTR_TO_MAP */
	RGN_MAP_VALUE,
	RGN_MAP_KEY, /* callback argument */
	RGN_MEM, /* sized memory (ringbuf reservation, ...) */
	RGN_SOCK,
	RGN_SOCK_COMMON,
	RGN_TCP_SOCK,
	RGN_FLOW_KEYS,
	RGN_FUNC, /* code address (callback) */
	RGN_OPAQUE, /* kernel object we do not model: not dereferenceable */
	RGN_BTF, /* kernel struct typed by the kernel BTF (PTR_TO_BTF_ID): @map = type id */
	RGN_TP_BUF, /* writable tracepoint buffer (raw_tracepoint.w args[0]) */
	RGN_ITER, /* open-coded iterator state, only as an 8-byte stack spill: @off 1 active,
		     2 drained; @ref its reference */
	RGN_DYNPTR, /* dynptr, only as a stack spill in both of its 8-byte slots: @off 1 local,
		       2 ring buffer (negated in the upper slot); @ref its reference, @id links
		       its slices */
	RGN_CNT,
};

struct reg {
	uint8_t type; /* enum reg_type */
	uint8_t rgn; /* enum rgn, for REG_PTR */
	bool maybe_null;
	bool rdonly;
	uint8_t frame; /* RGN_STACK: frame index */
	uint8_t trust; /* RGN_BTF: enum kb_trust */
	int32_t map; /* RGN_MAP / RGN_MAP_VALUE / RGN_MAP_KEY: map index; RGN_FUNC: target pc */
	uint32_t id; /* shared by copies: packet variable part, or null-check id */
	uint32_t ref; /* acquired reference this pointer holds, 0 if none */
	int64_t off; /* fixed offset of a pointer */
	int64_t range; /* RGN_PKT/PKT_META: proven bytes; RGN_MEM: size */
	struct sval v; /* scalar value, or the variable offset of a pointer */
};

/* Per stack byte */
enum slot_kind {
	SK_INVALID = 0, /* never written */
	SK_MISC, /* written, value unknown */
	SK_ZERO, /* written with zero */
	SK_SPILL, /* part of a spilled register */
};

struct slot {
	uint8_t kind[8]; /* byte i is at offset -(8*idx) - 8 + i from the frame pointer */
	uint8_t spill_size; /* bytes of the spill (at the start of the slot), 0 if none */
	struct reg spill;
};

struct frame {
	struct reg regs[ST_NREGS];
	uint32_t callsite; /* pc of the call that created this frame (0 for main) */
	uint32_t func; /* function index (obj funcs) */
	uint32_t nslots; /* slots[0, nslots) allocated; slot i covers [-8(i+1), -8i) */
	struct slot *slots;
	uint32_t cb_helper; /* callback frame: the helper that calls it (bpf_loop, ...), else 0 */
	uint32_t cb_target; /* callback frame: entry pc */
	uint32_t async_helper; /* frame 0 of an asynchronous callback (timer): the helper that
				  registered it, else 0 */
};

/* fr[] must stay last: stored checkpoints allocate only the frames in use */
struct vstate {
	uint32_t nframes;
	uint32_t refs[ST_MAX_REFS]; /* acquired, not yet released reference ids */
	uint32_t ref_pc[ST_MAX_REFS]; /* where each was acquired */
	uint32_t nrefs;
	uint32_t lock_held; /* map index + 1 of the held bpf_spin_lock, 0 if none */
	uint32_t lock_id;
	uint32_t may_goto_depth; /* may_goto fall-throughs and iterator steps (not compared) */
	uint32_t rcu_depth; /* inside bpf_rcu_read_lock() */
	uint32_t full; /* allocated with room for every frame */
	uint32_t hist[8]; /* ring of the last instructions interpreted on this path */
	uint32_t hist_n;
	struct frame fr[ST_MAX_FRAMES];
};

#endif
