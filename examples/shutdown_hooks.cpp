// Order service: aborting in-flight work when the service shuts down.
//
// Expected findings:
//   ctx-temporary-callback at OrderStream::serve: the stop callback that should
//   abort the upstream read is a temporary, deregistered at once, so shutdown
//   waits for the read to time out instead of aborting it.
// OrderStream::serveCorrectly keeps the registration for the whole read.

#include <cstdio>
#include <functional>
#include <stop_token>
#include <string>
#include <thread>

namespace orders {

class Upstream {
public:
  std::string read() { return "order"; }
  void abort() { std::puts("upstream read aborted"); }
};

class OrderStream {
public:
  explicit OrderStream(Upstream &up) : Up(up) {}

  std::string serve(std::stop_token shutdown) {
    std::stop_callback(shutdown, [this] { Up.abort(); }); // leak: dies here
    return Up.read();
  }

  std::string serveCorrectly(std::stop_token shutdown) {
    std::stop_callback abortOnShutdown(shutdown, [this] { Up.abort(); });
    return Up.read();
  }

private:
  Upstream &Up;
};

} // namespace orders

int main() {
  orders::Upstream up;
  orders::OrderStream stream(up);
  std::jthread worker([&](std::stop_token st) { stream.serveCorrectly(st); });
  std::printf("%s\n", stream.serve(worker.get_stop_token()).c_str());
}
