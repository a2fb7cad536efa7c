// registry() is declared in a header, so other files reach the static map
// through it and may erase from it.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++17,c++20 -- -I%S/Inputs

#include "audit_registry.h"

namespace audit {
std::map<int, std::shared_ptr<grpc::ClientContext>> &registry() {
  static std::map<int, std::shared_ptr<grpc::ClientContext>> calls;
  return calls;
}

void call(int id) {
  registry().emplace(id, std::make_shared<grpc::ClientContext>());
}
} // namespace audit
