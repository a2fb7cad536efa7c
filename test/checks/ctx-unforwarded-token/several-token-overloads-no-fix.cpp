// Two overloads would each take the token: which one was meant is the
// author's choice, so the warning comes without a fix and the notes name
// both.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <stop_token>

void upload(int file);
void upload(std::stop_token stop, int file);
void upload(int file, const std::stop_token &stop);

void sync_all(std::stop_token st) {
  if (!st.stop_requested())
    upload(7);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: call to 'upload' does not pass stop token 'st'; an overload that takes it exists [ctx-unforwarded-token]
  // CHECK-MESSAGES: :9:6: note: overload that takes it: 'upload(std::stop_token, int)'
  // CHECK-MESSAGES: :10:6: note: overload that takes it: 'upload(int, const std::stop_token &)'
}
