// cppcoro: a coroutine that hands its cancellation_token to what it awaits,
// or asks it, observes it.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <cppcoro/cancellation_token.hpp>
#include <cppcoro/task.hpp>

cppcoro::task<int> read_chunk();
cppcoro::task<int> read_chunk(cppcoro::cancellation_token tok);
void consume(int);

// Handing the token to the awaited call observes it: the callee can stop.
cppcoro::task<void> stream_forwarding(cppcoro::cancellation_token tok) {
  for (;;)
    consume(co_await read_chunk(tok));
}

// Asking it (throw_if_cancellation_requested throws operation_cancelled).
cppcoro::task<void> stream_checking(cppcoro::cancellation_token tok) {
  for (;;) {
    tok.throw_if_cancellation_requested();
    consume(co_await read_chunk());
  }
}
