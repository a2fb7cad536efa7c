//===--- ReceivedTokensTest.cpp - ctx-tidy unit tests ---------------------===//

#include "lib/ReceivedTokens.h"
#include "TestAST.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::tidy::ctx;
using namespace clang::tidy::ctx::test;

namespace {

const char *const Helpers = R"cpp(
void fetch(std::stop_token);
void wait_on(tbb::task_group_context *);
void work();
bool ready();
)cpp";

std::vector<std::string> names(llvm::ArrayRef<ReceivedToken> Tokens) {
  std::vector<std::string> Out;
  for (const ReceivedToken &T : Tokens)
    Out.push_back(T.name());
  return Out;
}

const LambdaExpr *firstLambda(const TestAST &AST, llvm::StringRef Fn) {
  return AST.nth<LambdaExpr>(Fn);
}

TEST(ReceivedTokensTest, ParametersOfTokenTypes) {
  TestAST AST(std::string(Helpers) + R"cpp(
    void f(std::stop_token a, const std::stop_token &b, std::stop_source src,
           tbb::task_group_context &group, grpc::ServerContext *ctx,
           int n, std::stop_token) {}
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  auto Tokens = receivedTokens(AST.function("f"), AST.model(), AST.context());
  // A stop source is not a token (it is the caller's to cancel); a source
  // that is its own token is, when received by reference; a request context
  // through a pointer is. An unnamed token parameter is still received.
  EXPECT_EQ(names(Tokens),
            (std::vector<std::string>{"a", "b", "group", "ctx", ""}));
  ASSERT_EQ(Tokens.size(), 5u);
  EXPECT_FALSE(Tokens[0].ThroughPointer);
  EXPECT_TRUE(Tokens[3].ThroughPointer);
  EXPECT_EQ(Tokens[3].Info->Name, "grpc::ServerContext");
  EXPECT_EQ(Tokens[2].Via, ReceivedVia::Parameter);
  // A note about the unnamed parameter points at its type.
  EXPECT_EQ(Tokens[4].Loc, Tokens[4].Decl->getBeginLoc());
  EXPECT_EQ(Tokens[0].Loc, Tokens[0].Decl->getLocation());
}

TEST(ReceivedTokensTest, ASourceByValueIsNotReceived) {
  TestAST AST(R"cpp(
    struct Owner { tbb::task_group_context *make(); };
    void f(std::stop_source src, grpc::ServerContext &ctx) {}
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  auto Tokens = receivedTokens(AST.function("f"), AST.model(), AST.context());
  EXPECT_EQ(names(Tokens), (std::vector<std::string>{"ctx"}));
}

TEST(ReceivedTokensTest, AClientContextIsReceivedButHasNothingToAsk) {
  TestAST AST(R"cpp(
    void f(grpc::ClientContext *client, grpc::ServerContext *server,
           std::stop_token tok) {}
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  auto Tokens = receivedTokens(AST.function("f"), AST.model(), AST.context());
  ASSERT_EQ(names(Tokens),
            (std::vector<std::string>{"client", "server", "tok"}));
  EXPECT_FALSE(Tokens[0].observable())
      << "the caller's handle to cancel its own call";
  EXPECT_TRUE(Tokens[1].observable()) << "IsCancelled()";
  EXPECT_TRUE(Tokens[2].observable());
}

TEST(ReceivedTokensTest, LambdaParametersAndCaptures) {
  TestAST AST(std::string(Helpers) + R"cpp(
    void f(std::stop_token tok, tbb::task_group_context &outer) {
      std::stop_source src;
      tbb::task_group_context group;
      auto l = [tok, &group, &src, t2 = tok, &outer](std::stop_token own) {
        fetch(tok);
        fetch(t2);
        wait_on(&group);
        wait_on(&outer);
        src.request_stop();
      };
    }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  const LambdaExpr *L = firstLambda(AST, "f");
  ASSERT_NE(L, nullptr);
  auto Tokens = receivedTokens(L, AST.model(), AST.context());
  // Parameters first, then captures in order; a local stop source captured
  // by reference is not a token, a local source that is its own token is.
  EXPECT_EQ(names(Tokens),
            (std::vector<std::string>{"own", "tok", "group", "t2", "outer"}));
  ASSERT_EQ(Tokens.size(), 5u);
  EXPECT_EQ(Tokens[1].Via, ReceivedVia::Capture);
  EXPECT_EQ(Tokens[1].Lambda, L);
  EXPECT_NE(Tokens[1].Capture, nullptr);
  EXPECT_TRUE(cast<VarDecl>(Tokens[3].Decl)->isInitCapture());
}

TEST(ReceivedTokensTest, ImplicitCapturesCount) {
  TestAST AST(std::string(Helpers) + R"cpp(
    void f(std::stop_token tok) {
      auto l = [=] { fetch(tok); };
      auto m = [&] { fetch(tok); };
    }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  EXPECT_EQ(names(receivedTokens(AST.nth<LambdaExpr>("f", 0), AST.model(),
                                 AST.context())),
            (std::vector<std::string>{"tok"}));
  EXPECT_EQ(names(receivedTokens(AST.nth<LambdaExpr>("f", 1), AST.model(),
                                 AST.context())),
            (std::vector<std::string>{"tok"}));
}

TEST(ReceivedTokensTest, CallablesOfStopThreads) {
  TestAST AST(std::string(Helpers) + R"cpp(
    void f() {
      std::jthread direct([](std::stop_token st) { work(); });
      auto body = [] { work(); };
      std::jthread named(body);
      std::vector<std::jthread> pool;
      pool.emplace_back([](std::stop_token) { work(); });
      std::thread plain([] { work(); });
      std::vector<std::thread> plains;
      plains.emplace_back([] { work(); });
      auto unused = [] { work(); };
    }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  auto Thread = [&](unsigned N) {
    return stopThreadStartedWith(AST.nth<LambdaExpr>("f", N), AST.parents(),
                                 AST.model(), AST.context());
  };
  const Expr *Direct = Thread(0);
  ASSERT_NE(Direct, nullptr);
  EXPECT_TRUE(isa<CXXConstructExpr>(Direct));
  EXPECT_NE(Thread(1), nullptr) << "a named lambda given to a jthread";
  const Expr *Emplaced = Thread(2);
  ASSERT_NE(Emplaced, nullptr);
  EXPECT_TRUE(isa<CXXMemberCallExpr>(Emplaced));
  EXPECT_EQ(Thread(3), nullptr) << "std::thread has no stop source";
  EXPECT_EQ(Thread(4), nullptr) << "a container of std::thread";
  EXPECT_EQ(Thread(5), nullptr) << "a lambda no thread runs";
}

/// The uses of the first token that function \p Fn receives.
struct Uses {
  TestAST AST;
  std::unique_ptr<ValueUses> Body;
  std::unique_ptr<TokenUses> Token;
  Uses(llvm::StringRef Code, llvm::StringRef Fn)
      : AST(std::string(Helpers) + Code.str()) {
    EXPECT_TRUE(AST.compiled()) << AST.errors();
    const FunctionDecl *F = AST.function(Fn);
    auto Tokens = receivedTokens(F, AST.model(), AST.context());
    EXPECT_FALSE(Tokens.empty());
    if (Tokens.empty())
      return;
    Body = std::make_unique<ValueUses>(AST.parents(), F->getBody());
    Token = std::make_unique<TokenUses>(Tokens.front(), *Body, AST.model(),
                                        AST.context());
  }
  std::vector<TokenUseKind> kinds() const {
    std::vector<TokenUseKind> Out;
    for (const TokenUse &U : Token->uses())
      Out.push_back(U.Kind);
    return Out;
  }
};

TEST(ReceivedTokensTest, UsesAreClassified) {
  Uses U(R"cpp(
    std::stop_token g;
    std::stop_token f(std::stop_token tok) {
      bool b = tok.stop_requested();
      fetch(tok);
      std::stop_callback cb(tok, [] { work(); });
      auto l = [tok] { return tok.stop_possible(); };
      g = tok;
      return tok;
    }
  )cpp",
         "f");
  ASSERT_TRUE(U.Token);
  // The reference inside the lambda's body is a use too: the lambda holds
  // the token.
  EXPECT_EQ(U.kinds(), (std::vector<TokenUseKind>{
                           TokenUseKind::Asked, TokenUseKind::HandedOn,
                           TokenUseKind::Registered, TokenUseKind::HandedOn,
                           TokenUseKind::Asked, TokenUseKind::Other,
                           TokenUseKind::Other}));
  ASSERT_EQ(U.Token->registrations().size(), 1u);
  const TokenRegistration &R = U.Token->registrations().front();
  ASSERT_NE(R.Variable, nullptr);
  EXPECT_EQ(R.Variable->getName(), "cb");
  ASSERT_NE(R.Callable, nullptr);
  EXPECT_TRUE(isa<LambdaExpr>(R.Callable->IgnoreImplicit()));
}

TEST(ReceivedTokensTest, CopiesAreFollowed) {
  Uses U(R"cpp(
    void f(std::stop_token tok) {
      auto t = tok;
      std::stop_token t2{t};
      const std::stop_token &r = t2;
      fetch(r);
      int unrelated = 0;
    }
  )cpp",
         "f");
  ASSERT_TRUE(U.Token);
  std::vector<std::string> Holders;
  for (const ValueDecl *D : U.Token->holders())
    Holders.push_back(D->getNameAsString());
  EXPECT_EQ(Holders, (std::vector<std::string>{"tok", "t", "t2", "r"}));
  EXPECT_EQ(U.kinds(), (std::vector<TokenUseKind>{
                           TokenUseKind::Copied, TokenUseKind::Copied,
                           TokenUseKind::Copied, TokenUseKind::HandedOn}));
}

TEST(ReceivedTokensTest, PointersAndAddresses) {
  Uses U(R"cpp(
    void observe(grpc::ServerContext &);
    void f(grpc::ServerContext *ctx) {
      bool c = ctx->IsCancelled();
      observe(*ctx);
    }
  )cpp",
         "f");
  ASSERT_TRUE(U.Token);
  EXPECT_EQ(U.kinds(), (std::vector<TokenUseKind>{TokenUseKind::Asked,
                                                  TokenUseKind::HandedOn}));

  Uses Ref(R"cpp(
    void f(tbb::task_group_context &group) { wait_on(&group); }
  )cpp",
           "f");
  ASSERT_TRUE(Ref.Token);
  EXPECT_EQ(Ref.kinds(), (std::vector<TokenUseKind>{TokenUseKind::HandedOn}));
}

TEST(ReceivedTokensTest, ObservedInsideAStatement) {
  Uses U(R"cpp(
    void f(std::stop_token tok) {
      auto t = tok;
      while (ready()) {
        work();
      }
      while (ready()) {
        if (t.stop_requested())
          break;
      }
      for (;;) {
        auto l = [&] { return tok.stop_requested(); };
        if (l())
          return;
      }
    }
  )cpp",
         "f");
  ASSERT_TRUE(U.Token);
  EXPECT_FALSE(U.Token->observedIn(U.AST.nth<WhileStmt>("f", 0)));
  EXPECT_TRUE(U.Token->observedIn(U.AST.nth<WhileStmt>("f", 1)))
      << "asked through a copy";
  EXPECT_TRUE(U.Token->observedIn(U.AST.nth<ForStmt>("f", 0)))
      << "asked inside a lambda defined in the loop";
}

TEST(ReceivedTokensTest, StopCallbacksThatWakeAnObject) {
  Uses U(R"cpp(
    struct Queue { void close(); bool pop(int &); };
    struct Worker {
      std::mutex m;
      std::condition_variable cv;
      std::condition_variable other;
      Queue q;
      void run(std::stop_token tok);
    };
    void Worker::run(std::stop_token tok) {
      std::stop_callback wake(tok, [this] { cv.notify_all(); });
      auto closer = [&] { q.close(); };
      std::stop_callback close(tok, closer);
      while (ready()) {
        std::unique_lock<std::mutex> lk(m);
        cv.wait(lk);
      }
      while (ready()) {
        std::unique_lock<std::mutex> lk(m);
        other.wait(lk);
      }
      int job;
      while (q.pop(job)) {
      }
    }
  )cpp",
         "Worker::run");
  ASSERT_TRUE(U.Token);
  ASSERT_EQ(U.Token->registrations().size(), 2u);
  const TokenRegistration *Waker =
      U.Token->wakerOfCallsIn(U.AST.nth<WhileStmt>("Worker::run", 0));
  ASSERT_NE(Waker, nullptr) << "the callback notifies the member it waits on";
  EXPECT_EQ(Waker->Variable->getName(), "wake");
  EXPECT_EQ(U.Token->wakerOfCallsIn(U.AST.nth<WhileStmt>("Worker::run", 1)),
            nullptr)
      << "another condition variable";
  const TokenRegistration *Closer =
      U.Token->wakerOfCallsIn(U.AST.nth<WhileStmt>("Worker::run", 2));
  ASSERT_NE(Closer, nullptr) << "a named lambda that closes the queue";
  EXPECT_EQ(Closer->Variable->getName(), "close");
}

TEST(ReceivedTokensTest, AWakerMustBeAliveAroundTheStatement) {
  const char *Code = R"cpp(
    void f(std::stop_token tok, std::condition_variable &cv, std::mutex &m) {
      while (ready()) {
        std::unique_lock<std::mutex> lk(m);
        cv.wait(lk);
      }
      std::stop_callback late(tok, [&] { cv.notify_all(); });
      {
        std::stop_callback scoped(tok, [&] { cv.notify_one(); });
      }
      std::stop_callback(tok, [&] { cv.notify_one(); });
    }
    void g(std::stop_token tok, std::condition_variable &cv, std::mutex &m) {
      {
        std::stop_callback scoped(tok, [&] { cv.notify_one(); });
      }
      while (ready()) {
        std::unique_lock<std::mutex> lk(m);
        cv.wait(lk);
      }
    }
  )cpp";
  Uses U(Code, "f");
  ASSERT_TRUE(U.Token);
  EXPECT_EQ(U.Token->registrations().size(), 3u);
  // Registered after the loop, in a block that ended, or as a temporary that
  // deregisters at once: none is alive while the loop waits.
  EXPECT_EQ(U.Token->wakerOfCallsIn(U.AST.nth<WhileStmt>("f", 0)), nullptr);

  Uses G(Code, "g");
  ASSERT_TRUE(G.Token);
  EXPECT_EQ(G.Token->registrations().size(), 1u);
  EXPECT_EQ(G.Token->wakerOfCallsIn(G.AST.nth<WhileStmt>("g", 0)), nullptr)
      << "registered in a block that ended before the loop";
}

TEST(ReceivedTokensTest, MemberCallObjects) {
  TestAST AST(R"cpp(
    struct Cv { void notify(); void wait(); };
    struct S { Cv cv; Cv other; S *next; void f(Cv &c, Cv *p, S &s, S &t); };
    void S::f(Cv &c, Cv *p, S &s, S &t) {
      cv.notify(); this->cv.wait();
      c.notify(); (c).wait();
      p->notify(); (*p).wait();
      s.cv.notify(); s.cv.wait();
      t.cv.wait(); other.wait();
    }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  auto Object = [&](unsigned N) {
    return memberCallObject(AST.nth<CXXMemberCallExpr>("S::f", N));
  };
  for (unsigned N : {0u, 2u, 6u}) {
    ASSERT_NE(Object(N), nullptr);
    EXPECT_TRUE(designatesSameObject(Object(N), Object(N + 1))) << "pair " << N;
  }
  // A pointer and the object it points to are not the same expression of
  // an object: `p->f()` is made on `p`, `(*p).f()` on `*p`.
  ASSERT_NE(Object(4), nullptr);
  EXPECT_FALSE(designatesSameObject(Object(4), Object(5))) << "p and *p";
  EXPECT_FALSE(designatesSameObject(Object(6), Object(8))) << "s.cv and t.cv";
  EXPECT_FALSE(designatesSameObject(Object(0), Object(9))) << "cv and other";
  EXPECT_FALSE(designatesSameObject(Object(2), Object(4))) << "c and p";
}

TEST(ReceivedTokensTest, WhichParametersAcceptAToken) {
  TestAST AST(std::string(Helpers) + R"cpp(
    struct [[clang::annotate("ctx::token")]] DerivedToken : std::stop_token {};
    void by_value(std::stop_token);
    void by_cref(const std::stop_token &);
    void by_ref(std::stop_token &);
    void by_rref(std::stop_token &&);
    void other(folly::CancellationToken);
    void ctx_ptr(grpc::ServerContext *);
    void ctx_ref(grpc::ServerContext &);
    void group_ref(tbb::task_group_context &);
    void group_value(tbb::task_group_context);
    void f(std::stop_token tok, const std::stop_token &ctok, DerivedToken dt,
           grpc::ServerContext *ctx, tbb::task_group_context &group) {
      auto copy = [tok] {};
      auto mut = [tok]() mutable {};
    }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  auto Tokens = receivedTokens(AST.function("f"), AST.model(), AST.context());
  ASSERT_EQ(Tokens.size(), 5u);
  auto Param = [&](llvm::StringRef Fn) {
    for (const Decl *D : AST.context().getTranslationUnitDecl()->decls())
      if (const auto *F = dyn_cast<FunctionDecl>(D))
        if (F->getName() == Fn)
          return F->getParamDecl(0)->getType();
    return QualType();
  };
  auto Accepts = [&](llvm::StringRef Fn, const ReceivedToken &T) {
    return acceptsToken(Param(Fn), T, AST.context());
  };
  const ReceivedToken &Tok = Tokens[0], &CTok = Tokens[1], &DT = Tokens[2],
                      &Ctx = Tokens[3], &Group = Tokens[4];
  EXPECT_TRUE(Accepts("by_value", Tok));
  EXPECT_TRUE(Accepts("by_cref", Tok));
  EXPECT_TRUE(Accepts("by_ref", Tok));
  EXPECT_FALSE(Accepts("by_rref", Tok)) << "a name does not bind to &&";
  EXPECT_FALSE(Accepts("other", Tok)) << "another token type";
  EXPECT_FALSE(Accepts("by_ref", CTok)) << "a const token to a reference";
  EXPECT_TRUE(Accepts("by_cref", CTok));
  EXPECT_TRUE(Accepts("by_value", DT)) << "a derived token to its base";
  EXPECT_TRUE(Accepts("ctx_ptr", Ctx));
  EXPECT_FALSE(Accepts("ctx_ref", Ctx)) << "a pointer to a reference";
  EXPECT_TRUE(Accepts("group_ref", Group));
  EXPECT_FALSE(Accepts("group_value", Group)) << "not copyable";

  // A capture by copy is const in a lambda that is not mutable.
  auto Copy =
      receivedTokens(AST.nth<LambdaExpr>("f", 0), AST.model(), AST.context());
  auto Mut =
      receivedTokens(AST.nth<LambdaExpr>("f", 1), AST.model(), AST.context());
  ASSERT_EQ(Copy.size(), 1u);
  ASSERT_EQ(Mut.size(), 1u);
  EXPECT_FALSE(Accepts("by_ref", Copy[0]));
  EXPECT_TRUE(Accepts("by_cref", Copy[0]));
  EXPECT_TRUE(Accepts("by_ref", Mut[0]));
}

TEST(ReceivedTokensTest, AStopCallbackWakesTheObjectItNotifies) {
  Uses U(R"cpp(
    struct Q {
      std::mutex m;
      std::condition_variable cv;
      std::condition_variable other;
    };
    void f(std::stop_token tok, Q &q) {
      std::unique_lock<std::mutex> lk(q.m);
      q.cv.wait(lk);
      std::stop_callback wake(tok, [&] { q.cv.notify_all(); });
      auto t = tok;
      auto poke = [&q] { q.other.notify_one(); };
      std::stop_callback also(t, poke);
      q.cv.wait(lk);
      q.other.wait(lk);
      {
        std::stop_callback inner(tok, [&] { q.m.unlock(); });
      }
      q.m.lock();
      std::stop_callback(tok, [&] { q.m.unlock(); });
      q.m.lock();
    }
  )cpp",
         "f");
  ASSERT_TRUE(U.Token);
  auto CallObject = [&](llvm::StringRef Method, unsigned N) {
    const auto *C = cast<CXXMemberCallExpr>(U.AST.call(Method, N));
    return std::make_pair(C->getImplicitObjectArgument(),
                          static_cast<const Stmt *>(C));
  };
  auto Wakes = [&](llvm::StringRef Method, unsigned N) {
    auto [Object, Call] = CallObject(Method, N);
    return U.Token->wakeUpFor(Object, Call);
  };
  EXPECT_EQ(Wakes("wait", 0), nullptr) << "registered after the wait";
  const TokenRegistration *R = Wakes("wait", 1);
  ASSERT_NE(R, nullptr);
  EXPECT_EQ(R->Variable->getName(), "wake");
  const TokenRegistration *Named = Wakes("wait", 2);
  ASSERT_NE(Named, nullptr) << "on a copy, through a named lambda";
  EXPECT_EQ(Named->Variable->getName(), "also");
  EXPECT_EQ(Wakes("lock", 0), nullptr)
      << "the registration ended with its block";
  EXPECT_EQ(Wakes("lock", 1), nullptr) << "a temporary registration";
}

TEST(ReceivedTokensTest, ObservedByTheLoopAround) {
  Uses U(R"cpp(
    void poll();
    void f(std::stop_token tok, std::vector<int> &v) {
      while (!tok.stop_requested()) {
        poll();
        for (int x : v)
          poll();
        while (ready())
          poll();
      }
      poll();
      for (;;) {
        poll();
      }
    }
  )cpp",
         "f");
  ASSERT_TRUE(U.Token);
  auto Observed = [&](unsigned N) {
    return U.Token->observedByLoopAround(U.AST.call("poll", N),
                                         U.AST.context());
  };
  EXPECT_TRUE(Observed(0));
  EXPECT_TRUE(Observed(1)) << "a range-for ends by itself; the loop around";
  EXPECT_FALSE(Observed(2)) << "the inner loop never looks";
  EXPECT_FALSE(Observed(3)) << "in no loop";
  EXPECT_FALSE(Observed(4));
}

TEST(ReceivedTokensTest, CallablesOfStopCallbacks) {
  TestAST AST(std::string(Helpers) + R"cpp(
    void f(std::stop_token tok, folly::CancellationToken ft) {
      std::stop_callback cb(tok, [tok] { work(); });
      folly::CancellationCallback fcb(ft, [ft] { work(); });
      std::jthread t([tok](std::stop_token) { work(); });
    }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  auto IsCallback = [&](unsigned N) {
    return isStopCallbackCallable(AST.nth<LambdaExpr>("f", N), AST.parents(),
                                  AST.model(), AST.context());
  };
  EXPECT_TRUE(IsCallback(0));
  EXPECT_TRUE(IsCallback(1));
  EXPECT_FALSE(IsCallback(2));
}

} // namespace
