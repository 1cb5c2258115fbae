/* SPDX-License-Identifier: MIT */
/*
 * bpfverify public API: open eBPF ELF objects, list and disassemble their
 * programs, and verify them. Only this header is used by cli/.
 */
#ifndef BPFVERIFY_H
#define BPFVERIFY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define BV_VERSION "0.1.0"

enum bv_err {
	BV_OK = 0,
	BV_ENOMEM = -1,
	BV_EFORMAT = -2, /* malformed input */
	BV_EUNSUPPORTED = -3, /* well formed, not supported */
	BV_EIO = -4, /* cannot read the file */
	BV_EINVAL = -5, /* bad argument */
};

enum bv_severity {
	BV_SEV_ERROR,
	BV_SEV_WARNING,
	BV_SEV_NOTE,
};

/* One diagnostic; all strings owned by the list that holds it */
struct bv_diag {
	enum bv_severity sev;
	enum bv_err code;
	char *file;
	char *section; /* or NULL */
	char *func; /* or NULL */
	int64_t pc; /* instruction index, or -1 */
	char *msg;
};

struct bv_diags {
	struct bv_diag *v;
	size_t cnt, cap;
};

void bv_diags_free(struct bv_diags *d);
/* One line: "file:section/func+pc: error: msg" */
void bv_diag_print(FILE *f, const struct bv_diag *d);

/* Program types: values of enum bpf_prog_type in linux/bpf.h */
enum bv_prog_type {
	BV_PROG_UNSPEC = 0,
	BV_PROG_SOCKET_FILTER = 1,
	BV_PROG_KPROBE = 2,
	BV_PROG_SCHED_CLS = 3,
	BV_PROG_SCHED_ACT = 4,
	BV_PROG_TRACEPOINT = 5,
	BV_PROG_XDP = 6,
	BV_PROG_PERF_EVENT = 7,
	BV_PROG_CGROUP_SKB = 8,
	BV_PROG_CGROUP_SOCK = 9,
	BV_PROG_LWT_IN = 10,
	BV_PROG_LWT_OUT = 11,
	BV_PROG_LWT_XMIT = 12,
	BV_PROG_SOCK_OPS = 13,
	BV_PROG_SK_SKB = 14,
	BV_PROG_CGROUP_DEVICE = 15,
	BV_PROG_SK_MSG = 16,
	BV_PROG_RAW_TRACEPOINT = 17,
	BV_PROG_CGROUP_SOCK_ADDR = 18,
	BV_PROG_LWT_SEG6LOCAL = 19,
	BV_PROG_LIRC_MODE2 = 20,
	BV_PROG_SK_REUSEPORT = 21,
	BV_PROG_FLOW_DISSECTOR = 22,
	BV_PROG_CGROUP_SYSCTL = 23,
	BV_PROG_RAW_TRACEPOINT_WRITABLE = 24,
	BV_PROG_CGROUP_SOCKOPT = 25,
	BV_PROG_TRACING = 26,
	BV_PROG_STRUCT_OPS = 27,
	BV_PROG_EXT = 28,
	BV_PROG_LSM = 29,
	BV_PROG_SK_LOOKUP = 30,
	BV_PROG_SYSCALL = 31,
	BV_PROG_NETFILTER = 32,
	BV_PROG_TYPE_CNT,
};

/* "xdp", "sched_cls", ...; "unspec" for unknown values */
const char *bv_prog_type_name(enum bv_prog_type t);
/* Parse a type name ("xdp") or a section-name prefix ("tc", "kprobe/"); -1 if unknown */
int bv_prog_type_parse(const char *s);

struct bv_object; /* opaque: a loaded ELF object */

/* Open and load @path. NULL on failure with the reason appended to @d. */
struct bv_object *bv_object_open(const char *path, struct bv_diags *d);
void bv_object_close(struct bv_object *o);

size_t bv_object_prog_cnt(const struct bv_object *o);

struct bv_prog_info {
	const char *section; /* borrowed; valid until bv_object_close() */
	const char *func;
	enum bv_prog_type type;
	size_t insn_cnt; /* slots of this function alone */
	size_t map_cnt; /* maps referenced (incl. via called subprograms) */
	const char *const *map_names; /* map_cnt names */
	bool has_line_info;
	bool is_subprog; /* a function in .text, not an entry point */
};

int bv_object_prog_info(const struct bv_object *o, size_t idx, struct bv_prog_info *info);
/* Override the inferred type of every program */
void bv_object_set_type(struct bv_object *o, enum bv_prog_type t);
const char *bv_object_license(const struct bv_object *o);

/* Disassemble program @idx to @f: "pc:\ttext" lines as llvm-objdump --no-show-raw-insn;
 * with @source, line-info source text interleaved. Returns 0 or a negative bv_err. */
int bv_disasm(const struct bv_object *o, size_t idx, bool source, FILE *f, struct bv_diags *d);

/* Text of instruction @pc of the linked image verified for program @idx (as disasm prints it) */
int bv_insn_text(const struct bv_object *o, size_t idx, int64_t pc, char *buf, size_t size);

enum bv_verdict {
	BV_ACCEPT,
	BV_REJECT,
	BV_INCONCLUSIVE,
	BV_ERROR, /* malformed program: never reached analysis */
};

const char *bv_verdict_name(enum bv_verdict v);

struct bv_options {
	bool unprivileged; /* --unprivileged: no uninit stack reads, no pointer leaks */
	bool strict; /* --strict: report division by zero */
	bool all_errors; /* report every distinct finding: each ends its own path only */
	int verbose;
	uint64_t max_insns; /* processed-instruction budget; 0 = default (1M) */
	double timeout_sec; /* 0 = none */
	size_t max_memory; /* bytes of abstract states; 0 = default (2 GiB) */
	/* the target kernel's BTF (raw BTF file): types the context of tracing and LSM
	 * programs and is the target of CO-RE relocations. NULL = BV_DEFAULT_KERNEL_BTF when
	 * readable; "" = none (CO-RE relocations then resolve against the object's own BTF) */
	const char *kernel_btf;
};

#define BV_DEFAULT_KERNEL_BTF "/sys/kernel/btf/vmlinux"

/* The kernel BTF path @opt selects, or NULL for none */
const char *bv_kernel_btf_path(const struct bv_options *opt);
/* Load (once per process) the kernel BTF @opt selects: 0, or -1 with the reason in @err */
int bv_kernel_btf_check(const struct bv_options *opt, char *err, size_t err_size);

struct bv_finding {
	const char *rule; /* stable rule id, e.g. "P5.2" */
	const char *rule_name; /* e.g. "pkt-oob" */
	int64_t pc;
	char *msg;
	char *state; /* abstract state at the failure (for -v), or NULL */
	const char *src_file; /* from line info, or NULL */
	uint32_t line, col;
	const char *src_line;
	/* the instructions executed just before @pc on the failing path, oldest first */
	uint32_t trace[8];
	size_t trace_cnt;
};

struct bv_result {
	enum bv_verdict verdict;
	struct bv_finding *findings;
	size_t finding_cnt;
	uint64_t insns_processed;
	uint64_t states;
	double seconds;
	size_t peak_bytes;
};

/* Verify program @idx of @o. Fills @res (release with bv_result_fini). Returns 0 or
 * a negative bv_err with a diagnostic in @d (then res->verdict is BV_ERROR). */
int bv_verify(struct bv_object *o, size_t idx, const struct bv_options *opt, struct bv_result *res,
	      struct bv_diags *d);
void bv_result_fini(struct bv_result *res);

#endif
