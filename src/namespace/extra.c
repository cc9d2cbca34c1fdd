/* The extra module (array-api-extra's helpers): written over the public
 * functions, so every flavor has them. Inside a public call results are plain
 * references (no scope owns them): each function releases its temporaries. */
#include "core.h"

/* ---- sliding_window_view ---------------------------------------------------- */

XP_API xp_array *xp_extra_sliding_window_view(const xp_array *x, int n,
                                              const int64_t *window_shape,
                                              const xp_extra_window_opts *opts) {
    static const char fn[] = "xp_extra_sliding_window_view";
    XP_ENTER;
    xp_array *err = xp__check(fn, "x", x);
    if (err) XP_LEAVE(err);
    int nd = x->ndim, na;
    int64_t axes[XP_MAX_NDIM];
    if (opts && (opts->axes.n || opts->axes.tuple)) {
        na = opts->axes.n;
        for (int i = 0; i < na; i++) {
            int64_t a = opts->axes.v[i];
            if (a < -nd || a >= nd)
                XP_LEAVE(xp__error(XP_ERR_INDEX, fn, "argument 'axis': %lld is out of range for ndim %d",
                                   (long long)a, nd));
            axes[i] = a < 0 ? a + nd : a;
        }
    } else {
        na = nd;
        for (int i = 0; i < nd; i++) axes[i] = i;
    }
    if (n != na || (n && !window_shape))
        XP_LEAVE(xp__error(XP_ERR_VALUE, fn,
                           "argument 'window_shape': %d extents for %d axes", n, na));
    if (nd + na > XP_MAX_NDIM)
        XP_LEAVE(xp__error(XP_ERR_VALUE, fn, "the view would have %d > %d dimensions", nd + na,
                           XP_MAX_NDIM));
    int64_t shape[XP_MAX_NDIM], strides[XP_MAX_NDIM];
    memcpy(shape, x->shape, (size_t)nd * sizeof *shape);
    memcpy(strides, x->strides, (size_t)nd * sizeof *strides);
    for (int i = 0; i < na; i++) {
        int64_t w = window_shape[i], a = axes[i];
        if (w < 0)
            XP_LEAVE(xp__error(XP_ERR_VALUE, fn, "argument 'window_shape': %lld is negative",
                               (long long)w));
        if (w > shape[a])
            XP_LEAVE(xp__error(XP_ERR_VALUE, fn,
                               "argument 'window_shape': window %lld is larger than axis %lld "
                               "(extent %lld)",
                               (long long)w, (long long)a, (long long)shape[a]));
        shape[a] -= w - 1;
        shape[nd + i] = w;
        strides[nd + i] = x->strides[a];
    }
    xp_array *r = xp__view(fn, x, x->dtype, nd + na, shape, strides, x->offset);
    if (!xp_failed(r)) r->flags |= XP__F_READONLY; /* windows overlap: NumPy's writeable=False */
    XP_LEAVE(r);
}

/* ---- vander ------------------------------------------------------------------ */

XP_API xp_array *xp_extra_vander(const xp_array *x, int64_t N, bool increasing) {
    static const char fn[] = "xp_extra_vander";
    XP_ENTER;
    xp_array *err = xp__check(fn, "x", x);
    if (err) XP_LEAVE(err);
    if (x->weak || x->ndim != 1)
        XP_LEAVE(xp__error(XP_ERR_VALUE, fn, "argument 'x' must be a 1-D array"));
    if (x->dtype == XP_BOOL)
        XP_LEAVE(xp__error(XP_ERR_TYPE, fn, "argument 'x': bool is not accepted"));
    if (N == XP_EXTRA_SQUARE) N = x->shape[0];
    if (N < 0) XP_LEAVE(xp__error(XP_ERR_VALUE, fn, "argument 'N': %lld is negative", (long long)N));
    int64_t m = x->shape[0];
    xp_array *r = xp__new(fn, x->dtype, 2, (int64_t[]){m, N}, x->device);
    if (xp_failed(r) || N == 0 || m == 0) XP_LEAVE(r);
    /* column j (increasing order) = x^j by repeated multiplication, as NumPy's
     * multiply.accumulate: x^0 = 1, then each column the previous times x */
    xp_array *prev = NULL;
    xp_status st = XP_OK;
    for (int64_t j = 0; j < N && st == XP_OK; j++) {
        int64_t c = increasing ? j : N - 1 - j;
        xp_array *next = j == 0 ? xp_ones(1, &m, &(xp_create_opts){.dtype = x->dtype, .device = x->device})
                                : xp_multiply(prev, x);
        xp_index key[2] = {XP_ALL, xp_index_int(c)};
        if (xp_failed(next)) {
            st = xp_error_status(next);
            err = xp_retain(next);
        } else {
            st = xp_array_setitem(r, 2, key, next);
        }
        xp_release(prev);
        prev = next;
    }
    xp_release(prev);
    if (st != XP_OK) {
        xp_release(r);
        XP_LEAVE(err ? err : xp__error(st, fn, "%s", xp_last_error_message()));
    }
    XP_LEAVE(r);
}

/* ---- lstsq ------------------------------------------------------------------- */

XP_API xp_array *xp_extra_lstsq(const xp_array *a, const xp_array *b) {
    static const char fn[] = "xp_extra_lstsq";
    XP_ENTER;
    xp_array *err = xp__check(fn, "a", a);
    if (!err) err = xp__check(fn, "b", b);
    if (err) XP_LEAVE(err);
    if (a->ndim != 2)
        XP_LEAVE(xp__error(XP_ERR_VALUE, fn, "argument 'a' must be 2-D, not %d-D", a->ndim));
    if ((b->ndim != 1 && b->ndim != 2) || b->shape[0] != a->shape[0])
        XP_LEAVE(xp__error(XP_ERR_VALUE, fn,
                           "argument 'b' must be (M,) or (M, K) with M = %lld rows of 'a'",
                           (long long)a->shape[0]));
    if (!(xp_dtype_kind(a->dtype) & XP_KIND_FLOATING) ||
        !(xp_dtype_kind(b->dtype) & XP_KIND_FLOATING))
        XP_LEAVE(xp__error(XP_ERR_TYPE, fn, "arguments 'a' and 'b' must be floating (%s, %s)",
                           xp_dtype_name(a->dtype), xp_dtype_name(b->dtype)));
    xp_array *p = xp_linalg_pinv(a, NULL);
    xp_array *r = xp_matmul(p, b);
    xp_release(p);
    XP_LEAVE(r);
}

/* ---- next_fast_len ------------------------------------------------------------ */

XP_API int64_t xp_extra_next_fast_len(int64_t target, bool real) {
    static const char fn[] = "xp_extra_next_fast_len";
    if (target < 0) {
        xp__status_error(XP_ERR_VALUE, fn, "argument 'target': %lld is negative", (long long)target);
        return -1;
    }
    if (target <= 6) return target;
    /* the smallest p2 * r >= target over the odd smooth parts r */
    const int primes[] = {3, 5, 7, 11};
    int np = real ? 2 : 4;
    int64_t best = INT64_MAX;
    /* walk odd smooth numbers r <= 2 * target by a small recursive product */
    int64_t stack[64];
    int top = 0;
    int start[64];
    stack[top] = 1;
    start[top++] = 0;
    while (top) {
        int64_t r = stack[--top];
        int s = start[top];
        int64_t n = r;
        while (n < target) n *= 2; /* multiply by 2 until it reaches the target */
        if (n < best) best = n;
        for (int k = s; k < np; k++) {
            int64_t q;
            if (__builtin_mul_overflow(r, primes[k], &q) || q >= best) continue;
            if (top < 64) {
                stack[top] = q;
                start[top++] = k;
            }
        }
    }
    if (best == INT64_MAX || best < target) {
        xp__status_error(XP_ERR_OVERFLOW, fn, "argument 'target': no fast length fits int64");
        return -1;
    }
    return best;
}

/* ---- at ------------------------------------------------------------------------ */

XP_API xp_array *xp_extra_at(const xp_array *x, int n, const xp_index *key, xp_extra_at_op op,
                             const xp_array *y) {
    static const char fn[] = "xp_extra_at";
    XP_ENTER;
    xp_array *err = xp__check(fn, "x", x);
    if (!err) err = xp__check(fn, "y", y);
    if (err) XP_LEAVE(err);
    if ((unsigned)op > XP_AT_MAX)
        XP_LEAVE(xp__error(XP_ERR_VALUE, fn, "argument 'op': %d is not an update", (int)op));
    xp_array *r = xp_asarray(x, &(xp_asarray_opts){.copy = XP_COPY_TRUE});
    if (xp_failed(r)) XP_LEAVE(r);
    xp_array *v = NULL;
    if (op == XP_AT_SET) {
        v = xp_retain(y);
    } else {
        xp_array *sel = xp_array_getitem(r, n, key);
        switch (op) {
        case XP_AT_ADD: v = xp_add(sel, y); break;
        case XP_AT_SUBTRACT: v = xp_subtract(sel, y); break;
        case XP_AT_MULTIPLY: v = xp_multiply(sel, y); break;
        case XP_AT_DIVIDE: v = xp_divide(sel, y); break;
        case XP_AT_POWER: v = xp_pow(sel, y); break;
        case XP_AT_MIN: v = xp_minimum(sel, y); break;
        case XP_AT_MAX: v = xp_maximum(sel, y); break;
        default: break;
        }
        xp_release(sel);
        if (!xp_failed(v) && v->dtype != x->dtype) {
            xp_dtype got = v->dtype;
            xp_release(v);
            v = xp__error(XP_ERR_TYPE, fn,
                          "the update gives %s, not x's dtype %s (NumPy's in-place rule)",
                          xp_dtype_name(got), xp_dtype_name(x->dtype));
        }
    }
    if (xp_failed(v)) {
        xp_release(r);
        XP_LEAVE(v);
    }
    xp_status st = xp_array_setitem(r, n, key, v);
    xp_release(v);
    if (st != XP_OK) {
        xp_release(r);
        XP_LEAVE(xp__error(st, fn, "%s", xp_last_error_message()));
    }
    XP_LEAVE(r);
}

XP_API xp_array *xp_extra_at_set(const xp_array *x, int n, const xp_index *key, const xp_array *y) {
    return xp_extra_at(x, n, key, XP_AT_SET, y);
}
XP_API xp_array *xp_extra_at_add(const xp_array *x, int n, const xp_index *key, const xp_array *y) {
    return xp_extra_at(x, n, key, XP_AT_ADD, y);
}
XP_API xp_array *xp_extra_at_multiply(const xp_array *x, int n, const xp_index *key,
                                      const xp_array *y) {
    return xp_extra_at(x, n, key, XP_AT_MULTIPLY, y);
}

/* ---- apply_where ------------------------------------------------------------------ */

/* Runs a user function as user code: its own scope, call depth 0; returns a
 * reference we own. */
static xp_array *call_user(xp_extra_fn f, int n, const xp_array *const *args, void *ctx) {
    int depth = xp__depth_suspend();
    xp_scope_begin();
    xp_array *r = xp_retain(f(n, args, ctx));
    xp_scope_end();
    xp__depth_resume(depth);
    return r ? r : xp__error(XP_ERR_VALUE, "xp_extra_apply_where", "a function returned NULL");
}

/* f applied to the elements of args selected by mask (1-D results). */
static xp_array *apply_masked(xp_extra_fn f, const xp_array *mask, int n,
                              const xp_array *const *bargs, void *ctx) {
    xp_array *sel[XP_MAX_NDIM];
    xp_array *err = NULL;
    xp_index key = xp_index_array(mask);
    for (int i = 0; i < n; i++) {
        sel[i] = xp_array_getitem(bargs[i], 1, &key);
        if (!err && xp_failed(sel[i])) err = xp_retain(sel[i]);
    }
    xp_array *r = err ? err : call_user(f, n, (const xp_array *const *)sel, ctx);
    for (int i = 0; i < n; i++) xp_release(sel[i]);
    return r;
}

XP_API xp_array *xp_extra_apply_where(const xp_array *cond, int n, const xp_array *const *args,
                                      xp_extra_fn f1, xp_extra_fn f2, void *ctx,
                                      const xp_array *fill) {
    static const char fn[] = "xp_extra_apply_where";
    XP_ENTER;
    xp_array *err = xp__check(fn, "cond", cond);
    for (int i = 0; !err && i < n; i++) err = xp__check(fn, "args", args ? args[i] : NULL);
    if (!err && (n < 1 || n > XP_MAX_NDIM - 1))
        err = xp__error(XP_ERR_VALUE, fn, "argument 'n': %d arguments (1 to 63)", n);
    if (!err && cond->dtype != XP_BOOL)
        err = xp__error(XP_ERR_TYPE, fn, "argument 'cond' must be bool, not %s",
                        xp_dtype_name(cond->dtype));
    if (!err && !f1) err = xp__error(XP_ERR_TYPE, fn, "argument 'f1' is NULL");
    if (!err && !f2 && !fill)
        err = xp__error(XP_ERR_TYPE, fn, "arguments 'f2' and 'fill_value' are both NULL");
    if (!err && fill) err = xp__check(fn, "fill_value", fill);
    if (err) XP_LEAVE(err);
    /* broadcast cond and the arguments to one shape */
    const xp_array *in[XP_MAX_NDIM];
    xp_array *b[XP_MAX_NDIM];
    in[0] = cond;
    for (int i = 0; i < n; i++) in[i + 1] = args[i];
    memset(b, 0, sizeof b);
    if (xp_broadcast_arrays(n + 1, in, b) != XP_OK) {
        xp_array *e = xp_retain(b[0]);
        for (int i = 0; i <= n; i++) xp_release(b[i]);
        XP_LEAVE(e);
    }
    xp_array *notc = xp_logical_not(b[0]);
    xp_array *r1 = apply_masked(f1, b[0], n, (const xp_array *const *)b + 1, ctx);
    xp_array *r2 = f2 ? apply_masked(f2, notc, n, (const xp_array *const *)b + 1, ctx)
                      : xp_retain(fill);
    xp_array *r = NULL;
    if (xp_failed(notc)) r = xp_retain(notc);
    else if (xp_failed(r1)) r = xp_retain(r1);
    else if (xp_failed(r2)) r = xp_retain(r2);
    if (!r) {
        const xp_array *two[2] = {r1, r2};
        xp_dtype dt;
        xp_status st = xp_result_type(2, two, 0, NULL, &dt);
        if (st != XP_OK) {
            r = xp__error(st, fn, "the results of f1 and f2 (or fill_value) do not promote");
        } else {
            r = xp_empty(b[0]->ndim, b[0]->shape,
                         &(xp_create_opts){.dtype = dt, .device = b[0]->device});
            xp_index k1 = xp_index_array(b[0]), k2 = xp_index_array(notc);
            if (!xp_failed(r) && ((st = xp_array_setitem(r, 1, &k1, r1)) != XP_OK ||
                                  (st = xp_array_setitem(r, 1, &k2, r2)) != XP_OK)) {
                xp_release(r);
                r = xp__error(st, fn, "%s", xp_last_error_message());
            }
        }
    }
    xp_release(r1);
    xp_release(r2);
    xp_release(notc);
    for (int i = 0; i <= n; i++) xp_release(b[i]);
    XP_LEAVE(r);
}
