// cppcoro and folly tokens and sources share ownership of their state:
// copies captured by value are fine even in detached threads. Silent.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++17,c++20

#include <cppcoro/cancellation_source.hpp>
#include <cppcoro/cancellation_token.hpp>
#include <folly/CancellationToken.h>
#include <thread>

void sync_stock(cppcoro::cancellation_token);
void sync_prices(folly::CancellationToken);

void start(cppcoro::cancellation_source &src, folly::CancellationSource &fsrc) {
  cppcoro::cancellation_token tok = src.token();
  std::thread([tok] { sync_stock(tok); }).detach();
  std::thread([t = src.token()] { sync_stock(t); }).detach();
  std::thread([ft = fsrc.getToken()] { sync_prices(ft); }).detach();
  std::thread([fsrc] { fsrc.requestCancellation(); }).detach();
}
