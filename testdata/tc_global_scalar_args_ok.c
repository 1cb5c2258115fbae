// SPDX-License-Identifier: MIT
/* tc: a global function with scalar arguments only computes a token-bucket decision. */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

__noinline int over_rate(__u64 now, __u64 last, __u32 len, __u32 rate)
{
	__u64 budget = (now - last) / 1000 * rate;

	return len > budget;
}

__u64 last_ns;

SEC("tc")
int police(struct __sk_buff *skb)
{
	__u64 now = bpf_ktime_get_ns();
	int drop = over_rate(now, last_ns, skb->len, 125);

	last_ns = now;
	return drop ? TC_ACT_SHOT : TC_ACT_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
