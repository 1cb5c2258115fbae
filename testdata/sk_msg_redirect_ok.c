// SPDX-License-Identifier: MIT
/* sk_msg: redirect messages whose first byte is a known opcode to the socket of that opcode. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_SOCKHASH);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u64);
} sock_hash SEC(".maps");

SEC("sk_msg")
int msg_redirect(struct sk_msg_md *msg)
{
	void *data = msg->data;
	void *data_end = msg->data_end;
	__u8 *op = data;
	__u32 key;

	if ((void *)(op + 1) > data_end)
		return SK_PASS;
	key = *op;
	if (key > 8)
		return SK_PASS;
	return bpf_msg_redirect_hash(msg, &sock_hash, &key, BPF_F_INGRESS);
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
