// Loops that end by themselves: a range-for, and loops whose condition
// compares a variable the loop steps (or a conjunction with such a
// comparison), including iterators and pointers it advances.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <list>
#include <map>
#include <stop_token>
#include <string>
#include <vector>

void use(int);

void loops(std::stop_token tok, const std::vector<int> &v,
           const std::map<std::string, int> &m, std::list<int> &l,
           const char *text, unsigned retries) {
  for (int x : v)
    use(x);
  for (std::size_t i = 0; i < v.size(); ++i)
    use(v[i]);
  for (auto it = m.begin(); it != m.end(); ++it)
    use(it->second);
  std::size_t j = 0;
  bool found = false;
  while (j < v.size() && !found) {
    found = v[j] == 42;
    j += 1;
  }
  auto it = l.begin();
  while (it != l.end())
    it = l.erase(it);
  while (retries-- > 0)
    use(0);
  int n = 100;
  do {
    n /= 2;
    n -= 1;
  } while (n > 0);
  const char *p = text;
  while (p != nullptr && *p != '\0')
    p = p + 1;
}
