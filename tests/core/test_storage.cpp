// Storage kinds: an array whose elements a flavor keeps outside host memory (a
// test-only kind here: float64 elements in a std::vector, on a made-up device)
// passes through attributes, release, scopes, weak scalars and the raw
// accessors by storage.h's rule, and the flat functions run its table's members.
#include "xp_test.h"

#include <cstring>

using namespace xpt;

namespace {

struct Store {
    std::vector<double> v;
    int *released;
    int to_host_calls = 0;
    bool fail = false;
};

void store_release(void *ctx) {
    Store *s = static_cast<Store *>(ctx);
    ++*s->released;
    delete s;
}
int store_describe(const xp_array *, void *ctx, char *buf, size_t cap) {
    return snprintf(buf, cap, "test store of %zu", static_cast<Store *>(ctx)->v.size());
}
xp_status store_to_host(const xp_array *, void *ctx, void *dst) {
    Store *s = static_cast<Store *>(ctx);
    s->to_host_calls++;
    if (s->fail) return XP_ERR_BACKEND;
    if (!s->v.empty()) std::memcpy(dst, s->v.data(), s->v.size() * sizeof(double));
    return XP_OK;
}

const xp_storage_ops store_ops = {sizeof(xp_storage_ops), "teststore", store_release,
                                  store_describe, store_to_host, nullptr};
const xp_device kDev = XP_DEVICE(7, 0);

// The test kind's table: the linked flavor's, with `add` of its own.
int add_calls = 0;
const xp_namespace *store_table();

xp_array *stored(std::vector<double> v, std::vector<int64_t> shape, int *released) {
    Store *s = new Store{std::move(v), released};
    return xp_array_new_stored(store_table(), &store_ops, s, XP_FLOAT64, (int)shape.size(),
                               shape.data(), kDev);
}

// add for the test kind: reads both operands through the raw accessors (a weak
// scalar is host memory, a stored array its host copy) and stores the sum.
xp_array *store_add(const xp_array *a, const xp_array *b) {
    add_calls++;
    if (xp_failed(a) || xp_failed(b)) return xp_namespace_default()->add(a, b);  // its errors
    const xp_array *big = xp_array_is_weak(a) ? b : a;
    std::vector<double> out((size_t)xp_array_size(big));
    const double *pa = (const double *)xp_array_data(a), *pb = (const double *)xp_array_data(b);
    bool wa = xp_array_size(a) == 1, wb = xp_array_size(b) == 1;
    for (size_t i = 0; i < out.size(); i++) out[i] = pa[wa ? 0 : i] + pb[wb ? 0 : i];
    const int64_t *sh = xp_array_shape(big);
    void *ctx;
    xp_array_storage(big, &ctx);
    return stored(out, std::vector<int64_t>(sh, sh + xp_array_ndim(big)),
                  static_cast<Store *>(ctx)->released);
}

const xp_namespace *store_table() {
    static const xp_namespace t = [] {
        xp_namespace n = *xp_namespace_default();
        n.flavor = "teststore";
        n.add = store_add;
        return n;
    }();
    return &t;
}

}  // namespace

TEST(Storage, AttributesOfAStoredArray) {
    int released = 0;
    {
        Arr x(stored({1, 2, 3, 4, 5, 6}, {2, 3}, &released));
        ASSERT_FALSE(x.failed()) << xp_error_message(x);
        EXPECT_EQ(x.dtype(), XP_FLOAT64);
        EXPECT_EQ(x.ndim(), 2);
        EXPECT_EQ(x.shape(), (std::vector<int64_t>{2, 3}));
        EXPECT_EQ(x.size(), 6);
        EXPECT_EQ(xp_array_itemsize(x), 8u);
        EXPECT_EQ(xp_array_device(x), kDev);
        EXPECT_FALSE(xp_array_is_weak(x));
        EXPECT_EQ(xp_array_namespace(x.get(), NULL), store_table());
        void *ctx = nullptr;
        EXPECT_EQ(xp_array_storage(x, &ctx), &store_ops);
        EXPECT_NE(ctx, nullptr);
        Arr h = make_real({1}, XP_FLOAT64);
        EXPECT_EQ(xp_array_storage(h, &ctx), nullptr);  // host memory
        EXPECT_EQ(ctx, nullptr);
        EXPECT_EQ(xp_array_storage(nullptr, nullptr), nullptr);
    }
    EXPECT_EQ(released, 1);
}

TEST(Storage, RawAccessorsReadAHostCopyOwnedByTheArray) {
    int released = 0;
    Arr x(stored({1.5, 2.5, 3.5, 4.5}, {2, 2}, &released));
    void *ctx;
    xp_array_storage(x, &ctx);
    Store *s = static_cast<Store *>(ctx);
    EXPECT_EQ(s->to_host_calls, 0);  // nothing copied until asked
    const double *p = (const double *)xp_array_data(x);
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(std::vector<double>(p, p + 4), (std::vector<double>{1.5, 2.5, 3.5, 4.5}));
    EXPECT_EQ(xp_array_data(x), (const void *)p);  // one copy, made once
    EXPECT_EQ(s->to_host_calls, 1);
    EXPECT_EQ(std::vector<int64_t>(xp_array_strides(x), xp_array_strides(x) + 2),
              (std::vector<int64_t>{16, 8}));
    EXPECT_EQ(xp_array_offset(x), 0);
    EXPECT_TRUE(xp_array_is_c_contiguous(x));
    EXPECT_TRUE(xp_array_is_readonly(x));  // the copy does not write back
    EXPECT_EQ(reals(x), (std::vector<double>{1.5, 2.5, 3.5, 4.5}));
    EXPECT_TRUE(xp_array_shares_memory(x, x));
    Arr y(stored({1, 2, 3, 4}, {2, 2}, &released));
    EXPECT_FALSE(xp_array_shares_memory(x, y));
    Arr h = make_real({1, 2, 3, 4}, XP_FLOAT64);
    EXPECT_FALSE(xp_array_shares_memory(x, h));
    // a copy that cannot be made: NULL
    Arr f(stored({1, 2}, {2}, &released));
    xp_array_storage(f, &ctx);
    static_cast<Store *>(ctx)->fail = true;
    EXPECT_EQ(xp_array_data(f), nullptr);
}

TEST(Storage, ReleaseRunsTheKindsReleaseOnce) {
    int released = 0;
    xp_array *x = stored({1, 2}, {2}, &released);
    ASSERT_FALSE(xp_failed(x));
    ASSERT_NE(xp_array_data(x), nullptr);  // with its host copy
    xp_retain(x);
    xp_release(x);
    EXPECT_EQ(released, 0);
    xp_release(x);
    EXPECT_EQ(released, 1);
    // a refused array still hands its ctx to release
    Store *s = new Store{{1}, &released};
    int64_t shape[1] = {1};
    Arr e(xp_array_new_stored(store_table(), &store_ops, s, (xp_dtype)99, 1, shape, kDev));
    EXPECT_XP_ERR(e, XP_ERR_TYPE, "xp_array_new_stored");
    EXPECT_EQ(released, 2);
    Arr n(xp_array_new_stored(nullptr, &store_ops, new Store{{}, &released}, XP_FLOAT64, 0,
                              nullptr, kDev));
    EXPECT_XP_ERR(n, XP_ERR_TYPE, "argument 'ns'");
    EXPECT_EQ(released, 3);
}

TEST(Storage, ScopesReleaseStoredArrays) {
    int released = 0;
    xp_scope_begin();
    stored({1}, {1}, &released);
    xp_array *kept = xp_keep(stored({2}, {1}, &released));
    xp_scope_end();
    EXPECT_EQ(released, 1);
    xp_release(kept);
    EXPECT_EQ(released, 2);
}

TEST(Storage, FlatFunctionsRunTheKindsTableWithWeakScalars) {
    int released = 0;
    int before = add_calls;
    Arr x(stored({1, 2, 3}, {3}, &released));
    Arr r(xp_add(x, Arr(xp_float(0.5))));  // the weak scalar adopts x's table
    ASSERT_FALSE(r.failed()) << xp_error_message(r);
    EXPECT_EQ(add_calls, before + 1);
    EXPECT_EQ(xp_array_namespace(r.get(), NULL), store_table());
    EXPECT_EQ(xp_array_storage(r, nullptr), &store_ops);
    EXPECT_EQ(reals(r), (std::vector<double>{1.5, 2.5, 3.5}));
    Arr l(xp_add(Arr(xp_float(1)), x));
    EXPECT_EQ(reals(l), (std::vector<double>{2, 3, 4}));
    EXPECT_EQ(add_calls, before + 2);
    // another table's results join the caller's scope
    int n = released;
    xp_scope_begin();
    xp_add(x, x);
    xp_scope_end();
    EXPECT_EQ(released, n + 1);
}

TEST(Storage, EagerBodiesRefuseStoredArraysAndAsarrayCopiesThem) {
    int released = 0;
    Arr x(stored({4, 9}, {2}, &released));
    const xp_namespace *eager = xp_namespace_default();
    EXPECT_XP_ERR(Arr(eager->add(x, x)), XP_ERR_DEVICE, "xp_add: argument 'x1' is a 'teststore'");
    EXPECT_XP_ERR(Arr(eager->sqrt(x)), XP_ERR_DEVICE, "test store of 2");
    EXPECT_XP_ERR(Arr(eager->sum(x, nullptr)), XP_ERR_DEVICE, "xp_sum");
    // the flat functions the kind did not replace are its table's eager members
    EXPECT_XP_ERR(Arr(xp_multiply(x, x)), XP_ERR_DEVICE, "xp_multiply");
    Arr h(eager->asarray(x, nullptr));
    ASSERT_FALSE(h.failed()) << xp_error_message(h);
    EXPECT_EQ(xp_array_storage(h, nullptr), nullptr);
    EXPECT_EQ(xp_array_namespace(h.get(), NULL), xp_namespace_default());
    EXPECT_EQ(xp_array_device(h), XP_DEVICE_CPU);
    EXPECT_EQ(reals(h), (std::vector<double>{4, 9}));
    xp_asarray_opts f32{};
    f32.dtype = XP_FLOAT32;
    Arr g(eager->asarray(x, &f32));
    EXPECT_EQ(g.dtype(), XP_FLOAT32);
    EXPECT_EQ(reals(g), (std::vector<double>{4, 9}));
    xp_asarray_opts dev{};
    dev.device = XP_DEVICE(9, 0);  // neither host nor a device the kind copies to
    EXPECT_XP_ERR(Arr(eager->asarray(x, &dev)), XP_ERR_DEVICE, "teststore");
}
