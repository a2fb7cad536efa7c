//===--- DetachSitesTest.cpp - ctx-tidy unit tests ------------------------===//

#include "lib/DetachSites.h"
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

namespace {

// Minimal declarations under the names the finder and the model know.
const char *const Library = R"cpp(
namespace std {
class stop_token { public: bool stop_requested() const; };
template <class T> T &&move(T &t);
template <class T> class reference_wrapper { T *p; };
template <class T> reference_wrapper<T> ref(T &t);
class thread {
public:
  thread() noexcept;
  template <class F, class... A> explicit thread(F &&, A &&...) {}
  thread(thread &&) noexcept;
  thread &operator=(thread &&) noexcept;
  void join();
  void detach();
  bool joinable() const;
};
template <class T> class future {
public:
  T get();
  void wait() const;
  bool valid() const;
};
enum class launch { async = 1, deferred = 2 };
template <class F> future<int> async(F &&) { return {}; }
template <class F> future<int> async(launch, F &&) { return {}; }
class mutex {};
template <class M> class unique_lock { public: explicit unique_lock(M &); };
class condition_variable {
public:
  void wait(unique_lock<mutex> &);
  void notify_all();
};
template <class> class function;
template <class R, class... A> class function<R(A...)> {
public:
  template <class F> function(F) {}
  R operator()(A...) const;
};
}
namespace boost::asio {
class execution_context {};
class io_context : public execution_context { public: void run(); void stop(); };
class thread_pool : public execution_context { public: void join(); void wait(); };
template <class E, class F> void post(E &, F &&) {}
struct detached_t {};
inline constexpr detached_t detached;
struct use_awaitable_t {};
inline constexpr use_awaitable_t use_awaitable;
template <class E, class F, class T> void co_spawn(E &, F &&, T) {}
}
namespace grpc {
class Status { public: bool ok() const; };
class ClientContext { public: void TryCancel(); };
}
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
  std::string Code;
  std::unique_ptr<ASTUnit> AST;
  ContextModel Model;
  std::unique_ptr<ParentIndex> Parents;
  DetachSiteFinder Finder;

  explicit Fixture(llvm::StringRef Snippet, std::vector<std::string> Calls = {})
      : Code(std::string(Library) + Snippet.str()),
        Finder(Model, std::move(Calls)) {
    AST = tooling::buildASTFromCodeWithArgs(Code, {"-std=c++20"}, "input.cpp");
    EXPECT_FALSE(AST->getDiagnostics().hasErrorOccurred())
        << "the snippet does not compile";
    Parents = std::make_unique<ParentIndex>(AST->getASTContext());
  }
  ASTContext &ctx() { return AST->getASTContext(); }

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
    return Code.substr(ctx().getSourceManager().getFileOffset(Loc), N);
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
  auto R = findBoundReferences(S[0].ForwardedArgs, T.Model, T.ctx());
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
    std::string Text = T.Code.substr(B, E - B);
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

} // namespace
