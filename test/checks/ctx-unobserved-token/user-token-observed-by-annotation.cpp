// A team's own token type marked with CTX_TOKEN: a loop that asks it, or
// hands it to a call, observes it, with or without CTX_OBSERVE.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++17,c++20 -- -I%project_root/include

#include <ctx/annotations.h>

namespace rpc {
class CTX_TOKEN Done {
public:
  CTX_OBSERVE bool fired() const;
  long budget_ms() const;
};
} // namespace rpc

bool next_row();
void copy_row();
bool copy_chunk(rpc::Done done);

void copy_table(rpc::Done done) {
  while (!done.fired())
    copy_row();
}

void copy_with_budget(const rpc::Done &done) {
  for (;;) {
    if (done.budget_ms() <= 0)
      break;
    copy_row();
  }
}

void copy_chunks(rpc::Done done) {
  while (next_row())
    copy_chunk(done);
}
