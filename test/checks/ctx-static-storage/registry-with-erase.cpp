// The legitimate in-flight registry: entries are erased when the call
// completes, so the map holds only live requests.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++17,c++20

#include <map>
#include <memory>
#include <mutex>

#include <grpcpp/grpcpp.h>

namespace {
std::mutex g_mu;
std::map<long, std::shared_ptr<grpc::ClientContext>> g_inflight;
} // namespace

void start_call(long id) {
  auto ctx = std::make_shared<grpc::ClientContext>();
  std::lock_guard<std::mutex> lock(g_mu);
  g_inflight[id] = ctx;
}

void finish_call(long id) {
  std::lock_guard<std::mutex> lock(g_mu);
  g_inflight.erase(id);
}

void cancel_everything() {
  std::lock_guard<std::mutex> lock(g_mu);
  for (auto &entry : g_inflight)
    entry.second->TryCancel();
}
