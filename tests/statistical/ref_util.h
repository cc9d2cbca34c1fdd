// Helpers shared by the issue-5 test areas (statistical, searching, sorting,
// sets, utility): random inputs with special values, layouts, a naive reduction
// reference and the sort order of sorting.h.
#pragma once

#include "xp_test.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace xpt5 {

using cd = std::complex<double>;
using xpt::Arr;

inline bool is_float(xp_dtype d) { return xp_isdtype(d, XP_KIND_FLOATING); }
inline bool is_complex(xp_dtype d) { return xp_isdtype(d, XP_KIND_COMPLEX_FLOATING); }

// Random values for dtype d; floats include NaN, +-0, +-inf with probability `sp`.
inline std::vector<cd> random_values(xp_dtype d, int64_t n, std::mt19937 &g, double sp = 0.1,
                                     int range = 20) {
    std::vector<cd> v(n);
    std::uniform_int_distribution<int> I(-range, range);
    std::uniform_real_distribution<double> U(-10, 10), P(0, 1);
    const double specials[] = {std::nan(""), 0.0, -0.0, INFINITY, -INFINITY};
    auto one = [&]() -> double {
        if (P(g) < sp) return specials[g() % 5];
        return std::round(U(g) * 8) / 8;  // exact in float32, frequent ties
    };
    for (auto &x : v) {
        if (d == XP_BOOL) x = double(g() % 2);
        else if (xp_isdtype(d, XP_KIND_UNSIGNED)) x = double(I(g) + range);
        else if (xp_isdtype(d, XP_KIND_SIGNED)) x = double(I(g));
        else if (is_complex(d)) x = cd(one(), P(g) < 0.5 ? 0.0 : one());
        else x = one();
    }
    return v;
}

// The array in three layouts: contiguous, strided with gaps, and with the first
// axis reversed.
inline std::vector<Arr> layouts(const Arr &a) {
    std::vector<Arr> r{a};
    if (a.ndim() > 0) {
        r.push_back(xpt::strided_copy(a));
        r.push_back(xpt::strided_copy(a, std::vector<bool>(a.ndim(), true)));
    }
    return r;
}

inline int64_t prod(const std::vector<int64_t> &s) {
    int64_t p = 1;
    for (auto e : s) p *= e;
    return p;
}

// Naive reduction: for each output index (C order over kept axes) the list of
// input values reduced into it, in C order.
inline std::vector<std::vector<cd>> groups(const std::vector<cd> &v, const std::vector<int64_t> &shape,
                                           const std::vector<bool> &red) {
    int nd = (int)shape.size();
    std::vector<int64_t> ks;
    for (int d = 0; d < nd; d++)
        if (!red[d]) ks.push_back(shape[d]);
    std::vector<std::vector<cd>> out(prod(ks));
    std::vector<int64_t> idx(nd, 0);
    for (size_t i = 0; i < v.size(); i++) {
        int64_t o = 0;
        for (int d = 0; d < nd; d++)
            if (!red[d]) o = o * shape[d] + idx[d];
        out[o].push_back(v[i]);
        for (int d = nd - 1; d >= 0; d--) {
            if (++idx[d] < shape[d]) break;
            idx[d] = 0;
        }
    }
    return out;
}

inline std::vector<bool> mask_of(int nd, const xp_axes &ax) {
    std::vector<bool> red(nd, !ax.tuple && ax.n == 0);
    for (int i = 0; i < ax.n; i++) red[(ax.v[i] + nd) % nd] = true;
    return red;
}

inline std::vector<int64_t> out_shape(const std::vector<int64_t> &shape, const std::vector<bool> &red,
                                      bool keep) {
    std::vector<int64_t> s;
    for (size_t d = 0; d < shape.size(); d++)
        if (!red[d]) s.push_back(shape[d]);
        else if (keep) s.push_back(1);
    return s;
}

// Every axis choice worth testing for an nd-D array: None, each axis (also
// negative), each pair, the empty tuple.
inline std::vector<xp_axes> axis_choices(int nd) {
    std::vector<xp_axes> r;
    xp_axes none = {};
    r.push_back(none);
    xp_axes empty = XP_AXES_EMPTY;
    r.push_back(empty);
    for (int a = 0; a < nd; a++) {
        xp_axes one = {};
        one.n = 1;
        one.tuple = true;
        one.v[0] = a % 2 ? a - nd : a;
        r.push_back(one);
        for (int b = a + 1; b < nd; b++) {
            xp_axes two = {};
            two.n = 2;
            two.tuple = true;
            two.v[0] = b;
            two.v[1] = a;
            r.push_back(two);
        }
    }
    return r;
}

inline const std::vector<std::vector<int64_t>> &shapes() {
    static const std::vector<std::vector<int64_t>> s = {
        {}, {0}, {1}, {7}, {3, 4}, {4, 1, 3}, {2, 0, 3}, {3, 5, 2}, {130}, {33, 9}};
    return s;
}

// Equality for floats with NaN == NaN and a relative tolerance.
inline bool close(double a, double b, double tol) {
    if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
    if (std::isinf(a) || std::isinf(b)) return a == b;
    return std::fabs(a - b) <= tol * (1 + std::fabs(b));
}
inline bool close(cd a, cd b, double tol) {
    return close(a.real(), b.real(), tol) && close(a.imag(), b.imag(), tol);
}
inline double tol_of(xp_dtype d) {
    return d == XP_FLOAT32 || d == XP_COMPLEX64 ? 1e-4 : 1e-10;
}

// The order of sorting.h: NaN last per component, -0 == +0, complex
// lexicographic.
inline bool order_less(cd a, cd b) {
    auto k = [](double x) { return std::make_pair(std::isnan(x) ? 1 : 0, std::isnan(x) ? 0.0 : x); };
    if (k(a.real()) != k(b.real())) return k(a.real()) < k(b.real());
    return k(a.imag()) < k(b.imag());
}
inline bool same_bits_value(cd a, cd b) {  // equal, NaN == NaN
    return close(a, b, 0) && std::signbit(a.real()) == std::signbit(b.real());
}

inline xp_axes one_axis(int64_t a) {
    xp_axes r = {};
    r.n = 1;
    r.tuple = true;
    r.v[0] = a;
    return r;
}

}  // namespace xpt5
