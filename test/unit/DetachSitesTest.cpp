//===--- DetachSitesTest.cpp - ctx-tidy unit tests ------------------------===//

#include "lib/DetachSites.h"
#include "TestAST.h"
#include "lib/CaptureAnalysis.h"
#include "lib/WorkEnds.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"
#include <algorithm>

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::ctx;
using namespace clang::tidy::ctx::test;

namespace {

// What the snippets call, besides the stand-ins.
const char *const Library = R"cpp(
namespace orders {
struct Stub {
  void GetOrder(grpc::ClientContext *context, const int *request, int *response,
                std::function<void(grpc::Status)> done);
};
}
namespace jobs {
struct Queue { void submit(std::function<void()>); };
struct Urgent : Queue { void submit(std::function<void()>); };
void run_now(std::function<void()>);
}
bool cond();
void work(std::stop_token);
void keep(std::thread);
)cpp";

struct Fixture {
  TestAST AST;
  const ParentIndex *Parents;
  DetachSiteFinder Finder;

  explicit Fixture(llvm::StringRef Snippet, std::vector<std::string> Calls = {},
                   std::vector<std::string> Background = {})
      : AST(std::string(Library) + Snippet.str()), Parents(&AST.parents()),
        Finder(AST.model(), std::move(Calls), std::move(Background)) {
    EXPECT_TRUE(AST.compiled()) << AST.errors();
  }
  ASTContext &ctx() { return AST.context(); }

  /// The sites started by std::thread constructions in the function \p Fn.
  std::vector<DetachSite> threadSites(llvm::StringRef Fn = "f") {
    std::vector<DetachSite> Out;
    unsigned Started = 0;
    for (const auto &M : match(
             cxxConstructExpr(hasType(cxxRecordDecl(hasName("::std::thread"))),
                              hasAncestor(functionDecl(hasName(Fn))))
                 .bind("e"),
             ctx())) {
      const auto *E = M.getNodeAs<CXXConstructExpr>("e");
      Started += E->getNumArgs() > 0 &&
                 !E->getConstructor()->isCopyOrMoveConstructor();
      if (auto S = Finder.threadSite(E, *Parents))
        Out.push_back(*S);
    }
    if (Started == 0)
      ADD_FAILURE() << "no thread is started in '" << Fn.str() << "'";
    return Out;
  }
  /// The sites started by calls in the function \p Fn.
  std::vector<DetachSite> callSites(llvm::StringRef Fn = "f") {
    std::vector<DetachSite> Out;
    unsigned HandOvers = 0;
    for (const auto &M :
         match(callExpr(hasAncestor(functionDecl(hasName(Fn)))).bind("c"),
               ctx())) {
      const auto *C = M.getNodeAs<CallExpr>("c");
      HandOvers += llvm::any_of(
          C->arguments(), [](const Expr *A) { return lambdaOf(A) != nullptr; });
      if (auto S = Finder.callSite(C, *Parents))
        Out.push_back(*S);
    }
    if (HandOvers == 0)
      ADD_FAILURE() << "no call in '" << Fn.str() << "' is given a lambda";
    return Out;
  }
  /// The source text starting at \p Loc, \p N characters long.
  std::string textAt(SourceLocation Loc, size_t N) {
    if (Loc.isInvalid())
      return "<invalid>";
    return AST.code()
        .substr(ctx().getSourceManager().getFileOffset(Loc), N)
        .str();
  }
};

TEST(DetachSitesTest, TemporaryThreadDetached) {
  Fixture T(R"cpp(
    void f(std::stop_token tok) {
      std::thread([&tok] { (void)tok.stop_requested(); }).detach();
    }
  )cpp");
  auto S = T.threadSites();
  ASSERT_EQ(S.size(), 1u);
  EXPECT_EQ(S[0].Kind, DetachKind::DetachedThread);
  EXPECT_EQ(S[0].Callee, "std::thread");
  EXPECT_EQ(T.textAt(S[0].At, 6), "detach");
  EXPECT_NE(lambdaOf(S[0].Callable), nullptr);
  EXPECT_TRUE(S[0].ForwardedArgs.empty());
}

TEST(DetachSitesTest, JoinedThreadIsNoSite) {
  Fixture T(R"cpp(
    void f(std::stop_token tok) {
      std::thread t([&tok] { (void)tok.stop_requested(); });
      if (cond())
        (void)0;
      t.join();
    }
  )cpp");
  EXPECT_TRUE(T.threadSites().empty());
}

TEST(DetachSitesTest, ThreadDetachedOnOnePathIsASite) {
  Fixture T(R"cpp(
    void f(std::stop_token tok) {
      std::thread t([&tok] { (void)tok.stop_requested(); });
      if (cond()) t.join();
      else t.detach();
    }
  )cpp");
  auto S = T.threadSites();
  ASSERT_EQ(S.size(), 1u);
  EXPECT_EQ(T.textAt(S[0].At, 6), "detach");
}

TEST(DetachSitesTest, ThreadMovedElsewhereOrDetachedBeforeStartIsNoSite) {
  // Moved to keep(): the receiver decides. The detach() of the empty thread
  // happens before the one that runs the lambda is assigned.
  Fixture T(R"cpp(
    void f(std::stop_token tok) {
      std::thread t([&tok] { (void)tok.stop_requested(); });
      keep(std::move(t));
    }
    void g(std::stop_token tok) {
      std::thread t;
      t.detach();
      t = std::thread([&tok] { (void)tok.stop_requested(); });
      t.join();
    }
  )cpp");
  EXPECT_TRUE(T.threadSites("f").empty());
  EXPECT_TRUE(T.threadSites("g").empty());
}

TEST(DetachSitesTest, ForwardedArgumentsAndTheFunctionTheyGoTo) {
  Fixture T(R"cpp(
    void f(std::stop_token tok) {
      std::thread(work, std::ref(tok)).detach();
    }
  )cpp");
  auto S = T.threadSites();
  ASSERT_EQ(S.size(), 1u);
  ASSERT_NE(S[0].ForwardedTo, nullptr);
  EXPECT_EQ(S[0].ForwardedTo->getName(), "work");
  ASSERT_EQ(S[0].ForwardedArgs.size(), 1u);
  auto R = findBoundReferences(S[0].ForwardedArgs, T.AST.model(), T.ctx());
  ASSERT_EQ(R.size(), 1u);
  EXPECT_EQ(R[0].Object->getName(), "tok");
}

TEST(DetachSitesTest, MainThatWaitsAfterDetachingIsNoSite) {
  Fixture T(R"cpp(
    std::mutex m;
    std::condition_variable cv;
    int main() {
      std::stop_token tok;
      std::thread([&tok] { (void)tok.stop_requested(); }).detach();
      std::unique_lock<std::mutex> lock(m);
      cv.wait(lock);
    }
  )cpp");
  EXPECT_TRUE(T.threadSites("main").empty());
  Fixture U(R"cpp(
    int main() {
      std::stop_token tok;
      std::thread([&tok] { (void)tok.stop_requested(); }).detach();
      return 0;
    }
  )cpp");
  EXPECT_EQ(U.threadSites("main").size(), 1u);
}

TEST(DetachSitesTest, AsyncWhoseFutureEscapesButNotOneThatIsWaited) {
  Fixture T(R"cpp(
    std::future<int> f(std::stop_token tok) {
      auto waited = std::async([&tok] { return 1; });
      waited.get();
      std::async([&tok] { return 2; });
      return std::async(std::launch::async, [&tok] { return 3; });
    }
  )cpp");
  auto S = T.callSites();
  ASSERT_EQ(S.size(), 1u);
  EXPECT_EQ(S[0].Kind, DetachKind::EscapingAsync);
  EXPECT_EQ(S[0].Callee, "std::async");
  EXPECT_EQ(T.textAt(S[0].At, 6), "return");
  // The launch policy is not the callable.
  const LambdaExpr *L = lambdaOf(S[0].Callable);
  ASSERT_NE(L, nullptr);
  EXPECT_NE(T.textAt(L->getBody()->getBeginLoc(), 12).find("return 3"),
            std::string::npos);

  Fixture U(R"cpp(
    struct Worker {
      std::future<int> fut_;
      void f(std::stop_token tok) { fut_ = std::async([&tok] { return 1; }); }
    };
  )cpp");
  auto M = U.callSites();
  ASSERT_EQ(M.size(), 1u);
  EXPECT_EQ(U.textAt(M[0].At, 6), "fut_ =");
}

TEST(DetachSitesTest, CoSpawnOnlyWithTheDetachedToken) {
  Fixture T(R"cpp(
    struct Strand {};
    void f(Strand &ex, std::stop_token tok) {
      boost::asio::co_spawn(ex, [&] { (void)tok.stop_requested(); },
                            boost::asio::use_awaitable);
      boost::asio::co_spawn(ex, [&] { (void)tok.stop_requested(); },
                            boost::asio::detached);
    }
  )cpp");
  auto S = T.callSites();
  ASSERT_EQ(S.size(), 1u);
  EXPECT_EQ(S[0].Callee, "boost::asio::co_spawn");
  const auto *Call = dyn_cast_or_null<CallExpr>(
      T.Parents->parentOf(DynTypedNode::create(*S[0].Callable)).get<Stmt>());
  ASSERT_NE(Call, nullptr);
  EXPECT_EQ(T.textAt(Call->getArg(2)->getBeginLoc(), 20),
            "boost::asio::detache");
}

TEST(DetachSitesTest, DefaultDetachingCallBoostAsioPost) {
  Fixture T(R"cpp(
    struct Strand {};
    void f(Strand &ex, std::stop_token tok) {
      boost::asio::post(ex, [&] { (void)tok.stop_requested(); });
    }
  )cpp");
  auto S = T.callSites();
  ASSERT_EQ(S.size(), 1u);
  EXPECT_EQ(S[0].Kind, DetachKind::FireAndForget);
  EXPECT_EQ(S[0].Callee, "boost::asio::post");
  EXPECT_EQ(T.textAt(S[0].At, 5), "post(");
  EXPECT_NE(lambdaOf(S[0].Callable), nullptr);
  EXPECT_EQ(S[0].LocalExecutionContext, nullptr);
  // The defaults are always there.
  bool HasPost = false;
  for (const char *const *D = DefaultDetachingCalls; *D; ++D)
    HasPost |= llvm::StringRef(*D) == "boost::asio::post";
  EXPECT_TRUE(HasPost);
}

TEST(DetachSitesTest, LocalExecutionContextRunOnEveryPathIsNoSite) {
  Fixture T(R"cpp(
    void ran(std::stop_token tok) {
      boost::asio::io_context io;
      boost::asio::post(io, [&] { (void)tok.stop_requested(); });
      io.run();
    }
    void skipped(std::stop_token tok) {
      boost::asio::io_context io;
      boost::asio::post(io, [&] { (void)tok.stop_requested(); });
      if (cond())
        return;
      io.run();
    }
  )cpp");
  EXPECT_TRUE(T.callSites("ran").empty());
  auto S = T.callSites("skipped");
  ASSERT_EQ(S.size(), 1u);
  ASSERT_NE(S[0].LocalExecutionContext, nullptr);
  EXPECT_EQ(S[0].LocalExecutionContext->getName(), "io");
}

TEST(DetachSitesTest, ConfiguredMemberMatchesDerivedClassesOnly) {
  const char *const Code = R"cpp(
    void f(jobs::Urgent &q, std::stop_token tok) {
      q.submit([&] { (void)tok.stop_requested(); });
      jobs::run_now([&] { (void)tok.stop_requested(); });
    }
  )cpp";
  Fixture Unconfigured(Code);
  EXPECT_TRUE(Unconfigured.callSites().empty());
  Fixture T(Code, {" ::jobs::Queue::submit "});
  auto S = T.callSites();
  ASSERT_EQ(S.size(), 1u);
  // Matched through the base class; named as the call names it.
  EXPECT_EQ(S[0].Callee, "jobs::Urgent::submit");
  EXPECT_EQ(T.textAt(S[0].At, 6), "submit");
}

TEST(DetachSitesTest, GrpcCallbackOnALocalContextNotWaitedFor) {
  Fixture T(R"cpp(
    void f(orders::Stub *stub, int *reply) {
      grpc::ClientContext ctx;
      int req = 0;
      stub->GetOrder(&ctx, &req, reply, [&](grpc::Status s) {
        if (!s.ok()) ctx.TryCancel();
      });
    }
  )cpp");
  auto S = T.callSites();
  ASSERT_EQ(S.size(), 1u);
  EXPECT_EQ(S[0].Kind, DetachKind::GrpcCallback);
  EXPECT_EQ(S[0].Callee, "GetOrder");
  EXPECT_EQ(T.textAt(S[0].At, 8), "GetOrder");
  // Falling off the end: the note goes to the closing brace.
  EXPECT_EQ(T.textAt(S[0].UnwaitedExit, 1), "}");
  EXPECT_NE(lambdaOf(S[0].Callable), nullptr);
}

TEST(DetachSitesTest, GrpcCallbackWaitedForOrOnAContextFromElsewhere) {
  Fixture T(R"cpp(
    std::mutex m;
    std::condition_variable cv;
    void f(orders::Stub *stub, int *reply) {
      grpc::ClientContext ctx;
      int req = 0;
      bool done = false;
      stub->GetOrder(&ctx, &req, reply, [&](grpc::Status) { done = true; cv.notify_all(); });
      std::unique_lock<std::mutex> lock(m);
      while (!done) cv.wait(lock);
    }
    void g(orders::Stub *stub, grpc::ClientContext *ctx, int *reply) {
      int req = 0;
      stub->GetOrder(ctx, &req, reply, [ctx](grpc::Status) { ctx->TryCancel(); });
    }
    void h(orders::Stub *stub, int *reply) {
      grpc::ClientContext ctx;
      int req = 0;
      bool done = false;
      stub->GetOrder(&ctx, &req, reply, [&](grpc::Status) { done = true; cv.notify_all(); });
      if (cond())
        return;
      std::unique_lock<std::mutex> lock(m);
      while (!done) cv.wait(lock);
    }
  )cpp");
  EXPECT_TRUE(T.callSites("f").empty());
  EXPECT_TRUE(T.callSites("g").empty());
  auto S = T.callSites("h");
  ASSERT_EQ(S.size(), 1u);
  EXPECT_EQ(T.textAt(S[0].UnwaitedExit, 6), "return");
}

TEST(DetachSitesTest, BlockingWaits) {
  Fixture T(R"cpp(
    struct Other { void wait(); void join(); };
    void f(std::thread &t, std::future<int> &fut, std::condition_variable &cv,
           std::unique_lock<std::mutex> &lock, boost::asio::io_context &io,
           boost::asio::thread_pool &pool, Other &o) {
      t.join(); (void)fut.get(); fut.wait(); cv.wait(lock); io.run();
      pool.join(); pool.wait();
      t.detach(); (void)fut.valid(); cv.notify_all(); io.stop(); o.wait();
      o.join(); (void)t.joinable();
    }
  )cpp");
  std::vector<std::string> Waits, Others;
  for (const auto &M : match(
           cxxMemberCallExpr(hasAncestor(functionDecl(hasName("f")))).bind("c"),
           T.ctx())) {
    const auto *C = M.getNodeAs<CXXMemberCallExpr>("c");
    const SourceManager &SM = T.ctx().getSourceManager();
    unsigned B = SM.getFileOffset(C->getBeginLoc());
    unsigned E = SM.getFileOffset(C->getEndLoc());
    std::string Text = T.AST.code().substr(B, E - B).str();
    (isBlockingWait(C) ? Waits : Others).push_back(Text);
  }
  std::sort(Waits.begin(), Waits.end());
  std::sort(Others.begin(), Others.end());
  EXPECT_EQ(Waits, (std::vector<std::string>{
                       "cv.wait(lock", "fut.get(", "fut.wait(", "io.run(",
                       "pool.join(", "pool.wait(", "t.join("}));
  EXPECT_EQ(Others, (std::vector<std::string>{"cv.notify_all(", "fut.valid(",
                                              "io.stop(", "o.join(", "o.wait(",
                                              "t.detach(", "t.joinable("}));
  EXPECT_FALSE(isBlockingWait(nullptr));
}

// Seastar's future, cut down to the members the model looks at
// (seastar/core/future.hh).
const char *const SeastarFuture = R"cpp(
namespace seastar {
template <class T = void> class future {
public:
  future(future &&) noexcept;
  future &operator=(future &&) noexcept;
  ~future();
  template <class F> future<T> then(F &&f) {
    return static_cast<future &&>(*this);
  }
  template <class F> future<T> finally(F &&f) {
    return static_cast<future &&>(*this);
  }
  template <class F> future<T> handle_exception(F &&f) {
    return static_cast<future &&>(*this);
  }
  future<> discard_result();
  T get();
};
} // namespace seastar
namespace jobs {
void run_in_background(seastar::future<>);
void keep(seastar::future<>);
}
seastar::future<> flush();
)cpp";

TEST(DetachSitesTest, DiscardedContinuationsAreSites) {
  Fixture T(std::string(SeastarFuture) + R"cpp(
    void f(std::stop_token tok) {
      (void)flush().then([&tok] { work(tok); });
      std::ignore = flush().finally([&tok] { work(tok); });
      flush().then([&tok] { work(tok); });
      (void)flush().then([&tok] { work(tok); }).discard_result();
    }
  )cpp");
  auto S = T.callSites();
  ASSERT_EQ(S.size(), 4u);
  for (const DetachSite &Site : S) {
    EXPECT_EQ(Site.Kind, DetachKind::DiscardedContinuation);
    EXPECT_NE(lambdaOf(Site.Callable), nullptr);
    EXPECT_TRUE(Site.Callee.empty());
  }
  EXPECT_EQ(T.textAt(S[0].At, 6), "(void)");
  EXPECT_EQ(T.textAt(S[1].At, 11), "std::ignore");
  EXPECT_EQ(T.textAt(S[2].At, 13), "flush().then(");
  EXPECT_EQ(T.textAt(S[3].At, 6), "(void)");
}

TEST(DetachSitesTest, EveryLinkOfADiscardedChainIsASite) {
  Fixture T(std::string(SeastarFuture) + R"cpp(
    void f(std::stop_token tok) {
      (void)flush()
          .then([&tok] { work(tok); })
          .handle_exception([&tok](int) { work(tok); })
          .finally([&tok] { work(tok); });
    }
  )cpp");
  auto S = T.callSites();
  ASSERT_EQ(S.size(), 3u);
  for (const DetachSite &Site : S)
    EXPECT_EQ(T.textAt(Site.At, 6), "(void)");
}

TEST(DetachSitesTest, ContinuationsKeptOrWaitedForAreNoSites) {
  Fixture T(std::string(SeastarFuture) + R"cpp(
    extern seastar::future<> kept_member;
    seastar::future<> f(std::stop_token tok) {
      auto stored = flush().then([&tok] { work(tok); });
      kept_member = flush().then([&tok] { work(tok); });
      jobs::keep(flush().then([&tok] { work(tok); }));
      flush().then([&tok] { work(tok); }).get();
      (void)(cond() ? flush().then([&tok] { work(tok); }) : flush());
      return flush().finally([&tok] { work(tok); });
    }
  )cpp");
  EXPECT_TRUE(T.callSites().empty());
}

TEST(DetachSitesTest, FutureHandedToABackgroundCallIsDiscarded) {
  Fixture T(std::string(SeastarFuture) + R"cpp(
    void f(std::stop_token tok) {
      jobs::run_in_background(flush().then([&tok] { work(tok); }));
      jobs::keep(flush().then([&tok] { work(tok); }));
    }
  )cpp",
            {}, {"jobs::run_in_background"});
  auto S = T.callSites();
  ASSERT_EQ(S.size(), 1u);
  EXPECT_EQ(S[0].Kind, DetachKind::DiscardedContinuation);
  EXPECT_EQ(S[0].Callee, "jobs::run_in_background");
  EXPECT_EQ(T.textAt(S[0].At, 17), "run_in_background");
}

TEST(DetachSitesTest, DiscardedFutureOfAContinuation) {
  Fixture T(std::string(SeastarFuture) + R"cpp(
    void f() {
      (void)flush().then([] {}).finally([] {});
      jobs::run_in_background(flush().then([] {}));
      flush().then([] {}).get();
    }
  )cpp");
  FunctionNameSet Background;
  Background.add("jobs::run_in_background");
  FunctionNameSet None;
  auto Then = [&](unsigned N) { return T.AST.call("then", N); };
  ASSERT_NE(Then(2), nullptr);
  std::optional<FutureDiscard> Cast =
      discardedFutureOf(Then(0), *T.Parents, None);
  ASSERT_TRUE(Cast.has_value());
  EXPECT_EQ(T.textAt(Cast->At, 6), "(void)");
  EXPECT_EQ(Cast->HandedTo, nullptr);
  EXPECT_FALSE(discardedFutureOf(Then(1), *T.Parents, None).has_value());
  std::optional<FutureDiscard> Handed =
      discardedFutureOf(Then(1), *T.Parents, Background);
  ASSERT_TRUE(Handed.has_value());
  ASSERT_NE(Handed->HandedTo, nullptr);
  EXPECT_EQ(Handed->HandedTo->getName(), "run_in_background");
  EXPECT_FALSE(discardedFutureOf(Then(2), *T.Parents, Background).has_value());
  EXPECT_FALSE(discardedFutureOf(nullptr, *T.Parents, None).has_value());
}

} // namespace
