// A token whose type is a template parameter is not known until
// instantiation, and instantiations are not analysed: nothing is reported.
// RUN: %check_ctx %s ctx-unobserved-token %t -std=c++20

#include <stop_token>

void step();

template <class Token> void spin(Token tok) {
  for (;;)
    step();
}

void use() { spin(std::stop_token{}); }
