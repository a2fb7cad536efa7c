// A static data member declared in its class and defined in another
// translation unit may be pruned there, as an extern container may: no
// finding for the stores this file makes.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20

#include <map>
#include <stop_token>
#include <string>

struct InFlight {
  static std::map<std::string, std::stop_source> sources;
  static std::map<int, std::stop_token> tokens;
};

void track(const std::string &id, int n, std::stop_token tok) {
  std::stop_source src;
  InFlight::sources.emplace(id, src);
  InFlight::tokens[n] = tok;
}
