// SPDX-License-Identifier: MIT
/*
 * cgroup_skb egress: per-socket byte counter that passes skb->sk straight to
 * bpf_sk_storage_get. The helper takes any sock_common and returns NULL for a
 * socket that is not a full one, so no bpf_sk_fullsock call is needed.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_SK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, __u64);
} sk_bytes SEC(".maps");

SEC("cgroup_skb/egress")
int sk_count(struct __sk_buff *skb)
{
	struct bpf_sock *sk = skb->sk;
	__u64 *bytes;

	if (!sk)
		return 1;
	bytes = bpf_sk_storage_get(&sk_bytes, sk, 0, BPF_SK_STORAGE_GET_F_CREATE);
	if (bytes)
		__sync_fetch_and_add(bytes, skb->len);
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
