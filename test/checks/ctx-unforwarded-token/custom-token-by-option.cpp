// A team's own token type, listed in the shared TokenTypes option.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20 -config="{CheckOptions: {TokenTypes: 'jobs::Cancel'}}"

namespace jobs {
class Cancel {
public:
  bool cancelled() const;
};

int commit(int batch);
int commit(int batch, Cancel cancel);
} // namespace jobs

int flush(jobs::Cancel cancel) {
  if (cancel.cancelled())
    return 0;
  return jobs::commit(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: call to 'commit' does not pass stop token 'cancel'; an overload that takes it exists [ctx-unforwarded-token]
  // CHECK-MESSAGES: :11:5: note: overload that takes it: 'commit(int, Cancel)'
  // CHECK-FIXES: return jobs::commit(1, cancel);
}
