/** @file
 * xparray — the function table: the standard as a struct of function pointers.
 *
 * `xp_namespace` has one member per public function of the standard's sections,
 * named as in the spec without the `xp_` prefix (`xp->add`, `xp->asarray`), and
 * nested tables for the extensions (`xp->linalg.solve`, `xp->fft.rfft`). Code
 * written against a `const xp_namespace *` runs on any backend flavor. */
#ifndef XPARRAY_NAMESPACE_H
#define XPARRAY_NAMESPACE_H

#include "types.h"
#include "array.h"
#include "creation.h"
#include "data_types.h"
#include "dlpack.h"
#include "elementwise.h"
#include "fft.h"
#include "indexing.h"
#include "info.h"
#include "linalg.h"
#include "linear_algebra.h"
#include "manipulation.h"
#include "npy.h"
#include "searching.h"
#include "sets.h"
#include "sorting.h"
#include "statistical.h"
#include "utility.h"

XP_BEGIN_DECLS

#ifdef __cplusplus
#define XP__TYPEOF(f) decltype(f)
#else
#define XP__TYPEOF(f) __typeof__(f)
#endif

/** Version of the xp_namespace layout; bumped when members move. */
#define XP_NAMESPACE_ABI_VERSION 2

#define XP__NS_MEMBER(name) XP__TYPEOF(xp_##name) *name;
#define XP__NS_LINALG_MEMBER(name) XP__TYPEOF(xp_linalg_##name) *name;
#define XP__NS_FFT_MEMBER(name) XP__TYPEOF(xp_fft_##name) *name;

/** The function table of one backend flavor. */
typedef struct xp_namespace {
    uint32_t abi_version;    /**< XP_NAMESPACE_ABI_VERSION */
    uint32_t size;           /**< sizeof(xp_namespace) of the library that made it */
    const char *flavor;      /**< "reference", "openblas", "gsl", ... */
    const char *api_version; /**< "2025.12" */
    XP_NS_DATA_TYPES(XP__NS_MEMBER)
    XP_NS_CREATION(XP__NS_MEMBER)
    XP_NS_INFO(XP__NS_MEMBER)
    XP_NS_ELEMENTWISE(XP__NS_MEMBER)
    XP_NS_INDEXING(XP__NS_MEMBER)
    XP_NS_MANIPULATION(XP__NS_MEMBER)
    XP_NS_SEARCHING(XP__NS_MEMBER)
    XP_NS_SETS(XP__NS_MEMBER)
    XP_NS_SORTING(XP__NS_MEMBER)
    XP_NS_STATISTICAL(XP__NS_MEMBER)
    XP_NS_UTILITY(XP__NS_MEMBER)
    XP_NS_LINEAR_ALGEBRA(XP__NS_MEMBER)
    XP_NS_DLPACK(XP__NS_MEMBER)
    XP_NS_NPY(XP__NS_MEMBER)
    struct {
        XP_NS_LINALG(XP__NS_LINALG_MEMBER)
        char xp__end; /**< keeps the struct non-empty */
    } linalg; /**< the linalg extension: `xp->linalg.solve` is xp_linalg_solve */
    struct {
        XP_NS_FFT(XP__NS_FFT_MEMBER)
        char xp__end;
    } fft; /**< the fft extension: `xp->fft.rfft` is xp_fft_rfft */
} xp_namespace;

/** The table of the flavor this program linked. Never NULL. */
XP_API const xp_namespace *xp_namespace_default(void);

/** The table of the flavor called `name` ("reference", "openblas", "gsl", ...),
 * loaded at run time where several flavors are installed; writes a status to
 * `*status` (may be NULL).
 *
 * - `name` equal to this library's own flavor: its own table (xp_namespace_default()).
 * - Another name: that flavor's library is loaded beside this one (dlopen with
 *   RTLD_LOCAL; looked for as `<dir>/../<name>/libxparray.so.0`, then
 *   `<dir>/libxparray-<name>.so.0`, `<dir>` being the folder this library was loaded
 *   from, then `libxparray-<name>.so.0` on the loader's search path) and its table
 *   returned. It stays loaded until the process ends; later calls return the same
 *   table. Thread-safe.
 * - `name` NULL or "": the flavor named by the environment variable
 *   `XPARRAY_FLAVOR` when it is set and not empty (an unknown name there fails as
 *   below; there is no silent fallback), else this library's own table.
 *   `XPARRAY_FLAVOR` affects nothing else: not xp_namespace_default(), not the
 *   flat `xp_*` functions, not xp_array_namespace().
 * Returns NULL on failure: XP_ERR_VALUE (a name that is not [a-z0-9_-]{1,32}, or
 * no library of that flavor is found), XP_ERR_BACKEND (a library was found but
 * does not load — e.g. its wrapped library is missing — or its table has another
 * ABI version or layout, or names another flavor, or its adapter stack was
 * refused: see xp_adapters_status). A loaded flavor allocates through this
 * library's allocator hook (xp_set_allocator), whenever it was set.
 *
 * Arrays made through a loaded table belong to it: xp_array_namespace(x) returns
 * that table, and the flat `xp_*` functions run its code on them: `xp_add(x, y)`
 * runs the table of the first of its array arguments that is not NULL, an error
 * array or a weak scalar (array_namespace), and returns that flavor's arrays;
 * a function without array arguments runs the linked flavor. Results that the
 * flat functions return join the linked library's innermost scope, whichever
 * flavor made them; arrays returned by calling a loaded table's members directly
 * (`ns->add`) are that library's and are not collected by the linked library's
 * xp_scope_begin() — release those with xp_release(). Reading and releasing
 * another flavor's arrays with the flat functions is safe: an array is freed by
 * the code of the library that made it. A table's members run that flavor's
 * code on whatever arrays they are given. Mixing arrays of two flavors in one
 * call is refused by xp_array_namespace (XP_ERR_VALUE); move data between
 * flavors with DLPack or a copy. */
XP_API const xp_namespace *xp_namespace_by_name(const char *name, xp_status *status);

/** `array_namespace(*arrays)`: the table owning `n` arrays (weak scalars adopt the
 * others' namespace). Writes it to `*out`. Errors: XP_ERR_VALUE (arrays of
 * different namespaces, NULL out, n < 1 or no non-weak array: the default table
 * is written then), XP_ERR_DEVICE (arrays on different devices), XP_ERR_TYPE (a
 * NULL array), or the status of an error array among them. */
XP_API xp_status xp_array_namespace_n(int n, const xp_array *const *arrays,
                                      const xp_namespace **out);

/** Convenience form: `xp_array_namespace(x, y, NULL)` — NULL-terminated list;
 * returns the table, or NULL when xp_array_namespace_n would fail. */
XP_API const xp_namespace *xp_array_namespace(const xp_array *x, ...);

XP_END_DECLS

#endif
