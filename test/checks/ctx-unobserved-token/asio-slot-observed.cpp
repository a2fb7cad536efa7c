// Boost.Asio: a loop that installs a handler on the cancellation slot, or
// hands the slot on, observes it.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++17,c++20

#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/cancellation_type.hpp>

bool next_row();
void copy_row();
void copy_row(boost::asio::cancellation_slot slot);

void installs(boost::asio::cancellation_slot slot) {
  bool cancelled = false;
  while (next_row() && !cancelled) {
    slot.assign([&](boost::asio::cancellation_type) { cancelled = true; });
    copy_row();
  }
}

void hands_on(boost::asio::cancellation_slot slot) {
  while (next_row())
    copy_row(slot);
}
