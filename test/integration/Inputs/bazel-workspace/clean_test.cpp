// Runs the clean reader once.
#include <stop_token>
#include <string>

namespace orders {
std::string fetch(std::stop_token shutdown, bool &aborted);
} // namespace orders

int main() {
  bool aborted = false;
  return orders::fetch(std::stop_token(), aborted).empty() ? 1 : 0;
}
