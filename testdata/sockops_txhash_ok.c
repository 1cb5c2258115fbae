// SPDX-License-Identifier: MIT
/* sock_ops: re-roll the flow hash of a connection after a retransmit timeout (sk_txhash is writable). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("sockops")
int rehash(struct bpf_sock_ops *skops)
{
	switch (skops->op) {
	case BPF_SOCK_OPS_ACTIVE_ESTABLISHED_CB:
		bpf_sock_ops_cb_flags_set(skops, BPF_SOCK_OPS_RTO_CB_FLAG);
		break;
	case BPF_SOCK_OPS_RTO_CB:
		skops->sk_txhash = bpf_get_prandom_u32();
		break;
	}
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
