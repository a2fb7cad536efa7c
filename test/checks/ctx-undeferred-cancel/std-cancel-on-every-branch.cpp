// Every path that leaves after the token was handed out cancels first.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <stop_token>
#include <thread>

void poll_inventory(std::stop_token tok);
bool reserve_stock();
bool charge_card();

int place_order(int qty) {
  std::stop_source src;
  std::thread(poll_inventory, src.get_token()).detach();
  if (!reserve_stock()) {
    src.request_stop();
    return -1;
  }
  switch (qty) {
  case 0:
    src.request_stop();
    return 0;
  default:
    break;
  }
  if (!charge_card()) {
    src.request_stop();
    return -2;
  }
  src.request_stop();
  return qty;
}

// Leaving before the token is taken owes nothing.
void validate_first(bool valid) {
  std::stop_source src;
  if (!valid)
    return;
  std::thread(poll_inventory, src.get_token()).detach();
  src.request_stop();
}
