// A deliberate detachment spelled at the call.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++20

#include <stop_token>

void flush_audit_log(std::stop_token tok = {});

void handle(std::stop_token st) {
  // The audit record must be written even when the request is cancelled.
  flush_audit_log(); // NOLINT(ctx-broken-propagation): must outlive the request
  (void)st;
}
