// DLPack both ways: export (__dlpack__), import (from_dlpack), the deleter
// contract, flags, version negotiation and hostile tensors.
#include "xp_test.h"

#include <cstdlib>

using namespace xpt;

namespace {

// A producer: owns its storage and counts deleter calls.
struct Producer {
    xp_dl_managed_tensor_versioned mt{};
    xp_dl_managed_tensor legacy{};
    std::vector<int64_t> shape, strides;
    std::vector<unsigned char> storage;
    int *deleted;
};

void producer_delete(xp_dl_managed_tensor_versioned *self) {
    auto *p = (Producer *)self->manager_ctx;
    ++*p->deleted;
    delete p;
}

void producer_delete_legacy(xp_dl_managed_tensor *self) {
    auto *p = (Producer *)self->manager_ctx;
    ++*p->deleted;
    delete p;
}

// A float64 tensor of `shape` holding 0, 1, 2, ... in C order (strides NULL
// unless given, in elements; storage has `pad` spare elements before data).
Producer *make_producer(int *counter, std::vector<int64_t> shape,
                        std::vector<int64_t> strides = {}, size_t bytes = 0) {
    auto *p = new Producer;
    p->deleted = counter;
    p->shape = shape;
    p->strides = strides;
    int64_t n = 1;
    for (auto s : shape) n *= s;
    p->storage.assign(bytes ? bytes : (size_t)(n > 0 ? n : 1) * 8 + 64, 0);
    for (int64_t i = 0; i < n && !bytes; i++) {
        double v = (double)i;
        std::memcpy(p->storage.data() + i * 8, &v, 8);
    }
    xp_dl_tensor t{};
    t.data = p->storage.data();
    t.device = {XP_DL_CPU, 0};
    t.ndim = (int32_t)shape.size();
    t.dtype = {XP_DL_FLOAT, 64, 1};
    t.shape = p->shape.empty() ? nullptr : p->shape.data();
    t.strides = p->strides.empty() ? nullptr : p->strides.data();
    p->mt.version = {1, 0};
    p->mt.manager_ctx = p;
    p->mt.deleter = producer_delete;
    p->mt.dl_tensor = t;
    p->legacy.dl_tensor = t;
    p->legacy.manager_ctx = p;
    p->legacy.deleter = producer_delete_legacy;
    return p;
}

Arr iota(xp_dtype dt, std::vector<int64_t> shape) {
    std::vector<std::complex<double>> v;
    int64_t n = 1;
    for (auto s : shape) n *= s;
    for (int64_t i = 0; i < n; i++) v.push_back({(double)(i % 7), (double)(i % 3)});
    if (v.size() == 1) shape = {};
    return make(v, dt, shape);
}

void expect_same_values(const xp_array *a, const xp_array *b) {
    EXPECT_EQ(xp_array_dtype(a), xp_array_dtype(b));
    EXPECT_EQ(values(a), values(b));
}

}  // namespace

// ---- export -------------------------------------------------------------------

TEST(DlpackExport, EveryDtypeZeroCopyRoundTrip) {
    std::vector<std::vector<int64_t>> shapes = {{}, {0, 3}, {2, 3, 4}};
    for (xp_dtype dt : all_dtypes())
        for (auto &shape : shapes) {
            SCOPED_TRACE(dtype_str(dt) + " ndim " + std::to_string(shape.size()));
            Arr x = shape.empty() ? make({{1, 2}}, dt) : iota(dt, shape);
            ASSERT_XP_OK(x);
            xp_dl_managed_tensor_versioned *t = nullptr;
            xp_to_dlpack_opts o{};
            o.max_version = {1, 1};
            ASSERT_EQ(xp_array_to_dlpack(x, &o, &t), XP_OK);
            ASSERT_NE(t, nullptr);
            EXPECT_EQ(t->version.major, 1u);
            EXPECT_EQ(t->flags, 0u);
            const xp_dl_tensor &d = t->dl_tensor;
            EXPECT_EQ(d.data, xp_array_data(x));
            EXPECT_EQ(d.byte_offset, 0u);
            EXPECT_EQ(d.device.device_type, XP_DL_CPU);
            EXPECT_EQ(d.device.device_id, 0);
            EXPECT_EQ(d.ndim, (int32_t)shape.size());
            EXPECT_EQ(d.dtype.bits, xp_dtype_size(dt) * 8);
            EXPECT_EQ(d.dtype.lanes, 1);
            int code = dt == XP_BOOL                        ? XP_DL_BOOL
                       : xp_isdtype(dt, XP_KIND_SIGNED)     ? XP_DL_INT
                       : xp_isdtype(dt, XP_KIND_UNSIGNED)   ? XP_DL_UINT
                       : xp_isdtype(dt, XP_KIND_REAL_FLOATING) ? XP_DL_FLOAT
                                                            : XP_DL_COMPLEX;
            EXPECT_EQ(d.dtype.code, code);
            if (!shape.empty()) {
                ASSERT_NE(d.strides, nullptr);
                for (size_t i = 0; i < shape.size(); i++) EXPECT_EQ(d.shape[i], shape[i]);
                if (shape[0] > 0) {
                    EXPECT_EQ(d.strides[2], 1);
                    EXPECT_EQ(d.strides[1], 4);
                    EXPECT_EQ(d.strides[0], 12);
                }
            }
            Arr y(xp_from_dlpack(t, nullptr));
            ASSERT_XP_OK(y);
            EXPECT_EQ(xp_array_data(y), xp_array_data(x));
            EXPECT_TRUE(xp_array_shares_memory(x, y));
            expect_same_values(x, y);
            x = Arr();  // the import keeps the memory alive
            EXPECT_EQ(values(y).size(), (size_t)y.size());
        }
}

TEST(DlpackExport, NonContiguousAndNegativeStrides) {
    for (xp_dtype dt : {XP_INT16, XP_FLOAT32, XP_COMPLEX128, XP_BOOL}) {
        Arr x = strided_copy(iota(dt, {3, 4, 2}), {true, false, true});
        xp_dl_managed_tensor_versioned *t = nullptr;
        ASSERT_EQ(xp_array_to_dlpack(x, nullptr, &t), XP_OK);
        for (int i = 0; i < 3; i++)
            EXPECT_EQ(t->dl_tensor.strides[i], xp_array_strides(x)[i] / (int64_t)xp_dtype_size(dt));
        EXPECT_LT(t->dl_tensor.strides[0], 0);
        EXPECT_GT(t->dl_tensor.strides[1], 0);
        EXPECT_LT(t->dl_tensor.strides[2], 0);
        EXPECT_EQ(t->flags & XP_DLPACK_FLAG_IS_COPIED, 0u);
        Arr y(xp_from_dlpack(t, nullptr));
        ASSERT_XP_OK(y);
        EXPECT_EQ(xp_array_data(y), xp_array_data(x));
        EXPECT_EQ(std::vector<int64_t>(xp_array_strides(y), xp_array_strides(y) + 3),
                  std::vector<int64_t>(xp_array_strides(x), xp_array_strides(x) + 3));
        expect_same_values(x, y);
    }
}

TEST(DlpackExport, TensorKeepsTheArrayAliveUntilItsDeleter) {
    Arr x = iota(XP_INT32, {5});
    xp_dl_managed_tensor_versioned *t = nullptr;
    ASSERT_EQ(xp_array_to_dlpack(x, nullptr, &t), XP_OK);
    x = Arr();
    const int32_t *p = (const int32_t *)t->dl_tensor.data;
    EXPECT_EQ(p[4], 4);
    t->deleter(t);  // frees everything (ASan checks)
}

TEST(DlpackExport, ReadOnlyArraySetsTheFlag) {
    Arr x = iota(XP_FLOAT64, {3});
    Arr b(xp_broadcast_to(x, XP_SHAPE_CXX(2, 3)));
    ASSERT_TRUE(xp_array_is_readonly(b));
    xp_dl_managed_tensor_versioned *t = nullptr;
    ASSERT_EQ(xp_array_to_dlpack(b, nullptr, &t), XP_OK);
    EXPECT_EQ(t->flags, XP_DLPACK_FLAG_READ_ONLY);
    EXPECT_EQ(t->dl_tensor.strides[0], 0);
    Arr y(xp_from_dlpack(t, nullptr));
    ASSERT_XP_OK(y);
    EXPECT_TRUE(xp_array_is_readonly(y));
    expect_same_values(b, y);
}

TEST(DlpackExport, CopyKeyword) {
    Arr x = strided_copy(iota(XP_UINT16, {2, 3}), {true, false});
    xp_to_dlpack_opts o{};
    o.copy = XP_COPY_TRUE;
    xp_dl_managed_tensor_versioned *t = nullptr;
    ASSERT_EQ(xp_array_to_dlpack(x, &o, &t), XP_OK);
    EXPECT_EQ(t->flags, XP_DLPACK_FLAG_IS_COPIED);
    EXPECT_NE(t->dl_tensor.data, xp_array_data(x));
    EXPECT_EQ(t->dl_tensor.strides[0], 3);
    EXPECT_EQ(t->dl_tensor.strides[1], 1);
    Arr y(xp_from_dlpack(t, nullptr));
    expect_same_values(x, y);
    EXPECT_FALSE(xp_array_shares_memory(x, y));
    o.copy = XP_COPY_FALSE;
    ASSERT_EQ(xp_array_to_dlpack(x, &o, &t), XP_OK);
    EXPECT_EQ(t->flags, 0u);
    EXPECT_EQ(t->dl_tensor.data, xp_array_data(x));
    t->deleter(t);
}

TEST(DlpackExport, StridesThatAreNotWholeElements) {
    // DLPack counts strides in elements: int16 6 bytes apart is 3 elements,
    // complex64 12 bytes apart (aligned, 1.5 elements) cannot be exported as is
    auto *mem = (unsigned char *)std::calloc(1, 32);
    int64_t shape = 3, stride = 6, stride12 = 12;
    Arr x(xp_array_wrap(mem, XP_INT16, 1, &shape, &stride,
                        [](void *p, void *) { std::free(p); }, nullptr, false));
    Arr z(xp_array_wrap(std::calloc(1, 64), XP_COMPLEX64, 1, &shape, &stride12,
                        [](void *p, void *) { std::free(p); }, nullptr, false));
    ASSERT_XP_OK(z);
    xp_dl_managed_tensor_versioned *t = nullptr;
    ASSERT_EQ(xp_array_to_dlpack(x, nullptr, &t), XP_OK);
    EXPECT_EQ(t->dl_tensor.strides[0], 3);
    t->deleter(t);
    xp_to_dlpack_opts o{};
    o.copy = XP_COPY_FALSE;
    EXPECT_EQ(xp_array_to_dlpack(z, &o, &t), XP_ERR_BUFFER);
    EXPECT_EQ(t, nullptr);
    ASSERT_EQ(xp_array_to_dlpack(z, nullptr, &t), XP_OK);
    EXPECT_EQ(t->flags, XP_DLPACK_FLAG_IS_COPIED);
    EXPECT_EQ(t->dl_tensor.strides[0], 1);
    t->deleter(t);
}

TEST(DlpackExport, MaxVersionNegotiation) {
    Arr x = iota(XP_INT8, {4});
    struct Case {
        uint32_t major, minor;
        xp_status st;
        uint32_t got_minor;
    } cases[] = {{0, 0, XP_OK, XP_DLPACK_MINOR_VERSION},
                 {1, 0, XP_OK, 0},
                 {1, 99, XP_OK, XP_DLPACK_MINOR_VERSION},
                 {2, 0, XP_OK, XP_DLPACK_MINOR_VERSION},
                 {0, 8, XP_ERR_BUFFER, 0}};
    for (auto c : cases) {
        xp_to_dlpack_opts o{};
        o.max_version = {c.major, c.minor};
        xp_dl_managed_tensor_versioned *t = nullptr;
        EXPECT_EQ(xp_array_to_dlpack(x, &o, &t), c.st) << c.major << "." << c.minor;
        if (!t) continue;
        EXPECT_EQ(t->version.major, 1u);
        EXPECT_EQ(t->version.minor, c.got_minor);
        t->deleter(t);
    }
}

TEST(DlpackExport, LegacyStruct) {
    Arr x = strided_copy(iota(XP_COMPLEX64, {2, 2}), {false, true});
    Arr ro(xp_broadcast_to(x, XP_SHAPE_CXX(3, 2, 2)));
    xp_dl_managed_tensor *t = nullptr;
    ASSERT_EQ(xp_array_to_dlpack_legacy(ro, nullptr, &t), XP_OK);
    EXPECT_EQ(t->dl_tensor.ndim, 3);
    EXPECT_EQ(t->dl_tensor.dtype.code, XP_DL_COMPLEX);
    EXPECT_EQ(t->dl_tensor.strides[0], 0);
    EXPECT_LT(t->dl_tensor.strides[2], 0);
    Arr y(xp_from_dlpack_legacy(t, nullptr));
    ASSERT_XP_OK(y);
    EXPECT_TRUE(xp_array_is_readonly(y));  // our own tensor: a view of the array
    EXPECT_TRUE(xp_array_shares_memory(ro, y));
    expect_same_values(ro, y);
}

TEST(DlpackExport, DeviceRequests) {
    Arr x = iota(XP_FLOAT32, {2});
    xp_to_dlpack_opts o{};
    xp_dl_managed_tensor_versioned *t = nullptr;
    o.dl_device = {XP_DL_CPU, 0};
    ASSERT_EQ(xp_array_to_dlpack(x, &o, &t), XP_OK);
    t->deleter(t);
    o.dl_device = {XP_DL_CUDA, 0};
    EXPECT_EQ(xp_array_to_dlpack(x, &o, &t), XP_ERR_BUFFER);
    o.dl_device = {XP_DL_CPU, 1};
    EXPECT_EQ(xp_array_to_dlpack(x, &o, &t), XP_ERR_BUFFER);
    xp_dl_managed_tensor *l = nullptr;
    EXPECT_EQ(xp_array_to_dlpack_legacy(x, &o, &l), XP_ERR_BUFFER);
    EXPECT_EQ(l, nullptr);
    int32_t type = -1, id = -1;
    EXPECT_EQ(xp_array_dlpack_device(x, &type, &id), XP_OK);
    EXPECT_EQ(type, XP_DL_CPU);
    EXPECT_EQ(id, 0);
}

TEST(DlpackExport, BadArguments) {
    Arr x = iota(XP_FLOAT32, {2});
    xp_dl_managed_tensor_versioned *t = nullptr;
    xp_dl_managed_tensor *l = nullptr;
    int32_t a, b;
    EXPECT_EQ(xp_array_to_dlpack(nullptr, nullptr, &t), XP_ERR_TYPE);
    EXPECT_EQ(xp_array_to_dlpack(x, nullptr, nullptr), XP_ERR_TYPE);
    EXPECT_EQ(xp_array_to_dlpack_legacy(nullptr, nullptr, &l), XP_ERR_TYPE);
    EXPECT_EQ(xp_array_to_dlpack_legacy(x, nullptr, nullptr), XP_ERR_TYPE);
    EXPECT_EQ(xp_array_dlpack_device(nullptr, &a, &b), XP_ERR_TYPE);
    EXPECT_EQ(xp_array_dlpack_device(x, nullptr, &b), XP_ERR_TYPE);
    Arr e(xp_error_new(XP_ERR_INDEX, "earlier"));
    EXPECT_EQ(xp_array_to_dlpack(e, nullptr, &t), XP_ERR_INDEX);
    EXPECT_EQ(t, nullptr);
    EXPECT_EQ(xp_array_dlpack_device(e, &a, &b), XP_ERR_INDEX);
}

// ---- import -------------------------------------------------------------------

TEST(DlpackImport, DeleterRunsOnceWhenTheLastViewDies) {
    int deleted = 0;
    Producer *p = make_producer(&deleted, {2, 3});
    void *data = p->storage.data();
    Arr x(xp_from_dlpack(&p->mt, nullptr));
    ASSERT_XP_OK(x);
    EXPECT_EQ(xp_array_data(x), data);
    EXPECT_FALSE(xp_array_is_readonly(x));
    EXPECT_EQ(reals(x), (std::vector<double>{0, 1, 2, 3, 4, 5}));
    Arr v(xp_broadcast_to(x, XP_SHAPE_CXX(4, 2, 3)));
    ASSERT_XP_OK(v);
    xp_dl_managed_tensor_versioned *t = nullptr;
    ASSERT_EQ(xp_array_to_dlpack(x, nullptr, &t), XP_OK);  // re-export
    x = Arr();
    EXPECT_EQ(deleted, 0);
    v = Arr();
    EXPECT_EQ(deleted, 0);
    Arr again(xp_from_dlpack(t, nullptr));
    EXPECT_EQ(xp_array_data(again), data);
    again = Arr();
    EXPECT_EQ(deleted, 1);
}

TEST(DlpackImport, CopyKeywordAndDevice) {
    int deleted = 0;
    Producer *p = make_producer(&deleted, {4});
    xp_from_dlpack_opts o{};
    o.copy = XP_COPY_TRUE;
    void *data = p->storage.data();
    Arr x(xp_from_dlpack(&p->mt, &o));
    ASSERT_XP_OK(x);
    EXPECT_EQ(deleted, 1);  // copied: the producer is released at once
    EXPECT_NE(xp_array_data(x), data);
    EXPECT_EQ(reals(x), (std::vector<double>{0, 1, 2, 3}));
    p = make_producer(&deleted, {4});
    o.copy = XP_COPY_FALSE;
    o.device = XP_DEVICE_CPU;
    Arr y(xp_from_dlpack(&p->mt, &o));
    ASSERT_XP_OK(y);
    EXPECT_EQ(xp_array_data(y), (void *)p->storage.data());
    y = Arr();
    EXPECT_EQ(deleted, 2);
}

TEST(DlpackImport, FlagsStridesAndOffsets) {
    int deleted = 0;
    // read-only flag; explicit negative strides; byte offset
    Producer *p = make_producer(&deleted, {3, 2}, {-2, 1}, 128);
    for (int i = 0; i < 6; i++) {
        double v = i;
        std::memcpy(p->storage.data() + 16 + i * 8, &v, 8);
    }
    p->mt.flags = XP_DLPACK_FLAG_READ_ONLY;
    p->mt.dl_tensor.byte_offset = 16 + 4 * 8;  // element [0,0] is the third row
    Arr x(xp_from_dlpack(&p->mt, nullptr));
    ASSERT_XP_OK(x);
    EXPECT_TRUE(xp_array_is_readonly(x));
    EXPECT_EQ(reals(x), (std::vector<double>{4, 5, 2, 3, 0, 1}));
    EXPECT_EQ(xp_array_strides(x)[0], -16);
    x = Arr();
    EXPECT_EQ(deleted, 1);
    // zero-size with NULL data; 0-D
    p = make_producer(&deleted, {0, 5});
    p->mt.dl_tensor.data = nullptr;
    Arr z(xp_from_dlpack(&p->mt, nullptr));
    ASSERT_XP_OK(z);
    EXPECT_EQ(z.shape(), (std::vector<int64_t>{0, 5}));
    z = Arr();
    p = make_producer(&deleted, {});
    Arr s(xp_from_dlpack(&p->mt, nullptr));
    ASSERT_XP_OK(s);
    EXPECT_EQ(s.ndim(), 0);
    s = Arr();
    EXPECT_EQ(deleted, 3);
}

TEST(DlpackImport, MisalignedDataIsCopiedOrRefused) {
    int deleted = 0;
    Producer *p = make_producer(&deleted, {3});
    double vals[3] = {1.5, -2.5, 3.5};
    std::memcpy(p->storage.data() + 1, vals, sizeof vals);
    p->mt.dl_tensor.byte_offset = 1;
    xp_from_dlpack_opts o{};
    o.copy = XP_COPY_FALSE;
    Arr bad(xp_from_dlpack(&p->mt, &o));
    EXPECT_XP_ERR(bad, XP_ERR_BUFFER, "xp_from_dlpack");
    EXPECT_EQ(deleted, 0);  // a failed import leaves the tensor to the caller
    Arr x(xp_from_dlpack(&p->mt, nullptr));
    ASSERT_XP_OK(x);
    EXPECT_EQ(deleted, 1);
    EXPECT_EQ(reals(x), (std::vector<double>{1.5, -2.5, 3.5}));
}

TEST(DlpackImport, LegacyStruct) {
    int deleted = 0;
    Producer *p = make_producer(&deleted, {2, 2});
    Arr x(xp_from_dlpack_legacy(&p->legacy, nullptr));
    ASSERT_XP_OK(x);
    EXPECT_FALSE(xp_array_is_readonly(x));  // the legacy struct has no flags
    EXPECT_EQ(reals(x), (std::vector<double>{0, 1, 2, 3}));
    x = Arr();
    EXPECT_EQ(deleted, 1);
    EXPECT_XP_ERR(Arr(xp_from_dlpack_legacy(nullptr, nullptr)), XP_ERR_TYPE, "xp_from_dlpack_legacy");
    p = make_producer(&deleted, {2});
    p->legacy.deleter = nullptr;
    EXPECT_XP_ERR(Arr(xp_from_dlpack_legacy(&p->legacy, nullptr)), XP_ERR_VALUE,
                  "xp_from_dlpack_legacy");
    producer_delete(&p->mt);
    EXPECT_EQ(deleted, 2);
}

TEST(DlpackImport, EveryBadTensorIsRefusedAndLeftToTheCaller) {
    struct Case {
        const char *what;
        xp_status st;
        std::function<void(Producer *, xp_from_dlpack_opts *)> spoil;
    };
    const int64_t big = INT64_MAX / 4;
    std::vector<Case> cases = {
        {"opaque dtype", XP_ERR_BUFFER, [](Producer *p, auto) { p->mt.dl_tensor.dtype = {3, 64, 1}; }},
        {"bfloat16", XP_ERR_BUFFER, [](Producer *p, auto) { p->mt.dl_tensor.dtype = {4, 16, 1}; }},
        {"float16", XP_ERR_BUFFER, [](Producer *p, auto) { p->mt.dl_tensor.dtype = {2, 16, 1}; }},
        {"float8", XP_ERR_BUFFER, [](Producer *p, auto) { p->mt.dl_tensor.dtype = {7, 8, 1}; }},
        {"int12", XP_ERR_BUFFER, [](Producer *p, auto) { p->mt.dl_tensor.dtype = {0, 12, 1}; }},
        {"bool1", XP_ERR_BUFFER, [](Producer *p, auto) { p->mt.dl_tensor.dtype = {6, 1, 1}; }},
        {"complex32", XP_ERR_BUFFER, [](Producer *p, auto) { p->mt.dl_tensor.dtype = {5, 32, 1}; }},
        {"code 200", XP_ERR_BUFFER, [](Producer *p, auto) { p->mt.dl_tensor.dtype = {200, 64, 1}; }},
        {"lanes 2", XP_ERR_BUFFER, [](Producer *p, auto) { p->mt.dl_tensor.dtype.lanes = 2; }},
        {"lanes 0", XP_ERR_BUFFER, [](Producer *p, auto) { p->mt.dl_tensor.dtype.lanes = 0; }},
        {"version 2", XP_ERR_BUFFER, [](Producer *p, auto) { p->mt.version = {2, 0}; }},
        {"version 0", XP_ERR_BUFFER, [](Producer *p, auto) { p->mt.version = {0, 8}; }},
        {"NULL deleter", XP_ERR_VALUE, [](Producer *p, auto) { p->mt.deleter = nullptr; }},
        {"ndim -1", XP_ERR_VALUE, [](Producer *p, auto) { p->mt.dl_tensor.ndim = -1; }},
        {"ndim 65", XP_ERR_VALUE, [](Producer *p, auto) { p->mt.dl_tensor.ndim = 65; }},
        {"NULL shape", XP_ERR_VALUE, [](Producer *p, auto) { p->mt.dl_tensor.shape = nullptr; }},
        {"negative extent", XP_ERR_VALUE, [](Producer *p, auto) { p->shape[1] = -3; }},
        {"NULL data", XP_ERR_VALUE, [](Producer *p, auto) { p->mt.dl_tensor.data = nullptr; }},
        {"element count overflows", XP_ERR_OVERFLOW,
         [](Producer *p, auto) { p->shape = {INT64_MAX / 2, 3}; p->mt.dl_tensor.shape = p->shape.data(); }},
        {"byte stride overflows", XP_ERR_OVERFLOW,
         [=](Producer *p, auto) { p->strides = {big, 1}; p->mt.dl_tensor.strides = p->strides.data(); }},
        {"extent overflows", XP_ERR_OVERFLOW,
         [](Producer *p, auto) { p->strides = {INT64_MAX / 16, INT64_MAX / 16}; p->mt.dl_tensor.strides = p->strides.data(); }},
        {"extent below address 0", XP_ERR_OVERFLOW,
         [](Producer *p, auto) { p->strides = {-(INT64_MAX / 32), 1}; p->mt.dl_tensor.strides = p->strides.data(); }},
        {"extent past the address space", XP_ERR_OVERFLOW,
         [](Producer *p, auto) { p->strides = {INT64_MAX / 8 - 1, 0}; p->mt.dl_tensor.strides = p->strides.data();
                                 p->mt.dl_tensor.byte_offset = INT64_MAX - 64; }},
        {"byte offset", XP_ERR_OVERFLOW, [](Producer *p, auto) { p->mt.dl_tensor.byte_offset = UINT64_MAX - 8; }},
        {"CUDA tensor", XP_ERR_DEVICE, [](Producer *p, auto) { p->mt.dl_tensor.device = {XP_DL_CUDA, 0}; }},
        {"CUDA requested", XP_ERR_DEVICE, [](Producer *, xp_from_dlpack_opts *o) { o->device = XP_DEVICE(2, 0); }},
    };
    int deleted = 0;
    for (auto &c : cases) {
        SCOPED_TRACE(c.what);
        Producer *p = make_producer(&deleted, {2, 3});
        xp_from_dlpack_opts o{};
        c.spoil(p, &o);
        Arr r(xp_from_dlpack(&p->mt, &o));
        EXPECT_XP_ERR(r, c.st, "xp_from_dlpack");
        EXPECT_NE(std::string(xp_error_message(r)).find("argument"), std::string::npos);
        EXPECT_EQ(deleted, 0);
        producer_delete(&p->mt);  // still the caller's
        deleted = 0;
    }
    EXPECT_XP_ERR(Arr(xp_from_dlpack(nullptr, nullptr)), XP_ERR_TYPE, "xp_from_dlpack");
}

TEST(DlpackNamespace, TableMembers) {
    // members are the flavor's bodies (the flat functions dispatch to them)
    const xp_namespace *ns = xp_namespace_default();
    for (const void *m : {(const void *)ns->from_dlpack, (const void *)ns->from_dlpack_legacy,
                          (const void *)ns->array_to_dlpack, (const void *)ns->array_to_dlpack_legacy,
                          (const void *)ns->array_dlpack_device, (const void *)ns->load,
                          (const void *)ns->load_buffer, (const void *)ns->save,
                          (const void *)ns->save_buffer})
        EXPECT_NE(m, nullptr);
}

// `device=` is honoured: the other host device gets a copy (copy=False refuses),
// and a tensor exported from XP_DEVICE_CPU1 comes back on it.
TEST(DlpackImport, DeviceKeywordMovesWithACopy) {
    Arr a = make_real({1, 2, 3}, XP_FLOAT64);
    xp_dl_managed_tensor_versioned *t = nullptr;
    ASSERT_EQ(xp_array_to_dlpack(a, nullptr, &t), XP_OK);
    xp_from_dlpack_opts o = {XP_DEVICE_CPU1, XP_COPY_DEFAULT};
    Arr b(xp_from_dlpack(t, &o));
    ASSERT_XP_OK(b);
    EXPECT_EQ(xp_array_device(b), XP_DEVICE_CPU1);
    EXPECT_FALSE(xp_array_shares_memory(a, b));
    EXPECT_EQ(reals(b), reals(a));
    ASSERT_EQ(xp_array_to_dlpack(a, nullptr, &t), XP_OK);
    o.copy = XP_COPY_FALSE;
    Arr c(xp_from_dlpack(t, &o));
    EXPECT_XP_ERR(c, XP_ERR_BUFFER, "xp_from_dlpack");
    t->deleter(t);  // a refused tensor stays the caller's
    xp_dl_managed_tensor_versioned *t1 = nullptr;
    ASSERT_EQ(xp_array_to_dlpack(b, nullptr, &t1), XP_OK);
    EXPECT_EQ(t1->dl_tensor.device.device_id, 1);
    Arr d(xp_from_dlpack(t1, nullptr));
    EXPECT_EQ(xp_array_device(d), XP_DEVICE_CPU1);
}
