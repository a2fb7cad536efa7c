// A guard declared after the throw does not run on it: the throw exit leaves
// the thread-local pointing at this request's token.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20

#include <absl/cleanup/cleanup.h>
#include <stdexcept>
#include <stop_token>
#include <utility>

thread_local std::stop_token t_current;

bool validate();
void serve();

void handle(std::stop_token tok) {
  auto prev = std::exchange(t_current, tok);
  // CHECK-MESSAGES: :[[@LINE-1]]:{{[0-9]+}}: warning: {{.*}}[ctx-static-storage]
  if (!validate())
    throw std::runtime_error("invalid request");
  auto restore = absl::MakeCleanup([&] { t_current = prev; });
  serve();
}
