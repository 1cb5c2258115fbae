// SPDX-License-Identifier: MIT
/* Socket filter counting per protocol; the map key is left unset for non-IP packets. */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, __u64);
} per_family SEC(".maps");

SEC("socket")
int sock_count(struct __sk_buff *skb)
{
	__u32 key;
	__u64 *cnt;

	if (skb->protocol == bpf_htons(ETH_P_IP))
		key = 0;
	else if (skb->protocol == bpf_htons(ETH_P_IPV6))
		key = 1;
	/* BUG: key uninitialised for other protocols */
	cnt = bpf_map_lookup_elem(&per_family, &key);
	if (cnt)
		__sync_fetch_and_add(cnt, 1);
	return skb->len;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
