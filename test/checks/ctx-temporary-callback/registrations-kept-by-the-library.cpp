// Registrations that the library keeps for the caller, so that throwing
// away what the call returns deregisters nothing: PPL's register_callback
// returns a handle whose destructor does not deregister (only
// deregister_callback does), and a Boost.Asio cancellation slot stores the
// handler assigned to it and returns a reference to it. No warning.
// RUN: %check_ctx %s ctx-temporary-callback %t -std=c++17

#include <boost/asio/cancellation_signal.hpp>
#include <pplx/pplxcancellation_token.h>

void log_cancelled();

void ppl(pplx::cancellation_token tok) {
  tok.register_callback([] { log_cancelled(); });
  (void)tok.register_callback([] { log_cancelled(); });
}

void asio(boost::asio::cancellation_signal &signal) {
  signal.slot().assign([](boost::asio::cancellation_type) { log_cancelled(); });
  boost::asio::cancellation_slot slot = signal.slot();
  (void)slot.assign([](boost::asio::cancellation_type) { log_cancelled(); });
}
