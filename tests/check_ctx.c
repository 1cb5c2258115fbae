// SPDX-License-Identifier: MIT
/*
 * Tests for verifier/ctx: context accesses per program type (valid loads of
 * each field, narrow loads, stores to writable fields, rejected stores,
 * offsets outside fields, misaligned and wrong-sized accesses), return value
 * ranges and packet writability. Offsets come from the system's
 * linux/bpf.h through offsetof, so the tables in ctx.c are checked against
 * the UAPI layout; fields newer than that header use their 6.18 offsets.
 */
#include <stddef.h>

#include <linux/bpf.h>
#include <linux/bpf_perf_event.h>

#include "suites.h"
#include "../verifier/ctx.h"

#define OK CTX_OK
#define BAD CTX_BAD_OFFSET
#define RO CTX_READ_ONLY
#define NOCTX CTX_NO_CTX
#define SC CTX_VAL_SCALAR

#define SKB(f) offsetof(struct __sk_buff, f)
#define XDP(f) offsetof(struct xdp_md, f)
#define SOCK(f) offsetof(struct bpf_sock, f)
#define SA(f) offsetof(struct bpf_sock_addr, f)
#define SOPS(f) offsetof(struct bpf_sock_ops, f)
#define MSG(f) offsetof(struct sk_msg_md, f)
#define RP(f) offsetof(struct sk_reuseport_md, f)
#define SKL(f) offsetof(struct bpf_sk_lookup, f)
#define SOPT(f) offsetof(struct bpf_sockopt, f)

/* attach types newer than Debian 12's linux/bpf.h (enum bpf_attach_type, 6.18) */
#define AT_UNIX_RECVMSG 51
#define AT_UNIX_GETPEERNAME 52
#define AT_KPROBE_SESSION 56
#define AT_UPROBE_SESSION 57

static const struct {
	const char *name;
	enum bv_prog_type t;
	uint32_t attach;
	int64_t off;
	unsigned size;
	bool write;
	enum ctx_access_result want;
	enum ctx_val val; /* checked when want == OK and !write */
} cases[] = {
	/* __sk_buff: filter.c:bpf_skb_is_valid_access + per-type filters */
	{ "sf len", BV_PROG_SOCKET_FILTER, 0, SKB(len), 4, false, OK, SC },
	{ "sf len byte 3", BV_PROG_SOCKET_FILTER, 0, SKB(len) + 3, 1, false, OK, SC },
	{ "sf len half 2", BV_PROG_SOCKET_FILTER, 0, SKB(len) + 2, 2, false, OK, SC },
	{ "sf len misaligned half", BV_PROG_SOCKET_FILTER, 0, SKB(len) + 1, 2, false, BAD, SC },
	{ "sf len 8 bytes", BV_PROG_SOCKET_FILTER, 0, SKB(len), 8, false, BAD, SC },
	{ "sf len write", BV_PROG_SOCKET_FILTER, 0, SKB(len), 4, true, RO, SC },
	{ "sf mark read", BV_PROG_SOCKET_FILTER, 0, SKB(mark), 4, false, OK, SC },
	{ "sf mark write", BV_PROG_SOCKET_FILTER, 0, SKB(mark), 4, true, RO, SC },
	{ "sf cb write", BV_PROG_SOCKET_FILTER, 0, SKB(cb[1]), 4, true, OK, SC },
	{ "sf cb write 8 at cb[0]", BV_PROG_SOCKET_FILTER, 0, SKB(cb[0]), 8, true, OK, SC },
	{ "sf cb write 8 at cb[2]", BV_PROG_SOCKET_FILTER, 0, SKB(cb[2]), 8, true, OK, SC },
	{ "sf cb 8 at cb[4] overruns", BV_PROG_SOCKET_FILTER, 0, SKB(cb[4]), 8, false, BAD, SC },
	{ "sf cb byte", BV_PROG_SOCKET_FILTER, 0, SKB(cb[4]) + 3, 1, true, OK, SC },
	{ "sf cb 8 misaligned", BV_PROG_SOCKET_FILTER, 0, SKB(cb[1]), 8, false, BAD, SC },
	{ "sf data", BV_PROG_SOCKET_FILTER, 0, SKB(data), 4, false, BAD, SC },
	{ "sf tc_classid", BV_PROG_SOCKET_FILTER, 0, SKB(tc_classid), 4, false, BAD, SC },
	{ "sf family", BV_PROG_SOCKET_FILTER, 0, SKB(family), 4, false, BAD, SC },
	{ "sf sk", BV_PROG_SOCKET_FILTER, 0, SKB(sk), 8, false, OK, CTX_VAL_SOCK_OR_NULL },
	{ "sf gso_size", BV_PROG_SOCKET_FILTER, 0, SKB(gso_size), 2, false, OK, SC },
	{ "sf tstamp", BV_PROG_SOCKET_FILTER, 0, SKB(tstamp), 8, false, BAD, SC },
	{ "tc data", BV_PROG_SCHED_CLS, 0, SKB(data), 4, false, OK, CTX_VAL_PKT },
	{ "tc data_end", BV_PROG_SCHED_CLS, 0, SKB(data_end), 4, false, OK, CTX_VAL_PKT_END },
	{ "tc data_meta", BV_PROG_SCHED_ACT, 0, SKB(data_meta), 4, false, OK, CTX_VAL_PKT_META },
	{ "tc data narrow", BV_PROG_SCHED_CLS, 0, SKB(data), 2, false, BAD, SC },
	{ "tc data 8", BV_PROG_SCHED_CLS, 0, SKB(data), 8, false, BAD, SC },
	{ "tc data write", BV_PROG_SCHED_CLS, 0, SKB(data), 4, true, RO, SC },
	{ "tc mark write", BV_PROG_SCHED_CLS, 0, SKB(mark), 4, true, OK, SC },
	{ "tc mark narrow write", BV_PROG_SCHED_CLS, 0, SKB(mark), 2, true, RO, SC },
	{ "tc priority write", BV_PROG_SCHED_CLS, 0, SKB(priority), 4, true, OK, SC },
	{ "tc tc_index write", BV_PROG_SCHED_CLS, 0, SKB(tc_index), 4, true, OK, SC },
	{ "tc tc_classid write", BV_PROG_SCHED_CLS, 0, SKB(tc_classid), 4, true, OK, SC },
	{ "tc queue_mapping write", BV_PROG_SCHED_CLS, 0, SKB(queue_mapping), 4, true, OK, SC },
	{ "tc tstamp write", BV_PROG_SCHED_CLS, 0, SKB(tstamp), 8, true, OK, SC },
	{ "tc tstamp narrow", BV_PROG_SCHED_CLS, 0, SKB(tstamp), 4, false, BAD, SC },
	{ "tc len write", BV_PROG_SCHED_CLS, 0, SKB(len), 4, true, RO, SC },
	{ "tc hash write", BV_PROG_SCHED_CLS, 0, SKB(hash), 4, true, RO, SC },
	{ "tc family", BV_PROG_SCHED_CLS, 0, SKB(family), 4, false, BAD, SC },
	{ "tc wire_len", BV_PROG_SCHED_CLS, 0, SKB(wire_len), 4, false, OK, SC },
	{ "tc tstamp_type", BV_PROG_SCHED_CLS, 0, SKB(tstamp_type), 1, false, OK, SC },
	{ "tc tstamp_type 4", BV_PROG_SCHED_CLS, 0, SKB(tstamp_type), 4, false, BAD, SC },
	{ "tc padding", BV_PROG_SCHED_CLS, 0, SKB(tstamp_type) + 1, 1, false, BAD, SC },
	{ "tc hwtstamp", BV_PROG_SCHED_CLS, 0, SKB(hwtstamp), 8, false, OK, SC },
	{ "tc hwtstamp write", BV_PROG_SCHED_CLS, 0, SKB(hwtstamp), 8, true, RO, SC },
	{ "tc flow_keys", BV_PROG_SCHED_CLS, 0, SKB(flow_keys), 8, false, BAD, SC },
	{ "tc sk write", BV_PROG_SCHED_CLS, 0, SKB(sk), 8, true, RO, SC },
	{ "tc sk inner word", BV_PROG_SCHED_CLS, 0, SKB(sk) + 4, 4, false, BAD, SC },
	{ "tc past end", BV_PROG_SCHED_CLS, 0, sizeof(struct __sk_buff), 4, false, BAD, SC },
	{ "tc negative", BV_PROG_SCHED_CLS, 0, -4, 4, false, BAD, SC },
	{ "tc size 3", BV_PROG_SCHED_CLS, 0, SKB(len), 3, false, BAD, SC },
	{ "cg data", BV_PROG_CGROUP_SKB, 0, SKB(data), 4, false, OK, CTX_VAL_PKT },
	{ "cg data_meta", BV_PROG_CGROUP_SKB, 0, SKB(data_meta), 4, false, BAD, SC },
	{ "cg mark write", BV_PROG_CGROUP_SKB, 0, SKB(mark), 4, true, OK, SC },
	{ "cg tc_index write", BV_PROG_CGROUP_SKB, 0, SKB(tc_index), 4, true, RO, SC },
	{ "cg queue_mapping write", BV_PROG_CGROUP_SKB, 1, SKB(queue_mapping), 4, true, RO, SC },
	{ "cg family", BV_PROG_CGROUP_SKB, 0, SKB(family), 2, false, OK, SC },
	{ "cg remote_ip4", BV_PROG_CGROUP_SKB, 0, SKB(remote_ip4), 4, false, OK, SC },
	{ "cg remote_ip4 narrow", BV_PROG_CGROUP_SKB, 0, SKB(remote_ip4), 2, false, BAD, SC },
	{ "cg local_ip6[3]", BV_PROG_CGROUP_SKB, 0, SKB(local_ip6[3]), 4, false, OK, SC },
	{ "cg remote_port narrow", BV_PROG_CGROUP_SKB, 0, SKB(remote_port) + 2, 2, false, OK, SC },
	{ "cg tstamp write", BV_PROG_CGROUP_SKB, 0, SKB(tstamp), 8, true, OK, SC },
	{ "cg tc_classid", BV_PROG_CGROUP_SKB, 0, SKB(tc_classid), 4, false, BAD, SC },
	{ "cg wire_len", BV_PROG_CGROUP_SKB, 0, SKB(wire_len), 4, false, BAD, SC },
	{ "cg hwtstamp", BV_PROG_CGROUP_SKB, 0, SKB(hwtstamp), 8, false, OK, SC },
	{ "lwt data", BV_PROG_LWT_IN, 0, SKB(data), 4, false, OK, CTX_VAL_PKT },
	{ "lwt mark write", BV_PROG_LWT_XMIT, 0, SKB(mark), 4, true, OK, SC },
	{ "lwt tc_index write", BV_PROG_LWT_OUT, 0, SKB(tc_index), 4, true, RO, SC },
	{ "lwt tstamp", BV_PROG_LWT_SEG6LOCAL, 0, SKB(tstamp), 8, false, BAD, SC },
	{ "lwt family", BV_PROG_LWT_IN, 0, SKB(family), 4, false, BAD, SC },
	{ "sk_skb mark", BV_PROG_SK_SKB, 0, SKB(mark), 4, false, BAD, SC },
	{ "sk_skb priority write", BV_PROG_SK_SKB, 0, SKB(priority), 4, true, OK, SC },
	{ "sk_skb tc_index write", BV_PROG_SK_SKB, 0, SKB(tc_index), 4, true, OK, SC },
	{ "sk_skb cb write", BV_PROG_SK_SKB, 0, SKB(cb[0]), 4, true, RO, SC },
	{ "sk_skb data", BV_PROG_SK_SKB, 0, SKB(data), 4, false, OK, CTX_VAL_PKT },
	{ "sk_skb local_port", BV_PROG_SK_SKB, 0, SKB(local_port), 4, false, OK, SC },
	{ "fd data", BV_PROG_FLOW_DISSECTOR, 0, SKB(data), 4, false, OK, CTX_VAL_PKT },
	{ "fd data_end", BV_PROG_FLOW_DISSECTOR, 0, SKB(data_end), 4, false, OK, CTX_VAL_PKT_END },
	{ "fd flow_keys", BV_PROG_FLOW_DISSECTOR, 0, SKB(flow_keys), 8, false, OK,
	  CTX_VAL_FLOW_KEYS },
	{ "fd flow_keys 4", BV_PROG_FLOW_DISSECTOR, 0, SKB(flow_keys), 4, false, BAD, SC },
	{ "fd len", BV_PROG_FLOW_DISSECTOR, 0, SKB(len), 4, false, BAD, SC },
	{ "fd cb write", BV_PROG_FLOW_DISSECTOR, 0, SKB(cb[0]), 4, true, BAD, SC },
	/* xdp_md: filter.c:xdp_is_valid_access */
	{ "xdp data", BV_PROG_XDP, 0, XDP(data), 4, false, OK, CTX_VAL_PKT },
	{ "xdp data_end", BV_PROG_XDP, 0, XDP(data_end), 4, false, OK, CTX_VAL_PKT_END },
	{ "xdp data_meta", BV_PROG_XDP, 0, XDP(data_meta), 4, false, OK, CTX_VAL_PKT_META },
	{ "xdp ingress_ifindex", BV_PROG_XDP, 0, XDP(ingress_ifindex), 4, false, OK, SC },
	{ "xdp rx_queue_index", BV_PROG_XDP, 0, XDP(rx_queue_index), 4, false, OK, SC },
	{ "xdp rx_queue_index write", BV_PROG_XDP, 0, XDP(rx_queue_index), 4, true, RO, SC },
	{ "xdp narrow", BV_PROG_XDP, 0, XDP(ingress_ifindex), 2, false, BAD, SC },
	{ "xdp data 8", BV_PROG_XDP, 0, XDP(data), 8, false, BAD, SC },
	{ "xdp egress no devmap", BV_PROG_XDP, BPF_XDP, XDP(egress_ifindex), 4, false, BAD, SC },
	{ "xdp egress devmap", BV_PROG_XDP, BPF_XDP_DEVMAP, XDP(egress_ifindex), 4, false, OK, SC },
	{ "xdp past end", BV_PROG_XDP, 0, sizeof(struct xdp_md), 4, false, BAD, SC },
	/* bpf_sock (CGROUP_SOCK): bpf_sock_is_valid_access, __sock_filter_check_attach_type */
	{ "sock family", BV_PROG_CGROUP_SOCK, 0, SOCK(family), 4, false, OK, SC },
	{ "sock family narrow", BV_PROG_CGROUP_SOCK, 0, SOCK(family), 2, false, OK, SC },
	{ "sock family write", BV_PROG_CGROUP_SOCK, 0, SOCK(family), 4, true, RO, SC },
	{ "sock mark write create", BV_PROG_CGROUP_SOCK, BPF_CGROUP_INET_SOCK_CREATE, SOCK(mark), 4,
	  true, OK, SC },
	{ "sock mark write default", BV_PROG_CGROUP_SOCK, 0, SOCK(mark), 4, true, OK, SC },
	{ "sock priority write release", BV_PROG_CGROUP_SOCK, BPF_CGROUP_INET_SOCK_RELEASE,
	  SOCK(priority), 4, true, OK, SC },
	{ "sock bound_dev_if post_bind", BV_PROG_CGROUP_SOCK, BPF_CGROUP_INET4_POST_BIND,
	  SOCK(bound_dev_if), 4, false, BAD, SC },
	{ "sock mark narrow write", BV_PROG_CGROUP_SOCK, 0, SOCK(mark), 2, true, BAD, SC },
	{ "sock src_ip4 post_bind4", BV_PROG_CGROUP_SOCK, BPF_CGROUP_INET4_POST_BIND, SOCK(src_ip4),
	  4, false, OK, SC },
	{ "sock src_ip4 create", BV_PROG_CGROUP_SOCK, 0, SOCK(src_ip4), 4, false, BAD, SC },
	{ "sock src_ip6 post_bind6", BV_PROG_CGROUP_SOCK, BPF_CGROUP_INET6_POST_BIND,
	  SOCK(src_ip6[2]), 2, false, OK, SC },
	{ "sock src_ip6 post_bind4", BV_PROG_CGROUP_SOCK, BPF_CGROUP_INET4_POST_BIND,
	  SOCK(src_ip6[2]), 4, false, BAD, SC },
	{ "sock src_port post_bind6", BV_PROG_CGROUP_SOCK, BPF_CGROUP_INET6_POST_BIND,
	  SOCK(src_port), 4, false, OK, SC },
	{ "sock dst_port 2", BV_PROG_CGROUP_SOCK, 0, SOCK(dst_port), 2, false, OK, SC },
	{ "sock dst_port 4", BV_PROG_CGROUP_SOCK, 0, SOCK(dst_port), 4, false, OK, SC },
	{ "sock dst_port byte 1", BV_PROG_CGROUP_SOCK, 0, SOCK(dst_port) + 1, 1, false, OK, SC },
	{ "sock dst_port hole", BV_PROG_CGROUP_SOCK, 0, SOCK(dst_port) + 2, 2, false, BAD, SC },
	{ "sock dst_ip6", BV_PROG_CGROUP_SOCK, 0, SOCK(dst_ip6[1]), 4, false, OK, SC },
	{ "sock state byte", BV_PROG_CGROUP_SOCK, 0, SOCK(state), 1, false, OK, SC },
	{ "sock rx_queue_mapping", BV_PROG_CGROUP_SOCK, 0, SOCK(rx_queue_mapping), 4, false, OK,
	  SC },
	{ "sock 8 bytes", BV_PROG_CGROUP_SOCK, 0, SOCK(dst_ip6[0]), 8, false, BAD, SC },
	/* bpf_sock_addr: sock_addr_is_valid_access */
	{ "sa user_family", BV_PROG_CGROUP_SOCK_ADDR, BPF_CGROUP_INET4_CONNECT, SA(user_family), 4,
	  false, OK, SC },
	{ "sa user_family narrow", BV_PROG_CGROUP_SOCK_ADDR, BPF_CGROUP_INET4_CONNECT,
	  SA(user_family), 2, false, BAD, SC },
	{ "sa user_ip4 connect4", BV_PROG_CGROUP_SOCK_ADDR, BPF_CGROUP_INET4_CONNECT, SA(user_ip4),
	  4, false, OK, SC },
	{ "sa user_ip4 narrow", BV_PROG_CGROUP_SOCK_ADDR, BPF_CGROUP_INET4_CONNECT,
	  SA(user_ip4) + 1, 1, false, OK, SC },
	{ "sa user_ip4 write", BV_PROG_CGROUP_SOCK_ADDR, BPF_CGROUP_INET4_BIND, SA(user_ip4), 4,
	  true, OK, SC },
	{ "sa user_ip4 narrow write", BV_PROG_CGROUP_SOCK_ADDR, BPF_CGROUP_INET4_BIND, SA(user_ip4),
	  2, true, RO, SC },
	{ "sa user_ip4 connect6", BV_PROG_CGROUP_SOCK_ADDR, BPF_CGROUP_INET6_CONNECT, SA(user_ip4),
	  4, false, BAD, SC },
	{ "sa user_ip6 connect6", BV_PROG_CGROUP_SOCK_ADDR, BPF_CGROUP_INET6_CONNECT,
	  SA(user_ip6[3]), 4, false, OK, SC },
	{ "sa user_ip6 wide read", BV_PROG_CGROUP_SOCK_ADDR, BPF_CGROUP_INET6_CONNECT,
	  SA(user_ip6[2]), 8, false, OK, SC },
	{ "sa user_ip6 wide write", BV_PROG_CGROUP_SOCK_ADDR, BPF_CGROUP_UDP6_SENDMSG,
	  SA(user_ip6[0]), 8, true, OK, SC },
	{ "sa user_ip6 connect4", BV_PROG_CGROUP_SOCK_ADDR, BPF_CGROUP_INET4_CONNECT,
	  SA(user_ip6[0]), 4, false, BAD, SC },
	{ "sa user_port write", BV_PROG_CGROUP_SOCK_ADDR, BPF_CGROUP_INET4_CONNECT, SA(user_port),
	  4, true, OK, SC },
	{ "sa user_port narrow", BV_PROG_CGROUP_SOCK_ADDR, BPF_CGROUP_INET4_CONNECT, SA(user_port),
	  2, false, OK, SC },
	{ "sa family write", BV_PROG_CGROUP_SOCK_ADDR, BPF_CGROUP_INET4_CONNECT, SA(family), 4,
	  true, RO, SC },
	{ "sa protocol", BV_PROG_CGROUP_SOCK_ADDR, BPF_CGROUP_INET4_CONNECT, SA(protocol), 4, false,
	  OK, SC },
	{ "sa msg_src_ip4 sendmsg4", BV_PROG_CGROUP_SOCK_ADDR, BPF_CGROUP_UDP4_SENDMSG,
	  SA(msg_src_ip4), 4, true, OK, SC },
	{ "sa msg_src_ip4 connect4", BV_PROG_CGROUP_SOCK_ADDR, BPF_CGROUP_INET4_CONNECT,
	  SA(msg_src_ip4), 4, false, BAD, SC },
	{ "sa msg_src_ip6 wide", BV_PROG_CGROUP_SOCK_ADDR, BPF_CGROUP_UDP6_SENDMSG,
	  SA(msg_src_ip6[1]), 8, false, OK, SC },
	{ "sa msg_src_ip6 wide misaligned", BV_PROG_CGROUP_SOCK_ADDR, BPF_CGROUP_UDP6_SENDMSG,
	  SA(msg_src_ip6[0]), 8, false, BAD, SC },
	{ "sa sk", BV_PROG_CGROUP_SOCK_ADDR, BPF_CGROUP_INET4_CONNECT, SA(sk), 8, false, OK,
	  CTX_VAL_SOCK },
	{ "sa sk write", BV_PROG_CGROUP_SOCK_ADDR, BPF_CGROUP_INET4_CONNECT, SA(sk), 8, true, RO,
	  SC },
	{ "sa hole", BV_PROG_CGROUP_SOCK_ADDR, BPF_CGROUP_UDP6_SENDMSG, 60, 4, false, BAD, SC },
	/* bpf_sock_ops: sock_ops_is_valid_access */
	{ "sops op", BV_PROG_SOCK_OPS, 0, SOPS(op), 4, false, OK, SC },
	{ "sops op narrow", BV_PROG_SOCK_OPS, 0, SOPS(op), 2, false, BAD, SC },
	{ "sops args[2]", BV_PROG_SOCK_OPS, 0, SOPS(args[2]), 4, false, OK, SC },
	{ "sops reply write", BV_PROG_SOCK_OPS, 0, SOPS(reply), 4, true, OK, SC },
	{ "sops replylong[1] write", BV_PROG_SOCK_OPS, 0, SOPS(replylong[1]), 4, true, RO, SC },
	{ "sops sk_txhash write", BV_PROG_SOCK_OPS, 0, SOPS(sk_txhash), 4, true, OK, SC },
	{ "sops family write", BV_PROG_SOCK_OPS, 0, SOPS(family), 4, true, RO, SC },
	{ "sops snd_cwnd", BV_PROG_SOCK_OPS, 0, SOPS(snd_cwnd), 4, false, OK, SC },
	{ "sops bytes_received", BV_PROG_SOCK_OPS, 0, SOPS(bytes_received), 8, false, OK, SC },
	{ "sops bytes_acked 4", BV_PROG_SOCK_OPS, 0, SOPS(bytes_acked), 4, false, BAD, SC },
	{ "sops sk", BV_PROG_SOCK_OPS, 0, SOPS(sk), 8, false, OK, CTX_VAL_SOCK_OR_NULL },
	{ "sops skb_data", BV_PROG_SOCK_OPS, 0, SOPS(skb_data), 8, false, OK, CTX_VAL_PKT },
	{ "sops skb_data_end", BV_PROG_SOCK_OPS, 0, SOPS(skb_data_end), 8, false, OK,
	  CTX_VAL_PKT_END },
	{ "sops skb_data inner", BV_PROG_SOCK_OPS, 0, SOPS(skb_data) + 4, 4, false, BAD, SC },
	{ "sops skb_len", BV_PROG_SOCK_OPS, 0, SOPS(skb_len), 4, false, OK, SC },
	{ "sops skb_tcp_flags narrow", BV_PROG_SOCK_OPS, 0, SOPS(skb_tcp_flags) + 1, 1, false, OK,
	  SC },
	{ "sops skb_hwtstamp (6.18)", BV_PROG_SOCK_OPS, 0, 216, 8, false, OK, SC },
	{ "sops past end", BV_PROG_SOCK_OPS, 0, 224, 4, false, BAD, SC },
	/* sk_msg_md: sk_msg_is_valid_access */
	{ "msg data", BV_PROG_SK_MSG, 0, MSG(data), 8, false, OK, CTX_VAL_PKT },
	{ "msg data_end", BV_PROG_SK_MSG, 0, MSG(data_end), 8, false, OK, CTX_VAL_PKT_END },
	{ "msg data 4", BV_PROG_SK_MSG, 0, MSG(data), 4, false, BAD, SC },
	{ "msg family", BV_PROG_SK_MSG, 0, MSG(family), 4, false, OK, SC },
	{ "msg family narrow", BV_PROG_SK_MSG, 0, MSG(family), 2, false, BAD, SC },
	{ "msg size", BV_PROG_SK_MSG, 0, MSG(size), 4, false, OK, SC },
	{ "msg local_ip6", BV_PROG_SK_MSG, 0, MSG(local_ip6[2]), 4, false, OK, SC },
	{ "msg sk", BV_PROG_SK_MSG, 0, MSG(sk), 8, false, OK, CTX_VAL_SOCK },
	{ "msg size write", BV_PROG_SK_MSG, 0, MSG(size), 4, true, RO, SC },
	/* sk_reuseport_md: sk_reuseport_is_valid_access */
	{ "rp data", BV_PROG_SK_REUSEPORT, 0, RP(data), 8, false, OK, CTX_VAL_PKT },
	{ "rp len narrow", BV_PROG_SK_REUSEPORT, 0, RP(len), 1, false, OK, SC },
	{ "rp eth_protocol 2", BV_PROG_SK_REUSEPORT, 0, RP(eth_protocol), 2, false, OK, SC },
	{ "rp eth_protocol 1", BV_PROG_SK_REUSEPORT, 0, RP(eth_protocol), 1, false, BAD, SC },
	{ "rp hash", BV_PROG_SK_REUSEPORT, 0, RP(hash), 4, false, OK, SC },
	{ "rp hash narrow", BV_PROG_SK_REUSEPORT, 0, RP(hash), 2, false, BAD, SC },
	{ "rp sk", BV_PROG_SK_REUSEPORT, 0, RP(sk), 8, false, OK, CTX_VAL_SOCK },
	{ "rp migrating_sk", BV_PROG_SK_REUSEPORT, 0, RP(migrating_sk), 8, false, OK,
	  CTX_VAL_SOCK_OR_NULL },
	{ "rp bind_inany write", BV_PROG_SK_REUSEPORT, 0, RP(bind_inany), 4, true, RO, SC },
	/* bpf_sk_lookup: sk_lookup_is_valid_access */
	{ "skl sk", BV_PROG_SK_LOOKUP, 0, SKL(sk), 8, false, OK, CTX_VAL_SOCK_OR_NULL },
	{ "skl family", BV_PROG_SK_LOOKUP, 0, SKL(family), 4, false, OK, SC },
	{ "skl remote_ip6 byte", BV_PROG_SK_LOOKUP, 0, SKL(remote_ip6[1]) + 1, 1, false, OK, SC },
	{ "skl remote_port 2", BV_PROG_SK_LOOKUP, 0, SKL(remote_port), 2, false, OK, SC },
	{ "skl remote_port 4", BV_PROG_SK_LOOKUP, 0, SKL(remote_port), 4, false, OK, SC },
	{ "skl padding", BV_PROG_SK_LOOKUP, 0, SKL(remote_port) + 2, 2, false, OK, SC },
	{ "skl local_port", BV_PROG_SK_LOOKUP, 0, SKL(local_port), 4, false, OK, SC },
	{ "skl ingress_ifindex", BV_PROG_SK_LOOKUP, 0, SKL(ingress_ifindex), 4, false, OK, SC },
	{ "skl tail padding", BV_PROG_SK_LOOKUP, 0, SKL(ingress_ifindex) + 4, 4, false, BAD, SC },
	{ "skl family write", BV_PROG_SK_LOOKUP, 0, SKL(family), 4, true, RO, SC },
	/* cgroup.c */
	{ "dev access_type narrow", BV_PROG_CGROUP_DEVICE, 0, 0, 2, false, OK, SC },
	{ "dev major", BV_PROG_CGROUP_DEVICE, 0, offsetof(struct bpf_cgroup_dev_ctx, major), 4,
	  false, OK, SC },
	{ "dev major narrow", BV_PROG_CGROUP_DEVICE, 0, offsetof(struct bpf_cgroup_dev_ctx, major),
	  2, false, BAD, SC },
	{ "dev minor write", BV_PROG_CGROUP_DEVICE, 0, offsetof(struct bpf_cgroup_dev_ctx, minor),
	  4, true, RO, SC },
	{ "sysctl write", BV_PROG_CGROUP_SYSCTL, 0, offsetof(struct bpf_sysctl, write), 1, false,
	  OK, SC },
	{ "sysctl write store", BV_PROG_CGROUP_SYSCTL, 0, offsetof(struct bpf_sysctl, write), 4,
	  true, RO, SC },
	{ "sysctl file_pos store", BV_PROG_CGROUP_SYSCTL, 0, offsetof(struct bpf_sysctl, file_pos),
	  4, true, OK, SC },
	{ "sysctl 8", BV_PROG_CGROUP_SYSCTL, 0, 0, 8, false, BAD, SC },
	{ "sockopt sk", BV_PROG_CGROUP_SOCKOPT, BPF_CGROUP_GETSOCKOPT, SOPT(sk), 8, false, OK,
	  CTX_VAL_SOCK },
	{ "sockopt optval", BV_PROG_CGROUP_SOCKOPT, BPF_CGROUP_GETSOCKOPT, SOPT(optval), 8, false,
	  OK, CTX_VAL_PKT },
	{ "sockopt optval_end", BV_PROG_CGROUP_SOCKOPT, BPF_CGROUP_SETSOCKOPT, SOPT(optval_end), 8,
	  false, OK, CTX_VAL_PKT_END },
	{ "sockopt level write set", BV_PROG_CGROUP_SOCKOPT, BPF_CGROUP_SETSOCKOPT, SOPT(level), 4,
	  true, OK, SC },
	{ "sockopt level write get", BV_PROG_CGROUP_SOCKOPT, BPF_CGROUP_GETSOCKOPT, SOPT(level), 4,
	  true, RO, SC },
	{ "sockopt optlen write", BV_PROG_CGROUP_SOCKOPT, BPF_CGROUP_GETSOCKOPT, SOPT(optlen), 4,
	  true, OK, SC },
	{ "sockopt retval get", BV_PROG_CGROUP_SOCKOPT, BPF_CGROUP_GETSOCKOPT, SOPT(retval), 4,
	  true, OK, SC },
	{ "sockopt retval set", BV_PROG_CGROUP_SOCKOPT, BPF_CGROUP_SETSOCKOPT, SOPT(retval), 4,
	  false, BAD, SC },
	{ "sockopt level narrow", BV_PROG_CGROUP_SOCKOPT, BPF_CGROUP_SETSOCKOPT, SOPT(level), 2,
	  false, BAD, SC },
	/* bpf_trace.c */
	{ "kprobe r15", BV_PROG_KPROBE, 0, 0, 8, false, OK, SC },
	{ "kprobe ip low half", BV_PROG_KPROBE, 0, 128, 4, false, OK, SC },
	{ "kprobe byte", BV_PROG_KPROBE, 0, 161, 1, false, OK, SC },
	{ "kprobe misaligned", BV_PROG_KPROBE, 0, 4, 8, false, BAD, SC },
	{ "kprobe last", BV_PROG_KPROBE, 0, 160, 8, false, OK, SC },
	{ "kprobe past end", BV_PROG_KPROBE, 0, 168, 8, false, BAD, SC },
	{ "kprobe write (rejected by 6.18.44)", BV_PROG_KPROBE, 0, 80, 8, true, RO, SC },
	{ "tp header hidden", BV_PROG_TRACEPOINT, 0, 0, 8, false, BAD, SC },
	{ "tp first field", BV_PROG_TRACEPOINT, 0, 8, 8, false, OK, SC },
	{ "tp byte", BV_PROG_TRACEPOINT, 0, 17, 1, false, OK, SC },
	{ "tp misaligned", BV_PROG_TRACEPOINT, 0, 12, 8, false, BAD, SC },
	{ "tp last", BV_PROG_TRACEPOINT, 0, 8184, 8, false, OK, SC },
	{ "tp past end", BV_PROG_TRACEPOINT, 0, 8192, 4, false, BAD, SC },
	{ "tp write", BV_PROG_TRACEPOINT, 0, 8, 8, true, RO, SC },
	{ "pe regs word", BV_PROG_PERF_EVENT, 0, 128, 8, false, OK, SC },
	{ "pe regs narrow", BV_PROG_PERF_EVENT, 0, 128, 4, false, BAD, SC },
	{ "pe sample_period", BV_PROG_PERF_EVENT, 0,
	  offsetof(struct bpf_perf_event_data, sample_period), 8, false, OK, SC },
	{ "pe addr narrow", BV_PROG_PERF_EVENT, 0, offsetof(struct bpf_perf_event_data, addr) + 4,
	  4, false, OK, SC },
	{ "pe write", BV_PROG_PERF_EVENT, 0, 0, 8, true, RO, SC },
	{ "rawtp arg0", BV_PROG_RAW_TRACEPOINT, 0, 0, 8, false, OK, SC },
	{ "rawtp arg11", BV_PROG_RAW_TRACEPOINT, 0, 88, 8, false, OK, SC },
	{ "rawtp arg12", BV_PROG_RAW_TRACEPOINT, 0, 96, 8, false, BAD, SC },
	{ "rawtp narrow", BV_PROG_RAW_TRACEPOINT, 0, 12, 4, false, OK, SC },
	{ "rawtp write", BV_PROG_RAW_TRACEPOINT, 0, 0, 8, true, RO, SC },
	{ "rawtpw arg0", BV_PROG_RAW_TRACEPOINT_WRITABLE, 0, 0, 8, false, OK, CTX_VAL_CTX_PTR },
	{ "rawtpw arg0 narrow", BV_PROG_RAW_TRACEPOINT_WRITABLE, 0, 0, 4, false, BAD, SC },
	{ "rawtpw arg1", BV_PROG_RAW_TRACEPOINT_WRITABLE, 0, 8, 8, false, OK, SC },
	/* syscall.c:syscall_prog_is_valid_access */
	{ "syscall read", BV_PROG_SYSCALL, 0, 64, 8, false, OK, SC },
	{ "syscall write", BV_PROG_SYSCALL, 0, 64, 4, true, OK, SC },
	{ "syscall far", BV_PROG_SYSCALL, 0, 65535, 1, false, BAD, SC },
	{ "lirc sample", BV_PROG_LIRC_MODE2, 0, 0, 4, false, OK, SC },
	/* BTF-typed or unknown contexts */
	{ "tracing", BV_PROG_TRACING, 0, 0, 8, false, NOCTX, SC },
	{ "lsm", BV_PROG_LSM, 0, 0, 8, false, NOCTX, SC },
	{ "struct_ops", BV_PROG_STRUCT_OPS, 0, 0, 8, false, NOCTX, SC },
	{ "ext", BV_PROG_EXT, 0, 0, 8, false, NOCTX, SC },
	{ "unspec", BV_PROG_UNSPEC, 0, 0, 8, false, NOCTX, SC },
};

START_TEST(test_access)
{
	struct ctx_access out = { .val = CTX_VAL_CTX_PTR, .umin = 1, .umax = 0 };
	enum ctx_access_result got = ctx_check(cases[_i].t, cases[_i].attach, cases[_i].off,
					       cases[_i].size, cases[_i].write, &out);

	ck_assert_msg(got == cases[_i].want, "%s: got %d, want %d", cases[_i].name, got,
		      cases[_i].want);
	if (got == CTX_OK && !cases[_i].write) {
		ck_assert_msg(out.val == cases[_i].val, "%s: val %d, want %d", cases[_i].name,
			      out.val, cases[_i].val);
		if (out.val == CTX_VAL_SCALAR) {
			uint64_t max = cases[_i].size == 8
					       ? UINT64_MAX
					       : (UINT64_C(1) << (8 * cases[_i].size)) - 1;

			ck_assert_uint_eq(out.umin, 0);
			ck_assert_uint_eq(out.umax, max);
		}
	}
	/* @out may be NULL */
	ck_assert_int_eq(ctx_check(cases[_i].t, cases[_i].attach, cases[_i].off, cases[_i].size,
				   cases[_i].write, NULL),
			 got);
}
END_TEST

/* Properties of every access to every modelled context, including the bytes
 * around it: results agree with ctx_size, alignment and pointer sizes. */
START_TEST(test_access_properties)
{
	enum bv_prog_type t = (enum bv_prog_type)_i;
	static const uint32_t attaches[] = { 0,
					     BPF_CGROUP_INET_EGRESS,
					     BPF_CGROUP_INET4_POST_BIND,
					     BPF_CGROUP_INET6_POST_BIND,
					     BPF_CGROUP_UDP4_SENDMSG,
					     BPF_CGROUP_UDP6_SENDMSG,
					     BPF_CGROUP_GETSOCKOPT,
					     BPF_CGROUP_SETSOCKOPT,
					     BPF_XDP_DEVMAP };
	uint32_t sz = ctx_size(t);
	int64_t hi = sz > 512 ? 512 : (int64_t)sz + 16;

	for (size_t a = 0; a < ARRAY_SIZE(attaches); a++) {
		for (int64_t off = -16; off < hi; off++) {
			for (unsigned size = 1; size <= 8; size *= 2) {
				for (int w = 0; w < 2; w++) {
					struct ctx_access out;
					enum ctx_access_result r =
						ctx_check(t, attaches[a], off, size, w, &out);

					if (sz == 0) {
						ck_assert_int_eq(r, CTX_NO_CTX);
						continue;
					}
					ck_assert_int_ne(r, CTX_NO_CTX);
					if (r != CTX_OK)
						continue;
					ck_assert_msg(off >= 0 && off + size <= sz &&
							      off % size == 0,
						      "type %d off %lld size %u", t, (long long)off,
						      size);
					if (!w && out.val != CTX_VAL_SCALAR)
						ck_assert_msg(size == 4 || size == 8,
							      "pointer load of %u bytes", size);
				}
			}
		}
	}
	/* sizes other than 1, 2, 4, 8 are never valid */
	ck_assert_int_eq(ctx_check(t, 0, 0, 0, false, NULL), CTX_BAD_OFFSET);
	ck_assert_int_eq(ctx_check(t, 0, 0, 16, false, NULL), CTX_BAD_OFFSET);
}
END_TEST

START_TEST(test_sizes)
{
	ck_assert_uint_eq(ctx_size(BV_PROG_SOCKET_FILTER), sizeof(struct __sk_buff));
	ck_assert_uint_eq(ctx_size(BV_PROG_SCHED_CLS), sizeof(struct __sk_buff));
	ck_assert_uint_eq(ctx_size(BV_PROG_FLOW_DISSECTOR), sizeof(struct __sk_buff));
	ck_assert_uint_eq(ctx_size(BV_PROG_XDP), sizeof(struct xdp_md));
	ck_assert_uint_eq(ctx_size(BV_PROG_CGROUP_SOCK), sizeof(struct bpf_sock));
	ck_assert_uint_eq(ctx_size(BV_PROG_CGROUP_SOCK_ADDR), sizeof(struct bpf_sock_addr));
	/* 6.18 adds skb_hwtstamp (8 bytes) after Debian 12's 216-byte bpf_sock_ops */
	ck_assert_uint_eq(ctx_size(BV_PROG_SOCK_OPS), 224);
	ck_assert_uint_le(sizeof(struct bpf_sock_ops), 224);
	ck_assert_uint_eq(ctx_size(BV_PROG_SK_MSG), sizeof(struct sk_msg_md));
	ck_assert_uint_eq(ctx_size(BV_PROG_SK_REUSEPORT), sizeof(struct sk_reuseport_md));
	ck_assert_uint_eq(ctx_size(BV_PROG_SK_LOOKUP), sizeof(struct bpf_sk_lookup));
	ck_assert_uint_eq(ctx_size(BV_PROG_CGROUP_DEVICE), sizeof(struct bpf_cgroup_dev_ctx));
	ck_assert_uint_eq(ctx_size(BV_PROG_CGROUP_SYSCTL), sizeof(struct bpf_sysctl));
	ck_assert_uint_eq(ctx_size(BV_PROG_CGROUP_SOCKOPT), sizeof(struct bpf_sockopt));
	ck_assert_uint_eq(ctx_size(BV_PROG_PERF_EVENT), sizeof(struct bpf_perf_event_data));
	ck_assert_uint_eq(ctx_size(BV_PROG_KPROBE), sizeof(struct pt_regs));
	ck_assert_uint_eq(ctx_size(BV_PROG_TRACEPOINT), 8192);
	ck_assert_uint_eq(ctx_size(BV_PROG_RAW_TRACEPOINT), 96);
	ck_assert_uint_eq(ctx_size(BV_PROG_TRACING), 0);
	ck_assert_uint_eq(ctx_size(BV_PROG_TYPE_CNT), 0);
}
END_TEST

static const struct {
	const char *name;
	enum bv_prog_type t;
	uint32_t attach;
	bool checked;
	int64_t lo, hi;
} ret_cases[] = {
	/* verifier.c:check_return_code, kernel-model.md 8.12 */
	{ "cg_skb ingress", BV_PROG_CGROUP_SKB, BPF_CGROUP_INET_INGRESS, true, 0, 1 },
	{ "cg_skb egress", BV_PROG_CGROUP_SKB, BPF_CGROUP_INET_EGRESS, true, 0, 3 },
	{ "cg_sock", BV_PROG_CGROUP_SOCK, BPF_CGROUP_INET_SOCK_CREATE, true, 0, 1 },
	{ "sock_ops", BV_PROG_SOCK_OPS, 0, true, 0, 1 },
	{ "cg_device", BV_PROG_CGROUP_DEVICE, 0, true, 0, 1 },
	{ "cg_sysctl", BV_PROG_CGROUP_SYSCTL, 0, true, 0, 1 },
	{ "cg_sockopt", BV_PROG_CGROUP_SOCKOPT, BPF_CGROUP_GETSOCKOPT, true, 0, 1 },
	{ "sock_addr connect4", BV_PROG_CGROUP_SOCK_ADDR, BPF_CGROUP_INET4_CONNECT, true, 0, 1 },
	{ "sock_addr sendmsg6", BV_PROG_CGROUP_SOCK_ADDR, BPF_CGROUP_UDP6_SENDMSG, true, 0, 1 },
	{ "sock_addr bind4", BV_PROG_CGROUP_SOCK_ADDR, BPF_CGROUP_INET4_BIND, true, 0, 3 },
	{ "sock_addr bind6", BV_PROG_CGROUP_SOCK_ADDR, BPF_CGROUP_INET6_BIND, true, 0, 3 },
	{ "sock_addr recvmsg4", BV_PROG_CGROUP_SOCK_ADDR, BPF_CGROUP_UDP4_RECVMSG, true, 1, 1 },
	{ "sock_addr getpeername6", BV_PROG_CGROUP_SOCK_ADDR, BPF_CGROUP_INET6_GETPEERNAME, true, 1,
	  1 },
	{ "sock_addr getsockname4", BV_PROG_CGROUP_SOCK_ADDR, BPF_CGROUP_INET4_GETSOCKNAME, true, 1,
	  1 },
	{ "sock_addr unix recvmsg", BV_PROG_CGROUP_SOCK_ADDR, AT_UNIX_RECVMSG, true, 1, 1 },
	{ "sock_addr unix getpeername", BV_PROG_CGROUP_SOCK_ADDR, AT_UNIX_GETPEERNAME, true, 1, 1 },
	{ "sk_lookup", BV_PROG_SK_LOOKUP, BPF_SK_LOOKUP, true, 0, 1 },
	{ "kprobe session", BV_PROG_KPROBE, AT_KPROBE_SESSION, true, 0, 1 },
	{ "uprobe session", BV_PROG_KPROBE, AT_UPROBE_SESSION, true, 0, 1 },
	{ "fentry", BV_PROG_TRACING, BPF_TRACE_FENTRY, true, 0, 0 },
	{ "fexit", BV_PROG_TRACING, BPF_TRACE_FEXIT, true, 0, 0 },
	{ "iter", BV_PROG_TRACING, BPF_TRACE_ITER, true, 0, 1 },
	{ "tracing unsupported", BV_PROG_TRACING, BPF_CGROUP_INET_INGRESS, true, 1, 0 },
	{ "netfilter", BV_PROG_NETFILTER, 0, true, 0, 1 },
	/* unchecked */
	{ "fmod_ret", BV_PROG_TRACING, BPF_MODIFY_RETURN, false, 0, 0 },
	{ "tp_btf", BV_PROG_TRACING, BPF_TRACE_RAW_TP, false, 0, 0 },
	{ "kprobe", BV_PROG_KPROBE, 0, false, 0, 0 },
	{ "xdp", BV_PROG_XDP, 0, false, 0, 0 },
	{ "xdp devmap", BV_PROG_XDP, BPF_XDP_DEVMAP, false, 0, 0 },
	{ "socket_filter", BV_PROG_SOCKET_FILTER, 0, false, 0, 0 },
	{ "sched_cls", BV_PROG_SCHED_CLS, 0, false, 0, 0 },
	{ "tracepoint", BV_PROG_TRACEPOINT, 0, false, 0, 0 },
	{ "perf_event", BV_PROG_PERF_EVENT, 0, false, 0, 0 },
	{ "raw_tp", BV_PROG_RAW_TRACEPOINT, 0, false, 0, 0 },
	{ "sk_skb", BV_PROG_SK_SKB, 0, false, 0, 0 },
	{ "sk_msg", BV_PROG_SK_MSG, 0, false, 0, 0 },
	{ "flow_dissector", BV_PROG_FLOW_DISSECTOR, 0, false, 0, 0 },
	{ "sk_reuseport", BV_PROG_SK_REUSEPORT, 0, false, 0, 0 },
	{ "lwt_xmit", BV_PROG_LWT_XMIT, 0, false, 0, 0 },
	{ "ext", BV_PROG_EXT, 0, false, 0, 0 },
};

START_TEST(test_ret_range)
{
	int64_t lo = -99, hi = -99;
	bool got = ctx_ret_range(ret_cases[_i].t, ret_cases[_i].attach, &lo, &hi);

	ck_assert_msg(got == ret_cases[_i].checked, "%s", ret_cases[_i].name);
	if (got) {
		ck_assert_msg(lo == ret_cases[_i].lo && hi == ret_cases[_i].hi, "%s: [%lld, %lld]",
			      ret_cases[_i].name, (long long)lo, (long long)hi);
	}
}
END_TEST

START_TEST(test_pkt_writable)
{
	/* verifier.c:may_access_direct_pkt_data, kernel-model.md 3 */
	static const enum bv_prog_type yes[] = {
		BV_PROG_SCHED_CLS,	BV_PROG_SCHED_ACT, BV_PROG_XDP,
		BV_PROG_LWT_XMIT,	BV_PROG_SK_SKB,	   BV_PROG_SK_MSG,
		BV_PROG_CGROUP_SOCKOPT,
	};

	for (int t = 0; t <= BV_PROG_TYPE_CNT; t++) {
		bool want = false;

		for (size_t i = 0; i < ARRAY_SIZE(yes); i++)
			want |= yes[i] == (enum bv_prog_type)t;
		ck_assert_msg(ctx_pkt_writable((enum bv_prog_type)t) == want, "type %d", t);
	}
}
END_TEST

Suite *ctx_suite(void)
{
	Suite *s = suite_create("ctx");
	TCase *tc = tcase_create("access");

	tcase_add_loop_test(tc, test_access, 0, (int)ARRAY_SIZE(cases));
	tcase_add_loop_test(tc, test_access_properties, 0, BV_PROG_TYPE_CNT);
	tcase_add_test(tc, test_sizes);
	tcase_add_loop_test(tc, test_ret_range, 0, (int)ARRAY_SIZE(ret_cases));
	tcase_add_test(tc, test_pkt_writable);
	suite_add_tcase(s, tc);
	return s;
}
