/* Chainable forms of the standard's multi-output functions: one array holding
 * the outputs along a new leading axis (output k is r[k], a view), so they chain
 * and travel through the error model like every other function. */
#include "core.h"

/* Stacks n outputs (releasing them); an error output is returned as the result. */
static xp_array *stack_outputs(int n, xp_array **out) {
    xp_array *r = NULL;
    for (int i = 0; i < n && !r; i++)
        if (xp_failed(out[i])) r = xp_retain(out[i]);
    if (!r) r = xp_stack(n, (const xp_array *const *)out, NULL);
    for (int i = 0; i < n; i++) xp_release(out[i]);
    return r;
}

/* Checks n array arguments; NULL when fine. */
static xp_array *check_n(const char *fn, int n, const xp_array *const *arrays) {
    if (n < 1 || !arrays)
        return xp__error(XP_ERR_VALUE, fn, "argument 'arrays': at least one array is needed");
    for (int i = 0; i < n; i++) {
        xp_array *err = xp__check(fn, "arrays", arrays[i]);
        if (err) return err;
    }
    return NULL;
}

XP_API xp_array *xp_nonzero_stacked(const xp_array *x) {
    static const char fn[] = "xp_nonzero_stacked";
    XP_ENTER;
    xp_array *err = xp__check(fn, "x", x);
    if (err) XP_LEAVE(err);
    if (x->ndim == 0) XP_LEAVE(xp__error(XP_ERR_VALUE, fn, "argument 'x': 0-D input is not allowed"));
    xp_array *out[XP_MAX_NDIM] = {0};
    if (xp_nonzero(x, out) != XP_OK) {
        for (int i = 1; i < x->ndim; i++) xp_release(out[i]);
        XP_LEAVE(out[0]);
    }
    XP_LEAVE(stack_outputs(x->ndim, out));
}

XP_API xp_array *xp_meshgrid_stacked(int n, const xp_array *const *arrays, xp_indexing indexing) {
    static const char fn[] = "xp_meshgrid_stacked";
    XP_ENTER;
    xp_array *err = check_n(fn, n, arrays);
    if (err) XP_LEAVE(err);
    if (n > XP_MAX_NDIM)
        XP_LEAVE(xp__error(XP_ERR_VALUE, fn, "argument 'n': %d arrays exceed %d dimensions", n,
                           XP_MAX_NDIM));
    xp_array *out[XP_MAX_NDIM] = {0};
    xp_meshgrid(n, arrays, indexing, out);
    XP_LEAVE(stack_outputs(n, out));
}

XP_API xp_array *xp_broadcast_arrays_stacked(int n, const xp_array *const *arrays) {
    static const char fn[] = "xp_broadcast_arrays_stacked";
    XP_ENTER;
    xp_array *err = check_n(fn, n, arrays);
    if (err) XP_LEAVE(err);
    xp_array **out = xp__scratch((size_t)n * sizeof *out);
    if (!out) XP_LEAVE(xp__oom());
    memset(out, 0, (size_t)n * sizeof *out);
    xp_broadcast_arrays(n, arrays, out);
    xp_array *r = stack_outputs(n, out);
    xp__scratch_free(out, (size_t)n * sizeof *out);
    XP_LEAVE(r);
}

XP_API xp_array *xp_unstack_stacked(const xp_array *x, const xp_stack_opts *opts) {
    static const char fn[] = "xp_unstack_stacked";
    XP_ENTER;
    xp_array *err = xp__check(fn, "x", x);
    if (err) XP_LEAVE(err);
    int64_t axis = opts ? opts->axis : 0;
    if (x->ndim == 0 || axis < -x->ndim || axis >= x->ndim)
        XP_LEAVE(xp__error(XP_ERR_INDEX, fn, "argument 'axis': %lld is out of range for ndim %d",
                           (long long)axis, x->ndim));
    int64_t zero = 0;
    XP_LEAVE(xp_moveaxis(x, 1, &axis, 1, &zero));
}
