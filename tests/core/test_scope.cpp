// Scopes: thread-local, nestable ownership of returned arrays.
#include "xp_test.h"

#include <thread>

using namespace xpt;

namespace {
// An array whose memory is ours, so we can see when xparray lets it go.
struct Tracked {
    int freed = 0;
    double data[4] = {1, 2, 3, 4};
};
xp_array *tracked(Tracked &t) {
    return xp_array_wrap(t.data, XP_FLOAT64, XP_SHAPE_CXX(4), nullptr,
                         [](void *, void *ctx) { static_cast<Tracked *>(ctx)->freed++; }, &t, false);
}
}  // namespace

TEST(Scope, ReleasesResultsAtEnd) {
    Tracked t;
    EXPECT_EQ(xp_scope_depth(), 0);
    xp_scope_begin();
    EXPECT_EQ(xp_scope_depth(), 1);
    xp_array *a = tracked(t);
    xp_array *b = xp_broadcast_to(a, XP_SHAPE_CXX(2, 4));
    EXPECT_FALSE(xp_failed(b));
    xp_scope_end();
    EXPECT_EQ(xp_scope_depth(), 0);
    EXPECT_EQ(t.freed, 1);
}

TEST(Scope, KeepMovesToCaller) {
    Tracked t;
    xp_scope_begin();
    xp_array *a = xp_keep(tracked(t));
    xp_scope_end();
    EXPECT_EQ(t.freed, 0);
    EXPECT_EQ(reals(a), (std::vector<double>{1, 2, 3, 4}));
    xp_release(a);
    EXPECT_EQ(t.freed, 1);
}

TEST(Scope, KeepMovesToEnclosingScope) {
    Tracked t1, t2;
    xp_scope_begin();
    xp_scope_begin();
    xp_array *a = tracked(t1);
    xp_keep(a);
    tracked(t2);
    xp_scope_end();
    EXPECT_EQ(t1.freed, 0);
    EXPECT_EQ(t2.freed, 1);
    xp_scope_end();
    EXPECT_EQ(t1.freed, 1);
}

TEST(Scope, KeepOfUnownedArrayIsHarmless) {
    Tracked t;
    xp_array *a = tracked(t);  // no scope: the caller owns it
    xp_scope_begin();
    EXPECT_EQ(xp_keep(a), a);
    EXPECT_EQ(xp_keep(nullptr), nullptr);
    xp_scope_end();
    EXPECT_EQ(t.freed, 0);
    xp_release(a);
    EXPECT_EQ(t.freed, 1);
}

TEST(Scope, InputsAreNotAffected) {
    Tracked t;
    xp_array *a = tracked(t);
    xp_scope_begin();
    xp_array *z = xp_zeros_like(a, nullptr);  // owned by the scope
    EXPECT_FALSE(xp_failed(z));
    xp_scope_end();
    EXPECT_EQ(t.freed, 0);
    xp_release(a);
}

TEST(Scope, InternalCallsDoNotLeakIntoTheScope) {
    // xp_eye calls xp_zeros internally: only the final result belongs to the scope,
    // and it must stay valid until the scope ends.
    xp_scope_begin();
    xp_array *e = xp_eye(3, XP_NONE, nullptr);
    EXPECT_EQ(reals(e), (std::vector<double>{1, 0, 0, 0, 1, 0, 0, 0, 1}));
    xp_scope_end();
    EXPECT_EQ(xp_internal_call_depth(), 0);
}

TEST(Scope, ErrorsInsideAScopeAreReleasedToo) {
    xp_scope_begin();
    xp_array *e = xp_zeros(XP_SHAPE_CXX(-1), nullptr);
    EXPECT_TRUE(xp_failed(e));
    xp_array *e2 = xp_zeros_like(e, nullptr);  // retained error, also scope-owned
    EXPECT_EQ(e2, e);
    xp_scope_end();  // ASan would report a leak or double free here
}

TEST(Scope, EndWithoutBeginDoesNothing) {
    xp_scope_end();
    EXPECT_EQ(xp_scope_depth(), 0);
}

TEST(Scope, ScopesAreThreadLocal) {
    Tracked t;
    xp_scope_begin();
    xp_array *mine = nullptr;
    std::thread th([&] {
        EXPECT_EQ(xp_scope_depth(), 0);
        mine = tracked(t);  // no scope on this thread: owned by the caller
    });
    th.join();
    xp_scope_end();
    EXPECT_EQ(t.freed, 0);
    xp_release(mine);
    EXPECT_EQ(t.freed, 1);
}

TEST(Scope, DesignExampleZscoreShape) {
    // The pattern of DESIGN.md: temporaries vanish, the kept result survives.
    xp_array *z;
    {
        xp_scope_begin();
        xp_array *x = xp_linspace(0, 1, 5, nullptr);
        xp_array *y = xp_ones_like(x, nullptr);
        z = xp_keep(xp_full_like(y, xp_float(3), nullptr));
        xp_scope_end();
    }
    EXPECT_EQ(reals(z), (std::vector<double>{3, 3, 3, 3, 3}));
    xp_release(z);
}

// A scope whose bookkeeping cannot grow (the allocator fails) still counts: its
// end closes it, not the enclosing scope, whose arrays stay alive until their own
// scope ends; what it returns goes to the enclosing scope.
TEST(Scope, UnrecordedScopeKeepsBeginAndEndBalanced) {
    Tracked outer_t, inner_t;
    // Fill the marks' first storage (16 scopes) so the next begin must allocate.
    int base = xp_scope_depth();
    int opened = 0;
    while (xp_scope_depth() < 16) {
        xp_scope_begin();
        opened++;
    }
    int depth = xp_scope_depth();
    xp_array *x = tracked(outer_t);  // owned by the innermost recorded scope
    ASSERT_FALSE(xp_failed(x));
    Failing f{0};
    xp_allocator fa = {failing_alloc, failing_free, &f};
    ASSERT_EQ(xp_set_allocator(&fa), XP_OK);
    xp_scope_begin();  // cannot store its mark
    ASSERT_EQ(xp_set_allocator(nullptr), XP_OK);
    EXPECT_EQ(xp_scope_depth(), depth + 1);
    xp_scope_begin();  // opened inside the unrecorded one: counted too
    EXPECT_EQ(xp_scope_depth(), depth + 2);
    xp_array *y = tracked(inner_t);  // goes to the innermost recorded scope
    ASSERT_FALSE(xp_failed(y));
    EXPECT_EQ(xp_keep(y), y);  // stays there
    xp_scope_end();
    xp_scope_end();  // closes the unrecorded scope, nothing else
    EXPECT_EQ(xp_scope_depth(), depth);
    EXPECT_EQ(outer_t.freed, 0);
    EXPECT_EQ(inner_t.freed, 0);
    EXPECT_EQ(reals(x), (std::vector<double>{1, 2, 3, 4}));
    xp_scope_end();  // the scope that owned x releases x and y
    EXPECT_EQ(outer_t.freed, 1);
    EXPECT_EQ(inner_t.freed, 1);
    for (int i = 1; i < opened; i++) xp_scope_end();
    EXPECT_EQ(xp_scope_depth(), base);
    EXPECT_EQ(f.live, 0);
}
