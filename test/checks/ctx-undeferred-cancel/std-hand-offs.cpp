// The handle leaves the function: returned, moved, stored, copied into a
// container, captured by an escaping lambda, or passed by reference. The
// receiver owns the cancel now, as lostcancel trusts it.
// RUN: %check_ctx %s ctx-undeferred-cancel %t -std=c++20

#include <functional>
#include <map>
#include <stop_token>
#include <thread>
#include <utility>
#include <vector>

void work(std::stop_token tok);
bool fail();

std::stop_source returned() {
  std::stop_source src;
  std::thread(work, src.get_token()).detach();
  return src;
}

struct Registry {
  std::vector<std::stop_source> sources;
  std::map<int, std::stop_source> byId;
  std::stop_source current;
  void adopt(std::stop_source s);
  void track(std::stop_source &s);
  void moved(int id);
  void stored();
  void copied(int id);
  void by_reference();
  void on_shutdown(std::function<void()> f);
  void lambda_escapes();
};

void Registry::moved(int id) {
  std::stop_source src;
  std::thread(work, src.get_token()).detach();
  if (id > 0)
    adopt(std::move(src));
  else
    src.request_stop();
}

void Registry::stored() {
  std::stop_source src;
  std::thread(work, src.get_token()).detach();
  current = src;
}

void Registry::copied(int id) {
  std::stop_source src;
  std::thread(work, src.get_token()).detach();
  sources.push_back(src);
  byId[id] = src;
}

void Registry::by_reference() {
  std::stop_source src;
  std::thread(work, src.get_token()).detach();
  track(src);
}

void Registry::lambda_escapes() {
  std::stop_source src;
  std::thread(work, src.get_token()).detach();
  on_shutdown([src]() mutable { src.request_stop(); });
}
