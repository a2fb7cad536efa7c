// RUN: %check_ctx %s ctx-temporary-callback %t -std=c++20

#include <stdexec/stop_token.hpp>

struct WakeReader {
  void operator()() noexcept;
};

void temporary(stdexec::inplace_stop_token tok) {
  stdexec::inplace_stop_callback<WakeReader>(tok, WakeReader{});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: temporary 'stdexec::inplace_stop_callback' is destroyed at the end of the statement; its callback will never run [ctx-temporary-callback]
  // CHECK-FIXES: stdexec::inplace_stop_callback<WakeReader> stopCallback(tok, WakeReader{});
}

// Correct use.
void named(stdexec::inplace_stop_source &src) {
  stdexec::inplace_stop_callback<WakeReader> cb(src.get_token(), WakeReader{});
  src.request_stop();
}
