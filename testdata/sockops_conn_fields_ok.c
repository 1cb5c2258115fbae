// SPDX-License-Identifier: MIT
/* sock_ops: count established connections per remote port and remote IPv4 address. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct conn_key {
	__u32 raddr;
	__u32 rport;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, struct conn_key);
	__type(value, __u64);
} conns SEC(".maps");

SEC("sockops")
int sockops_count(struct bpf_sock_ops *skops)
{
	struct conn_key k = {};
	__u64 one = 1, *v;

	if (skops->op != BPF_SOCK_OPS_ACTIVE_ESTABLISHED_CB &&
	    skops->op != BPF_SOCK_OPS_PASSIVE_ESTABLISHED_CB)
		return 1;
	if (skops->family != 2 /* AF_INET */)
		return 1;
	k.raddr = skops->remote_ip4;
	k.rport = skops->remote_port;
	v = bpf_map_lookup_elem(&conns, &k);
	if (v)
		__sync_fetch_and_add(v, 1);
	else
		bpf_map_update_elem(&conns, &k, &one, BPF_NOEXIST);
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
