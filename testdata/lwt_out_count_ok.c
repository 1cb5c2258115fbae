// SPDX-License-Identifier: MIT
/* lwt_out: count outgoing packets per IPv4 protocol number. */
#include <linux/bpf.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 256);
	__type(key, __u32);
	__type(value, __u64);
} proto_cnt SEC(".maps");

SEC("lwt_out")
int lwt_count(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	struct iphdr *iph = data;
	__u32 key;
	__u64 *v;

	if ((void *)(iph + 1) > data_end)
		return BPF_OK;
	key = iph->protocol;
	v = bpf_map_lookup_elem(&proto_cnt, &key);
	if (v)
		__sync_fetch_and_add(v, 1);
	return BPF_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
