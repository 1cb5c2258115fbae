// SPDX-License-Identifier: MIT
/* sk_skb verdict: logs each message length through a ring buffer record that is never submitted. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 64 * 1024);
} lens SEC(".maps");

SEC("sk_skb/stream_verdict")
int log_len(struct __sk_buff *skb)
{
	__u32 *rec = bpf_ringbuf_reserve(&lens, sizeof(*rec), 0);

	if (!rec)
		return SK_PASS;
	*rec = skb->len;
	/* BUG: the record is neither submitted nor discarded: reference leak */
	return SK_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
