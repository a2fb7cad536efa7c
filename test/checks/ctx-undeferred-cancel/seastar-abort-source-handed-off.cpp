// Seastar: aborted on every path, or moved to an owner.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <seastar/core/abort_source.hh>
#include <utility>

void start_scan(seastar::abort_source &as);
void own(seastar::abort_source as);
bool fail();

void scan() {
  seastar::abort_source as;
  start_scan(as);
  if (fail()) {
    as.request_abort();
    return;
  }
  as.request_abort();
}

void handed_off() {
  seastar::abort_source as;
  start_scan(as);
  own(std::move(as));
}
