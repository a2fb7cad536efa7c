// A container declared in a header may be emptied by another translation
// unit: nothing here can prove it is never removed from.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++17,c++20 -- -I%S/Inputs

#include "audit_registry.h"

namespace audit {
std::map<std::string, std::shared_ptr<grpc::ClientContext>> g_pending;

void remember(const std::string &id) {
  auto ctx = std::make_shared<grpc::ClientContext>();
  g_pending[id] = ctx;
}
} // namespace audit
