// Where cancellation is permanent (pplx, std::stop_source, folly, cppcoro,
// unifex, stdexec), a cancel before the token is taken settles the source:
// every token taken after it is already cancelled, so the work it reaches
// stops at once. The shape of cpprestsdk's cancel_before_request test.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <folly/CancellationToken.h>
#include <pplx/pplxcancellation_token.h>
#include <stop_token>
#include <thread>

void request(pplx::cancellation_token tok);
void spawn_detached(folly::CancellationToken tok);
void keep(std::stop_token tok);
bool fail();

void cancel_before_request() {
  pplx::cancellation_token_source source;
  source.cancel();
  request(source.get_token());
}

// Cancelled on every branch before the token is taken, and again after.
void cancelled_on_both_branches(bool quick) {
  std::stop_source src;
  if (quick)
    src.request_stop();
  else
    src.request_stop();
  std::thread(keep, src.get_token()).detach();
  if (fail())
    return;
  std::thread(keep, src.get_token()).detach();
}

// A copy shares the state: cancelling it cancels the source.
void cancelled_through_copy() {
  folly::CancellationSource src;
  folly::CancellationSource same = src;
  same.requestCancellation();
  spawn_detached(src.getToken());
}

// A token taken before the cancel still needs the cancel after it; here it
// has one.
void both_orders() {
  std::stop_source src;
  std::thread(keep, src.get_token()).detach();
  src.request_stop();
  std::thread(keep, src.get_token()).detach();
}
