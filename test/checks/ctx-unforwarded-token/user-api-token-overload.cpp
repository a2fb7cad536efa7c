// A team's own API with a token overload: fetch(url) is called where
// fetch(url, tok) exists, so a stop request never reaches the transfer.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <stop_token>
#include <string>

namespace net {
std::string fetch(const std::string &url);
std::string fetch(const std::string &url, std::stop_token tok);
} // namespace net

std::string load_profile(const std::string &user, std::stop_token st) {
  if (st.stop_requested())
    return {};
  return net::fetch("https://profiles/" + user);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: call to 'fetch' does not pass stop token 'st'; an overload that takes it exists [ctx-unforwarded-token]
  // CHECK-MESSAGES: :10:13: note: overload that takes it: 'fetch(const std::string &, std::stop_token)'
  // CHECK-FIXES: return net::fetch("https://profiles/" + user, st);
}
