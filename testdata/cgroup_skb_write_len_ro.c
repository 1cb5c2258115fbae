// SPDX-License-Identifier: MIT
/* cgroup_skb egress policer that tries to truncate large packets by rewriting skb->len. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define MAX_LEN 1400

SEC("cgroup_skb/egress")
int cg_police(struct __sk_buff *skb)
{
	if (skb->len > MAX_LEN) {
		skb->priority = 1;
		/* BUG: skb->len is read-only in cgroup_skb programs */
		skb->len = MAX_LEN;
	}
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
