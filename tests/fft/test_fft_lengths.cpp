// The portable FFT's code paths by length: every radix (2, 3, 4, 5), odd factors
// run directly (7, 11, 13, squares), Bluestein lengths (primes small and large,
// 2 x a prime above the direct-factor limit), real transforms of odd and even
// length (half-length complex for even n, two lines per transform for odd n),
// batches along contiguous and strided axes, float32 and float64, and the
// round-trip error bound. Any flavor's FFT must pass these.
#include "fft_support.h"

using namespace xpt;
using namespace fftt;

namespace {

// Direct DFT in long double with one table of roots (O(n^2) products, O(n) sines).
std::vector<cd> dft_tab(const std::vector<cd> &x, int sign) {
    size_t n = x.size();
    const long double tau = 6.283185307179586476925286766559L;
    std::vector<cld> w(n);
    for (size_t r = 0; r < n; r++) w[r] = cld(std::cos(tau * r / n), sign * std::sin(tau * r / n));
    std::vector<cd> out(n);
    for (size_t k = 0; k < n; k++) {
        cld s = 0;
        size_t idx = 0;
        for (size_t j = 0; j < n; j++) {
            s += cld(x[j].real(), x[j].imag()) * w[idx];
            idx += k;
            if (idx >= n) idx -= n;
        }
        out[k] = cd((double)s.real(), (double)s.imag());
    }
    return out;
}

// Bin k of the DFT of x (long double), for spot checks of long transforms.
cd dft_bin(const std::vector<cd> &x, size_t k, int sign) {
    size_t n = x.size();
    const long double tau = 6.283185307179586476925286766559L;
    cld s = 0;
    for (size_t j = 0; j < n; j++) {
        long double a = sign * tau * (long double)((j * k) % n) / (long double)n;
        s += cld(x[j].real(), x[j].imag()) * cld(std::cos(a), std::sin(a));
    }
    return cd((double)s.real(), (double)s.imag());
}

xp_fft_opts on_axis(int64_t axis, int64_t n = 0) {
    xp_fft_opts o{};
    o.axis.tuple = true;
    o.axis.n = 1;
    o.axis.v[0] = axis;
    o.n = n;
    return o;
}

std::vector<cd> row(const std::vector<cd> &v, size_t r, size_t len) {
    return std::vector<cd>(v.begin() + (long)(r * len), v.begin() + (long)((r + 1) * len));
}

bool single(xp_dtype dt) { return dt == XP_FLOAT32 || dt == XP_COMPLEX64; }

}  // namespace

// Radix 2, 3, 4 and 5 alone and mixed (a lone 2 first), odd factors 7, 11, 13
// (and their squares) done directly, and Bluestein lengths: 53 (direct), 101,
// 1009 (Bluestein by cost), 2062 = 2 x 1031 (a factor above the direct limit), 4099.
TEST(FftLengths, EveryFactorAndBluesteinMatchDirect) {
    const size_t sizes[] = {2,   4,   8,    32,   64,   3,    9,    27,   81,   5,    25,   125,
                            6,   10,  18,   20,   24,   40,   45,   60,   72,   96,   120,  360,
                            7,   11,  13,   49,   121,  169,  14,   22,  77,   1001, 2310, 53,
                            101, 200, 1009, 2062, 4099, 1000, 1024, 1536, 4096};
    for (xp_dtype dt : {XP_COMPLEX128, XP_COMPLEX64})
        for (size_t n : sizes) {
            Arr a = make(random_complex(n, (unsigned)n + 1), dt, {(int64_t)n});
            Arr f(xp_fft_fft(a, nullptr)), b(xp_fft_ifft(a, nullptr));
            ASSERT_XP_OK(f);
            ASSERT_XP_OK(b);
            auto x = values(a);
            EXPECT_LT(rel_err(values(f), dft_tab(x, -1)), tol(dt, n)) << n << dtype_str(dt);
            EXPECT_LT(rel_err(values(b), scaled(dft_tab(x, +1), 1.0 / n)), tol(dt, n)) << n << dtype_str(dt);
        }
}

// rfft and irfft of odd and even lengths (and 1, 2) in both precisions.
TEST(FftLengths, RealOddAndEvenLengthsMatchDirect) {
    const size_t sizes[] = {1, 2, 3, 4, 5, 6, 7, 9, 10, 15, 16, 27, 50, 53, 64, 99, 100, 101, 128, 243, 1000, 1001, 4099};
    for (xp_dtype dt : {XP_FLOAT64, XP_FLOAT32})
        for (size_t n : sizes) {
            Arr a = make(random_real(n, (unsigned)n + 3), dt, {(int64_t)n});
            Arr f(xp_fft_rfft(a, nullptr));
            ASSERT_XP_OK(f);
            auto want = dft_tab(values(a), -1);
            want.resize(n / 2 + 1);
            EXPECT_LT(rel_err(values(f), want), tol(dt, n)) << n << dtype_str(dt);
            // irfft of that spectrum (with junk imaginary parts on the real bins,
            // which the transform ignores) gives x back
            std::vector<cd> h = values(f);
            h[0] += cd(0, 0.5);
            if (n % 2 == 0) h[n / 2] += cd(0, -0.25);
            xp_dtype ct = single(dt) ? XP_COMPLEX64 : XP_COMPLEX128;
            Arr hf = make(h, ct, {(int64_t)h.size()});
            xp_fft_opts o = on_axis(-1, (int64_t)n);
            Arr back(xp_fft_irfft(hf, &o));
            ASSERT_XP_OK(back);
            EXPECT_LT(rel_err(values(back), values(a)), tol(dt, n)) << n << dtype_str(dt);
        }
}

// Batches of rows (contiguous lines; an odd number of rows leaves one line
// unpaired for odd n) and of columns (strided lines, gathered several at a time,
// with row blocks and line groups that do not divide evenly).
TEST(FftLengths, BatchedRowsAndColumns) {
    for (xp_dtype rdt : {XP_FLOAT64, XP_FLOAT32}) {
        xp_dtype cdt = single(rdt) ? XP_COMPLEX64 : XP_COMPLEX128;
        for (size_t n : {1u, 2u, 7u, 64u, 65u, 130u, 131u, 257u})
            for (size_t rows : {1u, 2u, 3u, 11u}) {
                // rows x n, transformed along the last axis
                auto xr = random_real(rows * n, (unsigned)(rows * n));
                auto xc = random_complex(rows * n, (unsigned)(rows * n + 1));
                Arr ar = make(xr, rdt, {(int64_t)rows, (int64_t)n});
                Arr ac = make(xc, cdt, {(int64_t)rows, (int64_t)n});
                Arr fr(xp_fft_rfft(ar, nullptr)), fc(xp_fft_fft(ac, nullptr));
                ASSERT_XP_OK(fr);
                ASSERT_XP_OK(fc);
                xp_fft_opts back_o = on_axis(-1, (int64_t)n);
                Arr br(xp_fft_irfft(fr, &back_o));
                ASSERT_XP_OK(br);
                auto vr = values(ar), vc = values(ac), vfr = values(fr), vfc = values(fc), vbr = values(br);
                size_t h = n / 2 + 1;
                for (size_t r = 0; r < rows; r++) {
                    auto want = dft_tab(row(vr, r, n), -1);
                    want.resize(h);
                    EXPECT_LT(rel_err(row(vfr, r, h), want), tol(rdt, n)) << n << " row " << r << dtype_str(rdt);
                    EXPECT_LT(rel_err(row(vfc, r, n), dft_tab(row(vc, r, n), -1)), tol(cdt, n)) << n << " row " << r;
                    EXPECT_LT(rel_err(row(vbr, r, n), row(vr, r, n)), tol(rdt, n)) << n << " row " << r;
                }
                // n x rows, transformed along axis 0: every line is a strided column
                Arr tr = make(xr, rdt, {(int64_t)n, (int64_t)rows});
                Arr tc = make(xc, cdt, {(int64_t)n, (int64_t)rows});
                xp_fft_opts o0 = on_axis(0), o0n = on_axis(0, (int64_t)n);
                Arr gr(xp_fft_rfft(tr, &o0)), gc(xp_fft_fft(tc, &o0));
                ASSERT_XP_OK(gr);
                ASSERT_XP_OK(gc);
                Arr gb(xp_fft_irfft(gr, &o0n));
                ASSERT_XP_OK(gb);
                auto ur = values(tr), uc = values(tc), ugr = values(gr), ugc = values(gc), ugb = values(gb);
                for (size_t c = 0; c < rows; c++) {
                    std::vector<cd> colr(n), colc(n), outr(h), outc(n), backr(n);
                    for (size_t j = 0; j < n; j++) colr[j] = ur[j * rows + c], colc[j] = uc[j * rows + c];
                    for (size_t j = 0; j < h; j++) outr[j] = ugr[j * rows + c];
                    for (size_t j = 0; j < n; j++) outc[j] = ugc[j * rows + c], backr[j] = ugb[j * rows + c];
                    auto want = dft_tab(colr, -1);
                    want.resize(h);
                    EXPECT_LT(rel_err(outr, want), tol(rdt, n)) << n << " column " << c << dtype_str(rdt);
                    EXPECT_LT(rel_err(outc, dft_tab(colc, -1)), tol(cdt, n)) << n << " column " << c;
                    EXPECT_LT(rel_err(backr, colr), tol(rdt, n)) << n << " column " << c;
                }
            }
    }
}

// Long lengths: primes (Bluestein over a 2-3-5 length) and 2^19 (on the gsl
// flavor, GSL's own FFT): spot bins against a direct sum, a pure tone, the real
// transform of its real part, and columns of a strided batch.
TEST(FftLengths, LongLengthsSpotBinsToneAndColumns) {
    for (size_t n : {4099u, 65537u, 524288u}) {
        auto x = random_complex(n, (unsigned)n);
        Arr a = make(x, XP_COMPLEX128);
        Arr f(xp_fft_fft(a, nullptr));
        ASSERT_XP_OK(f);
        auto v = values(f);
        double m = 0;
        for (auto z : v) m = std::max(m, std::abs(z));
        for (size_t k : {(size_t)0, (size_t)1, (size_t)2, n / 3, n / 2, n - 1}) {
            EXPECT_LT(std::abs(v[k] - dft_bin(x, k, -1)) / m, tol(XP_COMPLEX128, n)) << n << " bin " << k;
        }
        // x_j = e^(2 pi i 5 j/n): the spectrum is n at bin 5 and zero elsewhere
        std::vector<cd> tone(n);
        for (size_t j = 0; j < n; j++) {
            long double ang = 6.283185307179586476925286766559L * (long double)((5 * j) % n) / (long double)n;
            tone[j] = cd((double)std::cos(ang), (double)std::sin(ang));
        }
        Arr t(xp_fft_fft(Arr(make(tone, XP_COMPLEX128)), nullptr));
        ASSERT_XP_OK(t);
        std::vector<cd> want(n);
        want[5] = cd((double)n, 0);
        EXPECT_LT(rel_err(values(t), want), tol(XP_COMPLEX128, n)) << n;
        // rfft of the real part: bins 5 (and n-5, not stored) carry n/2
        Arr rt(xp_fft_rfft(Arr(make(std::vector<cd>(tone.begin(), tone.end()), XP_FLOAT64)), nullptr));
        ASSERT_XP_OK(rt);
        std::vector<cd> rwant(n / 2 + 1);
        rwant[5] = cd((double)n / 2, 0);
        EXPECT_LT(rel_err(values(rt), rwant), tol(XP_COMPLEX128, n)) << n;
        // the same transform on the columns of an n x 3 array (strided lines)
        std::vector<cd> cols(3 * n);
        for (size_t j = 0; j < n; j++) cols[3 * j] = x[j], cols[3 * j + 1] = tone[j], cols[3 * j + 2] = x[n - 1 - j];
        xp_fft_opts o0 = on_axis(0);
        Arr fc(xp_fft_fft(Arr(make(cols, XP_COMPLEX128, {(int64_t)n, 3})), &o0));
        ASSERT_XP_OK(fc);
        auto vc = values(fc), vt = values(t);
        double e0 = 0, e1 = 0;
        for (size_t j = 0; j < n; j++) {
            e0 = std::max(e0, std::abs(vc[3 * j] - v[j]));
            e1 = std::max(e1, std::abs(vc[3 * j + 1] - vt[j]));
        }
        EXPECT_LT(e0 / m, tol(XP_COMPLEX128, n)) << n;
        EXPECT_LT(e1 / (double)n, tol(XP_COMPLEX128, n)) << n;
    }
}

// ifft(fft(x)) returns x within a few eps log2(n) (max error over max |x|) for
// smooth, odd-factor and Bluestein lengths, both precisions.
TEST(FftLengths, RoundTripErrorGrowsLikeLogN) {
    for (xp_dtype dt : {XP_COMPLEX128, XP_COMPLEX64})
        for (size_t n : {1u, 2u, 1000u, 4096u, 4099u, 65536u, 65537u, 117649u, 524288u, 1000003u}) {
            if (single(dt) && n > 70000) continue;
            auto x = random_complex(n, (unsigned)n + 9);
            Arr a = make(x, dt, {(int64_t)n});
            Arr back(xp_fft_ifft(Arr(xp_fft_fft(a, nullptr)), nullptr));
            ASSERT_XP_OK(back);
            double eps = single(dt) ? 5.96e-8 : 1.11e-16;
            // float32 results are rounded to float32 once more on each transform
            double bound = eps * (single(dt) ? 8 : 4) * (std::log2((double)n) + 1);
            EXPECT_LT(rel_err(values(back), values(a)), bound) << n << dtype_str(dt);
        }
}
