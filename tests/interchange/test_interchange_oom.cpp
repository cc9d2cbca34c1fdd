// Allocation failures in the interchange functions: a clean XP_ERR_NOMEM,
// nothing leaked, and the DLPack deleter contract kept on every path.
#include "xp_test.h"

#include <fstream>

using namespace xpt;

namespace {


// Runs `op` with 0, 1, 2, ... successful allocations until it succeeds.
// `op` returns true on success and cleans up after itself.
template <class F> void sweep(const char *what, F op) {
    for (long budget = 0; budget < 64; budget++) {
        Failing f{budget};
        xp_allocator a = {failing_alloc, failing_free, &f};
        ASSERT_EQ(xp_set_allocator(&a), XP_OK);
        bool ok = op();
        xp_set_allocator(nullptr);
        EXPECT_EQ(f.live, 0) << what << ": leak with budget " << budget;
        if (ok) return;
    }
    ADD_FAILURE() << what << ": never succeeded";
}

int deleted = 0;
void count_delete(xp_dl_managed_tensor_versioned *) { deleted++; }

}  // namespace

TEST(InterchangeOom, NothingLeaksAndTheDeleterRunsOnce) {
    std::ifstream in(std::string(XP_TEST_DATA_DIR) + "/npy/f_be_complex64.npy", std::ios::binary);
    std::vector<unsigned char> file(std::istreambuf_iterator<char>(in), {});
    ASSERT_GT(file.size(), 128u);
    sweep("xp_load_buffer", [&] {
        xp_array *r = xp_load_buffer(file.data(), file.size(), nullptr);
        bool ok = !xp_failed(r);
        if (!ok) {
            EXPECT_EQ(xp_error_status(r), XP_ERR_NOMEM) << xp_error_message(r);
        }
        xp_release(r);
        return ok;
    });
    for (xp_mmap_mode mode : {XP_MMAP_NONE, XP_MMAP_READ, XP_MMAP_COPY})
        sweep("xp_load", [&] {
            xp_load_opts o = {mode};
            std::string p = std::string(XP_TEST_DATA_DIR) + "/npy/be_float64.npy";
            xp_array *r = xp_load(p.c_str(), &o);
            bool ok = !xp_failed(r);
            if (!ok) {
                EXPECT_EQ(xp_error_status(r), XP_ERR_NOMEM) << xp_error_message(r);
            }
            xp_release(r);
            return ok;
        });
    Arr x = strided_copy(make({1, 2, 3, 4, 5, 6}, XP_INT32, {2, 3}), {true, false});
    sweep("xp_save_buffer", [&] {
        xp_array *r = xp_save_buffer(x, nullptr);
        bool ok = !xp_failed(r);
        if (!ok) {
            EXPECT_EQ(xp_error_status(r), XP_ERR_NOMEM) << xp_error_message(r);
        }
        xp_release(r);
        return ok;
    });
    for (xp_copy copy : {XP_COPY_DEFAULT, XP_COPY_TRUE}) {
        sweep("xp_array_to_dlpack", [&] {
            xp_to_dlpack_opts o{};
            o.copy = copy;
            xp_dl_managed_tensor_versioned *t = nullptr;
            xp_status st = xp_array_to_dlpack(x, &o, &t);
            if (st != XP_OK) {
                EXPECT_EQ(st, XP_ERR_NOMEM);
                EXPECT_EQ(t, nullptr);
                return false;
            }
            t->deleter(t);
            return true;
        });
        sweep("xp_from_dlpack", [&] {
            double data[4] = {1, 2, 3, 4};
            int64_t shape[1] = {4};
            xp_dl_managed_tensor_versioned t{};
            t.version = {1, 0};
            t.deleter = count_delete;
            t.dl_tensor.data = data;
            t.dl_tensor.device = {XP_DL_CPU, 0};
            t.dl_tensor.ndim = 1;
            t.dl_tensor.dtype = {XP_DL_FLOAT, 64, 1};
            t.dl_tensor.shape = shape;
            deleted = 0;
            xp_from_dlpack_opts o{};
            o.copy = copy;
            xp_array *r = xp_from_dlpack(&t, &o);
            bool ok = !xp_failed(r);
            if (!ok) {
                EXPECT_EQ(xp_error_status(r), XP_ERR_NOMEM) << xp_error_message(r);
                EXPECT_EQ(deleted, 0);  // left to the caller
            } else {
                EXPECT_EQ(reals(r), (std::vector<double>{1, 2, 3, 4}));
            }
            xp_release(r);
            EXPECT_EQ(deleted, ok ? 1 : 0);
            return ok;
        });
    }
}
