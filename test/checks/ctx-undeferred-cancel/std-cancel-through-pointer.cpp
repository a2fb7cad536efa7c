// Cancelling through a pointer to the source counts: a local pointer that is
// initialised from the source's address and never pointed elsewhere names
// the same source on every path.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <stop_token>
#include <thread>

void prefetch_into(std::stop_token tok);
bool fetch_ok();

int through_const_pointer() {
  std::stop_source prefetch;
  std::stop_source *const cancel = &prefetch;
  std::thread(prefetch_into, prefetch.get_token()).detach();
  if (!fetch_ok()) {
    cancel->request_stop();
    return -1;
  }
  prefetch.request_stop();
  return 0;
}

int through_pointer_never_reassigned() {
  std::stop_source prefetch;
  std::stop_source *cancel = &prefetch;
  std::thread(prefetch_into, prefetch.get_token()).detach();
  if (!fetch_ok()) {
    cancel->request_stop();
    return -1;
  }
  cancel->request_stop();
  return 0;
}
