// SPDX-License-Identifier: MIT
/*
 * Sample 1 packet in N, where N comes from a map and may be 0. BPF defines
 * x % 0 == x and x / 0 == 0, so the kernel accepts the unchecked divisor.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} sample_rate SEC(".maps");

__u64 seen, sampled;

SEC("xdp")
int xdp_sample(struct xdp_md *ctx)
{
	__u32 zero = 0;
	__u64 *n = bpf_map_lookup_elem(&sample_rate, &zero);
	__u64 seq = __sync_fetch_and_add(&seen, 1);

	if (!n)
		return XDP_PASS;
	if (seq / *n == 0 || seq % *n == 0)
		__sync_fetch_and_add(&sampled, 1);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
