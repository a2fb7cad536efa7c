// Loops bounded by the data they walk, in a function that receives a
// token: a pointer stepped along a list until it is null, and an iterator
// of a std::list or std::map (whose `!=` C++20 rewrites to `==`) advanced or
// erased to the end. They end by themselves.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <list>
#include <map>
#include <stop_token>
#include <string>

struct Node {
  Node *next;
  int value;
};

void use(int);

void walk(Node *head, std::stop_token tok) {
  Node *n = head;
  while (n) {
    use(n->value);
    n = n->next;
  }
  for (Node *m = head; m && m->value >= 0; m = m->next)
    use(m->value);
}

void prune(std::list<int> &items, std::stop_token tok) {
  auto it = items.begin();
  while (it != items.end()) {
    if (*it < 0)
      it = items.erase(it);
    else
      ++it;
  }
}

void sum(const std::map<std::string, int> &m, std::stop_token tok) {
  int total = 0;
  for (auto it = m.begin(); it != m.end(); ++it)
    total += it->second;
  use(total);
}
