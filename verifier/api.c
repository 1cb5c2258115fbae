// SPDX-License-Identifier: MIT
/*
 * api: the public entry points of include/bpfverify.h, tying the loader, the
 * decoder and the abstract interpreter together.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../include/bpfverify.h"
#include "diag.h"
#include "fix.h"
#include "btf.h"
#include "core.h"
#include "insn.h"
#include "kbtf.h"
#include "obj.h"

struct bv_object {
	struct obj *o;
	const char **map_names; /* scratch for bv_prog_info */
	size_t map_names_cap;
	const char ***prog_maps; /* per program: map name array */
};

static const char *const type_names[BV_PROG_TYPE_CNT] = {
	[BV_PROG_UNSPEC] = "unspec",
	[BV_PROG_SOCKET_FILTER] = "socket_filter",
	[BV_PROG_KPROBE] = "kprobe",
	[BV_PROG_SCHED_CLS] = "sched_cls",
	[BV_PROG_SCHED_ACT] = "sched_act",
	[BV_PROG_TRACEPOINT] = "tracepoint",
	[BV_PROG_XDP] = "xdp",
	[BV_PROG_PERF_EVENT] = "perf_event",
	[BV_PROG_CGROUP_SKB] = "cgroup_skb",
	[BV_PROG_CGROUP_SOCK] = "cgroup_sock",
	[BV_PROG_LWT_IN] = "lwt_in",
	[BV_PROG_LWT_OUT] = "lwt_out",
	[BV_PROG_LWT_XMIT] = "lwt_xmit",
	[BV_PROG_SOCK_OPS] = "sock_ops",
	[BV_PROG_SK_SKB] = "sk_skb",
	[BV_PROG_CGROUP_DEVICE] = "cgroup_device",
	[BV_PROG_SK_MSG] = "sk_msg",
	[BV_PROG_RAW_TRACEPOINT] = "raw_tracepoint",
	[BV_PROG_CGROUP_SOCK_ADDR] = "cgroup_sock_addr",
	[BV_PROG_LWT_SEG6LOCAL] = "lwt_seg6local",
	[BV_PROG_LIRC_MODE2] = "lirc_mode2",
	[BV_PROG_SK_REUSEPORT] = "sk_reuseport",
	[BV_PROG_FLOW_DISSECTOR] = "flow_dissector",
	[BV_PROG_CGROUP_SYSCTL] = "cgroup_sysctl",
	[BV_PROG_RAW_TRACEPOINT_WRITABLE] = "raw_tracepoint_writable",
	[BV_PROG_CGROUP_SOCKOPT] = "cgroup_sockopt",
	[BV_PROG_TRACING] = "tracing",
	[BV_PROG_STRUCT_OPS] = "struct_ops",
	[BV_PROG_EXT] = "ext",
	[BV_PROG_LSM] = "lsm",
	[BV_PROG_SK_LOOKUP] = "sk_lookup",
	[BV_PROG_SYSCALL] = "syscall",
	[BV_PROG_NETFILTER] = "netfilter",
};

const char *bv_prog_type_name(enum bv_prog_type t)
{
	if ((unsigned)t >= BV_PROG_TYPE_CNT || !type_names[t])
		return "unspec";
	return type_names[t];
}

int bv_prog_type_parse(const char *s)
{
	uint32_t attach;
	enum bv_prog_type t;

	for (int i = 1; i < BV_PROG_TYPE_CNT; i++)
		if (type_names[i] && !strcmp(s, type_names[i]))
			return i;
	t = obj_type_from_section(s, &attach);
	return t == BV_PROG_UNSPEC ? -1 : (int)t;
}

const char *bv_verdict_name(enum bv_verdict v)
{
	switch (v) {
	case BV_ACCEPT:
		return "accept";
	case BV_REJECT:
		return "reject";
	case BV_INCONCLUSIVE:
		return "inconclusive";
	default:
		return "error";
	}
}

struct bv_object *bv_object_open(const char *path, struct bv_diags *d)
{
	struct bv_object *bo = calloc(1, sizeof(*bo));

	if (!bo) {
		struct diag_loc loc = { .file = path, .pc = -1 };

		diag_error(d, &loc, BV_ENOMEM, "out of memory");
		return NULL;
	}
	bo->o = obj_open(path, d);
	if (!bo->o) {
		free(bo);
		return NULL;
	}
	bo->prog_maps = calloc(bo->o->prog_cnt + 1, sizeof(*bo->prog_maps));
	if (!bo->prog_maps) {
		bv_object_close(bo);
		return NULL;
	}
	return bo;
}

void bv_object_close(struct bv_object *o)
{
	if (!o)
		return;
	if (o->prog_maps && o->o)
		for (size_t i = 0; i < o->o->prog_cnt; i++)
			free(o->prog_maps[i]);
	free(o->prog_maps);
	obj_free(o->o);
	free(o);
}

size_t bv_object_prog_cnt(const struct bv_object *o)
{
	return o->o->prog_cnt;
}

int bv_object_prog_info(const struct bv_object *o, size_t idx, struct bv_prog_info *info)
{
	const struct obj_prog *p;

	if (idx >= o->o->prog_cnt)
		return BV_EINVAL;
	p = &o->o->progs[idx];
	memset(info, 0, sizeof(*info));
	info->section = p->section;
	info->func = p->name;
	info->type = p->type;
	info->insn_cnt = p->own_cnt;
	info->map_cnt = p->map_cnt;
	info->has_line_info = p->line_cnt > 0;
	info->is_subprog = p->is_subprog;
	if (!o->prog_maps[idx] && p->map_cnt) {
		const char **names = calloc(p->map_cnt, sizeof(*names));

		if (names) {
			for (size_t i = 0; i < p->map_cnt; i++) {
				int32_t m = p->maps[i];

				names[i] = (m >= 0 && (size_t)m < o->o->map_cnt)
						   ? o->o->maps[m].name
						   : "?";
			}
			o->prog_maps[idx] = names;
		}
	}
	info->map_names = o->prog_maps[idx];
	if (!info->map_names)
		info->map_cnt = 0;
	return 0;
}

void bv_object_set_type(struct bv_object *o, enum bv_prog_type t)
{
	for (size_t i = 0; i < o->o->prog_cnt; i++)
		o->o->progs[i].type = t;
}

const char *bv_object_license(const struct bv_object *o)
{
	return o->o->license;
}

/* Decode one slot of a function for display; jump targets may lie outside it */
static int decode_for_display(const struct raw_insn *raw, size_t cnt, uint32_t pc, struct insn *out)
{
	struct insn_err err;

	return insn_decode_one_unchecked(raw, cnt, pc, out, &err);
}

int bv_disasm(const struct bv_object *bo, size_t idx, bool source, FILE *f, struct bv_diags *d)
{
	const struct obj *o = bo->o;
	const struct obj_prog *p;
	const struct obj_line *last = NULL;
	char buf[256];

	if (idx >= o->prog_cnt)
		return BV_EINVAL;
	p = &o->progs[idx];
	fprintf(f, "%016x <%s>:\n", p->sec_off * 8, p->name);
	for (uint32_t i = 0; i < p->own_cnt; i++) {
		struct insn in;

		if (source) {
			const struct obj_line *l = obj_line_at(p, i);

			if (l && l != last && l->pc == i) {
				fprintf(f, "; %s\n", l->src && *l->src ? l->src : "");
				last = l;
			}
		}
		if (decode_for_display(p->orig, p->own_cnt, i, &in)) {
			struct diag_loc loc = { .file = o->path,
						.section = p->section,
						.func = p->name,
						.pc = (int64_t)i };

			fprintf(f, "%8u:\t<invalid>\n", p->sec_off + i);
			diag_warn(d, &loc, "cannot decode instruction 0x%02x", p->orig[i].code);
			continue;
		}
		if (in.kind == INSN_LDDW_HI)
			continue;
		insn_snprint(buf, sizeof(buf), &in);
		fprintf(f, "%8u:\t%s\n", p->sec_off + i, buf);
		if (in.kind == INSN_LDDW)
			i++;
	}
	return 0;
}

/* Line info for @pc; clang marks some instructions with line 0 (no source line):
 * take the closest earlier instruction that has one */
static const struct obj_line *line_for(const struct obj_prog *p, uint32_t pc)
{
	for (uint32_t k = 0; k <= pc && k < 256; k++) {
		const struct obj_line *l = obj_line_at(p, pc - k);

		if (!l)
			return NULL;
		if (l->line)
			return l;
		if (l->pc == 0)
			return NULL;
		k += pc - k - l->pc; /* continue before this entry */
	}
	return NULL;
}

/*
 * Kernel BTF files, loaded once per process and path (about 30 ms for a
 * distribution kernel's 5 MB) and kept until exit: every object of a run
 * shares them.
 */
#define KB_CACHE 4
static pthread_mutex_t kb_lock = PTHREAD_MUTEX_INITIALIZER;
static struct {
	char *path;
	struct btf *kb; /* NULL: loading failed, see err */
	char err[256];
} kb_cache[KB_CACHE];

const char *bv_kernel_btf_path(const struct bv_options *opt)
{
	if (opt && opt->kernel_btf)
		return *opt->kernel_btf ? opt->kernel_btf : NULL;
	return access(BV_DEFAULT_KERNEL_BTF, R_OK) == 0 ? BV_DEFAULT_KERNEL_BTF : NULL;
}

int bv_kernel_btf_check(const struct bv_options *opt, char *err, size_t err_size)
{
	const char *path = bv_kernel_btf_path(opt);
	struct btf *kb;

	if (!path)
		return 0;
	pthread_mutex_lock(&kb_lock);
	kb = NULL;
	for (int i = 0; i < KB_CACHE; i++)
		if (kb_cache[i].path && strcmp(kb_cache[i].path, path) == 0) {
			kb = kb_cache[i].kb;
			if (!kb)
				snprintf(err, err_size, "%s", kb_cache[i].err);
			pthread_mutex_unlock(&kb_lock);
			return kb ? 0 : -1;
		}
	for (int i = 0; i < KB_CACHE; i++) {
		if (kb_cache[i].path)
			continue;
		kb_cache[i].path = strdup(path);
		if (!kb_cache[i].path)
			break;
		kb_cache[i].kb = kb_load(path, kb_cache[i].err, sizeof(kb_cache[i].err));
		kb = kb_cache[i].kb;
		if (!kb)
			snprintf(err, err_size, "%s", kb_cache[i].err);
		pthread_mutex_unlock(&kb_lock);
		return kb ? 0 : -1;
	}
	pthread_mutex_unlock(&kb_lock);
	snprintf(err, err_size, "%s: too many kernel BTF files in one run", path);
	return -1;
}

/* The kernel BTF of @opt, loaded on first use; NULL if none or unreadable */
static const struct btf *kernel_btf(const struct bv_options *opt)
{
	const char *path = bv_kernel_btf_path(opt);
	const struct btf *kb = NULL;
	char err[256];

	if (!path || bv_kernel_btf_check(opt, err, sizeof(err)))
		return NULL;
	pthread_mutex_lock(&kb_lock);
	for (int i = 0; i < KB_CACHE; i++)
		if (kb_cache[i].path && strcmp(kb_cache[i].path, path) == 0)
			kb = kb_cache[i].kb;
	pthread_mutex_unlock(&kb_lock);
	return kb;
}

/*
 * CO-RE: relocate a copy of @p's image against the kernel BTF @kb, or the object's
 * own BTF without one (as libbpf does before loading). 0 with *@image and the
 * poisoned instructions, or a diagnostic's error code.
 */
static int relocate(const struct obj *o, const struct obj_prog *p, const struct btf *kb,
		    const struct bv_options *opt, struct bv_diags *d, struct raw_insn **image,
		    struct core_poison **poison, size_t *npoison)
{
	struct diag_loc loc = { .file = o->path, .section = p->section, .func = p->name, .pc = -1 };
	struct btf local;
	char why[256];
	int rc;

	*image = malloc(p->insn_cnt * sizeof(**image));
	if (!*image)
		return BV_ENOMEM;
	memcpy(*image, p->insns, p->insn_cnt * sizeof(**image));
	if (!o->btf || btf_parse(&local, o->btf, o->btf_size, false, why, sizeof(why))) {
		free(*image);
		*image = NULL;
		return diag_error(d, &loc, BV_EFORMAT, "CO-RE relocations without usable BTF: %s",
				  o->btf ? why : "no .BTF section");
	}
	rc = core_apply(&local, kb ? kb : &local, p->cores, p->core_cnt, *image, p->insn_cnt,
			poison, npoison, why, sizeof(why));
	btf_fini(&local);
	if (rc) {
		free(*image);
		*image = NULL;
		return diag_error(d, &loc, BV_EFORMAT,
				  "CO-RE relocation against %s failed (libbpf would not load the "
				  "program): %s",
				  kb ? bv_kernel_btf_path(opt) : "the object's own BTF", why);
	}
	return 0;
}

/* Forget the relocated image of one verification */
static void drop_relocated(struct obj_prog *p, struct raw_insn *image, struct core_poison *poison)
{
	free(image);
	free(poison);
	p->poison = NULL;
	p->poison_cnt = 0;
}

int bv_verify(struct bv_object *bo, size_t idx, const struct bv_options *opt, struct bv_result *res,
	      struct bv_diags *d)
{
	struct obj *o = bo->o;
	struct obj_prog *p;
	struct insn *insns;
	struct insn_err err;
	struct fix_result fr;
	struct timespec t0, t1;
	const struct btf *kb = NULL;
	struct raw_insn *image = NULL;
	struct core_poison *poison = NULL;
	size_t npoison = 0;

	memset(res, 0, sizeof(*res));
	res->verdict = BV_ERROR;
	if (idx >= o->prog_cnt)
		return BV_EINVAL;
	p = &o->progs[idx];
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (p->type == BV_PROG_TRACING || p->type == BV_PROG_LSM || p->core_cnt) {
		kb = kernel_btf(opt);
		pthread_mutex_lock(&kb_lock);
		o->kbtf = kb;
		pthread_mutex_unlock(&kb_lock);
	}
	if (p->core_cnt) {
		int rc = relocate(o, p, kb, opt, d, &image, &poison, &npoison);

		if (rc)
			return rc;
		p->poison = poison;
		p->poison_cnt = npoison;
	}
	insns = calloc(p->insn_cnt + 1, sizeof(*insns));
	if (!insns) {
		drop_relocated(p, image, poison);
		return BV_ENOMEM;
	}
	if (insn_decode_all(image ? image : p->insns, p->insn_cnt, insns, &err)) {
		struct diag_loc loc = { .file = o->path,
					.section = p->section,
					.func = p->name,
					.pc = (int64_t)err.pc };

		free(insns);
		drop_relocated(p, image, poison);
		return diag_error(d, &loc, BV_EFORMAT, "%s", err.msg);
	}
	if (p->type == BV_PROG_UNSPEC) {
		res->verdict = BV_INCONCLUSIVE;
		res->findings = calloc(1, sizeof(*res->findings));
		if (res->findings) {
			res->finding_cnt = 1;
			res->findings[0].rule = "P10.1";
			res->findings[0].rule_name = "unsupported";
			res->findings[0].pc = -1;
			res->findings[0].msg =
				strdup("unknown program type for section name; use --type");
		}
		free(insns);
		drop_relocated(p, image, poison);
		return 0;
	}
	fix_run(o, p, insns, opt, &fr);
	if (fr.want_kbtf && !kb && (kb = kernel_btf(opt)) != NULL) {
		/* it reaches kernel structs (BTF-typed helpers, map fields): again with the
		 * kernel's BTF, loaded only for such programs */
		free(fr.f.state);
		for (size_t i = 0; i < fr.extra_cnt; i++)
			free(fr.extra[i].state);
		pthread_mutex_lock(&kb_lock);
		o->kbtf = kb;
		pthread_mutex_unlock(&kb_lock);
		fix_run(o, p, insns, opt, &fr);
	}
	free(insns);
	drop_relocated(p, image, poison);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	res->verdict = fr.verdict;
	res->insns_processed = fr.processed;
	res->states = fr.states;
	res->peak_bytes = fr.peak_bytes;
	res->seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	if (fr.verdict != BV_ACCEPT) {
		size_t n = 1 + fr.extra_cnt;
		struct bv_finding *fd = calloc(n, sizeof(*fd));

		if (!fd) {
			free(fr.f.state);
			for (size_t i = 0; i < fr.extra_cnt; i++)
				free(fr.extra[i].state);
			return BV_ENOMEM;
		}
		for (size_t i = 0; i < n; i++) {
			struct fix_finding *ff = i ? &fr.extra[i - 1] : &fr.f;
			const struct obj_line *l = line_for(p, ff->pc);

			fd[i].rule = ff->rule;
			fd[i].rule_name = ff->rule_name;
			fd[i].pc = ff->pc;
			fd[i].msg = strdup(ff->msg);
			fd[i].state = ff->state;
			fd[i].trace_cnt = ff->trace_cnt;
			memcpy(fd[i].trace, ff->trace, sizeof(fd[i].trace));
			if (l) {
				fd[i].src_file = l->file;
				fd[i].line = l->line;
				fd[i].col = l->col;
				fd[i].src_line = l->src;
			}
		}
		res->findings = fd;
		res->finding_cnt = n;
	} else {
		free(fr.f.state);
	}
	return 0;
}

void bv_result_fini(struct bv_result *res)
{
	for (size_t i = 0; i < res->finding_cnt; i++) {
		free(res->findings[i].msg);
		free(res->findings[i].state);
	}
	free(res->findings);
	memset(res, 0, sizeof(*res));
}

int bv_insn_text(const struct bv_object *bo, size_t idx, int64_t pc, char *buf, size_t size)
{
	const struct obj_prog *p;
	struct insn in;

	if (idx >= bo->o->prog_cnt)
		return BV_EINVAL;
	p = &bo->o->progs[idx];
	if (pc < 0 || (size_t)pc >= p->insn_cnt)
		return BV_EINVAL;
	if (decode_for_display(p->insns, p->insn_cnt, (uint32_t)pc, &in))
		return BV_EFORMAT;
	insn_snprint(buf, size, &in);
	return 0;
}
