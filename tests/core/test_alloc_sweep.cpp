// Allocation-failure sweep (SQLite's method) over every function of the table.
//
// The functions come from the XP_NS_* lists of the public headers, so a new
// function is swept without being listed here: each parameter type gets a
// sample argument (arrays, shapes, counts, out-parameters, NULL options), with a
// few per-function choices below only where the default would be refused by
// validation. For every function, after one successful warm-up call:
//   - a reference call records the result (status, dtype, shape, bytes);
//   - for k = 1, 2, ...: fail only the k-th allocation, then fail every
//     allocation from the k-th on; each call must give the reference result or a
//     clean XP_ERR_NOMEM, release every byte it allocated, and leave its inputs
//     untouched. The sweep of a function ends when a call makes fewer than k
//     allocations.
#include "xp_test.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <map>
#include <set>
#include <tuple>
#include <type_traits>

using namespace xpt;

namespace {

// ---- the failing allocator -------------------------------------------------

struct Hook {
    std::atomic<long> calls{0};
    std::atomic<long> live_blocks{0};
    std::atomic<long long> live_bytes{0};
    long fail_at = 0;     // 0: never fail
    bool from_on = false; // fail every allocation from fail_at on
};
Hook hook;

void *hook_alloc(size_t n, void *) {
    long k = ++hook.calls;
    if (hook.fail_at > 0 && (k == hook.fail_at || (hook.from_on && k > hook.fail_at))) return nullptr;
    void *p = aligned_alloc(64, (n + 63) / 64 * 64 + 64);
    if (p) {
        hook.live_blocks++;
        hook.live_bytes += (long long)n;
    }
    return p;
}
void hook_free(void *p, size_t n, void *) {
    if (!p) return;
    hook.live_blocks--;
    hook.live_bytes -= (long long)n;
    free(p);
}
const xp_allocator counting = {hook_alloc, hook_free, nullptr};

const int64_t kFlat[1] = {-1};
const int64_t k33[2] = {3, 3};
const int64_t kArange[3] = {0, 6, 1};

// ---- results: what a call gave, comparable across calls ----------------------

struct Print {
    bool is_array = false;
    xp_status st = XP_OK;
    xp_dtype dt = XP_DTYPE_DEFAULT;
    std::vector<int64_t> shape;
    std::vector<unsigned char> bytes;
    bool operator==(const Print &o) const {
        return is_array == o.is_array && st == o.st && dt == o.dt && shape == o.shape && bytes == o.bytes;
    }
};

// A fallback path taken when an allocation fails (an adapter's workspace cannot
// be had, the next adapter down computes) may round differently: floating
// results then agree to a few ulps of the result's scale, not bit for bit.
bool close(const Print &a, const Print &b) {
    if (!(a.is_array && b.is_array && a.st == b.st && a.dt == b.dt && a.shape == b.shape &&
          a.bytes.size() == b.bytes.size()))
        return false;
    bool f32 = a.dt == XP_FLOAT32 || a.dt == XP_COMPLEX64;
    bool f64 = a.dt == XP_FLOAT64 || a.dt == XP_COMPLEX128;
    if (!f32 && !f64) return false;
    size_t n = a.bytes.size() / (f32 ? 4 : 8);
    auto at = [&](const Print &p, size_t i) {
        if (f32) {
            float v;
            std::memcpy(&v, p.bytes.data() + 4 * i, 4);
            return (double)v;
        }
        double v;
        std::memcpy(&v, p.bytes.data() + 8 * i, 8);
        return v;
    };
    double scale = 0;
    for (size_t i = 0; i < n; i++) scale = std::max(scale, std::fabs(at(b, i)));
    double tol = (f32 ? 1e-5 : 1e-12) * (1 + scale);
    for (size_t i = 0; i < n; i++)
        if (!(std::fabs(at(a, i) - at(b, i)) <= tol)) return false;
    return true;
}

// Contents of an array (C order), read with the default allocator.
std::vector<unsigned char> contents(const xp_array *a) {
    Arr flat(xp_reshape(a, 1, kFlat, nullptr));
    Arr c(xp_asarray(flat, nullptr));
    if (c.failed() || !xp_array_is_c_contiguous(c)) return {};
    const unsigned char *p = (const unsigned char *)xp_array_data(c);
    return std::vector<unsigned char>(p, p + (size_t)c.size() * xp_array_itemsize(c));
}

Print print_of(const xp_array *a, bool with_bytes) {
    Print p;
    p.is_array = true;
    if (!a) {
        p.st = XP_ERR_TYPE;
        return p;
    }
    if (xp_failed(a)) {
        p.st = xp_error_status(a);
        return p;
    }
    p.dt = xp_array_dtype(a);
    const int64_t *s = xp_array_shape(a);
    p.shape.assign(s, s + xp_array_ndim(a));
    if (with_bytes) p.bytes = contents(a);
    return p;
}

// ---- sample arguments --------------------------------------------------------

// The sweep runs twice: with 3x3 matrices and with 6x6 ones (past the small-
// matrix kernels of the linear algebra, into the LAPACK-level paths).
int g_n = 3;

Arr matrix(xp_dtype dt) {  // symmetric positive definite (tridiagonal 4, 1), nonsingular
    std::vector<double> v((size_t)(g_n * g_n), 0.0);
    for (int i = 0; i < g_n; i++) {
        v[(size_t)(i * g_n + i)] = 4 - i % 3;
        if (i + 1 < g_n) v[(size_t)(i * g_n + i + 1)] = v[(size_t)((i + 1) * g_n + i)] = 1;
    }
    xp_asarray_opts o = {};
    o.dtype = dt;
    const int64_t shape[2] = {g_n, g_n};
    return Arr(xp_asarray_buffer(v.data(), XP_FLOAT64, 2, shape, &o));
}
Arr vector(std::vector<double> v, xp_dtype dt) {
    xp_asarray_opts o = {};
    o.dtype = dt;
    const int64_t n = (int64_t)v.size();
    return Arr(xp_asarray_buffer(v.data(), XP_FLOAT64, 1, &n, &o));
}
Arr scalar(double v, xp_dtype dt) {
    xp_asarray_opts o = {};
    o.dtype = dt;
    return Arr(xp_asarray_buffer(&v, XP_FLOAT64, 0, nullptr, &o));
}

bool starts(const std::string &s, const char *p) { return s.rfind(p, 0) == 0; }

// Everything one call of function `name` is given; built before the failing
// allocator is installed, released after it is removed.
struct Args {
    std::string name;
    std::vector<Arr> arrays;      // the const xp_array * arguments, in order
    std::vector<Arr> mutables;    // fresh copies for xp_array * arguments
    std::vector<const xp_array *> list;
    std::vector<std::vector<unsigned char>> out_storage;
    std::vector<xp_array *> out_arrays = std::vector<xp_array *>(64, nullptr);
    std::vector<xp_dl_managed_tensor_versioned *> dl_in;
    std::vector<xp_dl_managed_tensor *> dl_legacy_in;
    xp_dl_managed_tensor_versioned *dl_out = nullptr;
    xp_dl_managed_tensor *dl_legacy_out = nullptr;
    std::vector<unsigned char> buffer;  // const void * (a .npy image or raw doubles)
    std::string path;
    int n_array = 0, n_int = 0, n_i64 = 0, n_dbl = 0, n_i64p = 0, n_str = 0;
    std::vector<int64_t> i64_store[8];
    xp_index key[2];
    std::vector<int> ndims = {2, 2};
    std::vector<const int64_t *> shapes;
    std::vector<xp_dtype> dtypes = {XP_FLOAT64, XP_FLOAT32};

    explicit Args(std::string n) : name(std::move(n)) {}

    // The k-th const xp_array * argument.
    const xp_array *array() {
        int k = n_array++;
        arrays.push_back(sample_array(k));
        return arrays.back();
    }
    Arr sample_array(int k) {
        const std::string &n = name;
        bool ints = n.find("bitwise") != std::string::npos || n == "array_iand" || n == "array_ior" ||
                    n == "array_ixor" || n == "array_ilshift" || n == "array_irshift";
        if (ints) return matrix(XP_INT64);
        if (starts(n, "logical") || (n == "where" && k == 0)) return matrix(XP_BOOL);
        if (n == "take" || n == "meshgrid")
            return k == 0 ? vector({1, 2, 3}, XP_FLOAT64) : vector({0, 2}, XP_INT64);
        if (n == "searchsorted") return k == 0 ? vector({1, 2, 3}, XP_FLOAT64) : vector({0.5, 2.5}, XP_FLOAT64);
        if (n == "take_along_axis" && k == 1) {
            Arr i(xp_astype(matrix(XP_FLOAT64), XP_INT64, nullptr));
            return Arr(xp_remainder(i, Arr(xp_int(g_n))));
        }
        if (n == "repeat" && k == 1) return scalar(2, XP_INT64);
        if ((n == "full" || n == "full_like") && k >= (n == "full" ? 0 : 1)) return scalar(1.5, XP_FLOAT64);
        if (n == "clip" && k >= 1) return scalar(k == 1 ? 1.5 : 3.5, XP_FLOAT64);
        if (n == "array_setitem" && k >= 0) return scalar(7, XP_FLOAT64);
        if (n == "array_int" || n == "array_index") return scalar(3, XP_INT64);
        if (n == "array_bool" || n == "array_float" || n == "array_complex") return scalar(3, XP_FLOAT64);
        if (starts(n, "fft_i") || n == "fft_hfft" || n == "fft_irfft" || n == "fft_irfftn")
            return Arr(xp_astype(matrix(XP_FLOAT64), XP_COMPLEX128, nullptr));
        return matrix(XP_FLOAT64);
    }
    xp_array *mutable_array() {
        bool ints = name == "array_iand" || name == "array_ior" || name == "array_ixor" ||
                    name == "array_ilshift" || name == "array_irshift";
        xp_asarray_opts copy = {};
        copy.copy = XP_COPY_TRUE;
        mutables.push_back(Arr(xp_asarray(matrix(ints ? XP_INT64 : XP_FLOAT64), &copy)));
        return mutables.back();
    }
    const xp_array *const *array_list() {
        for (int i = 0; i < 2; i++) {
            arrays.push_back(name == "meshgrid" ? vector({1, 2, 3}, XP_FLOAT64) : matrix(XP_FLOAT64));
            list.push_back(arrays.back());
        }
        return list.data();
    }
    int count() {  // int arguments: counts and ndims
        int k = n_int++;
        if (name == "roll" || name == "squeeze") return 1;
        if (name == "info_devices" || name == "info_dtypes") return 64;
        (void)k;
        return 2;
    }
    int64_t i64() {  // int64_t arguments (also xp_device: 0 is the default device)
        int k = n_i64++;
        if (name == "arange_int") return kArange[k % 3];
        if (name == "info_default_dtypes" || name == "info_dtypes") return XP_DEVICE_DEFAULT;
        if (name == "linalg_matrix_power" || name == "eye" || starts(name, "linspace")) return 3;
        return 1;
    }
    double dbl() {
        int k = n_dbl++;
        if (name == "arange") return (double)kArange[k % 3];
        return (double)k;
    }
    const int64_t *i64_list() {
        int k = n_i64p++;
        std::vector<int64_t> &v = i64_store[k % 8];
        if (name == "permute_dims" || (name == "moveaxis" && k == 1)) v = {1, 0};
        else if (name == "expand_dims" || name == "moveaxis") v = {0, 1};
        else if (name == "squeeze") v = {0};
        else if (name == "roll") v = {1};
        else if (name == "reshape") v = {9, 1};
        else if (name == "broadcast_shapes") v = {3, 3};
        else v = {3, 3};
        return v.data();
    }
    const char *str() {
        n_str++;
        if (name == "load" || name == "save") return path.c_str();
        if (name == "kind_from_name" || name == "isdtype_str") return "real floating";
        return "float64";
    }
    const void *raw() {
        if (name == "load_buffer") {
            Arr b(xp_save_buffer(matrix(XP_FLOAT64), nullptr));
            const unsigned char *p = (const unsigned char *)xp_array_data(b);
            buffer.assign(p, p + b.size());
        } else {
            buffer.resize(9 * sizeof(double));
            for (int i = 0; i < 9; i++) ((double *)buffer.data())[i] = i + 0.5;
        }
        return buffer.data();
    }
    const xp_index *index_key() {
        key[0] = xp_index_int(0);
        key[1] = xp_index_slice(XP_END, XP_END, XP_END);
        return key;
    }
    void *out(size_t bytes) {
        out_storage.emplace_back(bytes * 64 + 64, 0);
        return out_storage.back().data();
    }
};

// Arg<T>::get(args): the sample for a parameter of type T.
template <class T, class Enable = void>
struct Arg;
template <>
struct Arg<const xp_array *> {
    static const xp_array *get(Args &a) { return a.array(); }
};
template <>
struct Arg<xp_array *> {
    static xp_array *get(Args &a) { return a.mutable_array(); }
};
template <>
struct Arg<const xp_array *const *> {
    static const xp_array *const *get(Args &a) { return a.array_list(); }
};
template <>
struct Arg<xp_array **> {
    static xp_array **get(Args &a) { return a.out_arrays.data(); }
};
template <>
struct Arg<int> {
    static int get(Args &a) { return a.count(); }
};
template <>
struct Arg<int64_t> {
    static int64_t get(Args &a) { return a.i64(); }
};
template <>
struct Arg<double> {
    static double get(Args &a) { return a.dbl(); }
};
template <>
struct Arg<size_t> {
    static size_t get(Args &a) { return a.buffer.size(); }
};
template <>
struct Arg<bool> {
    static bool get(Args &) { return false; }
};
template <>
struct Arg<xp_dtype> {
    static xp_dtype get(Args &a) { return a.name == "astype" ? XP_FLOAT32 : XP_FLOAT64; }
};
template <>
struct Arg<xp_kind> {
    static xp_kind get(Args &) { return XP_KIND_REAL_FLOATING; }
};
template <>
struct Arg<xp_indexing> {
    static xp_indexing get(Args &) { return XP_INDEXING_IJ; }
};
template <>
struct Arg<const int64_t *> {
    static const int64_t *get(Args &a) { return a.i64_list(); }
};
template <>
struct Arg<const int64_t *const *> {
    static const int64_t *const *get(Args &a) {
        a.shapes = {a.i64_list(), a.i64_list()};
        return a.shapes.data();
    }
};
template <>
struct Arg<const int *> {
    static const int *get(Args &a) { return a.ndims.data(); }
};
template <>
struct Arg<const xp_dtype *> {
    static const xp_dtype *get(Args &a) { return a.dtypes.data(); }
};
template <>
struct Arg<const char *> {
    static const char *get(Args &a) { return a.str(); }
};
template <>
struct Arg<const void *> {
    static const void *get(Args &a) { return a.raw(); }
};
template <>
struct Arg<const xp_index *> {
    static const xp_index *get(Args &a) { return a.index_key(); }
};
template <>
struct Arg<xp_dl_managed_tensor_versioned *> {
    static xp_dl_managed_tensor_versioned *get(Args &a) {
        xp_dl_managed_tensor_versioned *t = nullptr;
        EXPECT_EQ(xp_array_to_dlpack(matrix(XP_FLOAT64), nullptr, &t), XP_OK);
        a.dl_in.push_back(t);
        return t;
    }
};
template <>
struct Arg<xp_dl_managed_tensor *> {
    static xp_dl_managed_tensor *get(Args &a) {
        xp_dl_managed_tensor *t = nullptr;
        EXPECT_EQ(xp_array_to_dlpack_legacy(matrix(XP_FLOAT64), nullptr, &t), XP_OK);
        a.dl_legacy_in.push_back(t);
        return t;
    }
};
template <>
struct Arg<xp_dl_managed_tensor_versioned **> {
    static xp_dl_managed_tensor_versioned **get(Args &a) { return &a.dl_out; }
};
template <>
struct Arg<xp_dl_managed_tensor **> {
    static xp_dl_managed_tensor **get(Args &a) { return &a.dl_legacy_out; }
};
// Options structs (pointers to const structs): NULL, the standard's defaults.
template <class T>
struct Arg<const T *, std::enable_if_t<std::is_class<T>::value>> {
    static const T *get(Args &) { return nullptr; }
};
// Other out-parameters (pointers to writable scalars or structs): zeroed storage.
template <class T>
struct Arg<T *, std::enable_if_t<!std::is_const<T>::value && !std::is_same<T, xp_array>::value &&
                                 !std::is_same<T, xp_array *>::value &&
                                 !std::is_same<T, xp_dl_managed_tensor_versioned>::value &&
                                 !std::is_same<T, xp_dl_managed_tensor>::value &&
                                 !std::is_same<T, xp_dl_managed_tensor_versioned *>::value &&
                                 !std::is_same<T, xp_dl_managed_tensor *>::value>> {
    static T *get(Args &a) { return (T *)a.out(sizeof(T)); }
};

// ---- one function ------------------------------------------------------------

struct Outcome {
    std::vector<Print> prints;
    bool nomem = false;
};

// Fingerprints of whatever a call returned, then releases it (with the
// allocator that is current: the caller decides).
template <class R>
void take_result(const R &r, Args &a, bool bytes, Outcome &o) {
    if constexpr (std::is_same<R, xp_array *>::value) {
        o.prints.push_back(print_of(r, bytes));
        if (r && xp_failed(r) && xp_error_status(r) == XP_ERR_NOMEM) o.nomem = true;
        xp_release(r);
    } else if constexpr (std::is_same<R, xp_status>::value) {
        Print p;
        p.st = r;
        o.prints.push_back(p);
        if (r == XP_ERR_NOMEM) o.nomem = true;
    } else if constexpr (std::is_class<R>::value) {
        // the *_result structs hold only arrays
        static_assert(sizeof(R) % sizeof(xp_array *) == 0, "a result struct of arrays");
        xp_array *const *m = reinterpret_cast<xp_array *const *>(&r);
        for (size_t i = 0; i < sizeof(R) / sizeof(xp_array *); i++) take_result(m[i], a, bytes, o);
    } else {
        Print p;  // plain values: compared as bytes
        p.bytes.resize(sizeof(R));
        std::memcpy(p.bytes.data(), &r, sizeof(R));
        o.prints.push_back(p);
    }
    for (xp_array *&x : a.out_arrays) {
        if (!x) continue;
        o.prints.push_back(print_of(x, bytes));
        if (xp_failed(x) && xp_error_status(x) == XP_ERR_NOMEM) o.nomem = true;
        xp_release(x);
        x = nullptr;
    }
    if (a.dl_out) {
        o.prints.push_back(Print{});
        a.dl_out->deleter(a.dl_out);
        a.dl_out = nullptr;
    }
    if (a.dl_legacy_out) {
        o.prints.push_back(Print{});
        a.dl_legacy_out->deleter(a.dl_legacy_out);
        a.dl_legacy_out = nullptr;
    }
}

struct Totals {
    int functions = 0, succeeded = 0;
    long points = 0, nomem = 0;
};
Totals totals;

template <class R, class... A, size_t... I>
Outcome call_once(R (*fn)(A...), const std::string &name, long fail_at, bool from_on, bool bytes,
                  long *made, std::index_sequence<I...>) {
    Args a(name);
    a.path = testing::TempDir() + "xp_alloc_sweep_" + name + ".npy";
    if (name == "load") {
        EXPECT_EQ(xp_save(a.path.c_str(), matrix(XP_FLOAT64), nullptr), XP_OK);
    }
    // Evaluate the samples left to right (a braced list is ordered).
    std::tuple<A...> args{Arg<A>::get(a)...};
    std::vector<std::vector<unsigned char>> before;
    for (const Arr &x : a.arrays) before.push_back(contents(x));

    long blocks0 = hook.live_blocks, calls0;
    long long bytes0 = hook.live_bytes;
    EXPECT_EQ(xp_set_allocator(&counting), XP_OK);
    calls0 = hook.calls;
    hook.fail_at = fail_at > 0 ? calls0 + fail_at : 0;
    hook.from_on = from_on;
    R r = fn(std::get<I>(args)...);
    hook.fail_at = 0;
    *made = hook.calls - calls0;
    Outcome o;
    take_result(r, a, bytes, o);  // released with the counting allocator installed
    xp_set_allocator(nullptr);
    // a refused DLPack tensor stays the caller's
    for (auto *t : a.dl_in)
        if (!o.prints.empty() && o.prints[0].st != XP_OK) t->deleter(t);
    for (auto *t : a.dl_legacy_in)
        if (!o.prints.empty() && o.prints[0].st != XP_OK) t->deleter(t);
    EXPECT_EQ(hook.live_blocks, blocks0) << name << ": blocks leaked (fail_at " << fail_at
                                         << (from_on ? ", from on" : "") << ")";
    EXPECT_EQ(hook.live_bytes, bytes0) << name << ": bytes leaked (fail_at " << fail_at << ")";
    for (size_t i = 0; i < a.arrays.size(); i++)
        EXPECT_EQ(contents(a.arrays[i]), before[i]) << name << ": input " << i << " changed";
    if (name == "save" || name == "load") std::remove(a.path.c_str());
    return o;
}

template <class R, class... A>
void sweep(const std::string &name, R (*fn)(A...)) {
    SCOPED_TRACE(name);
    // uninitialised results (empty, empty_like) are compared without their bytes
    bool bytes = !starts(name, "empty");
    long made = 0;
    auto seq = std::index_sequence_for<A...>{};
    call_once(fn, name, 0, false, bytes, &made, seq);  // warm-up: caches, plans
    Outcome ref = call_once(fn, name, 0, false, bytes, &made, seq);
    totals.functions++;
    bool ok = !ref.prints.empty() && ref.prints[0].st == XP_OK && !ref.nomem;
    if (ok) totals.succeeded++;
    long n = made;
    if (getenv("XP_SWEEP_VERBOSE")) printf("alloc-sweep: %s makes %ld allocations\n", name.c_str(), n);
    for (long k = 1; k <= n + 1; k++) {
        for (bool from_on : {false, true}) {
            long m = 0;
            Outcome o = call_once(fn, name, k, from_on, bytes, &m, seq);
            totals.points++;
            if (o.nomem) {  // a clean out-of-memory error
                totals.nomem++;
                continue;
            }
            // otherwise the failure point was not reached, or was absorbed
            // (a fallback path): the result must be the reference one
            ASSERT_EQ(o.prints.size(), ref.prints.size()) << "fail_at " << k;
            for (size_t i = 0; i < o.prints.size(); i++)
                EXPECT_TRUE(o.prints[i] == ref.prints[i] || close(o.prints[i], ref.prints[i]))
                    << "result " << i << " differs with allocation " << k << " failing"
                    << (from_on ? " (and every later one)" : "");
        }
    }
}

}  // namespace

TEST(AllocSweep, EveryFunctionOfTheTable) {
    for (int n : {3, 6}) {
        g_n = n;
        totals = Totals{};
#define XP__SWEEP(name) sweep(#name, &xp_##name);
#define XP__SWEEP_LINALG(name) sweep("linalg_" #name, &xp_linalg_##name);
#define XP__SWEEP_FFT(name) sweep("fft_" #name, &xp_fft_##name);
        XP_NS_DATA_TYPES(XP__SWEEP)
        XP_NS_CREATION(XP__SWEEP)
        XP_NS_INFO(XP__SWEEP)
        XP_NS_ELEMENTWISE(XP__SWEEP)
        XP_NS_INDEXING(XP__SWEEP)
        XP_NS_MANIPULATION(XP__SWEEP)
        XP_NS_SEARCHING(XP__SWEEP)
        XP_NS_SETS(XP__SWEEP)
        XP_NS_SORTING(XP__SWEEP)
        XP_NS_STATISTICAL(XP__SWEEP)
        XP_NS_UTILITY(XP__SWEEP)
        XP_NS_LINEAR_ALGEBRA(XP__SWEEP)
        XP_NS_DLPACK(XP__SWEEP)
        XP_NS_NPY(XP__SWEEP)
        XP_NS_LINALG(XP__SWEEP_LINALG)
        XP_NS_FFT(XP__SWEEP_FFT)
#undef XP__SWEEP
#undef XP__SWEEP_LINALG
#undef XP__SWEEP_FFT
        // the test command prints this line (tools/test.sh)
        printf("alloc-sweep: %s, %dx%d samples: %d functions swept (%d with a successful "
               "reference call), %ld failure points injected, %ld answered XP_ERR_NOMEM\n",
               test_flavor().c_str(), n, n, totals.functions, totals.succeeded, totals.points,
               totals.nomem);
        EXPECT_GT(totals.succeeded, totals.functions * 3 / 4);
        EXPECT_GT(totals.nomem, 0);
    }
}
