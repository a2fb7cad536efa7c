// Loops that end on their own: a count down to zero, and the
// `do { ... } while (false)` that assertion macros expand to, which runs
// once. Neither needs to look at the token.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <stop_token>

bool read_one();
void record(bool ok, const char *what);

#define EXPECT_OK(expr)                                                        \
  do {                                                                         \
    record((expr), #expr);                                                     \
  } while (false)

void read_n(std::stop_token tok, int n) {
  while (n--) {
    EXPECT_OK(read_one());
  }
}

void read_until_zero(std::stop_token tok, int n) {
  while (n) {
    record(read_one(), "read");
    --n;
  }
}

void check_once(std::stop_token tok) {
  do {
    record(read_one(), "once");
  } while (0);
}
