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

} // namespace
