// In-place stop callbacks of libunifex and stdexec kept where the sender
// and receiver libraries keep them: in the operation state, or in an
// optional constructed when the operation starts. No warning.
// RUN: %check_ctx %s ctx-temporary-callback %t -std=c++20

#include <optional>
#include <stdexec/stop_token.hpp>
#include <unifex/inplace_stop_token.hpp>

struct WakeReader {
  void operator()() noexcept;
};

struct UnifexOperation {
  std::optional<unifex::inplace_stop_callback<WakeReader>> onStop;
  void start(unifex::inplace_stop_token tok) noexcept {
    onStop.emplace(tok, WakeReader{});
  }
};

struct StdexecOperation {
  std::optional<stdexec::inplace_stop_callback<WakeReader>> onStop;
  void start(stdexec::inplace_stop_token tok) noexcept {
    onStop.emplace(tok, WakeReader{});
  }
};

void scoped(stdexec::inplace_stop_source &src,
            unifex::inplace_stop_source &other) {
  stdexec::inplace_stop_callback<WakeReader> a(src.get_token(), WakeReader{});
  unifex::inplace_stop_callback<WakeReader> b(other.get_token(), WakeReader{});
  src.request_stop();
  other.request_stop();
}
