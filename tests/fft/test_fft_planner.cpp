// The planner effort and FFTW wisdom (flavors with an FFT library that plans).
#include "fft_support.h"

#include <cstdio>
#include <string>

using namespace xpt;
using namespace fftt;

TEST(FftPlanner, MeasuredPlansAndWisdomRoundTrip) {
    ASSERT_EQ(xp_fft_set_planner(XP_FFT_PLANNER_MEASURE, 1.0), XP_OK);
    auto x = random_complex(48, 1);
    Arr a = make(x, XP_COMPLEX128);
    Arr f(xp_fft_fft(a, nullptr));
    EXPECT_LT(rel_err(values(f), dft(x, -1)), 1e-13);
    EXPECT_EQ(values(a), x);  // measuring plans on scratch arrays, never the input
    Arr g(xp_fft_rfft(make(random_real(40, 2), XP_FLOAT32), nullptr));
    EXPECT_XP_OK(g);
    ASSERT_EQ(xp_fft_set_planner(XP_FFT_PLANNER_ESTIMATE, 0), XP_OK);
    size_t len = 0;
    EXPECT_EQ(xp_fft_export_wisdom(nullptr, 0, &len), XP_ERR_VALUE);
    ASSERT_GT(len, 0u);
    std::string w(len + 1, '\0');
    ASSERT_EQ(xp_fft_export_wisdom(&w[0], w.size(), &len), XP_OK);
    w.resize(len);
    EXPECT_NE(w.find("fftw_wisdom"), std::string::npos);
    EXPECT_NE(w.find("fftwf_wisdom"), std::string::npos);
    EXPECT_EQ(xp_fft_import_wisdom(w.c_str()), XP_OK);
    EXPECT_EQ(xp_fft_import_wisdom("(not wisdom)"), XP_ERR_VALUE);
    EXPECT_EQ(xp_fft_import_wisdom(""), XP_ERR_VALUE);
    EXPECT_EQ(xp_fft_import_wisdom(nullptr), XP_ERR_TYPE);
    std::string path = testing::TempDir() + "xp_fft_wisdom.txt";
    ASSERT_EQ(xp_fft_export_wisdom_file(path.c_str()), XP_OK);
    EXPECT_EQ(xp_fft_import_wisdom_file(path.c_str()), XP_OK);
    std::remove(path.c_str());
    EXPECT_EQ(xp_fft_import_wisdom_file(path.c_str()), XP_ERR_IO);
    EXPECT_EQ(xp_fft_set_planner((xp_fft_planner)9, 0), XP_ERR_VALUE);
}
