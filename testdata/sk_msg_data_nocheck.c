// SPDX-License-Identifier: MIT
/* sk_msg: drop messages that start with a zero opcode; the first byte is read unchecked. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("sk_msg")
int msg_filter(struct sk_msg_md *msg)
{
	__u8 *op = msg->data;

	if (msg->size == 0)
		return SK_PASS;
	/* BUG: msg->size > 0 does not bound msg->data; data_end is never checked */
	if (*op == 0)
		return SK_DROP;
	return SK_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
