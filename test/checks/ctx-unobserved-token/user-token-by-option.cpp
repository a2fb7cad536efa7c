// A team's own token type, named by TokenTypes, and the question it is
// asked with, named by ObserveMethods: the fix asks it.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++17,c++20 -config="{CheckOptions: {TokenTypes: 'jobs::Deadline', ObserveMethods: 'jobs::Deadline::expired'}}"

namespace jobs {
class Deadline {
public:
  bool expired() const;
  long remaining_ms() const;
};
} // namespace jobs

bool next_row();
void copy_row();

void copy_table(jobs::Deadline deadline) {
  while (next_row())
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: loop never observes stop token 'deadline'; a stop request cannot end it [ctx-unobserved-token]
  // CHECK-MESSAGES: :[[@LINE-3]]:32: note: stop token 'deadline' is received here
  // CHECK-FIXES: while (next_row() && !deadline.expired())
    copy_row();
}

// Any member call asks the token, not only the observe method.
void copy_with_budget(jobs::Deadline deadline) {
  while (next_row() && deadline.remaining_ms() > 0)
    copy_row();
}
