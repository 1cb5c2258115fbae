// SPDX-License-Identifier: MIT
/* syscall program run by BPF_PROG_RUN: copy a caller-supplied configuration into a map. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct cfg_args {
	__u32 slot;
	__u32 pad;
	__u64 value;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, __u64);
} config SEC(".maps");

SEC("syscall")
int set_config(struct cfg_args *args)
{
	__u32 slot = args->slot;
	__u64 value = args->value;

	if (slot >= 16)
		return -1;
	return bpf_map_update_elem(&config, &slot, &value, BPF_ANY);
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
