// sum, prod, min, max, mean, var, std, cumulative_sum, cumulative_prod against
// naive references over random inputs of every dtype, shape and layout.
#include "ref_util.h"

using namespace xpt;
using namespace xpt5;

namespace {

xp_dtype sum_dtype(xp_dtype d) {
    if (d == XP_BOOL || d == XP_INT8 || d == XP_INT16 || d == XP_INT32) return XP_INT64;
    if (d == XP_UINT8 || d == XP_UINT16 || d == XP_UINT32) return XP_UINT64;
    return d;
}

enum Op { SUM, PROD, MIN, MAX, MEAN, VAR, STD };

cd reference(Op op, const std::vector<cd> &g, double corr, bool cplx) {
    switch (op) {
    case SUM: {
        cd s = 0;
        for (auto v : g) s += v;
        return s;
    }
    case PROD: {
        // componentwise-safe product for real inputs (complex uses std::complex)
        if (!cplx) {
            double p = 1;
            for (auto v : g) p *= v.real();
            return p;
        }
        cd p = 1;
        for (auto v : g) p *= v;
        return p;
    }
    case MIN:
    case MAX: {
        double m = g[0].real();
        for (auto v : g) {
            if (std::isnan(v.real())) return v.real();
            if (op == MIN ? v.real() < m : v.real() > m) m = v.real();
        }
        return m;
    }
    case MEAN: {
        cd s = 0;
        for (auto v : g) s += v;
        if (g.empty()) return cd(NAN, cplx ? NAN : 0);
        return s / double(g.size());
    }
    default: {
        cd s = 0;
        for (auto v : g) s += v;
        cd m = s / double(g.size());
        double q = 0;
        for (auto v : g) q += std::norm(v - m);
        double den = double(g.size()) - corr;
        double r = den > 0 ? q / den : NAN;
        return op == STD ? std::sqrt(r) : r;
    }
    }
}

xp_array *call(Op op, const xp_array *x, const xp_reduce_opts *o) {
    switch (op) {
    case SUM: return xp_sum(x, o);
    case PROD: return xp_prod(x, o);
    case MIN: return xp_min(x, o);
    case MAX: return xp_max(x, o);
    case MEAN: return xp_mean(x, o);
    case VAR: return xp_var(x, o);
    default: return xp_std(x, o);
    }
}

xp_dtype expected_dtype(Op op, xp_dtype d) {
    if (op == SUM || op == PROD) return sum_dtype(d);
    if (op == MIN || op == MAX) return d;
    xp_dtype f = xp_isdtype(d, XP_KIND_FLOATING) ? d : XP_FLOAT64;
    if (op == MEAN) return f;
    return f == XP_COMPLEX64 ? XP_FLOAT32 : f == XP_COMPLEX128 ? XP_FLOAT64 : f;
}

void check_op(Op op, const std::vector<xp_dtype> &dts, int64_t max_size, int range, double sp) {
    std::mt19937 g(42 + op);
    for (xp_dtype d : dts)
        for (auto &shape : shapes()) {
            if (prod(shape) > max_size) continue;
            auto vals = random_values(d, prod(shape), g, sp, range);
            Arr a = make(vals, d, shape);
            ASSERT_XP_OK(a);
            auto exact = values(a);  // as stored
            int nd = (int)shape.size();
            for (auto &ax : axis_choices(nd)) {
                auto red = mask_of(nd, ax);
                auto grp = groups(exact, shape, red);
                bool empty_red = !grp.empty() && grp[0].empty();
                for (bool keep : {false, true})
                    for (Arr &in : layouts(a)) {
                        xp_reduce_opts o = {};
                        o.axes = ax;
                        o.keepdims = keep;
                        o.correction = op == VAR || op == STD ? 1.0 : 0.0;
                        Arr r(call(op, in, &o));
                        std::string ctx = dtype_str(d) + " shape " + std::to_string(nd) +
                                          "-D size " + std::to_string(prod(shape)) + " axes n=" +
                                          std::to_string(ax.n) + " keep=" + std::to_string(keep);
                        if ((op == MIN || op == MAX) && empty_red) {
                            EXPECT_XP_ERR(r, XP_ERR_VALUE, op == MIN ? "xp_min" : "xp_max");
                            continue;
                        }
                        ASSERT_XP_OK(r) << ctx;
                        EXPECT_EQ(r.dtype(), expected_dtype(op, d)) << ctx;
                        EXPECT_EQ(r.shape(), out_shape(shape, red, keep)) << ctx;
                        auto got = values(r);
                        ASSERT_EQ(got.size(), grp.size()) << ctx;
                        for (size_t i = 0; i < grp.size(); i++) {
                            cd want = reference(op, grp[i], o.correction, is_complex(d));
                            double tol = is_float(d) ? tol_of(d) : 1e-12;
                            if (op == VAR || op == STD) tol = std::max(tol, 1e-6);
                            EXPECT_TRUE(close(got[i], want, tol))
                                << ctx << " [" << i << "] got " << got[i] << " want " << want;
                        }
                    }
            }
        }
}

std::vector<xp_dtype> real_dtypes() {
    std::vector<xp_dtype> v;
    for (auto d : all_dtypes())
        if (!is_complex(d)) v.push_back(d);
    return v;
}
std::vector<xp_dtype> numeric_and_bool() { return all_dtypes(); }

}  // namespace

TEST(Statistical, SumMatchesReference) { check_op(SUM, numeric_and_bool(), 1 << 20, 20, 0.1); }
TEST(Statistical, ProdMatchesReference) { check_op(PROD, numeric_and_bool(), 12, 2, 0.1); }
TEST(Statistical, MinMatchesReference) { check_op(MIN, real_dtypes(), 1 << 20, 20, 0.1); }
TEST(Statistical, MaxMatchesReference) { check_op(MAX, real_dtypes(), 1 << 20, 20, 0.1); }
TEST(Statistical, MeanMatchesReference) { check_op(MEAN, numeric_and_bool(), 1 << 20, 20, 0.1); }
TEST(Statistical, VarMatchesReference) { check_op(VAR, numeric_and_bool(), 1 << 20, 20, 0.05); }
TEST(Statistical, StdMatchesReference) { check_op(STD, numeric_and_bool(), 1 << 20, 20, 0.05); }

// ---- dtype keyword and accumulation rules ----------------------------------

TEST(Statistical, SumDtypeKeyword) {
    Arr a = make_real({100, 100, 100}, XP_INT8);
    xp_reduce_opts o = {};
    Arr s(xp_sum(a, &o));
    ASSERT_XP_OK(s);
    EXPECT_EQ(s.dtype(), XP_INT64);
    EXPECT_EQ(reals(s)[0], 300);
    o.dtype = XP_INT8;  // accumulate in int8: wraps
    Arr w(xp_sum(a, &o));
    ASSERT_XP_OK(w);
    EXPECT_EQ(w.dtype(), XP_INT8);
    EXPECT_EQ(reals(w)[0], 44);
    o.dtype = XP_FLOAT32;
    Arr f(xp_prod(a, &o));
    ASSERT_XP_OK(f);
    EXPECT_EQ(f.dtype(), XP_FLOAT32);
    EXPECT_EQ(reals(f)[0], 1e6);
    Arr c = make({cd(1, 2)}, XP_COMPLEX64);
    o.dtype = XP_FLOAT64;
    EXPECT_XP_ERR(Arr(xp_sum(c, &o)), XP_ERR_TYPE, "xp_sum");
    o.dtype = XP_COMPLEX128;
    Arr cs(xp_sum(c, &o));
    ASSERT_XP_OK(cs);
    EXPECT_EQ(cs.dtype(), XP_COMPLEX128);
    o.dtype = (xp_dtype)99;
    EXPECT_XP_ERR(Arr(xp_sum(a, &o)), XP_ERR_TYPE, "xp_sum");
    Arr u = make_real({200, 200}, XP_UINT8);
    Arr us(xp_sum(u, nullptr));
    EXPECT_EQ(us.dtype(), XP_UINT64);
    EXPECT_EQ(reals(us)[0], 400);
}

TEST(Statistical, IntegerMomentsAreFloat64) {
    Arr a = make_real({1, 2, 3, 4}, XP_INT32);
    Arr m(xp_mean(a, nullptr));
    ASSERT_XP_OK(m);
    EXPECT_EQ(m.dtype(), XP_FLOAT64);
    EXPECT_EQ(reals(m)[0], 2.5);
    Arr v(xp_var(a, nullptr));
    EXPECT_EQ(v.dtype(), XP_FLOAT64);
    EXPECT_DOUBLE_EQ(reals(v)[0], 1.25);
    Arr c = make({cd(1, 1), cd(3, -1)}, XP_COMPLEX64);
    Arr cv(xp_var(c, nullptr));
    EXPECT_EQ(cv.dtype(), XP_FLOAT32);
    EXPECT_DOUBLE_EQ(reals(cv)[0], 2.0);
    Arr cm(xp_mean(c, nullptr));
    EXPECT_EQ(cm.dtype(), XP_COMPLEX64);
    EXPECT_EQ(values(cm)[0], cd(2, 0));
}

// ---- special-case rows of special-cases.tsv (reductions) -------------------

TEST(StatisticalSpecial, SumEmptyIsZero) {
    for (auto d : {XP_INT8, XP_UINT16, XP_FLOAT32, XP_FLOAT64, XP_COMPLEX128}) {
        Arr a = make({}, d, {0});
        Arr s(xp_sum(a, nullptr));
        ASSERT_XP_OK(s);
        EXPECT_EQ(values(s)[0], cd(0, 0)) << dtype_str(d);
    }
}
TEST(StatisticalSpecial, ProdEmptyIsOne) {
    for (auto d : {XP_INT8, XP_UINT16, XP_FLOAT32, XP_FLOAT64, XP_COMPLEX64}) {
        Arr a = make({}, d, {0});
        Arr s(xp_prod(a, nullptr));
        ASSERT_XP_OK(s);
        EXPECT_EQ(values(s)[0], cd(1, 0)) << dtype_str(d);
    }
}
TEST(StatisticalSpecial, SumProdFloatAsRepeatedOps) {
    Arr a = make_real({INFINITY, -INFINITY, 1}, XP_FLOAT64);
    EXPECT_TRUE(std::isnan(reals(Arr(xp_sum(a, nullptr)))[0]));
    Arr b = make_real({INFINITY, 0.0}, XP_FLOAT32);
    EXPECT_TRUE(std::isnan(reals(Arr(xp_prod(b, nullptr)))[0]));
    Arr c = make_real({1e308, 1e308, -1e308}, XP_FLOAT64);
    EXPECT_TRUE(std::isinf(reals(Arr(xp_sum(c, nullptr)))[0]));
    Arr n = make_real({1, NAN, 2}, XP_FLOAT64);
    EXPECT_TRUE(std::isnan(reals(Arr(xp_sum(n, nullptr)))[0]));
    EXPECT_TRUE(std::isnan(reals(Arr(xp_prod(n, nullptr)))[0]));
}
TEST(StatisticalSpecial, MaxMinNaNPropagates) {
    for (auto d : {XP_FLOAT32, XP_FLOAT64}) {
        Arr a = make_real({1, NAN, INFINITY, -INFINITY}, d);
        EXPECT_TRUE(std::isnan(reals(Arr(xp_max(a, nullptr)))[0]));
        EXPECT_TRUE(std::isnan(reals(Arr(xp_min(a, nullptr)))[0]));
        Arr b = make_real({NAN, 1}, d);
        EXPECT_TRUE(std::isnan(reals(Arr(xp_max(b, nullptr)))[0]));
    }
}
TEST(StatisticalSpecial, MaxMinEmptyIsValueError) {
    Arr a = make({}, XP_FLOAT64, {0, 3});
    EXPECT_XP_ERR(Arr(xp_max(a, nullptr)), XP_ERR_VALUE, "xp_max");
    xp_reduce_opts o = {};
    o.axes = one_axis(0);
    EXPECT_XP_ERR(Arr(xp_min(a, &o)), XP_ERR_VALUE, "xp_min");
    o.axes = one_axis(1);  // 0 rows of 3: nothing is reduced empty, result shape (0,)
    Arr r(xp_min(a, &o));
    ASSERT_XP_OK(r);
    EXPECT_EQ(r.shape(), (std::vector<int64_t>{0}));
    Arr b = make({}, XP_FLOAT64, {3, 0});
    o.axes = one_axis(0);
    Arr e(xp_max(b, &o));  // 3 rows reduced into 0 columns: empty result, no error
    ASSERT_XP_OK(e);
    EXPECT_EQ(e.shape(), (std::vector<int64_t>{0}));
    Arr c = make({cd(1, 1)}, XP_COMPLEX128);
    EXPECT_XP_ERR(Arr(xp_max(c, nullptr)), XP_ERR_TYPE, "xp_max");
}
TEST(StatisticalSpecial, MeanEmptyIsNaN) {
    Arr a = make({}, XP_FLOAT32, {0});
    Arr m(xp_mean(a, nullptr));
    ASSERT_XP_OK(m);
    EXPECT_TRUE(std::isnan(reals(m)[0]));
    Arr c = make({}, XP_COMPLEX128, {0});
    Arr cm(xp_mean(c, nullptr));
    ASSERT_XP_OK(cm);
    EXPECT_TRUE(std::isnan(values(cm)[0].real()));
    EXPECT_TRUE(std::isnan(values(cm)[0].imag()));
}
TEST(StatisticalSpecial, MeanNaNPropagates) {
    Arr a = make_real({1, NAN}, XP_FLOAT64);
    EXPECT_TRUE(std::isnan(reals(Arr(xp_mean(a, nullptr)))[0]));
    Arr c = make({cd(NAN, 1), cd(1, 1)}, XP_COMPLEX128);
    cd m = values(Arr(xp_mean(c, nullptr)))[0];
    EXPECT_TRUE(std::isnan(m.real()));
    EXPECT_EQ(m.imag(), 1.0);
    Arr c2 = make({cd(1, NAN), cd(1, 1)}, XP_COMPLEX128);
    cd m2 = values(Arr(xp_mean(c2, nullptr)))[0];
    EXPECT_EQ(m2.real(), 1.0);
    EXPECT_TRUE(std::isnan(m2.imag()));
}
TEST(StatisticalSpecial, VarStdCorrectionTooLargeIsNaN) {
    Arr a = make_real({1, 2, 3}, XP_FLOAT64);
    xp_reduce_opts o = {};
    o.correction = 3;
    EXPECT_TRUE(std::isnan(reals(Arr(xp_var(a, &o)))[0]));
    EXPECT_TRUE(std::isnan(reals(Arr(xp_std(a, &o)))[0]));
    o.correction = 5.5;
    EXPECT_TRUE(std::isnan(reals(Arr(xp_var(a, &o)))[0]));
    o.correction = 2;
    EXPECT_DOUBLE_EQ(reals(Arr(xp_var(a, &o)))[0], 2.0);
    Arr e = make({}, XP_FLOAT32, {0});
    EXPECT_TRUE(std::isnan(reals(Arr(xp_var(e, nullptr)))[0]));
    o.correction = -1;
    EXPECT_XP_ERR(Arr(xp_var(a, &o)), XP_ERR_VALUE, "xp_var");
    o.correction = NAN;
    EXPECT_XP_ERR(Arr(xp_std(a, &o)), XP_ERR_VALUE, "xp_std");
}
TEST(StatisticalSpecial, VarStdNaNPropagates) {
    Arr a = make_real({1, NAN, 3}, XP_FLOAT32);
    EXPECT_TRUE(std::isnan(reals(Arr(xp_var(a, nullptr)))[0]));
    EXPECT_TRUE(std::isnan(reals(Arr(xp_std(a, nullptr)))[0]));
}

// ---- bad axes ----------------------------------------------------------------

TEST(Statistical, BadAxes) {
    Arr a = make({}, XP_FLOAT64, {2, 3});
    xp_reduce_opts o = {};
    o.axes = one_axis(2);
    EXPECT_XP_ERR(Arr(xp_sum(a, &o)), XP_ERR_INDEX, "xp_sum");
    o.axes = one_axis(-3);
    EXPECT_XP_ERR(Arr(xp_mean(a, &o)), XP_ERR_INDEX, "xp_mean");
    xp_axes dup = XP_AXES(0, -2);
    o.axes = dup;
    EXPECT_XP_ERR(Arr(xp_max(a, &o)), XP_ERR_INDEX, "axis");
    EXPECT_XP_ERR(Arr(xp_sum(nullptr, nullptr)), XP_ERR_TYPE, "xp_sum");
    Arr z = make({5}, XP_FLOAT64);  // 0-D accepts 0 and -1
    o.axes = one_axis(-1);
    Arr r(xp_sum(z, &o));
    ASSERT_XP_OK(r);
    EXPECT_EQ(r.ndim(), 0);
    EXPECT_EQ(reals(r)[0], 5);
    o.axes = one_axis(1);
    EXPECT_XP_ERR(Arr(xp_sum(z, &o)), XP_ERR_INDEX, "xp_sum");
}

// ---- precision ---------------------------------------------------------------

TEST(Statistical, PairwiseSumOf1e7Float32) {
    const int64_t n = 10000000;
    xp_create_opts co = {XP_FLOAT32, XP_DEVICE_DEFAULT};
    Arr a(xp_empty(1, &n, &co));
    ASSERT_XP_OK(a);
    float *p = (float *)xp_array_data(a);
    uint64_t st = 7;
    double exact = 0;
    float naive = 0;
    for (int64_t i = 0; i < n; i++) {
        st = st * 6364136223846793005ull + 1442695040888963407ull;
        p[i] = 0.5f + (float)(st >> 40) * (1.0f / 16777216.0f);
        exact += p[i];
        naive += p[i];
    }
    double bound = 1e-6 * exact;
    ASSERT_GT(std::fabs(naive - exact), bound);  // the bound is one naive summation fails
    Arr s(xp_sum(a, nullptr));
    ASSERT_XP_OK(s);
    EXPECT_LT(std::fabs(reals(s)[0] - exact), bound);
    Arr m(xp_mean(a, nullptr));
    EXPECT_LT(std::fabs(reals(m)[0] - exact / n), 1e-6 * exact / n);
    // down the leading axis too: 1e7 as (n/10, 10), axis 0
    int64_t shape[2] = {n / 10, 10};
    Arr r(xp_empty(2, shape, &co));
    std::memcpy(xp_array_data(r), p, n * sizeof(float));
    xp_reduce_opts o = {};
    o.axes = one_axis(0);
    Arr cs(xp_sum(r, &o));
    ASSERT_XP_OK(cs);
    double tot = 0;
    for (double v : reals(cs)) tot += v;
    EXPECT_LT(std::fabs(tot - exact), 1e-5 * exact);
}

// ---- cumulative_sum / cumulative_prod ---------------------------------------

namespace {
void check_cumulative(bool prodop) {
    std::mt19937 g(3);
    for (xp_dtype d : all_dtypes())
        for (auto &shape : shapes()) {
            int nd = (int)shape.size();
            if (prodop && prod(shape) > 40) continue;
            auto vals = random_values(d, prod(shape), g, 0.1, prodop ? 1 : 20);
            Arr a = make(vals, d, shape);
            auto exact = values(a);
            for (int ax = -1; ax < std::max(nd, 1); ax++) {
                if (ax < 0 && nd > 1) continue;
                int axis = ax < 0 ? 0 : ax;
                for (bool init : {false, true})
                    for (Arr &in : layouts(a)) {
                        xp_cumulative_opts o = {};
                        if (ax >= 0) o.axis = one_axis(ax);
                        o.include_initial = init;
                        Arr r(prodop ? xp_cumulative_prod(in, &o) : xp_cumulative_sum(in, &o));
                        ASSERT_XP_OK(r);
                        EXPECT_EQ(r.dtype(), sum_dtype(d));
                        std::vector<int64_t> s = nd ? shape : std::vector<int64_t>{1};
                        std::vector<int64_t> os = s;
                        os[axis] += init;
                        ASSERT_EQ(r.shape(), os);
                        // reference: walk each line
                        int64_t outer = 1, inner = 1, m = s[axis];
                        for (int k = 0; k < axis; k++) outer *= s[k];
                        for (size_t k = axis + 1; k < s.size(); k++) inner *= s[k];
                        auto got = values(r);
                        for (int64_t o1 = 0; o1 < outer; o1++)
                            for (int64_t j = 0; j < inner; j++) {
                                cd acc = prodop ? 1 : 0;
                                if (init) {
                                    EXPECT_EQ(got[(o1 * (m + 1)) * inner + j], acc);
                                }
                                for (int64_t k = 0; k < m; k++) {
                                    cd v = exact[(o1 * m + k) * inner + j];
                                    if (k == 0) acc = v;  // the first element is x[0] itself
                                    else if (prodop && !is_complex(d)) acc = acc.real() * v.real();
                                    else acc = prodop ? acc * v : acc + v;
                                    cd gv = got[(o1 * (m + init) + k + init) * inner + j];
                                    EXPECT_TRUE(close(gv, acc, tol_of(d)))
                                        << dtype_str(d) << " got " << gv << " want " << acc;
                                }
                            }
                    }
            }
        }
}
}  // namespace

TEST(Statistical, CumulativeSumMatchesReference) { check_cumulative(false); }
TEST(Statistical, CumulativeProdMatchesReference) { check_cumulative(true); }

TEST(Statistical, CumulativeErrorsAndDtype) {
    Arr a = make({}, XP_FLOAT64, {2, 3});
    EXPECT_XP_ERR(Arr(xp_cumulative_sum(a, nullptr)), XP_ERR_VALUE, "xp_cumulative_sum");
    xp_cumulative_opts o = {};
    o.axis = one_axis(2);
    EXPECT_XP_ERR(Arr(xp_cumulative_prod(a, &o)), XP_ERR_INDEX, "xp_cumulative_prod");
    Arr b = make_real({1, 2, 3}, XP_INT16);
    o = {};
    o.dtype = XP_FLOAT32;
    Arr r(xp_cumulative_sum(b, &o));
    ASSERT_XP_OK(r);
    EXPECT_EQ(r.dtype(), XP_FLOAT32);
    EXPECT_EQ(reals(r), (std::vector<double>{1, 3, 6}));
    Arr z = make({cd(4)}, XP_UINT8);  // 0-D: treated as 1-D of length 1
    Arr zr(xp_cumulative_sum(z, nullptr));
    ASSERT_XP_OK(zr);
    EXPECT_EQ(zr.dtype(), XP_UINT64);
    EXPECT_EQ(zr.shape(), (std::vector<int64_t>{1}));
    // special-case rows: float cumulative ops as repeated add/multiply
    Arr f = make_real({INFINITY, -INFINITY, 1}, XP_FLOAT64);
    auto cs = reals(Arr(xp_cumulative_sum(f, nullptr)));
    EXPECT_EQ(cs[0], INFINITY);
    EXPECT_TRUE(std::isnan(cs[1]));
    auto cp = reals(Arr(xp_cumulative_prod(make_real({INFINITY, 0, 2}, XP_FLOAT32), nullptr)));
    EXPECT_EQ(cp[0], INFINITY);
    EXPECT_TRUE(std::isnan(cp[1]));
}

// Column sums (the reference adapter's tiled pairwise kernel): widths around
// its tile sizes (whole rows up to 4096 columns, else tiles of 2048), row
// counts around its 32-row leaves, several outer blocks; against a long double
// sum, within a pairwise bound.
TEST(Statistical, ColumnSumsAcrossTileEdges) {
    std::mt19937_64 g(41);
    for (xp_dtype d : {XP_FLOAT64, XP_FLOAT32})
        for (int64_t w : {2, 3, 4095, 4096, 4097, 6000})
            for (int64_t rows : {1, 31, 32, 33, 100, 257}) {
                int64_t outer = w < 5000 ? 2 : 1;
                int64_t shape[3] = {outer, rows, w};
                xp_create_opts co = {d, XP_DEVICE_DEFAULT};
                Arr a(xp_empty(3, shape, &co));
                ASSERT_XP_OK(a);
                int64_t n = outer * rows * w;
                std::vector<double> v((size_t)n);
                for (auto &x : v) {
                    x = double(int64_t(g() % 2000001) - 1000000) / 4096.0;
                    if (d == XP_FLOAT32) x = double(float(x));
                }
                for (int64_t i = 0; i < n; i++)
                    if (d == XP_FLOAT64) ((double *)xp_array_data(a))[i] = v[i];
                    else ((float *)xp_array_data(a))[i] = float(v[i]);
                xp_reduce_opts o = {};
                o.axes = one_axis(1);
                Arr s(xp_sum(a, &o));
                ASSERT_XP_OK(s);
                ASSERT_EQ(s.shape(), (std::vector<int64_t>{outer, w}));
                auto got = reals(s);
                double eps = d == XP_FLOAT64 ? 0x1p-52 : 0x1p-23;
                for (int64_t k = 0; k < outer; k++)
                    for (int64_t j = 0; j < w; j++) {
                        long double ex = 0, mag = 0;
                        for (int64_t r = 0; r < rows; r++) {
                            double x = v[(size_t)((k * rows + r) * w + j)];
                            ex += x;
                            mag += std::fabs(x);
                        }
                        double bound = 20 * eps * double(mag) + 1e-300;
                        ASSERT_LE(std::fabs(got[k * w + j] - double(ex)), bound)
                            << dtype_str(d) << " w=" << w << " rows=" << rows << " at " << k << "," << j;
                    }
            }
}

// var along the middle axis (pairwise column deviations, tiles around 4096
// columns) and along the last axis of many rows (sums and deviations chunk by
// chunk of ~256 KiB): against a long double two-pass reference.
// Sum of squared deviations from the mean, two-pass in long double, of the m values
// v[(k*m + r)*inner + j], r = 0..m-1 (one column of a C-order outer×m×inner block).
static long double ref_m2(const std::vector<double> &v, int64_t k, int64_t m, int64_t inner,
                          int64_t j) {
    long double mu = 0, ss = 0;
    for (int64_t r = 0; r < m; r++) mu += v[(size_t)((k * m + r) * inner + j)];
    mu /= m;
    for (int64_t r = 0; r < m; r++) {
        long double e = v[(size_t)((k * m + r) * inner + j)] - mu;
        ss += e * e;
    }
    return ss;
}

TEST(Statistical, VarColumnsAndChunkedRows) {
    std::mt19937_64 g(43);
    auto run = [&](xp_dtype d, std::vector<int64_t> shape, int axis) {
        xp_create_opts co = {d, XP_DEVICE_DEFAULT};
        Arr a(xp_empty(3, shape.data(), &co));
        ASSERT_XP_OK(a);
        int64_t n = shape[0] * shape[1] * shape[2];
        std::vector<double> v((size_t)n);
        for (int64_t i = 0; i < n; i++) {
            v[i] = 1000.0 + double(int64_t(g() % 2000001) - 1000000) / 8192.0;  // offset mean
            if (d == XP_FLOAT32) v[i] = double(float(v[i]));
            if (d == XP_FLOAT64) ((double *)xp_array_data(a))[i] = v[i];
            else ((float *)xp_array_data(a))[i] = float(v[i]);
        }
        xp_reduce_opts o = {};
        o.axes = one_axis(axis);
        o.correction = 1;
        Arr s(xp_var(a, &o));
        ASSERT_XP_OK(s);
        auto got = reals(s);
        int64_t outer = axis == 1 ? shape[0] : shape[0] * shape[1], m = shape[axis],
                inner = axis == 1 ? shape[2] : 1;
        double tol = d == XP_FLOAT64 ? 1e-11 : 2e-3;
        for (int64_t k = 0; k < outer; k++)
            for (int64_t j = 0; j < inner; j++) {
                long double ss = ref_m2(v, k, m, inner, j);
                double want = double(ss / (m - 1));
                ASSERT_NEAR(got[k * inner + j], want, tol * want)
                    << dtype_str(d) << " axis=" << axis << " m=" << m << " at " << k << "," << j;
            }
    };
    for (xp_dtype d : {XP_FLOAT64, XP_FLOAT32}) {
        for (int64_t w : {2, 4096, 4097})
            for (int64_t rows : {2, 33, 100}) run(d, {2, rows, w}, 1);
        run(d, {3, 300, 1000}, 2);  // chunks of 32 (float64) / 65 (float32) rows
        run(d, {1, 5, 70000}, 2);   // rows beyond one chunk
    }
}

// var/std along a non-contiguous axis (one pass: per-leaf means and squared
// deviations, leaves combined by Chan et al.'s formula) with a large mean
// offset (1e8 plus small noise), corrections 0, 1 and 2.5: against a long
// double two-pass reference of the stored values.
TEST(Statistical, VarStdLargeOffsetColumns) {
    std::mt19937_64 g(47);
    double worst[2] = {0, 0};
    for (xp_dtype d : {XP_FLOAT64, XP_FLOAT32})
        for (std::vector<int64_t> shape :
             {std::vector<int64_t>{1, 3000, 3}, {2, 257, 70}, {1, 33, 4097}, {3, 100, 5}})
            for (double corr : {0.0, 1.0, 2.5})
                for (bool sd : {false, true}) {
                    xp_create_opts co = {d, XP_DEVICE_DEFAULT};
                    Arr a(xp_empty(3, shape.data(), &co));
                    ASSERT_XP_OK(a);
                    int64_t outer = shape[0], m = shape[1], inner = shape[2], n = outer * m * inner;
                    std::vector<double> v((size_t)n);
                    for (int64_t i = 0; i < n; i++) {
                        // float32: steps of 8, its spacing at 1e8
                        double noise = d == XP_FLOAT64 ? double(int64_t(g() % 2000001) - 1000000) / 1024.0
                                                       : 8.0 * double(int64_t(g() % 2001) - 1000);
                        v[i] = 1e8 + noise;
                        if (d == XP_FLOAT32) v[i] = double(float(v[i]));
                        if (d == XP_FLOAT64) ((double *)xp_array_data(a))[i] = v[i];
                        else ((float *)xp_array_data(a))[i] = float(v[i]);
                    }
                    xp_reduce_opts o = {};
                    o.axes = one_axis(1);
                    o.correction = corr;
                    Arr s(sd ? xp_std(a, &o) : xp_var(a, &o));
                    ASSERT_XP_OK(s);
                    ASSERT_EQ(s.shape(), (std::vector<int64_t>{outer, inner}));
                    auto got = reals(s);
                    double tol = d == XP_FLOAT64 ? 1e-13 : 1e-5;
                    for (int64_t k = 0; k < outer; k++)
                        for (int64_t j = 0; j < inner; j++) {
                            long double ss = ref_m2(v, k, m, inner, j);
                            long double var = ss / ((long double)m - corr);
                            double want = double(sd ? sqrtl(var) : var);
                            double rel = std::fabs(got[k * inner + j] - want) / want;
                            worst[d == XP_FLOAT32] = std::max(worst[d == XP_FLOAT32], rel);
                            ASSERT_LE(rel, tol) << dtype_str(d) << " m=" << m << " inner=" << inner
                                                << " corr=" << corr << (sd ? " std" : " var") << " at "
                                                << k << "," << j;
                        }
                }
    std::printf("worst relative error: float64 %.3g, float32 %.3g\n", worst[0], worst[1]);
}
