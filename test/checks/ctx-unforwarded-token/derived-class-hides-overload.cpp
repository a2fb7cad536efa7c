// A derived class that declares the name hides the base's overloads: the
// call through the derived class cannot reach the base's token overload
// without a using-declaration.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <stop_token>

class Transport {
public:
  int send(int frame);
  int send(int frame, std::stop_token stop);
};

class LoggingTransport : public Transport {
public:
  int send(int frame);
};

int ping(LoggingTransport &t, std::stop_token st) {
  return st.stop_requested() ? 0 : t.send(1);
}
