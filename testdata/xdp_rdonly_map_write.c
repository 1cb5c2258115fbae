// SPDX-License-Identifier: MIT
/* Config map created read-only for programs (BPF_F_RDONLY_PROG), yet the program updates it. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__uint(map_flags, BPF_F_RDONLY_PROG);
	__type(key, __u32);
	__type(value, __u64);
} config SEC(".maps");

SEC("xdp")
int xdp_cfg(struct xdp_md *ctx)
{
	__u32 zero = 0;
	__u64 *limit = bpf_map_lookup_elem(&config, &zero);

	if (!limit)
		return XDP_PASS;
	if (*limit == 0)
		/* BUG: map is read-only from the program side */
		*limit = 1000;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
