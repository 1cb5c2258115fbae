// SPDX-License-Identifier: MIT
/* syscall program whose packed argument struct puts the 8-byte value at offset 4. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct cfg_args {
	__u32 slot;
	__u64 value;
} __attribute__((packed));

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
	/* BUG: ctx loads must be aligned to their size; value sits at offset 4 */
	__u64 value = *(volatile __u64 *)((char *)args + 4);

	if (slot >= 16)
		return -1;
	return bpf_map_update_elem(&config, &slot, &value, BPF_ANY);
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
