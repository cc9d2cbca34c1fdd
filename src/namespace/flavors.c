/* Run-time choice of a flavor: xp_namespace_by_name() loads another flavor's
 * library beside this one (dlopen, RTLD_LOCAL) and hands out its table.
 *
 * Where a flavor's library is looked for, in order (the first that loads wins):
 *   1. <dir>/../<name>/libxparray.so.0 — <dir> is the folder this library was
 *      loaded from (dladdr): the layout of the build tree (src/flavors/<name>/)
 *      and of an installation (<libdir>/xparray/<name>/);
 *   2. <dir>/libxparray-<name>.so.0 — the links an installation puts in <libdir>;
 *   3. libxparray-<name>.so.0 through the loader's search path (LD_LIBRARY_PATH,
 *      ld.so.cache, default folders).
 * Loaded libraries stay loaded for the life of the process: arrays they made may
 * outlive any handle. A loaded library allocates through this library's hook
 * (its own hook is set to xp__forwarding_allocator when it is loaded), so the
 * allocator the program installs, now or later, serves every table. Each flavor's library is linked -Bsymbolic, so its calls to
 * its own public functions stay inside it. */
#include "core.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define XP__MAX_LOADED 16
#define XP__SONAME_VERSION "0"

static pthread_mutex_t loaded_lock = PTHREAD_MUTEX_INITIALIZER;
static struct {
    char name[33];
    const xp_namespace *ns;
} loaded[XP__MAX_LOADED];
static int n_loaded;

static bool valid_name(const char *s) {
    size_t n = strlen(s);
    if (n == 0 || n > 32) return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
    }
    return true;
}

/* Loads one candidate; XP_OK with *out, XP_ERR_VALUE when there is no such file,
 * XP_ERR_BACKEND when it exists but is not a usable flavor library. */
static xp_status try_load(const char *path, bool bare, const char *name, const xp_namespace **out) {
    if (!bare && access(path, F_OK) != 0) return XP_ERR_VALUE;
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!h) return bare ? XP_ERR_VALUE : XP_ERR_BACKEND;
    const xp_namespace *(*get)(void) = NULL;
    *(void **)&get = dlsym(h, "xp_namespace_default");
    const xp_namespace *ns = get ? get() : NULL;
    if (!ns || ns->abi_version != XP_NAMESPACE_ABI_VERSION || ns->size != sizeof(xp_namespace) ||
        !ns->flavor || strcmp(ns->flavor, name) != 0) {
        if (ns != &xp__eager) dlclose(h); /* nothing of it is in use yet */
        return XP_ERR_BACKEND;
    }
    if (ns != &xp__eager) {
        /* a flavor whose adapter stack was refused is not handed out */
        xp_status (*stack_status)(const char **) = NULL;
        *(void **)&stack_status = dlsym(h, "xp_adapters_status");
        if (stack_status && stack_status(NULL) != XP_OK) {
            dlclose(h);
            return XP_ERR_BACKEND;
        }
        /* one hook for the process: the loaded flavor allocates through ours */
        xp_status (*set_allocator)(const xp_allocator *) = NULL;
        *(void **)&set_allocator = dlsym(h, "xp_set_allocator");
        if (!set_allocator || set_allocator(&xp__forwarding_allocator) != XP_OK) {
            dlclose(h);
            return XP_ERR_BACKEND;
        }
    }
    *out = ns;
    return XP_OK;
}

static xp_status load(const char *name, const xp_namespace **out) {
    char dir[4096] = "";
    Dl_info info;
    if (dladdr((const void *)&xp__eager, &info) && info.dli_fname) {
        const char *slash = strrchr(info.dli_fname, '/');
        if (slash && (size_t)(slash - info.dli_fname) < sizeof dir - 64) {
            memcpy(dir, info.dli_fname, (size_t)(slash - info.dli_fname));
            dir[slash - info.dli_fname] = '\0';
        }
    }
    char path[4200];
    xp_status worst = XP_ERR_VALUE, st;
    if (dir[0]) {
        snprintf(path, sizeof path, "%s/../%s/libxparray.so." XP__SONAME_VERSION, dir, name);
        if ((st = try_load(path, false, name, out)) == XP_OK) return st;
        if (st == XP_ERR_BACKEND) worst = st;
        snprintf(path, sizeof path, "%s/libxparray-%s.so." XP__SONAME_VERSION, dir, name);
        if ((st = try_load(path, false, name, out)) == XP_OK) return st;
        if (st == XP_ERR_BACKEND) worst = st;
    }
    snprintf(path, sizeof path, "libxparray-%s.so." XP__SONAME_VERSION, name);
    if ((st = try_load(path, true, name, out)) == XP_OK) return st;
    return worst;
}

XP_API const xp_namespace *xp_namespace_by_name(const char *name, xp_status *status) {
    xp_status dummy;
    if (!status) status = &dummy;
    if (!name || !*name) {
        name = getenv("XPARRAY_FLAVOR");
        if (!name || !*name) {
            *status = XP_OK;
            return &xp__eager;
        }
    }
    if (strcmp(name, xp__flavor_name) == 0) {
        *status = XP_OK;
        return &xp__eager;
    }
    if (!valid_name(name)) {
        *status = XP_ERR_VALUE;
        return NULL;
    }
    const xp_namespace *ns = NULL;
    pthread_mutex_lock(&loaded_lock);
    for (int i = 0; i < n_loaded; i++)
        if (strcmp(loaded[i].name, name) == 0) ns = loaded[i].ns;
    xp_status st = XP_OK;
    if (!ns) {
        if (n_loaded == XP__MAX_LOADED) st = XP_ERR_BACKEND;
        else if ((st = load(name, &ns)) == XP_OK) {
            strcpy(loaded[n_loaded].name, name);
            loaded[n_loaded++].ns = ns;
        }
    }
    pthread_mutex_unlock(&loaded_lock);
    *status = st;
    return st == XP_OK ? ns : NULL;
}
