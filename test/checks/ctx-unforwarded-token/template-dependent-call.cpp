// In a template, a call whose callee depends on the template's parameters
// is skipped: which overloads exist is only known per instantiation.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <stop_token>

template <class Client> int query(Client &c, std::stop_token st) {
  if (st.stop_requested())
    return 0;
  return c.get(1) + Client::count(2);
}

struct Db {
  int get(int key);
  int get(int key, std::stop_token stop);
  static int count(int table);
  static int count(int table, std::stop_token stop);
};

int use(Db &db, std::stop_token st) { return query(db, st); }
