// unique_all, unique_counts, unique_inverse, unique_values against a naive
// reference: sorted values (sorting.h order), NaNs distinct, +-0 merged.
#include "../statistical/ref_util.h"

using namespace xpt;
using namespace xpt5;

namespace {

bool is_nan(cd v) { return std::isnan(v.real()) || std::isnan(v.imag()); }

struct Ref {
    std::vector<cd> values;
    std::vector<int64_t> indices, inverse, counts;
};

Ref reference(const std::vector<cd> &x) {
    std::vector<int64_t> idx(x.size());
    for (size_t i = 0; i < x.size(); i++) idx[i] = (int64_t)i;
    std::stable_sort(idx.begin(), idx.end(), [&](int64_t a, int64_t b) { return order_less(x[a], x[b]); });
    Ref r;
    r.inverse.resize(x.size());
    for (size_t k = 0; k < idx.size(); k++) {
        cd v = x[idx[k]];
        bool fresh = k == 0 || is_nan(v) || !(v == r.values.back());
        if (fresh) {
            r.values.push_back(v);
            r.indices.push_back(idx[k]);
            r.counts.push_back(0);
        }
        r.counts.back()++;
        r.inverse[idx[k]] = (int64_t)r.values.size() - 1;
    }
    return r;
}

std::vector<int64_t> ints(const xp_array *a) {
    std::vector<int64_t> v;
    for (double d : reals(a)) v.push_back((int64_t)d);
    return v;
}

}  // namespace

TEST(Sets, UniqueMatchesReference) {
    std::mt19937 g(13);
    for (xp_dtype d : all_dtypes())
        for (auto &shape : shapes()) {
            Arr a = make(random_values(d, prod(shape), g, 0.2, 4), d, shape);
            auto exact = values(a);
            Ref ref = reference(exact);
            for (Arr &in : layouts(a)) {
                std::string ctx = dtype_str(d) + " size " + std::to_string(prod(shape));
                xp_unique_all_result u = xp_unique_all(in);
                Arr v(u.values), i(u.indices), inv(u.inverse_indices), c(u.counts);
                ASSERT_XP_OK(v) << ctx;
                EXPECT_EQ(v.dtype(), d);
                EXPECT_EQ(v.ndim(), 1);
                auto gv = values(v);
                ASSERT_EQ(gv.size(), ref.values.size()) << ctx;
                for (size_t k = 0; k < gv.size(); k++)
                    EXPECT_TRUE(same_bits_value(gv[k], ref.values[k])) << ctx << " " << gv[k];
                EXPECT_EQ(ints(i), ref.indices) << ctx;
                EXPECT_EQ(ints(c), ref.counts) << ctx;
                EXPECT_EQ(ints(inv), ref.inverse) << ctx;
                EXPECT_EQ(inv.shape(), shape);
                EXPECT_EQ(i.dtype(), XP_INT64);
                EXPECT_EQ(c.dtype(), XP_INT64);
                EXPECT_EQ(inv.dtype(), XP_INT64);

                xp_unique_counts_result uc = xp_unique_counts(in);
                Arr cv(uc.values), cc(uc.counts);
                ASSERT_XP_OK(cv);
                EXPECT_EQ(ints(cc), ref.counts);
                xp_unique_inverse_result ui = xp_unique_inverse(in);
                Arr iv(ui.values), ii(ui.inverse_indices);
                ASSERT_XP_OK(iv);
                EXPECT_EQ(ints(ii), ref.inverse);
                Arr uv(xp_unique_values(in));
                ASSERT_XP_OK(uv);
                EXPECT_EQ(uv.size(), (int64_t)ref.values.size());
            }
        }
}

TEST(Sets, NaNsDistinctZerosMerged) {
    Arr a = make_real({NAN, -0.0, 2, 0.0, NAN, 2}, XP_FLOAT64);
    xp_unique_counts_result u = xp_unique_counts(a);
    Arr v(u.values), c(u.counts);
    auto gv = reals(v);
    ASSERT_EQ(gv.size(), 4u);
    EXPECT_EQ(gv[0], 0.0);
    EXPECT_TRUE(std::signbit(gv[0]));  // the first of the merged zeros
    EXPECT_EQ(gv[1], 2.0);
    EXPECT_TRUE(std::isnan(gv[2]) && std::isnan(gv[3]));
    EXPECT_EQ(ints(c), (std::vector<int64_t>{2, 2, 1, 1}));
}

TEST(Sets, ErrorFillsEveryField) {
    xp_unique_all_result u = xp_unique_all(nullptr);
    EXPECT_XP_ERR(u.values, XP_ERR_TYPE, "xp_unique_all");
    EXPECT_XP_ERR(u.indices, XP_ERR_TYPE, "xp_unique_all");
    EXPECT_XP_ERR(u.inverse_indices, XP_ERR_TYPE, "xp_unique_all");
    EXPECT_XP_ERR(u.counts, XP_ERR_TYPE, "xp_unique_all");
    xp_release(u.values);
    xp_release(u.indices);
    xp_release(u.inverse_indices);
    xp_release(u.counts);
    xp_unique_inverse_result ui = xp_unique_inverse(nullptr);
    EXPECT_XP_ERR(ui.values, XP_ERR_TYPE, "xp_unique_inverse");
    EXPECT_XP_ERR(ui.inverse_indices, XP_ERR_TYPE, "xp_unique_inverse");
    xp_release(ui.values);
    xp_release(ui.inverse_indices);
    xp_unique_counts_result uc = xp_unique_counts(nullptr);
    EXPECT_XP_ERR(uc.counts, XP_ERR_TYPE, "xp_unique_counts");
    xp_release(uc.values);
    xp_release(uc.counts);
    EXPECT_XP_ERR(Arr(xp_unique_values(nullptr)), XP_ERR_TYPE, "xp_unique_values");
    // an error array input travels through
    Arr e(xp_error_new(XP_ERR_INDEX, "upstream"));
    xp_unique_counts_result ue = xp_unique_counts(e);
    EXPECT_EQ(xp_error_status(ue.values), XP_ERR_INDEX);
    EXPECT_EQ(xp_error_status(ue.counts), XP_ERR_INDEX);
    xp_release(ue.values);
    xp_release(ue.counts);
}

// unique_values / unique_counts of non-complex dtypes take a keys-only sorted
// copy (sets.c: unique_sorted): bit-exact values (the first of the merged
// zeros, each NaN with its own bits), counts, at sizes around the sort's
// insertion threshold and with many groups.
namespace {

template <typename E>
void check_unique_bits(xp_dtype dt, const std::vector<E> &v) {
    int64_t n = (int64_t)v.size();
    xp_create_opts co = {dt, XP_DEVICE_DEFAULT};
    Arr a(xp_empty(1, &n, &co));
    ASSERT_XP_OK(a);
    if (n) std::memcpy(xp_array_data(a), v.data(), v.size() * sizeof(E));
    auto lt = [](E x, E y) { return std::isnan(x) ? false : std::isnan(y) ? true : x < y; };
    std::vector<E> s = v;
    std::stable_sort(s.begin(), s.end(), lt);
    std::vector<E> want;
    std::vector<int64_t> cnt;
    for (size_t i = 0; i < s.size(); i++) {
        if (i == 0 || !(s[i] == s[i - 1])) {
            want.push_back(s[i]);
            cnt.push_back(0);
        }
        cnt.back()++;
    }
    xp_unique_counts_result u = xp_unique_counts(a);
    Arr uv(u.values), uc(u.counts);
    Arr vv(xp_unique_values(a));
    ASSERT_XP_OK(uv);
    ASSERT_XP_OK(uc);
    ASSERT_XP_OK(vv);
    ASSERT_EQ(uv.size(), (int64_t)want.size()) << dtype_str(dt) << " n=" << n;
    ASSERT_EQ(vv.size(), (int64_t)want.size()) << dtype_str(dt) << " n=" << n;
    const E *g1 = (const E *)xp_array_data(uv), *g2 = (const E *)xp_array_data(vv);
    const int64_t *gc = (const int64_t *)xp_array_data(uc);
    for (size_t j = 0; j < want.size(); j++) {
        ASSERT_EQ(std::memcmp(&g1[j], &want[j], sizeof(E)), 0) << dtype_str(dt) << " n=" << n << " at " << j;
        ASSERT_EQ(std::memcmp(&g2[j], &want[j], sizeof(E)), 0) << dtype_str(dt) << " n=" << n << " at " << j;
        ASSERT_EQ(gc[j], cnt[j]) << dtype_str(dt) << " n=" << n << " at " << j;
    }
}

template <typename E>
void unique_sizes(xp_dtype dt, const std::vector<E> &pool) {
    std::mt19937_64 g(31);
    for (int64_t n : {0, 1, 2, 47, 48, 49, 50, 257, 3000, 70001}) {
        std::vector<E> v((size_t)n);
        for (auto &x : v) x = pool[g() % pool.size()];
        check_unique_bits<E>(dt, v);
        for (auto &x : v) x = E(int64_t(g() % 2000) - (std::is_signed<E>::value ? 1000 : 0));
        if (dt != XP_BOOL && sizeof(E) > 1) check_unique_bits<E>(dt, v);
    }
}

}  // namespace

TEST(Sets, UniqueCountsKeysOnlyPath) {
    double nan_neg, nan_pay;
    uint64_t b = 0xFFF8000000000007ull, c = 0x7FF0000000000003ull;
    std::memcpy(&nan_neg, &b, 8);
    std::memcpy(&nan_pay, &c, 8);
    unique_sizes<double>(XP_FLOAT64, {0.0, -0.0, 1.5, -2.0, INFINITY, -INFINITY, NAN, nan_neg, nan_pay,
                                      std::numeric_limits<double>::denorm_min(), 7.0});
    unique_sizes<float>(XP_FLOAT32, {0.0f, -0.0f, 1.5f, -2.0f, INFINITY, -INFINITY, NAN, -NAN,
                                     std::numeric_limits<float>::denorm_min(), 7.0f});
    unique_sizes<int64_t>(XP_INT64, {INT64_MIN, INT64_MAX, 0, -1, 5});
    unique_sizes<uint64_t>(XP_UINT64, {0, UINT64_MAX, 3});
    unique_sizes<int32_t>(XP_INT32, {INT32_MIN, INT32_MAX, 0, -1});
    unique_sizes<uint32_t>(XP_UINT32, {0, UINT32_MAX, 9});
    unique_sizes<int16_t>(XP_INT16, {INT16_MIN, INT16_MAX, 0, -1});
    unique_sizes<uint16_t>(XP_UINT16, {0, 65535, 1});
    unique_sizes<int8_t>(XP_INT8, {-128, 127, 0, -1});
    unique_sizes<uint8_t>(XP_UINT8, {0, 255, 1});
    unique_sizes<uint8_t>(XP_BOOL, {0, 1});
}
