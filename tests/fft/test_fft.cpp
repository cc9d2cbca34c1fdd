// The fft extension's transforms: against a direct DFT in long double, norms,
// n/s trimming and padding, axes, strided inputs, round trips, dtype rules.
#include "fft_support.h"

using namespace xpt;
using namespace fftt;

namespace {

xp_axes axes(std::initializer_list<int64_t> v) {
    xp_axes a{};
    a.tuple = true;
    for (int64_t x : v) a.v[a.n++] = x;
    return a;
}

xp_fft_opts o1(int64_t n = 0, int64_t axis = -1, xp_fft_norm norm = XP_FFT_NORM_BACKWARD) {
    xp_fft_opts o{};
    o.n = n;
    o.axis = axes({axis});
    o.norm = norm;
    return o;
}

const size_t kSizes[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 15, 16, 17, 25, 30, 32, 49, 60, 64, 97, 100, 128, 210, 243, 256};

double norm_f(xp_fft_norm nm, bool inverse, double n) {
    if (nm == XP_FFT_NORM_ORTHO) return 1 / std::sqrt(n);
    if (nm == XP_FFT_NORM_FORWARD) return inverse ? 1 : 1 / n;
    return inverse ? 1 / n : 1;
}

// irfft by formula: out[j] = sum over the Hermitian extension of h (imaginary
// parts of the zero and Nyquist bins ignored), unnormalised.
std::vector<cd> c2r_direct(std::vector<cd> h, size_t n) {
    h.resize(n / 2 + 1);
    std::vector<cd> full(n);
    for (size_t k = 0; k < n; k++) {
        if (k <= n / 2)
            full[k] = h[k];
        else
            full[k] = std::conj(h[n - k]);
    }
    full[0] = cd(full[0].real(), 0);
    if (n % 2 == 0) full[n / 2] = cd(full[n / 2].real(), 0);
    std::vector<cd> r = dft(full, +1);
    for (auto &z : r) z = cd(z.real(), 0);
    return r;
}

std::vector<cd> fit(std::vector<cd> v, size_t n) {
    v.resize(n);
    return v;
}

}  // namespace

TEST(FftTransform, FftMatchesDirectDft) {
    for (xp_dtype dt : {XP_COMPLEX128, XP_COMPLEX64})
        for (size_t n : kSizes) {
            auto x = random_complex(n, (unsigned)n);
            Arr a = make(x, dt, {(int64_t)n});
            Arr f(xp_fft_fft(a, nullptr)), b(xp_fft_ifft(a, nullptr));
            ASSERT_XP_OK(f);
            ASSERT_XP_OK(b);
            EXPECT_EQ(f.dtype(), dt);
            EXPECT_EQ(b.dtype(), dt);
            auto xin = values(a);
            EXPECT_LT(rel_err(values(f), dft(xin, -1)), tol(dt, n)) << n << dtype_str(dt);
            EXPECT_LT(rel_err(values(b), scaled(dft(xin, +1), 1.0 / n)), tol(dt, n)) << n;
        }
}

TEST(FftTransform, RfftMatchesDirectDft) {
    for (xp_dtype dt : {XP_FLOAT64, XP_FLOAT32})
        for (size_t n : kSizes) {
            auto x = random_real(n, (unsigned)n + 7);
            Arr a = make(x, dt, {(int64_t)n});
            Arr f(xp_fft_rfft(a, nullptr));
            ASSERT_XP_OK(f);
            EXPECT_EQ(f.dtype(), dt == XP_FLOAT32 ? XP_COMPLEX64 : XP_COMPLEX128);
            EXPECT_EQ(f.shape(), std::vector<int64_t>{(int64_t)(n / 2 + 1)});
            EXPECT_LT(rel_err(values(f), fit(dft(values(a), -1), n / 2 + 1)), tol(dt, n)) << n;
        }
}

TEST(FftTransform, IrfftMatchesDirectFormula) {
    for (xp_dtype dt : {XP_COMPLEX128, XP_COMPLEX64})
        for (size_t n : kSizes) {
            size_t m = n / 2 + 1;
            auto h = random_complex(m, (unsigned)n + 11);
            Arr a = make(h, dt, {(int64_t)m});
            auto before = values(a);
            xp_fft_opts o = o1((int64_t)n);
            Arr r(xp_fft_irfft(a, &o));
            ASSERT_XP_OK(r);
            EXPECT_EQ(r.dtype(), dt == XP_COMPLEX64 ? XP_FLOAT32 : XP_FLOAT64);
            EXPECT_EQ(r.shape(), std::vector<int64_t>{(int64_t)n});
            EXPECT_LT(rel_err(values(r), scaled(c2r_direct(values(a), n), 1.0 / n)), tol(dt, n)) << n;
            EXPECT_EQ(values(a), before);  // c2r never overwrites its input
        }
}

TEST(FftTransform, IrfftDefaultLengthAndPadding) {
    auto h = random_complex(9, 3);
    Arr a = make(h, XP_COMPLEX128);
    Arr r(xp_fft_irfft(a, nullptr));  // n = 2*(9-1) = 16
    ASSERT_XP_OK(r);
    EXPECT_EQ(r.shape(), std::vector<int64_t>{16});
    EXPECT_LT(rel_err(values(r), scaled(c2r_direct(h, 16), 1.0 / 16)), 1e-13);
    for (size_t n : {5u, 7u, 30u, 31u}) {  // trims (n//2+1 < 9) and pads (> 9)
        xp_fft_opts o = o1((int64_t)n);
        Arr q(xp_fft_irfft(a, &o));
        ASSERT_XP_OK(q);
        EXPECT_LT(rel_err(values(q), scaled(c2r_direct(h, n), 1.0 / n)), 1e-13) << n;
    }
}

TEST(FftTransform, HfftAndIhfftMatchDirect) {
    for (size_t n : {1u, 2u, 5u, 8u, 9u, 16u, 17u, 60u}) {
        size_t m = n / 2 + 1;
        auto h = random_complex(m, (unsigned)n);
        Arr a = make(h, XP_COMPLEX128, {(int64_t)m});
        xp_fft_opts o = o1((int64_t)n);
        Arr r(xp_fft_hfft(a, &o));
        ASSERT_XP_OK(r);
        EXPECT_EQ(r.dtype(), XP_FLOAT64);
        std::vector<cd> hc(h);
        for (auto &z : hc) z = std::conj(z);
        EXPECT_LT(rel_err(values(r), c2r_direct(hc, n)), 1e-12) << n;
        auto x = random_real(n, (unsigned)n + 5);
        Arr xr = make(x, XP_FLOAT64, {(int64_t)n});
        Arr ih(xp_fft_ihfft(xr, nullptr));
        ASSERT_XP_OK(ih);
        EXPECT_EQ(ih.dtype(), XP_COMPLEX128);
        auto ref = fit(dft(x, +1), m);
        EXPECT_LT(rel_err(values(ih), scaled(ref, 1.0 / n)), 1e-13) << n;
    }
}

TEST(FftTransform, HermitianSymmetry) {
    // rfft of real input: the zero bin (and Nyquist bin for even n) is real;
    // ihfft(hfft(h)) returns a Hermitian half h whose ends are real.
    for (size_t n : {8u, 9u, 64u, 101u}) {
        Arr x = make(random_real(n, 1), XP_FLOAT64);
        Arr f(xp_fft_fft(Arr(xp_astype(x, XP_COMPLEX128, nullptr)), nullptr));
        auto full = values(f);
        for (size_t k = 1; k < n; k++) EXPECT_LT(std::abs(full[k] - std::conj(full[n - k])), 1e-12);
        auto h = random_complex(n / 2 + 1, 2);
        h[0] = cd(h[0].real(), 0);
        if (n % 2 == 0) h[n / 2] = cd(h[n / 2].real(), 0);
        Arr ha = make(h, XP_COMPLEX128);
        xp_fft_opts o = o1((int64_t)n);
        Arr sig(xp_fft_hfft(ha, &o));
        ASSERT_XP_OK(sig);
        Arr back(xp_fft_ihfft(sig, nullptr));
        ASSERT_XP_OK(back);
        EXPECT_LT(rel_err(values(back), h), 1e-13) << n;
    }
}

TEST(FftTransform, EveryNormMode) {
    const size_t n = 12;
    auto x = random_complex(n, 4);
    Arr a = make(x, XP_COMPLEX128);
    auto xr = random_real(n, 5);
    Arr ar = make(xr, XP_FLOAT64);
    for (xp_fft_norm nm : {XP_FFT_NORM_BACKWARD, XP_FFT_NORM_ORTHO, XP_FFT_NORM_FORWARD}) {
        xp_fft_opts o = o1(0, -1, nm);
        Arr f(xp_fft_fft(a, &o)), b(xp_fft_ifft(a, &o)), r(xp_fft_rfft(ar, &o));
        EXPECT_LT(rel_err(values(f), scaled(dft(x, -1), norm_f(nm, false, n))), 1e-13) << nm;
        EXPECT_LT(rel_err(values(b), scaled(dft(x, +1), norm_f(nm, true, n))), 1e-13) << nm;
        EXPECT_LT(rel_err(values(r), scaled(fit(dft(xr, -1), n / 2 + 1), norm_f(nm, false, n))), 1e-13);
        Arr back(xp_fft_ifft(f, &o));
        EXPECT_LT(rel_err(values(back), x), 1e-13) << nm;
        xp_fft_opts on = o1((int64_t)n, -1, nm);
        Arr rback(xp_fft_irfft(r, &on));
        EXPECT_LT(rel_err(values(rback), xr), 1e-13) << nm;
        Arr h(xp_fft_hfft(r, &on)), ih(xp_fft_ihfft(ar, &o));
        ASSERT_XP_OK(h);
        Arr hb(xp_fft_ihfft(h, &o));
        EXPECT_LT(rel_err(values(ih), scaled(fit(dft(xr, +1), n / 2 + 1), norm_f(nm, true, n))), 1e-13);
        EXPECT_LT(rel_err(values(hb), values(r)), 1e-13) << nm;
        xp_fftn_opts on2{};
        on2.norm = nm;
        Arr fn(xp_fft_fftn(a, &on2));
        EXPECT_LT(rel_err(values(fn), values(f)), 1e-13);
    }
}

TEST(FftTransform, NShorterAndLongerThanAxis) {
    auto x = random_complex(10, 6);
    Arr a = make(x, XP_COMPLEX128);
    for (size_t n : {1u, 4u, 7u, 10u, 13u, 32u}) {
        xp_fft_opts o = o1((int64_t)n);
        Arr f(xp_fft_fft(a, &o));
        ASSERT_XP_OK(f);
        EXPECT_LT(rel_err(values(f), dft(fit(x, n), -1)), 1e-13) << n;
        auto xr = random_real(10, 7);
        Arr ar = make(xr, XP_FLOAT32);
        Arr r(xp_fft_rfft(ar, &o));
        ASSERT_XP_OK(r);
        EXPECT_LT(rel_err(values(r), fit(dft(fit(values(ar), n), -1), n / 2 + 1)), 2e-6) << n;
    }
}

TEST(FftTransform, AxisArgumentOn2D) {
    auto x = random_complex(6 * 5, 8);
    Arr a = make(x, XP_COMPLEX128, {6, 5});
    for (int64_t axis : {0, 1, -1, -2}) {
        xp_fft_opts o = o1(0, axis);
        Arr f(xp_fft_fft(a, &o));
        ASSERT_XP_OK(f);
        auto got = values(f);
        int ax = axis < 0 ? axis + 2 : (int)axis;
        for (int i = 0; i < (ax == 0 ? 5 : 6); i++) {
            std::vector<cd> line, out;
            for (int j = 0; j < (ax == 0 ? 6 : 5); j++) {
                size_t idx = ax == 0 ? (size_t)(j * 5 + i) : (size_t)(i * 5 + j);
                line.push_back(x[idx]);
                out.push_back(got[idx]);
            }
            EXPECT_LT(rel_err(out, dft(line, -1)), 1e-13) << axis;
        }
    }
}

TEST(FftTransform, MultiAxisEqualsComposition) {
    auto x = random_complex(4 * 5 * 6, 9);
    Arr a = make(x, XP_COMPLEX128, {4, 5, 6});
    auto compose = [&](std::vector<int64_t> ax, std::vector<int64_t> s, bool inverse) {
        Arr cur(xp_retain(a));
        for (size_t i = 0; i < ax.size(); i++) {
            xp_fft_opts o = o1(s.empty() ? 0 : s[i], ax[i]);
            cur = Arr(inverse ? xp_fft_ifft(cur, &o) : xp_fft_fft(cur, &o));
        }
        return cur;
    };
    struct Case { std::vector<int64_t> ax, s; };
    for (const Case &c : {Case{{0, 1, 2}, {}}, Case{{0, 2}, {}}, Case{{2, 0}, {}}, Case{{-1}, {}},
                          Case{{1, 0}, {3, 8}}, Case{{2, 0, 1}, {7, -1, 2}}}) {
        for (bool inverse : {false, true}) {
            xp_fftn_opts o{};
            for (int64_t v : c.ax) o.axes.v[o.axes.n++] = v;
            o.axes.tuple = true;
            for (int64_t v : c.s) o.s.v[o.s.n++] = v;
            o.s.tuple = !c.s.empty();
            Arr f(inverse ? xp_fft_ifftn(a, &o) : xp_fft_fftn(a, &o));
            ASSERT_XP_OK(f);
            std::vector<int64_t> s = c.s;
            for (size_t i = 0; i < s.size(); i++)
                if (s[i] == -1) s[i] = a.shape()[(size_t)(c.ax[i] < 0 ? c.ax[i] + 3 : c.ax[i])];
            Arr ref = compose(c.ax, s, inverse);
            ASSERT_XP_OK(ref);
            EXPECT_EQ(f.shape(), ref.shape());
            EXPECT_LT(rel_err(values(f), values(ref)), 1e-13);
        }
    }
    Arr all(xp_fft_fftn(a, nullptr));
    EXPECT_LT(rel_err(values(all), values(compose({0, 1, 2}, {}, false))), 1e-13);
    xp_fftn_opts none{};
    none.axes.tuple = true;  // axes=(): a copy
    Arr same(xp_fft_fftn(a, &none));
    ASSERT_XP_OK(same);
    EXPECT_EQ(values(same), x);
}

TEST(FftTransform, RfftnAndIrfftnEqualCompositions) {
    auto x = random_real(4 * 5 * 6, 10);
    Arr a = make(x, XP_FLOAT64, {4, 5, 6});
    xp_fftn_opts o{};
    o.axes = axes({0, 2});
    o.s = axes({6, 9});
    Arr r(xp_fft_rfftn(a, &o));
    ASSERT_XP_OK(r);
    EXPECT_EQ(r.shape(), (std::vector<int64_t>{6, 5, 5}));
    xp_fft_opts last = o1(9, 2), first = o1(6, 0);
    Arr ref(xp_fft_fft(Arr(xp_fft_rfft(a, &last)), &first));
    EXPECT_LT(rel_err(values(r), values(ref)), 1e-13);
    // irfftn: ifft over the other axes, then irfft over the last one.
    xp_fftn_opts io{};
    io.axes = axes({0, 2});
    io.s = axes({6, 9});
    Arr back(xp_fft_irfftn(r, &io));
    ASSERT_XP_OK(back);
    EXPECT_EQ(back.shape(), (std::vector<int64_t>{6, 5, 9}));
    Arr ref2(xp_fft_irfft(Arr(xp_fft_ifft(r, &first)), &last));
    EXPECT_LT(rel_err(values(back), values(ref2)), 1e-13);
    // Round trip with the original sizes, all axes.
    Arr full(xp_fft_rfftn(a, nullptr));
    xp_fftn_opts so{};
    so.axes = axes({0, 1, 2});
    so.s = axes({4, 5, 6});
    Arr rt(xp_fft_irfftn(full, &so));
    EXPECT_LT(rel_err(values(rt), x), 1e-13);
    // Non-Hermitian input along the first axes: still ifft then irfft.
    auto z = random_complex(3 * 4, 12);
    Arr za = make(z, XP_COMPLEX128, {3, 4});
    Arr zi(xp_fft_irfftn(za, nullptr));
    xp_fft_opts a0 = o1(0, 0);
    Arr zref(xp_fft_irfft(Arr(xp_fft_ifft(za, &a0)), nullptr));
    ASSERT_XP_OK(zi);
    EXPECT_LT(rel_err(values(zi), values(zref)), 1e-13);
}

TEST(FftTransform, StridedAndNegativeStrideInputs) {
    auto x = random_complex(6 * 7, 13);
    Arr a = make(x, XP_COMPLEX128, {6, 7});
    auto xr = random_real(6 * 7, 14);
    Arr ar = make(xr, XP_FLOAT64, {6, 7});
    for (std::vector<bool> flip : {std::vector<bool>{}, {true, false}, {false, true}, {true, true}}) {
        Arr s = strided_copy(a, flip), sr = strided_copy(ar, flip);
        for (int64_t axis : {0, 1}) {
            xp_fft_opts o = o1(0, axis);
            Arr f1(xp_fft_fft(a, &o)), f2(xp_fft_fft(s, &o));
            ASSERT_XP_OK(f2);
            EXPECT_LT(rel_err(values(f2), values(f1)), 1e-14);
            Arr r1(xp_fft_rfft(ar, &o)), r2(xp_fft_rfft(sr, &o));
            ASSERT_XP_OK(r2);
            EXPECT_LT(rel_err(values(r2), values(r1)), 1e-14);
            Arr i1(xp_fft_irfft(a, &o)), i2(xp_fft_irfft(s, &o));
            ASSERT_XP_OK(i2);
            EXPECT_LT(rel_err(values(i2), values(i1)), 1e-14);
            EXPECT_EQ(values(s), values(a));  // the input is untouched
        }
        Arr n1(xp_fft_fftn(a, nullptr)), n2(xp_fft_fftn(s, nullptr));
        EXPECT_LT(rel_err(values(n2), values(n1)), 1e-14);
        Arr q1(xp_fft_rfftn(ar, nullptr)), q2(xp_fft_rfftn(sr, nullptr));
        EXPECT_LT(rel_err(values(q2), values(q1)), 1e-14);
    }
}

TEST(FftTransform, InputsAreNeverModified) {
    auto h = random_complex(3 * 33, 15);
    Arr a = make(h, XP_COMPLEX128, {3, 33});
    Arr r1(xp_fft_irfft(a, nullptr)), r2(xp_fft_hfft(a, nullptr)), r3(xp_fft_irfftn(a, nullptr));
    Arr r4(xp_fft_fft(a, nullptr)), r5(xp_fft_ifftn(a, nullptr));
    ASSERT_XP_OK(r1);
    ASSERT_XP_OK(r3);
    EXPECT_EQ(values(a), h);
}

TEST(FftTransform, RoundTripsAtLargeSizes) {
    for (size_t n : {65536u, 65537u, 100000u}) {
        auto x = random_complex(n, (unsigned)n);
        Arr a = make(x, XP_COMPLEX128);
        Arr back(xp_fft_ifft(Arr(xp_fft_fft(a, nullptr)), nullptr));
        ASSERT_XP_OK(back);
        EXPECT_LT(rel_err(values(back), x), 1e-13) << n;
        auto xr = random_real(n + 1, (unsigned)n + 1);
        Arr ar = make(xr, XP_FLOAT64);
        xp_fft_opts o = o1((int64_t)(n + 1));
        Arr rb(xp_fft_irfft(Arr(xp_fft_rfft(ar, nullptr)), &o));
        ASSERT_XP_OK(rb);
        EXPECT_LT(rel_err(values(rb), xr), 1e-13) << n;
        Arr c64 = make(x, XP_COMPLEX64);
        Arr b64(xp_fft_ifft(Arr(xp_fft_fft(c64, nullptr)), nullptr));
        EXPECT_LT(rel_err(values(b64), values(c64)), 2e-6) << n;
    }
}

// Arrays large enough (one transform spans >= 256 KiB) for the fftw adapter's
// default-planner path that runs multi-axis and strided transforms axis by axis
// through blocked column copies, with block tails and outer loops: checked
// against separable inputs x = a (x) b + c (x) d, whose n-D DFT is
// A (x) B + C (x) D with A..D direct 1-D DFTs.
TEST(FftTransform, LargeMultiAxisAndStridedTransforms) {
    const int64_t n0 = 176, n1 = 200;  // 1-D blocks of 16 leave a tail of 8
    auto a = random_complex(n0, 31), b = random_complex(n1, 32), c = random_complex(n0, 33),
         d = random_complex(n1, 34);
    auto outer2 = [](const std::vector<cd> &u, const std::vector<cd> &v, const std::vector<cd> &w,
                     const std::vector<cd> &z) {
        std::vector<cd> r;
        for (size_t i = 0; i < u.size(); i++)
            for (size_t j = 0; j < v.size(); j++) r.push_back(u[i] * v[j] + w[i] * z[j]);
        return r;
    };
    auto x = outer2(a, b, c, d);
    for (xp_dtype dt : {XP_COMPLEX128, XP_COMPLEX64}) {
        double t = tol(dt, (size_t)(n0 * n1));
        Arr xa = make(x, dt, {n0, n1});
        for (int sign : {-1, +1}) {
            double f = sign < 0 ? 1.0 : 1.0 / (double)(n0 * n1);
            auto want = scaled(outer2(dft(a, sign), dft(b, sign), dft(c, sign), dft(d, sign)), f);
            Arr y(sign < 0 ? xp_fft_fftn(xa, nullptr) : xp_fft_ifftn(xa, nullptr));
            ASSERT_XP_OK(y);
            EXPECT_LT(rel_err(values(y), want), t) << sign;
            Arr ys(sign < 0 ? xp_fft_fftn(strided_copy(xa, {true, false}), nullptr)
                            : xp_fft_ifftn(strided_copy(xa, {false, true}), nullptr));
            ASSERT_XP_OK(ys);
            EXPECT_LT(rel_err(values(ys), want), t) << sign;
            // axis 0 alone (a strided rank-1 batch), also read backwards
            xp_fft_opts o = o1(0, 0);
            Arr y0(sign < 0 ? xp_fft_fft(xa, &o) : xp_fft_ifft(xa, &o));
            auto want0 = scaled(outer2(dft(a, sign), b, dft(c, sign), d), sign < 0 ? 1.0 : 1.0 / (double)n0);
            EXPECT_LT(rel_err(values(y0), want0), t) << sign;
            std::vector<xp_index> key = {XP_SLICE(XP_END, XP_END, -1), XP_ALL};
            Arr rev(xp_array_getitem(xa, 2, key.data()));
            Arr y1(sign < 0 ? xp_fft_fft(rev, &o) : xp_fft_ifft(rev, &o));
            std::vector<cd> ar(a.rbegin(), a.rend()), cr(c.rbegin(), c.rend());
            auto want1 = scaled(outer2(dft(ar, sign), b, dft(cr, sign), d), sign < 0 ? 1.0 : 1.0 / (double)n0);
            EXPECT_LT(rel_err(values(y1), want1), t) << sign;
        }
        EXPECT_EQ(values(xa), values(make(x, dt, {n0, n1})));  // inputs untouched
    }
    // A batch (outer loop) and a batch axis as the contiguous one, over axes of 130 x 140.
    const int64_t m0 = 130, m1 = 140;
    auto p = random_complex(m0, 35), q = random_complex(m1, 36), u = random_complex(m0, 37),
         w = random_complex(m1, 38);
    auto base = outer2(p, q, u, w), tr = outer2(dft(p, -1), dft(q, -1), dft(u, -1), dft(w, -1));
    std::vector<cd> xb, wb, xl, wl;
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; i < base.size(); i++) xb.push_back(base[i] * (double)(k + 1)), wb.push_back(tr[i] * (double)(k + 1));
    for (size_t i = 0; i < base.size(); i++)
        for (int k = 0; k < 3; k++) xl.push_back(base[i] * (double)(k + 1)), wl.push_back(tr[i] * (double)(k + 1));
    xp_fftn_opts last2{}, first2{};
    last2.axes = axes({1, 2});
    first2.axes = axes({0, 1});
    Arr yb(xp_fft_fftn(make(xb, XP_COMPLEX128, {2, m0, m1}), &last2));
    ASSERT_XP_OK(yb);
    EXPECT_LT(rel_err(values(yb), wb), tol(XP_COMPLEX128, (size_t)(m0 * m1)));
    Arr yl(xp_fft_fftn(make(xl, XP_COMPLEX128, {m0, m1, 3}), &first2));
    ASSERT_XP_OK(yl);
    EXPECT_LT(rel_err(values(yl), wl), tol(XP_COMPLEX128, (size_t)(m0 * m1)));
    // rfftn and irfftn (real separable input), float64 and float32
    auto ra = random_real(n0, 39), rb = random_real(n1, 40), rc = random_real(n0, 41),
         rd = random_real(n1, 42);
    auto xr = outer2(ra, rb, rc, rd);
    auto half = [&](std::vector<cd> v) { v.resize((size_t)n1 / 2 + 1); return v; };
    auto wr = outer2(dft(ra, -1), half(dft(rb, -1)), dft(rc, -1), half(dft(rd, -1)));
    for (xp_dtype dt : {XP_FLOAT64, XP_FLOAT32}) {
        double t = tol(dt, (size_t)(n0 * n1));
        Arr xa = make(xr, dt, {n0, n1});
        Arr yr(xp_fft_rfftn(xa, nullptr));
        ASSERT_XP_OK(yr);
        EXPECT_EQ(yr.shape(), (std::vector<int64_t>{n0, n1 / 2 + 1}));
        EXPECT_LT(rel_err(values(yr), wr), t);
        xp_fftn_opts so{};
        so.axes = axes({0, 1});
        so.s = axes({n0, n1});
        Arr back(xp_fft_irfftn(yr, &so));
        ASSERT_XP_OK(back);
        EXPECT_LT(rel_err(values(back), xr), t);
    }
}

TEST(FftTransform, Parseval) {
    for (size_t n : {1000u, 1024u, 1009u}) {
        auto x = random_complex(n, 21);
        Arr f(xp_fft_fft(make(x, XP_COMPLEX128), nullptr));
        double ex = 0, ef = 0;
        for (auto z : x) ex += std::norm(z);
        for (auto z : values(f)) ef += std::norm(z);
        EXPECT_NEAR(ef / n, ex, 1e-12 * ex);
        xp_fft_opts o = o1(0, -1, XP_FFT_NORM_ORTHO);
        Arr g(xp_fft_fft(make(x, XP_COMPLEX128), &o));
        double eg = 0;
        for (auto z : values(g)) eg += std::norm(z);
        EXPECT_NEAR(eg, ex, 1e-12 * ex);
    }
}

TEST(FftTransform, EmptyBatchAndZeroD) {
    Arr e(xp_empty(XP_SHAPE_CXX(0, 8), nullptr));
    Arr ec(xp_astype(e, XP_COMPLEX128, nullptr));
    Arr f(xp_fft_fft(ec, nullptr));
    ASSERT_XP_OK(f);
    EXPECT_EQ(f.shape(), (std::vector<int64_t>{0, 8}));
    Arr r(xp_fft_rfft(e, nullptr));
    ASSERT_XP_OK(r);
    EXPECT_EQ(r.shape(), (std::vector<int64_t>{0, 5}));
    Arr z = make({cd(1, 2)}, XP_COMPLEX128);
    EXPECT_XP_ERR(Arr(xp_fft_fft(z, nullptr)), XP_ERR_INDEX, "xp_fft_fft");
}

TEST(FftErrors, DtypeRules) {
    Arr re = make_real({1, 2, 3, 4}, XP_FLOAT64), cx = make({1, 2, 3, 4}, XP_COMPLEX128);
    Arr in = make_real({1, 2, 3, 4}, XP_INT64);
    EXPECT_XP_ERR(Arr(xp_fft_fft(re, nullptr)), XP_ERR_TYPE, "xp_fft_fft");
    EXPECT_XP_ERR(Arr(xp_fft_ifft(in, nullptr)), XP_ERR_TYPE, "xp_fft_ifft");
    EXPECT_XP_ERR(Arr(xp_fft_fftn(re, nullptr)), XP_ERR_TYPE, "xp_fft_fftn");
    EXPECT_XP_ERR(Arr(xp_fft_ifftn(re, nullptr)), XP_ERR_TYPE, "xp_fft_ifftn");
    EXPECT_XP_ERR(Arr(xp_fft_rfft(cx, nullptr)), XP_ERR_TYPE, "xp_fft_rfft");
    EXPECT_XP_ERR(Arr(xp_fft_rfft(in, nullptr)), XP_ERR_TYPE, "xp_fft_rfft");
    EXPECT_XP_ERR(Arr(xp_fft_rfftn(cx, nullptr)), XP_ERR_TYPE, "xp_fft_rfftn");
    EXPECT_XP_ERR(Arr(xp_fft_ihfft(cx, nullptr)), XP_ERR_TYPE, "xp_fft_ihfft");
    EXPECT_XP_ERR(Arr(xp_fft_irfft(re, nullptr)), XP_ERR_TYPE, "xp_fft_irfft");
    EXPECT_XP_ERR(Arr(xp_fft_irfftn(re, nullptr)), XP_ERR_TYPE, "xp_fft_irfftn");
    EXPECT_XP_ERR(Arr(xp_fft_hfft(re, nullptr)), XP_ERR_TYPE, "xp_fft_hfft");
    EXPECT_XP_ERR(Arr(xp_fft_fft(nullptr, nullptr)), XP_ERR_TYPE, "xp_fft_fft");
    Arr err(xp_error_new(XP_ERR_INDEX, "upstream"));
    Arr passed(xp_fft_fft(err, nullptr));
    EXPECT_EQ(passed.get(), err.get());
}

TEST(FftErrors, BadLengthsAxesAndNorm) {
    Arr cx = make({1, 2, 3, 4, 5, 6}, XP_COMPLEX128, {2, 3});
    xp_fft_opts o = o1(-1);
    EXPECT_XP_ERR(Arr(xp_fft_fft(cx, &o)), XP_ERR_VALUE, "'n'");
    Arr one = make({cd(1, 0)}, XP_COMPLEX128, {1});
    EXPECT_XP_ERR(Arr(xp_fft_irfft(one, nullptr)), XP_ERR_VALUE, "xp_fft_irfft");  // n = 0
    o = o1();
    o.has_n = true;  // n = 0 given: invalid, not None
    EXPECT_XP_ERR(Arr(xp_fft_fft(cx, &o)), XP_ERR_VALUE, "'n'");
    EXPECT_XP_ERR(Arr(xp_fft_rfft(Arr(make_real({1, 2}, XP_FLOAT64, {2})), &o)), XP_ERR_VALUE, "'n'");
    o = o1(0, 2);
    EXPECT_XP_ERR(Arr(xp_fft_fft(cx, &o)), XP_ERR_INDEX, "'axis'");
    o = o1(0, -3);
    EXPECT_XP_ERR(Arr(xp_fft_ifft(cx, &o)), XP_ERR_INDEX, "xp_fft_ifft");
    o = o1();
    o.axis = axes({0, 1});
    EXPECT_XP_ERR(Arr(xp_fft_fft(cx, &o)), XP_ERR_VALUE, "'axis'");
    o = o1(0, -1, (xp_fft_norm)7);
    EXPECT_XP_ERR(Arr(xp_fft_fft(cx, &o)), XP_ERR_VALUE, "'norm'");
    xp_fftn_opts n{};
    n.axes = axes({0, 0});
    EXPECT_XP_ERR(Arr(xp_fft_fftn(cx, &n)), XP_ERR_VALUE, "repeated");
    n.axes = axes({1, -1});
    EXPECT_XP_ERR(Arr(xp_fft_ifftn(cx, &n)), XP_ERR_VALUE, "repeated");
    n.axes = axes({0, 5});
    EXPECT_XP_ERR(Arr(xp_fft_fftn(cx, &n)), XP_ERR_INDEX, "'axes'");
    n = xp_fftn_opts{};
    n.s = axes({4});
    EXPECT_XP_ERR(Arr(xp_fft_fftn(cx, &n)), XP_ERR_VALUE, "'axes'");
    n.axes = axes({0, 1});
    EXPECT_XP_ERR(Arr(xp_fft_fftn(cx, &n)), XP_ERR_VALUE, "xp_fft_fftn");
    n.s = axes({0, 3});
    EXPECT_XP_ERR(Arr(xp_fft_fftn(cx, &n)), XP_ERR_VALUE, "'s'");
    n = xp_fftn_opts{};
    n.norm = (xp_fft_norm)-1;
    EXPECT_XP_ERR(Arr(xp_fft_rfftn(make_real({1, 2, 3}, XP_FLOAT64), &n)), XP_ERR_VALUE, "'norm'");
    n = xp_fftn_opts{};
    n.axes.tuple = true;
    EXPECT_XP_ERR(Arr(xp_fft_irfftn(cx, &n)), XP_ERR_VALUE, "'axes'");
    xp_fft_norm nm = XP_FFT_NORM_FORWARD;
    EXPECT_EQ(xp_fft_norm_from_name("ortho", &nm), XP_OK);
    EXPECT_EQ(nm, XP_FFT_NORM_ORTHO);
    EXPECT_EQ(xp_fft_norm_from_name("Forward", &nm), XP_ERR_VALUE);
    EXPECT_EQ(xp_fft_norm_from_name("", &nm), XP_ERR_VALUE);
    EXPECT_EQ(nm, XP_FFT_NORM_ORTHO);
    EXPECT_EQ(xp_fft_norm_from_name(nullptr, &nm), XP_OK);
    EXPECT_EQ(nm, XP_FFT_NORM_BACKWARD);
}

TEST(FftNamespace, TableHasTheFourteenFunctions) {
    const xp_namespace *ns = xp_namespace_default();
    // members are the flavor's bodies (the flat functions dispatch to them)
#define XP_T_FFT(name) EXPECT_NE((void *)ns->fft.name, nullptr) << #name;
    XP_NS_FFT(XP_T_FFT)
#undef XP_T_FFT
    Arr f(ns->fft.rfftfreq(4, nullptr));
    EXPECT_EQ(reals(f), reals(Arr(xp_fft_rfftfreq(4, nullptr))));
}
