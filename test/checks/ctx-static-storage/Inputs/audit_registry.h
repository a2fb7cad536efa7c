// A registry shared with other translation units: any of them may erase.
#pragma once

#include <map>
#include <memory>
#include <string>

#include <grpcpp/grpcpp.h>

namespace audit {
extern std::map<std::string, std::shared_ptr<grpc::ClientContext>> g_pending;
std::map<int, std::shared_ptr<grpc::ClientContext>> &registry();
void prune(std::map<std::string, std::shared_ptr<grpc::ClientContext>> &m);
} // namespace audit
