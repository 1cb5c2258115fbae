// SPDX-License-Identifier: MIT
/* sk_msg: apply the verdict to whole 4 KiB records and cork until a full record is queued. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define RECORD 4096

SEC("sk_msg")
int records(struct sk_msg_md *msg)
{
	bpf_msg_apply_bytes(msg, RECORD);
	if (msg->size < RECORD)
		bpf_msg_cork_bytes(msg, RECORD - msg->size);
	return SK_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
