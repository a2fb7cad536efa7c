// A team's own token type, marked with CTX_TOKEN: its API's variant that
// takes the token is found like a library's.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20 -- -I%project_root/include

#include <ctx/annotations.h>

namespace jobs {
class CTX_TOKEN Cancel {
public:
  bool cancelled() const;
};

class Store {
public:
  int commit(int batch);
  int commit(int batch, const Cancel &cancel);
};
} // namespace jobs

int flush(jobs::Store &store, const jobs::Cancel &cancel) {
  if (cancel.cancelled())
    return 0;
  return store.commit(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: call to 'commit' does not pass stop token 'cancel'; an overload that takes it exists [ctx-unforwarded-token]
  // CHECK-MESSAGES: :16:7: note: overload that takes it: 'commit(int, const Cancel &)'
  // CHECK-FIXES: return store.commit(1, cancel);
}
