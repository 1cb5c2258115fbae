/* SPDX-License-Identifier: MIT */
/*
 * Shared declarations for the corpus programs: headers that the uapi set lacks
 * (VLAN tags) and small constants. Only types and macros: no code, so every
 * program's instructions come from its own .c file.
 */
#ifndef CORPUS_PKT_H
#define CORPUS_PKT_H

#include <linux/types.h>

/* 802.1Q / 802.1ad tag that follows the Ethernet addresses */
struct vlan_hdr {
	__be16 h_vlan_TCI;
	__be16 h_vlan_encapsulated_proto;
};

/* Generic IPv6 extension header (hop-by-hop, routing, destination options) */
struct ipv6_ext_hdr {
	__u8 nexthdr;
	__u8 hdrlen; /* in 8-byte units, not counting the first 8 bytes */
};

#ifndef IPPROTO_HOPOPTS
#define IPPROTO_HOPOPTS 0
#endif
#ifndef IPPROTO_ROUTING
#define IPPROTO_ROUTING 43
#endif
#ifndef IPPROTO_FRAGMENT
#define IPPROTO_FRAGMENT 44
#endif
#ifndef IPPROTO_DSTOPTS
#define IPPROTO_DSTOPTS 60
#endif

#endif /* CORPUS_PKT_H */
