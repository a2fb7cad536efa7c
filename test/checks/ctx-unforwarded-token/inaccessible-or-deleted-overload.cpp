// Overloads the call could not use: a private one seen from outside the
// class, and a deleted one.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <stop_token>

class Cache {
public:
  int lookup(int key);

private:
  int lookup(int key, std::stop_token stop);
};

int refresh(int key);
int refresh(int key, std::stop_token stop) = delete;

int warm(Cache &c, std::stop_token st) {
  if (st.stop_requested())
    return 0;
  return c.lookup(1) + refresh(2);
}
