// Test support for the conformance suite: RAII handles, array builders and
// readers, strided/negative-stride copies, error expectations.
#pragma once

#include <gtest/gtest.h>
#include <xparray.h>

#include <complex>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace xpt {

// The flavor under test, from the harness's --flavor argument ("" when not given).
const std::string &test_flavor();

// Owns one reference.
class Arr {
  public:
    Arr() = default;
    explicit Arr(xp_array *a) : a_(a) {}
    Arr(const Arr &o) : a_(xp_retain(o.a_)) {}
    Arr(Arr &&o) noexcept : a_(o.a_) { o.a_ = nullptr; }
    Arr &operator=(Arr o) {
        std::swap(a_, o.a_);
        return *this;
    }
    ~Arr() { xp_release(a_); }
    xp_array *get() const { return a_; }
    operator xp_array *() const { return a_; }
    xp_array *release() {
        xp_array *t = a_;
        a_ = nullptr;
        return t;
    }
    bool failed() const { return xp_failed(a_); }
    xp_dtype dtype() const { return xp_array_dtype(a_); }
    int ndim() const { return xp_array_ndim(a_); }
    int64_t size() const { return xp_array_size(a_); }
    std::vector<int64_t> shape() const {
        const int64_t *s = xp_array_shape(a_);
        int n = ndim();
        return n > 0 ? std::vector<int64_t>(s, s + n) : std::vector<int64_t>{};
    }

  private:
    xp_array *a_ = nullptr;
};

inline const std::vector<xp_dtype> &all_dtypes() {
    static const std::vector<xp_dtype> v = {XP_BOOL,   XP_INT8,   XP_INT16,  XP_INT32,    XP_INT64,
                                            XP_UINT8,  XP_UINT16, XP_UINT32, XP_UINT64,   XP_FLOAT32,
                                            XP_FLOAT64, XP_COMPLEX64, XP_COMPLEX128};
    return v;
}
inline std::vector<xp_dtype> dtypes_of(xp_kind k) {
    std::vector<xp_dtype> v;
    for (xp_dtype d : all_dtypes())
        if (xp_isdtype(d, k)) v.push_back(d);
    return v;
}
inline std::string dtype_str(xp_dtype d) {
    const char *n = xp_dtype_name(d);
    return n ? n : "?";
}

// Reads element i (C order over the logical shape) as complex<double>.
inline std::complex<double> load(xp_dtype dt, const char *p) {
    switch (dt) {
    case XP_BOOL: return double(*(const uint8_t *)p != 0);
    case XP_INT8: return double(*(const int8_t *)p);
    case XP_INT16: return double(*(const int16_t *)p);
    case XP_INT32: return double(*(const int32_t *)p);
    case XP_INT64: return double(*(const int64_t *)p);
    case XP_UINT8: return double(*(const uint8_t *)p);
    case XP_UINT16: return double(*(const uint16_t *)p);
    case XP_UINT32: return double(*(const uint32_t *)p);
    case XP_UINT64: return double(*(const uint64_t *)p);
    case XP_FLOAT32: return double(*(const float *)p);
    case XP_FLOAT64: return *(const double *)p;
    case XP_COMPLEX64: {
        const float *f = (const float *)p;
        return {f[0], f[1]};
    }
    case XP_COMPLEX128: {
        const double *f = (const double *)p;
        return {f[0], f[1]};
    }
    default: return 0;
    }
}

inline void store(xp_dtype dt, char *p, std::complex<double> v) {
    double r = v.real();
    switch (dt) {
    case XP_BOOL: *(uint8_t *)p = (r != 0 || v.imag() != 0); break;
    case XP_INT8: *(int8_t *)p = (int8_t)(int64_t)r; break;
    case XP_INT16: *(int16_t *)p = (int16_t)(int64_t)r; break;
    case XP_INT32: *(int32_t *)p = (int32_t)(int64_t)r; break;
    case XP_INT64: *(int64_t *)p = (int64_t)r; break;
    case XP_UINT8: *(uint8_t *)p = (uint8_t)(uint64_t)r; break;
    case XP_UINT16: *(uint16_t *)p = (uint16_t)(uint64_t)r; break;
    case XP_UINT32: *(uint32_t *)p = (uint32_t)(uint64_t)r; break;
    case XP_UINT64: *(uint64_t *)p = (uint64_t)r; break;
    case XP_FLOAT32: *(float *)p = (float)r; break;
    case XP_FLOAT64: *(double *)p = r; break;
    case XP_COMPLEX64: {
        float *f = (float *)p;
        f[0] = (float)r;
        f[1] = (float)v.imag();
        break;
    }
    case XP_COMPLEX128: {
        double *f = (double *)p;
        f[0] = r;
        f[1] = v.imag();
        break;
    }
    default: break;
    }
}

// Visits every element in C order: f(flat index, pointer).
inline void for_each(const xp_array *x, const std::function<void(int64_t, const char *)> &f) {
    int nd = xp_array_ndim(x);
    const int64_t *sh = xp_array_shape(x), *st = xp_array_strides(x);
    const char *base = (const char *)xp_array_data(x);
    int64_t n = xp_array_size(x);
    std::vector<int64_t> idx(nd > 0 ? nd : 1, 0);
    for (int64_t i = 0; i < n; i++) {
        const char *p = base;
        for (int d = 0; d < nd; d++) p += idx[d] * st[d];
        f(i, p);
        for (int d = nd - 1; d >= 0; d--) {
            if (++idx[d] < sh[d]) break;
            idx[d] = 0;
        }
    }
}

// All elements in C order as complex<double> (exact for |ints| < 2^53).
inline std::vector<std::complex<double>> values(const xp_array *x) {
    std::vector<std::complex<double>> v;
    if (xp_failed(x)) return v;
    xp_dtype dt = xp_array_dtype(x);
    for_each(x, [&](int64_t, const char *p) { v.push_back(load(dt, p)); });
    return v;
}
inline std::vector<double> reals(const xp_array *x) {
    std::vector<double> r;
    for (auto c : values(x)) r.push_back(c.real());
    return r;
}

// Builds an array of dtype dt and shape from values (converted as store()).
inline Arr make(const std::vector<std::complex<double>> &vals, xp_dtype dt,
                std::vector<int64_t> shape = {}) {
    if (shape.empty() && vals.size() != 1) shape = {(int64_t)vals.size()};
    Arr a(xp_empty((int)shape.size(), shape.data(), nullptr));
    xp_create_opts o = {dt, XP_DEVICE_DEFAULT};
    a = Arr(xp_empty((int)shape.size(), shape.data(), &o));
    if (a.failed()) return a;
    char *p = (char *)xp_array_data(a);
    size_t is = xp_dtype_size(dt);
    for (size_t i = 0; i < vals.size() && (int64_t)i < a.size(); i++) store(dt, p + i * is, vals[i]);
    return a;
}
inline Arr make_real(const std::vector<double> &vals, xp_dtype dt, std::vector<int64_t> shape = {}) {
    std::vector<std::complex<double>> c(vals.begin(), vals.end());
    return make(c, dt, std::move(shape));
}

// A non-contiguous copy of x with the same logical contents: every axis gets a
// gap (stride doubled) and the axes in `flip` run backwards (negative strides).
// The memory is owned by the returned array (freed by its deleter).
inline Arr strided_copy(const xp_array *x, std::vector<bool> flip = {}) {
    int nd = xp_array_ndim(x);
    xp_dtype dt = xp_array_dtype(x);
    const int64_t *sh = xp_array_shape(x);
    int64_t is = (int64_t)xp_dtype_size(dt);
    std::vector<int64_t> shape(sh, sh + nd), strides(nd);
    int64_t span = 2 * is;
    for (int d = nd - 1; d >= 0; d--) {
        strides[d] = span;
        span *= (shape[d] > 0 ? shape[d] : 1) * 2;
    }
    size_t bytes = (size_t)span + 64;
    char *mem = (char *)std::calloc(1, bytes);
    int64_t offset = 0;
    for (int d = 0; d < nd; d++)
        if ((size_t)d < flip.size() && flip[d] && shape[d] > 0) {
            offset += strides[d] * (shape[d] - 1);
            strides[d] = -strides[d];
        }
    Arr r(xp_array_wrap(mem + offset, dt, nd, shape.data(), strides.data(),
                        [](void *, void *ctx) { std::free(ctx); }, mem, false));
    if (r.failed()) return r;
    std::vector<std::complex<double>> v = values(x);
    for_each(r, [&](int64_t i, const char *p) { store(dt, (char *)p, v[i]); });
    return r;
}

// An allocator for allocation-failure sweeps: `budget` allocations succeed,
// then every one fails; `live` counts blocks not yet freed (0 = nothing leaked).
struct Failing {
    long budget;
    long live = 0;
};
inline void *failing_alloc(size_t size, void *ctx) {
    auto *f = static_cast<Failing *>(ctx);
    if (f->budget-- <= 0) return nullptr;
    f->live++;
    return std::aligned_alloc(64, (size + 63) / 64 * 64);
}
inline void failing_free(void *p, size_t, void *ctx) {
    static_cast<Failing *>(ctx)->live--;
    std::free(p);
}

inline std::string err_text(const xp_array *x) {
    return std::string(xp_status_name(xp_error_status(x))) + ": " + xp_error_message(x);
}

}  // namespace xpt

// Assertions: a valid result, or an error with the given status whose message
// names the function (and, where given, the argument).
#define EXPECT_XP_OK(x) EXPECT_FALSE(xp_failed(x)) << xpt::err_text(x)
#define ASSERT_XP_OK(x) ASSERT_FALSE(xp_failed(x)) << xpt::err_text(x)
namespace xpt {
// A reference that outlives the full expression (for temporaries in macros).
inline Arr hold(const Arr &a) { return a; }
inline Arr hold(const xp_array *a) { return Arr(xp_retain(a)); }
}  // namespace xpt

#define EXPECT_XP_ERR(x, status, fname)                                               \
    do {                                                                              \
        xpt::Arr xp__held = xpt::hold(x);                                             \
        const xp_array *xp__e = xp__held.get();                                       \
        EXPECT_TRUE(xp_failed(xp__e));                                                \
        EXPECT_EQ(xp_error_status(xp__e), (status)) << xpt::err_text(xp__e);          \
        EXPECT_NE(std::string(xp_error_message(xp__e)).find(fname), std::string::npos) \
            << xpt::err_text(xp__e);                                                  \
    } while (0)

// C++ spelling of XP_SHAPE (compound literals are C only).
#define XP_SHAPE_CXX(...) \
    (int)(sizeof((const int64_t[]){__VA_ARGS__}) / sizeof(int64_t)), (std::vector<int64_t>{__VA_ARGS__}).data()
