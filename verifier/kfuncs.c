// SPDX-License-Identifier: MIT
/*
 * kfuncs: the modelled kernel functions. Facts from kernel/bpf/helpers.c
 * (common_btf_ids, generic_btf_ids and their registration) and
 * kernel/bpf/bpf_iter.c (bpf_iter_num_*), Linux 6.18.
 */
#include "kfuncs.h"

#include <string.h>

#define ARGS(...)           \
	{                   \
		__VA_ARGS__ \
	}

static const struct kf_proto table[] = {
	{ "bpf_rcu_read_lock", KF_RET_VOID, ARGS(KF_ARG_NONE), NULL, KF_RCU_LOCK, KF_SET_COMMON },
	{ "bpf_rcu_read_unlock", KF_RET_VOID, ARGS(KF_ARG_NONE), NULL, KF_RCU_UNLOCK,
	  KF_SET_COMMON },
	{ "bpf_iter_num_new", KF_RET_SCALAR, ARGS(KF_ARG_ITER_UNINIT, KF_ARG_SCALAR, KF_ARG_SCALAR),
	  NULL, KF_ITER_NEW, KF_SET_COMMON },
	{ "bpf_iter_num_next", KF_RET_ITER_NEXT_INT, ARGS(KF_ARG_ITER), NULL, KF_ITER_NEXT,
	  KF_SET_COMMON },
	{ "bpf_iter_num_destroy", KF_RET_VOID, ARGS(KF_ARG_ITER), NULL, KF_ITER_DESTROY,
	  KF_SET_COMMON },
	{ "bpf_task_from_pid", KF_RET_BTF_ACQUIRED, ARGS(KF_ARG_SCALAR), "task_struct", 0,
	  KF_SET_GENERIC },
	{ "bpf_task_acquire", KF_RET_BTF_ACQUIRED, ARGS(KF_ARG_BTF_RCU), "task_struct", 0,
	  KF_SET_GENERIC },
	{ "bpf_task_release", KF_RET_VOID, ARGS(KF_ARG_BTF_RELEASE), "task_struct", 0,
	  KF_SET_GENERIC },
	{ "bpf_cgroup_from_id", KF_RET_BTF_ACQUIRED, ARGS(KF_ARG_SCALAR), "cgroup", 0,
	  KF_SET_GENERIC },
	{ "bpf_cgroup_acquire", KF_RET_BTF_ACQUIRED, ARGS(KF_ARG_BTF_RCU), "cgroup", 0,
	  KF_SET_GENERIC },
	{ "bpf_cgroup_release", KF_RET_VOID, ARGS(KF_ARG_BTF_RELEASE), "cgroup", 0,
	  KF_SET_GENERIC },
};

const struct kf_proto *kf_lookup(const char *name)
{
	if (!name)
		return NULL;
	for (size_t i = 0; i < sizeof(table) / sizeof(*table); i++)
		if (strcmp(table[i].name, name) == 0)
			return &table[i];
	return NULL;
}

bool kf_allowed(const struct kf_proto *k, enum bv_prog_type t)
{
	if (k->set == KF_SET_COMMON)
		return true;
	switch (t) {
	case BV_PROG_TRACING:
	case BV_PROG_SCHED_CLS:
	case BV_PROG_XDP:
	case BV_PROG_SYSCALL:
		return true;
	default:
		return false;
	}
}
