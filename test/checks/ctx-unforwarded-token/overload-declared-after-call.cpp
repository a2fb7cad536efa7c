// At namespace scope, an overload declared after the call is not found by
// the call's lookup: the code as written could not call it.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <stop_token>

void prefetch(int page);

void reader(std::stop_token st) {
  if (!st.stop_requested())
    prefetch(3);
}

void prefetch(int page, std::stop_token stop);
