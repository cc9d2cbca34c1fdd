// sort and argsort against std::stable_sort with the order of sorting.h, over
// every dtype, axis, direction and layout; stability with many ties.
#include "../statistical/ref_util.h"

using namespace xpt;
using namespace xpt5;

namespace {

// Reference: per line along `axis`, the stable order (indices) of the values.
std::vector<int64_t> ref_argsort(const std::vector<cd> &v, const std::vector<int64_t> &shape, int axis,
                                 bool desc) {
    int64_t outer = 1, inner = 1, m = shape[axis];
    for (int k = 0; k < axis; k++) outer *= shape[k];
    for (size_t k = axis + 1; k < shape.size(); k++) inner *= shape[k];
    std::vector<int64_t> out(v.size());
    for (int64_t o = 0; o < outer; o++)
        for (int64_t j = 0; j < inner; j++) {
            std::vector<int64_t> idx(m);
            for (int64_t k = 0; k < m; k++) idx[k] = k;
            auto at = [&](int64_t k) { return v[(o * m + k) * inner + j]; };
            std::stable_sort(idx.begin(), idx.end(), [&](int64_t a, int64_t b) {
                return desc ? order_less(at(b), at(a)) : order_less(at(a), at(b));
            });
            for (int64_t k = 0; k < m; k++) out[(o * m + k) * inner + j] = idx[k];
        }
    return out;
}

void check(bool arg) {
    std::mt19937 g(11);
    std::vector<std::vector<int64_t>> shp = {{0}, {1}, {9}, {200}, {3, 4}, {4, 1, 70}, {2, 0, 3}, {65, 3}};
    for (xp_dtype d : all_dtypes())
        for (auto &shape : shp) {
            auto vals = random_values(d, prod(shape), g, 0.2, 5);  // many ties
            Arr a = make(vals, d, shape);
            auto exact = values(a);
            int nd = (int)shape.size();
            for (int axis = -1; axis < nd; axis++)
                for (bool desc : {false, true})
                    for (Arr &in : layouts(a)) {
                        xp_sort_opts o = {};
                        int ax = axis < 0 ? nd - 1 : axis;
                        if (axis >= 0) o.axis = one_axis(axis % 2 ? axis - nd : axis);
                        o.descending = desc;
                        Arr r(arg ? xp_argsort(in, &o) : xp_sort(in, &o));
                        std::string ctx = dtype_str(d) + " nd=" + std::to_string(nd) +
                                          " axis=" + std::to_string(ax) + " desc=" + std::to_string(desc);
                        ASSERT_XP_OK(r) << ctx;
                        EXPECT_EQ(r.shape(), shape) << ctx;
                        EXPECT_EQ(r.dtype(), arg ? XP_INT64 : d) << ctx;
                        auto want = ref_argsort(exact, shape, ax, desc);
                        auto got = values(r);
                        int64_t inner = 1, m = shape[ax];
                        for (size_t k = ax + 1; k < shape.size(); k++) inner *= shape[k];
                        for (size_t i = 0; i < want.size(); i++) {
                            if (arg) {
                                EXPECT_EQ(got[i].real(), double(want[i])) << ctx << " at " << i;
                            } else {
                                int64_t j = i % inner, o = i / (inner * m);
                                cd w = exact[(o * m + want[i]) * inner + j];
                                EXPECT_TRUE(same_bits_value(got[i], w))
                                    << ctx << " at " << i << " got " << got[i] << " want " << w;
                            }
                        }
                    }
        }
}

}  // namespace

TEST(Sorting, SortMatchesStableReference) { check(false); }
TEST(Sorting, ArgsortMatchesStableReference) { check(true); }

TEST(Sorting, NaNLastSignedZerosStable) {
    Arr a = make_real({NAN, 0.0, -INFINITY, -0.0, INFINITY, 1, NAN, -1}, XP_FLOAT64);
    Arr s(xp_argsort(a, nullptr));
    EXPECT_EQ(reals(s), (std::vector<double>{2, 7, 1, 3, 5, 4, 0, 6}));
    xp_sort_opts o = {};
    o.descending = true;
    Arr d(xp_argsort(a, &o));  // NaN first, ties keep their order
    EXPECT_EQ(reals(d), (std::vector<double>{0, 6, 4, 5, 1, 3, 7, 2}));
    o.unstable = true;  // stable=False is accepted (and stays stable)
    Arr u(xp_argsort(a, &o));
    EXPECT_EQ(reals(u), reals(d));
    Arr c = make({cd(1, NAN), cd(NAN, 0), cd(1, 2), cd(1, -1), cd(-2, 5)}, XP_COMPLEX128);
    Arr cs(xp_argsort(c, nullptr));
    EXPECT_EQ(reals(cs), (std::vector<double>{4, 3, 2, 0, 1}));
}

TEST(Sorting, LargeRadixPaths) {
    std::mt19937_64 g(5);
    for (xp_dtype d : {XP_FLOAT64, XP_FLOAT32, XP_INT64, XP_UINT32, XP_INT16, XP_INT8}) {
        const int64_t n = 5000;
        std::vector<cd> v(n);
        for (auto &x : v) {
            uint64_t r = g();
            x = d == XP_FLOAT64 || d == XP_FLOAT32 ? cd(std::ldexp(double(int64_t(r >> 11)) - 4e15, -int(r % 40)))
                                                   : cd(double(int64_t(r % 200000) - (xp_isdtype(d, XP_KIND_UNSIGNED) ? 0 : 100000)));
        }
        Arr a = make(v, d);
        auto exact = values(a);
        Arr s(xp_sort(a, nullptr));
        Arr i(xp_argsort(a, nullptr));
        auto want = ref_argsort(exact, {n}, 0, false);
        auto gs = values(s), gi = values(i);
        for (int64_t k = 0; k < n; k++) {
            ASSERT_EQ(gi[k].real(), double(want[k])) << dtype_str(d) << " " << k;
            ASSERT_EQ(gs[k], exact[want[k]]);
        }
    }
}

TEST(Sorting, BadInput) {
    Arr z = make({cd(1)}, XP_FLOAT64);
    EXPECT_XP_ERR(Arr(xp_sort(z, nullptr)), XP_ERR_VALUE, "xp_sort");
    Arr a = make({}, XP_FLOAT64, {2, 3});
    xp_sort_opts o = {};
    o.axis = one_axis(2);
    EXPECT_XP_ERR(Arr(xp_argsort(a, &o)), XP_ERR_INDEX, "xp_argsort");
    xp_axes two = XP_AXES(0, 1);
    o.axis = two;
    EXPECT_XP_ERR(Arr(xp_sort(a, &o)), XP_ERR_INDEX, "axis");
    EXPECT_XP_ERR(Arr(xp_sort(nullptr, nullptr)), XP_ERR_TYPE, "xp_sort");
}

// ---- the keys-only value sort (sort_keys.c: xp__sort_values) -----------------
// Bit-exact against std::stable_sort on the raw elements: NaNs of any sign and
// payload last (first when descending) in their input order, -0/+0 in input
// order, infinities, subnormals; sizes around the insertion-sort threshold
// (48) and the 11-bit digits of 32-bit keys (from 65536), radix runs with an
// even, odd and zero number of digit passes; rows sharing one scratch buffer.

namespace {

template <typename F>
bool order_lt(F a, F b) {  // the order of sorting.h on one real element
    if (std::isnan(a)) return false;
    if (std::isnan(b)) return true;
    return a < b;
}

// Raw typed rows of `rows` x n, sorted along the last axis by xp_sort, against
// the stable reference; compares bits.
template <typename E>
void check_rows(xp_dtype dt, const std::vector<E> &v, int64_t rows, int64_t n, const char *what) {
    int64_t shape[2] = {rows, n};
    xp_create_opts co = {dt, XP_DEVICE_DEFAULT};
    Arr a(xp_empty(2, shape, &co));
    ASSERT_XP_OK(a);
    if (!v.empty()) std::memcpy(xp_array_data(a), v.data(), v.size() * sizeof(E));
    for (bool desc : {false, true}) {
        xp_sort_opts o = {};
        o.descending = desc;
        Arr s(xp_sort(a, &o));
        ASSERT_XP_OK(s);
        const E *got = (const E *)xp_array_data(s);
        for (int64_t r = 0; r < rows; r++) {
            std::vector<E> want(v.begin() + r * n, v.begin() + (r + 1) * n);
            std::stable_sort(want.begin(), want.end(),
                             [&](E x, E y) { return desc ? order_lt(y, x) : order_lt(x, y); });
            for (int64_t i = 0; i < n; i++)
                ASSERT_EQ(std::memcmp(&got[r * n + i], &want[i], sizeof(E)), 0)
                    << dtype_str(dt) << " " << what << " rows=" << rows << " n=" << n
                    << " desc=" << desc << " row " << r << " at " << i << ": got " << +got[r * n + i]
                    << " want " << +want[i];
        }
    }
}

template <typename F, typename U>
void check_float_keys(xp_dtype dt) {
    std::mt19937_64 g(17);
    auto from = [](U b) {
        F f;
        std::memcpy(&f, &b, sizeof f);
        return f;
    };
    const U sign = U(1) << (8 * sizeof(U) - 1), expo = sizeof(U) == 8 ? U(0x7FF) << 52 : U(0xFF) << 23;
    const std::vector<F> specials = {
        F(0.0), F(-0.0), F(INFINITY), F(-INFINITY), std::numeric_limits<F>::quiet_NaN(),
        from(expo | 1),                        // signalling-pattern NaN with a payload
        from(sign | expo | (expo >> 1) | 5),   // negative quiet NaN with a payload
        std::numeric_limits<F>::denorm_min(), -std::numeric_limits<F>::denorm_min(),
        std::numeric_limits<F>::max(), std::numeric_limits<F>::lowest(), F(1), F(-1), F(0.5)};
    for (int64_t n : {0, 1, 2, 3, 47, 48, 49, 50, 64, 255, 256, 257, 1000, 4099, 65535, 65536, 70001})
        for (int64_t rows : {1, 3})
            for (int mix = 0; mix < 4; mix++) {
                if (rows > 1 && n > 5000) continue;  // one row is enough at the large sizes
                std::vector<F> v((size_t)(rows * n));
                for (auto &x : v) {
                    uint64_t r = g();
                    if (mix == 0)  // mostly specials and ties
                        x = specials[r % specials.size()];
                    else if (mix == 1)  // any bits: every digit pass runs
                        x = from(U(r >> (64 - 8 * sizeof(U))));
                    else if (mix == 2)  // keys differing in the low byte only: one pass
                        x = from(U(0x40000000u) + U(r % 200));
                    else  // finite values with specials sprinkled in
                        x = r % 5 == 0 ? specials[(r >> 8) % specials.size()]
                                       : F(double(int64_t(r >> 20) % 100000 - 50000) / 64.0);
                }
                static const char *what[4] = {"specials", "any bits", "low byte", "mixed"};
                check_rows<F>(dt, v, rows, n, what[mix]);
            }
    // all equal (every pass skipped), all zeros of both signs, all NaNs
    for (F c : {F(2.5), F(0.0), std::numeric_limits<F>::quiet_NaN()}) {
        std::vector<F> v(300, c);
        for (size_t i = 0; i < v.size(); i += 3)
            if (c == 0) v[i] = F(-0.0);
            else if (std::isnan(c)) v[i] = from(sign | expo | (expo >> 1) | U(i));
        check_rows<F>(dt, v, 1, 300, "constant");
    }
}

template <typename E>
void check_int_keys(xp_dtype dt) {
    std::mt19937_64 g(23);
    const std::vector<E> specials = {std::numeric_limits<E>::min(), std::numeric_limits<E>::max(), E(0),
                                     E(1), E(std::is_signed<E>::value ? -1 : 2)};
    for (int64_t n : {0, 1, 2, 47, 48, 49, 50, 257, 1000, 4099, 65535, 65536, 70001})
        for (int64_t rows : {1, 3})
            for (int mix = 0; mix < 3; mix++) {
                if (rows > 1 && n > 5000) continue;
                std::vector<E> v((size_t)(rows * n));
                for (auto &x : v) {
                    uint64_t r = g();
                    if (dt == XP_BOOL) x = E(r & 1);
                    else if (mix == 0) x = specials[r % specials.size()];
                    else if (mix == 1) x = E(r);
                    else x = E(int64_t(r % 300) - 150);
                }
                check_rows<E>(dt, v, rows, n, mix == 0 ? "extremes" : mix == 1 ? "any bits" : "small");
            }
}

}  // namespace

TEST(Sorting, KeysOnlyFloatSortIsBitExactAndStable) {
    check_float_keys<double, uint64_t>(XP_FLOAT64);
    check_float_keys<float, uint32_t>(XP_FLOAT32);
}

TEST(Sorting, KeysOnlyIntegerSort) {
    check_int_keys<int8_t>(XP_INT8);
    check_int_keys<int16_t>(XP_INT16);
    check_int_keys<int32_t>(XP_INT32);
    check_int_keys<int64_t>(XP_INT64);
    check_int_keys<uint8_t>(XP_UINT8);
    check_int_keys<uint16_t>(XP_UINT16);
    check_int_keys<uint32_t>(XP_UINT32);
    check_int_keys<uint64_t>(XP_UINT64);
    check_int_keys<uint8_t>(XP_BOOL);
}
