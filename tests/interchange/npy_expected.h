// The values tools/gen_npy_testdata.py writes: element i (C order) of a dtype,
// as the bytes of one native element.
#pragma once

#include <xparray.h>

#include <cfloat>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

namespace npyx {

template <class T> void put(std::vector<unsigned char> &out, T v) {
    unsigned char b[sizeof(T)];
    std::memcpy(b, &v, sizeof v);
    out.insert(out.end(), b, b + sizeof v);
}

template <class T> T int_value(int64_t i) {
    if (i == 0) return std::numeric_limits<T>::min();
    if (i == 1) return std::numeric_limits<T>::max();
    return std::numeric_limits<T>::is_signed ? (T)(i * 5 - 40) : (T)(i * 5 + 3);
}

template <class T> T float_value(int64_t i) {
    if (i == 0) return -std::numeric_limits<T>::max();
    if (i == 1) return std::numeric_limits<T>::max();
    if (i == 2) return std::numeric_limits<T>::min();
    return (T)((double)(i - 7) * 0.375);
}

inline std::vector<unsigned char> expected(xp_dtype dt, int64_t i) {
    std::vector<unsigned char> o;
    switch (dt) {
    case XP_BOOL: o.push_back(i % 3 == 0); break;
    case XP_INT8: put(o, int_value<int8_t>(i)); break;
    case XP_INT16: put(o, int_value<int16_t>(i)); break;
    case XP_INT32: put(o, int_value<int32_t>(i)); break;
    case XP_INT64: put(o, int_value<int64_t>(i)); break;
    case XP_UINT8: put(o, int_value<uint8_t>(i)); break;
    case XP_UINT16: put(o, int_value<uint16_t>(i)); break;
    case XP_UINT32: put(o, int_value<uint32_t>(i)); break;
    case XP_UINT64: put(o, int_value<uint64_t>(i)); break;
    case XP_FLOAT32: put(o, float_value<float>(i)); break;
    case XP_FLOAT64: put(o, float_value<double>(i)); break;
    case XP_COMPLEX64:
        put(o, float_value<float>(i));
        put(o, (float)(0.25 * (double)i - 1.0));
        break;
    case XP_COMPLEX128:
        put(o, float_value<double>(i));
        put(o, 0.25 * (double)i - 1.0);
        break;
    default: break;
    }
    return o;
}

}  // namespace npyx
