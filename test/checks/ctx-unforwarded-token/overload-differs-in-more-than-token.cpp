// Overloads that differ in more than the token: another extra parameter,
// or other parameter types. Passing the token alone would not call them.
// RUN: %check_ctx %s ctx-unforwarded-token %t -std=c++20

#include <stop_token>
#include <string>

void send(const std::string &msg);
void send(const std::string &msg, int retries, std::stop_token stop);

void log_line(const char *line);
void log_line(const std::string &line, std::stop_token stop);

struct Channel {
  void push(int v);
  void push(long v, std::stop_token stop);
};

void worker(Channel &ch, std::stop_token st) {
  while (!st.stop_requested()) {
    send("ping");
    log_line("tick");
    ch.push(1);
  }
}
