// Seastar: one abort source for the whole service, aborted at shutdown, and
// a pointer to it for code that cannot take it as a parameter. It belongs
// to the process, not to a request.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20

#include <seastar/core/abort_source.hh>

seastar::abort_source g_stop_service;
static seastar::abort_source *g_stop_ptr = &g_stop_service;

void on_signal() {
  if (g_stop_ptr)
    g_stop_ptr->request_abort();
}

bool stopping() { return g_stop_service.abort_requested(); }
