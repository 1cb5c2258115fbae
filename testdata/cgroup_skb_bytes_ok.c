// SPDX-License-Identifier: MIT
/* cgroup_skb ingress accounting: per-CPU byte and packet counters per protocol family. */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct counters {
	__u64 packets;
	__u64 bytes;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, struct counters);
} stats SEC(".maps");

SEC("cgroup_skb/ingress")
int cg_count(struct __sk_buff *skb)
{
	__u32 key = skb->protocol == bpf_htons(ETH_P_IPV6) ? 1 : 0;
	struct counters *c = bpf_map_lookup_elem(&stats, &key);

	if (c) {
		c->packets++;
		c->bytes += skb->len;
	}
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
