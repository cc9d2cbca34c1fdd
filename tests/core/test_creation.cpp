// Creation functions.
#include "xp_test.h"

#include <cmath>

using namespace xpt;

static xp_create_opts dt(xp_dtype d) { return xp_create_opts{d, XP_DEVICE_DEFAULT}; }

TEST(Creation, ZerosOnesEmptyDefaultsAndDtypes) {
    Arr z(xp_zeros(XP_SHAPE_CXX(2, 3), nullptr));
    ASSERT_XP_OK(z);
    EXPECT_EQ(z.dtype(), XP_FLOAT64);
    EXPECT_EQ(z.shape(), (std::vector<int64_t>{2, 3}));
    for (xp_dtype d : all_dtypes()) {
        xp_create_opts o = dt(d);
        Arr a(xp_zeros(XP_SHAPE_CXX(3), &o)), b(xp_ones(XP_SHAPE_CXX(3), &o)),
            e(xp_empty(XP_SHAPE_CXX(3), &o));
        ASSERT_XP_OK(a);
        ASSERT_XP_OK(b);
        ASSERT_XP_OK(e);
        EXPECT_EQ(a.dtype(), d);
        EXPECT_EQ(e.dtype(), d);
        for (auto v : values(a)) EXPECT_EQ(v, std::complex<double>(0));
        for (auto v : values(b)) EXPECT_EQ(v, std::complex<double>(1, 0));
    }
}

TEST(Creation, BadDtypeAndDevice) {
    xp_create_opts bad = dt((xp_dtype)99);
    EXPECT_XP_ERR(Arr(xp_zeros(XP_SHAPE_CXX(2), &bad)), XP_ERR_TYPE, "xp_zeros");
    EXPECT_XP_ERR(Arr(xp_ones(XP_SHAPE_CXX(2), &bad)), XP_ERR_TYPE, "xp_ones");
    xp_create_opts dev = {XP_FLOAT64, XP_DEVICE(2, 0)};
    Arr a(xp_empty(XP_SHAPE_CXX(2), &dev));
    EXPECT_XP_ERR(a, XP_ERR_DEVICE, "xp_empty");
    EXPECT_NE(std::string(xp_error_message(a)).find("'device'"), std::string::npos);
    xp_create_opts cpu1 = {XP_FLOAT64, XP_DEVICE_CPU1};
    Arr b(xp_ones(XP_SHAPE_CXX(2), &cpu1));
    ASSERT_XP_OK(b);
    EXPECT_EQ(xp_array_device(b), XP_DEVICE_CPU1);
}

TEST(Creation, FullInfersDtypeFromTheScalarKind) {
    struct {
        xp_array *s;
        xp_dtype want;
        std::complex<double> v;
    } cases[] = {{xp_bool(true), XP_BOOL, 1},
                 {xp_int(-4), XP_INT64, -4},
                 {xp_float(2.5), XP_FLOAT64, 2.5},
                 {xp_complex(1, 2), XP_COMPLEX128, {1, 2}}};
    for (auto &c : cases) {
        Arr s(c.s);
        Arr a(xp_full(XP_SHAPE_CXX(2, 2), s, nullptr));
        ASSERT_XP_OK(a);
        EXPECT_EQ(a.dtype(), c.want);
        for (auto v : values(a)) EXPECT_EQ(v, c.v);
    }
}

TEST(Creation, FullWithExplicitDtype) {
    Arr s(xp_int(7));
    xp_create_opts o = dt(XP_UINT8);
    Arr a(xp_full(XP_SHAPE_CXX(3), s, &o));
    EXPECT_EQ(a.dtype(), XP_UINT8);
    EXPECT_EQ(reals(a), (std::vector<double>{7, 7, 7}));
    o = dt(XP_FLOAT32);
    Arr b(xp_full(XP_SHAPE_CXX(1), s, &o));  // int into a float dtype: allowed
    EXPECT_EQ(reals(b)[0], 7.0);
    // kinds that do not fit
    Arr f(xp_float(1.5)), c(xp_complex(1, 1)), big(xp_int(300));
    o = dt(XP_INT32);
    EXPECT_XP_ERR(Arr(xp_full(XP_SHAPE_CXX(2), f, &o)), XP_ERR_TYPE, "xp_full");
    o = dt(XP_FLOAT64);
    EXPECT_XP_ERR(Arr(xp_full(XP_SHAPE_CXX(2), c, &o)), XP_ERR_TYPE, "xp_full");
    o = dt(XP_INT8);
    EXPECT_XP_ERR(Arr(xp_full(XP_SHAPE_CXX(2), big, &o)), XP_ERR_VALUE, "xp_full");
    Arr v = make_real({1, 2}, XP_FLOAT64);
    // not a scalar: TypeError, as the header says
    EXPECT_XP_ERR(Arr(xp_full(XP_SHAPE_CXX(2), v, nullptr)), XP_ERR_TYPE, "xp_full");
    // a 0-D array as fill value keeps its dtype
    Arr z = make_real({3}, XP_INT16, {});
    Arr g(xp_full(XP_SHAPE_CXX(2), z, nullptr));
    EXPECT_EQ(g.dtype(), XP_INT16);
}

TEST(Creation, LikeFunctionsFollowTheirInput) {
    xp_create_opts o = dt(XP_INT32);
    Arr x(xp_ones(XP_SHAPE_CXX(2, 0, 3), &o));
    Arr s(xp_int(9));
    Arr e(xp_empty_like(x, nullptr)), z(xp_zeros_like(x, nullptr)), n(xp_ones_like(x, nullptr)),
        f(xp_full_like(x, s, nullptr));
    for (const Arr *a : {&e, &z, &n, &f}) {
        ASSERT_XP_OK(*a);
        EXPECT_EQ(a->dtype(), XP_INT32);
        EXPECT_EQ(a->shape(), (std::vector<int64_t>{2, 0, 3}));
    }
    Arr y = make_real({1, 2, 3}, XP_FLOAT32);
    xp_create_opts c = dt(XP_COMPLEX64);
    Arr w(xp_ones_like(y, &c));
    EXPECT_EQ(w.dtype(), XP_COMPLEX64);
    Arr ff(xp_full_like(y, s, nullptr));
    EXPECT_EQ(reals(ff), (std::vector<double>{9, 9, 9}));
    Arr fl(xp_float(0.5));
    Arr ib = make_real({1, 2}, XP_INT16);
    EXPECT_XP_ERR(Arr(xp_full_like(ib, fl, nullptr)), XP_ERR_TYPE, "xp_full_like");
    xp_create_opts cpu1 = {XP_DTYPE_DEFAULT, XP_DEVICE_CPU1};
    Arr on1(xp_zeros_like(y, &cpu1));
    Arr again(xp_ones_like(on1, nullptr));
    EXPECT_EQ(xp_array_device(again), XP_DEVICE_CPU1);  // device follows x
}

TEST(Creation, ArangeFloatAndInt) {
    Arr a(xp_arange(0, 1, 0.25, nullptr));
    EXPECT_EQ(a.dtype(), XP_FLOAT64);
    EXPECT_EQ(reals(a), (std::vector<double>{0, 0.25, 0.5, 0.75}));
    Arr b(xp_arange(5, 0, -2, nullptr));
    EXPECT_EQ(reals(b), (std::vector<double>{5, 3, 1}));
    Arr c(xp_arange(0, 5, -1, nullptr));
    EXPECT_EQ(c.size(), 0);
    Arr d(xp_arange_int(-3, 4, 3, nullptr));
    EXPECT_EQ(d.dtype(), XP_INT64);
    EXPECT_EQ(reals(d), (std::vector<double>{-3, 0, 3}));
    Arr e(xp_arange_int(10, 0, -3, nullptr));
    EXPECT_EQ(reals(e), (std::vector<double>{10, 7, 4, 1}));
    xp_create_opts o = dt(XP_UINT8);
    Arr f(xp_arange_int(0, 4, 1, &o));
    EXPECT_EQ(f.dtype(), XP_UINT8);
    // the whole int64 range is exact: no overflow in the length computation
    Arr g(xp_arange_int(INT64_MIN, INT64_MAX, INT64_MAX, nullptr));
    ASSERT_XP_OK(g);
    EXPECT_EQ(g.size(), 3);
    EXPECT_EQ(((int64_t *)xp_array_data(g))[2], INT64_MAX - 1);
    EXPECT_XP_ERR(Arr(xp_arange(0, 1, 0, nullptr)), XP_ERR_VALUE, "xp_arange");
    EXPECT_XP_ERR(Arr(xp_arange(0, INFINITY, 1, nullptr)), XP_ERR_VALUE, "xp_arange");
    EXPECT_XP_ERR(Arr(xp_arange(0, 1e300, 1e-300, nullptr)), XP_ERR_OVERFLOW, "xp_arange");
    EXPECT_XP_ERR(Arr(xp_arange_int(0, 1, 0, nullptr)), XP_ERR_VALUE, "xp_arange_int");
    EXPECT_XP_ERR(Arr(xp_arange_int(INT64_MIN, INT64_MAX, 1, nullptr)), XP_ERR_OVERFLOW, "xp_arange_int");
}

TEST(Creation, Eye) {
    Arr a(xp_eye(3, XP_NONE, nullptr));
    EXPECT_EQ(reals(a), (std::vector<double>{1, 0, 0, 0, 1, 0, 0, 0, 1}));
    xp_eye_opts o = {1, XP_INT8, XP_DEVICE_DEFAULT};
    Arr b(xp_eye(2, 4, &o));
    EXPECT_EQ(b.dtype(), XP_INT8);
    EXPECT_EQ(reals(b), (std::vector<double>{0, 1, 0, 0, 0, 0, 1, 0}));
    o = {-2, XP_COMPLEX64, XP_DEVICE_DEFAULT};
    Arr c(xp_eye(3, 2, &o));
    EXPECT_EQ(values(c), (std::vector<std::complex<double>>{0, 0, 0, 0, {1, 0}, 0}));
    o = {INT64_MAX, XP_FLOAT64, XP_DEVICE_DEFAULT};
    Arr d(xp_eye(2, 2, &o));  // an offset that overflows i + k selects nothing
    EXPECT_EQ(reals(d), (std::vector<double>{0, 0, 0, 0}));
    Arr e(xp_eye(0, 0, nullptr));
    EXPECT_EQ(e.size(), 0);
    EXPECT_XP_ERR(Arr(xp_eye(-1, 2, nullptr)), XP_ERR_VALUE, "xp_eye");
    EXPECT_XP_ERR(Arr(xp_eye(2, -5, nullptr)), XP_ERR_VALUE, "xp_eye");
    // errors found while allocating name xp_eye, not the helper it calls
    Arr big(xp_eye(INT64_MAX / 2, 4, nullptr));
    EXPECT_XP_ERR(big, XP_ERR_OVERFLOW, "xp_eye");
    EXPECT_EQ(std::string(xp_error_message(big)).find("xp_zeros"), std::string::npos);
    xp_eye_opts bad = {0, (xp_dtype)77, XP_DEVICE_DEFAULT};
    Arr bd(xp_eye(2, 2, &bad));
    EXPECT_XP_ERR(bd, XP_ERR_TYPE, "xp_eye");
    EXPECT_EQ(std::string(xp_error_message(bd)).find("xp_zeros"), std::string::npos);
}

TEST(Creation, Linspace) {
    Arr a(xp_linspace(0, 1, 5, nullptr));
    EXPECT_EQ(reals(a), (std::vector<double>{0, 0.25, 0.5, 0.75, 1}));
    xp_linspace_opts o = {};
    o.no_endpoint = true;
    Arr b(xp_linspace(0, 1, 4, &o));
    EXPECT_EQ(reals(b), (std::vector<double>{0, 0.25, 0.5, 0.75}));
    Arr c(xp_linspace(3, 7, 1, nullptr));
    EXPECT_EQ(reals(c), (std::vector<double>{3}));
    Arr d(xp_linspace(3, 7, 0, nullptr));
    EXPECT_EQ(d.size(), 0);
    // the endpoint is exact even where start + i*step would round
    Arr e(xp_linspace(0.1, 0.7, 7, nullptr));
    EXPECT_EQ(reals(e).back(), 0.7);
    o = {};
    o.dtype = XP_FLOAT32;
    Arr f(xp_linspace(-1, 1, 3, &o));
    EXPECT_EQ(f.dtype(), XP_FLOAT32);
    EXPECT_EQ(reals(f), (std::vector<double>{-1, 0, 1}));
    Arr g(xp_linspace_complex(0, 0, 2, -2, 3, nullptr));
    EXPECT_EQ(g.dtype(), XP_COMPLEX128);
    EXPECT_EQ(values(g), (std::vector<std::complex<double>>{{0, 0}, {1, -1}, {2, -2}}));
    o = {};
    o.dtype = XP_INT32;
    Arr h(xp_linspace(0, 10, 4, &o));  // integer output truncates toward zero
    EXPECT_EQ(reals(h), (std::vector<double>{0, 3, 6, 10}));
    EXPECT_XP_ERR(Arr(xp_linspace(0, 1, -1, nullptr)), XP_ERR_VALUE, "xp_linspace");
    o = {};
    o.dtype = XP_FLOAT64;
    EXPECT_XP_ERR(Arr(xp_linspace_complex(0, 0, 1, 1, 3, &o)), XP_ERR_TYPE, "xp_linspace_complex");
}

TEST(Creation, MeshgridBothIndexings) {
    Arr x = make_real({1, 2, 3}, XP_INT32), y = make_real({10, 20}, XP_INT32);
    const xp_array *in[2] = {x, y};
    xp_array *out[2];
    ASSERT_EQ(xp_meshgrid(2, in, XP_INDEXING_XY, out), XP_OK);
    Arr gx(out[0]), gy(out[1]);
    EXPECT_EQ(gx.shape(), (std::vector<int64_t>{2, 3}));
    EXPECT_EQ(reals(gx), (std::vector<double>{1, 2, 3, 1, 2, 3}));
    EXPECT_EQ(reals(gy), (std::vector<double>{10, 10, 10, 20, 20, 20}));
    ASSERT_EQ(xp_meshgrid(2, in, XP_INDEXING_IJ, out), XP_OK);
    Arr ix(out[0]), iy(out[1]);
    EXPECT_EQ(ix.shape(), (std::vector<int64_t>{3, 2}));
    EXPECT_EQ(reals(ix), (std::vector<double>{1, 1, 2, 2, 3, 3}));
    EXPECT_EQ(reals(iy), (std::vector<double>{10, 20, 10, 20, 10, 20}));
    // three inputs, a strided one; results are independent copies
    Arr z = strided_copy(make_real({7, 8}, XP_INT32), {true});
    const xp_array *in3[3] = {x, y, z};
    xp_array *out3[3];
    ASSERT_EQ(xp_meshgrid(3, in3, XP_INDEXING_XY, out3), XP_OK);
    Arr a(out3[0]), b(out3[1]), c(out3[2]);
    EXPECT_EQ(c.shape(), (std::vector<int64_t>{2, 3, 2}));
    EXPECT_EQ(reals(c)[0], 7);
    EXPECT_EQ(reals(c)[1], 8);
    EXPECT_FALSE(xp_array_shares_memory(a, x));
    // errors: every output slot carries the error
    Arr f = make_real({1, 2}, XP_FLOAT64);
    const xp_array *mixed[2] = {x, f};
    EXPECT_EQ(xp_meshgrid(2, mixed, XP_INDEXING_XY, out), XP_ERR_TYPE);
    Arr e0(out[0]), e1(out[1]);
    EXPECT_XP_ERR(e0, XP_ERR_TYPE, "xp_meshgrid");
    EXPECT_XP_ERR(e1, XP_ERR_TYPE, "xp_meshgrid");
    Arr m2 = make_real({1, 2, 3, 4}, XP_INT32, {2, 2});
    const xp_array *two_d[1] = {m2};
    EXPECT_EQ(xp_meshgrid(1, two_d, XP_INDEXING_XY, out), XP_ERR_VALUE);
    xp_release(out[0]);
    EXPECT_EQ(xp_meshgrid(1, two_d, (xp_indexing)7, out), XP_ERR_VALUE);
    xp_release(out[0]);
    EXPECT_EQ(xp_meshgrid(0, nullptr, XP_INDEXING_XY, nullptr), XP_OK);
}

TEST(Creation, TrilTriu) {
    std::vector<double> v(24);
    for (int i = 0; i < 24; i++) v[i] = i + 1;
    for (xp_dtype d : {XP_INT32, XP_FLOAT64, XP_COMPLEX64, XP_BOOL, XP_UINT8}) {
        Arr x = make_real(v, d, {2, 3, 4});
        for (int64_t k : {-4, -1, 0, 1, 3, 10}) {
            Arr l(xp_tril(x, k)), u(xp_triu(x, k));
            ASSERT_XP_OK(l);
            ASSERT_XP_OK(u);
            auto xv = values(x), lv = values(l), uv = values(u);
            for (int b = 0; b < 2; b++)
                for (int i = 0; i < 3; i++)
                    for (int j = 0; j < 4; j++) {
                        int n = (b * 3 + i) * 4 + j;
                        EXPECT_EQ(lv[n], j - i <= k ? xv[n] : 0.0);
                        EXPECT_EQ(uv[n], j - i >= k ? xv[n] : 0.0);
                    }
        }
    }
    Arr s = strided_copy(make_real({1, 2, 3, 4}, XP_FLOAT32, {2, 2}), {true, true});
    EXPECT_EQ(reals(Arr(xp_tril(s, 0))), (std::vector<double>{1, 0, 3, 4}));
    EXPECT_XP_ERR(Arr(xp_tril(make_real({1, 2}, XP_FLOAT64), 0)), XP_ERR_VALUE, "xp_tril");
    EXPECT_XP_ERR(Arr(xp_triu(nullptr, 0)), XP_ERR_TYPE, "xp_triu");
}

TEST(Creation, AsarrayFromArraysAndScalars) {
    Arr x = make_real({1, 2, 3}, XP_FLOAT32);
    Arr same(xp_asarray(x, nullptr));
    EXPECT_EQ(same.get(), x.get());  // copy=None: no copy needed
    xp_asarray_opts o = {};
    o.copy = XP_COPY_TRUE;
    Arr c(xp_asarray(x, &o));
    EXPECT_FALSE(xp_array_shares_memory(c, x));
    EXPECT_EQ(reals(c), reals(x));
    o = {};
    o.dtype = XP_FLOAT64;
    Arr d(xp_asarray(x, &o));
    EXPECT_EQ(d.dtype(), XP_FLOAT64);
    o.copy = XP_COPY_FALSE;
    EXPECT_XP_ERR(Arr(xp_asarray(x, &o)), XP_ERR_VALUE, "xp_asarray");
    o = {};
    o.copy = XP_COPY_FALSE;
    Arr nc(xp_asarray(x, &o));
    EXPECT_EQ(nc.get(), x.get());
    // Python scalars become 0-D arrays of their kind's default dtype
    Arr si(xp_int(5)), sf(xp_float(0.5)), sc(xp_complex(1, 2)), sb(xp_bool(false));
    EXPECT_EQ(Arr(xp_asarray(si, nullptr)).dtype(), XP_INT64);
    EXPECT_EQ(Arr(xp_asarray(sf, nullptr)).dtype(), XP_FLOAT64);
    EXPECT_EQ(Arr(xp_asarray(sc, nullptr)).dtype(), XP_COMPLEX128);
    Arr ab(xp_asarray(sb, nullptr));
    EXPECT_EQ(ab.dtype(), XP_BOOL);
    EXPECT_FALSE(xp_array_is_weak(ab));
    o = {};
    o.dtype = XP_FLOAT64;
    EXPECT_XP_ERR(Arr(xp_asarray(sc, &o)), XP_ERR_TYPE, "xp_asarray");
    o = {};
    o.device = XP_DEVICE_CPU1;
    Arr on1(xp_asarray(x, &o));
    EXPECT_EQ(xp_array_device(on1), XP_DEVICE_CPU1);
    o.copy = XP_COPY_FALSE;
    EXPECT_XP_ERR(Arr(xp_asarray(x, &o)), XP_ERR_VALUE, "xp_asarray");
}

TEST(Creation, AsarrayFromCBuffers) {
    double m[2][3] = {{1, 2, 3}, {4, 5, 6}};
    Arr a(xp_asarray_buffer(m, XP_FLOAT64, XP_SHAPE_CXX(2, 3), nullptr));
    ASSERT_XP_OK(a);
    EXPECT_EQ(reals(a), (std::vector<double>{1, 2, 3, 4, 5, 6}));
    EXPECT_NE(xp_array_data(a), (void *)m);  // copied by default
    m[0][0] = 100;
    EXPECT_EQ(reals(a)[0], 1);
    xp_asarray_opts o = {};
    o.copy = XP_COPY_FALSE;
    Arr w(xp_asarray_buffer(m, XP_FLOAT64, XP_SHAPE_CXX(2, 3), &o));
    EXPECT_EQ(xp_array_data(w), (void *)m);  // wrapped, not owned
    o = {};
    o.dtype = XP_INT16;
    Arr c(xp_asarray_buffer(m, XP_FLOAT64, XP_SHAPE_CXX(6), &o));
    EXPECT_EQ(c.dtype(), XP_INT16);
    EXPECT_EQ(reals(c)[0], 100);
    o.copy = XP_COPY_FALSE;
    EXPECT_XP_ERR(Arr(xp_asarray_buffer(m, XP_FLOAT64, XP_SHAPE_CXX(6), &o)), XP_ERR_VALUE,
                  "xp_asarray_buffer");
    int32_t scalar = 42;
    Arr s(xp_asarray_buffer(&scalar, XP_INT32, 0, nullptr, nullptr));
    EXPECT_EQ(s.ndim(), 0);
    EXPECT_EQ(reals(s)[0], 42);
    EXPECT_XP_ERR(Arr(xp_asarray_buffer(nullptr, XP_INT32, XP_SHAPE_CXX(2), nullptr)), XP_ERR_TYPE,
                  "xp_asarray_buffer");
    EXPECT_XP_OK(Arr(xp_asarray_buffer(nullptr, XP_INT32, XP_SHAPE_CXX(0), nullptr)));
    EXPECT_XP_ERR(Arr(xp_asarray_buffer(m, (xp_dtype)20, XP_SHAPE_CXX(2), nullptr)), XP_ERR_TYPE,
                  "xp_asarray_buffer");
    EXPECT_XP_ERR(Arr(xp_asarray_buffer(m, XP_FLOAT64, XP_SHAPE_CXX(-2), nullptr)), XP_ERR_VALUE,
                  "xp_asarray_buffer");
}
