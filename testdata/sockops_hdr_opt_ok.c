// SPDX-License-Identifier: MIT
/* sock_ops: inspect the TCP header of parsed packets through skb_data/skb_data_end. */
#include <linux/bpf.h>
#include <linux/tcp.h>
#include <bpf/bpf_helpers.h>

__u64 syn_seen;

SEC("sockops")
int sockops_hdr(struct bpf_sock_ops *skops)
{
	void *data, *data_end;
	struct tcphdr *th;

	switch (skops->op) {
	case BPF_SOCK_OPS_TCP_LISTEN_CB:
		bpf_sock_ops_cb_flags_set(skops, BPF_SOCK_OPS_PARSE_ALL_HDR_OPT_CB_FLAG);
		return 1;
	case BPF_SOCK_OPS_PARSE_HDR_OPT_CB:
		break;
	default:
		return 1;
	}
	data = (void *)(long)skops->skb_data;
	data_end = (void *)(long)skops->skb_data_end;
	th = data;
	if ((void *)(th + 1) > data_end)
		return 1;
	if (th->syn)
		__sync_fetch_and_add(&syn_seen, 1);
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
