// SPDX-License-Identifier: MIT
/* tp_btf cgroup_mkdir: remember the creation time of each cgroup in cgroup-local storage. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "kern_types.h"

/* BPF_MAP_TYPE_CGRP_STORAGE (Linux 6.2) is newer than this system's UAPI header */
#define MAP_TYPE_CGRP_STORAGE 32

struct {
	__uint(type, MAP_TYPE_CGRP_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, __u64);
} born SEC(".maps");

SEC("tp_btf/cgroup_mkdir")
int BPF_PROG(on_mkdir, struct cgroup *cgrp, const char *path)
{
	__u64 *ts;

	ts = bpf_cgrp_storage_get(&born, cgrp, 0, BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (ts)
		*ts = bpf_ktime_get_ns();
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
