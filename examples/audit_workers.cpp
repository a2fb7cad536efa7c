// Order service: background audit of accepted orders.
//
// Expected findings:
//   ctx-detached-ref-capture at AuditLauncher::launch: the detached audit
//   thread captures the request's stop token by reference; the handler
//   returns at once, so the thread polls a dead stack slot and the request's
//   cancellation never reaches it (fix-it: capture the token by copy).
//   ctx-detached-ref-capture at AuditLauncher::launchWithCancelButton: the
//   posted task reaches the launcher's cancel source through 'this'; the
//   launcher may be destroyed before the task runs.
// AuditLauncher::launchCorrectly copies the token into the thread, and
// launchWithCancelButtonCorrectly keeps the launcher alive with
// shared_from_this().

#include <boost/asio.hpp>
#include <chrono>
#include <cstdio>
#include <memory>
#include <stop_token>
#include <string>
#include <thread>

namespace orders {

void auditOne(const std::string &OrderId) {
  std::printf("audited %s\n", OrderId.c_str());
}

class AuditLauncher : public std::enable_shared_from_this<AuditLauncher> {
public:
  explicit AuditLauncher(boost::asio::any_io_executor Ex) : Ex(std::move(Ex)) {}

  void launch(std::stop_token RequestTok, std::string OrderId) {
    std::thread([&RequestTok, OrderId] {
      while (!RequestTok.stop_requested()) {
        auditOne(OrderId);
        std::this_thread::sleep_for(std::chrono::seconds(1));
      }
    }).detach();
  }

  void launchCorrectly(std::stop_token RequestTok, std::string OrderId) {
    std::thread([RequestTok, OrderId] {
      while (!RequestTok.stop_requested()) {
        auditOne(OrderId);
        std::this_thread::sleep_for(std::chrono::seconds(1));
      }
    }).detach();
  }

  void launchWithCancelButton() {
    boost::asio::post(Ex, [this] { Cancel.request_stop(); });
  }

  void launchWithCancelButtonCorrectly() {
    boost::asio::post(Ex, [Self = shared_from_this()] {
      Self->Cancel.request_stop();
    });
  }

private:
  boost::asio::any_io_executor Ex;
  std::stop_source Cancel;
};

} // namespace orders

int main() {
  boost::asio::io_context Io;
  auto Launcher = std::make_shared<orders::AuditLauncher>(Io.get_executor());
  std::stop_source Request;
  Launcher->launchCorrectly(Request.get_token(), "A-1");
  Launcher->launchWithCancelButtonCorrectly();
  Io.run();
  Request.request_stop();
  return 0;
}
