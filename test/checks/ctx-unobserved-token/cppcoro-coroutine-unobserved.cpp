// cppcoro: a coroutine that receives a cancellation_token and awaits work
// in an endless loop without asking the token or passing it on.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <cppcoro/cancellation_token.hpp>
#include <cppcoro/task.hpp>

cppcoro::task<int> read_chunk();
cppcoro::task<int> read_chunk(cppcoro::cancellation_token tok);
void consume(int);

cppcoro::task<void> stream(cppcoro::cancellation_token tok) {
  for (;;) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop never observes stop token 'tok'; a stop request cannot end it [ctx-unobserved-token]
  // CHECK-MESSAGES: :[[@LINE-3]]:56: note: stop token 'tok' is received here
  // CHECK-FIXES: for (; !tok.is_cancellation_requested();) {
    consume(co_await read_chunk());
  }
}
