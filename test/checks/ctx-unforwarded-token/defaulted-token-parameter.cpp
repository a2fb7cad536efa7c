// A callee whose token parameter is defaulted: the call relies on the
// default, which ctx-broken-propagation reports; this check stays silent.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <stop_token>

void upload(int file, std::stop_token stop = {});
void upload(int file, int chunk, std::stop_token stop = {});

void sync(std::stop_token st) {
  if (!st.stop_requested())
    upload(1);
}
