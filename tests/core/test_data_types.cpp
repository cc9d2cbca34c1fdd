// Data types: names, kinds, limits, the promotion lattice, result_type, astype.
#include "xp_test.h"

#include <cfloat>
#include <cmath>
#include <map>

using namespace xpt;

TEST(DataTypes, NamesSizesKinds) {
    const char *names[] = {"bool",   "int8",   "int16",   "int32",   "int64",     "uint8",     "uint16",
                           "uint32", "uint64", "float32", "float64", "complex64", "complex128"};
    size_t sizes[] = {1, 1, 2, 4, 8, 1, 2, 4, 8, 4, 8, 8, 16};
    for (int i = 0; i < 13; i++) {
        xp_dtype d = all_dtypes()[i];
        EXPECT_STREQ(xp_dtype_name(d), names[i]);
        EXPECT_EQ(xp_dtype_from_name(names[i]), d);
        EXPECT_EQ(xp_dtype_size(d), sizes[i]);
    }
    EXPECT_EQ(xp_dtype_name(XP_DTYPE_DEFAULT), nullptr);
    EXPECT_EQ(xp_dtype_name((xp_dtype)77), nullptr);
    EXPECT_EQ(xp_dtype_from_name("float16"), XP_DTYPE_DEFAULT);
    EXPECT_EQ(xp_dtype_from_name(nullptr), XP_DTYPE_DEFAULT);
    EXPECT_EQ(xp_dtype_size((xp_dtype)-3), 0u);
    EXPECT_EQ(xp_dtype_kind(XP_UINT16), XP_KIND_UNSIGNED);
    EXPECT_EQ(xp_dtype_kind(XP_COMPLEX64), XP_KIND_COMPLEX_FLOATING);
}

TEST(DataTypes, Finfo) {
    xp_finfo_t f;
    ASSERT_EQ(xp_finfo(XP_FLOAT32, &f), XP_OK);
    EXPECT_EQ(f.bits, 32);
    EXPECT_EQ(f.eps, FLT_EPSILON);
    EXPECT_EQ(f.max, FLT_MAX);
    EXPECT_EQ(f.min, -FLT_MAX);
    EXPECT_EQ(f.smallest_normal, FLT_MIN);
    EXPECT_EQ(f.dtype, XP_FLOAT32);
    ASSERT_EQ(xp_finfo(XP_COMPLEX128, &f), XP_OK);  // the component type
    EXPECT_EQ(f.bits, 64);
    EXPECT_EQ(f.eps, DBL_EPSILON);
    EXPECT_EQ(f.dtype, XP_FLOAT64);
    ASSERT_EQ(xp_finfo(XP_COMPLEX64, &f), XP_OK);
    EXPECT_EQ(f.dtype, XP_FLOAT32);
    EXPECT_EQ(xp_finfo(XP_INT32, &f), XP_ERR_TYPE);
    EXPECT_EQ(xp_finfo(XP_BOOL, &f), XP_ERR_TYPE);
    EXPECT_EQ(xp_finfo(XP_FLOAT64, nullptr), XP_ERR_VALUE);
}

TEST(DataTypes, Iinfo) {
    struct {
        xp_dtype d;
        int bits;
        int64_t min;
        uint64_t max;
    } cases[] = {{XP_INT8, 8, -128, 127},
                 {XP_INT16, 16, -32768, 32767},
                 {XP_INT32, 32, INT32_MIN, INT32_MAX},
                 {XP_INT64, 64, INT64_MIN, INT64_MAX},
                 {XP_UINT8, 8, 0, 255},
                 {XP_UINT16, 16, 0, 65535},
                 {XP_UINT32, 32, 0, UINT32_MAX},
                 {XP_UINT64, 64, 0, UINT64_MAX}};
    for (auto c : cases) {
        xp_iinfo_t i;
        ASSERT_EQ(xp_iinfo(c.d, &i), XP_OK);
        EXPECT_EQ(i.bits, c.bits);
        EXPECT_EQ(i.min, c.min);
        EXPECT_EQ(i.max, c.max);
        EXPECT_EQ(i.dtype, c.d);
    }
    xp_iinfo_t i;
    EXPECT_EQ(xp_iinfo(XP_FLOAT64, &i), XP_ERR_TYPE);
    EXPECT_EQ(xp_iinfo(XP_BOOL, &i), XP_ERR_TYPE);
    EXPECT_EQ(xp_iinfo(XP_INT8, nullptr), XP_ERR_VALUE);
}

TEST(DataTypes, IsdtypeEveryKind) {
    std::map<std::string, std::vector<xp_dtype>> expect = {
        {"bool", {XP_BOOL}},
        {"signed integer", {XP_INT8, XP_INT16, XP_INT32, XP_INT64}},
        {"unsigned integer", {XP_UINT8, XP_UINT16, XP_UINT32, XP_UINT64}},
        {"integral", {XP_INT8, XP_INT16, XP_INT32, XP_INT64, XP_UINT8, XP_UINT16, XP_UINT32, XP_UINT64}},
        {"real floating", {XP_FLOAT32, XP_FLOAT64}},
        {"complex floating", {XP_COMPLEX64, XP_COMPLEX128}},
        {"numeric", {XP_INT8, XP_INT16, XP_INT32, XP_INT64, XP_UINT8, XP_UINT16, XP_UINT32, XP_UINT64,
                     XP_FLOAT32, XP_FLOAT64, XP_COMPLEX64, XP_COMPLEX128}},
    };
    for (auto &[kind, members] : expect)
        for (xp_dtype d : all_dtypes()) {
            bool want = std::find(members.begin(), members.end(), d) != members.end();
            bool got = false;
            ASSERT_EQ(xp_isdtype_str(d, kind.c_str(), &got), XP_OK);
            EXPECT_EQ(got, want) << kind << " " << dtype_str(d);
            EXPECT_EQ(xp_isdtype(d, xp_kind_from_name(kind.c_str())), want);
        }
    // a dtype as the kind, and tuples of kinds (bitwise or)
    bool got;
    ASSERT_EQ(xp_isdtype_str(XP_INT32, "int32", &got), XP_OK);
    EXPECT_TRUE(got);
    ASSERT_EQ(xp_isdtype_str(XP_INT64, "int32", &got), XP_OK);
    EXPECT_FALSE(got);
    xp_kind tuple = (xp_kind)(XP_KIND_BOOL | XP_KIND_COMPLEX_FLOATING);
    EXPECT_TRUE(xp_isdtype(XP_BOOL, tuple));
    EXPECT_TRUE(xp_isdtype(XP_COMPLEX64, tuple));
    EXPECT_FALSE(xp_isdtype(XP_FLOAT32, tuple));
    EXPECT_EQ(xp_isdtype_str(XP_INT8, "floating", &got), XP_ERR_VALUE);
    EXPECT_EQ(xp_isdtype_str((xp_dtype)0, "bool", &got), XP_ERR_TYPE);
    EXPECT_EQ(xp_isdtype_str(XP_INT8, nullptr, &got), XP_ERR_VALUE);
    EXPECT_FALSE(xp_isdtype((xp_dtype)99, XP_KIND_NUMERIC));
}

// The table of spec-notes §2, written out independently of the implementation.
TEST(DataTypes, PromotionLatticeMatchesTheStandardTable) {
    const char *order[] = {"b", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "f4", "f8", "c8", "c16"};
    const char *table[13][13] = {
        {"b", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-"},
        {"-", "i1", "i2", "i4", "i8", "i2", "i4", "i8", "-", "-", "-", "-", "-"},
        {"-", "i2", "i2", "i4", "i8", "i2", "i4", "i8", "-", "-", "-", "-", "-"},
        {"-", "i4", "i4", "i4", "i8", "i4", "i4", "i8", "-", "-", "-", "-", "-"},
        {"-", "i8", "i8", "i8", "i8", "i8", "i8", "i8", "-", "-", "-", "-", "-"},
        {"-", "i2", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "-", "-", "-", "-"},
        {"-", "i4", "i4", "i4", "i8", "u2", "u2", "u4", "u8", "-", "-", "-", "-"},
        {"-", "i8", "i8", "i8", "i8", "u4", "u4", "u4", "u8", "-", "-", "-", "-"},
        {"-", "-", "-", "-", "-", "u8", "u8", "u8", "u8", "-", "-", "-", "-"},
        {"-", "-", "-", "-", "-", "-", "-", "-", "-", "f4", "f8", "c8", "c16"},
        {"-", "-", "-", "-", "-", "-", "-", "-", "-", "f8", "f8", "c16", "c16"},
        {"-", "-", "-", "-", "-", "-", "-", "-", "-", "c8", "c16", "c8", "c16"},
        {"-", "-", "-", "-", "-", "-", "-", "-", "-", "c16", "c16", "c16", "c16"},
    };
    auto code = [&](xp_dtype d) -> std::string {
        if (d == XP_DTYPE_DEFAULT) return "-";
        for (int i = 0; i < 13; i++)
            if (all_dtypes()[i] == d) return order[i];
        return "?";
    };
    for (int i = 0; i < 13; i++)
        for (int j = 0; j < 13; j++) {
            xp_dtype a = all_dtypes()[i], b = all_dtypes()[j];
            EXPECT_EQ(code(xp_promote_types(a, b)), table[i][j]) << dtype_str(a) << "+" << dtype_str(b);
            bool castable = std::string(table[i][j]) == order[j];
            EXPECT_EQ(xp_can_cast(a, b), castable) << dtype_str(a) << "->" << dtype_str(b);
        }
    EXPECT_EQ(xp_promote_types((xp_dtype)0, XP_INT8), XP_DTYPE_DEFAULT);
    EXPECT_FALSE(xp_can_cast((xp_dtype)42, XP_INT8));
}

TEST(DataTypes, ResultTypeOverArraysDtypesAndWeakScalars) {
    Arr i8 = make_real({0, 0}, XP_INT8);
    Arr f32(make_real({1}, XP_FLOAT32));
    Arr si(xp_int(3)), sf(xp_float(1.5)), sc(xp_complex(0, 1)), sb(xp_bool(true));
    xp_dtype r;
    {
        const xp_array *a[] = {i8, si};
        ASSERT_EQ(xp_result_type(2, a, 0, nullptr, &r), XP_OK);
        EXPECT_EQ(r, XP_INT8);  // the int scalar takes the array's dtype
    }
    {
        const xp_array *a[] = {f32, sf};
        ASSERT_EQ(xp_result_type(2, a, 0, nullptr, &r), XP_OK);
        EXPECT_EQ(r, XP_FLOAT32);
    }
    {
        const xp_array *a[] = {f32, sc};  // real float + Python complex → complex64
        ASSERT_EQ(xp_result_type(2, a, 0, nullptr, &r), XP_OK);
        EXPECT_EQ(r, XP_COMPLEX64);
    }
    {
        const xp_array *a[] = {i8};
        xp_dtype d[] = {XP_UINT8, XP_INT16};
        ASSERT_EQ(xp_result_type(1, a, 2, d, &r), XP_OK);
        EXPECT_EQ(r, XP_INT16);
    }
    {
        const xp_array *a[] = {i8, sf};  // Python float with an int array: refused
        EXPECT_EQ(xp_result_type(2, a, 0, nullptr, &r), XP_ERR_TYPE);
        const xp_array *b[] = {i8, sb};
        EXPECT_EQ(xp_result_type(2, b, 0, nullptr, &r), XP_ERR_TYPE);
        const xp_array *c[] = {i8, f32};  // mixed kinds
        EXPECT_EQ(xp_result_type(2, c, 0, nullptr, &r), XP_ERR_TYPE);
        const xp_array *d[] = {si, sf};  // scalars alone
        EXPECT_EQ(xp_result_type(2, d, 0, nullptr, &r), XP_ERR_TYPE);
        const xp_array *e[] = {nullptr};
        EXPECT_EQ(xp_result_type(1, e, 0, nullptr, &r), XP_ERR_TYPE);
        Arr err(xp_error_new(XP_ERR_INDEX, "x"));
        const xp_array *f[] = {err};
        EXPECT_EQ(xp_result_type(1, f, 0, nullptr, &r), XP_ERR_INDEX);
        EXPECT_EQ(xp_result_type(0, nullptr, 0, nullptr, nullptr), XP_ERR_VALUE);
        xp_dtype bad[] = {(xp_dtype)50};
        EXPECT_EQ(xp_result_type(0, nullptr, 1, bad, &r), XP_ERR_TYPE);
    }
}

TEST(DataTypes, AstypeEveryPair) {
    std::vector<double> vals = {0, 1, 2, 5, 100};
    for (xp_dtype from : all_dtypes())
        for (xp_dtype to : all_dtypes()) {
            Arr x = make_real(from == XP_BOOL ? std::vector<double>{0, 1, 1, 0, 1} : vals, from);
            Arr y(xp_astype(x, to, nullptr));
            bool complex_to_real = xp_isdtype(from, XP_KIND_COMPLEX_FLOATING) &&
                                   !xp_isdtype(to, (xp_kind)(XP_KIND_COMPLEX_FLOATING | XP_KIND_BOOL));
            if (complex_to_real) {
                EXPECT_XP_ERR(y, XP_ERR_TYPE, "xp_astype");
                continue;
            }
            ASSERT_XP_OK(y);
            EXPECT_EQ(y.dtype(), to);
            EXPECT_FALSE(xp_array_shares_memory(x, y));
            auto a = values(x), b = values(y);
            for (size_t i = 0; i < a.size(); i++) {
                std::complex<double> want = to == XP_BOOL ? std::complex<double>(a[i] != 0.0) : a[i];
                EXPECT_EQ(b[i], want) << dtype_str(from) << "->" << dtype_str(to) << " @" << i;
            }
        }
}

TEST(DataTypes, AstypeConversionRules) {
    // float → int truncates toward zero; NaN/inf/out of range give INT64_MIN, then wrap
    Arr f = make_real({-2.7, 2.7, NAN, INFINITY, -INFINITY, 1e30, 300}, XP_FLOAT64);
    Arr i64(xp_astype(f, XP_INT64, nullptr));
    auto v = values(i64);
    int64_t *p = (int64_t *)xp_array_data(i64);
    EXPECT_EQ(p[0], -2);
    EXPECT_EQ(p[1], 2);
    EXPECT_EQ(p[2], INT64_MIN);
    EXPECT_EQ(p[3], INT64_MIN);
    EXPECT_EQ(p[4], INT64_MIN);
    EXPECT_EQ(p[5], INT64_MIN);
    Arr i8(xp_astype(f, XP_INT8, nullptr));
    EXPECT_EQ(((int8_t *)xp_array_data(i8))[6], 44);  // 300 wraps like NumPy
    Arr u64(xp_astype(make_real({1.8446744073709550e19}, XP_FLOAT64), XP_UINT64, nullptr));
    EXPECT_EQ(*(uint64_t *)xp_array_data(u64), UINT64_C(18446744073709549568));
    // integer narrowing wraps
    Arr big = make_real({257, -1}, XP_INT64);
    Arr u8(xp_astype(big, XP_UINT8, nullptr));
    EXPECT_EQ(reals(u8), (std::vector<double>{1, 255}));
    // complex → bool: either component nonzero
    Arr c = make({{0, 0}, {0, 1}, {2, 0}}, XP_COMPLEX64);
    Arr b(xp_astype(c, XP_BOOL, nullptr));
    EXPECT_EQ(reals(b), (std::vector<double>{0, 1, 1}));
    // real → complex: imaginary part zero
    Arr z(xp_astype(make_real({1.5}, XP_FLOAT32), XP_COMPLEX128, nullptr));
    EXPECT_EQ(values(z)[0], std::complex<double>(1.5, 0));
    // bool bytes other than 0/1 (written through xp_array_data; imports refuse or
    // normalise them) read as true
    xp_create_opts bo = {XP_BOOL, XP_DEVICE_DEFAULT};
    Arr rb(xp_zeros(XP_SHAPE_CXX(3), &bo));
    uint8_t raw[3] = {0, 2, 255};
    std::memcpy(xp_array_data(rb), raw, 3);
    Arr ri(xp_astype(rb, XP_INT32, nullptr));
    EXPECT_EQ(reals(ri), (std::vector<double>{0, 1, 1}));
}

TEST(DataTypes, AstypeCopyRule) {
    Arr x = make_real({1, 2}, XP_FLOAT32);
    xp_astype_opts never = {XP_COPY_FALSE, XP_DEVICE_DEFAULT};
    Arr same(xp_astype(x, XP_FLOAT32, &never));
    EXPECT_EQ(same.get(), x.get());  // returned as is
    Arr copied(xp_astype(x, XP_FLOAT32, nullptr));  // default copy=True
    ASSERT_XP_OK(copied);
    EXPECT_NE(copied.get(), x.get());
    EXPECT_FALSE(xp_array_shares_memory(copied, x));
    Arr converted(xp_astype(x, XP_FLOAT64, &never));  // dtype differs: a new array
    EXPECT_EQ(converted.dtype(), XP_FLOAT64);
    xp_astype_opts dev = {XP_COPY_DEFAULT, XP_DEVICE_CPU1};
    Arr moved(xp_astype(x, XP_FLOAT32, &dev));
    EXPECT_EQ(xp_array_device(moved), XP_DEVICE_CPU1);
    xp_astype_opts baddev = {XP_COPY_DEFAULT, XP_DEVICE(2, 0)};
    EXPECT_XP_ERR(Arr(xp_astype(x, XP_FLOAT32, &baddev)), XP_ERR_DEVICE, "xp_astype");
    EXPECT_XP_ERR(Arr(xp_astype(x, (xp_dtype)0, nullptr)), XP_ERR_TYPE, "xp_astype");
    EXPECT_XP_ERR(Arr(xp_astype(x, (xp_dtype)14, nullptr)), XP_ERR_TYPE, "xp_astype");
}

TEST(DataTypes, AstypeOfStridedInput) {
    Arr x = make_real({1, 2, 3, 4, 5, 6}, XP_INT32, {2, 3});
    Arr s = strided_copy(x, {true, false});
    Arr y(xp_astype(s, XP_FLOAT64, nullptr));
    EXPECT_EQ(reals(y), (std::vector<double>{1, 2, 3, 4, 5, 6}));
    EXPECT_LT(xp_array_strides(s)[0], 0);
    EXPECT_TRUE(xp_array_is_c_contiguous(y));
}
