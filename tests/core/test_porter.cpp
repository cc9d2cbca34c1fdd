// What NumPy ports ran into: scopes across helpers, use after release, scalars
// without a scope, messages of status functions, contiguity, short keys,
// element reads, printing, chainable multi-output forms and error paths.
#include "xp_test.h"

#include <cstdlib>
#include <string>

using namespace xpt;

namespace {
struct Tracked {
    int freed = 0;
    double data[4] = {1, 2, 3, 4};
};
xp_array *tracked(Tracked &t) {
    return xp_array_wrap(t.data, XP_FLOAT64, XP_SHAPE_CXX(4), nullptr,
                         [](void *, void *ctx) { static_cast<Tracked *>(ctx)->freed++; }, &t, false);
}
bool has(const std::string &s, const std::string &part) { return s.find(part) != std::string::npos; }

// A helper as a port writes it: its own scope, the result kept.
xp_array *helper_twice(const xp_array *x) {
    xp_scope_begin();
    xp_array *r = xp_keep(xp_multiply(x, xp_float(2.0)));
    xp_scope_end();
    return r;
}
// A helper calling a helper, each with its own scope.
xp_array *outer_helper(const xp_array *x) {
    xp_scope_begin();
    xp_array *r = xp_keep(xp_add(helper_twice(x), xp_float(1.0)));
    xp_scope_end();
    return r;
}

// Counts the bytes an allocator hands out and gets back.
struct Counting {
    long live = 0;
};
void *counting_alloc(size_t n, void *ctx) {
    static_cast<Counting *>(ctx)->live++;
    return std::aligned_alloc(64, (n + 63) / 64 * 64);
}
void counting_free(void *p, size_t, void *ctx) {
    if (p) static_cast<Counting *>(ctx)->live--;
    std::free(p);
}
}  // namespace

// ---- scopes and helpers --------------------------------------------------------

TEST(Porter, HelperResultReleasedByHandInsideCallersScope) {
    // The helper keeps its result into the caller's scope; a caller that also
    // releases it (it "got a new reference") must not free it twice.
    Tracked t;
    xp_scope_begin();
    xp_array *x = tracked(t);
    xp_array *y = outer_helper(x);
    EXPECT_EQ(reals(y), (std::vector<double>{3, 5, 7, 9}));
    xp_release(y);
    xp_scope_end();
    EXPECT_EQ(t.freed, 1);
    EXPECT_EQ(xp_scope_depth(), 0);
}

TEST(Porter, NestedHelpersWithoutCallerScopeHandOverOwnership) {
    Tracked t;
    xp_array *x = tracked(t);
    xp_array *y = outer_helper(x);  // no scope: the caller owns y
    EXPECT_EQ(reals(y), (std::vector<double>{3, 5, 7, 9}));
    xp_release(y);
    xp_release(x);
    EXPECT_EQ(t.freed, 1);
}

TEST(Porter, DebugModeDiagnosesUseAfterRelease) {
    xp_set_debug(true);
    ASSERT_TRUE(xp_debug_enabled());
    xp_array *a = xp_ones(XP_SHAPE_CXX(3), nullptr);
    xp_release(a);
    Arr r(xp_add(a, a));  // a is released: diagnosed, no freed memory touched
    EXPECT_XP_ERR(r, XP_ERR_VALUE, "xp_add");
    EXPECT_TRUE(has(xp_error_message(r), "released"));
    EXPECT_TRUE(xp_failed(a));
    EXPECT_EQ(xp_array_ndim(a), -1);
    xp_clear_last_error();
    xp_release(a);  // a second release is reported, not done
    EXPECT_EQ(xp_last_error_status(), XP_ERR_VALUE);
    EXPECT_TRUE(has(xp_last_error_message(), "xp_release"));

    // a helper that opens two scope levels and keeps its result only once: the
    // outer level releases it, and debug mode names the function that used it
    auto two_levels = [](const xp_array *x) {
        xp_scope_begin();
        xp_scope_begin();
        xp_array *r = xp_keep(xp_negative(x));
        xp_scope_end();
        xp_scope_end();
        return r;
    };
    Arr x(xp_ones(XP_SHAPE_CXX(2), nullptr));
    xp_array *dangling = two_levels(x);
    Arr s(xp_sum(dangling, nullptr));
    EXPECT_XP_ERR(s, XP_ERR_VALUE, "xp_sum");
    xp_set_debug(false);
}

// ---- weak scalars without a scope ------------------------------------------------

TEST(Porter, InlineScalarsLeakNothingWithoutScope) {
    Counting c;
    xp_allocator a = {counting_alloc, counting_free, &c};
    ASSERT_EQ(xp_set_allocator(&a), XP_OK);
    xp_array *x = xp_ones(XP_SHAPE_CXX(3), &(const xp_create_opts &)xp_create_opts{XP_FLOAT32, 0});
    xp_array *r = xp_add(x, xp_float(2.0));
    EXPECT_EQ(xp_array_dtype(r), XP_FLOAT32);
    EXPECT_EQ(reals(r), (std::vector<double>{3, 3, 3}));
    xp_release(r);
    xp_release(x);
    xp_set_allocator(nullptr);
    EXPECT_EQ(c.live, 0);
    // code that releases its scalars by hand stays correct
    xp_array *s = xp_float(0.25);
    xp_release(s);
    xp_release(s);
    Arr t(xp_multiply(Arr(xp_ones(XP_SHAPE_CXX(1), nullptr)), xp_float(0.25)));
    EXPECT_EQ(reals(t), (std::vector<double>{0.25}));
}

// ---- the last error of status-returning functions ---------------------------------

TEST(Porter, StatusFunctionsLeaveAMessage) {
    Arr x(xp_ones(XP_SHAPE_CXX(2), nullptr));
    xp_clear_last_error();
    EXPECT_EQ(xp_save("/nonexistent-dir-xparray/x.npy", x, nullptr), XP_ERR_IO);
    std::string m = xp_last_error_message();
    EXPECT_TRUE(has(m, "xp_save")) << m;
    EXPECT_TRUE(has(m, "/nonexistent-dir-xparray/x.npy")) << m;
    EXPECT_TRUE(has(m, "No such file or directory")) << m;

    Arr i(xp_ones(XP_SHAPE_CXX(2), &(const xp_create_opts &)xp_create_opts{XP_INT32, 0}));
    EXPECT_EQ(xp_array_imul(i, Arr(xp_ones(XP_SHAPE_CXX(2), nullptr))), XP_ERR_TYPE);
    EXPECT_TRUE(has(xp_last_error_message(), "xp_array_imul")) << xp_last_error_message();
    EXPECT_EQ(xp_array_iadd(x, Arr(xp_ones(XP_SHAPE_CXX(3), nullptr))), XP_ERR_VALUE);
    EXPECT_TRUE(has(xp_last_error_message(), "xp_array_iadd")) << xp_last_error_message();
    EXPECT_TRUE(has(xp_last_error_message(), "'x2'")) << xp_last_error_message();
    xp_index k[1] = {xp_index_int(5)};
    EXPECT_EQ(xp_array_setitem(x, 1, k, xp_float(1)), XP_ERR_INDEX);
    EXPECT_TRUE(has(xp_last_error_message(), "xp_array_setitem")) << xp_last_error_message();
    EXPECT_EQ(xp_last_error_status(), XP_ERR_INDEX);
}

// ---- contiguity -------------------------------------------------------------------

TEST(Porter, AscontiguousarrayGivesLinearData) {
    Arr x(xp_reshape(Arr(xp_arange(1, 9, 1, nullptr)), XP_SHAPE_CXX(2, 4), nullptr));
    xp_index k[2] = {XP_ALL, XP_TO(2)};
    Arr v(xp_array_getitem(x, 2, k));  // [[1, 2], [5, 6]], strided
    Arr a(xp_asarray(v, nullptr));
    EXPECT_FALSE(xp_array_is_c_contiguous(a));  // asarray may return the view itself
    Arr c(xp_ascontiguousarray(v, XP_DTYPE_DEFAULT));
    ASSERT_TRUE(xp_array_is_c_contiguous(c));
    const double *d = static_cast<const double *>(xp_array_data(c));
    EXPECT_EQ((std::vector<double>(d, d + 4)), (std::vector<double>{1, 2, 5, 6}));
    Arr same(xp_ascontiguousarray(x, XP_DTYPE_DEFAULT));
    EXPECT_EQ(same.get(), x.get());  // already contiguous: no copy
    Arr f(xp_ascontiguousarray(v, XP_FLOAT32));
    EXPECT_EQ(xp_array_dtype(f), XP_FLOAT32);
    EXPECT_XP_ERR(Arr(xp_ascontiguousarray(nullptr, XP_DTYPE_DEFAULT)), XP_ERR_TYPE,
                  "xp_ascontiguousarray");
}

// ---- axes, slices and run-time keys -----------------------------------------------

TEST(Porter, AxisAndAxesNameOneField) {
    Arr x(xp_reshape(Arr(xp_arange(0, 6, 1, nullptr)), XP_SHAPE_CXX(2, 3), nullptr));
    xp_reduce_opts r{};
    r.axis = xp_axes{1, true, {0}};  // sum spelled with .axis
    EXPECT_EQ(reals(Arr(xp_sum(x, &r))), (std::vector<double>{3, 5, 7}));
    xp_arg_opts g{};
    g.axes = xp_axes{1, true, {1}};  // argmax spelled with .axes
    EXPECT_EQ(reals(Arr(xp_argmax(x, &g))), (std::vector<double>{2, 2}));
}

TEST(Porter, ShortSlicesAndRunTimeKeys) {
    Arr x(xp_arange(0, 6, 1, nullptr));
    xp_index from[1] = {XP_FROM(1)}, to[1] = {XP_TO(2)}, rg[1] = {XP_RANGE(1, 3)},
             st[1] = {XP_STEP(-2)};
    EXPECT_EQ(reals(Arr(xp_array_getitem(x, 1, from))), (std::vector<double>{1, 2, 3, 4, 5}));
    EXPECT_EQ(reals(Arr(xp_array_getitem(x, 1, to))), (std::vector<double>{0, 1}));
    EXPECT_EQ(reals(Arr(xp_array_getitem(x, 1, rg))), (std::vector<double>{1, 2}));
    EXPECT_EQ(reals(Arr(xp_array_getitem(x, 1, st))), (std::vector<double>{5, 3, 1}));
    Arr m(xp_reshape(x, XP_SHAPE_CXX(2, 3), nullptr));
    xp_index key[XP_MAX_NDIM];
    int n = xp_key_at(key, xp_array_ndim(m), -1, xp_index_int(2));  // m[:, 2]
    EXPECT_EQ(reals(Arr(xp_array_getitem(m, n, key))), (std::vector<double>{2, 5}));
    EXPECT_EQ(xp_key_at(key, 2, 2, xp_index_int(0)), 0);  // axis out of range
    EXPECT_EQ(xp_key_all(key, 3), 3);
}

// ---- element reads, copies, dimensions ---------------------------------------------

TEST(Porter, ReadsElementsWithoutAllocating) {
    Arr x(xp_reshape(Arr(xp_arange(0, 6, 1, nullptr)), XP_SHAPE_CXX(2, 3), nullptr));
    Arr t(xp_array_T(x));  // strided
    int64_t idx[2] = {2, -1};
    double v = 0;
    EXPECT_EQ(xp_array_get_double(t, idx, &v), XP_OK);
    EXPECT_EQ(v, 5.0);
    int64_t bad[2] = {3, 0};
    EXPECT_EQ(xp_array_get_double(t, bad, &v), XP_ERR_INDEX);
    EXPECT_TRUE(has(xp_last_error_message(), "xp_array_get_double")) << xp_last_error_message();
    Arr i(xp_arange_int(-3, 3, 1, nullptr));
    int64_t iv = 0, one = 0, ok[2] = {1, -1};
    EXPECT_EQ(xp_array_get_int64(i, &one, &iv), XP_OK);
    EXPECT_EQ(iv, -3);
    EXPECT_EQ(xp_array_get_int64(x, ok, &iv), XP_ERR_TYPE);  // float64: use get_double
    Arr z(make({{1, 2}, {3, -4}}, XP_COMPLEX64));
    double c[2];
    int64_t last = -1;
    EXPECT_EQ(xp_array_get_complex(z, &last, c), XP_OK);
    EXPECT_EQ(c[0], 3.0);
    EXPECT_EQ(c[1], -4.0);
    EXPECT_EQ(xp_array_get_double(z, &last, &v), XP_ERR_TYPE);
    Arr s(xp_sum(x, nullptr));
    EXPECT_EQ(xp_array_get_double(s, nullptr, &v), XP_OK);  // 0-D
    EXPECT_EQ(v, 15.0);

    double buf[6];
    EXPECT_EQ(xp_array_copy_to(t, buf, sizeof buf), XP_OK);
    EXPECT_EQ((std::vector<double>(buf, buf + 6)), (std::vector<double>{0, 3, 1, 4, 2, 5}));
    EXPECT_EQ(xp_array_copy_to(t, buf, sizeof buf - 1), XP_ERR_VALUE);
    EXPECT_TRUE(has(xp_last_error_message(), "nbytes")) << xp_last_error_message();

    EXPECT_EQ(xp_array_dim(x, 0), 2);
    EXPECT_EQ(xp_array_dim(x, -1), 3);
    EXPECT_EQ(xp_array_dim(x, 2), -1);
    EXPECT_EQ(xp_array_dim(s, 0), -1);  // 0-D
    Arr e(xp_error_new(XP_ERR_VALUE, "bad"));
    EXPECT_EQ(xp_array_dim(e, 0), -1);
    EXPECT_EQ(xp_array_dim(nullptr, 0), -1);
}

// ---- printing (expected texts are NumPy 1.24's repr of the same arrays) -----------

namespace {
std::string fmt(const xp_array *x) {
    size_t n = xp_array_format(x, nullptr, 0);
    std::string s(n, '\0');
    xp_array_format(x, s.data(), n + 1);
    return s;
}
}  // namespace

TEST(Porter, PrintsLikeNumpy) {
    EXPECT_EQ(fmt(Arr(make_real({1.5, 2.25, 3, -4}, XP_FLOAT64, {2, 2}))),
              "array([[ 1.5 ,  2.25],\n       [ 3.  , -4.  ]])");
    EXPECT_EQ(fmt(Arr(xp_arange(0, 2000, 1, nullptr))),
              "array([0.000e+00, 1.000e+00, 2.000e+00, ..., 1.997e+03, 1.998e+03,\n"
              "       1.999e+03])");
    EXPECT_EQ(fmt(Arr(make_real({1e-5, 1, NAN, INFINITY}, XP_FLOAT32))),
              "array([1.e-05, 1.e+00,    nan,    inf], dtype=float32)");
    Arr r(xp_reshape(Arr(xp_arange_int(0, 24, 1, nullptr)), XP_SHAPE_CXX(2, 3, 4), nullptr));
    EXPECT_EQ(fmt(r),
              "array([[[ 0,  1,  2,  3],\n        [ 4,  5,  6,  7],\n        [ 8,  9, 10, 11]],\n\n"
              "       [[12, 13, 14, 15],\n        [16, 17, 18, 19],\n        [20, 21, 22, 23]]])");
    EXPECT_EQ(fmt(Arr(make({{1, 2}, {3.5, -4}}, XP_COMPLEX128))), "array([1. +2.j, 3.5-4.j])");
    EXPECT_EQ(fmt(Arr(xp_zeros(XP_SHAPE_CXX(0, 3), nullptr))),
              "array([], shape=(0, 3), dtype=float64)");
    EXPECT_EQ(fmt(Arr(make_real({3}, XP_FLOAT64, {}))), "array(3.)");
    Arr h(xp_linspace(0, 1, 30, nullptr));
    EXPECT_EQ(fmt(h),  // numpy 1.24: repr(np.linspace(0, 1, 30))
              "array([0.        , 0.03448276, 0.06896552, 0.10344828, 0.13793103,\n"
              "       0.17241379, 0.20689655, 0.24137931, 0.27586207, 0.31034483,\n"
              "       0.34482759, 0.37931034, 0.4137931 , 0.44827586, 0.48275862,\n"
              "       0.51724138, 0.55172414, 0.5862069 , 0.62068966, 0.65517241,\n"
              "       0.68965517, 0.72413793, 0.75862069, 0.79310345, 0.82758621,\n"
              "       0.86206897, 0.89655172, 0.93103448, 0.96551724, 1.        ])");
    EXPECT_EQ(fmt(Arr(xp_greater(Arr(xp_arange(0, 4, 1, nullptr)), xp_float(1.5)))),
              "array([False, False,  True,  True])");
    EXPECT_EQ(fmt(Arr(make_real({1, 200}, XP_UINT8))), "array([  1, 200], dtype=uint8)");
    EXPECT_EQ(fmt(Arr(xp_error_new(XP_ERR_VALUE, "boom"))), "<error array XP_ERR_VALUE: boom>");
    char small[8];
    EXPECT_EQ(xp_array_format(Arr(make_real({3}, XP_FLOAT64, {})), small, sizeof small), 9u);
    EXPECT_STREQ(small, "array(3");
    FILE *f = tmpfile();
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(xp_array_print(Arr(make_real({3}, XP_FLOAT64, {})), f), XP_OK);
    rewind(f);
    char line[32] = {0};
    EXPECT_NE(fgets(line, sizeof line, f), nullptr);
    fclose(f);
    EXPECT_STREQ(line, "array(3.)\n");
}

// ---- chainable forms of the multi-output functions ----------------------------------

TEST(Porter, StackedFormsChain) {
    Arr x(make_real({0, 1, 2, 0, 0, 3}, XP_FLOAT64, {2, 3}));
    Arr nz(xp_nonzero_stacked(x));  // np.array(np.nonzero(x))
    ASSERT_FALSE(nz.failed()) << xp_error_message(nz);
    EXPECT_EQ(xp_array_dim(nz, 0), 2);
    EXPECT_EQ(reals(nz), (std::vector<double>{0, 0, 1, 1, 2, 2}));
    EXPECT_XP_ERR(Arr(xp_nonzero_stacked(Arr(make_real({1}, XP_FLOAT64, {})))), XP_ERR_VALUE,
                  "xp_nonzero");

    Arr a(xp_arange(0, 3, 1, nullptr)), b(xp_arange(0, 2, 1, nullptr));
    const xp_array *ab[2] = {a, b};
    Arr g(xp_meshgrid_stacked(2, ab, XP_INDEXING_XY));  // np.stack(np.meshgrid(a, b))
    ASSERT_FALSE(g.failed()) << xp_error_message(g);
    EXPECT_EQ(xp_array_ndim(g), 3);
    EXPECT_EQ(reals(g), (std::vector<double>{0, 1, 2, 0, 1, 2, 0, 0, 0, 1, 1, 1}));

    Arr col(make_real({10, 20}, XP_FLOAT64, {2, 1}));
    const xp_array *bc[2] = {a, col};
    Arr s(xp_broadcast_arrays_stacked(2, bc));
    ASSERT_FALSE(s.failed()) << xp_error_message(s);
    EXPECT_EQ(reals(s), (std::vector<double>{0, 1, 2, 0, 1, 2, 10, 10, 10, 20, 20, 20}));

    xp_stack_opts o{1};
    Arr u(xp_unstack_stacked(x, &o));  // pieces along axis 1: u[k] = x[:, k]
    EXPECT_EQ(xp_array_dim(u, 0), 3);
    xp_index k1[2] = {xp_index_int(1), XP_ELLIPSIS};
    EXPECT_EQ(reals(Arr(xp_array_getitem(u, 2, k1))), (std::vector<double>{1, 0}));
    xp_stack_opts bad{2};
    EXPECT_XP_ERR(Arr(xp_unstack_stacked(x, &bad)), XP_ERR_INDEX, "xp_unstack_stacked");
}

// ---- where an error passed ---------------------------------------------------------

TEST(Porter, ErrorsRecordTheirPath) {
    Arr a(xp_ones(XP_SHAPE_CXX(3), nullptr)), b(xp_ones(XP_SHAPE_CXX(4), nullptr));
    xp_scope_begin();
    Arr r(xp_keep(xp_sqrt(xp_divide(xp_subtract(a, b), a))));
    xp_scope_end();
    ASSERT_TRUE(r.failed());
    EXPECT_TRUE(has(xp_error_message(r), "xp_subtract")) << xp_error_message(r);
    const char *path[8];
    ASSERT_EQ(xp_error_path(r, path, 8), 2);
    EXPECT_STREQ(path[0], "xp_divide");
    EXPECT_STREQ(path[1], "xp_sqrt");
    char t[512];
    xp_error_trace(r, t, sizeof t);
    EXPECT_TRUE(has(t, "(via xp_divide <- xp_sqrt)")) << t;
    EXPECT_EQ(xp_error_path(a, path, 8), 0);
}
