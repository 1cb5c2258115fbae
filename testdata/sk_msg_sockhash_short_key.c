// SPDX-License-Identifier: MIT
/* sk_msg: redirect to the peer socket, looked up with a key missing the port fields. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct sock_key {
	__u32 sip;
	__u32 dip;
	__u32 sport;
	__u32 dport;
};

struct addr_pair {
	__u32 sip;
	__u32 dip;
};

struct {
	__uint(type, BPF_MAP_TYPE_SOCKHASH);
	__uint(max_entries, 65536);
	__type(key, struct sock_key);
	__type(value, __u64);
} socks SEC(".maps");

SEC("sk_msg")
int redir(struct sk_msg_md *msg)
{
	struct addr_pair key;

	key.sip = msg->remote_ip4;
	key.dip = msg->local_ip4;
	/* BUG: the sockhash key is 16 bytes; the stack key has only 8 */
	return bpf_msg_redirect_hash(msg, &socks, &key, BPF_F_INGRESS);
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
