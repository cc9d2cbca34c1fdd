/** @file
 * xparray — DLPack interchange (spec: `from_dlpack`, `array.__dlpack__`,
 * `array.__dlpack_device__`).
 *
 * The DLPack 1.x ABI is declared here under `xp_dl_*` / `XP_DL_*` names, so this
 * header never clashes with a `dlpack.h` the program includes itself (Debian ships
 * the obsolete 0.6). The structs are layout-identical to DLPack's: a pointer to a
 * `DLManagedTensorVersioned` (or `DLManagedTensor`) converts to a pointer to
 * `xp_dl_managed_tensor_versioned` (or `xp_dl_managed_tensor`) and back. When a
 * DLPack >= 1.0 header was included first, the sizes are checked at compile time.
 *
 * Ownership follows the DLPack protocol:
 * - xp_from_dlpack takes the producer's tensor. On success the array owns it and
 *   the producer's deleter is called exactly once, when the last view of the
 *   imported memory is released (or before returning, when a copy was made). On
 *   failure the tensor stays the caller's (as an unconsumed capsule in Python):
 *   call its deleter yourself.
 * - xp_array_to_dlpack hands out a tensor that keeps the array's memory alive
 *   until the consumer calls its deleter (once). Such a tensor given back to
 *   xp_from_dlpack becomes a view of the exported array (read-only stays so,
 *   even through the legacy struct) and is released at once. */
#ifndef XPARRAY_DLPACK_H
#define XPARRAY_DLPACK_H

#include "types.h"

XP_BEGIN_DECLS

/** The DLPack version this library speaks (the ABI of the structs below). */
#define XP_DLPACK_MAJOR_VERSION 1
#define XP_DLPACK_MINOR_VERSION 1 /**< minor version of XP_DLPACK_MAJOR_VERSION */

/** `DLDeviceType` values (`kDLCPU`, ...). */
enum {
    XP_DL_CPU = 1,
    XP_DL_CUDA = 2,
    XP_DL_CUDA_HOST = 3,
    XP_DL_OPENCL = 4,
    XP_DL_VULKAN = 7,
    XP_DL_METAL = 8,
    XP_DL_VPI = 9,
    XP_DL_ROCM = 10,
    XP_DL_ROCM_HOST = 11,
    XP_DL_EXT_DEV = 12,
    XP_DL_CUDA_MANAGED = 13,
    XP_DL_ONEAPI = 14
};

/** `DLDataTypeCode` values (`kDLInt`, ...). xparray imports and exports INT, UINT,
 * FLOAT, COMPLEX and BOOL with lanes 1. */
enum {
    XP_DL_INT = 0,
    XP_DL_UINT = 1,
    XP_DL_FLOAT = 2,
    XP_DL_OPAQUE_HANDLE = 3,
    XP_DL_BFLOAT = 4,
    XP_DL_COMPLEX = 5,
    XP_DL_BOOL = 6
};

/** `DLPACK_FLAG_BITMASK_*` of the versioned tensor. */
#define XP_DLPACK_FLAG_READ_ONLY (UINT64_C(1) << 0) /**< the consumer must not write */
#define XP_DLPACK_FLAG_IS_COPIED (UINT64_C(1) << 1) /**< the producer copied the data */
#define XP_DLPACK_FLAG_IS_SUBBYTE_TYPE_PADDED (UINT64_C(1) << 2) /**< sub-byte dtypes padded to a byte */

/** `DLPackVersion`. */
typedef struct xp_dl_pack_version {
    uint32_t major; /**< major version */
    uint32_t minor; /**< minor version */
} xp_dl_pack_version;

/** `DLDevice`: `device_type` is a DLDeviceType (a C enum, int-sized). */
typedef struct xp_dl_device {
    int32_t device_type; /**< `DLDeviceType` (XP_DL_CPU = 1) */
    int32_t device_id; /**< device id */
} xp_dl_device;

/** `DLDataType`. */
typedef struct xp_dl_data_type {
    uint8_t code; /**< `DLDataTypeCode`: 0 int, 1 uint, 2 float, 5 complex, 6 bool */
    uint8_t bits; /**< bits per lane */
    uint16_t lanes; /**< lanes (1) */
} xp_dl_data_type;

/** `DLTensor`: `shape`/`strides` count elements (not bytes); NULL strides mean
 * a compact C-order tensor (older producers). */
typedef struct xp_dl_tensor {
    void *data; /**< data pointer (add byte_offset) */
    xp_dl_device device; /**< where the data lives */
    int32_t ndim; /**< number of dimensions */
    xp_dl_data_type dtype; /**< element type */
    int64_t *shape; /**< extents, `ndim` of them */
    int64_t *strides; /**< strides in elements (NULL: C order in DLPack < 1.2) */
    uint64_t byte_offset; /**< offset of element [0,...,0] from `data`, in bytes */
} xp_dl_tensor;

/** `DLManagedTensor`: the legacy (0.x, unversioned) struct. */
typedef struct xp_dl_managed_tensor {
    xp_dl_tensor dl_tensor; /**< the tensor */
    void *manager_ctx; /**< owned by the producer */
    void (*deleter)(struct xp_dl_managed_tensor *self); /**< called once by the consumer when done (may be NULL) */
} xp_dl_managed_tensor;

/** `DLManagedTensorVersioned` (DLPack >= 1.0). */
typedef struct xp_dl_managed_tensor_versioned {
    xp_dl_pack_version version; /**< DLPack version of this struct */
    void *manager_ctx; /**< owned by the producer */
    void (*deleter)(struct xp_dl_managed_tensor_versioned *self); /**< called once by the consumer when done (may be NULL) */
    uint64_t flags; /**< XP_DLPACK_FLAG_* bits */
    xp_dl_tensor dl_tensor; /**< the tensor */
} xp_dl_managed_tensor_versioned;

/** Options of xp_from_dlpack (`from_dlpack(x, *, device, copy)`). */
typedef struct xp_from_dlpack_opts {
    xp_device device; /**< default: the tensor's own device (the CPU) */
    xp_copy copy;     /**< default None: reuse the memory when possible */
} xp_from_dlpack_opts;

/** `from_dlpack(x)`: an array over a producer's DLPack 1.x tensor `t`.
 *
 * Zero-copy unless `copy` is TRUE or the data cannot be used in place (elements
 * not aligned to their type: then copy=FALSE fails). A tensor flagged READ_ONLY
 * gives a read-only array. Accepted: device kDLCPU; dtypes int8-64, uint8-64,
 * float32/64, complex64/128 and bool (code 6, 8 bits), lanes 1; NULL strides
 * (compact C order). See the header comment for who calls the deleter.
 * Errors: XP_ERR_TYPE (NULL `t`); XP_ERR_BUFFER (major version other than 1,
 * unsupported dtype code/bits, lanes != 1, copy=FALSE when a copy is needed);
 * XP_ERR_VALUE (NULL deleter, ndim outside 0..64, NULL shape, negative extent,
 * NULL data with a nonzero size); XP_ERR_OVERFLOW (element count, byte strides,
 * byte offset or the memory extent overflow, or the extent wraps the address
 * space); XP_ERR_DEVICE (a device other than the CPU, in the tensor or in
 * `opts->device`); XP_ERR_NOMEM. */
XP_API xp_array *xp_from_dlpack(xp_dl_managed_tensor_versioned *t,
                                const xp_from_dlpack_opts *opts);

/** xp_from_dlpack for a legacy (unversioned) tensor: never read-only (the legacy
 * struct has no flags). Errors as xp_from_dlpack (no version check). */
XP_API xp_array *xp_from_dlpack_legacy(xp_dl_managed_tensor *t, const xp_from_dlpack_opts *opts);

/** Options of xp_array_to_dlpack (`x.__dlpack__(*, max_version, dl_device, copy)`;
 * `stream` is always None on the CPU). Zero fields mean None. */
typedef struct xp_to_dlpack_opts {
    /** Highest version the consumer understands; {0, 0} = None. A major version
     * of 1 or more gets 1.min(minor, ours) (or ours for a higher major). */
    xp_dl_pack_version max_version;
    /** Device the consumer wants; device_type 0 = None (the array's own). */
    xp_dl_device dl_device;
    /** TRUE: always copy (the IS_COPIED flag is set); FALSE: never copy;
     * DEFAULT/NONE: share the memory. */
    xp_copy copy;
} xp_to_dlpack_opts;

/** `x.__dlpack__(max_version=...)`: writes a new versioned tensor to `*out`
 * (NULL on failure). Zero-copy by default: the tensor keeps x's memory alive
 * until its deleter runs. Strides are always filled (element units, negative
 * allowed); `data` points at element [0,...,0] with `byte_offset` 0; a read-only
 * array sets READ_ONLY. The tensor is allocated with the allocator hook.
 * Errors: XP_ERR_TYPE (NULL x or out); XP_ERR_BUFFER (`max_version` given with a
 * major below 1 — ask xp_array_to_dlpack_legacy —, or a `dl_device` other than
 * (kDLCPU, 0)); the status of an error array `x`; XP_ERR_NOMEM. */
XP_API xp_status xp_array_to_dlpack(const xp_array *x, const xp_to_dlpack_opts *opts,
                                    xp_dl_managed_tensor_versioned **out);

/** `x.__dlpack__()` with max_version=None: the legacy unversioned tensor (no
 * flags, so a read-only array is exported as is: honour it yourself). Options and
 * errors as xp_array_to_dlpack; `max_version` is ignored. */
XP_API xp_status xp_array_to_dlpack_legacy(const xp_array *x, const xp_to_dlpack_opts *opts,
                                           xp_dl_managed_tensor **out);

/** `x.__dlpack_device__()`: writes the DLPack device type (kDLCPU = 1, ...) and
 * id. Errors: XP_ERR_TYPE (NULL x or outputs); the status of an error array. */
XP_API xp_status xp_array_dlpack_device(const xp_array *x, int32_t *device_type,
                                        int32_t *device_id);

/** Function-table members of this section (see namespace.h). */
#define XP_NS_DLPACK(M)                                                             \
    M(from_dlpack) M(from_dlpack_legacy) M(array_to_dlpack) M(array_to_dlpack_legacy) \
    M(array_dlpack_device)

/* With the real DLPack >= 1.0 header included first, check the layouts agree. */
#if defined(DLPACK_MAJOR_VERSION) && DLPACK_MAJOR_VERSION >= 1
#ifdef __cplusplus
static_assert(sizeof(DLManagedTensorVersioned) == sizeof(xp_dl_managed_tensor_versioned),
              "DLPack layout");
static_assert(sizeof(DLManagedTensor) == sizeof(xp_dl_managed_tensor), "DLPack layout");
#else
_Static_assert(sizeof(DLManagedTensorVersioned) == sizeof(xp_dl_managed_tensor_versioned),
               "DLPack layout");
_Static_assert(sizeof(DLManagedTensor) == sizeof(xp_dl_managed_tensor), "DLPack layout");
#endif
#endif

XP_END_DECLS

#endif
