/* The one shared N-d broadcasting iterator (NumPy's strided inner-loop model).
 *
 *   xp_iter it;
 *   if (xp__iter_init(&it, nop, ptrs, ndim, shape, strides))
 *       do loop(it.inner_n, it.ptr, it.inner_step, aux);
 *       while (xp__iter_next(&it));
 *
 * Operands are given by base pointers and per-operand byte strides over one
 * common shape (stride 0 on broadcast axes; see xp__bcast_strides). Axes of
 * extent 1 are dropped and adjacent axes merged when every operand allows it,
 * so contiguous operands become one inner loop over the whole array. */
#ifndef XP_ITER_H
#define XP_ITER_H

#include "core.h"

#define XP_ITER_MAXOP 8

typedef struct xp_iter {
    int nop, ndim;
    int64_t size;
    int64_t inner_n;
    int64_t inner_step[XP_ITER_MAXOP];
    char *ptr[XP_ITER_MAXOP];
    int64_t shape[XP_MAX_NDIM];
    int64_t idx[XP_MAX_NDIM];
    int64_t strides[XP_ITER_MAXOP][XP_MAX_NDIM];
} xp_iter;

/** Prepares the iteration; returns false when there is nothing to visit (a zero
 * extent). `strides[k]` has `ndim` byte strides of operand k. */
bool xp__iter_init(xp_iter *it, int nop, char *const *base, int ndim, const int64_t *shape,
                   const int64_t *const *strides);
/** Advances to the next inner loop; false at the end. */
bool xp__iter_next(xp_iter *it);

/** Strides of `x` viewed at the broadcast shape (ndim, shape): right-aligned,
 * 0 where x has extent 1 (or lacks the axis). Shapes must be compatible. */
void xp__bcast_strides(const xp_array *x, int ndim, const int64_t *shape, int64_t *out);

/** Broadcasts `n` shapes; NULL when fine (result in out_ndim/out_shape), else an
 * error array naming fn. */
xp_array *xp__bcast_shapes(const char *fn, int n, const int *ndims, const int64_t *const *shapes,
                           int *out_ndim, int64_t *out_shape);

/** Runs `f` over `nop` arrays broadcast to (ndim, shape); ops[nop-1] is usually
 * the output. Returns the loop's status (first failure stops). */
xp_status xp__iter_run(int nop, const xp_array *const *ops, int ndim, const int64_t *shape,
                       xp_loop_fn f, const void *aux);

/** xp__iter_run on base pointers and byte strides (strides[k]: ndim of operand k). */
xp_status xp__iter_run_raw(int nop, char *const *base, int ndim, const int64_t *shape,
                           const int64_t *const *strides, xp_loop_fn f, const void *aux);

/** xp__iter_run_raw cut into pieces along the first axis of extent > 1 and run on
 * the thread pool when large enough (item_bytes: bytes of all operands per
 * element). Only for loops whose output overlaps no input (fresh outputs): the
 * pieces run in any order. Returns the first failing piece's status. */
xp_status xp__iter_run_split(int nop, char *const *base, int ndim, const int64_t *shape,
                             const int64_t *const *strides, int64_t item_bytes, xp_loop_fn f,
                             const void *aux);

/** xp__iter_run on the thread pool (xp__iter_run_split's rule: fresh outputs). */
xp_status xp__iter_run_par(int nop, const xp_array *const *ops, int ndim, const int64_t *shape,
                           xp_loop_fn f, const void *aux);

/** The conversion loop from one dtype to another (2 operands: in, out). Total:
 * never undefined behaviour (see xp_astype's documentation). */
xp_loop_fn xp__cast_loop(xp_dtype from, xp_dtype to);

/** Copies `src` into `dst`, broadcasting src to dst's shape and converting to
 * dst's dtype. Shapes must be compatible (checked: XP_ERR_VALUE). */
xp_status xp__copy_into(xp_array *dst, const xp_array *src);

/** A new C-contiguous copy of `x` as dtype `dt` (on x's device). */
xp_array *xp__copy_as(const char *fn, const xp_array *x, xp_dtype dt);
/** The same onto device `dev` (host devices only: a plain copy). */
xp_array *xp__copy_to(const char *fn, const xp_array *x, xp_dtype dt, xp_device dev);

#endif
