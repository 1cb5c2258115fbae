/* SPDX-License-Identifier: MIT */
/*
 * fix: the abstract interpreter. It runs a program from its entry state over
 * the decoded instructions and decides accept / reject / inconclusive.
 *
 * Design (see fix.c for the details): a path-sensitive exploration in the
 * manner of the kernel verifier, i.e. trace partitioning by branch outcome
 * with no bound on the number of partitions but three things that keep it
 * finite and fast: (1) at every jump target a state subsumed by an already
 * fully explored state at that point is dropped (sound: everything reachable
 * from it was already checked); (2) registers that are dead at a point
 * (static liveness) are ignored in that comparison; (3) a budget of processed
 * instructions. Loops are unrolled; a loop-head state equal to one of its own
 * ancestors is an infinite loop.
 */
#ifndef BV_VERIFIER_FIX_H
#define BV_VERIFIER_FIX_H

#include "../include/bpfverify.h"
#include "insn.h"
#include "obj.h"

struct fix_finding {
	const char *rule; /* "P5.2" */
	const char *rule_name; /* "pkt-oob" */
	uint32_t pc;
	char msg[384];
	char *state; /* malloc'd abstract state text at the failure, or NULL */
	uint32_t trace[8]; /* instructions before @pc on the failing path, oldest first */
	uint32_t trace_cnt;
};

#define FIX_MAX_EXTRA 15

struct fix_result {
	enum bv_verdict verdict;
	struct fix_finding f; /* the (first) finding, when not accepted */
	struct fix_finding extra[FIX_MAX_EXTRA]; /* with opt->all_errors: further findings */
	size_t extra_cnt;
	uint64_t processed; /* instructions interpreted */
	uint64_t states; /* states stored at prune points */
	size_t peak_bytes;
	bool want_kbtf; /* the kernel's BTF was missing for something this program does */
};

/* Verify @p (decoded into @insns, p->insn_cnt slots) of @o. */
void fix_run(const struct obj *o, const struct obj_prog *p, const struct insn *insns,
	     const struct bv_options *opt, struct fix_result *res);

struct vstate;

/*
 * Observation hook for self-checks: @pre is called with every abstract state
 * the interpreter reaches, before it interprets instruction @pc (states that
 * are pruned are not reported: a state that subsumes them was). The state is
 * borrowed for the duration of the call (see state.h for its layout).
 */
struct fix_hook {
	void *ctx;
	void (*pre)(void *ctx, uint32_t pc, const struct vstate *s);
};

void fix_run_hooked(const struct obj *o, const struct obj_prog *p, const struct insn *insns,
		    const struct bv_options *opt, struct fix_result *res, const struct fix_hook *h);

#endif
