// NOLINT with a reason marks a call that must finish even when stopped.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <stop_token>

void commit_journal(int txn);
void commit_journal(int txn, std::stop_token stop);

void finish(int txn, std::stop_token st) {
  if (st.stop_requested())
    return;
  // The journal must be complete even if a stop arrives half-way.
  commit_journal(txn); // NOLINT(ctx-unforwarded-token): must not be interrupted
}
