// co_spawn with boost::asio::detached: nothing awaits the coroutine, which
// resumes after the spawning frame is gone. With use_awaitable the caller
// awaits it: silent.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <boost/asio.hpp>
#include <stop_token>

boost::asio::awaitable<void> fetch_order(std::stop_token);

void spawn(boost::asio::any_io_executor ex, std::stop_token tok) {
  boost::asio::co_spawn(
      ex, [&tok]() -> boost::asio::awaitable<void> { co_await fetch_order(tok); },
      // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: token 'tok' captured by reference may be destroyed while a fire-and-forget task still uses it [ctx-detached-ref-capture]
      // CHECK-MESSAGES: :[[@LINE-3]]:16: note: the task is handed to 'boost::asio::co_spawn' here and nothing waits for it
      // CHECK-FIXES: ex, [tok]() -> boost::asio::awaitable<void> { co_await fetch_order(tok); },
      boost::asio::detached);
}

boost::asio::awaitable<void> awaited(std::stop_token tok) {
  auto ex = co_await boost::asio::this_coro::executor;
  co_await boost::asio::co_spawn(
      ex, [&tok]() -> boost::asio::awaitable<void> { co_await fetch_order(tok); },
      boost::asio::use_awaitable);
}
