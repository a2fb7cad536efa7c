// RUN: %check_ctx %s ctx-temporary-callback %t -std=c++17,c++20

#include <cppcoro/cancellation_registration.hpp>
#include <cppcoro/cancellation_source.hpp>
#include <cppcoro/cancellation_token.hpp>

void wake_reader();

void temporary(cppcoro::cancellation_token tok) {
  cppcoro::cancellation_registration(tok, [] { wake_reader(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: temporary 'cppcoro::cancellation_registration' is destroyed at the end of the statement; its callback will never run [ctx-temporary-callback]
  // CHECK-FIXES: cppcoro::cancellation_registration stopCallback(tok, [] { wake_reader(); });
}

void in_a_loop(cppcoro::cancellation_source &src) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    cppcoro::cancellation_registration(src.token(), [] { wake_reader(); });
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: temporary 'cppcoro::cancellation_registration'
    // CHECK-FIXES: cppcoro::cancellation_registration stopCallback(src.token(), [] { wake_reader(); });
    wake_reader();
  }
}

// Correct uses.
void named(cppcoro::cancellation_token tok) {
  cppcoro::cancellation_registration reg(std::move(tok), [] { wake_reader(); });
  wake_reader();
}

void named_in_loop(cppcoro::cancellation_source &src) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    cppcoro::cancellation_registration reg(src.token(), [] { wake_reader(); });
    wake_reader();
  }
}
