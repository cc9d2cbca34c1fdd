// Shared helpers of the elementwise tests: the dtype rule of every function,
// restated from spec-inventory.tsv, and value comparison with per-dtype tolerance.
#pragma once

#include "xp_test.h"

#include <cmath>

// EXPECT_XP_ERR on a result this statement owns (released afterwards).
#define EXPECT_XP_ERR_T(expr, status, fname) \
    do {                                     \
        xpt::Arr t_(expr);                   \
        EXPECT_XP_ERR(t_, status, fname);    \
    } while (0)

namespace xpe {

using cd = std::complex<double>;
using xpt::Arr;

enum Out { SAME, BOOLO, REALO };
constexpr unsigned KB = XP_KIND_BOOL, KI = XP_KIND_INTEGRAL, KF = XP_KIND_REAL_FLOATING,
                   KC = XP_KIND_COMPLEX_FLOATING;

// Output dtype of a function computed from input dtype d, or DEFAULT when d is
// not accepted. to_float: integer inputs are computed in float64.
inline xp_dtype out_dtype(unsigned kinds, Out out, bool to_float, xp_dtype d) {
    xp_kind k = xp_dtype_kind(d);
    xp_dtype ct = d;
    if (to_float && (k & KI))
        ct = XP_FLOAT64;
    else if (!(k & kinds))
        return XP_DTYPE_DEFAULT;
    if (out == BOOLO) return XP_BOOL;
    if (out == REALO) return ct == XP_COMPLEX64 ? XP_FLOAT32 : ct == XP_COMPLEX128 ? XP_FLOAT64 : ct;
    return ct;
}

inline bool is_int(xp_dtype d) { return xp_dtype_kind(d) & KI; }

// Does the value fit dtype d (for building integer inputs)?
inline bool fits(double v, xp_dtype d) {
    xp_kind k = xp_dtype_kind(d);
    if (k == XP_KIND_BOOL) return v == 0 || v == 1;
    if (!(k & KI)) return true;
    if (v != std::floor(v)) return false;
    xp_iinfo_t ii;
    xp_iinfo(d, &ii);
    return v >= (double)ii.min && v <= (double)ii.max;
}

// Relative tolerance of a dtype's results against a double reference.
inline double tol(xp_dtype d, double scale = 1) {
    if (d == XP_FLOAT32 || d == XP_COMPLEX64) return 4e-6 * scale;
    if (d == XP_FLOAT64 || d == XP_COMPLEX128) return 1e-13 * scale;
    return 0;
}

inline bool close1(double got, double want, double t) {
    if (std::isnan(want)) return std::isnan(got);
    if (std::isinf(want)) return got == want;
    return std::fabs(got - want) <= t * std::max(1.0, std::fabs(want));
}

inline ::testing::AssertionResult close(cd got, cd want, double t) {
    if (close1(got.real(), want.real(), t) && close1(got.imag(), want.imag(), t))
        return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "got (" << got.real() << ", " << got.imag()
                                         << ") want (" << want.real() << ", " << want.imag()
                                         << ") tol " << t;
}

}  // namespace xpe
