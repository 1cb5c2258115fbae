// SPDX-License-Identifier: MIT
/* sk_msg: checks the first byte, pulls more data, then reuses the old data pointer. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("sk_msg")
int msg_hdr(struct sk_msg_md *msg)
{
	__u8 *p = msg->data;

	if ((void *)(p + 8) > msg->data_end)
		return SK_PASS;
	if (p[0] != 0x16)
		return SK_PASS;
	if (bpf_msg_pull_data(msg, 0, 64, 0))
		return SK_DROP;
	/* BUG: bpf_msg_pull_data invalidates p; msg->data must be loaded again */
	if (p[5] == 1)
		return SK_DROP;
	return SK_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
