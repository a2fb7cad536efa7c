// Stores made in main set up the process: they are not a request's.
// RUN: %check_ctx %s ctx-static-storage %t -std=c++20

#include <map>
#include <stop_token>
#include <vector>

std::vector<std::stop_source> g_sources;
std::stop_token g_root_token;
std::map<int, std::stop_source *> g_by_id;

int main() {
  std::stop_source root;
  g_sources.push_back(root);
  g_root_token = root.get_token();
  g_by_id[0] = &root;
  return 0;
}
