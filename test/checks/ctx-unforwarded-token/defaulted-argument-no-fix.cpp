// The call leaves a defaulted parameter out: inserting the token would
// land in the defaulted parameter's place, so there is no fix and the note
// names the overload.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <stop_token>

int drain(int queue, int max = 16);
int drain(int queue, int max, std::stop_token stop);

void worker(std::stop_token st) {
  while (!st.stop_requested())
    drain(3);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: call to 'drain' does not pass stop token 'st'; an overload that takes it exists [ctx-unforwarded-token]
  // CHECK-MESSAGES: :9:5: note: overload that takes it: 'drain(int, int, std::stop_token)'
}
