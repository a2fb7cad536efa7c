#include <stop_token>

void log_cancelled();
int unused_helper(int x) { if (x) { return 1; } else { return 2; } }

void handler(std::stop_token tok) {
  // The callback below never runs: the temporary deregisters at once.
  std::stop_callback(tok, [] { log_cancelled(); });
}
