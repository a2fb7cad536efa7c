// A cppcoro coroutine handed a cancellation_token awaits the variant of a
// read that cannot be cancelled.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <cppcoro/cancellation_token.hpp>
#include <cppcoro/task.hpp>

namespace io {
cppcoro::task<int> read_some(int fd, char *buf);
cppcoro::task<int> read_some(int fd, char *buf, cppcoro::cancellation_token ct);
} // namespace io

cppcoro::task<int> read_header(int fd, char *buf, cppcoro::cancellation_token ct) {
  if (ct.is_cancellation_requested())
    co_return 0;
  co_return co_await io::read_some(fd, buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: call to 'read_some' does not pass stop token 'ct'; an overload that takes it exists [ctx-unforwarded-token]
  // CHECK-MESSAGES: :10:20: note: overload that takes it: 'read_some(int, char *, cppcoro::cancellation_token)'
  // CHECK-FIXES: co_return co_await io::read_some(fd, buf, ct);
}
