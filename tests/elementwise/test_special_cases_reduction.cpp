// The reduction and linalg rows of the special-case table (sum, prod, mean, std,
// var, max, min, cumulative_sum, cumulative_prod, linalg.trace, linalg.slogdet):
// SpecialCasesReduction/Row.Check/<row>_<dtype> and SpecialCasesLinalg/Row.Check/...
//
// NOT in the meson list yet: add it to tests/meson.build when issues 5 (statistics)
// and 6 (linalg) land. The calls below assume the signatures DESIGN.md describes
// (`xp_sum(x, const xp_reduce_opts *)`, NULL = all axes; `xp_cumulative_sum(x, opts)`;
// `xp_linalg_trace(x, opts)`; `xp_linalg_slogdet(x)` returning {sign, logabsdet}):
// adjust the few lines in `reduce()` / `slogdet()` if they differ.
#include "special_cases.h"

using namespace xpt;
using namespace xpsc;

namespace {

Arr reduce(const std::string &fn, const Arr &x) {
    if (fn == "sum") return Arr(xp_sum(x, nullptr));
    if (fn == "prod") return Arr(xp_prod(x, nullptr));
    if (fn == "mean") return Arr(xp_mean(x, nullptr));
    if (fn == "std") return Arr(xp_std(x, nullptr));
    if (fn == "var") return Arr(xp_var(x, nullptr));
    if (fn == "max") return Arr(xp_max(x, nullptr));
    if (fn == "min") return Arr(xp_min(x, nullptr));
    if (fn == "cumulative_sum") return Arr(xp_cumulative_sum(x, nullptr));
    if (fn == "cumulative_prod") return Arr(xp_cumulative_prod(x, nullptr));
    if (fn == "linalg.trace") return Arr(xp_linalg_trace(x, nullptr));
    return Arr();
}

void check_row(const TableRow &r, xp_dtype dt) {
    std::string fn = r.fn, cond = r.condition;
    const double nan = NAN, inf = INFINITY;
    bool cplx = xp_isdtype(dt, XP_KIND_COMPLEX_FLOATING);
    if (fn == "linalg.slogdet") {
        Arr z = make({0, 0, 0, 0}, dt, {2, 2});
        xp_slogdet_result s = xp_linalg_slogdet(z);
        Arr sign(s.sign), lad(s.logabsdet);
        ASSERT_XP_OK(sign);
        auto sv = values(sign), lv = values(lad);
        EXPECT_EQ(sv[0], std::complex<double>(0, 0));
        EXPECT_EQ(lv[0].real(), -inf);
        return;
    }
    if (cond == "M == 0" || cond == "N == 0") {
        Arr x = make({}, dt, fn == "linalg.trace" ? std::vector<int64_t>{0, 0} : std::vector<int64_t>{0});
        auto v = values(reduce(fn, x));
        ASSERT_EQ(v.size(), 1u);
        std::string res = r.result;
        if (res == "NaN" || res == "(NaN, NaN)") {
            EXPECT_TRUE(std::isnan(v[0].real()));
            if (cplx) {
                EXPECT_TRUE(std::isnan(v[0].imag()));
            }
        } else {
            EXPECT_EQ(v[0].real(), res == "1" ? 1.0 : 0.0);
        }
        return;
    }
    if (cond == "M - correction <= 0") {  // one element, correction 1 -> NaN; zero elements too
        xp_reduce_opts o = {};
        o.correction = 1;
        Arr x = make({2.0}, dt, {1});
        Arr out(fn == "std" ? xp_std(x, &o) : xp_var(x, &o));
        auto v = values(out);
        ASSERT_EQ(v.size(), 1u);
        EXPECT_TRUE(std::isnan(v[0].real()));
        return;
    }
    if (cond == "x_i is NaN" || cond == "a is NaN" || cond == "b is NaN" || cond == "min_i is NaN" ||
        cond == "max_i is NaN") {
        std::complex<double> bad = cond == "b is NaN" ? std::complex<double>(1, nan) : std::complex<double>(nan, cplx ? 1 : 0);
        Arr x = make({1.0, bad, 3.0}, dt, {3});
        auto v = values(reduce(fn, x));
        ASSERT_FALSE(v.empty());
        if (cond == "b is NaN") EXPECT_TRUE(std::isnan(v.back().imag()));
        else EXPECT_TRUE(std::isnan(v.back().real()));
        return;
    }
    if (std::string(r.case_type) == "rule" && fn == "mean") {
        // complex mean: the real-valued cases apply to each component
        std::vector<std::vector<std::complex<double>>> inputs = {
            {{inf, 1}, {1, 2}}, {{nan, 1}, {1, 2}}, {{1, inf}, {2, -inf}}, {{1.5, -2}, {2.5, 4}, {-0.5, 1}}};
        for (auto &in : inputs) {
            Arr x = make(in, dt, {(int64_t)in.size()});
            auto v = values(reduce(fn, x));
            ASSERT_FALSE(v.empty());
            std::complex<double> acc = 0.0;
            for (auto &e : in) acc = std::complex<double>(acc.real() + e.real(), acc.imag() + e.imag());
            double n = (double)in.size();
            EXPECT_TRUE(close(v.back().real(), acc.real() / n, dt, 4)) << "real part";
            EXPECT_TRUE(close(v.back().imag(), acc.imag() / n, dt, 4)) << "imaginary part";
        }
        return;
    }
    if (std::string(r.case_type) == "rule") {
        // "as computed by repeated add/multiply": special values propagate as the
        // binary operation's do; finite values match a sequential loop closely.
        bool add = std::string(r.result).find("add") != std::string::npos;
        std::vector<std::vector<std::complex<double>>> inputs = {
            {inf, -inf}, {inf, 1.0}, {-inf, 2.0}, {nan, 1.0}, {1.5, 2.5, -0.5}, {0.0, inf}};
        for (auto &in : inputs) {
            Arr x = make(in, dt, {(int64_t)in.size()});
            if (fn == "linalg.trace") {
                std::vector<std::complex<double>> m(in.size() * in.size(), 0.0);
                for (size_t i = 0; i < in.size(); i++) m[i * in.size() + i] = in[i];
                x = make(m, dt, {(int64_t)in.size(), (int64_t)in.size()});
            }
            auto v = values(reduce(fn, x));
            ASSERT_FALSE(v.empty());
            std::complex<double> acc = add ? 0.0 : 1.0;
            for (auto &e : in) acc = add ? acc + e : acc * e;
            double got = v.back().real(), want = acc.real();
            EXPECT_TRUE(close(got, want, dt, 4)) << fn << " over " << in.size() << " values: got " << got
                                                  << ", want " << want;
        }
        return;
    }
    FAIL() << "no check for " << r.id << ": " << cond;
}

class RowR : public testing::TestWithParam<Param> {};
}  // namespace

TEST_P(RowR, Check) {
    const TableRow *r = row(GetParam().id);
    ASSERT_NE(r, nullptr);
    check_row(*r, GetParam().dt);
}

INSTANTIATE_TEST_SUITE_P(SpecialCasesReduction, RowR, testing::ValuesIn(params({"reduction"})), param_name);
INSTANTIATE_TEST_SUITE_P(SpecialCasesLinalg, RowR, testing::ValuesIn(params({"linalg"})), param_name);
