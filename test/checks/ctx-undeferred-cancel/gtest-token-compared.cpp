// A token taken only to be compared in a test assertion is not handed to
// work: GoogleTest's comparison helpers read it and keep nothing.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <gtest/gtest.h>
#include <optional>
#include <stop_token>

std::optional<std::stop_token> current_token();

TEST(Tokens, CurrentIsTheSourcesToken) {
  std::stop_source source;
  std::optional<std::stop_token> result = current_token();
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(*result, source.get_token());
  EXPECT_NE(std::stop_token(), source.get_token());
  EXPECT_TRUE(source.get_token() == *result);
}
