// A third-party header on the system include path: not analysed.
#include <stop_token>

void vendor_step();

inline void vendor_loop(std::stop_token tok) {
  for (;;)
    vendor_step();
}
