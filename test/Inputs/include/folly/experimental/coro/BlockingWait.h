// Test stand-in for folly (https://github.com/facebook/folly).
// Checked against: tag v2026.04.27.00 (the last tag with this path; there it
// is a shim that only includes folly/coro/BlockingWait.h; removed in
// v2026.05.04.00).
// Upstream path: folly/experimental/coro/BlockingWait.h
// A test stand-in for ctx-tidy's lit tests; not upstream code.

#pragma once

#include <folly/coro/BlockingWait.h>
