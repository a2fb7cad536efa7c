// Loops in system headers are not reported: the user cannot change them.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20 -- -isystem %S/Inputs/system

#include <vendor_worker.h>

void run(std::stop_token tok) { vendor_loop(tok); }
