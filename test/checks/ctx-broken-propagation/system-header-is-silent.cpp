// Callables in system headers are not analysed: a library's own plumbing is
// the library's business.
// RUN: %check_ctx %s ctx-broken-propagation %t -std=c++20 -- -isystem %S/Inputs

#include <propagation_system_header.h>

void handle(std::stop_token st) { sys::relay(1, st); }
