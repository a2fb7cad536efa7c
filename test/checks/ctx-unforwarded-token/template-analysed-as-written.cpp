// A function template is analysed once, as written: a call whose callee
// does not depend on the template's parameters is reported there (not once
// per instantiation); a call that depends on them is skipped.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <stop_token>

void flush_log();
void flush_log(std::stop_token stop);

template <class Sink> void drain(Sink &sink, std::stop_token st) {
  while (!st.stop_requested()) {
    sink.write();
    flush_log();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: call to 'flush_log' does not pass stop token 'st'; an overload that takes it exists [ctx-unforwarded-token]
    // CHECK-MESSAGES: :9:6: note: overload that takes it: 'flush_log(std::stop_token)'
    // CHECK-FIXES: flush_log(st);
  }
}

struct Sink {
  void write();
  void write(std::stop_token stop);
};

void use(Sink &a, std::stop_token st) { drain(a, st); }
struct Other {
  void write();
};
void use_other(Other &o, std::stop_token st) { drain(o, st); }
