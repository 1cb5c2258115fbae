// SPDX-License-Identifier: MIT
/* tp_btf sys_enter: count system calls by number, using the scalar "id" argument. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "kern_types.h"

#define MAX_SYSCALLS 512

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, MAX_SYSCALLS);
	__type(key, __u32);
	__type(value, __u64);
} syscalls SEC(".maps");

SEC("tp_btf/sys_enter")
int BPF_PROG(on_sys_enter, struct pt_regs *regs, long id)
{
	__u32 key;
	__u64 *cnt;

	if (id < 0 || id >= MAX_SYSCALLS)
		return 0;
	key = id;
	cnt = bpf_map_lookup_elem(&syscalls, &key);
	if (cnt)
		*cnt += 1;
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
