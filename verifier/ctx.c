// SPDX-License-Identifier: MIT
/*
 * ctx: the context of each program type as the Linux 6.18 verifier sees it.
 *
 * Most types have a fixed UAPI struct; each is described by a table of fields
 * (offset, total size, element size, access form, what a load yields, and
 * which variants may read or write it). A "variant" is a bit that selects the
 * rules that apply: the program type for the shared struct __sk_buff, or the
 * expected attach type for bpf_sock, bpf_sock_addr, bpf_sockopt and xdp_md.
 * An access is valid when at least one field accepts it. Types whose context
 * is a plain buffer (kprobe, tracepoint, raw tracepoint, syscall) are checked
 * by code. Offsets are those of include/uapi/linux/bpf.h on x86-64 (Linux
 * 6.18); tests/check_ctx.c compares them with the system's linux/bpf.h.
 *
 * Sources: ../shared/spec/kernel-model.md section 8, and in the kernel
 * net/core/filter.c (*_is_valid_access), kernel/bpf/cgroup.c,
 * kernel/trace/bpf_trace.c, kernel/bpf/syscall.c and, for return values,
 * kernel/bpf/verifier.c:check_return_code.
 */
#include <stddef.h>

#include "ctx.h"

/* enum bpf_attach_type values (include/uapi/linux/bpf.h, Linux 6.18) */
enum {
	AT_CGROUP_INET_INGRESS = 0,
	AT_CGROUP_INET_EGRESS = 1,
	AT_CGROUP_INET_SOCK_CREATE = 2,
	AT_CGROUP_INET4_BIND = 8,
	AT_CGROUP_INET6_BIND = 9,
	AT_CGROUP_INET4_CONNECT = 10,
	AT_CGROUP_INET6_CONNECT = 11,
	AT_CGROUP_INET4_POST_BIND = 12,
	AT_CGROUP_INET6_POST_BIND = 13,
	AT_CGROUP_UDP4_SENDMSG = 14,
	AT_CGROUP_UDP6_SENDMSG = 15,
	AT_CGROUP_UDP4_RECVMSG = 19,
	AT_CGROUP_UDP6_RECVMSG = 20,
	AT_CGROUP_GETSOCKOPT = 21,
	AT_CGROUP_SETSOCKOPT = 22,
	AT_TRACE_RAW_TP = 23,
	AT_TRACE_FENTRY = 24,
	AT_TRACE_FEXIT = 25,
	AT_MODIFY_RETURN = 26,
	AT_TRACE_ITER = 28,
	AT_CGROUP_INET4_GETPEERNAME = 29,
	AT_CGROUP_INET6_GETPEERNAME = 30,
	AT_CGROUP_INET4_GETSOCKNAME = 31,
	AT_CGROUP_INET6_GETSOCKNAME = 32,
	AT_XDP_DEVMAP = 33,
	AT_CGROUP_INET_SOCK_RELEASE = 34,
	AT_CGROUP_UNIX_RECVMSG = 51,
	AT_CGROUP_UNIX_GETPEERNAME = 52,
	AT_CGROUP_UNIX_GETSOCKNAME = 53,
	AT_TRACE_KPROBE_SESSION = 56,
	AT_TRACE_UPROBE_SESSION = 57,
};

/* How a field may be accessed (the kernel's size checks) */
enum ctx_acc {
	/* exactly one element, at the start of an element, for loads and stores */
	ACC_EXACT,
	/* loads: 1, 2, 4 or 8 bytes, at most the element size, inside one element
	 * (bpf_ctx_narrow_access_ok); stores: exactly one element */
	ACC_NARROW,
	/* as ACC_NARROW but loads of at least 2 bytes (sk_reuseport_md.eth_protocol) */
	ACC_NARROW2,
	/* a 2-byte port: narrow loads of the 2-byte element, or a 4-byte load at its
	 * start (bpf_sock.dst_port, bpf_sk_lookup.remote_port) */
	ACC_PORT,
	/* any 1, 2, 4 or 8 byte access inside the field (__sk_buff.cb[]) */
	ACC_ANY,
};

struct ctx_field {
	uint16_t off; /* offset of the first element */
	uint16_t size; /* total size: element size times element count */
	uint8_t elem; /* element size */
	uint8_t acc; /* enum ctx_acc */
	uint8_t val; /* enum ctx_val of a load */
	uint8_t rd, wr; /* variants that may load / store */
};

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Size of a plain-buffer context: PERF_MAX_TRACE_SIZE, MAX_BPF_FUNC_ARGS * 8, U16_MAX */
#define TP_CTX_SIZE 8192u
#define RAW_TP_CTX_SIZE 96u
#define SYSCALL_CTX_SIZE 65535u
#define PT_REGS_SIZE 168u /* struct pt_regs, x86-64 */

/*
 * struct __sk_buff (192 bytes). Variants: the program type's is_valid_access
 * in net/core/filter.c on top of bpf_skb_is_valid_access.
 */
enum {
	SKB_SF = 1 << 0, /* sk_filter_is_valid_access: SOCKET_FILTER */
	SKB_TC = 1 << 1, /* tc_cls_act_is_valid_access: SCHED_CLS, SCHED_ACT */
	SKB_CG = 1 << 2, /* cg_skb_is_valid_access: CGROUP_SKB (CAP_BPF assumed) */
	SKB_LWT = 1 << 3, /* lwt_is_valid_access: LWT_IN, LWT_OUT, LWT_XMIT, LWT_SEG6LOCAL */
	SKB_SKB = 1 << 4, /* sk_skb_is_valid_access: SK_SKB */
	SKB_FD = 1 << 5, /* flow_dissector_is_valid_access: FLOW_DISSECTOR */
	SKB_ALL5 = SKB_SF | SKB_TC | SKB_CG | SKB_LWT | SKB_SKB,
	SKB_PKT = SKB_TC | SKB_CG | SKB_LWT | SKB_SKB | SKB_FD,
};

static const struct ctx_field skb_fields[] = {
	{ 0, 4, 4, ACC_NARROW, CTX_VAL_SCALAR, SKB_ALL5, 0 }, /* len */
	{ 4, 4, 4, ACC_NARROW, CTX_VAL_SCALAR, SKB_ALL5, 0 }, /* pkt_type */
	{ 8, 4, 4, ACC_NARROW, CTX_VAL_SCALAR, SKB_SF | SKB_TC | SKB_CG | SKB_LWT,
	  SKB_TC | SKB_CG | SKB_LWT }, /* mark */
	{ 12, 4, 4, ACC_NARROW, CTX_VAL_SCALAR, SKB_ALL5, SKB_TC }, /* queue_mapping */
	{ 16, 4, 4, ACC_NARROW, CTX_VAL_SCALAR, SKB_ALL5, 0 }, /* protocol */
	{ 20, 12, 4, ACC_NARROW, CTX_VAL_SCALAR, SKB_ALL5, 0 }, /* vlan_present, _tci, _proto */
	{ 32, 4, 4, ACC_NARROW, CTX_VAL_SCALAR, SKB_ALL5,
	  SKB_TC | SKB_CG | SKB_LWT | SKB_SKB }, /* priority */
	{ 36, 8, 4, ACC_NARROW, CTX_VAL_SCALAR, SKB_ALL5, 0 }, /* ingress_ifindex, ifindex */
	{ 44, 4, 4, ACC_NARROW, CTX_VAL_SCALAR, SKB_ALL5, SKB_TC | SKB_SKB }, /* tc_index */
	{ 48, 20, 8, ACC_ANY, CTX_VAL_SCALAR, SKB_ALL5,
	  SKB_SF | SKB_TC | SKB_CG | SKB_LWT }, /* cb[5] */
	{ 68, 4, 4, ACC_NARROW, CTX_VAL_SCALAR, SKB_ALL5, 0 }, /* hash */
	{ 72, 4, 4, ACC_NARROW, CTX_VAL_SCALAR, SKB_TC, SKB_TC }, /* tc_classid */
	{ 76, 4, 4, ACC_EXACT, CTX_VAL_PKT, SKB_PKT, 0 }, /* data */
	{ 80, 4, 4, ACC_EXACT, CTX_VAL_PKT_END, SKB_PKT, 0 }, /* data_end */
	{ 84, 4, 4, ACC_NARROW, CTX_VAL_SCALAR, SKB_ALL5, 0 }, /* napi_id */
	{ 88, 4, 4, ACC_NARROW, CTX_VAL_SCALAR, SKB_CG | SKB_SKB, 0 }, /* family */
	{ 92, 40, 4, ACC_EXACT, CTX_VAL_SCALAR, SKB_CG | SKB_SKB, 0 }, /* remote/local ip4/ip6 */
	{ 132, 8, 4, ACC_NARROW, CTX_VAL_SCALAR, SKB_CG | SKB_SKB,
	  0 }, /* remote_port, local_port */
	{ 140, 4, 4, ACC_EXACT, CTX_VAL_PKT_META, SKB_TC, 0 }, /* data_meta */
	{ 144, 8, 8, ACC_EXACT, CTX_VAL_FLOW_KEYS, SKB_FD, 0 }, /* flow_keys */
	{ 152, 8, 8, ACC_EXACT, CTX_VAL_SCALAR, SKB_TC | SKB_CG, SKB_TC | SKB_CG }, /* tstamp */
	{ 160, 4, 4, ACC_NARROW, CTX_VAL_SCALAR, SKB_TC, 0 }, /* wire_len */
	{ 164, 4, 4, ACC_NARROW, CTX_VAL_SCALAR, SKB_ALL5, 0 }, /* gso_segs */
	{ 168, 8, 8, ACC_EXACT, CTX_VAL_SOCK_OR_NULL, SKB_ALL5, 0 }, /* sk */
	{ 176, 4, 4, ACC_NARROW, CTX_VAL_SCALAR, SKB_ALL5, 0 }, /* gso_size */
	{ 180, 1, 1, ACC_EXACT, CTX_VAL_SCALAR, SKB_TC, 0 }, /* tstamp_type; 181..183 padding */
	{ 184, 8, 8, ACC_EXACT, CTX_VAL_SCALAR, SKB_TC | SKB_CG, 0 }, /* hwtstamp */
};

/* struct xdp_md (24 bytes): filter.c:xdp_is_valid_access. rx_queue_index is
 * writable only for device-offloaded programs, which are not modelled. */
enum {
	XDP_ALL = 1 << 0,
	XDP_DEVMAP = 1 << 1, /* expected attach type BPF_XDP_DEVMAP */
};

static const struct ctx_field xdp_fields[] = {
	{ 0, 4, 4, ACC_EXACT, CTX_VAL_PKT, XDP_ALL, 0 }, /* data */
	{ 4, 4, 4, ACC_EXACT, CTX_VAL_PKT_END, XDP_ALL, 0 }, /* data_end */
	{ 8, 4, 4, ACC_EXACT, CTX_VAL_PKT_META, XDP_ALL, 0 }, /* data_meta */
	{ 12, 8, 4, ACC_EXACT, CTX_VAL_SCALAR, XDP_ALL, 0 }, /* ingress_ifindex, rx_queue_index */
	{ 20, 4, 4, ACC_EXACT, CTX_VAL_SCALAR, XDP_DEVMAP, 0 }, /* egress_ifindex */
};

/* struct bpf_sock (80 bytes) as CGROUP_SOCK context: bpf_sock_is_valid_access
 * and __sock_filter_check_attach_type */
enum {
	SOCK_ALL = 1 << 0,
	SOCK_CREATE = 1 << 1, /* INET_SOCK_CREATE, INET_SOCK_RELEASE */
	SOCK_POST4 = 1 << 2, /* INET4_POST_BIND */
	SOCK_POST6 = 1 << 3, /* INET6_POST_BIND */
};

static const struct ctx_field sock_fields[] = {
	{ 0, 4, 4, ACC_EXACT, CTX_VAL_SCALAR, SOCK_CREATE, SOCK_CREATE }, /* bound_dev_if */
	{ 4, 12, 4, ACC_NARROW, CTX_VAL_SCALAR, SOCK_ALL, 0 }, /* family, type, protocol */
	{ 16, 8, 4, ACC_EXACT, CTX_VAL_SCALAR, SOCK_CREATE, SOCK_CREATE }, /* mark, priority */
	{ 24, 4, 4, ACC_NARROW, CTX_VAL_SCALAR, SOCK_POST4, 0 }, /* src_ip4 */
	{ 28, 16, 4, ACC_NARROW, CTX_VAL_SCALAR, SOCK_POST6, 0 }, /* src_ip6[4] */
	{ 44, 4, 4, ACC_NARROW, CTX_VAL_SCALAR, SOCK_POST4 | SOCK_POST6, 0 }, /* src_port */
	{ 48, 2, 2, ACC_PORT, CTX_VAL_SCALAR, SOCK_ALL, 0 }, /* dst_port; 50..51 hole */
	{ 52, 20, 4, ACC_NARROW, CTX_VAL_SCALAR, SOCK_ALL, 0 }, /* dst_ip4, dst_ip6[4] */
	{ 72, 8, 4, ACC_NARROW, CTX_VAL_SCALAR, SOCK_ALL, 0 }, /* state, rx_queue_mapping */
};

/* struct bpf_sock_addr (72 bytes): filter.c:sock_addr_is_valid_access */
enum {
	SA_ALL = 1 << 0,
	SA_IP4 = 1 << 1, /* INET4_BIND/CONNECT/GETPEERNAME/GETSOCKNAME, UDP4_SENDMSG/RECVMSG */
	SA_IP6 = 1 << 2, /* the INET6/UDP6 counterparts */
	SA_SEND4 = 1 << 3, /* UDP4_SENDMSG */
	SA_SEND6 = 1 << 4, /* UDP6_SENDMSG */
};

static const struct ctx_field sock_addr_fields[] = {
	{ 0, 4, 4, ACC_EXACT, CTX_VAL_SCALAR, SA_ALL, 0 }, /* user_family */
	{ 4, 4, 4, ACC_NARROW, CTX_VAL_SCALAR, SA_IP4, SA_IP4 }, /* user_ip4 */
	{ 8, 16, 4, ACC_NARROW, CTX_VAL_SCALAR, SA_IP6, SA_IP6 }, /* user_ip6[4] */
	{ 8, 16, 8, ACC_EXACT, CTX_VAL_SCALAR, SA_IP6, SA_IP6 }, /* ... wide: 8 at 8, 16 */
	{ 24, 4, 4, ACC_NARROW, CTX_VAL_SCALAR, SA_ALL, SA_ALL }, /* user_port */
	{ 28, 12, 4, ACC_EXACT, CTX_VAL_SCALAR, SA_ALL, 0 }, /* family, type, protocol */
	{ 40, 4, 4, ACC_NARROW, CTX_VAL_SCALAR, SA_SEND4, SA_SEND4 }, /* msg_src_ip4 */
	{ 44, 16, 4, ACC_NARROW, CTX_VAL_SCALAR, SA_SEND6, SA_SEND6 }, /* msg_src_ip6[4] */
	{ 48, 8, 8, ACC_EXACT, CTX_VAL_SCALAR, SA_SEND6, SA_SEND6 }, /* ... wide: 8 at 48 */
	{ 64, 8, 8, ACC_EXACT, CTX_VAL_SOCK, SA_ALL, 0 }, /* sk */
};

/* struct bpf_sock_ops (224 bytes in 6.18): filter.c:sock_ops_is_valid_access.
 * Offsets 0..167 are 4-byte fields (op, args/reply, family ... sk_txhash). */
static const struct ctx_field sock_ops_fields[] = {
	{ 0, 168, 4, ACC_EXACT, CTX_VAL_SCALAR, 1, 0 }, /* op ... sk_txhash */
	{ 4, 4, 4, ACC_EXACT, CTX_VAL_SCALAR, 1, 1 }, /* reply */
	{ 164, 4, 4, ACC_EXACT, CTX_VAL_SCALAR, 1, 1 }, /* sk_txhash */
	{ 168, 16, 8, ACC_EXACT, CTX_VAL_SCALAR, 1, 0 }, /* bytes_received, bytes_acked */
	{ 184, 8, 8, ACC_EXACT, CTX_VAL_SOCK_OR_NULL, 1, 0 }, /* sk */
	{ 192, 8, 8, ACC_EXACT, CTX_VAL_PKT, 1, 0 }, /* skb_data */
	{ 200, 8, 8, ACC_EXACT, CTX_VAL_PKT_END, 1, 0 }, /* skb_data_end */
	{ 208, 4, 4, ACC_EXACT, CTX_VAL_SCALAR, 1, 0 }, /* skb_len */
	{ 212, 4, 4, ACC_NARROW, CTX_VAL_SCALAR, 1, 0 }, /* skb_tcp_flags */
	{ 216, 8, 8, ACC_EXACT, CTX_VAL_SCALAR, 1, 0 }, /* skb_hwtstamp (6.18, not in 6.1) */
};

/* struct sk_msg_md (80 bytes): filter.c:sk_msg_is_valid_access */
static const struct ctx_field sk_msg_fields[] = {
	{ 0, 8, 8, ACC_EXACT, CTX_VAL_PKT, 1, 0 }, /* data */
	{ 8, 8, 8, ACC_EXACT, CTX_VAL_PKT_END, 1, 0 }, /* data_end */
	{ 16, 56, 4, ACC_EXACT, CTX_VAL_SCALAR, 1, 0 }, /* family ... size */
	{ 72, 8, 8, ACC_EXACT, CTX_VAL_SOCK, 1, 0 }, /* sk */
};

/* struct sk_reuseport_md (56 bytes): filter.c:sk_reuseport_is_valid_access */
static const struct ctx_field reuseport_fields[] = {
	{ 0, 8, 8, ACC_EXACT, CTX_VAL_PKT, 1, 0 }, /* data */
	{ 8, 8, 8, ACC_EXACT, CTX_VAL_PKT_END, 1, 0 }, /* data_end */
	{ 16, 4, 4, ACC_NARROW, CTX_VAL_SCALAR, 1, 0 }, /* len */
	{ 20, 4, 4, ACC_NARROW2, CTX_VAL_SCALAR, 1, 0 }, /* eth_protocol */
	{ 24, 8, 4, ACC_NARROW, CTX_VAL_SCALAR, 1, 0 }, /* ip_protocol, bind_inany */
	{ 32, 4, 4, ACC_EXACT, CTX_VAL_SCALAR, 1, 0 }, /* hash */
	{ 40, 8, 8, ACC_EXACT, CTX_VAL_SOCK, 1, 0 }, /* sk */
	{ 48, 8, 8, ACC_EXACT, CTX_VAL_SOCK_OR_NULL, 1, 0 }, /* migrating_sk */
};

/* struct bpf_sk_lookup (72 bytes): filter.c:sk_lookup_is_valid_access */
static const struct ctx_field sk_lookup_fields[] = {
	{ 0, 8, 8, ACC_EXACT, CTX_VAL_SOCK_OR_NULL, 1, 0 }, /* sk (union with cookie) */
	{ 8, 28, 4, ACC_NARROW, CTX_VAL_SCALAR, 1, 0 }, /* family ... remote_ip6[4] */
	{ 36, 2, 2, ACC_PORT, CTX_VAL_SCALAR, 1, 0 }, /* remote_port */
	{ 38, 2, 2, ACC_NARROW, CTX_VAL_SCALAR, 1, 0 }, /* zero padding, readable */
	{ 40, 28, 4, ACC_NARROW, CTX_VAL_SCALAR, 1, 0 }, /* local_ip4 ... ingress_ifindex */
};

/* struct bpf_cgroup_dev_ctx (12 bytes): cgroup.c:cgroup_dev_is_valid_access */
static const struct ctx_field dev_fields[] = {
	{ 0, 4, 4, ACC_NARROW, CTX_VAL_SCALAR, 1, 0 }, /* access_type */
	{ 4, 8, 4, ACC_EXACT, CTX_VAL_SCALAR, 1, 0 }, /* major, minor */
};

/* struct bpf_sysctl (8 bytes): cgroup.c:sysctl_is_valid_access */
static const struct ctx_field sysctl_fields[] = {
	{ 0, 4, 4, ACC_NARROW, CTX_VAL_SCALAR, 1, 0 }, /* write */
	{ 4, 4, 4, ACC_NARROW, CTX_VAL_SCALAR, 1, 1 }, /* file_pos */
};

/* struct bpf_sockopt (40 bytes): cgroup.c:cg_sockopt_is_valid_access */
enum {
	SO_ALL = 1 << 0,
	SO_GET = 1 << 1, /* BPF_CGROUP_GETSOCKOPT */
	SO_SET = 1 << 2, /* BPF_CGROUP_SETSOCKOPT */
};

static const struct ctx_field sockopt_fields[] = {
	{ 0, 8, 8, ACC_EXACT, CTX_VAL_SOCK, SO_ALL, 0 }, /* sk */
	{ 8, 8, 8, ACC_EXACT, CTX_VAL_PKT, SO_ALL, 0 }, /* optval */
	{ 16, 8, 8, ACC_EXACT, CTX_VAL_PKT_END, SO_ALL, 0 }, /* optval_end */
	{ 24, 8, 4, ACC_EXACT, CTX_VAL_SCALAR, SO_ALL, SO_SET }, /* level, optname */
	{ 32, 4, 4, ACC_EXACT, CTX_VAL_SCALAR, SO_ALL, SO_ALL }, /* optlen */
	{ 36, 4, 4, ACC_EXACT, CTX_VAL_SCALAR, SO_GET, SO_GET }, /* retval */
};

/* struct bpf_perf_event_data (184 bytes on x86-64): bpf_trace.c:pe_prog_is_valid_access */
static const struct ctx_field perf_fields[] = {
	{ 0, PT_REGS_SIZE, 8, ACC_EXACT, CTX_VAL_SCALAR, 1, 0 }, /* regs: unsigned long words */
	{ 168, 16, 8, ACC_NARROW, CTX_VAL_SCALAR, 1, 0 }, /* sample_period, addr */
};

/* u32 sample (4 bytes): lirc_mode2_is_valid_access (drivers/media/rc/bpf-lirc.c) */
static const struct ctx_field lirc_fields[] = {
	{ 0, 4, 4, ACC_EXACT, CTX_VAL_SCALAR, 1, 0 },
};

struct ctx_layout {
	const struct ctx_field *f;
	size_t cnt;
	uint32_t size;
};

#define LAYOUT(tab, sz) ((struct ctx_layout){ .f = (tab), .cnt = ARRAY_LEN(tab), .size = (sz) })

static bool is_pow2_size(unsigned size)
{
	return size == 1 || size == 2 || size == 4 || size == 8;
}

/* Does field @f accept an access of @size bytes at @off (both already in the
 * struct, @off % @size == 0), as a load (!@write) or a store? */
static bool field_accepts(const struct ctx_field *f, uint32_t off, unsigned size, bool write)
{
	uint32_t rel, first, last;

	if (off < f->off || off >= (uint32_t)f->off + f->size)
		return false;
	rel = off - f->off;
	/* a 4-byte load of a 2-byte port reads past the field (backward compatibility) */
	if (f->acc == ACC_PORT && !write && size == 4 && rel == 0)
		return true;
	if (rel + size > f->size)
		return false;
	first = rel / f->elem;
	last = (rel + size - 1) / f->elem;
	switch ((enum ctx_acc)f->acc) {
	case ACC_EXACT:
		return size == f->elem && rel % f->elem == 0;
	case ACC_NARROW:
	case ACC_NARROW2:
		if (write)
			return size == f->elem && rel % f->elem == 0;
		if (f->acc == ACC_NARROW2 && size < 2)
			return false;
		return size <= f->elem && first == last;
	case ACC_PORT:
		return !write && size <= f->elem;
	case ACC_ANY:
		return true;
	}
	return false;
}

static void set_out(struct ctx_access *out, enum ctx_val val, unsigned size)
{
	if (!out)
		return;
	out->val = val;
	out->umin = 0;
	/* loads zero-extend: a narrow load of n bytes is below 2^(8n) */
	if (val == CTX_VAL_SCALAR && size < 8)
		out->umax = (UINT64_C(1) << (8 * size)) - 1;
	else
		out->umax = UINT64_MAX;
}

static enum ctx_access_result check_layout(struct ctx_layout l, uint32_t variants, int64_t off,
					   unsigned size, bool write, struct ctx_access *out)
{
	bool readable = false;

	if (off < 0 || (uint64_t)off + size > l.size || (uint64_t)off % size != 0)
		return CTX_BAD_OFFSET;
	for (size_t i = 0; i < l.cnt; i++) {
		const struct ctx_field *f = &l.f[i];

		if (!write) {
			if ((f->rd & variants) && field_accepts(f, (uint32_t)off, size, false)) {
				set_out(out, (enum ctx_val)f->val, size);
				return CTX_OK;
			}
			continue;
		}
		if ((f->wr & variants) && field_accepts(f, (uint32_t)off, size, true)) {
			set_out(out, CTX_VAL_SCALAR, size);
			return CTX_OK;
		}
		/* a store to bytes a load could read is a read-only violation */
		if ((f->rd & variants) && field_accepts(f, (uint32_t)off, size, false))
			readable = true;
	}
	return readable ? CTX_READ_ONLY : CTX_BAD_OFFSET;
}

static uint32_t skb_variant(enum bv_prog_type t)
{
	switch (t) {
	case BV_PROG_SOCKET_FILTER:
		return SKB_SF;
	case BV_PROG_SCHED_CLS:
	case BV_PROG_SCHED_ACT:
		return SKB_TC;
	case BV_PROG_CGROUP_SKB:
		return SKB_CG;
	case BV_PROG_LWT_IN:
	case BV_PROG_LWT_OUT:
	case BV_PROG_LWT_XMIT:
	case BV_PROG_LWT_SEG6LOCAL:
		return SKB_LWT;
	case BV_PROG_SK_SKB:
		return SKB_SKB;
	case BV_PROG_FLOW_DISSECTOR:
		return SKB_FD;
	default:
		return 0;
	}
}

static uint32_t sock_variant(uint32_t attach)
{
	switch (attach) {
	case 0: /* syscall.c:bpf_prog_load_fixup_attach_type makes 0 INET_SOCK_CREATE */
	case AT_CGROUP_INET_SOCK_CREATE:
	case AT_CGROUP_INET_SOCK_RELEASE:
		return SOCK_ALL | SOCK_CREATE;
	case AT_CGROUP_INET4_POST_BIND:
		return SOCK_ALL | SOCK_POST4;
	case AT_CGROUP_INET6_POST_BIND:
		return SOCK_ALL | SOCK_POST6;
	default:
		return SOCK_ALL;
	}
}

static uint32_t sock_addr_variant(uint32_t attach)
{
	switch (attach) {
	case AT_CGROUP_INET4_BIND:
	case AT_CGROUP_INET4_CONNECT:
	case AT_CGROUP_INET4_GETPEERNAME:
	case AT_CGROUP_INET4_GETSOCKNAME:
	case AT_CGROUP_UDP4_RECVMSG:
		return SA_ALL | SA_IP4;
	case AT_CGROUP_UDP4_SENDMSG:
		return SA_ALL | SA_IP4 | SA_SEND4;
	case AT_CGROUP_INET6_BIND:
	case AT_CGROUP_INET6_CONNECT:
	case AT_CGROUP_INET6_GETPEERNAME:
	case AT_CGROUP_INET6_GETSOCKNAME:
	case AT_CGROUP_UDP6_RECVMSG:
		return SA_ALL | SA_IP6;
	case AT_CGROUP_UDP6_SENDMSG:
		return SA_ALL | SA_IP6 | SA_SEND6;
	default:
		return SA_ALL;
	}
}

static uint32_t sockopt_variant(uint32_t attach)
{
	if (attach == AT_CGROUP_GETSOCKOPT)
		return SO_ALL | SO_GET;
	if (attach == AT_CGROUP_SETSOCKOPT)
		return SO_ALL | SO_SET;
	return SO_ALL;
}

/* Plain buffer [lo, hi): any 1/2/4/8-byte access with off % size == 0 */
static enum ctx_access_result check_buffer(int64_t lo, int64_t hi, int64_t off, unsigned size,
					   bool write, bool writable, struct ctx_access *out)
{
	if (off < lo || off >= hi || (uint64_t)off % size != 0)
		return CTX_BAD_OFFSET;
	if (write && !writable)
		return CTX_READ_ONLY;
	set_out(out, CTX_VAL_SCALAR, size);
	return CTX_OK;
}

enum ctx_access_result ctx_check(enum bv_prog_type t, uint32_t attach, int64_t off, unsigned size,
				 bool write, struct ctx_access *out)
{
	if (!is_pow2_size(size))
		return CTX_BAD_OFFSET;
	switch (t) {
	case BV_PROG_SOCKET_FILTER:
	case BV_PROG_SCHED_CLS:
	case BV_PROG_SCHED_ACT:
	case BV_PROG_CGROUP_SKB:
	case BV_PROG_LWT_IN:
	case BV_PROG_LWT_OUT:
	case BV_PROG_LWT_XMIT:
	case BV_PROG_LWT_SEG6LOCAL:
	case BV_PROG_SK_SKB:
	case BV_PROG_FLOW_DISSECTOR:
		return check_layout(LAYOUT(skb_fields, 192), skb_variant(t), off, size, write, out);
	case BV_PROG_XDP:
		return check_layout(LAYOUT(xdp_fields, 24),
				    XDP_ALL | (attach == AT_XDP_DEVMAP ? XDP_DEVMAP : 0), off, size,
				    write, out);
	case BV_PROG_CGROUP_SOCK:
		return check_layout(LAYOUT(sock_fields, 80), sock_variant(attach), off, size, write,
				    out);
	case BV_PROG_CGROUP_SOCK_ADDR:
		return check_layout(LAYOUT(sock_addr_fields, 72), sock_addr_variant(attach), off,
				    size, write, out);
	case BV_PROG_SOCK_OPS:
		return check_layout(LAYOUT(sock_ops_fields, 224), 1, off, size, write, out);
	case BV_PROG_SK_MSG:
		return check_layout(LAYOUT(sk_msg_fields, 80), 1, off, size, write, out);
	case BV_PROG_SK_REUSEPORT:
		return check_layout(LAYOUT(reuseport_fields, 56), 1, off, size, write, out);
	case BV_PROG_SK_LOOKUP:
		return check_layout(LAYOUT(sk_lookup_fields, 72), 1, off, size, write, out);
	case BV_PROG_CGROUP_DEVICE:
		return check_layout(LAYOUT(dev_fields, 12), 1, off, size, write, out);
	case BV_PROG_CGROUP_SYSCTL:
		return check_layout(LAYOUT(sysctl_fields, 8), 1, off, size, write, out);
	case BV_PROG_CGROUP_SOCKOPT:
		return check_layout(LAYOUT(sockopt_fields, 40), sockopt_variant(attach), off, size,
				    write, out);
	case BV_PROG_PERF_EVENT:
		return check_layout(LAYOUT(perf_fields, 184), 1, off, size, write, out);
	case BV_PROG_LIRC_MODE2:
		return check_layout(LAYOUT(lirc_fields, 4), 1, off, size, write, out);
	case BV_PROG_KPROBE:
		/* kprobe_prog_is_valid_access: kernel-model 8.11 says 6.18 accepts stores, but the
		 * running 6.18.44 kernel rejects them at load (testdata/kprobe_ctx_write:
		 * "invalid bpf_context access off=80 size=8"): the kernel is the ground truth */
		return check_buffer(0, PT_REGS_SIZE, off, size, write, false, out);
	case BV_PROG_TRACEPOINT:
		/* tp_prog_is_valid_access: the first 8 bytes (common header) are hidden */
		return check_buffer(8, TP_CTX_SIZE, off, size, write, false, out);
	case BV_PROG_RAW_TRACEPOINT:
		/* raw_tp_prog_is_valid_access -> bpf_tracing_ctx_access: u64 args[12] */
		return check_buffer(0, RAW_TP_CTX_SIZE, off, size, write, false, out);
	case BV_PROG_RAW_TRACEPOINT_WRITABLE:
		/* raw_tp_writable_prog_is_valid_access: args[0] is the writable tracepoint
		 * buffer (PTR_TO_TP_BUFFER, not modelled) and must be read as 8 bytes */
		if (off == 0) {
			if (write || size != 8)
				return write ? CTX_READ_ONLY : CTX_BAD_OFFSET;
			set_out(out, CTX_VAL_CTX_PTR, size);
			return CTX_OK;
		}
		return check_buffer(0, RAW_TP_CTX_SIZE, off, size, write, false, out);
	case BV_PROG_SYSCALL:
		/* syscall.c:syscall_prog_is_valid_access: a user buffer, loads and stores */
		return check_buffer(0, SYSCALL_CTX_SIZE, off, size, write, true, out);
	default:
		/* TRACING, LSM, STRUCT_OPS, EXT: BTF-typed; NETFILTER: BTF pointers */
		return CTX_NO_CTX;
	}
}

uint32_t ctx_size(enum bv_prog_type t)
{
	switch (t) {
	case BV_PROG_SOCKET_FILTER:
	case BV_PROG_SCHED_CLS:
	case BV_PROG_SCHED_ACT:
	case BV_PROG_CGROUP_SKB:
	case BV_PROG_LWT_IN:
	case BV_PROG_LWT_OUT:
	case BV_PROG_LWT_XMIT:
	case BV_PROG_LWT_SEG6LOCAL:
	case BV_PROG_SK_SKB:
	case BV_PROG_FLOW_DISSECTOR:
		return 192;
	case BV_PROG_XDP:
		return 24;
	case BV_PROG_CGROUP_SOCK:
	case BV_PROG_SK_MSG:
		return 80;
	case BV_PROG_CGROUP_SOCK_ADDR:
	case BV_PROG_SK_LOOKUP:
		return 72;
	case BV_PROG_SOCK_OPS:
		return 224;
	case BV_PROG_SK_REUSEPORT:
		return 56;
	case BV_PROG_CGROUP_DEVICE:
		return 12;
	case BV_PROG_CGROUP_SYSCTL:
		return 8;
	case BV_PROG_CGROUP_SOCKOPT:
		return 40;
	case BV_PROG_PERF_EVENT:
		return 184;
	case BV_PROG_LIRC_MODE2:
		return 4;
	case BV_PROG_KPROBE:
		return PT_REGS_SIZE;
	case BV_PROG_TRACEPOINT:
		return TP_CTX_SIZE;
	case BV_PROG_RAW_TRACEPOINT:
	case BV_PROG_RAW_TRACEPOINT_WRITABLE:
		return RAW_TP_CTX_SIZE;
	case BV_PROG_SYSCALL:
		return SYSCALL_CTX_SIZE;
	default:
		return 0;
	}
}

static bool range(int64_t *lo, int64_t *hi, int64_t l, int64_t h)
{
	*lo = l;
	*hi = h;
	return true;
}

/* verifier.c:check_return_code, kernel-model.md 8.12. An empty range (lo > hi)
 * means no return value is accepted (TRACING with an unsupported attach type). */
bool ctx_ret_range(enum bv_prog_type t, uint32_t attach, int64_t *lo, int64_t *hi)
{
	switch (t) {
	case BV_PROG_CGROUP_SKB:
		if (attach == AT_CGROUP_INET_EGRESS)
			return range(lo, hi, 0, 3);
		return range(lo, hi, 0, 1);
	case BV_PROG_CGROUP_SOCK:
	case BV_PROG_SOCK_OPS:
	case BV_PROG_CGROUP_DEVICE:
	case BV_PROG_CGROUP_SYSCTL:
	case BV_PROG_CGROUP_SOCKOPT:
		return range(lo, hi, 0, 1);
	case BV_PROG_CGROUP_SOCK_ADDR:
		switch (attach) {
		case AT_CGROUP_UDP4_RECVMSG:
		case AT_CGROUP_UDP6_RECVMSG:
		case AT_CGROUP_UNIX_RECVMSG:
		case AT_CGROUP_INET4_GETPEERNAME:
		case AT_CGROUP_INET6_GETPEERNAME:
		case AT_CGROUP_UNIX_GETPEERNAME:
		case AT_CGROUP_INET4_GETSOCKNAME:
		case AT_CGROUP_INET6_GETSOCKNAME:
		case AT_CGROUP_UNIX_GETSOCKNAME:
			return range(lo, hi, 1, 1);
		case AT_CGROUP_INET4_BIND:
		case AT_CGROUP_INET6_BIND:
			return range(lo, hi, 0, 3);
		default:
			return range(lo, hi, 0, 1);
		}
	case BV_PROG_SK_LOOKUP:
		return range(lo, hi, 0, 1); /* SK_DROP, SK_PASS */
	case BV_PROG_KPROBE:
		if (attach == AT_TRACE_KPROBE_SESSION || attach == AT_TRACE_UPROBE_SESSION)
			return range(lo, hi, 0, 1);
		return false;
	case BV_PROG_TRACING:
		switch (attach) {
		case AT_TRACE_FENTRY:
		case AT_TRACE_FEXIT:
			return range(lo, hi, 0, 0);
		case AT_TRACE_ITER:
			return range(lo, hi, 0, 1);
		case AT_TRACE_RAW_TP:
		case AT_MODIFY_RETURN:
			return false;
		default:
			return range(lo, hi, 1, 0); /* -ENOTSUPP: nothing is accepted */
		}
	case BV_PROG_NETFILTER:
		return range(lo, hi, 0, 1); /* NF_DROP, NF_ACCEPT */
	default:
		/* SOCKET_FILTER, SCHED_CLS/ACT, XDP, LWT_*, SK_SKB, SK_MSG, FLOW_DISSECTOR,
		 * SK_REUSEPORT, TRACEPOINT, PERF_EVENT, RAW_TRACEPOINT (no BTF id), EXT,
		 * SYSCALL; LSM is hook-specific and not modelled */
		return false;
	}
}

/* verifier.c:may_access_direct_pkt_data with a write access (kernel-model.md 3) */
bool ctx_pkt_writable(enum bv_prog_type t)
{
	switch (t) {
	case BV_PROG_SCHED_CLS:
	case BV_PROG_SCHED_ACT:
	case BV_PROG_XDP:
	case BV_PROG_LWT_XMIT:
	case BV_PROG_SK_SKB:
	case BV_PROG_SK_MSG:
	case BV_PROG_CGROUP_SOCKOPT:
		return true;
	default:
		return false;
	}
}
