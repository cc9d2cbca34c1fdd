/* Elementwise functions: the shared dispatch and the public entry points.
 *
 * Order of work: validate the arguments, resolve dtypes (weak scalars, promotion,
 * the function's dtype rule), broadcast, allocate the output, run the adapter
 * loop. Two fast paths skip the general machinery: both operands contiguous with
 * the same shape and the computation dtype, and an array with a Python scalar. */
#include "ew.h"
#include "pool.h"

/* The contiguous fast paths' loop call: large calls are cut into pieces on the
 * thread pool (every element is computed alone, so the pieces change no bit);
 * small ones go straight to the adapter loop. */
__attribute__((noinline)) static xp_status run_flat_pool(xp_op op, xp_dtype ct, int64_t n,
                                                         int nargs, char **args,
                                                         const int64_t *steps, int64_t item) {
    xp__chain_aux chain = {op, ct, NULL};
    const int64_t *sp[3] = {&steps[0], &steps[1], &steps[nargs > 2 ? 2 : 1]};
    return xp__iter_run_split(nargs, args, 1, &n, sp, item, xp__chain_loop, &chain);
}

static inline xp_status run_flat(xp_op op, xp_dtype ct, int64_t n, int nargs, char **args,
                                 const int64_t *steps) {
    int64_t item = steps[0] + steps[1] + (nargs > 2 ? steps[2] : 0);
    if (__builtin_expect(n * item < XP__PAR_MIN_BYTES, 1))
        return xp__loop_call(op, ct, n, args, steps, NULL);
    return run_flat_pool(op, ct, n, nargs, args, steps, item);
}

static xp_array *loop_missing(const char *fn, xp_dtype ct) {
    xp_array *refused = xp__adapters_error(fn);
    if (refused) return refused;
    return xp__error(XP_ERR_NOT_IMPLEMENTED, fn, "no adapter of this backend provides it for %s",
                     xp_dtype_name(ct));
}

static xp_array *loop_failed(const char *fn, xp_op op, xp_status st) {
    if (st == XP_ERR_VALUE && op == XP_OP_pow)
        return xp__error(st, fn, "integers to negative integer powers are not allowed");
    return xp__error(st, fn, "the kernel failed");
}

static bool same_shape(const xp_array *a, const xp_array *b) {
    if (a->ndim != b->ndim) return false;
    for (int d = 0; d < a->ndim; d++)
        if (a->shape[d] != b->shape[d]) return false;
    return true;
}

/* x as a C-contiguous operand of dtype ct: a new reference (maybe x itself). */
static xp_array *as_dtype(const char *fn, const xp_array *x, xp_dtype ct) {
    if (x->dtype == ct && !x->weak) return xp_retain(x);
    return xp__copy_as(fn, x, ct);
}

/* A weak scalar's value converted to ct, written to buf (16 bytes). */
static void scalar_as(const xp_array *s, xp_dtype ct, void *buf) {
    char *args[2] = {xp__data(s), (char *)buf};
    int64_t steps[2] = {0, 0};
    xp__cast_loop(s->dtype, ct)(1, args, steps, NULL);
}

/* Runs `f` over the broadcast of a (converted) operand list into a new output. */
static xp_array *general(const char *fn, xp_op op, xp_loop_fn f, xp_dtype ct, int nin,
                         const xp_array *const *xs, const void *aux) {
    xp_array *ops[XP_ITER_MAXOP] = {0};
    xp_array *r = NULL;
    int ndims[4];
    const int64_t *shapes[4];
    int nd;
    int64_t shape[XP_MAX_NDIM];
    xp_device dev = xp__default_device();
    for (int i = 0; i < nin; i++) {
        ndims[i] = xs[i]->ndim;
        shapes[i] = xs[i]->shape;
        if (!xs[i]->weak) dev = xs[i]->device;
    }
    r = xp__bcast_shapes(fn, nin, ndims, shapes, &nd, shape);
    if (r) return r;
    for (int i = 0; i < nin; i++) {
        ops[i] = as_dtype(fn, xs[i], ct);
        if (xp_failed(ops[i])) {
            r = xp_retain(ops[i]);
            goto done;
        }
    }
    r = xp__new(fn, xp__ew_out_dtype(op, ct), nd, shape, dev);
    if (xp_failed(r)) goto done;
    ops[nin] = r;
    xp__chain_aux chain = {op, ct, aux};
    (void)f;
    xp_status st =
        xp__iter_run_par(nin + 1, (const xp_array *const *)ops, nd, shape, xp__chain_loop, &chain);
    if (st != XP_OK) {
        xp_release(r);
        r = loop_failed(fn, op, st);
    }
    ops[nin] = NULL;
done:
    for (int i = 0; i < nin; i++) xp_release(ops[i]);
    return r;
}

xp_array *xp__ew_unary(xp_op op, const xp_array *x) {
    const xp__ew_info *in = &xp__ew_table[op];
    xp_array *err = xp__check(in->fn, "x", x);
    if (err) return err;
    xp_kind k = xp_dtype_kind(x->dtype);
    xp_dtype ct = x->dtype;
    if (in->to_float && (k & XP_KIND_INTEGRAL))
        ct = XP_FLOAT64;
    else if (!(k & in->kinds))
        return xp__error(XP_ERR_TYPE, in->fn, "argument 'x': dtype %s is not accepted",
                         xp_dtype_name(x->dtype));
    xp_loop_fn f = xp_adapter_loop(op, ct);
    if (!f) return loop_missing(in->fn, ct);
    if (ct == x->dtype && xp__is_c_contig(x)) {
        xp_dtype od = xp__ew_out_dtype(op, ct);
        xp_array *r = xp__new(in->fn, od, x->ndim, x->shape, x->device);
        if (xp_failed(r) || r->size == 0) return r;
        char *args[2] = {xp__data(x), xp__data(r)};
        int64_t steps[2] = {(int64_t)xp_dtype_size(ct), (int64_t)xp_dtype_size(od)};
        xp_status st = run_flat(op, ct, r->size, 2, args, steps);
        if (st == XP_OK) return r;
        xp_release(r);
        return loop_failed(in->fn, op, st);
    }
    return general(in->fn, op, f, ct, 1, &x, NULL);
}

xp_array *xp__ew_binary(xp_op op, const xp_array *x1, const xp_array *x2) {
    const xp__ew_info *in = &xp__ew_table[op];
    xp_array *err = xp__check(in->fn, "x1", x1);
    if (err || (err = xp__check(in->fn, "x2", x2))) return err;
    xp_dtype ct;
    if ((err = xp__ew_resolve2(op, x1, x2, &ct))) return err;
    xp_loop_fn f = xp_adapter_loop(op, ct);
    if (!f) return loop_missing(in->fn, ct);
    xp_dtype od = xp__ew_out_dtype(op, ct);
    int64_t is = (int64_t)xp_dtype_size(ct), os = (int64_t)xp_dtype_size(od);
    const xp_array *arr = NULL, *sc = NULL;
    if (!x1->weak && !x2->weak) {
        /* fast path: same shape, contiguous, already in the computation dtype */
        if (x1->dtype == ct && x2->dtype == ct && same_shape(x1, x2) && xp__is_c_contig(x1) &&
            xp__is_c_contig(x2)) {
            xp_array *r = xp__new(in->fn, od, x1->ndim, x1->shape, x1->device);
            if (xp_failed(r) || r->size == 0) return r;
            char *args[3] = {xp__data(x1), xp__data(x2), xp__data(r)};
            int64_t steps[3] = {is, is, os};
            xp_status st = run_flat(op, ct, r->size, 3, args, steps);
            if (st == XP_OK) return r;
            xp_release(r);
            return loop_failed(in->fn, op, st);
        }
    } else if (!x1->weak) {
        arr = x1, sc = x2;
    } else if (!x2->weak) {
        arr = x2, sc = x1;
    }
    if (arr && arr->dtype == ct && xp__is_c_contig(arr)) {
        /* fast path: a contiguous array with a Python scalar (step 0) */
        _Alignas(16) char buf[16];
        scalar_as(sc, ct, buf);
        xp_array *r = xp__new(in->fn, od, arr->ndim, arr->shape, arr->device);
        if (xp_failed(r) || r->size == 0) return r;
        char *args[3] = {xp__data(x1), xp__data(x2), xp__data(r)};
        int64_t steps[3] = {is, is, os};
        args[arr == x1 ? 1 : 0] = buf;
        steps[arr == x1 ? 1 : 0] = 0;
        xp_status st = run_flat(op, ct, r->size, 3, args, steps);
        if (st == XP_OK) return r;
        xp_release(r);
        return loop_failed(in->fn, op, st);
    }
    const xp_array *xs[2] = {x1, x2};
    return general(in->fn, op, f, ct, 2, xs, NULL);
}

xp_status xp__ew_binary_into(xp_op op, xp_dtype ct, const xp_array *x1, const xp_array *x2,
                             xp_array *out, xp_array **err) {
    const char *fn = xp__ew_table[op].fn;
    *err = NULL;
    xp_loop_fn f = xp_adapter_loop(op, ct);
    if (!f) {
        *err = loop_missing(fn, ct);
        return XP_ERR_NOT_IMPLEMENTED;
    }
    xp_array *a = as_dtype(fn, x1, ct), *b = as_dtype(fn, x2, ct);
    xp_status st = XP_OK;
    if (xp_failed(a) || xp_failed(b)) {
        *err = xp_retain(xp_failed(a) ? a : b);
        st = xp_error_status(*err);
    } else {
        const xp_array *ops[3] = {a, b, out};
        xp__chain_aux chain = {op, ct, NULL};
        st = xp__iter_run(3, ops, out->ndim, out->shape, xp__chain_loop, &chain);
        if (st != XP_OK) *err = loop_failed(fn, op, st);
    }
    xp_release(a);
    xp_release(b);
    return st;
}

/* clip(x, min, max): bounds are arrays, Python scalars or NULL (None). */
XP_API xp_array *xp_clip(const xp_array *x, const xp_array *min, const xp_array *max) {
    XP_ENTER;
    const char *fn = "xp_clip";
    xp_array *err = xp__check(fn, "x", x);
    if (!err && min) err = xp__check(fn, "min", min);
    if (!err && max) err = xp__check(fn, "max", max);
    if (err) XP_LEAVE(err);
    xp_dtype ct = x->dtype;
    if (!(xp_dtype_kind(ct) & (XP_KIND_INTEGRAL | XP_KIND_REAL_FLOATING)))
        XP_LEAVE(xp__error(XP_ERR_TYPE, fn, "argument 'x': dtype %s is not accepted",
                           xp_dtype_name(ct)));
    const xp_array *bounds[2] = {min, max};
    const char *names[2] = {"min", "max"};
    for (int i = 0; i < 2; i++) {
        const xp_array *m = bounds[i];
        if (!m) continue;
        if (m->weak) {
            xp_dtype w = xp__weak_dtype(m->weak, ct);
            if (w != ct)
                XP_LEAVE(xp__error(XP_ERR_TYPE, fn, "argument '%s': a Python scalar of this kind "
                                   "does not fit dtype %s", names[i], xp_dtype_name(ct)));
            if (!xp__weak_int_fits(m, ct))
                XP_LEAVE(xp__error(XP_ERR_VALUE, fn, "argument '%s': out of range for %s",
                                   names[i], xp_dtype_name(ct)));
        } else if (xp_promote_types(ct, m->dtype) != ct) {
            XP_LEAVE(xp__error(XP_ERR_TYPE, fn, "argument '%s': dtype %s does not promote to "
                               "x's dtype %s", names[i], xp_dtype_name(m->dtype),
                               xp_dtype_name(ct)));
        } else if (m->device != x->device) {
            XP_LEAVE(xp__error(XP_ERR_DEVICE, fn, "argument '%s' is on another device", names[i]));
        }
    }
    xp_loop_fn f = xp_adapter_loop(XP_OP_clip, ct);
    if (!f) XP_LEAVE(loop_missing(fn, ct));
    xp_clip_aux aux = {min != NULL, max != NULL};
    const xp_array *xs[3] = {x, min ? min : x, max ? max : x};
    XP_LEAVE(general(fn, XP_OP_clip, f, ct, 3, xs, &aux));
}

/* ---- public entry points -------------------------------------------------- */
#define UNARY(name)                                              \
    XP_API xp_array *xp_##name(const xp_array *x) {              \
        XP_ENTER;                                                \
        XP_LEAVE(xp__ew_unary(XP_OP_##name, x));                 \
    }
#define BINARY(name)                                                       \
    XP_API xp_array *xp_##name(const xp_array *x1, const xp_array *x2) {   \
        XP_ENTER;                                                          \
        XP_LEAVE(xp__ew_binary(XP_OP_##name, x1, x2));                     \
    }

UNARY(abs) UNARY(acos) UNARY(acosh) BINARY(add) UNARY(asin) UNARY(asinh) UNARY(atan)
BINARY(atan2) UNARY(atanh) BINARY(bitwise_and) BINARY(bitwise_left_shift) UNARY(bitwise_invert)
BINARY(bitwise_or) BINARY(bitwise_right_shift) BINARY(bitwise_xor) UNARY(ceil) UNARY(conj)
BINARY(copysign) UNARY(cos) UNARY(cosh) BINARY(divide) BINARY(equal) UNARY(exp) UNARY(expm1)
UNARY(floor) BINARY(floor_divide) BINARY(greater) BINARY(greater_equal) BINARY(hypot)
UNARY(imag) UNARY(isfinite) UNARY(isinf) UNARY(isnan) BINARY(less) BINARY(less_equal)
UNARY(log) UNARY(log1p) UNARY(log2) UNARY(log10) BINARY(logaddexp) BINARY(logical_and)
UNARY(logical_not) BINARY(logical_or) BINARY(logical_xor) BINARY(maximum) BINARY(minimum)
BINARY(multiply) UNARY(negative) BINARY(nextafter) BINARY(not_equal) UNARY(positive)
BINARY(pow) UNARY(real) UNARY(reciprocal) BINARY(remainder) UNARY(round) UNARY(sign)
UNARY(signbit) UNARY(sin) UNARY(sinh) UNARY(square) UNARY(sqrt) BINARY(subtract) UNARY(tan)
UNARY(tanh) UNARY(trunc)
