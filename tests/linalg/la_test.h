// Helpers of the linear-algebra tests: random and closed-form matrices, a
// plain complex<double> reference product, and tolerance-scaled comparisons.
#pragma once

#include "xp_test.h"

#include <cmath>

namespace lat {

using cd = std::complex<double>;
using xpt::Arr;

inline const std::vector<xp_dtype> &float_dtypes() {
    static const std::vector<xp_dtype> v = {XP_FLOAT32, XP_FLOAT64, XP_COMPLEX64, XP_COMPLEX128};
    return v;
}
inline bool is_complex(xp_dtype d) { return d == XP_COMPLEX64 || d == XP_COMPLEX128; }
inline double eps(xp_dtype d) {
    return (d == XP_FLOAT32 || d == XP_COMPLEX64) ? 1.1920929e-07 : 2.220446049250313e-16;
}

// Random values in [-1, 1] (complex parts too for complex dtypes); `dominant`
// adds n to the diagonal of every trailing n×n matrix (well conditioned).
inline std::vector<cd> rand_vals(xp_dtype dt, const std::vector<int64_t> &shape, unsigned seed,
                                 bool dominant = false) {
    std::mt19937 g(seed);
    std::uniform_real_distribution<double> u(-1, 1);
    int64_t n = 1;
    for (auto e : shape) n *= e;
    std::vector<cd> v((size_t)n);
    bool integral = xp_isdtype(dt, XP_KIND_INTEGRAL), sgn = xp_isdtype(dt, XP_KIND_SIGNED);
    for (auto &x : v)
        x = integral ? cd(std::round(sgn ? 5 * u(g) : 2.5 * (u(g) + 1)), 0)
            : is_complex(dt) ? cd(u(g), u(g)) : cd(u(g), 0);
    if (dominant && shape.size() >= 2) {
        int64_t r = shape[shape.size() - 2], c = shape.back();
        for (int64_t b = 0; b < n / (r * c); b++)
            for (int64_t i = 0; i < std::min(r, c); i++) v[(size_t)(b * r * c + i * c + i)] += (double)c;
    }
    return v;
}
inline Arr rand_arr(xp_dtype dt, std::vector<int64_t> shape, unsigned seed, bool dominant = false) {
    return xpt::make(rand_vals(dt, shape, seed, dominant), dt, shape);
}

// Hermitian positive definite: B Bᴴ + n I.
inline std::vector<cd> hpd_vals(xp_dtype dt, int64_t n, unsigned seed) {
    auto b = rand_vals(dt, {n, n}, seed);
    std::vector<cd> a((size_t)(n * n));
    for (int64_t i = 0; i < n; i++)
        for (int64_t j = 0; j < n; j++) {
            cd s = 0;
            for (int64_t k = 0; k < n; k++) s += b[(size_t)(i * n + k)] * std::conj(b[(size_t)(j * n + k)]);
            a[(size_t)(i * n + j)] = s + (i == j ? (double)n : 0.0);
        }
    return a;
}

// Batched product of C-order stacks: a (nb, m, k), b (nb, k, n).
inline std::vector<cd> mm(const std::vector<cd> &a, const std::vector<cd> &b, int64_t nb, int64_t m,
                          int64_t k, int64_t n) {
    std::vector<cd> c((size_t)(nb * m * n));
    for (int64_t t = 0; t < nb; t++)
        for (int64_t i = 0; i < m; i++)
            for (int64_t j = 0; j < n; j++) {
                cd s = 0;
                for (int64_t p = 0; p < k; p++)
                    s += a[(size_t)(t * m * k + i * k + p)] * b[(size_t)(t * k * n + p * n + j)];
                c[(size_t)(t * m * n + i * n + j)] = s;
            }
    return c;
}
// Conjugate transpose of a stack (nb, m, n) -> (nb, n, m).
inline std::vector<cd> ct(const std::vector<cd> &a, int64_t nb, int64_t m, int64_t n) {
    std::vector<cd> r(a.size());
    for (int64_t t = 0; t < nb; t++)
        for (int64_t i = 0; i < m; i++)
            for (int64_t j = 0; j < n; j++)
                r[(size_t)(t * m * n + j * m + i)] = std::conj(a[(size_t)(t * m * n + i * n + j)]);
    return r;
}
inline std::vector<cd> eye(int64_t nb, int64_t n) {
    std::vector<cd> r((size_t)(nb * n * n));
    for (int64_t t = 0; t < nb; t++)
        for (int64_t i = 0; i < n; i++) r[(size_t)(t * n * n + i * n + i)] = 1;
    return r;
}
inline double max_abs(const std::vector<cd> &v) {
    double m = 0;
    for (auto x : v) m = std::max(m, std::abs(x));
    return m;
}
// max |got - want| <= tol * max(1, max |want|)
inline ::testing::AssertionResult close(const std::vector<cd> &got, const std::vector<cd> &want,
                                        double tol) {
    if (got.size() != want.size())
        return ::testing::AssertionFailure() << "sizes " << got.size() << " vs " << want.size();
    double scale = std::max(1.0, max_abs(want)), worst = 0;
    size_t at = 0;
    for (size_t i = 0; i < got.size(); i++) {
        double d = std::abs(got[i] - want[i]);
        if (!(d <= worst)) worst = d, at = i;
    }
    if (worst <= tol * scale) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "max error " << worst << " at " << at << " (got "
                                         << got[at] << ", want " << want[at] << "), allowed "
                                         << tol * scale;
}

// A transposed view holding the same logical matrix as `vals` (m×n): the
// matrix_transpose of a C-order n×m array.
inline Arr transposed_input(const std::vector<cd> &vals, xp_dtype dt, int64_t m, int64_t n) {
    std::vector<cd> t((size_t)(m * n));
    for (int64_t i = 0; i < m; i++)
        for (int64_t j = 0; j < n; j++) t[(size_t)(j * m + i)] = vals[(size_t)(i * n + j)];
    Arr base = xpt::make(t, dt, {n, m});
    return Arr(xp_matrix_transpose(base));
}

}  // namespace lat

// EXPECT_XP_ERR on a call's result, keeping the result alive while checked.
#define EXPECT_LA_ERR(expr, status, fname)          \
    do {                                            \
        xpt::Arr la_r_(expr);                       \
        EXPECT_XP_ERR(la_r_.get(), status, fname);  \
    } while (0)
