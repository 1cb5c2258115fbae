// SPDX-License-Identifier: MIT
/*
 * A flag set only on the path where the IP header was bounds-checked is tested
 * later, after unrelated work; the IP header is read only under the flag.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

__u64 pkt_count;

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
	if (eth->h_proto == bpf_htons(ETH_P_IP) && (void *)(iph + 1) <= data_end)
		have_ip = 1;
	__sync_fetch_and_add(&pkt_count, 1);
	if (bpf_get_prandom_u32() % 1000 == 0)
		bpf_printk("sampled, ip=%d", have_ip);
	if (have_ip && iph->ttl == 0)
		return XDP_DROP;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
