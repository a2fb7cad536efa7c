// A team's own token type marked with CTX_TOKEN, its question with
// CTX_OBSERVE: the fix asks it.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++17,c++20 -- -I%project_root/include

#include <ctx/annotations.h>

namespace rpc {
class CTX_TOKEN Done {
public:
  CTX_OBSERVE bool fired() const;
};
} // namespace rpc

bool next_row();
void copy_row();

void copy_table(rpc::Done done) {
  for (;;) {
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop never observes stop token 'done'; a stop request cannot end it [ctx-unobserved-token]
  // CHECK-MESSAGES: :[[@LINE-3]]:27: note: stop token 'done' is received here
  // CHECK-FIXES: for (; !done.fired();) {
    if (!next_row())
      break;
    copy_row();
  }
}
