// Seastar: a continuation whose future is thrown away runs after the
// function has returned; a local abort source it captures by reference is
// gone by then. abort_source cannot be copied: no fix, a hint.
// RUN: %check_ctx %s ctx-detached-ref-capture %t -std=c++20

#include <chrono>
#include <seastar/core/abort_source.hh>
#include <seastar/core/future.hh>
#include <seastar/core/sleep.hh>

using namespace std::chrono_literals;

void expire_entries();

void start_reaper() {
  seastar::abort_source as;
  (void)seastar::sleep(1s).then([&as] {
    // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: cancel source 'as' captured by reference may be destroyed while a discarded continuation still uses it [ctx-detached-ref-capture]
    // CHECK-MESSAGES: :[[@LINE-2]]:3: note: the continuation's future is discarded here and nothing waits for it
    // CHECK-MESSAGES: :[[@LINE-3]]:35: note: give the task ownership: a 'std::shared_ptr<seastar::abort_source>' captured by value
    if (!as.abort_requested())
      expire_entries();
  });
}

void start_reaper_default_capture() {
  seastar::abort_source as;
  (void)seastar::sleep(1s).then([&] { as.check(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: cancel source 'as' captured by reference may be destroyed while a discarded continuation still uses it [ctx-detached-ref-capture]
  // CHECK-MESSAGES: :[[@LINE-2]]:3: note: the continuation's future is discarded here
}

void later_in_the_chain() {
  seastar::abort_source as;
  (void)seastar::sleep(1s)
      .then([] { expire_entries(); })
      .finally([&as] { as.request_abort(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: cancel source 'as' captured by reference may be destroyed while a discarded continuation still uses it [ctx-detached-ref-capture]
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the continuation's future is discarded here
}
