// SPDX-License-Identifier: MIT
/* cgroup_skb egress: per-socket byte counter kept in socket-local storage. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct sk_stats {
	__u64 bytes;
	__u64 pkts;
};

struct {
	__uint(type, BPF_MAP_TYPE_SK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct sk_stats);
} sk_stats SEC(".maps");

SEC("cgroup_skb/egress")
int sk_count(struct __sk_buff *skb)
{
	struct bpf_sock *sk = skb->sk;
	struct sk_stats *st;

	if (!sk)
		return 1;
	sk = bpf_sk_fullsock(sk);
	if (!sk)
		return 1;
	st = bpf_sk_storage_get(&sk_stats, sk, 0, BPF_SK_STORAGE_GET_F_CREATE);
	if (!st)
		return 1;
	__sync_fetch_and_add(&st->bytes, skb->len);
	__sync_fetch_and_add(&st->pkts, 1);
	return 1;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
