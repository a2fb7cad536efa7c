// The map is handed by non-const reference to a function defined elsewhere,
// which may prune it.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++17,c++20 -- -I%S/Inputs

#include "audit_registry.h"

static std::map<std::string, std::shared_ptr<grpc::ClientContext>> g_local;

void remember(const std::string &id) {
  g_local[id] = std::make_shared<grpc::ClientContext>();
}

void maintenance() { audit::prune(g_local); }
