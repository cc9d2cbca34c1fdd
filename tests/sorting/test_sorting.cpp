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
