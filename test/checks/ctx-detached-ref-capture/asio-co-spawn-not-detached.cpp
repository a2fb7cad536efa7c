// co_spawn with a completion token other than boost::asio::detached (a
// future that is waited for, use_awaitable) is observed by the caller.
// Silent.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <boost/asio.hpp>
#include <stop_token>

boost::asio::awaitable<void> fetch_order(std::stop_token);

void spawn_and_wait(boost::asio::any_io_executor ex, std::stop_token tok) {
  auto done = boost::asio::co_spawn(
      ex, [&tok]() -> boost::asio::awaitable<void> { co_await fetch_order(tok); },
      boost::asio::use_future);
  done.get();
}
