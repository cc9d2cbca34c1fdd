// .npy files: NumPy's own files read back exactly, round trips, memory maps,
// files NumPy reads, and hostile input.
#include "npy_expected.h"
#include "xp_test.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace xpt;

namespace {

const std::string kNpyDir = std::string(XP_TEST_DATA_DIR) + "/npy";

struct Entry {
    std::string file, dtype;
    std::vector<int64_t> shape;
    bool fortran = false, big = false;
    int version = 1;
};

std::vector<Entry> manifest() {
    std::vector<Entry> out;
    std::ifstream in(kNpyDir + "/MANIFEST.tsv");
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream ss(line);
        Entry e;
        std::string shape, f, v, b;
        std::getline(ss, e.file, '\t');
        std::getline(ss, e.dtype, '\t');
        std::getline(ss, shape, '\t');
        std::getline(ss, f, '\t');
        std::getline(ss, v, '\t');
        std::getline(ss, b, '\t');
        std::istringstream sh(shape);
        std::string tok;
        while (std::getline(sh, tok, ',')) e.shape.push_back(std::stoll(tok));
        e.fortran = f == "1";
        e.version = std::stoi(v);
        e.big = b == "1";
        out.push_back(e);
    }
    return out;
}

// Every element of x (C order) equals expected(dtype, i), byte for byte.
void expect_values(const xp_array *x, const std::string &what) {
    xp_dtype dt = xp_array_dtype(x);
    size_t is = xp_dtype_size(dt);
    int64_t bad = -1;
    for_each(x, [&](int64_t i, const char *p) {
        std::vector<unsigned char> e = npyx::expected(dt, i);
        if (bad < 0 && std::memcmp(p, e.data(), is) != 0) bad = i;
    });
    EXPECT_EQ(bad, -1) << what << ": first wrong element";
}

Arr expected_array(xp_dtype dt, std::vector<int64_t> shape) {
    xp_create_opts o = {dt, XP_DEVICE_DEFAULT};
    Arr a(xp_empty((int)shape.size(), shape.data(), &o));
    char *p = (char *)xp_array_data(a);
    for (int64_t i = 0; i < a.size(); i++) {
        auto e = npyx::expected(dt, i);
        std::memcpy(p + i * (int64_t)e.size(), e.data(), e.size());
    }
    return a;
}

// A scratch directory removed at the end of the test.
struct TempDir {
    std::string path;
    TempDir() {
        const char *t = std::getenv("TMPDIR");
        std::string tmpl = std::string(t && *t ? t : "/tmp") + "/xp_npy_XXXXXX";
        std::vector<char> buf(tmpl.begin(), tmpl.end());
        buf.push_back(0);
        path = mkdtemp(buf.data()) ? buf.data() : "";
    }
    ~TempDir() {
        if (!path.empty()) std::system(("rm -rf '" + path + "'").c_str());
    }
    std::string file(const std::string &n) const { return path + "/" + n; }
};

std::vector<unsigned char> bytes_of(const xp_array *u8) {
    const unsigned char *p = (const unsigned char *)xp_array_data(u8);
    return std::vector<unsigned char>(p, p + xp_array_size(u8));
}

std::vector<unsigned char> read_file(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    return std::vector<unsigned char>(std::istreambuf_iterator<char>(in), {});
}

void write_file(const std::string &path, const std::vector<unsigned char> &b) {
    std::ofstream out(path, std::ios::binary);
    out.write((const char *)b.data(), (std::streamsize)b.size());
}

// Builds an .npy file from a header dictionary text (version 1.0, padded).
std::vector<unsigned char> npy_with_header(const std::string &dict, size_t data_bytes,
                                           int major = 1) {
    size_t pre = major == 1 ? 10 : 12;
    std::string h = dict;
    while ((pre + h.size() + 1) % 64) h += ' ';
    h += '\n';
    std::vector<unsigned char> b = {0x93, 'N', 'U', 'M', 'P', 'Y', (unsigned char)major, 0};
    for (size_t i = 0; i < pre - 8; i++) b.push_back((unsigned char)(h.size() >> (8 * i)));
    b.insert(b.end(), h.begin(), h.end());
    b.resize(b.size() + data_bytes, 0);
    return b;
}

Arr load_bytes(const std::vector<unsigned char> &b) {
    return Arr(xp_load_buffer(b.data(), b.size(), nullptr));
}


}  // namespace

// ---- files written by NumPy ---------------------------------------------------

TEST(NpyNumpyFiles, ManifestListsEveryKind) {
    auto m = manifest();
    ASSERT_GE(m.size(), 30u);
    bool v2 = false, v3 = false, big = false, f = false, zero = false, empty = false;
    for (auto &e : m) {
        v2 |= e.version == 2;
        v3 |= e.version == 3;
        big |= e.big;
        f |= e.fortran;
        zero |= e.shape.empty();
        for (auto s : e.shape) empty |= s == 0;
    }
    EXPECT_TRUE(v2 && v3 && big && f && zero && empty);
}

TEST(NpyNumpyFiles, ReadBackExactlyInEveryMode) {
    for (const Entry &e : manifest()) {
        for (xp_mmap_mode mode : {XP_MMAP_NONE, XP_MMAP_READ, XP_MMAP_COPY}) {
            SCOPED_TRACE(e.file + " mode " + std::to_string((int)mode));
            xp_load_opts o = {mode};
            Arr a(xp_load((kNpyDir + "/" + e.file).c_str(), &o));
            ASSERT_XP_OK(a);
            EXPECT_EQ(dtype_str(a.dtype()), e.dtype);
            EXPECT_EQ(a.shape(), e.shape);
            expect_values(a, e.file);
            EXPECT_EQ(xp_array_is_readonly(a), mode == XP_MMAP_READ);
            if (e.fortran && e.shape.size() >= 2 && a.size() > 0) {
                EXPECT_EQ(xp_array_strides(a)[0], (int64_t)xp_dtype_size(a.dtype()));
                EXPECT_FALSE(xp_array_is_c_contiguous(a));
            } else {
                EXPECT_TRUE(xp_array_is_c_contiguous(a));
            }
        }
    }
}

TEST(NpyNumpyFiles, BufferLoadMatchesFileLoad) {
    for (const Entry &e : manifest()) {
        SCOPED_TRACE(e.file);
        Arr a = load_bytes(read_file(kNpyDir + "/" + e.file));
        ASSERT_XP_OK(a);
        EXPECT_EQ(a.shape(), e.shape);
        expect_values(a, e.file);
    }
}

// ---- round trips ----------------------------------------------------------------

TEST(NpyRoundTrip, EveryDtypeShapeAndVersion) {
    std::vector<std::vector<int64_t>> shapes = {{}, {0, 3}, {5}, {2, 3, 4}};
    for (xp_dtype dt : all_dtypes())
        for (auto &shape : shapes)
            for (xp_npy_version v : {XP_NPY_VERSION_AUTO, XP_NPY_VERSION_1_0, XP_NPY_VERSION_2_0,
                                     XP_NPY_VERSION_3_0}) {
                SCOPED_TRACE(dtype_str(dt) + " ndim " + std::to_string(shape.size()) + " v" +
                             std::to_string((int)v));
                Arr x = expected_array(dt, shape);
                xp_save_opts so = {v};
                Arr buf(xp_save_buffer(x, &so));
                ASSERT_XP_OK(buf);
                auto b = bytes_of(buf);
                int major = v == XP_NPY_VERSION_AUTO ? 1 : (int)v;
                EXPECT_EQ(b[6], major);
                size_t off = major == 1 ? 10 + (b[8] | b[9] << 8)
                                        : 12 + (b[8] | b[9] << 8 | b[10] << 16);
                EXPECT_EQ(off % 64, 0u);
                EXPECT_EQ(b.size(), off + (size_t)x.size() * xp_dtype_size(dt));
                Arr y = load_bytes(b);
                ASSERT_XP_OK(y);
                EXPECT_EQ(y.dtype(), dt);
                EXPECT_EQ(y.shape(), shape);
                expect_values(y, "round trip");
            }
}

TEST(NpyRoundTrip, FileSaveAndLoad) {
    TempDir d;
    for (xp_dtype dt : all_dtypes()) {
        Arr x = expected_array(dt, {3, 4});
        std::string p = d.file(dtype_str(dt) + ".npy");
        ASSERT_EQ(xp_save(p.c_str(), x, nullptr), XP_OK);
        Arr buf(xp_save_buffer(x, nullptr));
        EXPECT_EQ(read_file(p), bytes_of(buf));
        Arr y(xp_load(p.c_str(), nullptr));
        ASSERT_XP_OK(y);
        EXPECT_EQ(y.dtype(), dt);
        expect_values(y, dtype_str(dt));
    }
}

TEST(NpyRoundTrip, NonContiguousAndNegativeStrides) {
    for (xp_dtype dt : {XP_INT16, XP_FLOAT64, XP_COMPLEX64, XP_BOOL}) {
        Arr x = expected_array(dt, {3, 4, 2});
        Arr s = strided_copy(x, {true, false, true});
        Arr buf(xp_save_buffer(s, nullptr));
        ASSERT_XP_OK(buf);
        std::string text(buf.size() > 0 ? (const char *)xp_array_data(buf) : "", 128);
        EXPECT_NE(text.find("'fortran_order': False"), std::string::npos);
        Arr y = load_bytes(bytes_of(buf));
        ASSERT_XP_OK(y);
        EXPECT_TRUE(xp_array_is_c_contiguous(y));
        expect_values(y, dtype_str(dt));
    }
}

TEST(NpyRoundTrip, FortranContiguousArrayIsWrittenInFortranOrder) {
    // A Fortran-ordered view over column-major memory holding expected values.
    std::vector<int64_t> shape = {2, 3, 4};
    Arr c = expected_array(XP_INT32, shape);
    auto *mem = (int32_t *)std::malloc(24 * sizeof(int32_t));
    auto vals = (const int32_t *)xp_array_data(c);
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 3; j++)
            for (int k = 0; k < 4; k++) mem[i + 2 * j + 6 * k] = vals[(i * 3 + j) * 4 + k];
    int64_t fstr[3] = {4, 8, 24};
    Arr f(xp_array_wrap(mem, XP_INT32, 3, shape.data(), fstr,
                        [](void *p, void *) { std::free(p); }, nullptr, false));
    ASSERT_XP_OK(f);
    Arr buf(xp_save_buffer(f, nullptr));
    ASSERT_XP_OK(buf);
    std::string text((const char *)xp_array_data(buf), 128);
    EXPECT_NE(text.find("'fortran_order': True, 'shape': (2, 3, 4)"), std::string::npos);
    auto b = bytes_of(buf);
    EXPECT_EQ(0, std::memcmp(b.data() + 128, mem, 24 * sizeof(int32_t)));
    Arr y = load_bytes(b);
    ASSERT_XP_OK(y);
    EXPECT_EQ(xp_array_strides(y)[0], 4);
    expect_values(y, "fortran");
}

TEST(NpyRoundTrip, HeaderMatchesNumpyText) {
    Arr x = expected_array(XP_FLOAT64, {2, 3});
    Arr buf(xp_save_buffer(x, nullptr));
    std::string text((const char *)xp_array_data(buf), 128);
    EXPECT_EQ(text.substr(0, 10), std::string("\x93NUMPY\x01\x00\x76\x00", 10));
    EXPECT_EQ(text.substr(10, 61),
              "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }  ");
    EXPECT_EQ(text[127], '\n');
    Arr one = expected_array(XP_UINT8, {7});
    Arr b1(xp_save_buffer(one, nullptr));
    std::string t1((const char *)xp_array_data(b1), 128);
    EXPECT_NE(t1.find("'descr': '|u1', 'fortran_order': False, 'shape': (7,), }"),
              std::string::npos);
}

// ---- memory maps ----------------------------------------------------------------

TEST(NpyMmap, CopyOnWriteKeepsTheFile) {
    TempDir d;
    std::string p = d.file("a.npy");
    Arr x = expected_array(XP_FLOAT64, {4, 5});
    ASSERT_EQ(xp_save(p.c_str(), x, nullptr), XP_OK);
    auto before = read_file(p);
    xp_load_opts o = {XP_MMAP_COPY};
    Arr m(xp_load(p.c_str(), &o));
    ASSERT_XP_OK(m);
    EXPECT_FALSE(xp_array_is_readonly(m));
    ((double *)xp_array_data(m))[3] = 42.0;
    EXPECT_EQ(((double *)xp_array_data(m))[3], 42.0);
    EXPECT_EQ(read_file(p), before);
}

TEST(NpyMmap, ReadWriteWritesTheFile) {
    TempDir d;
    std::string p = d.file("a.npy");
    Arr x = expected_array(XP_INT32, {6});
    ASSERT_EQ(xp_save(p.c_str(), x, nullptr), XP_OK);
    {
        xp_load_opts o = {XP_MMAP_READWRITE};
        Arr m(xp_load(p.c_str(), &o));
        ASSERT_XP_OK(m);
        ((int32_t *)xp_array_data(m))[2] = 777;
    }
    Arr y(xp_load(p.c_str(), nullptr));
    EXPECT_EQ(((int32_t *)xp_array_data(y))[2], 777);
}

TEST(NpyMmap, ReadOnlyMapOutlivesViewsAndIsReadOnly) {
    xp_load_opts o = {XP_MMAP_READ};
    Arr m(xp_load((kNpyDir + "/be_float64.npy").c_str(), &o));
    ASSERT_XP_OK(m);
    EXPECT_TRUE(xp_array_is_readonly(m));
    Arr v(xp_asarray(m, nullptr));  // another reference to the mapped memory
    m = Arr();
    expect_values(v, "mapped big-endian");
}

TEST(NpyMmap, FileLargerThanMemoryIsMappedNotRead) {
    // A sparse 64 GiB file: a memory map reads only the pages that are touched.
    TempDir d;
    std::string p = d.file("huge.npy");
    auto head = npy_with_header("{'descr': '<f8', 'fortran_order': False, 'shape': (8, 1073741824), }", 0);
    write_file(p, head);
    const int64_t n = (int64_t)8 << 30;
    if (truncate(p.c_str(), (off_t)(head.size() + (size_t)n * 8)) != 0)
        GTEST_SKIP() << "no sparse files here";
    xp_load_opts o = {XP_MMAP_READ};
    Arr m(xp_load(p.c_str(), &o));
    ASSERT_XP_OK(m);
    EXPECT_EQ(m.size(), n);
    const double *v = (const double *)xp_array_data(m);
    EXPECT_EQ(v[0], 0.0);
    EXPECT_EQ(v[n - 1], 0.0);
}

TEST(NpyMmap, RefusedCases) {
    xp_load_opts rw = {XP_MMAP_READWRITE};
    TempDir d;
    std::string p = d.file("be.npy");
    write_file(p, read_file(kNpyDir + "/be_int32.npy"));
    EXPECT_XP_ERR(Arr(xp_load(p.c_str(), &rw)), XP_ERR_VALUE, "xp_load");
    // data not aligned for its type: a header whose length is not padded
    auto b = npy_with_header("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", 16);
    b[8] = (unsigned char)(b[8] + 3);  // header length + 3: data at an odd offset
    b.insert(b.begin() + 10 + (b[8] - 3), 3, ' ');
    write_file(d.file("odd.npy"), b);
    xp_load_opts ro = {XP_MMAP_READ};
    EXPECT_XP_ERR(Arr(xp_load(d.file("odd.npy").c_str(), &ro)), XP_ERR_VALUE, "xp_load");
    Arr ok(xp_load(d.file("odd.npy").c_str(), nullptr));  // without a map it loads
    EXPECT_XP_OK(ok);
    xp_load_opts bad = {(xp_mmap_mode)9};
    EXPECT_XP_ERR(Arr(xp_load(p.c_str(), &bad)), XP_ERR_VALUE, "xp_load");
    auto good = read_file(kNpyDir + "/c_int8.npy");
    EXPECT_XP_ERR(Arr(xp_load_buffer(good.data(), good.size(), &ro)), XP_ERR_VALUE,
                  "xp_load_buffer");
}

// ---- files xparray wrote, read by NumPy ----------------------------------------

TEST(NpyNumpyReads, FilesWrittenByXparray) {
    if (access("/usr/bin/python3", X_OK) != 0) GTEST_SKIP() << "/usr/bin/python3 is not installed";
    TempDir d;
    struct Case {
        xp_dtype dt;
        std::vector<int64_t> shape;
        xp_npy_version v;
        bool strided;
    };
    std::vector<Case> cases;
    for (xp_dtype dt : all_dtypes()) cases.push_back({dt, {2, 3}, XP_NPY_VERSION_AUTO, false});
    cases.push_back({XP_FLOAT32, {}, XP_NPY_VERSION_2_0, false});
    cases.push_back({XP_INT64, {0, 4}, XP_NPY_VERSION_3_0, false});
    cases.push_back({XP_COMPLEX128, {3, 2, 2}, XP_NPY_VERSION_1_0, true});
    std::string list;
    int k = 0;
    for (auto &c : cases) {
        Arr x = expected_array(c.dt, c.shape);
        if (c.strided) x = strided_copy(x, std::vector<bool>(c.shape.size(), true));
        std::string p = d.file("x" + std::to_string(k++) + ".npy");
        xp_save_opts so = {c.v};
        ASSERT_EQ(xp_save(p.c_str(), x, &so), XP_OK);
        std::string shape;
        for (auto s : c.shape) shape += std::to_string(s) + ",";
        list += "('" + p + "','" + dtype_str(c.dt) + "',(" + shape + ")),";
    }
    std::string tools = std::string(XP_TEST_DATA_DIR) + "/../../tools";
    std::string script =
        "import sys\n"
        "try:\n    import numpy as np\nexcept ImportError:\n    sys.exit(77)\n"
        "sys.path.insert(0, '" + tools +
        "'); from gen_npy_testdata import make\n"
        "bad = 0\n"
        "for p, name, shape in [" + list + "]:\n"
        "    a = np.load(p, allow_pickle=False); e = make(name, shape)\n"
        "    if a.dtype != e.dtype or a.shape != e.shape or not np.array_equal(a, e):\n"
        "        print('mismatch', p, a.dtype, a.shape); bad += 1\n"
        "sys.exit(1 if bad else 0)\n";
    std::string sp = d.file("check.py");
    std::ofstream(sp) << script;
    int rc = std::system(("/usr/bin/python3 " + sp).c_str());
    if (WIFEXITED(rc) && WEXITSTATUS(rc) == 77) GTEST_SKIP() << "python3-numpy is not installed";
    EXPECT_EQ(rc, 0);
}

// ---- hostile input ----------------------------------------------------------------

TEST(NpyBadInput, TruncatedAtEveryLength) {
    auto b = read_file(kNpyDir + "/c_complex128.npy");
    ASSERT_GT(b.size(), 128u);
    for (size_t n = 0; n < b.size(); n++) {
        Arr a(xp_load_buffer(b.data(), n, nullptr));
        EXPECT_XP_ERR(a, XP_ERR_VALUE, "xp_load_buffer");
    }
    TempDir d;
    std::vector<unsigned char> cut(b.begin(), b.end() - 1);
    write_file(d.file("t.npy"), cut);
    for (xp_mmap_mode mode : {XP_MMAP_NONE, XP_MMAP_READ}) {
        xp_load_opts o = {mode};
        Arr a(xp_load(d.file("t.npy").c_str(), &o));
        EXPECT_XP_ERR(a, XP_ERR_VALUE, "xp_load");
        EXPECT_NE(std::string(xp_error_message(a)).find("truncated"), std::string::npos);
    }
}

TEST(NpyBadInput, MalformedHeaders) {
    const char *dicts[] = {
        "",
        "[]",
        "{'descr': '<f8', 'fortran_order': False}",
        "{'descr': '<f8', 'shape': (2,)}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), 'extra': 1}",
        "{'descr': '<f8', 'descr': '<f8', 'fortran_order': False, 'shape': (2,)}",
        "{'descr': '<f8', 'fortran_order': false, 'shape': (2,)}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (2)}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': [2]}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (2,,)}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3 4)}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (-2,)}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (2.5,)}",
        "{'descr': <f8, 'fortran_order': False, 'shape': (2,)}",
        "{'descr': '<f8\\x00', 'fortran_order': False, 'shape': (2,)}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (2,)} trailing",
        "{'descr': '<f8' 'fortran_order': False, 'shape': (2,)}",
        "{'descr': '|f8', 'fortran_order': False, 'shape': (2,)}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (2,)",
    };
    for (const char *dict : dicts) {
        SCOPED_TRACE(dict);
        EXPECT_XP_ERR(load_bytes(npy_with_header(dict, 64)), XP_ERR_VALUE, "xp_load_buffer");
    }
    // accepted variants: key order, double quotes, Python 2 longs, no trailing comma
    const char *good[] = {
        "{'shape': (2,), 'fortran_order': False, 'descr': '<f8'}",
        "{\"descr\": \"<f8\", \"fortran_order\": False, \"shape\": (2L,)}",
        "{'descr':'<f8','fortran_order':False,'shape':(1, 2),}",
    };
    for (const char *dict : good) {
        SCOPED_TRACE(dict);
        EXPECT_XP_OK(load_bytes(npy_with_header(dict, 64)));
    }
}

TEST(NpyBadInput, RefusedDtypes) {
    const char *types[] = {"|O", "<f2", "|S5", "<U3", "|V8", "<M8[ns]", "<i3", "bogus", ""};
    for (const char *t : types) {
        SCOPED_TRACE(t);
        std::string dict = std::string("{'descr': '") + t + "', 'fortran_order': False, 'shape': (2,), }";
        EXPECT_XP_ERR(load_bytes(npy_with_header(dict, 64)), XP_ERR_TYPE, "xp_load_buffer");
    }
    Arr obj = load_bytes(npy_with_header("{'descr': '|O', 'fortran_order': False, 'shape': (2,), }", 64));
    EXPECT_NE(std::string(xp_error_message(obj)).find("pickle"), std::string::npos);
    EXPECT_XP_ERR(load_bytes(npy_with_header(
                      "{'descr': [('a', '<i4'), ('b', '<f8')], 'fortran_order': False, 'shape': (2,), }", 64)),
                  XP_ERR_TYPE, "xp_load_buffer");
}

TEST(NpyBadInput, SizesFromTheHeaderAreNotTrusted) {
    // product overflows int64
    EXPECT_XP_ERR(load_bytes(npy_with_header(
                      "{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 4294967296), }", 0)),
                  XP_ERR_OVERFLOW, "xp_load_buffer");
    EXPECT_XP_ERR(load_bytes(npy_with_header(
                      "{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999,), }", 0)),
                  XP_ERR_OVERFLOW, "xp_load_buffer");
    // fits int64 but not the file (a 1 TiB claim backed by 64 bytes): refused
    // before any allocation, also from a file and a memory map
    auto b = npy_with_header("{'descr': '<f8', 'fortran_order': False, 'shape': (1024, 1024, 131072), }", 64);
    EXPECT_XP_ERR(load_bytes(b), XP_ERR_VALUE, "xp_load_buffer");
    TempDir d;
    write_file(d.file("big.npy"), b);
    for (xp_mmap_mode mode : {XP_MMAP_NONE, XP_MMAP_READ, XP_MMAP_COPY}) {
        xp_load_opts o = {mode};
        EXPECT_XP_ERR(Arr(xp_load(d.file("big.npy").c_str(), &o)), XP_ERR_VALUE, "xp_load");
    }
    // too many dimensions
    std::string dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (";
    for (int i = 0; i < 65; i++) dict += "1, ";
    dict += "), }";
    EXPECT_XP_ERR(load_bytes(npy_with_header(dict, 64)), XP_ERR_VALUE, "xp_load_buffer");
}

TEST(NpyBadInput, PreambleAndHeaderLength) {
    std::vector<unsigned char> pickle = {0x80, 0x04, 0x95, 0, 0, 0, 0, 0, 0, 0, 0, '.'};
    Arr p = load_bytes(pickle);
    EXPECT_XP_ERR(p, XP_ERR_VALUE, "xp_load_buffer");
    EXPECT_NE(std::string(xp_error_message(p)).find("pickle"), std::string::npos);
    std::vector<unsigned char> text(200, 'a');
    EXPECT_XP_ERR(load_bytes(text), XP_ERR_VALUE, "xp_load_buffer");
    auto v4 = npy_with_header("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", 16);
    v4[6] = 4;
    EXPECT_XP_ERR(load_bytes(v4), XP_ERR_VALUE, "xp_load_buffer");
    v4[6] = 1;
    v4[7] = 1;
    EXPECT_XP_ERR(load_bytes(v4), XP_ERR_VALUE, "xp_load_buffer");
    // header over 10,000 bytes (NumPy's limit), in versions 1.0 and 2.0
    for (int major : {1, 2}) {
        std::string dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }" +
                           std::string(10050, ' ');
        Arr a = load_bytes(npy_with_header(dict, 16, major));
        EXPECT_XP_ERR(a, XP_ERR_VALUE, "xp_load_buffer");
        EXPECT_NE(std::string(xp_error_message(a)).find("10000"), std::string::npos);
    }
    // version 2.0 header length 0xffffffff with a tiny buffer
    std::vector<unsigned char> huge = {0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, 0xff, 0xff, 0xff, 0xff, '{'};
    EXPECT_XP_ERR(load_bytes(huge), XP_ERR_VALUE, "xp_load_buffer");
}

TEST(NpyBadInput, ArgumentsAndFiles) {
    EXPECT_XP_ERR(Arr(xp_load(nullptr, nullptr)), XP_ERR_TYPE, "xp_load");
    EXPECT_XP_ERR(Arr(xp_load_buffer(nullptr, 10, nullptr)), XP_ERR_TYPE, "xp_load_buffer");
    EXPECT_XP_ERR(Arr(xp_load_buffer(nullptr, 0, nullptr)), XP_ERR_VALUE, "xp_load_buffer");
    Arr missing(xp_load("/nonexistent/dir/x.npy", nullptr));
    EXPECT_XP_ERR(missing, XP_ERR_IO, "xp_load");
    EXPECT_NE(std::string(xp_error_message(missing)).find("No such file"), std::string::npos);
    EXPECT_XP_ERR(Arr(xp_load(kNpyDir.c_str(), nullptr)), XP_ERR_IO, "xp_load");
    Arr x = expected_array(XP_INT8, {3});
    EXPECT_EQ(xp_save(nullptr, x, nullptr), XP_ERR_TYPE);
    EXPECT_EQ(xp_save("/nonexistent/dir/x.npy", x, nullptr), XP_ERR_IO);
    EXPECT_EQ(xp_save("/tmp/never-written.npy", nullptr, nullptr), XP_ERR_TYPE);
    Arr e(xp_error_new(XP_ERR_INDEX, "earlier failure"));
    EXPECT_EQ(xp_save("/tmp/never-written.npy", e, nullptr), XP_ERR_INDEX);
    EXPECT_XP_ERR(Arr(xp_save_buffer(e, nullptr)), XP_ERR_INDEX, "earlier failure");
    xp_save_opts bad = {(xp_npy_version)7};
    EXPECT_EQ(xp_save("/tmp/never-written.npy", x, &bad), XP_ERR_VALUE);
    EXPECT_XP_ERR(Arr(xp_save_buffer(x, &bad)), XP_ERR_VALUE, "xp_save_buffer");
    struct stat st;
    EXPECT_NE(stat("/tmp/never-written.npy", &st), 0);
}
