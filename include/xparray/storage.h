/** @file
 * xparray — storage kinds: arrays whose elements a flavor keeps outside host memory.
 *
 * An array is either host memory (what every eager flavor makes: a strided view
 * of a host buffer, read by xp_array_data) or *stored*: its elements belong to a
 * flavor (device memory, a lazy recipe, blocks spread over processes) that
 * reaches them through a small operations record, xp_storage_ops. A stored array
 * has everything else of an array: dtype, shape, size, device, its table
 * (xp_array_namespace), reference counting and scopes. The flat xp_* functions
 * run its table's functions; the eager tables refuse it (XP_ERR_DEVICE naming the
 * function and the argument) except xp_asarray, which copies it to the host.
 *
 * The raw accessors follow one rule for stored arrays: they describe a host copy
 * of the elements owned by the array. The first of xp_array_data,
 * xp_array_strides, ... to need it makes the copy (xp_storage_ops.to_host) and it
 * lives as long as the array: it shows the elements as they were at that first
 * access, C-contiguous (xp_array_strides: C-order strides, xp_array_offset: 0),
 * and is read-only (xp_array_is_readonly: true; writing to it does not reach the
 * flavor's elements). xp_array_data returns NULL when the copy cannot be made
 * (out of memory, or to_host failed). */
#ifndef XPARRAY_STORAGE_H
#define XPARRAY_STORAGE_H

#include "types.h"
#include "array.h"

XP_BEGIN_DECLS

struct xp_namespace;

/** The operations of one storage kind. Every member but `name` and `to_host` may
 * be NULL. Each receives the `ctx` given to xp_array_new_stored. */
typedef struct xp_storage_ops {
    uint32_t size;    /**< sizeof(xp_storage_ops) of the code that filled it */
    const char *name; /**< the kind, for messages: "cuda", "lazy", ... */
    /** The last reference to the array is gone: free what `ctx` holds. Runs the
     * code of the flavor that made the array, whichever library releases it. */
    void (*release)(void *ctx);
    /** Writes one line describing where the elements are ("cuda:0, 4 MiB");
     * returns its length, as snprintf does. */
    int (*describe)(const xp_array *x, void *ctx, char *buf, size_t cap);
    /** Writes the elements in C order to `dst` (size × itemsize bytes of host
     * memory). */
    xp_status (*to_host)(const xp_array *x, void *ctx, void *dst);
    /** Copies the elements to `device`, writing a new array (of the flavor's
     * choosing: stored or host memory) to `*out`. */
    xp_status (*to_device)(const xp_array *x, void *ctx, xp_device device, xp_array **out);
} xp_storage_ops;

/** A new stored array of `ns` (the table of the flavor that owns it; the flat
 * functions run its members on the array): its elements are reached through `ops`
 * and `ctx`. `ops` must outlive the array; `ctx` is the caller's and is handed to
 * ops->release when the last reference goes — also when this call fails. New
 * array (registered in the innermost open scope like every result). Errors:
 * XP_ERR_TYPE (NULL ns or ops, ops without name or to_host, a bad dtype),
 * XP_ERR_VALUE (ops->size smaller than the first version's), shape errors as
 * xp_empty's. */
XP_API xp_array *xp_array_new_stored(const struct xp_namespace *ns, const xp_storage_ops *ops,
                                     void *ctx, xp_dtype dtype, int ndim, const int64_t *shape,
                                     xp_device device);

/** The storage of `x`: its operations, and its `ctx` written to `*ctx` (may be
 * NULL); NULL (and `*ctx` NULL) for host memory, error arrays and NULL. */
XP_API const xp_storage_ops *xp_array_storage(const xp_array *x, void **ctx);

XP_END_DECLS

#endif
