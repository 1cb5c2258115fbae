/* SPDX-License-Identifier: MIT */
/*
 * ctx: the context (R1 at entry) of every program type: which byte ranges may
 * be read or written with which sizes, which fields yield pointers (packet,
 * packet end, socket, ...), and which return values the program may give.
 * Data from ../shared/spec/kernel-model.md section 8 (each table cites the
 * kernel's *_is_valid_access function).
 */
#ifndef BV_VERIFIER_CTX_H
#define BV_VERIFIER_CTX_H

#include <stdbool.h>
#include <stdint.h>

#include "../include/bpfverify.h"

/* What a context load yields */
enum ctx_val {
	CTX_VAL_SCALAR,
	CTX_VAL_PKT, /* PTR_TO_PACKET (data) */
	CTX_VAL_PKT_END, /* PTR_TO_PACKET_END (data_end) */
	CTX_VAL_PKT_META, /* PTR_TO_PACKET_META (data_meta) */
	CTX_VAL_SOCK, /* PTR_TO_SOCKET (sk fields that are never NULL) */
	CTX_VAL_SOCK_OR_NULL, /* PTR_TO_SOCKET_OR_NULL / SOCK_COMMON_OR_NULL */
	CTX_VAL_FLOW_KEYS, /* PTR_TO_FLOW_KEYS */
	CTX_VAL_CTX_PTR, /* other kernel pointer we do not model: unusable pointer */
};

enum ctx_access_result {
	CTX_OK,
	CTX_BAD_OFFSET, /* offset/size not a valid field access */
	CTX_READ_ONLY, /* write to a read-only field */
	CTX_NO_CTX, /* type has no modelled context: inconclusive */
};

struct ctx_access {
	enum ctx_val val; /* for reads */
	/* for scalar reads: known range of the loaded value (umin..umax), e.g. 0..1 for a bool */
	uint64_t umin, umax;
};

/*
 * Check a direct access ctx + @off of @size bytes (1, 2, 4, 8) for program
 * type @t (with attach type @attach, 0 = default). @write: store (ST/STX).
 */
enum ctx_access_result ctx_check(enum bv_prog_type t, uint32_t attach, int64_t off, unsigned size,
				 bool write, struct ctx_access *out);
/* sizeof the context struct, 0 if none modelled */
uint32_t ctx_size(enum bv_prog_type t);
/* Allowed return values at main-program exit, [*lo, *hi] signed 32-bit as the kernel checks
 * (check_return_code); false if any value is allowed. */
bool ctx_ret_range(enum bv_prog_type t, uint32_t attach, int64_t *lo, int64_t *hi);
/* Whether direct packet access (data/data_end loads giving packet pointers) may write */
bool ctx_pkt_writable(enum bv_prog_type t);

#endif
