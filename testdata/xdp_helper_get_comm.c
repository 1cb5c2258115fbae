// SPDX-License-Identifier: MIT
/*
 * XDP program that tries to log the current task name (meaningless: XDP runs in
 * softirq context). Kernel 6.18 offers bpf_get_current_comm to every program
 * type through its base helper set, but only with CAP_PERFMON.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, char[16]);
} last_comm SEC(".maps");

SEC("xdp")
int xdp_who(struct xdp_md *ctx)
{
	__u32 zero = 0;
	char *comm = bpf_map_lookup_elem(&last_comm, &zero);

	if (comm)
		/* BUG: helper not available to XDP programs without CAP_PERFMON */
		bpf_get_current_comm(comm, 16);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
