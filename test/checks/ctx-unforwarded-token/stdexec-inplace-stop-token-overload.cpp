// stdexec's inplace_stop_token, received by a worker and left out of a
// call to an API that has a variant taking it.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <stdexec/stop_token.hpp>

struct Chunk {
  int size = 0;
};
Chunk read_chunk(int fd);
Chunk read_chunk(int fd, stdexec::inplace_stop_token stop);

int copy_all(int fd, stdexec::inplace_stop_token stop) {
  int total = 0;
  while (!stop.stop_requested()) {
    Chunk c = read_chunk(fd);
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: call to 'read_chunk' does not pass stop token 'stop'; an overload that takes it exists [ctx-unforwarded-token]
    // CHECK-MESSAGES: :11:7: note: overload that takes it: 'read_chunk(int, stdexec::inplace_stop_token)'
    // CHECK-FIXES: Chunk c = read_chunk(fd, stop);
    if (c.size == 0)
      break;
    total += c.size;
  }
  return total;
}
