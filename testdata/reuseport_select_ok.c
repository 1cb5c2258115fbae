// SPDX-License-Identifier: MIT
/* sk_reuseport: spread TCP connections over the group by the packet hash. */
#include <linux/bpf.h>
#include <linux/in.h>
#include <bpf/bpf_helpers.h>

#define NSOCKS 8

struct {
	__uint(type, BPF_MAP_TYPE_REUSEPORT_SOCKARRAY);
	__uint(max_entries, NSOCKS);
	__type(key, __u32);
	__type(value, __u64);
} socks SEC(".maps");

SEC("sk_reuseport")
int select_sock(struct sk_reuseport_md *reuse)
{
	__u32 key = reuse->hash % NSOCKS;

	if (reuse->ip_protocol != IPPROTO_TCP)
		return SK_PASS;
	if (bpf_sk_select_reuseport(reuse, &socks, &key, 0) == 0)
		return SK_PASS;
	return SK_DROP;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
