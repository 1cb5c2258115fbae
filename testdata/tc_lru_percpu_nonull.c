// SPDX-License-Identifier: MIT
/* tc egress: per-destination byte counts; the LRU lookup result is used without a check. */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct {
	__uint(type, BPF_MAP_TYPE_LRU_PERCPU_HASH);
	__uint(max_entries, 8192);
	__type(key, __u32);
	__type(value, __u64);
} dst_bytes SEC(".maps");

SEC("tc")
int count_dst(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct ethhdr *eth = data;
	struct iphdr *iph = (void *)(eth + 1);
	__u64 zero = 0, *v;
	__u32 daddr;

	if ((void *)(iph + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP))
		return TC_ACT_OK;
	daddr = iph->daddr;
	bpf_map_update_elem(&dst_bytes, &daddr, &zero, BPF_NOEXIST);
	v = bpf_map_lookup_elem(&dst_bytes, &daddr);
	/* BUG: an LRU entry can be evicted between update and lookup; v may be NULL */
	*v += skb->len;
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
