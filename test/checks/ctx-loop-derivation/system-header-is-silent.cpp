// Loops in system headers are not analysed: a library's own plumbing is the
// library's business.
// RUN: %check_ctx %s ctx-loop-derivation %t -std=c++17,c++20 -- -isystem %S/Inputs

#include <loop_derivation_system_header.h>

bool anyCancelled(folly::CancellationToken ct,
                  const std::vector<folly::CancellationToken> &rest) {
  return sys::anyOf(ct, rest).isCancellationRequested();
}
