// SPDX-License-Identifier: MIT
/* Loader test: several programs in one section and in typed sections, a
 * static entry function, and attach types inferred from section names. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("cgroup/connect4")
int multi_c4a(struct bpf_sock_addr *ctx)
{
	return ctx->user_port != 0;
}

SEC("cgroup/connect4")
int multi_c4b(struct bpf_sock_addr *ctx)
{
	return 1;
}

SEC("sockops")
int multi_ops(struct bpf_sock_ops *ctx)
{
	return ctx->op == 4;
}

SEC("kprobe/do_sys_open")
int multi_kp(void *ctx)
{
	return 0;
}

SEC("sk_skb/stream_verdict")
int multi_verdict(struct __sk_buff *skb)
{
	return SK_PASS;
}

SEC("xdp")
static int multi_static(struct xdp_md *ctx)
{
	return XDP_PASS;
}

/* a static function placed in a program section: linked into callers from that section */
static __noinline __attribute__((section("xdp"))) int multi_helper(int x)
{
	return x ^ 1;
}

SEC("xdp")
int multi_xdp2(struct xdp_md *ctx)
{
	return multi_helper(ctx->ingress_ifindex) & 3;
}

char LICENSE[] SEC("license") = "GPL";
