// A stop callback registered on the token inside the loop observes it (its
// callback runs on a stop request while the iteration blocks).
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <stop_token>

struct Socket {
  int receive();
  void shutdown();
};

void handle(int);

void serve(Socket &sock, std::stop_token tok) {
  for (;;) {
    std::stop_callback unblock(tok, [&] { sock.shutdown(); });
    int n = sock.receive();
    if (n <= 0)
      return;
    handle(n);
  }
}
