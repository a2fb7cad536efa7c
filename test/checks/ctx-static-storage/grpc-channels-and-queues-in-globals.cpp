// gRPC objects that are not per-request contexts may be global: a channel
// shared by every call, a completion queue, a stub. Only ClientContext and
// ServerContext are a call's.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++17

#include <grpcpp/grpcpp.h>
#include <map>
#include <memory>
#include <string>

static std::map<std::string, std::shared_ptr<grpc::Channel>> g_channels;
static grpc::CompletionQueue *g_queue = nullptr;

std::shared_ptr<grpc::Channel> channel_for(const std::string &target) {
  auto &slot = g_channels[target];
  if (!slot)
    slot = grpc::CreateChannel(target, grpc::InsecureChannelCredentials());
  return slot;
}

void use_queue(grpc::CompletionQueue *cq) { g_queue = cq; }
