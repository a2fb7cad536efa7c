// The API has no variant that takes a token: nothing to forward to, and the
// loop around observes the token.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <stop_token>
#include <string>

namespace net {
std::string fetch(const std::string &url);
std::string fetch(const std::string &url, int retries);
} // namespace net

void crawl(std::stop_token st) {
  while (!st.stop_requested())
    net::fetch("https://example.org/");
}
