// A pointer that is pointed at another source before the cancel is not an
// alias of the first one: the early return still leaves the worker running.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <stop_token>
#include <thread>

void prefetch_into(std::stop_token tok);
bool fetch_ok();

int reassigned(std::stop_source &other) {
  std::stop_source prefetch;
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: cancel handle 'prefetch' is not cancelled on every path; tasks waiting on its token may never stop [ctx-undeferred-cancel]
  std::stop_source *cancel = &prefetch;
  std::thread(prefetch_into, prefetch.get_token()).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: the token of 'prefetch' goes to work that may outlive the function here
  cancel = &other;
  if (!fetch_ok()) {
    cancel->request_stop();
    return -1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: this return is reached without cancelling 'prefetch'
  }
  prefetch.request_stop();
  return 0;
}
