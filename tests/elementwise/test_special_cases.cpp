// Every row of the standard's special-case table (elementwise functions, in-place
// operators, the __bool__/__int__/__float__/__complex__ conversions) as its own
// test: SpecialCases/Row.Check/<function>_<row>_<dtype> and
// SpecialCasesConversion/Row.Check/... . `case` rows check concrete operands;
// `identity` and `rule` rows are properties over many values.
#include "special_cases.h"

#include <complex>
#include <functional>

using namespace xpt;
using namespace xpsc;

namespace {

using Unary = xp_array *(*)(const xp_array *);
using Binary = xp_array *(*)(const xp_array *, const xp_array *);
using Inplace = xp_status (*)(xp_array *, const xp_array *);

const std::map<std::string, Unary> &unary_fns() {
    static const std::map<std::string, Unary> m = {
        {"abs", xp_abs},     {"acos", xp_acos},         {"acosh", xp_acosh},
        {"asin", xp_asin},   {"asinh", xp_asinh},       {"atan", xp_atan},
        {"atanh", xp_atanh}, {"bitwise_invert", xp_bitwise_invert},
        {"ceil", xp_ceil},   {"conj", xp_conj},         {"cos", xp_cos},
        {"cosh", xp_cosh},   {"exp", xp_exp},           {"expm1", xp_expm1},
        {"floor", xp_floor}, {"imag", xp_imag},         {"isfinite", xp_isfinite},
        {"isinf", xp_isinf}, {"isnan", xp_isnan},       {"log", xp_log},
        {"log1p", xp_log1p}, {"log2", xp_log2},         {"log10", xp_log10},
        {"logical_not", xp_logical_not},                {"negative", xp_negative},
        {"positive", xp_positive},                      {"real", xp_real},
        {"reciprocal", xp_reciprocal},                  {"round", xp_round},
        {"sign", xp_sign},   {"signbit", xp_signbit},   {"sin", xp_sin},
        {"sinh", xp_sinh},   {"square", xp_square},     {"sqrt", xp_sqrt},
        {"tan", xp_tan},     {"tanh", xp_tanh},         {"trunc", xp_trunc},
    };
    return m;
}
const std::map<std::string, Binary> &binary_fns() {
    static const std::map<std::string, Binary> m = {
        {"add", xp_add},           {"atan2", xp_atan2},         {"bitwise_and", xp_bitwise_and},
        {"bitwise_left_shift", xp_bitwise_left_shift},          {"bitwise_or", xp_bitwise_or},
        {"bitwise_right_shift", xp_bitwise_right_shift},        {"bitwise_xor", xp_bitwise_xor},
        {"copysign", xp_copysign}, {"divide", xp_divide},       {"equal", xp_equal},
        {"floor_divide", xp_floor_divide},                      {"greater", xp_greater},
        {"greater_equal", xp_greater_equal},                    {"hypot", xp_hypot},
        {"less", xp_less},         {"less_equal", xp_less_equal}, {"logaddexp", xp_logaddexp},
        {"logical_and", xp_logical_and}, {"logical_or", xp_logical_or},
        {"logical_xor", xp_logical_xor}, {"maximum", xp_maximum}, {"minimum", xp_minimum},
        {"multiply", xp_multiply}, {"nextafter", xp_nextafter}, {"not_equal", xp_not_equal},
        {"pow", xp_pow},           {"remainder", xp_remainder}, {"subtract", xp_subtract},
    };
    return m;
}
const std::map<std::string, Inplace> &inplace_fns() {
    static const std::map<std::string, Inplace> m = {
        {"__iadd__", xp_array_iadd},           {"__isub__", xp_array_isub},
        {"__imul__", xp_array_imul},           {"__itruediv__", xp_array_itruediv},
        {"__ifloordiv__", xp_array_ifloordiv}, {"__ipow__", xp_array_ipow},
        {"__imod__", xp_array_imod},           {"__iand__", xp_array_iand},
        {"__ior__", xp_array_ior},             {"__ixor__", xp_array_ixor},
        {"__ilshift__", xp_array_ilshift},     {"__irshift__", xp_array_irshift},
    };
    return m;
}

// Applies the row's function to operands already built in dtype dt.
Arr call_fn(const std::string &fn, const std::vector<Arr> &in) {
    auto u = unary_fns().find(fn);
    if (u != unary_fns().end()) return Arr(u->second(in[0]));
    auto b = binary_fns().find(fn);
    if (b != binary_fns().end()) return Arr(b->second(in[0], in[1]));
    auto ip = inplace_fns().find(fn);
    if (ip != inplace_fns().end()) {
        Arr x1 = make(values(in[0]), xp_array_dtype(in[0]), {xp_array_size(in[0])});
        xp_status st = ip->second(x1, in[1]);
        if (st != XP_OK) return Arr(xp_retain(nullptr));
        return x1;
    }
    if (fn == "clip") return Arr(xp_clip(in[0], in[1], in[2]));
    return Arr();
}

std::string base_fn(const std::string &fn) {  // __iadd__ -> add
    static const std::map<std::string, std::string> m = {
        {"__iadd__", "add"}, {"__isub__", "subtract"}, {"__imul__", "multiply"},
        {"__itruediv__", "divide"}, {"__ifloordiv__", "floor_divide"}, {"__ipow__", "pow"},
        {"__imod__", "remainder"}};
    auto i = m.find(fn);
    return i == m.end() ? fn : i->second;
}

// The reference for op:NAME tokens, computed in the target type.
double op_ref(const std::string &op, double a, double b, xp_dtype dt) {
    if (is_f32(dt)) {
        float x = (float)a, y = (float)b;
        if (op == "add") return (double)(x + y);
        if (op == "multiply") return (double)(x * y);
        if (op == "divide") return (double)(x / y);
        if (op == "hypot_subnormal") return (double)(float)hypotl(x, y);
    } else {
        if (op == "add") return a + b;
        if (op == "multiply") return a * b;
        if (op == "divide") return a / b;
        if (op == "hypot_subnormal") return (double)hypotl(a, b);
    }
    return std::nan("");
}

// Does result component r satisfy one token?
bool token_ok(const std::string &tok, double r, xp_dtype rdt, const std::vector<double> &in,
              xp_dtype dt) {
    if (tok == "any") return true;
    if (tok == "nan") return std::isnan(r);
    if (tok == "nan+") return std::isnan(r) && !std::signbit(r);
    if (tok == "nan-") return std::isnan(r) && std::signbit(r);
    if (tok == "±0") return r == 0;
    if (tok == "±inf") return std::isinf(r);
    if (tok == "pos") return !std::isnan(r) && !std::signbit(r);
    if (tok == "neg") return !std::isnan(r) && std::signbit(r);
    if (tok == "true") return r != 0;
    if (tok == "false") return r == 0;
    if (tok.rfind("op:", 0) == 0) {
        double ref = op_ref(tok.substr(3), in[0], in.size() > 2 ? in[2] : 0, dt);
        if (tok == "op:hypot_subnormal") return r != 0 && close(r, ref, dt, 1);
        return same(r, ref);
    }
    if (tok.rfind("~±", 0) == 0) return close(std::fabs(r), to_dt(tokval(tok.substr(std::string("~±").size()), dt), dt), rdt, 4);
    if (tok[0] == '~') return close(r, to_dt(tokval(tok.substr(1), dt), dt), rdt, 4);
    double v = tokval(tok, dt);
    if (is_int(rdt) || rdt == XP_BOOL) return r == v;
    return same(r, v);
}
bool tokens_ok(const std::string &alts, double r, xp_dtype rdt, const std::vector<double> &in,
               xp_dtype dt) {
    for (const std::string &t : split(alts, '|'))
        if (token_ok(t, r, rdt, in, dt)) return true;
    return false;
}

// Operands of a case: "re,im;re,im;..." -> arrays of dtype dt, and the flat
// list (re0, im0, re1, im1, ...) as the dtype holds them.
std::vector<Arr> operands(const std::string &s, xp_dtype dt, std::vector<double> &flat, bool zero_d) {
    std::vector<Arr> v;
    for (const std::string &op : split(s, ';')) {
        auto ri = split(op, ',');
        double re = to_dt(tokval(ri[0], dt), dt), im = to_dt(tokval(ri[1], dt), dt);
        flat.push_back(re);
        flat.push_back(im);
        v.push_back(make({{re, im}}, dt, zero_d ? std::vector<int64_t>{} : std::vector<int64_t>{1}));
    }
    return v;
}

std::string show(const std::vector<double> &flat) {
    std::ostringstream o;
    o.precision(17);
    for (size_t i = 0; i < flat.size(); i += 2) o << (i ? ", " : "") << "(" << flat[i] << ", " << flat[i + 1] << ")";
    return o.str();
}

void check_conversion(const TableRow &r, const Case &c, xp_dtype dt) {
    std::vector<double> flat;
    auto in = operands(c.inputs, dt, flat, true);
    std::string fn = r.fn, exp = c.expected;
    auto toks = split(exp, ';');
    std::ostringstream got;
    bool ok = false;
    if (fn == "__bool__") {
        bool b = false;
        xp_status st = xp_array_bool(in[0], &b);
        ok = st == XP_OK && tokens_ok(toks[0], b, XP_BOOL, flat, dt);
        got << xp_status_name(st) << " " << b;
    } else if (fn == "__int__") {
        int64_t v = 0;
        xp_status st = xp_array_int(in[0], &v);
        if (toks[0] == "err:value") ok = st == XP_ERR_VALUE;
        else ok = st == XP_OK && tokens_ok(toks[0], (double)v, XP_INT64, flat, dt);
        got << xp_status_name(st) << " " << v;
    } else if (fn == "__float__") {
        double v = 0;
        xp_status st = xp_array_float(in[0], &v);
        ok = st == XP_OK && tokens_ok(toks[0], v, XP_FLOAT64, flat, dt);
        got << xp_status_name(st) << " " << v;
    } else if (fn == "__complex__") {
        double re = 0, im = 0;
        xp_status st = xp_array_complex(in[0], &re, &im);
        std::vector<double> self = flat;
        std::string t0 = toks[0] == "self" ? "" : toks[0];
        ok = st == XP_OK && (toks[0] == "self" ? same(re, flat[0]) : tokens_ok(toks[0], re, XP_FLOAT64, flat, dt)) &&
             tokens_ok(toks[1], im, XP_FLOAT64, flat, dt);
        got << xp_status_name(st) << " (" << re << ", " << im << ")";
    }
    EXPECT_TRUE(ok) << fn << " of " << show(flat) << " expected " << exp << ", got " << got.str()
                    << "\n  row: " << r.condition << " -> " << r.result;
}

void check_case(const TableRow &r, const Case &c, xp_dtype dt) {
    std::vector<double> flat;
    auto in = operands(c.inputs, dt, flat, false);
    Arr out = call_fn(r.fn, in);
    ASSERT_TRUE(out.get() != nullptr && !out.failed())
        << r.fn << " of " << show(flat) << ": " << (out.get() ? err_text(out) : "in-place call failed");
    auto v = values(out);
    ASSERT_EQ(v.size(), 1u);
    auto toks = split(c.expected, ';');
    xp_dtype rdt = out.dtype();
    // op: tokens take (x1, x2) as flat[0], flat[2].
    bool ok = tokens_ok(toks[0], v[0].real(), rdt, flat, dt);
    if (toks.size() > 1) ok = ok && tokens_ok(toks[1], v[0].imag(), rdt, flat, dt);
    std::ostringstream got;
    got.precision(17);
    got << v[0];
    EXPECT_TRUE(ok) << r.fn << " of " << show(flat) << " (" << dtype_str(dt) << ") expected "
                    << c.expected << ", got " << got.str() << "\n  row: " << r.condition << " -> "
                    << r.result << (r.note[0] ? std::string("  [") + r.note + "]" : "");
}

// ---- identities and rules: values they are checked over ----------------------------

// Identities (f(conj x) == conj f(x), odd/even symmetry, C99's -1j*f(x*1j) forms)
// hold exactly for zeros, infinities and NaN classes and to 2 ULP for finite
// nonzero values (an implementation computing both sides separately rounds
// twice).
constexpr double kIdentityUlps = 2;

std::vector<double> components(xp_dtype dt) {
    const double inf = INFINITY;
    std::vector<double> v = {NAN, 0.0, -0.0, inf, -inf, 1.0, -1.0, 0.5, -2.5, 3.0, 1e-3, -100.0,
                             0.75, -0.3, 1.0e-30, 20.0};
    v.push_back(is_f32(dt) ? (double)std::numeric_limits<float>::denorm_min()
                           : std::numeric_limits<double>::denorm_min());
    return v;
}
std::vector<std::complex<double>> grid(xp_dtype dt) {
    std::vector<std::complex<double>> g;
    auto c = components(dt);
    bool cplx = xp_isdtype(dt, XP_KIND_COMPLEX_FLOATING);
    for (double a : c) {
        if (!cplx) {
            g.push_back({to_dt(a, dt), 0});
        } else {
            for (double b : c) g.push_back({to_dt(a, dt), to_dt(b, dt)});
        }
    }
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> u(-4, 4);
    for (int i = 0; i < 200; i++) g.push_back({to_dt(u(rng), dt), cplx ? to_dt(u(rng), dt) : 0.0});
    return g;
}
Arr arr(const std::vector<std::complex<double>> &v, xp_dtype dt) {
    return make(v, dt, {(int64_t)v.size()});
}

// Component-wise: got[i] vs want[i]; finite nonzero may differ by `ulps`.
// Where an input component is NaN or infinite the table leaves several signs
// unspecified (its own rows pin down the rest): magnitudes only there.
void expect_all_close(const std::vector<std::complex<double>> &in, const std::vector<std::complex<double>> &got,
                      const std::vector<std::complex<double>> &want, xp_dtype dt, double ulps,
                      const std::string &what) {
    ASSERT_EQ(got.size(), want.size()) << what;
    int bad = 0;
    for (size_t i = 0; i < got.size() && bad < 10; i++) {
        bool special_in = !std::isfinite(in[i].real()) || !std::isfinite(in[i].imag());
        auto mag = [&](double v) { return special_in ? std::fabs(v) : v; };
        bool cplx = xp_isdtype(dt, XP_KIND_COMPLEX_FLOATING);
        bool ok = close(mag(got[i].real()), mag(want[i].real()), dt, ulps) &&
                  (!cplx || close(mag(got[i].imag()), mag(want[i].imag()), dt, ulps));
        if (!ok) {
            bad++;
            ADD_FAILURE() << what << " at x = " << in[i] << ": got " << got[i] << ", want " << want[i];
        }
    }
}

std::vector<std::complex<double>> vals(const Arr &a) {
    EXPECT_FALSE(a.failed()) << (a.get() ? err_text(a) : "");
    return values(a);
}

void check_identity(const TableRow &r, xp_dtype dt) {
    std::string kind = r.extra, fn = r.fn;
    auto g = grid(dt);
    if (kind == "hypot_sym") {
        std::vector<std::complex<double>> xs, ys;
        for (auto &a : g)
            for (double b : components(dt)) xs.push_back(a), ys.push_back(to_dt(b, dt));
        Arr x = arr(xs, dt), y = arr(ys, dt), nx(xp_negative(x)), ny(xp_negative(y));
        auto ref = vals(Arr(xp_hypot(x, y)));
        for (auto pr : {std::make_pair(y.get(), x.get()), std::make_pair(x.get(), ny.get()),
                        std::make_pair(nx.get(), y.get()), std::make_pair(nx.get(), ny.get())})
            expect_all_close(xs, vals(Arr(xp_hypot(pr.first, pr.second))), ref, dt, 0, "hypot symmetry");
        return;
    }
    Unary f = unary_fns().at(fn);
    Arr x = arr(g, dt);
    auto fx = vals(Arr(f(x)));
    std::vector<std::complex<double>> t, want;
    if (kind == "conj") {
        for (auto &z : g) t.push_back(std::conj(z));
        for (auto &w : fx) want.push_back({w.real(), -w.imag()});
    } else {
        for (auto &z : g) t.push_back(-z);
        for (auto &w : fx) want.push_back(kind == "odd" ? -w : w);
    }
    auto ft = vals(Arr(f(arr(t, dt))));
    expect_all_close(g, ft, want, dt, kIdentityUlps, fn + " " + kind + " identity: " + r.result);
}

void check_rule(const TableRow &r, xp_dtype dt) {
    std::string kind = r.extra, fn = r.fn;
    bool cplx = xp_isdtype(dt, XP_KIND_COMPLEX_FLOATING);
    if (kind == "components") {
        // Complex + - * / built from the real operations on the components.
        std::string op = base_fn(fn);
        std::vector<std::complex<double>> xs, ys;
        if (op == "add") {
            const double inf = INFINITY;
            std::vector<double> c = {NAN, 0.0, -0.0, inf, -inf, 1.0, -2.5};
            for (double a : c) for (double b : c) for (double cc : c) for (double d : c)
                xs.push_back({a, b}), ys.push_back({cc, d});
        } else {
            std::mt19937 rng(7);
            std::uniform_real_distribution<double> u(-8, 8);
            for (int i = 0; i < 300; i++) {
                xs.push_back({to_dt(u(rng), dt), to_dt(u(rng), dt)});
                ys.push_back({to_dt(u(rng), dt), to_dt(u(rng), dt)});
            }
        }
        Arr x = arr(xs, dt), y = arr(ys, dt);
        Arr out = call_fn(fn, {x, y});
        auto got = vals(out);
        std::vector<std::complex<double>> want;
        for (size_t i = 0; i < xs.size(); i++) {
            if (op == "add") {
                if (is_f32(dt))
                    want.push_back({(double)((float)xs[i].real() + (float)ys[i].real()),
                                    (double)((float)xs[i].imag() + (float)ys[i].imag())});
                else
                    want.push_back({xs[i].real() + ys[i].real(), xs[i].imag() + ys[i].imag()});
            } else {
                std::complex<long double> a(xs[i].real(), xs[i].imag()), b(ys[i].real(), ys[i].imag());
                auto w = op == "multiply" ? a * b : a / b;
                want.push_back({to_dt((double)w.real(), dt), to_dt((double)w.imag(), dt)});
            }
        }
        if (op == "add") {
            expect_all_close(xs, got, want, dt, 0, fn + " components");
        } else {  // relative to the modulus: cancellation in one component is allowed
            int bad = 0;
            for (size_t i = 0; i < got.size() && bad < 10; i++) {
                double err = std::abs(got[i] - want[i]), mag = std::abs(want[i]);
                if (!(err <= 8 * eps_of(dt) * mag)) {
                    bad++;
                    ADD_FAILURE() << fn << " of " << xs[i] << ", " << ys[i] << ": got " << got[i] << ", want " << want[i];
                }
            }
        }
        return;
    }
    if (kind == "independent_components") {  // round(complex) = round(re) + round(im) j
        auto g = grid(dt);
        xp_dtype rdt = is_f32(dt) ? XP_FLOAT32 : XP_FLOAT64;
        std::vector<std::complex<double>> re, im;
        for (auto &z : g) re.push_back(z.real()), im.push_back(z.imag());
        auto rr = vals(Arr(xp_round(arr(re, rdt)))), ri = vals(Arr(xp_round(arr(im, rdt))));
        std::vector<std::complex<double>> want;
        for (size_t i = 0; i < g.size(); i++) want.push_back({rr[i].real(), ri[i].real()});
        expect_all_close(g, vals(Arr(xp_round(arr(g, dt)))), want, dt, 0, "round of complex");
        return;
    }
    std::string formula = kind.substr(8);  // after "formula:"
    auto g = grid(dt);
    Arr x = arr(g, dt);
    if (fn == "__bool__") {
        for (auto &z : g) {
            bool b = false;
            Arr s = make({z}, dt, {});
            ASSERT_EQ(xp_array_bool(s, &b), XP_OK);
            EXPECT_EQ(b, z.real() != 0 || z.imag() != 0) << "bool" << z;
        }
        return;
    }
    if (formula == "1.0/x") {
        Arr one(xp_float(1.0));
        expect_all_close(g, vals(Arr(xp_reciprocal(x))), vals(Arr(xp_divide(one, x))), dt, 0, "reciprocal vs 1.0/x");
        return;
    }
    if (formula == "x*x") {
        expect_all_close(g, vals(Arr(xp_square(x))), vals(Arr(xp_multiply(x, x))), dt, 0, "square vs x*x");
        return;
    }
    ASSERT_TRUE(cplx) << formula;
    std::string f = formula;
    if (f == "cosh(x*1j)" || f.rfind("-1j*", 0) == 0) {
        // g(x*1j) with x*1j = (-b, a); -1j*(u + vj) = v - uj.
        std::string inner = f == "cosh(x*1j)" ? "cosh" : f.substr(4, f.find('(') - 4);
        std::vector<std::complex<double>> t;
        for (auto &z : g) t.push_back({-z.imag(), z.real()});
        auto w = vals(Arr(unary_fns().at(inner)(arr(t, dt))));
        std::vector<std::complex<double>> want;
        for (auto &u : w) want.push_back(f == "cosh(x*1j)" ? u : std::complex<double>(u.imag(), -u.real()));
        expect_all_close(g, vals(Arr(unary_fns().at(fn)(x))), want, dt, kIdentityUlps, fn + " = " + f);
        return;
    }
    if (f == "log(x)/log(base)") {
        long double base = fn == "log2" ? 2.0L : 10.0L;
        auto w = vals(Arr(xp_log(x)));
        std::vector<std::complex<double>> want;
        for (auto &u : w)
            want.push_back({to_dt((double)((long double)u.real() / logl(base)), dt),
                            to_dt((double)((long double)u.imag() / logl(base)), dt)});
        expect_all_close(g, vals(Arr(unary_fns().at(fn)(x))), want, dt, 4, fn + " = " + f);
        return;
    }
    if (f == "exp(x2*log(x1))") {  // finite, moderate operands only ("should")
        std::vector<std::complex<double>> xs, ys;
        std::mt19937 rng(11);
        std::uniform_real_distribution<double> u(-2, 2);
        for (int i = 0; i < 200; i++) {
            xs.push_back({to_dt(u(rng), dt), to_dt(u(rng), dt)});
            ys.push_back({to_dt(u(rng), dt), to_dt(u(rng), dt)});
        }
        auto got = vals(fn == "pow" ? Arr(xp_pow(arr(xs, dt), arr(ys, dt))) : call_fn(fn, {arr(xs, dt), arr(ys, dt)}));
        ASSERT_EQ(got.size(), xs.size());
        for (size_t i = 0; i < xs.size(); i++) {
            std::complex<long double> a(xs[i].real(), xs[i].imag()), b(ys[i].real(), ys[i].imag());
            auto w = std::exp(b * std::log(a));
            double err = std::abs(got[i] - std::complex<double>((double)w.real(), (double)w.imag()));
            EXPECT_LE(err, 64 * eps_of(dt) * (double)std::abs(w)) << fn << " of " << xs[i] << ", " << ys[i];
        }
        return;
    }
    FAIL() << "no check for rule " << formula;
}

class Row : public testing::TestWithParam<Param> {};
}  // namespace


TEST_P(Row, Check) {
    const xpsc::TableRow *r = xpsc::row(GetParam().id);
    ASSERT_NE(r, nullptr);
    xp_dtype dt = GetParam().dt;
    std::string ct = r->case_type;
    if (ct == "identity") return check_identity(*r, dt);
    if (ct == "rule") return check_rule(*r, dt);
    auto cs = cases_of(r->id);
    ASSERT_FALSE(cs.empty());
    for (const Case &c : cs) {
        if (std::string(r->section) == "conversion") check_conversion(*r, c, dt);
        else check_case(*r, c, dt);
    }
}

INSTANTIATE_TEST_SUITE_P(SpecialCases, Row, testing::ValuesIn(params({"elementwise"})), param_name);
INSTANTIATE_TEST_SUITE_P(SpecialCasesConversion, Row, testing::ValuesIn(params({"conversion"})), param_name);

TEST(SpecialCasesTable, EveryRowIsGenerated) {
    // 686 rows in the table; each case row has at least one operand case.
    EXPECT_EQ(xpsc::rows().size(), 686u);
    for (const xpsc::TableRow &r : xpsc::rows()) {
        bool operands = std::string(r.case_type) == "case" && std::string(r.section) != "reduction" &&
                        std::string(r.section) != "linalg";
        if (operands) {
            EXPECT_FALSE(cases_of(r.id).empty()) << r.id;
        }
    }
}
