// Memory handed in from outside: bool bytes other than 0/1 (from .npy files,
// DLPack producers, wrapped and C buffers) and the layout checks of xp_array_wrap.
#include "xp_test.h"

#include <cstdlib>
#include <fstream>
#include <unistd.h>

using namespace xpt;

namespace {

// A 1.0 .npy file of `n` bool elements, every byte `byte` (NumPy writes only 0/1).
std::vector<unsigned char> bool_npy(int64_t n, unsigned char byte) {
    std::string h = "{'descr': '|b1', 'fortran_order': False, 'shape': (" + std::to_string(n) +
                    ",), }";
    while ((10 + h.size() + 1) % 64) h += ' ';
    h += '\n';
    std::vector<unsigned char> b(10 + h.size() + (size_t)n, byte);
    std::memcpy(b.data(), "\x93NUMPY\x01\x00", 8);
    b[8] = (unsigned char)h.size();
    b[9] = (unsigned char)(h.size() >> 8);
    std::memcpy(b.data() + 10, h.data(), h.size());
    return b;
}

struct TempFile {
    std::string path;
    explicit TempFile(const std::vector<unsigned char> &bytes) {
        const char *t = std::getenv("TMPDIR");
        std::string tmpl = std::string(t && *t ? t : "/tmp") + "/xp_foreign_XXXXXX";
        std::vector<char> buf(tmpl.begin(), tmpl.end());
        buf.push_back(0);
        int fd = mkstemp(buf.data());
        path = buf.data();
        if (fd >= 0) {
            EXPECT_EQ(write(fd, bytes.data(), bytes.size()), (ssize_t)bytes.size());
            close(fd);
        }
    }
    ~TempFile() { unlink(path.c_str()); }
    std::vector<unsigned char> contents() const {
        std::ifstream in(path, std::ios::binary);
        return std::vector<unsigned char>(std::istreambuf_iterator<char>(in), {});
    }
};

// Every byte of a bool array (any layout) is 0 or 1 and every element is true.
void expect_all_true_bytes(const xp_array *x) {
    int64_t wrong = 0;
    for_each(x, [&](int64_t, const char *p) { wrong += *(const uint8_t *)p != 1; });
    EXPECT_EQ(wrong, 0);
}

// nonzero of a 1-D bool array: exactly the indices of its true elements.
void expect_nonzero_is_all(const xp_array *x) {
    xp_array *out[1] = {nullptr};
    ASSERT_EQ(xp_nonzero(x, out), XP_OK);
    Arr idx(out[0]);
    ASSERT_EQ(idx.size(), xp_array_size(x));
    const int64_t *p = (const int64_t *)xp_array_data(idx);
    for (int64_t i = 0; i < idx.size(); i++) ASSERT_EQ(p[i], i);
}

}  // namespace

// ---- bool bytes other than 0/1 ----------------------------------------------------

TEST(ForeignBool, NpyBufferAndFileLoadNormalise) {
    // 33 elements of byte 0xf8: a byte sum would size nonzero's output at 8184.
    auto bytes = bool_npy(33, 0xf8);
    Arr a(xp_load_buffer(bytes.data(), bytes.size(), nullptr));
    ASSERT_XP_OK(a);
    expect_all_true_bytes(a);
    expect_nonzero_is_all(a);
    TempFile f(bytes);
    Arr b(xp_load(f.path.c_str(), nullptr));
    ASSERT_XP_OK(b);
    expect_all_true_bytes(b);
    Arr n(xp_logical_not(b));
    ASSERT_XP_OK(n);
    for_each(n, [](int64_t, const char *p) { EXPECT_EQ(*(const uint8_t *)p, 0); });
}

TEST(ForeignBool, MemoryMapsNormaliseInPrivatePagesOrRefuse) {
    auto bytes = bool_npy(100, 2);
    TempFile f(bytes);
    for (xp_mmap_mode m : {XP_MMAP_READ, XP_MMAP_COPY}) {
        xp_load_opts o = {m};
        Arr a(xp_load(f.path.c_str(), &o));
        ASSERT_XP_OK(a);
        EXPECT_EQ(xp_array_is_readonly(a), m == XP_MMAP_READ);
        expect_all_true_bytes(a);
        expect_nonzero_is_all(a);
    }
    xp_load_opts rw = {XP_MMAP_READWRITE};
    EXPECT_XP_ERR(Arr(xp_load(f.path.c_str(), &rw)), XP_ERR_VALUE, "xp_load");
    EXPECT_EQ(f.contents(), bytes);  // the file is never written
    // a file of 0/1 bytes still maps read-write
    TempFile g(bool_npy(10, 1));
    EXPECT_XP_OK(Arr(xp_load(g.path.c_str(), &rw)));
}

namespace {
struct BoolProducer {
    xp_dl_managed_tensor_versioned mt{};
    std::vector<unsigned char> storage;
    int64_t shape[1];
    int *deleted;
};
void bool_producer_delete(xp_dl_managed_tensor_versioned *self) {
    auto *p = (BoolProducer *)self->manager_ctx;
    ++*p->deleted;
    delete p;
}
BoolProducer *bool_producer(int *counter, int64_t n, unsigned char byte) {
    auto *p = new BoolProducer;
    p->deleted = counter;
    p->storage.assign((size_t)n, byte);
    p->shape[0] = n;
    xp_dl_tensor t{};
    t.data = p->storage.data();
    t.device = {XP_DL_CPU, 0};
    t.ndim = 1;
    t.dtype = {XP_DL_BOOL, 8, 1};
    t.shape = p->shape;
    p->mt.version = {1, 0};
    p->mt.manager_ctx = p;
    p->mt.deleter = bool_producer_delete;
    p->mt.dl_tensor = t;
    return p;
}
}  // namespace

TEST(ForeignBool, DlpackImportCopiesAndNormalisesNeverWritesTheProducer) {
    int deleted = 0;
    BoolProducer *p = bool_producer(&deleted, 33, 0x80);
    Arr a(xp_from_dlpack(&p->mt, nullptr));
    ASSERT_XP_OK(a);
    EXPECT_EQ(deleted, 1);  // copied: the producer's tensor is released at once
    expect_all_true_bytes(a);
    expect_nonzero_is_all(a);

    BoolProducer *q = bool_producer(&deleted, 5, 3);
    xp_from_dlpack_opts no_copy = {XP_DEVICE_DEFAULT, XP_COPY_FALSE};
    EXPECT_XP_ERR(Arr(xp_from_dlpack(&q->mt, &no_copy)), XP_ERR_BUFFER, "xp_from_dlpack");
    EXPECT_EQ(q->storage[0], 3);
    q->mt.deleter(&q->mt);  // refused: still ours
    EXPECT_EQ(deleted, 2);

    BoolProducer *ok = bool_producer(&deleted, 5, 1);  // 0/1 bytes: zero-copy still
    Arr z(xp_from_dlpack(&ok->mt, &no_copy));
    ASSERT_XP_OK(z);
    EXPECT_EQ(deleted, 2);
    z = Arr();
    EXPECT_EQ(deleted, 3);
}

TEST(ForeignBool, WrapRefusesAndAsarrayBufferNormalises) {
    unsigned char data[4] = {0, 1, 2, 255};
    int64_t n = 4;
    EXPECT_XP_ERR(Arr(xp_array_wrap(data, XP_BOOL, 1, &n, nullptr, nullptr, nullptr, false)),
                  XP_ERR_VALUE, "xp_array_wrap");
    xp_asarray_opts nc{};
    nc.copy = XP_COPY_FALSE;
    EXPECT_XP_ERR(Arr(xp_asarray_buffer(data, XP_BOOL, 1, &n, &nc)), XP_ERR_VALUE,
                  "xp_asarray_buffer");
    Arr c(xp_asarray_buffer(data, XP_BOOL, 1, &n, nullptr));
    ASSERT_XP_OK(c);
    const uint8_t *p = (const uint8_t *)xp_array_data(c);
    EXPECT_EQ(std::vector<int>(p, p + 4), (std::vector<int>{0, 1, 1, 1}));
}

TEST(ForeignBool, KernelsTreatAnyNonzeroByteAsTrue) {
    // Memory written through xp_array_data can still hold any byte: results stay 0/1
    // and nonzero counts elements, never sums bytes.
    xp_create_opts o = {XP_BOOL, XP_DEVICE_DEFAULT};
    int64_t n = 33;
    Arr x(xp_zeros(1, &n, &o));
    ASSERT_XP_OK(x);
    std::memset(xp_array_data(x), 0xf8, 33);
    expect_nonzero_is_all(x);
    Arr t(xp_ones(1, &n, &o));
    struct {
        const char *name;
        Arr r;
        uint8_t want;
    } cases[] = {
        {"logical_not", Arr(xp_logical_not(x)), 0},
        {"logical_and", Arr(xp_logical_and(x, t)), 1},
        {"logical_or", Arr(xp_logical_or(x, t)), 1},
        {"logical_xor", Arr(xp_logical_xor(x, t)), 0},
        {"equal", Arr(xp_equal(x, t)), 1},
        {"not_equal", Arr(xp_not_equal(x, t)), 0},
        {"bitwise_invert", Arr(xp_bitwise_invert(x)), 0},
    };
    for (auto &c : cases) {
        ASSERT_XP_OK(c.r) << c.name;
        for_each(c.r, [&](int64_t, const char *p) {
            ASSERT_EQ(*(const uint8_t *)p, c.want) << c.name;
        });
    }
}

// ---- xp_array_wrap layout checks --------------------------------------------------

TEST(WrapLayout, StridesReachingOutsideTheAddressSpaceAreRefused) {
    static double data[4];
    int64_t shape[2] = {3, 2};
    int64_t huge[2] = {INT64_MAX / 2, 8};
    EXPECT_XP_ERR(Arr(xp_array_wrap(data, XP_FLOAT64, 2, shape, huge, nullptr, nullptr, false)),
                  XP_ERR_OVERFLOW, "xp_array_wrap");
    int64_t back[2] = {-(INT64_C(1) << 62), 8};
    EXPECT_XP_ERR(Arr(xp_array_wrap(data, XP_FLOAT64, 2, shape, back, nullptr, nullptr, false)),
                  XP_ERR_OVERFLOW, "xp_array_wrap");
    // a zero-size array never reads its strides
    int64_t empty[2] = {0, 2};
    EXPECT_XP_OK(Arr(xp_array_wrap(data, XP_FLOAT64, 2, empty, huge, nullptr, nullptr, false)));
}

TEST(WrapLayout, MisalignedDataOrStridesAreRefusedAndTheDeleterRuns) {
    alignas(16) static unsigned char bytes[64];
    int64_t n = 3;
    int calls = 0;
    auto del = [](void *, void *ctx) { ++*(int *)ctx; };
    EXPECT_XP_ERR(Arr(xp_array_wrap(bytes + 1, XP_FLOAT64, 1, &n, nullptr, del, &calls, false)),
                  XP_ERR_VALUE, "xp_array_wrap");
    int64_t odd[1] = {12};
    EXPECT_XP_ERR(Arr(xp_array_wrap(bytes, XP_FLOAT64, 1, &n, odd, del, &calls, false)),
                  XP_ERR_VALUE, "xp_array_wrap");
    EXPECT_EQ(calls, 2);
    // complex64 needs 4-byte alignment only; a stride on an axis of extent 1 is unused
    int64_t one = 1, any[1] = {3};
    EXPECT_XP_OK(Arr(xp_array_wrap(bytes + 4, XP_COMPLEX64, 1, &n, nullptr, nullptr, nullptr, false)));
    EXPECT_XP_OK(Arr(xp_array_wrap(bytes, XP_FLOAT64, 1, &one, any, nullptr, nullptr, false)));
}
