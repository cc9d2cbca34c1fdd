// Shared helpers of the indexing and manipulation tests: a plain nested-loop
// reference model (shape + values in C order), random arrays, layouts.
#pragma once

#include "xp_test.h"

#include <algorithm>
#include <numeric>

namespace ixt {

using namespace xpt;
using cd = std::complex<double>;
using Shape = std::vector<int64_t>;

// A reference array: values in C order over `shape`.
struct Ref {
    Shape shape;
    std::vector<cd> v;
};

inline int64_t prod(const Shape &s) {
    int64_t p = 1;
    for (auto e : s) p *= e;
    return p;
}
inline int64_t ravel(const Shape &shape, const Shape &idx) {
    int64_t r = 0;
    for (size_t d = 0; d < shape.size(); d++) r = r * shape[d] + idx[d];
    return r;
}
inline Shape unravel(const Shape &shape, int64_t i) {
    Shape idx(shape.size());
    for (int d = (int)shape.size() - 1; d >= 0; d--) {
        idx[d] = shape[d] ? i % shape[d] : 0;
        i = shape[d] ? i / shape[d] : 0;
    }
    return idx;
}
inline Ref ref_of(const xp_array *x) { return {Arr(xp_retain(x)).shape(), values(x)}; }

// Random shape: ndim in [lo, hi], extents in [0, maxe] (zero with probability ~1/8).
inline Shape rand_shape(std::mt19937 &g, int lo, int hi, int maxe = 4) {
    int nd = std::uniform_int_distribution<int>(lo, hi)(g);
    Shape s(nd);
    for (auto &e : s) e = (g() % 8 == 0) ? 0 : std::uniform_int_distribution<int64_t>(1, maxe)(g);
    return s;
}

// Values that every dtype holds exactly (bool: 0/1; unsigned: nonnegative).
inline std::vector<cd> rand_vals(std::mt19937 &g, xp_dtype dt, int64_t n) {
    std::vector<cd> v(n);
    for (auto &e : v) {
        if (dt == XP_BOOL) e = double(g() % 2);
        else if (xp_isdtype(dt, XP_KIND_COMPLEX_FLOATING)) e = cd(double(g() % 100), double(g() % 7));
        else e = double(g() % 100);
    }
    return v;
}

inline Arr make_ref(const Ref &r, xp_dtype dt) {
    Shape s = r.shape;
    Arr a(xp_empty((int)s.size(), s.data(), nullptr));
    xp_create_opts o = {dt, XP_DEVICE_DEFAULT};
    a = Arr(xp_empty((int)s.size(), s.data(), &o));
    char *p = (char *)xp_array_data(a);
    for (size_t i = 0; i < r.v.size(); i++) store(dt, p + i * xp_dtype_size(dt), r.v[i]);
    return a;
}

// The same contents in one of three layouts: 0 contiguous, 1 strided with
// random negative strides (xpt::strided_copy), 2 a stepped view of a strided
// copy of a larger array (a view of a view).
inline Arr layout(const Arr &a, int kind, std::mt19937 &g) {
    int nd = a.ndim();
    if (kind == 0) return a;
    std::vector<bool> flips(nd);
    for (int d = 0; d < nd; d++) flips[d] = g() % 2;
    if (kind == 1) return strided_copy(a, flips);
    Shape s = a.shape(), big(nd);
    for (int d = 0; d < nd; d++) big[d] = 2 * s[d] + 1;
    Ref rb{big, std::vector<cd>(prod(big), cd(77))};
    std::vector<cd> av = values(a);
    for (int64_t i = 0; i < (int64_t)av.size(); i++) {
        Shape idx = unravel(s, i);
        for (auto &e : idx) e = 2 * e + 1;
        rb.v[ravel(big, idx)] = av[i];
    }
    Arr b = strided_copy(make_ref(rb, a.dtype()), flips);
    std::vector<xp_index> key;
    for (int d = 0; d < nd; d++) key.push_back(xp_index_slice(1, XP_END, 2));
    return Arr(xp_array_getitem(b, nd, key.data()));
}

#define EXPECT_REF(arr, ref)                                   \
    do {                                                       \
        ASSERT_XP_OK(arr);                                     \
        EXPECT_EQ(xpt::Arr(xp_retain(arr)).shape(), (ref).shape); \
        EXPECT_EQ(xpt::values(arr), (ref).v);                  \
    } while (0)

}  // namespace ixt
