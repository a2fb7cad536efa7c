// The token overload is declared by a base class and found through the
// derived class the call names, as the compiler finds it.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <stop_token>

class BlockingReader {
public:
  int read(char *buf, int n);
  int read(char *buf, int n, std::stop_token stop);
};

class FileReader : public BlockingReader {
public:
  void open(const char *path);
};

int read_all(FileReader &r, char *buf, std::stop_token st) {
  int total = 0;
  while (!st.stop_requested()) {
    int got = r.read(buf + total, 4096);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: call to 'read' does not pass stop token 'st'; an overload that takes it exists [ctx-unforwarded-token]
    // CHECK-MESSAGES: :10:7: note: overload that takes it: 'read(char *, int, std::stop_token)'
    // CHECK-FIXES: int got = r.read(buf + total, 4096, st);
    if (got <= 0)
      break;
    total += got;
  }
  return total;
}
