// SPDX-License-Identifier: MIT
/* cgroup/sock_release: count closed sockets per protocol. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 256);
	__type(key, __u32);
	__type(value, __u64);
} closed SEC(".maps");

SEC("cgroup/sock_release")
int on_release(struct bpf_sock *sk)
{
	__u32 proto = sk->protocol & 0xff;
	__u64 *v = bpf_map_lookup_elem(&closed, &proto);

	if (v)
		__sync_fetch_and_add(v, 1);
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
