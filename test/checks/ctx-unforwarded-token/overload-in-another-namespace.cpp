// A function of the same name in another namespace is another function:
// the call's lookup does not find it.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <stop_token>

namespace v1 {
int resolve(const char *host);
}
namespace v2 {
int resolve(const char *host, std::stop_token stop);
}

int connect(const char *host, std::stop_token st) {
  return st.stop_requested() ? -1 : v1::resolve(host);
}
