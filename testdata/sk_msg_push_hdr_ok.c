// SPDX-License-Identifier: MIT
/* sk_msg: prepend a 4-byte tag to every message, re-reading data/data_end after the push. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("sk_msg")
int msg_tag(struct sk_msg_md *msg)
{
	__u32 *tag;

	if (bpf_msg_push_data(msg, 0, 4, 0))
		return SK_DROP;
	if (bpf_msg_pull_data(msg, 0, 4, 0))
		return SK_DROP;
	tag = msg->data;
	if ((void *)(tag + 1) > msg->data_end)
		return SK_DROP;
	*tag = bpf_htonl(0xfeedf00d);
	return SK_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
