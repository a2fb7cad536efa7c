// folly: a worker handed a CancellationToken that loops without asking it.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++17,c++20

#include <folly/CancellationToken.h>

bool fetch_page();
void store_page();

void crawl(const folly::CancellationToken &ct) {
  while (fetch_page()) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop never observes stop token 'ct'; a stop request cannot end it [ctx-unobserved-token]
  // CHECK-MESSAGES: :[[@LINE-3]]:44: note: stop token 'ct' is received here
  // CHECK-FIXES: while (fetch_page() && !ct.isCancellationRequested()) {
    store_page();
  }
}
