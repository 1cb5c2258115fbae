// SPDX-License-Identifier: MIT
/*
 * obj: loading an eBPF ELF object. libelf reads the headers, the symbol table
 * and the relocations (translated to host order); section contents are copied
 * as raw bytes and decoded here in the file's byte order, so big-endian
 * objects load on a little-endian host (and vice versa): instructions, legacy
 * map definitions, .BTF and .BTF.ext are converted, global data is kept as
 * bytes. Programs are linked as libbpf links them: the entry function first,
 * then every subprogram it reaches through calls or callback addresses, in
 * the order they are first referenced.
 */
#include "obj.h"

#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "btf.h"
#include "diag.h"

#ifndef EM_BPF
#define EM_BPF 247
#endif

/* BPF relocation types (llvm/BinaryFormat/ELFRelocs/BPF.def) */
enum {
	OBJ_R_NONE = 0,
	OBJ_R_64_64 = 1, /* lddw: 64-bit address of the symbol */
	OBJ_R_64_ABS64 = 2,
	OBJ_R_64_ABS32 = 3,
	OBJ_R_64_NODYLD32 = 4,
	OBJ_R_64_32 = 10, /* call: (S + A) / 8 - 1, pc-relative slot offset */
};

/* map flags as libbpf sets them for global data (linux/bpf.h values) */
#define OBJ_F_RDONLY_PROG (1u << 7)
#define OBJ_F_MMAPABLE (1u << 10)

#define OBJ_OP_LDDW 0x18
#define OBJ_OP_CALL 0x85
#define OBJ_INSN_SIZE 8

/* Values of enum bpf_attach_type in linux/bpf.h (kernel 6.18); keep in step with it */
enum obj_attach {
	OBJ_AT_CGROUP_INET_INGRESS = 0,
	OBJ_AT_CGROUP_INET_EGRESS = 1,
	OBJ_AT_CGROUP_INET_SOCK_CREATE = 2,
	OBJ_AT_CGROUP_SOCK_OPS = 3,
	OBJ_AT_SK_SKB_STREAM_PARSER = 4,
	OBJ_AT_SK_SKB_STREAM_VERDICT = 5,
	OBJ_AT_CGROUP_DEVICE = 6,
	OBJ_AT_SK_MSG_VERDICT = 7,
	OBJ_AT_CGROUP_INET4_BIND = 8,
	OBJ_AT_CGROUP_INET6_BIND = 9,
	OBJ_AT_CGROUP_INET4_CONNECT = 10,
	OBJ_AT_CGROUP_INET6_CONNECT = 11,
	OBJ_AT_CGROUP_INET4_POST_BIND = 12,
	OBJ_AT_CGROUP_INET6_POST_BIND = 13,
	OBJ_AT_CGROUP_UDP4_SENDMSG = 14,
	OBJ_AT_CGROUP_UDP6_SENDMSG = 15,
	OBJ_AT_LIRC_MODE2 = 16,
	OBJ_AT_FLOW_DISSECTOR = 17,
	OBJ_AT_CGROUP_SYSCTL = 18,
	OBJ_AT_CGROUP_UDP4_RECVMSG = 19,
	OBJ_AT_CGROUP_UDP6_RECVMSG = 20,
	OBJ_AT_CGROUP_GETSOCKOPT = 21,
	OBJ_AT_CGROUP_SETSOCKOPT = 22,
	OBJ_AT_TRACE_RAW_TP = 23,
	OBJ_AT_TRACE_FENTRY = 24,
	OBJ_AT_TRACE_FEXIT = 25,
	OBJ_AT_MODIFY_RETURN = 26,
	OBJ_AT_LSM_MAC = 27,
	OBJ_AT_TRACE_ITER = 28,
	OBJ_AT_CGROUP_INET4_GETPEERNAME = 29,
	OBJ_AT_CGROUP_INET6_GETPEERNAME = 30,
	OBJ_AT_CGROUP_INET4_GETSOCKNAME = 31,
	OBJ_AT_CGROUP_INET6_GETSOCKNAME = 32,
	OBJ_AT_XDP_DEVMAP = 33,
	OBJ_AT_CGROUP_INET_SOCK_RELEASE = 34,
	OBJ_AT_XDP_CPUMAP = 35,
	OBJ_AT_SK_LOOKUP = 36,
	OBJ_AT_XDP = 37,
	OBJ_AT_SK_SKB_VERDICT = 38,
	OBJ_AT_SK_REUSEPORT_SELECT = 39,
	OBJ_AT_SK_REUSEPORT_SELECT_OR_MIGRATE = 40,
	OBJ_AT_PERF_EVENT = 41,
	OBJ_AT_TRACE_KPROBE_MULTI = 42,
	OBJ_AT_LSM_CGROUP = 43,
	OBJ_AT_STRUCT_OPS = 44,
	OBJ_AT_NETFILTER = 45,
	OBJ_AT_TCX_INGRESS = 46,
	OBJ_AT_TCX_EGRESS = 47,
	OBJ_AT_TRACE_UPROBE_MULTI = 48,
	OBJ_AT_CGROUP_UNIX_CONNECT = 49,
	OBJ_AT_CGROUP_UNIX_SENDMSG = 50,
	OBJ_AT_CGROUP_UNIX_RECVMSG = 51,
	OBJ_AT_CGROUP_UNIX_GETPEERNAME = 52,
	OBJ_AT_CGROUP_UNIX_GETSOCKNAME = 53,
	OBJ_AT_NETKIT_PRIMARY = 54,
	OBJ_AT_NETKIT_PEER = 55,
	OBJ_AT_TRACE_KPROBE_SESSION = 56,
	OBJ_AT_TRACE_UPROBE_SESSION = 57,
};

/* How a section_defs entry matches, as in libbpf's sec_def_matches() */
enum sec_match {
	SEC_EXACT, /* the whole name */
	SEC_PLUS, /* the name, or the name followed by '/' and anything ("kprobe+") */
};

static const struct {
	const char *name;
	enum sec_match match;
	enum bv_prog_type type;
	uint32_t attach;
} sec_defs[] = {
	/* order matters: the first match wins, as in libbpf's section_defs[] */
	{ "socket", SEC_EXACT, BV_PROG_SOCKET_FILTER, 0 },
	{ "sk_reuseport/migrate", SEC_EXACT, BV_PROG_SK_REUSEPORT,
	  OBJ_AT_SK_REUSEPORT_SELECT_OR_MIGRATE },
	{ "sk_reuseport", SEC_EXACT, BV_PROG_SK_REUSEPORT, OBJ_AT_SK_REUSEPORT_SELECT },
	{ "kprobe", SEC_PLUS, BV_PROG_KPROBE, 0 },
	{ "uprobe", SEC_PLUS, BV_PROG_KPROBE, 0 },
	{ "uprobe.s", SEC_PLUS, BV_PROG_KPROBE, 0 },
	{ "kretprobe", SEC_PLUS, BV_PROG_KPROBE, 0 },
	{ "uretprobe", SEC_PLUS, BV_PROG_KPROBE, 0 },
	{ "uretprobe.s", SEC_PLUS, BV_PROG_KPROBE, 0 },
	{ "kprobe.multi", SEC_PLUS, BV_PROG_KPROBE, OBJ_AT_TRACE_KPROBE_MULTI },
	{ "kretprobe.multi", SEC_PLUS, BV_PROG_KPROBE, OBJ_AT_TRACE_KPROBE_MULTI },
	{ "kprobe.session", SEC_PLUS, BV_PROG_KPROBE, OBJ_AT_TRACE_KPROBE_SESSION },
	{ "uprobe.multi", SEC_PLUS, BV_PROG_KPROBE, OBJ_AT_TRACE_UPROBE_MULTI },
	{ "uretprobe.multi", SEC_PLUS, BV_PROG_KPROBE, OBJ_AT_TRACE_UPROBE_MULTI },
	{ "uprobe.multi.s", SEC_PLUS, BV_PROG_KPROBE, OBJ_AT_TRACE_UPROBE_MULTI },
	{ "uretprobe.multi.s", SEC_PLUS, BV_PROG_KPROBE, OBJ_AT_TRACE_UPROBE_MULTI },
	{ "uprobe.session", SEC_PLUS, BV_PROG_KPROBE, OBJ_AT_TRACE_UPROBE_SESSION },
	{ "uprobe.session.s", SEC_PLUS, BV_PROG_KPROBE, OBJ_AT_TRACE_UPROBE_SESSION },
	{ "ksyscall", SEC_PLUS, BV_PROG_KPROBE, 0 },
	{ "kretsyscall", SEC_PLUS, BV_PROG_KPROBE, 0 },
	{ "usdt", SEC_PLUS, BV_PROG_KPROBE, 0 },
	{ "usdt.s", SEC_PLUS, BV_PROG_KPROBE, 0 },
	{ "tc/ingress", SEC_EXACT, BV_PROG_SCHED_CLS, OBJ_AT_TCX_INGRESS },
	{ "tc/egress", SEC_EXACT, BV_PROG_SCHED_CLS, OBJ_AT_TCX_EGRESS },
	{ "tcx/ingress", SEC_EXACT, BV_PROG_SCHED_CLS, OBJ_AT_TCX_INGRESS },
	{ "tcx/egress", SEC_EXACT, BV_PROG_SCHED_CLS, OBJ_AT_TCX_EGRESS },
	{ "tc", SEC_EXACT, BV_PROG_SCHED_CLS, 0 },
	{ "classifier", SEC_EXACT, BV_PROG_SCHED_CLS, 0 },
	{ "action", SEC_EXACT, BV_PROG_SCHED_ACT, 0 },
	{ "netkit/primary", SEC_EXACT, BV_PROG_SCHED_CLS, OBJ_AT_NETKIT_PRIMARY },
	{ "netkit/peer", SEC_EXACT, BV_PROG_SCHED_CLS, OBJ_AT_NETKIT_PEER },
	{ "tracepoint", SEC_PLUS, BV_PROG_TRACEPOINT, 0 },
	{ "tp", SEC_PLUS, BV_PROG_TRACEPOINT, 0 },
	{ "raw_tracepoint", SEC_PLUS, BV_PROG_RAW_TRACEPOINT, 0 },
	{ "raw_tp", SEC_PLUS, BV_PROG_RAW_TRACEPOINT, 0 },
	{ "raw_tracepoint.w", SEC_PLUS, BV_PROG_RAW_TRACEPOINT_WRITABLE, 0 },
	{ "raw_tp.w", SEC_PLUS, BV_PROG_RAW_TRACEPOINT_WRITABLE, 0 },
	{ "tp_btf", SEC_PLUS, BV_PROG_TRACING, OBJ_AT_TRACE_RAW_TP },
	{ "fentry", SEC_PLUS, BV_PROG_TRACING, OBJ_AT_TRACE_FENTRY },
	{ "fmod_ret", SEC_PLUS, BV_PROG_TRACING, OBJ_AT_MODIFY_RETURN },
	{ "fexit", SEC_PLUS, BV_PROG_TRACING, OBJ_AT_TRACE_FEXIT },
	{ "fentry.s", SEC_PLUS, BV_PROG_TRACING, OBJ_AT_TRACE_FENTRY },
	{ "fmod_ret.s", SEC_PLUS, BV_PROG_TRACING, OBJ_AT_MODIFY_RETURN },
	{ "fexit.s", SEC_PLUS, BV_PROG_TRACING, OBJ_AT_TRACE_FEXIT },
	{ "freplace", SEC_PLUS, BV_PROG_EXT, 0 },
	{ "lsm", SEC_PLUS, BV_PROG_LSM, OBJ_AT_LSM_MAC },
	{ "lsm.s", SEC_PLUS, BV_PROG_LSM, OBJ_AT_LSM_MAC },
	{ "lsm_cgroup", SEC_PLUS, BV_PROG_LSM, OBJ_AT_LSM_CGROUP },
	{ "iter", SEC_PLUS, BV_PROG_TRACING, OBJ_AT_TRACE_ITER },
	{ "iter.s", SEC_PLUS, BV_PROG_TRACING, OBJ_AT_TRACE_ITER },
	{ "syscall", SEC_EXACT, BV_PROG_SYSCALL, 0 },
	{ "xdp.frags/devmap", SEC_EXACT, BV_PROG_XDP, OBJ_AT_XDP_DEVMAP },
	{ "xdp/devmap", SEC_EXACT, BV_PROG_XDP, OBJ_AT_XDP_DEVMAP },
	{ "xdp.frags/cpumap", SEC_EXACT, BV_PROG_XDP, OBJ_AT_XDP_CPUMAP },
	{ "xdp/cpumap", SEC_EXACT, BV_PROG_XDP, OBJ_AT_XDP_CPUMAP },
	{ "xdp.frags", SEC_EXACT, BV_PROG_XDP, OBJ_AT_XDP },
	{ "xdp", SEC_EXACT, BV_PROG_XDP, OBJ_AT_XDP },
	{ "perf_event", SEC_EXACT, BV_PROG_PERF_EVENT, 0 },
	{ "lwt_in", SEC_EXACT, BV_PROG_LWT_IN, 0 },
	{ "lwt_out", SEC_EXACT, BV_PROG_LWT_OUT, 0 },
	{ "lwt_xmit", SEC_EXACT, BV_PROG_LWT_XMIT, 0 },
	{ "lwt_seg6local", SEC_EXACT, BV_PROG_LWT_SEG6LOCAL, 0 },
	{ "sockops", SEC_EXACT, BV_PROG_SOCK_OPS, OBJ_AT_CGROUP_SOCK_OPS },
	{ "sk_skb/stream_parser", SEC_EXACT, BV_PROG_SK_SKB, OBJ_AT_SK_SKB_STREAM_PARSER },
	{ "sk_skb/stream_verdict", SEC_EXACT, BV_PROG_SK_SKB, OBJ_AT_SK_SKB_STREAM_VERDICT },
	{ "sk_skb/verdict", SEC_EXACT, BV_PROG_SK_SKB, OBJ_AT_SK_SKB_VERDICT },
	{ "sk_skb", SEC_EXACT, BV_PROG_SK_SKB, 0 },
	{ "sk_msg", SEC_EXACT, BV_PROG_SK_MSG, OBJ_AT_SK_MSG_VERDICT },
	{ "lirc_mode2", SEC_EXACT, BV_PROG_LIRC_MODE2, OBJ_AT_LIRC_MODE2 },
	{ "flow_dissector", SEC_EXACT, BV_PROG_FLOW_DISSECTOR, OBJ_AT_FLOW_DISSECTOR },
	{ "cgroup_skb/ingress", SEC_EXACT, BV_PROG_CGROUP_SKB, OBJ_AT_CGROUP_INET_INGRESS },
	{ "cgroup_skb/egress", SEC_EXACT, BV_PROG_CGROUP_SKB, OBJ_AT_CGROUP_INET_EGRESS },
	{ "cgroup/skb", SEC_EXACT, BV_PROG_CGROUP_SKB, 0 },
	{ "cgroup/sock_create", SEC_EXACT, BV_PROG_CGROUP_SOCK, OBJ_AT_CGROUP_INET_SOCK_CREATE },
	{ "cgroup/sock_release", SEC_EXACT, BV_PROG_CGROUP_SOCK, OBJ_AT_CGROUP_INET_SOCK_RELEASE },
	{ "cgroup/sock", SEC_EXACT, BV_PROG_CGROUP_SOCK, OBJ_AT_CGROUP_INET_SOCK_CREATE },
	{ "cgroup/post_bind4", SEC_EXACT, BV_PROG_CGROUP_SOCK, OBJ_AT_CGROUP_INET4_POST_BIND },
	{ "cgroup/post_bind6", SEC_EXACT, BV_PROG_CGROUP_SOCK, OBJ_AT_CGROUP_INET6_POST_BIND },
	{ "cgroup/bind4", SEC_EXACT, BV_PROG_CGROUP_SOCK_ADDR, OBJ_AT_CGROUP_INET4_BIND },
	{ "cgroup/bind6", SEC_EXACT, BV_PROG_CGROUP_SOCK_ADDR, OBJ_AT_CGROUP_INET6_BIND },
	{ "cgroup/connect4", SEC_EXACT, BV_PROG_CGROUP_SOCK_ADDR, OBJ_AT_CGROUP_INET4_CONNECT },
	{ "cgroup/connect6", SEC_EXACT, BV_PROG_CGROUP_SOCK_ADDR, OBJ_AT_CGROUP_INET6_CONNECT },
	{ "cgroup/connect_unix", SEC_EXACT, BV_PROG_CGROUP_SOCK_ADDR, OBJ_AT_CGROUP_UNIX_CONNECT },
	{ "cgroup/sendmsg4", SEC_EXACT, BV_PROG_CGROUP_SOCK_ADDR, OBJ_AT_CGROUP_UDP4_SENDMSG },
	{ "cgroup/sendmsg6", SEC_EXACT, BV_PROG_CGROUP_SOCK_ADDR, OBJ_AT_CGROUP_UDP6_SENDMSG },
	{ "cgroup/sendmsg_unix", SEC_EXACT, BV_PROG_CGROUP_SOCK_ADDR, OBJ_AT_CGROUP_UNIX_SENDMSG },
	{ "cgroup/recvmsg4", SEC_EXACT, BV_PROG_CGROUP_SOCK_ADDR, OBJ_AT_CGROUP_UDP4_RECVMSG },
	{ "cgroup/recvmsg6", SEC_EXACT, BV_PROG_CGROUP_SOCK_ADDR, OBJ_AT_CGROUP_UDP6_RECVMSG },
	{ "cgroup/recvmsg_unix", SEC_EXACT, BV_PROG_CGROUP_SOCK_ADDR, OBJ_AT_CGROUP_UNIX_RECVMSG },
	{ "cgroup/getpeername4", SEC_EXACT, BV_PROG_CGROUP_SOCK_ADDR,
	  OBJ_AT_CGROUP_INET4_GETPEERNAME },
	{ "cgroup/getpeername6", SEC_EXACT, BV_PROG_CGROUP_SOCK_ADDR,
	  OBJ_AT_CGROUP_INET6_GETPEERNAME },
	{ "cgroup/getpeername_unix", SEC_EXACT, BV_PROG_CGROUP_SOCK_ADDR,
	  OBJ_AT_CGROUP_UNIX_GETPEERNAME },
	{ "cgroup/getsockname4", SEC_EXACT, BV_PROG_CGROUP_SOCK_ADDR,
	  OBJ_AT_CGROUP_INET4_GETSOCKNAME },
	{ "cgroup/getsockname6", SEC_EXACT, BV_PROG_CGROUP_SOCK_ADDR,
	  OBJ_AT_CGROUP_INET6_GETSOCKNAME },
	{ "cgroup/getsockname_unix", SEC_EXACT, BV_PROG_CGROUP_SOCK_ADDR,
	  OBJ_AT_CGROUP_UNIX_GETSOCKNAME },
	{ "cgroup/sysctl", SEC_EXACT, BV_PROG_CGROUP_SYSCTL, OBJ_AT_CGROUP_SYSCTL },
	{ "cgroup/getsockopt", SEC_EXACT, BV_PROG_CGROUP_SOCKOPT, OBJ_AT_CGROUP_GETSOCKOPT },
	{ "cgroup/setsockopt", SEC_EXACT, BV_PROG_CGROUP_SOCKOPT, OBJ_AT_CGROUP_SETSOCKOPT },
	{ "cgroup/dev", SEC_EXACT, BV_PROG_CGROUP_DEVICE, OBJ_AT_CGROUP_DEVICE },
	{ "struct_ops", SEC_PLUS, BV_PROG_STRUCT_OPS, 0 },
	{ "struct_ops.s", SEC_PLUS, BV_PROG_STRUCT_OPS, 0 },
	{ "sk_lookup", SEC_EXACT, BV_PROG_SK_LOOKUP, OBJ_AT_SK_LOOKUP },
	{ "netfilter", SEC_EXACT, BV_PROG_NETFILTER, OBJ_AT_NETFILTER },
};

enum bv_prog_type obj_type_from_section(const char *sec, uint32_t *attach)
{
	if (attach)
		*attach = 0;
	if (!sec)
		return BV_PROG_UNSPEC;
	for (size_t i = 0; i < sizeof(sec_defs) / sizeof(sec_defs[0]); i++) {
		size_t n = strlen(sec_defs[i].name);
		bool hit;

		if (sec_defs[i].match == SEC_EXACT)
			hit = strcmp(sec, sec_defs[i].name) == 0;
		else
			hit = strncmp(sec, sec_defs[i].name, n) == 0 &&
			      (sec[n] == '\0' || sec[n] == '/');
		if (hit) {
			if (attach)
				*attach = sec_defs[i].attach;
			return sec_defs[i].type;
		}
	}
	return BV_PROG_UNSPEC;
}

/* ---------------------------------------------------------------------- */
/* Loader state: everything here is temporary except what moves into obj */

struct ld_rel {
	uint32_t slot; /* instruction slot of the relocated instruction in its section */
	uint32_t sym;
	uint32_t type;
	size_t idx; /* position in the relocation section, for messages */
	/* resolved by resolve_rels() */
	enum obj_rel_kind kind;
	int32_t map; /* map index or -1 */
	int64_t off; /* MAP_VALUE: byte offset inside the map value */
	int32_t func; /* CALL/FUNC_ADDR: index of the target function in ld.funcs */
};

struct ld_sec {
	const char *name; /* borrowed from ld.shstr */
	uint32_t type, link, info;
	uint64_t flags, off, size, entsize;
	Elf_Scn *scn;
	uint8_t *data; /* raw copy, for sections read */
	bool exec, is_data;
	struct raw_insn *insns; /* exec: decoded slots */
	size_t cnt;
	int32_t *rel_at; /* exec: per slot, index into rels or -1 */
	struct ld_rel *rels;
	size_t rel_cnt;
	int32_t map; /* global data map index, or -1 */
	size_t *lines; /* indices into ld.ext.lines for this section */
	size_t line_cnt, line_cap;
};

struct ld_sym {
	const char *name; /* borrowed from ld.strtab */
	uint64_t value, size;
	uint32_t shndx; /* section index, or SHN_UNDEF / SHN_ABS / SHN_COMMON */
	unsigned char type, bind;
};

struct ld_func {
	uint32_t sec;
	uint32_t start, end; /* slot range in the section */
	const char *name;
	bool global;
	uint32_t btf_id;
};

/* A map of the .maps section or a legacy "maps" record, found by symbol offset */
struct ld_symmap {
	uint32_t sec;
	uint64_t off;
	int32_t map;
};

/* An extern of the .kconfig DATASEC, laid out in the kconfig map */
struct ld_kcfg {
	const char *name; /* borrowed from the btf strings */
	uint32_t off, size, align;
};

struct ld {
	const char *path;
	struct bv_diags *d;
	struct obj *o;
	int fd;
	Elf *elf;
	uint64_t fsize;
	bool be; /* big-endian object */
	bool swap; /* object order differs from host order */
	size_t shnum;
	struct ld_sec *secs;
	uint8_t *shstr;
	size_t shstr_size;
	size_t symtab; /* section index of .symtab, 0 if none */
	uint8_t *strtab;
	size_t strtab_size;
	struct ld_sym *syms;
	size_t sym_cnt;
	size_t text; /* section index of .text, 0 if none */
	size_t maps_sec, dotmaps_sec, btf_sec, btfext_sec, license_sec;
	struct btf btf;
	bool has_btf;
	struct btf_ext ext;
	struct ld_symmap *symmaps;
	size_t symmap_cnt, symmap_cap;
	struct ld_kcfg *kcfg;
	size_t kcfg_cnt;
	int32_t kcfg_map;
	struct ld_func *funcs;
	size_t func_cnt;
	size_t map_cap;
};

static int fail(struct ld *l, const char *sec, enum bv_err code, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Record one error diagnostic naming the file (and @sec if not NULL) */
static int fail(struct ld *l, const char *sec, enum bv_err code, const char *fmt, ...)
{
	struct diag_loc loc = { .file = l->path, .section = sec, .func = NULL, .pc = -1 };
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return diag_error(l->d, &loc, code, "%s", msg);
}

static int nomem(struct ld *l)
{
	return fail(l, NULL, BV_ENOMEM, "out of memory");
}

/* Grow *@p (of *@cap elements of @elem bytes) to hold at least @need elements */
static int grow(void **p, size_t *cap, size_t need, size_t elem)
{
	size_t ncap;
	void *np;

	if (need <= *cap)
		return 0;
	ncap = *cap ? *cap : 8;
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2 / elem)
			return -1;
		ncap *= 2;
	}
	np = realloc(*p, ncap * elem);
	if (!np)
		return -1;
	*p = np;
	*cap = ncap;
	return 0;
}

static char *xstrdup(const char *s)
{
	return strdup(s ? s : "");
}

static bool in_bounds(uint64_t size, uint64_t off, uint64_t len)
{
	return !(off > size || len > size - off);
}

static bool has_prefix(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

static uint32_t rd32(const struct ld *l, const uint8_t *p)
{
	if (l->be)
		return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
	return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

static uint16_t rd16(const struct ld *l, const uint8_t *p)
{
	if (l->be)
		return (uint16_t)(p[0] << 8 | p[1]);
	return (uint16_t)(p[1] << 8 | p[0]);
}

/* ---------------------------------------------------------------------- */
/* ELF structure */

static int check_header(struct ld *l)
{
	GElf_Ehdr eh;
	char *ident;
	size_t n;

	if (elf_kind(l->elf) != ELF_K_ELF)
		return fail(l, NULL, BV_EFORMAT, "not an elf object");
	ident = elf_getident(l->elf, &n);
	if (!ident || n < EI_NIDENT)
		return fail(l, NULL, BV_EFORMAT, "cannot read the elf identification: %s",
			    elf_errmsg(-1));
	if (ident[EI_CLASS] != ELFCLASS64)
		return fail(l, NULL, BV_EFORMAT, "not a 64-bit elf object (class %u)",
			    (unsigned char)ident[EI_CLASS]);
	if (ident[EI_DATA] != ELFDATA2LSB && ident[EI_DATA] != ELFDATA2MSB)
		return fail(l, NULL, BV_EFORMAT, "unknown elf data encoding %u",
			    (unsigned char)ident[EI_DATA]);
	l->be = ident[EI_DATA] == ELFDATA2MSB;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	l->swap = !l->be;
#else
	l->swap = l->be;
#endif
	if (!gelf_getehdr(l->elf, &eh))
		return fail(l, NULL, BV_EFORMAT, "cannot read the elf header: %s", elf_errmsg(-1));
	if (eh.e_machine != EM_BPF)
		return fail(l, NULL, BV_EFORMAT, "elf machine %u is not bpf (%u)", eh.e_machine,
			    EM_BPF);
	if (eh.e_type != ET_REL)
		return fail(l, NULL, BV_EUNSUPPORTED, "elf type %u is not a relocatable object",
			    eh.e_type);
	if (eh.e_shoff == 0)
		return fail(l, NULL, BV_EFORMAT, "no section header table");
	if (eh.e_shentsize != sizeof(Elf64_Shdr))
		return fail(l, NULL, BV_EFORMAT, "section header size %u is not %zu",
			    eh.e_shentsize, sizeof(Elf64_Shdr));
	if (elf_getshdrnum(l->elf, &l->shnum))
		return fail(l, NULL, BV_EFORMAT, "cannot read the section count: %s",
			    elf_errmsg(-1));
	if (l->shnum == 0 || eh.e_shoff > l->fsize ||
	    l->shnum > (l->fsize - eh.e_shoff) / sizeof(Elf64_Shdr))
		return fail(
			l, NULL, BV_EFORMAT,
			"section header table (%zu entries at %#llx) past the end of the file (%llu bytes)",
			l->shnum ? l->shnum : (size_t)eh.e_shnum, (unsigned long long)eh.e_shoff,
			(unsigned long long)l->fsize);
	l->o->big_endian = l->be;
	return 0;
}

/* Copy the raw bytes of section @idx into secs[idx].data (NULL for empty or NOBITS) */
static int read_sec(struct ld *l, size_t idx)
{
	struct ld_sec *s = &l->secs[idx];
	Elf_Data *d;

	if (s->data || s->type == SHT_NOBITS || s->size == 0)
		return 0;
	if (s->flags & SHF_COMPRESSED)
		return fail(l, s->name, BV_EUNSUPPORTED, "compressed sections are not supported");
	d = elf_rawdata(s->scn, NULL);
	if (!d || d->d_size != s->size || !d->d_buf)
		return fail(l, s->name, BV_EFORMAT, "cannot read %llu bytes of section data: %s",
			    (unsigned long long)s->size, d ? "short read" : elf_errmsg(-1));
	s->data = malloc(s->size);
	if (!s->data)
		return nomem(l);
	memcpy(s->data, d->d_buf, s->size);
	return 0;
}

static int load_sections(struct ld *l)
{
	size_t shstrndx;
	int err;

	l->secs = calloc(l->shnum, sizeof(*l->secs));
	if (!l->secs)
		return nomem(l);
	for (size_t i = 0; i < l->shnum; i++) {
		struct ld_sec *s = &l->secs[i];
		GElf_Shdr sh;

		s->map = -1;
		s->scn = elf_getscn(l->elf, i);
		if (!s->scn || !gelf_getshdr(s->scn, &sh))
			return fail(l, NULL, BV_EFORMAT, "cannot read section header %zu: %s", i,
				    elf_errmsg(-1));
		s->type = sh.sh_type;
		s->flags = sh.sh_flags;
		s->off = sh.sh_offset;
		s->size = sh.sh_size;
		s->entsize = sh.sh_entsize;
		s->link = sh.sh_link;
		s->info = sh.sh_info;
		if (i > 0 && s->type != SHT_NOBITS && s->type != SHT_NULL &&
		    !in_bounds(l->fsize, s->off, s->size))
			return fail(
				l, NULL, BV_EFORMAT,
				"section %zu: data [%#llx, +%#llx) past the end of the file (%llu bytes)",
				i, (unsigned long long)s->off, (unsigned long long)s->size,
				(unsigned long long)l->fsize);
	}
	if (elf_getshdrstrndx(l->elf, &shstrndx))
		return fail(l, NULL, BV_EFORMAT, "cannot find the section name table: %s",
			    elf_errmsg(-1));
	if (shstrndx == 0 || shstrndx >= l->shnum || l->secs[shstrndx].type != SHT_STRTAB)
		return fail(l, NULL, BV_EFORMAT,
			    "section name table index %zu is not a string table", shstrndx);
	err = read_sec(l, shstrndx);
	if (err)
		return err;
	l->shstr = l->secs[shstrndx].data;
	l->secs[shstrndx].data = NULL; /* owned as l->shstr from now on */
	l->shstr_size = l->secs[shstrndx].size;
	if (l->shstr_size == 0 || l->shstr[l->shstr_size - 1] != 0)
		return fail(l, NULL, BV_EFORMAT, "section name table is not nul-terminated");
	for (size_t i = 0; i < l->shnum; i++) {
		struct ld_sec *s = &l->secs[i];
		GElf_Shdr sh;

		gelf_getshdr(s->scn, &sh);
		if (sh.sh_name >= l->shstr_size)
			return fail(l, NULL, BV_EFORMAT,
				    "section %zu: name offset %u past the section name table", i,
				    sh.sh_name);
		s->name = (const char *)l->shstr + sh.sh_name;
	}
	for (size_t i = 1; i < l->shnum; i++) {
		struct ld_sec *s = &l->secs[i];

		if (s->type == SHT_SYMTAB) {
			if (l->symtab)
				return fail(l, s->name, BV_EFORMAT, "more than one symbol table");
			l->symtab = i;
		}
		if (s->type == SHT_PROGBITS && (s->flags & SHF_EXECINSTR)) {
			s->exec = true;
			if (strcmp(s->name, ".text") == 0)
				l->text = i;
		}
		if (!s->exec && (s->type == SHT_PROGBITS || s->type == SHT_NOBITS) &&
		    (strcmp(s->name, ".data") == 0 || has_prefix(s->name, ".data.") ||
		     strcmp(s->name, ".rodata") == 0 || has_prefix(s->name, ".rodata.") ||
		     strcmp(s->name, ".bss") == 0 || has_prefix(s->name, ".bss.")))
			s->is_data = true;
		if (strcmp(s->name, "maps") == 0)
			l->maps_sec = i;
		else if (strcmp(s->name, ".maps") == 0)
			l->dotmaps_sec = i;
		else if (strcmp(s->name, ".BTF") == 0)
			l->btf_sec = i;
		else if (strcmp(s->name, ".BTF.ext") == 0)
			l->btfext_sec = i;
		else if (strcmp(s->name, "license") == 0)
			l->license_sec = i;
	}
	return 0;
}

static int load_symbols(struct ld *l)
{
	struct ld_sec *st, *str;
	Elf_Data *d;
	int err;

	if (!l->symtab)
		return 0; /* an object without symbols has no programs; caller reports that */
	st = &l->secs[l->symtab];
	if (st->entsize != sizeof(Elf64_Sym) || st->size % sizeof(Elf64_Sym))
		return fail(l, st->name, BV_EFORMAT,
			    "symbol table entry size %llu or size %llu is invalid",
			    (unsigned long long)st->entsize, (unsigned long long)st->size);
	if (st->link == 0 || st->link >= l->shnum || l->secs[st->link].type != SHT_STRTAB)
		return fail(l, st->name, BV_EFORMAT,
			    "sh_link %u of the symbol table is not a string table", st->link);
	str = &l->secs[st->link];
	err = read_sec(l, st->link);
	if (err)
		return err;
	l->strtab = str->data;
	str->data = NULL;
	l->strtab_size = str->size;
	if (l->strtab_size == 0 || l->strtab[l->strtab_size - 1] != 0)
		return fail(l, str->name, BV_EFORMAT, "string table is not nul-terminated");
	l->sym_cnt = st->size / sizeof(Elf64_Sym);
	if (l->sym_cnt == 0)
		return 0;
	d = elf_getdata(st->scn, NULL);
	if (!d || d->d_size < st->size)
		return fail(l, st->name, BV_EFORMAT, "cannot read the symbol table: %s",
			    elf_errmsg(-1));
	l->syms = calloc(l->sym_cnt, sizeof(*l->syms));
	if (!l->syms)
		return nomem(l);
	for (size_t i = 0; i < l->sym_cnt; i++) {
		struct ld_sym *s = &l->syms[i];
		GElf_Sym sym;

		if (!gelf_getsym(d, (int)i, &sym))
			return fail(l, st->name, BV_EFORMAT, "cannot read symbol %zu: %s", i,
				    elf_errmsg(-1));
		if (sym.st_name >= l->strtab_size)
			return fail(l, st->name, BV_EFORMAT,
				    "symbol %zu: name offset %u past the string table", i,
				    sym.st_name);
		s->name = (const char *)l->strtab + sym.st_name;
		s->value = sym.st_value;
		s->size = sym.st_size;
		s->shndx = sym.st_shndx;
		s->type = GELF_ST_TYPE(sym.st_info);
		s->bind = GELF_ST_BIND(sym.st_info);
		if (s->shndx == SHN_XINDEX)
			return fail(l, st->name, BV_EUNSUPPORTED,
				    "symbol %zu: extended section indices are not supported", i);
		if (s->shndx != SHN_UNDEF && s->shndx < SHN_LORESERVE && s->shndx >= l->shnum)
			return fail(l, st->name, BV_EFORMAT,
				    "symbol %zu (%s): section index %u past the %zu sections", i,
				    s->name, s->shndx, l->shnum);
		if (s->type == STT_SECTION && s->shndx < l->shnum && s->name[0] == 0)
			s->name = l->secs[s->shndx].name;
	}
	return 0;
}

static int load_license(struct ld *l)
{
	struct ld_sec *s;
	size_t n;
	int err;

	if (!l->license_sec)
		return 0;
	s = &l->secs[l->license_sec];
	err = read_sec(l, l->license_sec);
	if (err)
		return err;
	n = s->data ? strnlen((const char *)s->data, s->size) : 0;
	l->o->license = malloc(n + 1);
	if (!l->o->license)
		return nomem(l);
	if (n)
		memcpy(l->o->license, s->data, n);
	l->o->license[n] = 0;
	return 0;
}

static int load_btf(struct ld *l)
{
	char err[256];
	int rc;

	if (l->btfext_sec && !l->btf_sec)
		return fail(l, ".BTF.ext", BV_EFORMAT, ".BTF.ext without .BTF");
	if (!l->btf_sec)
		return 0;
	rc = read_sec(l, l->btf_sec);
	if (rc)
		return rc;
	if (!l->secs[l->btf_sec].data)
		return fail(l, ".BTF", BV_EFORMAT,
			    "btf section has no contents (empty or SHT_NOBITS)");
	if (btf_parse(&l->btf, l->secs[l->btf_sec].data, l->secs[l->btf_sec].size, l->swap, err,
		      sizeof(err)))
		return fail(l, ".BTF", BV_EFORMAT, "corrupt btf: %s", err);
	l->has_btf = true;
	if (!l->btfext_sec)
		return 0;
	rc = read_sec(l, l->btfext_sec);
	if (rc)
		return rc;
	if (!l->secs[l->btfext_sec].data)
		return fail(l, ".BTF.ext", BV_EFORMAT,
			    "btf.ext section has no contents (empty or SHT_NOBITS)");
	if (btf_ext_parse(&l->ext, &l->btf, l->secs[l->btfext_sec].data,
			  l->secs[l->btfext_sec].size, l->swap, err, sizeof(err)))
		return fail(l, ".BTF.ext", BV_EFORMAT, "corrupt btf.ext: %s", err);
	return 0;
}

/* ---------------------------------------------------------------------- */
/* Maps */

static struct obj_map *add_map(struct ld *l, const char *name, enum obj_map_kind kind)
{
	struct obj_map *m;

	if (grow((void **)&l->o->maps, &l->map_cap, l->o->map_cnt + 1, sizeof(*m)))
		return NULL;
	m = &l->o->maps[l->o->map_cnt];
	memset(m, 0, sizeof(*m));
	m->inner = -1;
	m->kind = kind;
	m->name = xstrdup(name);
	if (!m->name)
		return NULL;
	l->o->map_cnt++;
	return m;
}

static int add_symmap(struct ld *l, uint32_t sec, uint64_t off, int32_t map)
{
	if (grow((void **)&l->symmaps, &l->symmap_cap, l->symmap_cnt + 1, sizeof(*l->symmaps)))
		return nomem(l);
	l->symmaps[l->symmap_cnt++] = (struct ld_symmap){ .sec = sec, .off = off, .map = map };
	return 0;
}

static int32_t find_symmap(const struct ld *l, uint32_t sec, uint64_t off)
{
	for (size_t i = 0; i < l->symmap_cnt; i++)
		if (l->symmaps[i].sec == sec && l->symmaps[i].off == off)
			return l->symmaps[i].map;
	return -1;
}

struct sym_ref {
	uint64_t value;
	size_t idx;
};

static int cmp_sym_ref(const void *a, const void *b)
{
	const struct sym_ref *x = a, *y = b;

	if (x->value != y->value)
		return x->value < y->value ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* Legacy "maps" section: an array of struct bpf_map_def-like records */
static int load_legacy_maps(struct ld *l)
{
	struct ld_sec *s;
	struct sym_ref *idx;
	size_t n = 0, rec, first;
	int err = 0;

	if (!l->maps_sec)
		return 0;
	s = &l->secs[l->maps_sec];
	err = read_sec(l, l->maps_sec);
	if (err)
		return err;
	idx = calloc(l->sym_cnt + 1, sizeof(*idx));
	if (!idx)
		return nomem(l);
	for (size_t i = 0; i < l->sym_cnt; i++)
		if (l->syms[i].shndx == l->maps_sec && l->syms[i].type != STT_SECTION)
			idx[n++] = (struct sym_ref){ .value = l->syms[i].value, .idx = i };
	if (n == 0) {
		if (s->size)
			err = fail(l, s->name, BV_EFORMAT,
				   "%llu bytes of map definitions but no map symbols",
				   (unsigned long long)s->size);
		goto out;
	}
	rec = s->size / n;
	if (s->size % n || rec < 16) {
		err = fail(l, s->name, BV_EFORMAT,
			   "size %llu does not hold %zu map definitions of at least 16 bytes",
			   (unsigned long long)s->size, n);
		goto out;
	}
	qsort(idx, n, sizeof(*idx), cmp_sym_ref);
	first = l->o->map_cnt;
	for (size_t i = 0; i < n; i++) {
		const struct ld_sym *sym = &l->syms[idx[i].idx];
		const uint8_t *p;
		struct obj_map *m;

		if (!in_bounds(s->size, sym->value, rec)) {
			err = fail(l, s->name, BV_EFORMAT,
				   "map %s at offset %llu runs past the section", sym->name,
				   (unsigned long long)sym->value);
			goto out;
		}
		m = add_map(l, sym->name, OBJ_MAP_USER);
		if (!m) {
			err = nomem(l);
			goto out;
		}
		p = s->data + sym->value;
		m->type = rd32(l, p);
		m->key_size = rd32(l, p + 4);
		m->value_size = rd32(l, p + 8);
		m->max_entries = rd32(l, p + 12);
		m->flags = rec >= 20 ? rd32(l, p + 16) : 0;
		m->readonly = m->flags & OBJ_F_RDONLY_PROG;
		/* inner_map_idx (samples/bpf layout) names the inner map by position */
		if (rec >= 24 && (m->type == 12 || m->type == 13)) {
			uint32_t inner = rd32(l, p + 20);

			if (inner < n)
				m->inner = (int32_t)(first + inner);
		}
		err = add_symmap(l, (uint32_t)l->maps_sec, sym->value,
				 (int32_t)(l->o->map_cnt - 1));
		if (err)
			goto out;
	}
out:
	free(idx);
	return err;
}

static void fill_btf_map(struct obj_map *m, const struct btf_map_def *def)
{
	m->type = def->type;
	m->key_size = def->key_size;
	m->value_size = def->value_size;
	m->max_entries = def->max_entries;
	m->flags = def->map_flags;
	m->btf_key_type = def->key_type;
	m->btf_value_type = def->value_type;
	m->readonly = def->map_flags & OBJ_F_RDONLY_PROG;
}

/* Symbol of section @sec named @name (a variable, not the section symbol), or NULL */
static const struct ld_sym *find_var_sym(const struct ld *l, size_t sec, const char *name)
{
	for (size_t i = 0; i < l->sym_cnt; i++)
		if (l->syms[i].shndx == sec && l->syms[i].type != STT_SECTION &&
		    strcmp(l->syms[i].name, name) == 0)
			return &l->syms[i];
	return NULL;
}

/* Inner definitions are added after all other maps; remember which outer map wants which */
struct inner_req {
	int32_t outer;
	uint32_t type_id;
};

static int load_btf_maps(struct ld *l, struct inner_req **reqs, size_t *req_cnt)
{
	struct ld_sec *s;
	struct btf_type ds;
	uint32_t ds_id;
	size_t cap = 0;

	if (!l->dotmaps_sec)
		return 0;
	s = &l->secs[l->dotmaps_sec];
	if (!l->has_btf)
		return fail(l, s->name, BV_EFORMAT, "map definitions in .maps need .BTF");
	ds_id = btf_find_datasec(&l->btf, ".maps");
	if (!ds_id) {
		if (s->size == 0)
			return 0;
		return fail(l, s->name, BV_EFORMAT, "no .maps datasec in .BTF");
	}
	btf_type_get(&l->btf, ds_id, &ds);
	for (uint32_t i = 0; i < btf_vlen_of(&ds); i++) {
		struct btf_member vi;
		struct btf_type var;
		struct btf_map_def def;
		const struct ld_sym *sym;
		struct obj_map *m;
		const char *name;
		char err[256];

		btf_member_get(&l->btf, ds_id, i, &vi);
		if (!btf_type_get(&l->btf, vi.type, &var) || btf_kind_of(&var) != BTF_K_VAR)
			return fail(l, ".BTF", BV_EFORMAT,
				    ".maps entry %u (type %u) is not a variable", i, vi.type);
		name = btf_str(&l->btf, var.name_off);
		if (btf_map_def_parse(&l->btf, var.size_type, &def, err, sizeof(err)))
			return fail(l, ".BTF", BV_EFORMAT, "map %s: %s", name, err);
		m = add_map(l, name, OBJ_MAP_USER);
		if (!m)
			return nomem(l);
		fill_btf_map(m, &def);
		/* clang leaves datasec offsets to the loader: the symbol value is authoritative */
		sym = find_var_sym(l, l->dotmaps_sec, name);
		if (add_symmap(l, (uint32_t)l->dotmaps_sec, sym ? sym->value : vi.offset,
			       (int32_t)(l->o->map_cnt - 1)))
			return nomem(l);
		if (def.inner_type) {
			if (grow((void **)reqs, &cap, *req_cnt + 1, sizeof(**reqs)))
				return nomem(l);
			(*reqs)[(*req_cnt)++] =
				(struct inner_req){ .outer = (int32_t)(l->o->map_cnt - 1),
						    .type_id = def.inner_type };
		}
	}
	return 0;
}

static int load_data_maps(struct ld *l)
{
	for (size_t i = 1; i < l->shnum; i++) {
		struct ld_sec *s = &l->secs[i];
		struct obj_map *m;
		enum obj_map_kind kind;
		int err;

		if (!s->is_data || s->size == 0)
			continue;
		if (s->size > UINT32_MAX)
			return fail(l, s->name, BV_EUNSUPPORTED,
				    "global data section of %llu bytes is too large",
				    (unsigned long long)s->size);
		kind = has_prefix(s->name, ".rodata") ? OBJ_MAP_RODATA
		       : has_prefix(s->name, ".bss")  ? OBJ_MAP_BSS
						      : OBJ_MAP_DATA;
		if (s->type == SHT_NOBITS)
			kind = kind == OBJ_MAP_RODATA ? OBJ_MAP_RODATA : OBJ_MAP_BSS;
		err = read_sec(l, i);
		if (err)
			return err;
		m = add_map(l, s->name, kind);
		if (!m)
			return nomem(l);
		m->type = 2; /* BPF_MAP_TYPE_ARRAY */
		m->key_size = 4;
		m->value_size = (uint32_t)s->size;
		m->max_entries = 1;
		m->readonly = kind == OBJ_MAP_RODATA;
		m->flags = OBJ_F_MMAPABLE | (m->readonly ? OBJ_F_RDONLY_PROG : 0);
		if (s->data) {
			m->data = s->data; /* moves into the map */
			s->data = NULL;
		}
		s->map = (int32_t)(l->o->map_cnt - 1);
	}
	return 0;
}

/* libbpf's layout of .kconfig: descending alignment, then ascending size, then name */
static int cmp_kcfg(const void *a, const void *b)
{
	const struct ld_kcfg *x = a, *y = b;

	if (x->align != y->align)
		return x->align > y->align ? -1 : 1;
	if (x->size != y->size)
		return x->size < y->size ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* .kconfig externs: one read-only map holding every extern at an aligned offset */
static int load_kconfig(struct ld *l)
{
	struct btf_type ds;
	uint32_t ds_id, off = 0;
	struct obj_map *m;

	l->kcfg_map = -1;
	if (!l->has_btf)
		return 0;
	ds_id = btf_find_datasec(&l->btf, ".kconfig");
	if (!ds_id)
		return 0;
	btf_type_get(&l->btf, ds_id, &ds);
	if (btf_vlen_of(&ds) == 0)
		return 0;
	l->kcfg = calloc(btf_vlen_of(&ds), sizeof(*l->kcfg));
	if (!l->kcfg)
		return nomem(l);
	for (uint32_t i = 0; i < btf_vlen_of(&ds); i++) {
		struct ld_kcfg *k = &l->kcfg[l->kcfg_cnt];
		struct btf_member vi;
		struct btf_type var;
		const char *name;

		btf_member_get(&l->btf, ds_id, i, &vi);
		if (!btf_type_get(&l->btf, vi.type, &var) || btf_kind_of(&var) != BTF_K_VAR ||
		    btf_size_of(&l->btf, var.size_type, &k->size) || k->size > 4096)
			return fail(l, ".BTF", BV_EFORMAT,
				    ".kconfig entry %u (type %u) is not a sized variable", i,
				    vi.type);
		name = btf_str(&l->btf, var.name_off);
		k->name = name ? name : "";
		k->align = 1;
		while (k->align < k->size && k->align < 8)
			k->align *= 2;
		l->kcfg_cnt++;
	}
	qsort(l->kcfg, l->kcfg_cnt, sizeof(*l->kcfg), cmp_kcfg);
	for (size_t i = 0; i < l->kcfg_cnt; i++) {
		off = (off + l->kcfg[i].align - 1) & ~(l->kcfg[i].align - 1);
		l->kcfg[i].off = off;
		off += l->kcfg[i].size;
	}
	m = add_map(l, ".kconfig", OBJ_MAP_KCONFIG);
	if (!m)
		return nomem(l);
	m->type = 2; /* BPF_MAP_TYPE_ARRAY */
	m->key_size = 4;
	m->value_size = off ? off : 1;
	m->max_entries = 1;
	m->readonly = true;
	m->flags = OBJ_F_RDONLY_PROG | OBJ_F_MMAPABLE;
	l->kcfg_map = (int32_t)(l->o->map_cnt - 1);
	return 0;
}

static int load_maps(struct ld *l)
{
	struct inner_req *reqs = NULL;
	size_t req_cnt = 0;
	int err;

	err = load_legacy_maps(l);
	if (!err)
		err = load_btf_maps(l, &reqs, &req_cnt);
	if (!err)
		err = load_data_maps(l);
	if (!err)
		err = load_kconfig(l);
	for (size_t i = 0; !err && i < req_cnt; i++) {
		struct btf_map_def def;
		struct obj_map *m;
		char err_msg[256], name[256];

		snprintf(name, sizeof(name), "%s.inner", l->o->maps[reqs[i].outer].name);
		if (btf_map_def_parse(&l->btf, reqs[i].type_id, &def, err_msg, sizeof(err_msg))) {
			err = fail(l, ".BTF", BV_EFORMAT, "map %s: %s", name, err_msg);
			break;
		}
		m = add_map(l, name, OBJ_MAP_USER);
		if (!m) {
			err = nomem(l);
			break;
		}
		fill_btf_map(m, &def);
		l->o->maps[reqs[i].outer].inner = (int32_t)(l->o->map_cnt - 1);
	}
	free(reqs);
	return err;
}

/* ---------------------------------------------------------------------- */
/* Code sections, relocations and functions */

/* Decode one 8-byte slot in the object's byte order */
static struct raw_insn decode_slot(const struct ld *l, const uint8_t *p)
{
	struct raw_insn in;

	in.code = p[0];
	/* the register byte is a C bitfield: dst in the low nibble on little-endian targets */
	in.dst = l->be ? p[1] >> 4 : p[1] & 0xf;
	in.src = l->be ? p[1] & 0xf : p[1] >> 4;
	in.off = (int16_t)rd16(l, p + 2);
	in.imm = (int32_t)rd32(l, p + 4);
	return in;
}

static int load_code(struct ld *l)
{
	for (size_t i = 1; i < l->shnum; i++) {
		struct ld_sec *s = &l->secs[i];
		int err;

		if (!s->exec)
			continue;
		if (s->size % OBJ_INSN_SIZE)
			return fail(l, s->name, BV_EFORMAT,
				    "executable section size %llu is not a multiple of 8",
				    (unsigned long long)s->size);
		if (s->size == 0) {
			if (i == l->text)
				continue; /* clang emits an empty .text in every object */
			return fail(l, s->name, BV_EFORMAT, "empty program section");
		}
		err = read_sec(l, i);
		if (err)
			return err;
		s->cnt = s->size / OBJ_INSN_SIZE;
		s->insns = calloc(s->cnt, sizeof(*s->insns));
		s->rel_at = malloc(s->cnt * sizeof(*s->rel_at));
		if (!s->insns || !s->rel_at)
			return nomem(l);
		for (size_t k = 0; k < s->cnt; k++) {
			s->insns[k] = decode_slot(l, s->data + k * OBJ_INSN_SIZE);
			s->rel_at[k] = -1;
		}
	}
	return 0;
}

static int load_rels(struct ld *l)
{
	for (size_t i = 1; i < l->shnum; i++) {
		struct ld_sec *rs = &l->secs[i], *t;
		Elf_Data *d;
		size_t n;

		if (rs->type == SHT_RELA && rs->info < l->shnum && l->secs[rs->info].exec)
			return fail(l, rs->name, BV_EUNSUPPORTED,
				    "rela relocations for code are not supported");
		if (rs->type != SHT_REL)
			continue;
		if (rs->info == 0 || rs->info >= l->shnum)
			return fail(
				l, rs->name, BV_EFORMAT,
				"relocation section applies to section %u, past the %zu sections",
				rs->info, l->shnum);
		t = &l->secs[rs->info];
		if (!t->exec)
			continue; /* debug info, .BTF, .maps initialisers: not needed */
		if (rs->entsize != sizeof(Elf64_Rel) || rs->size % sizeof(Elf64_Rel))
			return fail(l, rs->name, BV_EFORMAT,
				    "relocation entry size %llu or size %llu is invalid",
				    (unsigned long long)rs->entsize, (unsigned long long)rs->size);
		if (rs->link != l->symtab || !l->symtab)
			return fail(l, rs->name, BV_EFORMAT,
				    "sh_link %u of the relocation section is not the symbol table",
				    rs->link);
		n = rs->size / sizeof(Elf64_Rel);
		if (n == 0)
			continue;
		if (t->rels)
			return fail(l, rs->name, BV_EFORMAT, "second relocation section for %s",
				    t->name);
		d = elf_getdata(rs->scn, NULL);
		if (!d || d->d_size < rs->size)
			return fail(l, rs->name, BV_EFORMAT, "cannot read relocations: %s",
				    elf_errmsg(-1));
		t->rels = calloc(n, sizeof(*t->rels));
		if (!t->rels)
			return nomem(l);
		for (size_t k = 0; k < n; k++) {
			struct ld_rel *r = &t->rels[t->rel_cnt];
			GElf_Rel rel;
			uint64_t slot;

			if (!gelf_getrel(d, (int)k, &rel))
				return fail(l, rs->name, BV_EFORMAT,
					    "cannot read relocation %zu: %s", k, elf_errmsg(-1));
			r->idx = k;
			r->sym = (uint32_t)GELF_R_SYM(rel.r_info);
			r->type = (uint32_t)GELF_R_TYPE(rel.r_info);
			r->map = -1;
			r->func = -1;
			if (r->type == OBJ_R_NONE)
				continue;
			if (r->sym >= l->sym_cnt || r->sym == 0)
				return fail(
					l, rs->name, BV_EFORMAT,
					"relocation %zu names symbol %u, past the symbol table (%zu symbols)",
					k, r->sym, l->sym_cnt);
			if (rel.r_offset % OBJ_INSN_SIZE || rel.r_offset >= t->size)
				return fail(
					l, rs->name, BV_EFORMAT,
					"relocation %zu at offset %#llx is past the end of %s or not at an instruction",
					k, (unsigned long long)rel.r_offset, t->name);
			slot = rel.r_offset / OBJ_INSN_SIZE;
			if (t->rel_at[slot] >= 0)
				return fail(
					l, rs->name, BV_EFORMAT,
					"relocations %d and %zu apply to the same instruction %llu",
					t->rel_at[slot], k, (unsigned long long)slot);
			r->slot = (uint32_t)slot;
			t->rel_at[slot] = (int32_t)t->rel_cnt++;
		}
	}
	return 0;
}

static int cmp_func(const void *a, const void *b)
{
	const struct ld_func *x = a, *y = b;

	if (x->sec != y->sec)
		return x->sec < y->sec ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return 0;
}

static int load_funcs(struct ld *l)
{
	size_t cap = 0;

	for (size_t i = 0; i < l->sym_cnt; i++) {
		const struct ld_sym *sym = &l->syms[i];
		struct ld_sec *s;
		struct ld_func *f;

		if (sym->type != STT_FUNC || sym->shndx == SHN_UNDEF || sym->shndx >= l->shnum)
			continue;
		s = &l->secs[sym->shndx];
		if (!s->exec)
			continue;
		if (sym->value % OBJ_INSN_SIZE || sym->size % OBJ_INSN_SIZE ||
		    !in_bounds(s->size, sym->value, sym->size) || sym->value == s->size)
			return fail(
				l, s->name, BV_EFORMAT,
				"function %s at offset %llu, size %llu, does not fit the section (%llu bytes)",
				sym->name, (unsigned long long)sym->value,
				(unsigned long long)sym->size, (unsigned long long)s->size);
		if (grow((void **)&l->funcs, &cap, l->func_cnt + 1, sizeof(*l->funcs)))
			return nomem(l);
		f = &l->funcs[l->func_cnt++];
		f->sec = sym->shndx;
		f->start = (uint32_t)(sym->value / OBJ_INSN_SIZE);
		f->end = sym->size ? (uint32_t)((sym->value + sym->size) / OBJ_INSN_SIZE) : 0;
		f->name = sym->name;
		f->global = sym->bind == STB_GLOBAL;
		f->btf_id = 0;
	}
	/* code sections without function symbols (hand-written assembly): one function */
	for (size_t i = 1; i < l->shnum; i++) {
		bool has = false;

		if (!l->secs[i].exec || l->secs[i].cnt == 0 || i == l->text)
			continue;
		for (size_t k = 0; k < l->func_cnt && !has; k++)
			has = l->funcs[k].sec == i;
		if (has)
			continue;
		if (grow((void **)&l->funcs, &cap, l->func_cnt + 1, sizeof(*l->funcs)))
			return nomem(l);
		l->funcs[l->func_cnt++] = (struct ld_func){ .sec = (uint32_t)i,
							    .start = 0,
							    .end = (uint32_t)l->secs[i].cnt,
							    .name = l->secs[i].name,
							    .global = true };
	}
	if (l->func_cnt)
		qsort(l->funcs, l->func_cnt, sizeof(*l->funcs), cmp_func);
	/* drop aliases (same start); size-less functions extend to the next one */
	size_t w = 0;
	for (size_t i = 0; i < l->func_cnt; i++) {
		if (w && l->funcs[w - 1].sec == l->funcs[i].sec &&
		    l->funcs[w - 1].start == l->funcs[i].start)
			continue;
		l->funcs[w++] = l->funcs[i];
	}
	l->func_cnt = w;
	for (size_t i = 0; i < l->func_cnt; i++) {
		struct ld_func *f = &l->funcs[i];

		if (f->end == 0) {
			bool next = i + 1 < l->func_cnt && l->funcs[i + 1].sec == f->sec;

			f->end = next ? l->funcs[i + 1].start : (uint32_t)l->secs[f->sec].cnt;
		}
		if (f->end <= f->start)
			return fail(l, l->secs[f->sec].name, BV_EFORMAT,
				    "function %s has no instructions", f->name);
	}
	return 0;
}

/* Index of the function of section @sec starting at @slot, or -1 */
static int32_t func_at(const struct ld *l, uint32_t sec, int64_t slot)
{
	size_t lo = 0, hi = l->func_cnt;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct ld_func *f = &l->funcs[mid];

		if (f->sec < sec || (f->sec == sec && (int64_t)f->start < slot))
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < l->func_cnt && l->funcs[lo].sec == sec && (int64_t)l->funcs[lo].start == slot)
		return (int32_t)lo;
	return -1;
}

/* Target of a call or callback in section @from: must be a function of .text or @from */
static int call_target(struct ld *l, struct ld_sec *s, uint32_t from, uint32_t slot, uint32_t tsec,
		       int64_t tslot, int32_t *func)
{
	if (tsec != from && tsec != l->text)
		return fail(
			l, s->name, BV_EUNSUPPORTED,
			"instruction %u calls into section %s; only .text and the same section are supported",
			slot, l->secs[tsec].name);
	*func = func_at(l, tsec, tslot);
	if (*func < 0)
		return fail(
			l, s->name, BV_EFORMAT,
			"instruction %u calls slot %lld of %s, which is not the start of a function",
			slot, (long long)tslot, l->secs[tsec].name);
	return 0;
}

static int32_t kcfg_off(const struct ld *l, const char *name)
{
	for (size_t i = 0; i < l->kcfg_cnt; i++)
		if (l->kcfg[i].name && strcmp(l->kcfg[i].name, name) == 0)
			return (int32_t)l->kcfg[i].off;
	return -1;
}

/* Give every relocation of section @si its meaning (map, data, call, extern) */
static int resolve_rels(struct ld *l, uint32_t si)
{
	struct ld_sec *s = &l->secs[si];

	for (size_t k = 0; k < s->rel_cnt; k++) {
		struct ld_rel *r = &s->rels[k];
		const struct ld_sym *sym = &l->syms[r->sym];
		const struct raw_insn *in = &s->insns[r->slot];
		int err;

		if (r->type == OBJ_R_64_32) {
			if (in->code != OBJ_OP_CALL)
				return fail(
					l, s->name, BV_EFORMAT,
					"relocation %zu (R_BPF_64_32) at instruction %u, which is not a call",
					r->idx, r->slot);
			if (sym->shndx == SHN_UNDEF) {
				r->kind = OBJ_REL_KFUNC;
				if (!sym->name[0])
					return fail(l, s->name, BV_EFORMAT,
						    "relocation %zu: call of an unnamed extern",
						    r->idx);
				continue;
			}
			if (sym->shndx >= l->shnum || !l->secs[sym->shndx].exec ||
			    sym->value % OBJ_INSN_SIZE)
				return fail(l, s->name, BV_EFORMAT,
					    "relocation %zu: call target %s is not code", r->idx,
					    sym->name);
			r->kind = OBJ_REL_CALL;
			err = call_target(l, s, si, r->slot, sym->shndx,
					  (int64_t)(sym->value / OBJ_INSN_SIZE) + in->imm + 1,
					  &r->func);
			if (err)
				return err;
			continue;
		}
		if (r->type != OBJ_R_64_64)
			return fail(l, s->name, BV_EUNSUPPORTED,
				    "relocation %zu has unsupported type %u", r->idx, r->type);
		if (in->code != OBJ_OP_LDDW || r->slot + 1 >= s->cnt)
			return fail(
				l, s->name, BV_EFORMAT,
				"relocation %zu (R_BPF_64_64) at instruction %u, which is not a complete lddw",
				r->idx, r->slot);
		if (sym->shndx == SHN_UNDEF) {
			int32_t off = sym->name[0] ? kcfg_off(l, sym->name) : -1;

			if (!sym->name[0])
				return fail(l, s->name, BV_EFORMAT,
					    "relocation %zu: load of an unnamed extern", r->idx);
			if (off >= 0 && l->kcfg_map >= 0) {
				r->kind = OBJ_REL_MAP_VALUE;
				r->map = l->kcfg_map;
				r->off = off;
			} else {
				r->kind = OBJ_REL_KSYM;
			}
			continue;
		}
		if (sym->shndx >= l->shnum)
			return fail(l, s->name, BV_EUNSUPPORTED,
				    "relocation %zu: symbol %s has special section index %#x",
				    r->idx, sym->name, sym->shndx);
		if (l->secs[sym->shndx].exec) {
			int64_t byte = (int64_t)sym->value + in->imm;

			if (byte < 0 || byte % OBJ_INSN_SIZE)
				return fail(
					l, s->name, BV_EFORMAT,
					"relocation %zu: callback address %s%+d is not an instruction",
					r->idx, sym->name, in->imm);
			r->kind = OBJ_REL_FUNC_ADDR;
			err = call_target(l, s, si, r->slot, sym->shndx, byte / OBJ_INSN_SIZE,
					  &r->func);
			if (err)
				return err;
			continue;
		}
		if (sym->shndx == l->maps_sec || sym->shndx == l->dotmaps_sec) {
			r->kind = OBJ_REL_MAP;
			/* as libbpf (bpf_program__record_reloc): the symbol alone names the
			 * map; the instruction's immediate is replaced by the map */
			r->map = find_symmap(l, sym->shndx, sym->value);
			if (r->map < 0)
				return fail(l, s->name, BV_EFORMAT,
					    "relocation %zu: no map definition at %s+%llu", r->idx,
					    l->secs[sym->shndx].name,
					    (unsigned long long)sym->value);
			continue;
		}
		if (l->secs[sym->shndx].map >= 0) {
			int64_t off = (int64_t)sym->value + in->imm;

			if (off < 0 || off > INT32_MAX)
				return fail(l, s->name, BV_EFORMAT,
					    "relocation %zu: offset %lld into %s is out of range",
					    r->idx, (long long)off, l->secs[sym->shndx].name);
			r->kind = OBJ_REL_MAP_VALUE;
			r->map = l->secs[sym->shndx].map;
			r->off = off;
			continue;
		}
		return fail(l, s->name, BV_EUNSUPPORTED,
			    "relocation %zu: lddw of symbol %s in section %s is not supported",
			    r->idx, sym->name, l->secs[sym->shndx].name);
	}
	return 0;
}

/* Attach func info (BTF ids) to functions and bucket line info by section */
static int load_ext_info(struct ld *l)
{
	for (size_t i = 0; i < l->ext.func_cnt; i++) {
		const struct btf_func_info *fi = &l->ext.funcs[i];
		const char *name = btf_str(&l->btf, fi->sec_name_off);
		size_t si;
		int32_t f = -1;

		for (si = 1; si < l->shnum; si++)
			if (l->secs[si].exec && strcmp(l->secs[si].name, name) == 0)
				break;
		if (si < l->shnum && fi->insn_off % OBJ_INSN_SIZE == 0)
			f = func_at(l, (uint32_t)si, fi->insn_off / OBJ_INSN_SIZE);
		if (f < 0)
			return fail(l, ".BTF.ext", BV_EFORMAT,
				    "func info for %s+%u names no function", name, fi->insn_off);
		l->funcs[f].btf_id = fi->type_id;
	}
	for (size_t i = 0; i < l->ext.line_cnt; i++) {
		const struct btf_line_info *li = &l->ext.lines[i];
		const char *name = btf_str(&l->btf, li->sec_name_off);
		struct ld_sec *s = NULL;
		size_t si;

		for (si = 1; si < l->shnum; si++)
			if (l->secs[si].exec && strcmp(l->secs[si].name, name) == 0) {
				s = &l->secs[si];
				break;
			}
		if (!s || li->insn_off % OBJ_INSN_SIZE || li->insn_off / OBJ_INSN_SIZE >= s->cnt)
			return fail(l, ".BTF.ext", BV_EFORMAT,
				    "line info for %s+%u is outside the code", name, li->insn_off);
		if (grow((void **)&s->lines, &s->line_cap, s->line_cnt + 1, sizeof(*s->lines)))
			return nomem(l);
		s->lines[s->line_cnt++] = i;
	}
	return 0;
}

/* ---------------------------------------------------------------------- */
/* Linking one program */

struct link {
	struct obj_prog *p;
	size_t insn_cap, func_cap, rel_cap, line_cap;
	int32_t *placed; /* per ld.funcs: image start, or -1 */
	int32_t *order; /* ld.funcs indices in placement order */
	size_t order_cnt;
	bool *map_used;
};

/* Image start of function @f, appending it if not yet placed; -1 on allocation failure */
static int64_t place(struct ld *l, struct link *k, int32_t f)
{
	const struct ld_func *fn = &l->funcs[f];
	struct obj_prog *p = k->p;
	size_t n = fn->end - fn->start;
	struct obj_func *of;

	if (k->placed[f] >= 0)
		return k->placed[f];
	if (p->insn_cnt + n > INT32_MAX)
		return -1;
	if (grow((void **)&p->insns, &k->insn_cap, p->insn_cnt + n, sizeof(*p->insns)) ||
	    grow((void **)&p->funcs, &k->func_cap, p->func_cnt + 1, sizeof(*p->funcs)))
		return -1;
	memcpy(p->insns + p->insn_cnt, l->secs[fn->sec].insns + fn->start, n * sizeof(*p->insns));
	of = &p->funcs[p->func_cnt];
	memset(of, 0, sizeof(*of));
	of->name = xstrdup(fn->name);
	if (!of->name)
		return -1;
	p->func_cnt++;
	of->start = (uint32_t)p->insn_cnt;
	of->end = (uint32_t)(p->insn_cnt + n);
	of->global = fn->global;
	of->btf_id = fn->btf_id;
	k->placed[f] = (int32_t)p->insn_cnt;
	k->order[k->order_cnt++] = f;
	p->insn_cnt += n;
	return k->placed[f];
}

static int add_rel(struct link *k, uint32_t pc, enum obj_rel_kind kind, int32_t map,
		   const char *sym)
{
	struct obj_prog *p = k->p;
	struct obj_rel *r;

	if (grow((void **)&p->rels, &k->rel_cap, p->rel_cnt + 1, sizeof(*p->rels)))
		return -1;
	r = &p->rels[p->rel_cnt];
	r->pc = pc;
	r->kind = kind;
	r->map = map;
	r->sym = xstrdup(sym);
	if (!r->sym)
		return -1;
	p->rel_cnt++;
	if (map >= 0)
		k->map_used[map] = true;
	return 0;
}

/* Relocate the slots of placed function @f (at image @base); may place more functions */
static int link_func(struct ld *l, struct link *k, int32_t f, uint32_t base)
{
	const struct ld_func *fn = &l->funcs[f];
	struct ld_sec *s = &l->secs[fn->sec];

	for (uint32_t slot = fn->start; slot < fn->end; slot++) {
		uint32_t pc = base + (slot - fn->start);
		const struct raw_insn *src = &s->insns[slot];
		bool lddw = src->code == OBJ_OP_LDDW;
		int32_t target = -1;
		int64_t tstart;
		const struct ld_rel *r = s->rel_at[slot] >= 0 ? &s->rels[s->rel_at[slot]] : NULL;
		enum obj_rel_kind kind = OBJ_REL_CALL;
		struct raw_insn *in;

		if (lddw && slot + 1 >= fn->end && (r || src->src == INSN_LDDW_FUNC))
			return fail(l, s->name, BV_EFORMAT,
				    "lddw at instruction %u is cut by the end of function %s", slot,
				    fn->name);
		if (r && r->type != OBJ_R_NONE) {
			in = &k->p->insns[pc];
			switch (r->kind) {
			case OBJ_REL_CALL:
			case OBJ_REL_FUNC_ADDR:
				target = r->func;
				kind = r->kind;
				break;
			case OBJ_REL_KFUNC:
				in->src = INSN_CALL_KFUNC;
				in->imm = 0;
				if (add_rel(k, pc, r->kind, -1, l->syms[r->sym].name))
					return nomem(l);
				break;
			case OBJ_REL_KSYM:
				in->src = INSN_LDDW_BTF_ID;
				in->imm = 0;
				in[1].imm = 0;
				if (add_rel(k, pc, r->kind, -1, l->syms[r->sym].name))
					return nomem(l);
				break;
			case OBJ_REL_MAP:
				in->src = INSN_LDDW_MAP_IDX;
				in->imm = r->map;
				in[1].imm = 0;
				if (add_rel(k, pc, r->kind, r->map, l->o->maps[r->map].name))
					return nomem(l);
				break;
			case OBJ_REL_MAP_VALUE:
				in->src = INSN_LDDW_MAP_IDX_VALUE;
				in->imm = r->map;
				in[1].imm = (int32_t)r->off;
				if (add_rel(k, pc, r->kind, r->map, l->syms[r->sym].name))
					return nomem(l);
				break;
			}
		} else if (src->code == OBJ_OP_CALL && src->src == INSN_CALL_LOCAL) {
			int err = call_target(l, s, fn->sec, slot, fn->sec,
					      (int64_t)slot + src->imm + 1, &target);
			if (err)
				return err;
		} else if (lddw && src->src == INSN_LDDW_FUNC) {
			int err = call_target(l, s, fn->sec, slot, fn->sec,
					      (int64_t)slot + src->imm + 1, &target);
			if (err)
				return err;
			kind = OBJ_REL_FUNC_ADDR;
		}
		if (target >= 0) {
			tstart = place(l, k, target);
			if (tstart < 0)
				return nomem(l);
			in = &k->p->insns[pc]; /* place() may have moved the image */
			in->imm = (int32_t)(tstart - ((int64_t)pc + 1));
			if (kind == OBJ_REL_CALL) {
				in->src = INSN_CALL_LOCAL;
			} else {
				in->src = INSN_LDDW_FUNC;
				in[1].imm = 0;
			}
			if (add_rel(k, pc, kind, -1, l->funcs[target].name))
				return nomem(l);
		}
		if (lddw)
			slot++; /* the second slot carries no opcode */
	}
	return 0;
}

static int cmp_line(const void *a, const void *b)
{
	const struct obj_line *x = a, *y = b;

	return x->pc < y->pc ? -1 : x->pc > y->pc;
}

static int link_lines(struct ld *l, struct link *k)
{
	struct obj_prog *p = k->p;

	for (size_t i = 0; i < k->order_cnt; i++) {
		const struct ld_func *fn = &l->funcs[k->order[i]];
		const struct ld_sec *s = &l->secs[fn->sec];
		uint32_t base = (uint32_t)k->placed[k->order[i]];

		for (size_t j = 0; j < s->line_cnt; j++) {
			const struct btf_line_info *li = &l->ext.lines[s->lines[j]];
			uint32_t slot = li->insn_off / OBJ_INSN_SIZE;
			struct obj_line *ol;

			if (slot < fn->start || slot >= fn->end)
				continue;
			if (grow((void **)&p->lines, &k->line_cap, p->line_cnt + 1,
				 sizeof(*p->lines)))
				return nomem(l);
			ol = &p->lines[p->line_cnt++];
			ol->pc = base + (slot - fn->start);
			/* borrowed from the BTF string section, which obj keeps as obj->btf */
			ol->file = (char *)(uintptr_t)btf_str(&l->btf, li->file_off);
			ol->src = (char *)(uintptr_t)btf_str(&l->btf, li->line_off);
			ol->line = li->line;
			ol->col = li->col;
		}
	}
	/* functions are placed in increasing pc order, records per function are in insn order;
	 * a stable sort is still needed for clang's occasional out-of-order records */
	for (size_t i = 1; i < p->line_cnt; i++) {
		struct obj_line cur = p->lines[i];
		size_t j = i;

		while (j > 0 && cmp_line(&p->lines[j - 1], &cur) > 0) {
			p->lines[j] = p->lines[j - 1];
			j--;
		}
		p->lines[j] = cur;
	}
	return 0;
}

/* CO-RE relocation records of every placed function, at their image slots */
static int link_cores(struct ld *l, struct link *k)
{
	struct obj_prog *p = k->p;
	size_t cap = 0;

	for (size_t i = 0; i < k->order_cnt; i++) {
		const struct ld_func *fn = &l->funcs[k->order[i]];
		const char *sec = l->secs[fn->sec].name;
		uint32_t base = (uint32_t)k->placed[k->order[i]];

		for (size_t j = 0; j < l->ext.core_cnt; j++) {
			const struct btf_core_relo *cr = &l->ext.cores[j];
			uint32_t slot = cr->insn_off / OBJ_INSN_SIZE;
			struct obj_core *oc;

			if (cr->insn_off % OBJ_INSN_SIZE || slot < fn->start || slot >= fn->end ||
			    strcmp(btf_str(&l->btf, cr->sec_name_off), sec) != 0)
				continue;
			if (grow((void **)&p->cores, &cap, p->core_cnt + 1, sizeof(*p->cores)))
				return nomem(l);
			oc = &p->cores[p->core_cnt++];
			oc->pc = base + (slot - fn->start);
			oc->type_id = cr->type_id;
			/* borrowed from the BTF string section, which obj keeps as obj->btf */
			oc->access = btf_str(&l->btf, cr->access_str_off);
			oc->kind = cr->kind;
		}
	}
	return 0;
}

static int link_prog(struct ld *l, int32_t entry, struct obj_prog *p)
{
	const struct ld_func *fn = &l->funcs[entry];
	const struct ld_sec *s = &l->secs[fn->sec];
	struct link k = { .p = p };
	int err = 0;

	p->section = xstrdup(s->name);
	p->name = xstrdup(fn->name);
	k.placed = malloc(l->func_cnt * sizeof(*k.placed));
	k.order = malloc(l->func_cnt * sizeof(*k.order));
	k.map_used = calloc(l->o->map_cnt + 1, sizeof(*k.map_used));
	if (!p->section || !p->name || !k.placed || !k.order || !k.map_used) {
		err = nomem(l);
		goto out;
	}
	for (size_t i = 0; i < l->func_cnt; i++)
		k.placed[i] = -1;
	p->is_subprog = fn->sec == l->text;
	p->type = p->is_subprog ? BV_PROG_UNSPEC
				: obj_type_from_section(s->name, &p->expected_attach);
	p->own_cnt = fn->end - fn->start;
	p->sec_off = fn->start;
	p->orig = malloc(p->own_cnt * sizeof(*p->orig));
	if (!p->orig) {
		err = nomem(l);
		goto out;
	}
	memcpy(p->orig, s->insns + fn->start, p->own_cnt * sizeof(*p->orig));
	if (place(l, &k, entry) < 0) {
		err = nomem(l);
		goto out;
	}
	/* k.order grows while we walk it: every placed function gets relocated once */
	for (size_t i = 0; i < k.order_cnt; i++) {
		err = link_func(l, &k, k.order[i], (uint32_t)k.placed[k.order[i]]);
		if (err)
			goto out;
	}
	err = link_lines(l, &k);
	if (!err)
		err = link_cores(l, &k);
	if (err)
		goto out;
	for (size_t i = 0; i < l->o->map_cnt; i++)
		p->map_cnt += k.map_used[i];
	if (p->map_cnt) {
		size_t n = 0;

		p->maps = malloc(p->map_cnt * sizeof(*p->maps));
		if (!p->maps) {
			err = nomem(l);
			goto out;
		}
		for (size_t i = 0; i < l->o->map_cnt; i++)
			if (k.map_used[i])
				p->maps[n++] = (int32_t)i;
	}
out:
	free(k.placed);
	free(k.order);
	free(k.map_used);
	return err;
}

static int load_progs(struct ld *l)
{
	if (l->func_cnt == 0)
		return fail(l, NULL, BV_EFORMAT, "no programs: no executable section holds code");
	l->o->progs = calloc(l->func_cnt, sizeof(*l->o->progs));
	if (!l->o->progs)
		return nomem(l);
	for (size_t i = 0; i < l->func_cnt; i++) {
		int err = link_prog(l, (int32_t)i, &l->o->progs[l->o->prog_cnt++]);

		if (err)
			return err;
	}
	return 0;
}

/* ---------------------------------------------------------------------- */

static void ld_fini(struct ld *l)
{
	if (l->secs) {
		for (size_t i = 0; i < l->shnum; i++) {
			free(l->secs[i].data);
			free(l->secs[i].insns);
			free(l->secs[i].rel_at);
			free(l->secs[i].rels);
			free(l->secs[i].lines);
		}
		free(l->secs);
	}
	free(l->shstr);
	free(l->strtab);
	free(l->syms);
	free(l->symmaps);
	free(l->kcfg);
	free(l->funcs);
	btf_ext_fini(&l->ext);
	btf_fini(&l->btf);
	if (l->elf)
		elf_end(l->elf);
	if (l->fd >= 0)
		close(l->fd);
}

static int load(struct ld *l)
{
	struct stat st;
	int err;

	l->fd = open(l->path, O_RDONLY | O_CLOEXEC);
	if (l->fd < 0)
		return fail(l, NULL, BV_EIO, "cannot open: %s", strerror(errno));
	if (fstat(l->fd, &st))
		return fail(l, NULL, BV_EIO, "cannot stat: %s", strerror(errno));
	if (!S_ISREG(st.st_mode))
		return fail(l, NULL, BV_EIO, "not a regular file");
	if (st.st_size == 0)
		return fail(l, NULL, BV_EFORMAT, "empty file, not an elf object");
	l->fsize = (uint64_t)st.st_size;
	if (elf_version(EV_CURRENT) == EV_NONE)
		return fail(l, NULL, BV_EIO, "libelf initialisation failed: %s", elf_errmsg(-1));
	l->elf = elf_begin(l->fd, ELF_C_READ, NULL);
	if (!l->elf)
		return fail(l, NULL, BV_EFORMAT, "not an elf object: %s", elf_errmsg(-1));
	err = check_header(l);
	if (!err)
		err = load_sections(l);
	if (!err)
		err = load_symbols(l);
	if (!err)
		err = load_license(l);
	if (!err)
		err = load_btf(l);
	if (!err)
		err = load_maps(l);
	if (!err)
		err = load_code(l);
	if (!err)
		err = load_rels(l);
	if (!err)
		err = load_funcs(l);
	for (size_t i = 1; !err && i < l->shnum; i++)
		if (l->secs[i].exec && l->secs[i].rel_cnt)
			err = resolve_rels(l, (uint32_t)i);
	if (!err)
		err = load_ext_info(l);
	if (!err)
		err = load_progs(l);
	return err;
}

struct obj *obj_open(const char *path, struct bv_diags *d)
{
	struct ld l = { .path = path, .d = d, .fd = -1, .kcfg_map = -1 };
	int err;

	l.o = calloc(1, sizeof(*l.o));
	if (!l.o) {
		fail(&l, NULL, BV_ENOMEM, "out of memory");
		return NULL;
	}
	l.o->path = xstrdup(path);
	if (!l.o->path)
		err = nomem(&l);
	else
		err = load(&l);
	if (!err && l.has_btf)
		l.o->btf = btf_take_raw(&l.btf, &l.o->btf_size);
	ld_fini(&l);
	if (err) {
		obj_free(l.o);
		return NULL;
	}
	return l.o;
}

static void prog_fini(struct obj_prog *p)
{
	free(p->section);
	free(p->name);
	free(p->insns);
	free(p->orig);
	for (size_t i = 0; p->funcs && i < p->func_cnt; i++)
		free(p->funcs[i].name);
	free(p->funcs);
	for (size_t i = 0; p->rels && i < p->rel_cnt; i++)
		free(p->rels[i].sym);
	free(p->rels);
	free(p->lines); /* line strings are borrowed from obj->btf */
	free(p->cores);
	free(p->maps);
}

void obj_free(struct obj *o)
{
	if (!o)
		return;
	for (size_t i = 0; o->progs && i < o->prog_cnt; i++)
		prog_fini(&o->progs[i]);
	free(o->progs);
	for (size_t i = 0; o->maps && i < o->map_cnt; i++) {
		free(o->maps[i].name);
		free(o->maps[i].data);
	}
	free(o->maps);
	free(o->license);
	free(o->btf);
	free(o->path);
	free(o);
}

const struct obj_line *obj_line_at(const struct obj_prog *p, uint32_t pc)
{
	size_t lo = 0, hi;

	if (!p || !p->line_cnt)
		return NULL;
	hi = p->line_cnt;
	/* first entry with pc > @pc; the one before it is the answer */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (p->lines[mid].pc <= pc)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo ? &p->lines[lo - 1] : NULL;
}

bool obj_map_read(const struct obj_map *m, uint64_t off, unsigned size, uint64_t *out)
{
	uint8_t buf[8] = { 0 };
	uint64_t v = 0;

	if (!m || !out || !m->readonly || m->kind == OBJ_MAP_KCONFIG)
		return false;
	if (size != 1 && size != 2 && size != 4 && size != 8)
		return false;
	if (!in_bounds(m->value_size, off, size))
		return false;
	if (m->data)
		memcpy(buf, m->data + off, size);
	/* host order: the value a load of that size from the map value would produce */
	switch (size) {
	case 1:
		v = buf[0];
		break;
	case 2: {
		uint16_t x;

		memcpy(&x, buf, 2);
		v = x;
		break;
	}
	case 4: {
		uint32_t x;

		memcpy(&x, buf, 4);
		v = x;
		break;
	}
	default:
		memcpy(&v, buf, 8);
		break;
	}
	*out = v;
	return true;
}
