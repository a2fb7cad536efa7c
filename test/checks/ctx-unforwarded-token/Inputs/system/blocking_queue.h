// A library header included as a system header: its code is not analysed.
#pragma once
#include <condition_variable>
#include <mutex>
#include <stop_token>

namespace vendor {
inline int pop_blocking(std::mutex &mu, std::condition_variable &cv, int &n,
                        std::stop_token st) {
  std::unique_lock<std::mutex> lk(mu);
  cv.wait(lk, [&] { return n > 0 || st.stop_requested(); });
  return n--;
}
} // namespace vendor
