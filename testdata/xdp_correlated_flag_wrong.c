// SPDX-License-Identifier: MIT
/*
 * A flag meant to say "IP header checked" is set from the Ethernet type alone,
 * before the length check, so short IPv4 frames reach the TTL read.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

__u64 short_frames;

SEC("xdp")
int xdp_ttl_guard(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *iph = (void *)(eth + 1);
	int have_ip = 0;

	if ((void *)(eth + 1) > data_end)
		return XDP_DROP;
	if (eth->h_proto == bpf_htons(ETH_P_IP)) {
		have_ip = 1;
		if ((void *)(iph + 1) > data_end)
			__sync_fetch_and_add(&short_frames, 1);
	}
	/* BUG: have_ip is also set when the IP header is short */
	if (have_ip && iph->ttl == 0)
		return XDP_DROP;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
