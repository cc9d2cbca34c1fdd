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
