// SPDX-License-Identifier: MIT
/* tc: a ring buffer dynptr that is not released when the reservation fails. */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} events SEC(".maps");

SEC("tc")
int emit_len(struct __sk_buff *skb)
{
	struct bpf_dynptr ptr;
	__u32 len = skb->len;
	__u32 *slot;

	if (bpf_ringbuf_reserve_dynptr(&events, 16, 0, &ptr))
		/* BUG: a failed reservation must still be discarded */
		return TC_ACT_OK;
	bpf_dynptr_write(&ptr, 0, &len, sizeof(len), 0);
	slot = bpf_dynptr_data(&ptr, 4, sizeof(*slot));
	if (slot)
		*slot = skb->protocol;
	bpf_ringbuf_submit_dynptr(&ptr, 0);
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
