/* SPDX-License-Identifier: MIT */
/*
 * kfuncs: the kernel functions bpfverify models (CALL src 2, resolved by
 * name), with the flags the kernel registers them with (KF_ACQUIRE,
 * KF_RELEASE, KF_RET_NULL, KF_RCU, KF_ITER_*) and the program types whose
 * kfunc sets hold them. A kfunc not in the table makes the program
 * inconclusive, naming it. Data, not code.
 */
#ifndef BV_VERIFIER_KFUNCS_H
#define BV_VERIFIER_KFUNCS_H

#include <stdbool.h>

#include "../include/bpfverify.h"

enum kf_arg {
	KF_ARG_NONE,
	KF_ARG_SCALAR, /* any initialised scalar */
	KF_ARG_ITER_UNINIT, /* stack slot for a new iterator (8 bytes, fixed offset) */
	KF_ARG_ITER, /* an initialised iterator on the stack */
	KF_ARG_BTF_RCU, /* trusted or RCU pointer to @type, not NULL (KF_RCU) */
	KF_ARG_BTF_RELEASE, /* acquired pointer to @type, released by the call (KF_RELEASE) */
};

enum kf_ret {
	KF_RET_VOID,
	KF_RET_SCALAR,
	KF_RET_ITER_NEXT_INT, /* int * into the iterator, or NULL when it is drained */
	KF_RET_BTF_ACQUIRED, /* trusted, referenced pointer to @type, or NULL */
};

enum kf_flag {
	KF_RCU_LOCK = 1u << 0, /* bpf_rcu_read_lock */
	KF_RCU_UNLOCK = 1u << 1, /* bpf_rcu_read_unlock */
	KF_ITER_NEW = 1u << 2,
	KF_ITER_NEXT = 1u << 3,
	KF_ITER_DESTROY = 1u << 4,
};

/* Which kfunc set: every program type, or the "generic" set (helpers.c) */
enum kf_set {
	KF_SET_COMMON, /* registered for BPF_PROG_TYPE_UNSPEC: all program types */
	KF_SET_GENERIC, /* tracing, sched_cls, xdp, syscall (struct_ops not modelled) */
};

struct kf_proto {
	const char *name;
	enum kf_ret ret;
	enum kf_arg arg[5];
	const char *type; /* kernel struct of BTF arguments and return value */
	unsigned flags; /* enum kf_flag */
	enum kf_set set;
};

/* The model of kfunc @name, or NULL */
const struct kf_proto *kf_lookup(const char *name);
/* Whether program type @t may call @k (its kfunc set is registered for @t) */
bool kf_allowed(const struct kf_proto *k, enum bv_prog_type t);

#endif
