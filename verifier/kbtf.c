// SPDX-License-Identifier: MIT
/*
 * kbtf: BTF-typed contexts and loads through pointers to kernel structs,
 * decided from the target kernel's BTF. See kbtf.h.
 */
#include "kbtf.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* linux/bpf.h enum bpf_attach_type values used here */
enum {
	KB_AT_RAW_TP = 23,
	KB_AT_FENTRY = 24,
	KB_AT_FEXIT = 25,
	KB_AT_MODIFY_RETURN = 26,
	KB_AT_LSM_MAC = 27,
	KB_AT_ITER = 28,
	KB_AT_LSM_CGROUP = 43,
};

#define KB_MAX_DEPTH 32
#define KB_MAX_CTX_OFF (8 * 12) /* MAX_BPF_FUNC_ARGS u64 slots */
#define MAX_ERRNO 4095

static void errf(char *err, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void errf(char *err, size_t n, const char *fmt, ...)
{
	va_list ap;

	if (!err || !n)
		return;
	va_start(ap, fmt);
	vsnprintf(err, n, fmt, ap);
	va_end(ap);
}

const char *kb_name(const struct btf *kb, uint32_t id)
{
	struct btf_type t;
	const char *s;

	if (!btf_type_get(kb, id, &t))
		return "?";
	s = btf_str(kb, t.name_off);
	return s && *s ? s : "?";
}

static uint32_t kind_of(const struct btf *kb, uint32_t id, struct btf_type *t)
{
	if (!btf_type_get(kb, id, t))
		return BTF_K_UNKN;
	return btf_kind_of(t);
}

static bool is_struct_kind(uint32_t k)
{
	return k == BTF_K_STRUCT || k == BTF_K_UNION;
}

/*
 * Tracepoints whose BTF-typed arguments may be NULL (4 bits per argument: bit 0
 * may be NULL, bit 1 may be an error pointer), as listed by the kernel
 * (btf.c raw_tp_null_args, Linux 6.18).
 */
static const struct {
	const char *tp;
	uint64_t mask;
} null_args[] = {
	{ "sched_pi_setprio", 0x10 },
	{ "sched_stick_numa", 0x100 },
	{ "sched_swap_numa", 0x100 },
	{ "afs_make_fs_call", 0x10 },
	{ "afs_make_fs_calli", 0x10 },
	{ "afs_make_fs_call1", 0x10 },
	{ "afs_make_fs_call2", 0x10 },
	{ "afs_protocol_error", 0x1 },
	{ "afs_flock_ev", 0x10 },
	{ "cachefiles_lookup", 0x1 | 0x200 },
	{ "cachefiles_unlink", 0x1 },
	{ "cachefiles_rename", 0x1 },
	{ "cachefiles_prep_read", 0x1 },
	{ "cachefiles_mark_active", 0x1 },
	{ "cachefiles_mark_failed", 0x1 },
	{ "cachefiles_mark_inactive", 0x1 },
	{ "cachefiles_vfs_error", 0x1 },
	{ "cachefiles_io_error", 0x1 },
	{ "cachefiles_ondemand_open", 0x1 },
	{ "cachefiles_ondemand_copen", 0x1 },
	{ "cachefiles_ondemand_close", 0x1 },
	{ "cachefiles_ondemand_read", 0x1 },
	{ "cachefiles_ondemand_cread", 0x1 },
	{ "cachefiles_ondemand_fd_write", 0x1 },
	{ "cachefiles_ondemand_fd_release", 0x1 },
	{ "ext4_mballoc_discard", 0x10 },
	{ "ext4_mballoc_free", 0x10 },
	{ "fib_table_lookup", 0x100 },
	{ "posix_lock_inode", 0x10 },
	{ "fcntl_setlk", 0x10 },
	{ "locks_remove_posix", 0x10 },
	{ "flock_lock_inode", 0x10 },
	{ "break_lease_noblock", 0x10 },
	{ "break_lease_block", 0x10 },
	{ "break_lease_unblock", 0x10 },
	{ "generic_delete_lease", 0x10 },
	{ "time_out_leases", 0x10 },
	{ "host1x_cdma_push_gather", 0x10000 },
	{ "mm_khugepaged_scan_pmd", 0x10 },
	{ "mm_collapse_huge_page_isolate", 0x1 },
	{ "mm_khugepaged_scan_file", 0x10 },
	{ "mm_khugepaged_collapse_file", 0x10 },
	{ "mm_page_alloc", 0x1 },
	{ "mm_page_pcpu_drain", 0x1 },
	{ "mm_page_alloc_zone_locked", 0x1 },
	{ "netfs_failure", 0x10 },
	{ "device_pm_callback_start", 0x10 },
	{ "qdisc_dequeue", 0x1000 },
	{ "rxrpc_recvdata", 0x1 },
	{ "rxrpc_resend", 0x10 },
	{ "rxrpc_tq", 0x10 },
	{ "rxrpc_client", 0x1 },
	{ "kfree_skb", 0x1000 },
	{ "xs_stream_read_data", 0x1 },
	{ "xprt_reserve_cong", 0x10 },
	{ "xprt_release_cong", 0x10 },
	{ "xprt_get_cong", 0x10 },
	{ "xprt_put_cong", 0x10 },
	{ "tcp_send_reset", 0x11 },
	{ "tcp_sendmsg_locked", 0x100 },
	{ "tegra_dma_tx_status", 0x100 },
	{ "tmigr_update_events", 0x1 },
	{ "writeback_dirty_folio", 0x10 },
	{ "folio_wait_writeback", 0x10 },
	{ "mr_integ_alloc", 0x2000 },
	{ "bpf_testmod_test_read", 0x0 },
	{ "amdgpu_vm_bo_map", 0x1 },
	{ "amdgpu_vm_bo_unmap", 0x1 },
	{ "netfs_folioq", 0x1 },
	{ "xfs_defer_create_intent", 0x1 },
	{ "xfs_defer_cancel_list", 0x1 },
	{ "xfs_defer_pending_finish", 0x1 },
	{ "xfs_defer_pending_abort", 0x1 },
	{ "xfs_defer_relog_intent", 0x1 },
	{ "xfs_defer_isolate_paused", 0x1 },
	{ "xfs_defer_item_pause", 0x1 },
	{ "xfs_defer_item_unpause", 0x1 },
	{ "xfs_defer_add_item", 0x1 },
	{ "xfs_defer_cancel_item", 0x1 },
	{ "xfs_defer_finish_item", 0x1 },
	{ "xfs_ioc_free_eofblocks", 0x10 },
	{ "xfs_blockgc_free_space", 0x10 },
	{ "xfs_btree_updkeys", 0x100 },
	{ "xfs_btree_overlapped_query_range", 0x100 },
	{ "xfs_map_blocks_found", 0x10000 },
	{ "xfs_map_blocks_alloc", 0x10000 },
	{ "xfs_iomap_alloc", 0x1000 },
	{ "xfs_iomap_found", 0x1000 },
	{ "xfs_inodegc_flush", 0x1 },
	{ "xfs_inodegc_push", 0x1 },
	{ "xfs_inodegc_start", 0x1 },
	{ "xfs_inodegc_stop", 0x1 },
	{ "xfs_inodegc_queue", 0x1 },
	{ "xfs_inodegc_throttle", 0x1 },
	{ "xfs_fs_sync_fs", 0x1 },
	{ "xfs_blockgc_start", 0x1 },
	{ "xfs_blockgc_stop", 0x1 },
	{ "xfs_blockgc_worker", 0x1 },
	{ "xfs_blockgc_flush_all", 0x1 },
	{ "xchk_nlinks_live_update", 0x10 },
	{ "xchk_metapath_lookup", 0x100 },
	{ "nfsd_dirent", 0x1 },
	{ "nfsd_file_acquire", 0x1001 },
	{ "nfsd_file_insert_err", 0x1 },
	{ "nfsd_file_cons_err", 0x1 },
	{ "nfs4_setup_sequence", 0x1 },
	{ "pnfs_update_layout", 0x10000 },
	{ "nfs4_inode_callback_event", 0x200 },
	{ "nfs4_inode_stateid_callback_event", 0x200 },
	{ "pnfs_mds_fallback_pg_init_read", 0x10000 },
	{ "pnfs_mds_fallback_pg_init_write", 0x10000 },
	{ "pnfs_mds_fallback_pg_get_mirror_count", 0x10000 },
	{ "pnfs_mds_fallback_read_done", 0x10000 },
	{ "pnfs_mds_fallback_write_done", 0x10000 },
	{ "pnfs_mds_fallback_read_pagelist", 0x10000 },
	{ "pnfs_mds_fallback_write_pagelist", 0x10000 },
	{ "coda_dec_pic_run", 0x10 },
	{ "coda_dec_pic_done", 0x10 },
	{ "cfg80211_scan_done", 0x11 },
	{ "rdev_set_coalesce", 0x10 },
	{ "cfg80211_report_wowlan_wakeup", 0x100 },
	{ "cfg80211_inform_bss_frame", 0x100 },
	{ "cfg80211_michael_mic_failure", 0x10000 },
	{ "wiphy_work_queue", 0x10 },
	{ "wiphy_work_run", 0x10 },
	{ "wiphy_work_cancel", 0x10 },
	{ "wiphy_work_flush", 0x10 },
	{ "hugetlbfs_alloc_inode", 0x10 },
	{ "spufs_context", 0x10 },
	{ "kvm_page_fault_enter", 0x100 },
	{ "dpu_crtc_setup_mixer", 0x100 },
	{ "binder_transaction", 0x100 },
	{ "btree_path_free", 0x100 },
	{ "hfi1_sdma_progress", 0x1000 },
	{ "iptfs_ingress_postq_event", 0x1000 },
	{ "neigh_update", 0x10 },
	{ "amdtp_packet", 0x100 },
};

/* LSM hooks whose arguments are not trusted (bpf_lsm.c untrusted_lsm_hooks) */
static const char *const lsm_untrusted[] = {
	"bpf_lsm_bpf_map_free_security",
	"bpf_lsm_bpf_prog_free_security",
	"bpf_lsm_file_alloc_security",
	"bpf_lsm_file_free_security",
	"bpf_lsm_sk_alloc_security",
	"bpf_lsm_sk_free_security",
	"bpf_lsm_task_free",
};

/* LSM hooks returning a boolean: return range [0, 1] (bpf_lsm.c bool_lsm_hooks) */
static const char *const lsm_bool[] = {
	"bpf_lsm_audit_rule_known",
	"bpf_lsm_inode_xattr_skipcap",
};

static bool in_list(const char *const *l, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(l[i], s) == 0)
			return true;
	return false;
}

int kb_resolve(const struct btf *kb, enum bv_prog_type p_type, uint32_t attach, const char *section,
	       struct kb_target *tg, char *err, size_t err_size)
{
	const char *slash = section ? strchr(section, '/') : NULL;
	char name[256];
	struct btf_type t;
	uint32_t id;

	memset(tg, 0, sizeof(*tg));
	tg->attach = attach;
	if (!slash || !slash[1]) {
		errf(err, err_size, "section %s names no attach target", section ? section : "?");
		return -1;
	}
	tg->name = slash + 1;
	tg->sleepable = (size_t)(slash - section) >= 2 && slash[-2] == '.' && slash[-1] == 's';
	if (p_type == BV_PROG_LSM) {
		if (attach == KB_AT_LSM_CGROUP) {
			errf(err, err_size, "lsm_cgroup programs are not modelled");
			return -1;
		}
		snprintf(name, sizeof(name), "bpf_lsm_%s", tg->name);
		id = btf_find(kb, name, BTF_K_FUNC);
		if (!id) {
			errf(err, err_size, "no LSM hook %s in the kernel BTF", tg->name);
			return -1;
		}
		tg->trusted = !in_list(lsm_untrusted,
				       sizeof(lsm_untrusted) / sizeof(*lsm_untrusted), name);
	} else if (attach == KB_AT_RAW_TP) {
		snprintf(name, sizeof(name), "btf_trace_%s", tg->name);
		id = btf_find(kb, name, BTF_K_TYPEDEF);
		if (!id) {
			errf(err, err_size, "no tracepoint %s in the kernel BTF", tg->name);
			return -1;
		}
		tg->skip = 1;
		tg->trusted = true;
		for (size_t i = 0; i < sizeof(null_args) / sizeof(*null_args); i++)
			if (strcmp(null_args[i].tp, tg->name) == 0) {
				for (int a = 0; a < 16; a++) {
					if (null_args[i].mask & (1ull << (a * 4)))
						tg->null_mask |= 1ull << a;
					if (null_args[i].mask & (2ull << (a * 4)))
						tg->err_mask |= 1ull << a;
				}
				break;
			}
	} else if (attach == KB_AT_ITER) {
		snprintf(name, sizeof(name), "bpf_iter_%s", tg->name);
		id = btf_find(kb, name, BTF_K_FUNC);
		if (!id) {
			errf(err, err_size, "no iterator %s in the kernel BTF", tg->name);
			return -1;
		}
		tg->trusted = true;
		/* the object argument of every iterator is NULL on the last call
		 * (the targets register it PTR_TO_BTF_ID_OR_NULL) */
		tg->null_mask = ~1ull;
	} else if (attach == KB_AT_FENTRY || attach == KB_AT_FEXIT ||
		   attach == KB_AT_MODIFY_RETURN) {
		snprintf(name, sizeof(name), "%s", tg->name);
		id = btf_find(kb, name, BTF_K_FUNC);
		if (!id) {
			errf(err, err_size, "no kernel function %s in the kernel BTF", tg->name);
			return -1;
		}
	} else {
		errf(err, err_size, "attach type %u is not modelled", attach);
		return -1;
	}
	tg->func = id;
	/* FUNC -> FUNC_PROTO; btf_trace_X typedef -> PTR -> FUNC_PROTO */
	for (int depth = 0; depth < KB_MAX_DEPTH; depth++) {
		uint32_t k = kind_of(kb, id, &t);

		if (k == BTF_K_FUNC_PROTO)
			break;
		if (k != BTF_K_FUNC && k != BTF_K_TYPEDEF && k != BTF_K_PTR && k != BTF_K_CONST &&
		    k != BTF_K_VOLATILE && k != BTF_K_TYPE_TAG && k != BTF_K_RESTRICT) {
			errf(err, err_size, "attach target %s has no function prototype", tg->name);
			return -1;
		}
		id = t.size_type;
	}
	if (kind_of(kb, id, &t) != BTF_K_FUNC_PROTO || btf_vlen_of(&t) < tg->skip) {
		errf(err, err_size, "attach target %s has no function prototype", tg->name);
		return -1;
	}
	tg->proto = id;
	tg->nargs = btf_vlen_of(&t) - tg->skip;
	return 0;
}

/* Size of @id rounded up to 8 as a context slot (pointers 8) */
static uint32_t slot_bytes(const struct btf *kb, uint32_t id)
{
	struct btf_type t;
	uint32_t sz = 0;

	id = btf_skip_mods(kb, id);
	if (kind_of(kb, id, &t) == BTF_K_PTR)
		return 8;
	if (btf_size_of(kb, id, &sz) || sz > 1024)
		sz = 8;
	return (sz + 7) & ~7u;
}

/* btf.c:btf_ctx_arg_idx over the whole prototype (the skipped __data included) */
static uint32_t ctx_arg_idx(const struct btf *kb, uint32_t proto, int64_t off)
{
	struct btf_type t;
	struct btf_member m;
	uint32_t n, offset = 0;

	btf_type_get(kb, proto, &t);
	n = btf_vlen_of(&t);
	for (uint32_t i = 0; i < n; i++) {
		if (!btf_member_get(kb, proto, i, &m))
			break;
		offset += slot_bytes(kb, m.type);
		if (off < offset)
			return i;
	}
	if (t.size_type) {
		offset += slot_bytes(kb, t.size_type);
		if (off < offset)
			return n;
	}
	return n + 1;
}

static bool is_small_int_or_enum(const struct btf *kb, uint32_t id)
{
	struct btf_type t;
	uint32_t k = kind_of(kb, id, &t);

	return (k == BTF_K_INT && t.size_type <= 8) || k == BTF_K_ENUM || k == BTF_K_ENUM64;
}

/* The pointee of PTR @ptr: its struct id (0 if not a struct) and the user/percpu/rcu tag */
static uint32_t ptr_target(const struct btf *kb, uint32_t ptr, bool *nodrf, bool *rcu)
{
	struct btf_type t;
	uint32_t id;

	*nodrf = *rcu = false;
	if (kind_of(kb, ptr, &t) != BTF_K_PTR)
		return 0;
	id = t.size_type;
	if (kind_of(kb, id, &t) == BTF_K_TYPE_TAG && !(t.info & 0x80000000u)) {
		const char *tag = btf_str(kb, t.name_off);

		if (tag && (strcmp(tag, "user") == 0 || strcmp(tag, "percpu") == 0))
			*nodrf = true;
		if (tag && strcmp(tag, "rcu") == 0)
			*rcu = true;
	}
	id = btf_skip_mods(kb, id);
	return is_struct_kind(kind_of(kb, id, &t)) ? id : 0;
}

static bool name_ends_with(const char *s, const char *suffix)
{
	size_t a = s ? strlen(s) : 0, b = strlen(suffix);

	return a >= b && strcmp(s + a - b, suffix) == 0;
}

int kb_ctx_access(const struct btf *kb, const struct kb_target *tg, int64_t off, uint32_t size,
		  struct kb_val *out, char *err, size_t err_size)
{
	struct btf_type t, pt;
	struct btf_member m;
	uint32_t arg, nargs = tg->nargs, type;
	bool nodrf, rcu;

	memset(out, 0, sizeof(*out));
	out->scalar = true;
	if (size == 0 || off < 0 || off >= KB_MAX_CTX_OFF || off % size) {
		errf(err, err_size, "invalid context access at offset %lld, size %u",
		     (long long)off, size);
		return -1;
	}
	if (off % 8) {
		errf(err, err_size, "func '%s' offset %lld is not multiple of 8", tg->name,
		     (long long)off);
		return -1;
	}
	arg = ctx_arg_idx(kb, tg->proto, off);
	if (arg > nargs) {
		errf(err, err_size, "func '%s' doesn't have %u-th argument", tg->name, arg + 1);
		return -1;
	}
	btf_type_get(kb, tg->proto, &pt);
	if (arg == nargs) {
		switch (tg->attach) {
		case KB_AT_LSM_MAC:
		case KB_AT_LSM_CGROUP:
		case KB_AT_FEXIT:
			type = pt.size_type;
			break;
		case KB_AT_MODIFY_RETURN:
			type = btf_skip_mods(kb, pt.size_type);
			if (kind_of(kb, type, &t) != BTF_K_INT || t.size_type > 8) {
				errf(err, err_size, "ret type of %s not allowed for fmod_ret",
				     tg->name);
				return -1;
			}
			break;
		default:
			errf(err, err_size, "func '%s' doesn't have %u-th argument", tg->name,
			     arg + 1);
			return -1;
		}
		memset(&m, 0, sizeof(m));
	} else {
		if (!btf_member_get(kb, tg->proto, arg + tg->skip, &m)) {
			errf(err, err_size, "func '%s' argument %u unreadable", tg->name, arg);
			return -1;
		}
		type = m.type;
	}
	type = btf_skip_mods(kb, type);
	if (is_small_int_or_enum(kb, type) || is_struct_kind(kind_of(kb, type, &t)))
		return 0; /* a scalar */
	if (kind_of(kb, type, &t) != BTF_K_PTR) {
		errf(err, err_size, "func '%s' arg%u has type %s: only pointer access is allowed",
		     tg->name, arg, type ? "other than int, enum, struct or pointer" : "void");
		return -1;
	}
	if (size != 8) {
		errf(err, err_size, "func '%s' size %u must be 8", tg->name, size);
		return -1;
	}
	out->id = ptr_target(kb, type, &nodrf, &rcu);
	if (!out->id) {
		/* void and int pointers are scalars for the verifier; anything else
		 * (pointers to pointers, enums, functions) is refused in 6.18 */
		uint32_t pointee = btf_skip_mods(kb, t.size_type);
		struct btf_type pt2;

		if (!t.size_type || !pointee || kind_of(kb, pointee, &pt2) == BTF_K_INT)
			return 0;
		errf(err, err_size, "func '%s' arg%u type is not a struct", tg->name, arg);
		return -1;
	}
	out->scalar = false;
	out->trust = tg->trusted ? KB_TRUSTED : KB_PLAIN;
	if (nodrf)
		out->trust = KB_NODEREF;
	if (arg < 64 && (tg->null_mask >> arg) & 1)
		out->maybe_null = true;
	if (name_ends_with(btf_str(kb, m.name_off), "__nullable"))
		out->maybe_null = true;
	if (arg < 64 && (tg->err_mask >> arg) & 1) {
		memset(out, 0, sizeof(*out));
		out->scalar = true;
	}
	return 0;
}

/* Does the allow-list struct "<parent>__<suffix>" have a member @field pointing to @target? */
static bool safe_field(const struct btf *kb, uint32_t parent, const char *suffix, const char *field,
		       uint32_t target)
{
	char name[320];
	struct btf_type t;
	uint32_t id;

	if (!field)
		return false;
	snprintf(name, sizeof(name), "%s__%s", kb_name(kb, parent), suffix);
	id = btf_find(kb, name, BTF_K_STRUCT);
	if (!id || !btf_type_get(kb, id, &t))
		return false;
	for (uint32_t i = 0; i < btf_vlen_of(&t); i++) {
		struct btf_member m;
		bool nodrf, rcu;
		uint32_t pt;

		if (!btf_member_get(kb, id, i, &m))
			break;
		if (strcmp(btf_str(kb, m.name_off) ? btf_str(kb, m.name_off) : "", field) != 0)
			continue;
		pt = ptr_target(kb, btf_skip_mods(kb, m.type), &nodrf, &rcu);
		return pt && strcmp(kb_name(kb, pt), kb_name(kb, target)) == 0;
	}
	return false;
}

enum walk { W_SCALAR, W_PTR, W_PTR_OTHER, W_ERR };

/* btf.c:btf_struct_walk/btf_struct_access: follow @off into struct @id */
static enum walk walk(const struct btf *kb, uint32_t id, int64_t off, uint32_t size, uint32_t *next,
		      bool *nodrf, bool *rcu, bool *untrusted, const char **field, char *err,
		      size_t err_size)
{
	for (int depth = 0; depth < KB_MAX_DEPTH; depth++) {
		struct btf_type t;
		uint32_t vlen, tsize;
		const char *tname;
		bool found = false;

		id = btf_skip_mods(kb, id);
		tname = kb_name(kb, id);
		if (!is_struct_kind(kind_of(kb, id, &t))) {
			errf(err, err_size, "type '%s' is not a struct", tname);
			return W_ERR;
		}
		vlen = btf_vlen_of(&t);
		tsize = t.size_type;
		if (btf_kind_of(&t) == BTF_K_UNION && vlen != 1)
			*untrusted = true;
		if (off + size > tsize) {
			/* a trailing flexible array may be accessed past the size: ints as
			 * scalars, structs by walking into the element (btf_struct_walk) */
			struct btf_member last;
			struct btf_type at;
			uint32_t elem, nelem, esz, ek;

			if (vlen == 0 || !btf_member_get(kb, id, vlen - 1, &last) ||
			    kind_of(kb, btf_skip_mods(kb, last.type), &at) != BTF_K_ARRAY ||
			    !btf_array_get(kb, btf_skip_mods(kb, last.type), &elem, &nelem) ||
			    nelem != 0 || off < (int64_t)(last.offset / 8)) {
				errf(err, err_size, "access beyond struct %s at off %lld size %u",
				     tname, (long long)off, size);
				return W_ERR;
			}
			elem = btf_skip_mods(kb, elem);
			ek = kind_of(kb, elem, &at);
			if (ek == BTF_K_INT)
				return W_SCALAR;
			if (!is_struct_kind(ek) || btf_size_of(kb, elem, &esz) || esz == 0) {
				errf(err, err_size, "access beyond struct %s at off %lld size %u",
				     tname, (long long)off, size);
				return W_ERR;
			}
			off = (off - (int64_t)(last.offset / 8)) % esz;
			id = elem;
			continue;
		}
		for (uint32_t i = 0; i < vlen; i++) {
			struct btf_member m;
			uint32_t bits, moff, msize = 0, mid, mend;
			struct btf_type mt;
			uint32_t mk;

			if (!btf_member_get(kb, id, i, &m))
				break;
			moff = m.offset / 8;
			if (off + size <= moff)
				break;
			bits = btf_member_bits(kb, id, i);
			if (bits) {
				uint32_t end = (m.offset + bits + 7) / 8;

				if (off <= moff && end <= off + size)
					return W_SCALAR;
				continue;
			}
			if (off < moff)
				break;
			mid = btf_skip_mods(kb, m.type);
			if (btf_size_of(kb, mid, &msize)) {
				errf(err, err_size, "field %s of %s has no size",
				     btf_str(kb, m.name_off) ? btf_str(kb, m.name_off) : "?",
				     tname);
				return W_ERR;
			}
			if (off >= (int64_t)moff + msize)
				continue;
			mend = moff +
			       msize; /* the whole member, also for arrays (btf_struct_walk) */
			mk = kind_of(kb, mid, &mt);
			/* arrays (also multi-dimensional): find the element */
			for (int d = 0; mk == BTF_K_ARRAY && d < KB_MAX_DEPTH; d++) {
				uint32_t elem, nelem, esz;

				if (!btf_array_get(kb, mid, &elem, &nelem) ||
				    btf_size_of(kb, elem, &esz) || esz == 0)
					return W_SCALAR;
				moff += (uint32_t)((off - moff) / esz) * esz;
				msize = esz;
				mid = btf_skip_mods(kb, elem);
				mk = kind_of(kb, mid, &mt);
			}
			if (is_struct_kind(mk)) {
				off -= moff;
				id = mid;
				found = true;
				break;
			}
			if (mk == BTF_K_PTR) {
				if (msize != size || off != moff) {
					errf(err, err_size,
					     "cannot access ptr member %s with moff %u in struct %s "
					     "with off %lld size %u",
					     btf_str(kb, m.name_off) ? btf_str(kb, m.name_off)
								     : "?",
					     moff, tname, (long long)off, size);
					return W_ERR;
				}
				*next = ptr_target(kb, mid, nodrf, rcu);
				*field = btf_str(kb, m.name_off);
				return *next ? W_PTR : W_PTR_OTHER;
			}
			if (off + size > (int64_t)mend && !*untrusted) {
				errf(err, err_size,
				     "access beyond the end of member %s (mend:%u) in struct %s with "
				     "off %lld size %u",
				     btf_str(kb, m.name_off) ? btf_str(kb, m.name_off) : "?", mend,
				     tname, (long long)off, size);
				return W_ERR;
			}
			return W_SCALAR;
		}
		if (!found) {
			errf(err, err_size, "struct %s doesn't have field at offset %lld", tname,
			     (long long)off);
			return W_ERR;
		}
	}
	errf(err, err_size, "struct nesting too deep");
	return W_ERR;
}

int kb_struct_read(const struct btf *kb, uint32_t id, uint8_t trust, bool rcu_cs, int64_t off,
		   uint32_t size, struct kb_val *out, char *err, size_t err_size)
{
	bool nodrf = false, rcu = false, untrusted = false;
	const char *field = NULL;
	uint32_t next = 0;
	enum walk w;

	memset(out, 0, sizeof(*out));
	out->scalar = true;
	if (off < 0 || off > INT32_MAX || size == 0 || size > 8) {
		errf(err, err_size, "invalid access to struct %s at off %lld size %u",
		     kb_name(kb, id), (long long)off, size);
		return -1;
	}
	w = walk(kb, id, off, size, &next, &nodrf, &rcu, &untrusted, &field, err, err_size);
	if (w == W_ERR)
		return -1;
	if (w == W_SCALAR)
		return 0;
	out->scalar = false;
	if (w == W_PTR_OTHER) {
		/* a pointer to a non-struct: read-only untrusted memory for the kernel,
		 * not followed here (id 0) */
		out->trust = KB_UNTRUSTED;
		return 0;
	}
	out->id = next;
	if (trust == KB_UNTRUSTED) {
		out->trust = KB_UNTRUSTED;
	} else if (trust == KB_TRUSTED || trust == KB_RCU) {
		if (safe_field(kb, id, "safe_trusted", field, next)) {
			out->trust = KB_TRUSTED;
		} else if (safe_field(kb, id, "safe_trusted_or_null", field, next)) {
			out->trust = KB_TRUSTED;
			out->maybe_null = true;
		} else if (rcu_cs) {
			if (safe_field(kb, id, "safe_rcu", field, next)) {
				out->trust = KB_RCU;
			} else if (rcu || safe_field(kb, id, "safe_rcu_or_null", field, next)) {
				out->trust = KB_RCU;
				out->maybe_null = true;
			} else if (nodrf) {
				out->trust = KB_NODEREF;
			} else {
				out->trust = untrusted ? KB_UNTRUSTED : KB_PLAIN;
			}
		} else {
			out->trust = KB_UNTRUSTED;
		}
	} else {
		out->trust = untrusted ? KB_UNTRUSTED : KB_PLAIN;
	}
	if (nodrf && out->trust != KB_UNTRUSTED)
		out->trust = KB_NODEREF;
	return 0;
}

int kb_ret_kind(const struct btf *kb, const struct kb_target *tg)
{
	struct btf_type t;
	uint32_t id;

	if (!btf_type_get(kb, tg->proto, &t))
		return 2;
	if (!t.size_type)
		return 0;
	id = btf_skip_mods(kb, t.size_type);
	return is_small_int_or_enum(kb, id) ? 1 : 2;
}

bool kb_lsm_ret_range(const struct btf *kb, const struct kb_target *tg, int64_t *lo, int64_t *hi)
{
	if (kb_ret_kind(kb, tg) != 1)
		return false;
	if (in_list(lsm_bool, sizeof(lsm_bool) / sizeof(*lsm_bool), kb_name(kb, tg->func))) {
		*lo = 0;
		*hi = 1;
	} else {
		*lo = -MAX_ERRNO;
		*hi = 0;
	}
	return true;
}

struct btf *kb_load(const char *path, char *err, size_t err_size)
{
	FILE *f = fopen(path, "rb");
	struct btf *kb = NULL;
	uint8_t *buf = NULL;
	size_t cap = 0, len = 0;
	char why[160];

	if (!f) {
		errf(err, err_size, "%s: %s", path, strerror(errno));
		return NULL;
	}
	{
		/* one read of the whole file when its size is known (sysfs reports it) */
		struct stat st;

		if (fstat(fileno(f), &st) == 0 && st.st_size > 0 && st.st_size < (1 << 30)) {
			cap = (size_t)st.st_size + 1;
			buf = malloc(cap);
			if (!buf) {
				errf(err, err_size, "%s: out of memory", path);
				goto out;
			}
		}
	}
	for (;;) {
		size_t n;

		if (len == cap) {
			uint8_t *nb;

			if (cap >= (size_t)1 << 30) {
				errf(err, err_size, "%s: larger than 1 GiB", path);
				goto out;
			}
			cap = cap ? cap * 2 : (size_t)1 << 20;
			nb = realloc(buf, cap);
			if (!nb) {
				errf(err, err_size, "%s: out of memory", path);
				goto out;
			}
			buf = nb;
		}
		n = fread(buf + len, 1, cap - len, f);
		len += n;
		if (n == 0)
			break;
	}
	if (ferror(f)) {
		errf(err, err_size, "%s: read error", path);
		goto out;
	}
	kb = calloc(1, sizeof(*kb));
	if (!kb) {
		errf(err, err_size, "%s: out of memory", path);
		goto out;
	}
	if (btf_parse(kb, buf, len, false, why, sizeof(why))) {
		errf(err, err_size, "%s: not a BTF file: %s", path, why);
		btf_fini(kb);
		free(kb);
		kb = NULL;
		goto out;
	}
	if (btf_index(kb)) {
		errf(err, err_size, "%s: out of memory", path);
		kb_free(kb);
		kb = NULL;
	}
out:
	free(buf);
	fclose(f);
	return kb;
}

void kb_free(struct btf *kb)
{
	if (!kb)
		return;
	btf_fini(kb);
	free(kb);
}

bool kb_is_a(const struct btf *kb, uint32_t id, const char *name)
{
	/* btf_struct_ids_match: a struct also is what it holds at offset 0 (the first
	 * member of non-zero size; for an array, its element) */
	for (int depth = 0; depth < KB_MAX_DEPTH && id; depth++) {
		struct btf_type t;
		uint32_t next = 0;

		id = btf_skip_mods(kb, id);
		if (strcmp(kb_name(kb, id), name) == 0)
			return true;
		if (!is_struct_kind(kind_of(kb, id, &t)))
			return false;
		for (uint32_t i = 0; i < btf_vlen_of(&t); i++) {
			struct btf_member m;
			uint32_t msz = 0, mid;

			if (!btf_member_get(kb, id, i, &m) || m.offset != 0)
				break;
			mid = btf_skip_mods(kb, m.type);
			if (btf_size_of(kb, mid, &msz) || msz == 0)
				continue;
			for (int d = 0; d < KB_MAX_DEPTH; d++) {
				struct btf_type at;
				uint32_t elem, nelem;

				if (kind_of(kb, mid, &at) != BTF_K_ARRAY ||
				    !btf_array_get(kb, mid, &elem, &nelem))
					break;
				mid = btf_skip_mods(kb, elem);
			}
			next = mid;
			break;
		}
		if (!next)
			return false;
		id = next;
	}
	return false;
}
