// The conformance harness: a shared GoogleTest main that applies a flavor's
// xfail list (tests/xfails/<flavor>.txt; see tests/xfails/README.md).
//
//   <test binary> --xfails FILE [--counts FILE] [gtest flags]
//
// The counts file's first line is "passed failed xfail xpass skipped"; then one
// line per test that ran: RESULT<TAB>Suite.Test<TAB>source file (from "tests/")
// [<TAB># xfail reason], RESULT one of PASS FAIL XFAIL XPASS SKIP. tools/report
// maps tests to the spec's modules by that source file.
//
// A listed test that fails is XFAIL; a listed test that passes is XPASS and
// fails the run; an unlisted failure fails the run. The last line printed is
// "N passed, N failed" followed by the xfail/xpass counts.
#include <gtest/gtest.h>
#include <xparray.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <string>
#include <vector>

extern "C" int xp_internal_call_depth(void);

namespace xpt {
// The flavor under test (--flavor), for tests that check the flavor's identity.
std::string g_test_flavor;
const std::string &test_flavor() { return g_test_flavor; }
}  // namespace xpt

namespace {

struct XfailEntry {
    std::string pattern;
    std::string reason;
};

std::vector<XfailEntry> load_xfails(const std::string &path, bool *ok) {
    std::vector<XfailEntry> out;
    *ok = true;
    if (path.empty()) return out;
    std::ifstream in(path);
    if (!in) {
        *ok = false;
        return out;
    }
    std::string line, reason;
    bool in_comment = false; // consecutive '#' lines are one reason
    while (std::getline(in, line)) {
        size_t b = line.find_first_not_of(" \t\r");
        if (b == std::string::npos) continue;
        size_t e = line.find_last_not_of(" \t\r");
        line = line.substr(b, e - b + 1);
        if (line[0] == '#') {
            std::string part = line.substr(1);
            size_t r = part.find_first_not_of(" ");
            part = r == std::string::npos ? "" : part.substr(r);
            reason = in_comment && !part.empty() ? (reason.empty() ? part : reason + " " + part)
                                                 : (in_comment ? reason : part);
            in_comment = true;
            continue;
        }
        in_comment = false;
        out.push_back({line, reason});
    }
    return out;
}

// An entry matches the id itself, a prefix ending in '*', or a whole
// component prefix ("Suite" matches "Suite.Test", "Prefix/Suite" matches
// "Prefix/Suite.Test/3").
bool matches(const std::string &pat, const std::string &id) {
    if (pat == id) return true;
    if (!pat.empty() && pat.back() == '*') return id.compare(0, pat.size() - 1, pat, 0, pat.size() - 1) == 0;
    if (id.size() > pat.size() && id.compare(0, pat.size(), pat) == 0) {
        char c = id[pat.size()];
        return c == '.' || c == '/';
    }
    return false;
}

}  // namespace

int main(int argc, char **argv) {
    testing::InitGoogleTest(&argc, argv);
    std::string xfail_path, counts_path;
    for (int i = 1; i < argc; i++) {
        if (!std::strcmp(argv[i], "--xfails") && i + 1 < argc) xfail_path = argv[++i];
        else if (!std::strcmp(argv[i], "--counts") && i + 1 < argc) counts_path = argv[++i];
        else if (!std::strcmp(argv[i], "--flavor") && i + 1 < argc) xpt::g_test_flavor = argv[++i];
    }
    bool ok;
    std::vector<XfailEntry> xfails = load_xfails(xfail_path, &ok);
    if (!ok) {
        std::printf("harness: cannot read xfail list %s\n0 passed, 1 failed\n", xfail_path.c_str());
        return 1;
    }
    int gtest_rc = RUN_ALL_TESTS();
    (void)gtest_rc; /* the xfail list decides, not GoogleTest */

    int passed = 0, failed = 0, xfail = 0, xpass = 0, skipped = 0;
    std::vector<std::string> report;
    std::vector<std::string> per_test; // counts file: "RESULT\tid\tfile[\t# reason]"
    const testing::UnitTest *ut = testing::UnitTest::GetInstance();
    for (int s = 0; s < ut->total_test_suite_count(); s++) {
        const testing::TestSuite *suite = ut->GetTestSuite(s);
        for (int t = 0; t < suite->total_test_count(); t++) {
            const testing::TestInfo *ti = suite->GetTestInfo(t);
            if (!ti->should_run()) continue;
            std::string id = std::string(ti->test_suite_name()) + "." + ti->name();
            const testing::TestResult *r = ti->result();
            std::string file = ti->file() ? ti->file() : "";
            size_t at = file.rfind("tests/");
            if (at != std::string::npos) file = file.substr(at);
            if (r->Skipped()) {
                skipped++;
                per_test.push_back("SKIP\t" + id + "\t" + file);
                continue;
            }
            const XfailEntry *hit = nullptr;
            for (const auto &e : xfails)
                if (matches(e.pattern, id)) {
                    hit = &e;
                    break;
                }
            bool pass = r->Passed();
            const char *res = hit ? (pass ? "XPASS" : "XFAIL") : (pass ? "PASS" : "FAIL");
            per_test.push_back(std::string(res) + "\t" + id + "\t" + file +
                               (hit ? "\t# " + hit->reason : std::string()));
            if (hit && !pass) {
                xfail++;
                report.push_back("XFAIL " + id + "  # " + hit->reason);
            } else if (hit && pass) {
                xpass++;
                report.push_back("XPASS " + id + "  (listed in " + xfail_path + ": remove it)");
            } else if (pass) {
                passed++;
            } else {
                failed++;
                report.push_back("FAIL  " + id);
            }
        }
    }
    for (const auto &l : report) std::printf("%s\n", l.c_str());
    if (!counts_path.empty()) {
        FILE *f = std::fopen(counts_path.c_str(), "w");
        if (f) {
            std::fprintf(f, "%d %d %d %d %d\n", passed, failed, xfail, xpass, skipped);
            for (const auto &l : per_test) std::fprintf(f, "%s\n", l.c_str());
            std::fclose(f);
        }
    }
    int depth = xp_internal_call_depth();
    if (depth != 0) {
        std::printf("harness: call depth is %d after the run: a public function leaves "
                    "without XP_LEAVE\n", depth);
        failed++;
    }
    std::printf("%d passed, %d failed (%d xfail, %d xpass, %d skipped)\n", passed, failed + xpass,
                xfail, xpass, skipped);
    return (failed + xpass) ? 1 : 0;
}
