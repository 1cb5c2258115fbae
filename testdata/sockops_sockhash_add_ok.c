// SPDX-License-Identifier: MIT
/* sock_ops: add every established IPv4 connection to a sockhash keyed by its 4-tuple. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct sock_key {
	__u32 sip;
	__u32 dip;
	__u32 sport;
	__u32 dport;
};

struct {
	__uint(type, BPF_MAP_TYPE_SOCKHASH);
	__uint(max_entries, 65536);
	__type(key, struct sock_key);
	__type(value, __u64);
} socks SEC(".maps");

SEC("sockops")
int add_sock(struct bpf_sock_ops *skops)
{
	struct sock_key key = {};

	if (skops->family != 2 /* AF_INET */)
		return 1;
	if (skops->op != BPF_SOCK_OPS_PASSIVE_ESTABLISHED_CB &&
	    skops->op != BPF_SOCK_OPS_ACTIVE_ESTABLISHED_CB)
		return 1;
	key.sip = skops->local_ip4;
	key.dip = skops->remote_ip4;
	key.sport = skops->local_port;
	key.dport = skops->remote_port;
	bpf_sock_hash_update(skops, &socks, &key, BPF_NOEXIST);
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
