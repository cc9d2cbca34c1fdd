// Shared helpers of the fft tests: a direct O(n^2) DFT in long double, random
// inputs and comparisons.
#pragma once

#include "xp_test.h"

#include <cmath>
#include <complex>
#include <vector>

namespace fftt {

using cld = std::complex<long double>;
using cd = std::complex<double>;

// Direct DFT: X[k] = sum_j x[j] e^(sign 2 pi i jk/n), unnormalised, long double.
inline std::vector<cd> dft(const std::vector<cd> &x, int sign) {
    size_t n = x.size();
    std::vector<cd> r(n);
    const long double tau = 6.283185307179586476925286766559L;
    for (size_t k = 0; k < n; k++) {
        cld s = 0;
        for (size_t j = 0; j < n; j++) {
            long double ang = sign * tau * (long double)((j * k) % n) / (long double)n;
            s += cld(x[j].real(), x[j].imag()) * cld(std::cos(ang), std::sin(ang));
        }
        r[k] = cd((double)s.real(), (double)s.imag());
    }
    return r;
}

inline std::vector<cd> random_complex(size_t n, unsigned seed) {
    std::mt19937_64 g(seed);
    std::uniform_real_distribution<double> u(-1, 1);
    std::vector<cd> v(n);
    for (auto &z : v) z = cd(u(g), u(g));
    return v;
}

inline std::vector<cd> random_real(size_t n, unsigned seed) {
    std::mt19937_64 g(seed);
    std::uniform_real_distribution<double> u(-1, 1);
    std::vector<cd> v(n);
    for (auto &z : v) z = cd(u(g), 0);
    return v;
}

// max |a-b| / max(1, max |b|); infinity when the sizes differ.
inline double rel_err(const std::vector<cd> &a, const std::vector<cd> &b) {
    if (a.size() != b.size()) return INFINITY;
    double m = 1, e = 0;
    for (size_t i = 0; i < a.size(); i++) {
        m = std::max(m, std::abs(b[i]));
        e = std::max(e, std::abs(a[i] - b[i]));
    }
    return e / m;
}

inline std::vector<cd> scaled(std::vector<cd> v, double f) {
    for (auto &z : v) z *= f;
    return v;
}

// Tolerance for a transform of n points in dtype dt.
inline double tol(xp_dtype dt, size_t n) {
    double eps = (dt == XP_COMPLEX64 || dt == XP_FLOAT32) ? 6e-8 : 1.1e-16;
    return eps * 40 * (std::log2((double)n + 1) + 4);
}

}  // namespace fftt
