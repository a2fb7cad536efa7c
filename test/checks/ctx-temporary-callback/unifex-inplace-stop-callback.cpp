// unifex's inplace_stop_callback has no deduction guide: the callable's type
// is spelled out.
// RUN: %check_ctx %s ctx-temporary-callback %t -std=c++17,c++20

#include <unifex/inplace_stop_token.hpp>

struct WakeReader {
  void operator()() noexcept;
};

void temporary(unifex::inplace_stop_token tok) {
  unifex::inplace_stop_callback<WakeReader>(tok, WakeReader{});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: temporary 'unifex::inplace_stop_callback' is destroyed at the end of the statement; its callback will never run [ctx-temporary-callback]
  // CHECK-FIXES: unifex::inplace_stop_callback<WakeReader> stopCallback(tok, WakeReader{});
}

template <typename Token>
void generic(Token tok) {
  unifex::inplace_stop_callback<WakeReader>(tok, WakeReader{});
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: temporary 'unifex::inplace_stop_callback'
  // CHECK-FIXES: unifex::inplace_stop_callback<WakeReader> stopCallback(tok, WakeReader{});
}

void instantiate(unifex::inplace_stop_source &src) { generic(src.get_token()); }

// Correct uses.
void named(unifex::inplace_stop_source &src) {
  unifex::inplace_stop_callback<WakeReader> cb(src.get_token(), WakeReader{});
  src.request_stop();
}

struct Operation {
  unifex::inplace_stop_callback<WakeReader> onStop;
  explicit Operation(unifex::inplace_stop_token tok) : onStop(tok, WakeReader{}) {}
};
