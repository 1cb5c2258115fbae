// SPDX-License-Identifier: MIT
/* sock_ops program enabling RTT callbacks for established TCP connections. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("sockops")
int sockops_rtt(struct bpf_sock_ops *skops)
{
	switch (skops->op) {
	case BPF_SOCK_OPS_ACTIVE_ESTABLISHED_CB:
	case BPF_SOCK_OPS_PASSIVE_ESTABLISHED_CB:
		bpf_sock_ops_cb_flags_set(skops, BPF_SOCK_OPS_RTT_CB_FLAG);
		break;
	case BPF_SOCK_OPS_RTT_CB:
		if (skops->srtt_us > 100000)
			bpf_printk("slow rtt %u", skops->srtt_us);
		break;
	}
	skops->reply = 0;
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
