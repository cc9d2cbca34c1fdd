/* Elementwise functions: the per-function dtype rules and the shared dispatch
 * (validation, weak scalars, promotion, broadcasting, output allocation, loop). */
#ifndef XP_EW_H
#define XP_EW_H

#include "iter.h"

/* What a function's output dtype is, given the dtype the computation runs in. */
enum { XP__OUT_SAME, XP__OUT_BOOL, XP__OUT_REAL };

typedef struct xp__ew_info {
    const char *fn;   /* public name, for messages: "xp_add" */
    uint8_t arity;
    uint8_t kinds;    /* xp_kind flags the computation dtype may have */
    uint8_t out;      /* XP__OUT_* */
    bool to_float;    /* integer inputs are computed in float64 (NumPy's choice) */
} xp__ew_info;

extern const xp__ew_info xp__ew_table[XP_OP_COUNT];

/** The output dtype of `op` computed in dtype `ct`. */
xp_dtype xp__ew_out_dtype(xp_op op, xp_dtype ct);

/** Resolves the operand dtypes of a binary op: weak scalars take the other
 * operand's dtype, then promotion and the function's dtype rule. Writes the
 * computation dtype; NULL when fine, else an error array naming the function. */
xp_array *xp__ew_resolve2(xp_op op, const xp_array *x1, const xp_array *x2, xp_dtype *ct);

/** Unary / binary elementwise call (no XP_ENTER: the public wrappers do it). */
xp_array *xp__ew_unary(xp_op op, const xp_array *x);
xp_array *xp__ew_binary(xp_op op, const xp_array *x1, const xp_array *x2);

/** Runs a binary op into an existing output `out` (dtype and shape already
 * checked: the broadcast of x1 and x2 is out's shape), computing in `ct`.
 * Returns a status and, on failure, an error array in *err. */
xp_status xp__ew_binary_into(xp_op op, xp_dtype ct, const xp_array *x1, const xp_array *x2,
                             xp_array *out, xp_array **err);

#endif
