//===--- ValueOriginTest.cpp - ctx-tidy unit tests ------------------------===//

#include "lib/ValueOrigin.h"
#include "TestAST.h"
#include "clang/AST/ExprCXX.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::tidy::ctx;
using namespace clang::tidy::ctx::test;

namespace {

const char *const Helpers = R"cpp(
void take(std::stop_token);
std::stop_token make_token();
std::stop_token g_token;
struct Service {
  std::stop_token Tok;
  static std::stop_token Shared;
  void run();
};
)cpp";

/// The origin of the argument of the last call to take() in the snippet.
struct ArgOrigin {
  TestAST AST;
  Origin O;
  explicit ArgOrigin(llvm::StringRef Code, unsigned Call = 0)
      : AST(std::string(Helpers) + Code.str()) {
    EXPECT_TRUE(AST.compiled()) << AST.errors();
    const CallExpr *C = AST.call("take", Call);
    EXPECT_NE(C, nullptr);
    if (C)
      O = originOf(C->getArg(0), AST.model(), AST.context());
  }
  std::string declName() const {
    return O.Decl ? O.Decl->getNameAsString() : "";
  }
};

TEST(ValueOriginTest, TheReceivedParameter) {
  ArgOrigin A("void f(std::stop_token tok) { take(tok); }");
  EXPECT_EQ(A.O.Kind, OriginKind::Parameter);
  EXPECT_EQ(A.declName(), "tok");
  EXPECT_TRUE(A.O.Through.empty());
  EXPECT_TRUE(A.O.Copied) << "passed by value: the argument is a copy";
}

TEST(ValueOriginTest, ACopyOfTheParameterThroughLocals) {
  ArgOrigin A(R"cpp(
    void f(std::stop_token tok) {
      auto t = tok;
      const std::stop_token &r = t;
      take(std::move(r));
    }
  )cpp");
  EXPECT_EQ(A.O.Kind, OriginKind::Parameter);
  EXPECT_EQ(A.declName(), "tok");
  ASSERT_EQ(A.O.Through.size(), 2u);
  EXPECT_EQ(A.O.Through[0]->getName(), "r");
  EXPECT_EQ(A.O.Through[1]->getName(), "t");
  EXPECT_FALSE(A.O.Captured);
}

TEST(ValueOriginTest, AParameterCapturedByALambda) {
  ArgOrigin ByCopy("void f(std::stop_token tok) { [tok] { take(tok); }(); }");
  EXPECT_EQ(ByCopy.O.Kind, OriginKind::Parameter);
  EXPECT_EQ(ByCopy.declName(), "tok");
  EXPECT_TRUE(ByCopy.O.Captured);

  ArgOrigin Init("void f(std::stop_token tok) { [t = tok] { take(t); }(); }");
  EXPECT_EQ(Init.O.Kind, OriginKind::Parameter);
  EXPECT_EQ(Init.declName(), "tok");
  EXPECT_TRUE(Init.O.Captured);
  ASSERT_EQ(Init.O.Through.size(), 1u);
  EXPECT_TRUE(Init.O.Through[0]->isInitCapture());
}

TEST(ValueOriginTest, DefaultConstructedTokens) {
  EXPECT_EQ(ArgOrigin("void f() { take(std::stop_token{}); }").O.Kind,
            OriginKind::DefaultConstructed);
  EXPECT_EQ(ArgOrigin("void f() { take(std::stop_token()); }").O.Kind,
            OriginKind::DefaultConstructed);
  EXPECT_EQ(ArgOrigin("void f() { take({}); }").O.Kind,
            OriginKind::DefaultConstructed);
  ArgOrigin Local("void f() { std::stop_token t; take(t); }");
  EXPECT_EQ(Local.O.Kind, OriginKind::DefaultConstructed);
  ASSERT_EQ(Local.O.Through.size(), 1u);
  EXPECT_EQ(Local.O.Through[0]->getName(), "t");
}

TEST(ValueOriginTest, TheTokenOfASource) {
  ArgOrigin A(R"cpp(
    void f() {
      std::stop_source src;
      take(src.get_token());
    }
  )cpp");
  EXPECT_EQ(A.O.Kind, OriginKind::TokenOf);
  ASSERT_NE(A.O.Object, nullptr);
  Origin Source = originOf(A.O.Object, A.AST.model(), A.AST.context());
  EXPECT_EQ(Source.Kind, OriginKind::DefaultConstructed)
      << "a fresh local source";
  ASSERT_EQ(Source.Through.size(), 1u);
  EXPECT_EQ(Source.Through[0]->getName(), "src");
}

TEST(ValueOriginTest, ConstructedFromArguments) {
  TestAST AST(std::string(Helpers) + R"cpp(
    struct Wrapper { Wrapper(int, int); };
    void use(Wrapper);
    void f() { use(Wrapper(1, 2)); }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  Origin O = originOf(AST.call("use")->getArg(0), AST.model(), AST.context());
  EXPECT_EQ(O.Kind, OriginKind::Constructed);
}

TEST(ValueOriginTest, StaticStorageAndMembers) {
  ArgOrigin Global("void f() { take(g_token); }");
  EXPECT_EQ(Global.O.Kind, OriginKind::StaticStorage);
  EXPECT_EQ(Global.declName(), "g_token");

  ArgOrigin Static("void f() { static std::stop_token s; take(s); }");
  EXPECT_EQ(Static.O.Kind, OriginKind::StaticStorage);

  ArgOrigin Member("void Service::run() { take(Tok); take(Shared); }");
  EXPECT_EQ(Member.O.Kind, OriginKind::Member);
  EXPECT_EQ(Member.declName(), "Tok");
  ArgOrigin StaticMember("void Service::run() { take(Tok); take(Shared); }", 1);
  EXPECT_EQ(StaticMember.O.Kind, OriginKind::StaticStorage);
}

TEST(ValueOriginTest, CallResults) {
  ArgOrigin A("void f() { take(make_token()); }");
  EXPECT_EQ(A.O.Kind, OriginKind::CallResult);
  EXPECT_TRUE(isa_and_nonnull<CallExpr>(A.O.Where));
  ArgOrigin None("void f() { (void)pplx::cancellation_token::none(); "
                 "take(make_token()); }");
  EXPECT_EQ(None.O.Kind, OriginKind::CallResult);
}

TEST(ValueOriginTest, UnknownAndLocals) {
  ArgOrigin Cond("void f(std::stop_token a, bool c) {"
                 "  std::stop_token b; take(c ? a : b); }");
  EXPECT_EQ(Cond.O.Kind, OriginKind::Unknown);
  ArgOrigin Binding("void f(std::pair<std::stop_token, int> p) {"
                    "  auto [t, n] = p; take(t); (void)n; }");
  EXPECT_EQ(Binding.O.Kind, OriginKind::Local);
  EXPECT_EQ(Binding.declName(), "t");
}

TEST(ValueOriginTest, InitializingCallAndCopiesOfExistingObjects) {
  TestAST AST(std::string(Helpers) + R"cpp(
    std::stop_source make_source();
    void f(std::stop_source other) {
      std::stop_source fresh;
      std::stop_source copied = other;
      std::stop_source moved(std::move(other));
      std::stop_source made = make_source();
    }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  EXPECT_FALSE(copiesExistingObject(AST.var("fresh")));
  EXPECT_TRUE(copiesExistingObject(AST.var("copied")));
  EXPECT_TRUE(copiesExistingObject(AST.var("moved")));
  EXPECT_FALSE(copiesExistingObject(AST.var("made")));
  const CallExpr *Made = initializingCall(AST.var("made")->getInit());
  ASSERT_NE(Made, nullptr);
  EXPECT_EQ(Made->getDirectCallee()->getName(), "make_source");
  EXPECT_EQ(initializingCall(AST.var("fresh")->getInit()), nullptr);
}

TEST(ValueOriginTest, ReferentsPointeesAndHandleSources) {
  TestAST AST(std::string(Helpers) + R"cpp(
    struct Owner {
      std::stop_token Member;
      void g();
    };
    void Owner::g() {
      std::stop_token local;
      std::stop_source src;
      auto handle = src.get_token();
      auto again = handle;
      std::stop_token *p = &local;
      std::stop_token *q = p;
      std::shared_ptr<std::stop_token> sp;
      auto &r1 = local;
      auto &r2 = Member;
      auto &r3 = g_token;
      auto *p1 = q;
      auto *p2 = &Member;
      auto *p3 = sp.get();
      auto h1 = again;
      (void)r1; (void)r2; (void)r3; (void)p1; (void)p2; (void)p3; (void)h1;
    }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  auto Name = [](const ValueDecl *D) {
    return D ? D->getNameAsString() : std::string();
  };
  EXPECT_EQ(Name(referentOf(AST.var("r1")->getInit())), "local");
  EXPECT_EQ(Name(referentOf(AST.var("r2")->getInit())), "Member");
  EXPECT_EQ(Name(referentOf(AST.var("r3")->getInit())), "")
      << "static storage is not a frame object";
  EXPECT_EQ(Name(pointeeOf(AST.var("p1")->getInit())), "local")
      << "through two local pointers";
  EXPECT_EQ(Name(pointeeOf(AST.var("p2")->getInit())), "Member");
  EXPECT_EQ(Name(pointeeOf(AST.var("p3")->getInit())), "")
      << "a raw view of a shared object";
  EXPECT_EQ(Name(handleSourceOf(AST.var("h1")->getInit(), AST.model(),
                                AST.context())),
            "src");
  EXPECT_TRUE(isFrameObject(AST.var("r1")));
  EXPECT_FALSE(isFrameObject(AST.var("r3")));
  EXPECT_FALSE(isFrameObject(AST.var("g_token")));
}

TEST(ValueOriginTest, FeedingOriginsOfAStoredValue) {
  TestAST AST(std::string(Helpers) + R"cpp(
    void keep(std::stop_token);
    void keep_src(std::stop_source);
    void f(std::stop_token tok) {
      keep(tok);
      keep(g_token);
      keep_src(std::stop_source());
      std::stop_source local;
      keep_src(local);
      auto p = std::make_pair(1, tok);
      (void)p;
    }
    int main() { std::stop_token t; keep(t); }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  auto Feed = [&](const Expr *E) {
    return feedingOrigins(E, AST.model(), AST.context(),
                          [](const Expr *) { return false; });
  };
  FeedingOrigins Param = Feed(AST.call("keep", 0)->getArg(0));
  EXPECT_TRUE(Param.FromRequest);
  EXPECT_FALSE(Param.FromStatic);
  FeedingOrigins Global = Feed(AST.call("keep", 1)->getArg(0));
  EXPECT_TRUE(Global.FromStatic);
  EXPECT_FALSE(Global.FromRequest);
  FeedingOrigins Root = Feed(AST.call("keep_src", 0)->getArg(0));
  EXPECT_TRUE(Root.FreshRoot) << "made with no arguments: a new root";
  EXPECT_FALSE(Root.Fresh);
  EXPECT_TRUE(Feed(AST.call("keep_src", 1)->getArg(0)).FromRequest)
      << "a local source is the request's";
  EXPECT_TRUE(Feed(AST.var("p")->getInit()).FromRequest)
      << "fed by tok among other values";
  FeedingOrigins InMain = Feed(AST.call("keep", 2)->getArg(0));
  EXPECT_FALSE(InMain.FromRequest) << "main's locals belong to the process";
}

TEST(ValueOriginTest, DerivationsAndRoots) {
  TestAST AST(std::string(Helpers) + R"cpp(
    namespace ctxlib {
    struct [[clang::annotate("ctx::context")]] Context {
      static Context background();
    };
    [[clang::annotate("ctx::derives")]] Context with_value(const Context &, int);
    std::pair<Context, std::function<void()>> with_cancel(const Context &);
    } // namespace ctxlib
    void use(folly::CancellationToken);
    void use_ctx(const ctxlib::Context &);
    void use_pplx(pplx::cancellation_token);
    void f(folly::CancellationToken tok, folly::CancellationToken other,
           ctxlib::Context parent) {
      use(folly::cancellation_token_merge(tok, other));
      auto merged = folly::CancellationToken::merge(other, tok);
      use(merged);
      use_ctx(ctxlib::with_value(ctxlib::with_value(parent, 1), 2));
      auto [child, cancel] = ctxlib::with_cancel(parent);
      use_ctx(child);
      use_ctx(ctxlib::Context::background());
      use_pplx(pplx::cancellation_token::none());
      use(other);
      (void)cancel;
    }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  AST.model().addCancelFactory("ctxlib::with_cancel");
  AST.model().addRootContext("ctxlib::Context::background");
  const ContextModel &M = AST.model();
  ASTContext &Ctx = AST.context();
  auto Arg = [&](llvm::StringRef Callee, unsigned N) {
    return AST.call(Callee, N)->getArg(0);
  };
  auto Kind = [&](llvm::StringRef Callee, unsigned N) {
    return originOf(Arg(Callee, N), M, Ctx).Kind;
  };
  EXPECT_EQ(Kind("use", 0), OriginKind::Derived);
  EXPECT_EQ(Kind("use", 1), OriginKind::Derived) << "through a local";
  EXPECT_EQ(Kind("use_ctx", 0), OriginKind::Derived);
  EXPECT_EQ(Kind("use_ctx", 1), OriginKind::Derived)
      << "a binding of a cancel factory's result";
  EXPECT_EQ(Kind("use_ctx", 2), OriginKind::Root);
  EXPECT_EQ(Kind("use_pplx", 0), OriginKind::Root);
  EXPECT_EQ(Kind("use", 2), OriginKind::Parameter);

  // Which parameters each value derives from, however indirectly.
  auto Reaches = [&](const Expr *E, llvm::StringRef Param) {
    return anyOrigin(E, M, Ctx, [&](const Origin &O) {
      return O.Kind == OriginKind::Parameter && O.Decl &&
             O.Decl->getName() == Param;
    });
  };
  EXPECT_TRUE(Reaches(Arg("use", 0), "tok"));
  EXPECT_TRUE(Reaches(Arg("use", 0), "other"));
  EXPECT_TRUE(Reaches(Arg("use", 1), "tok"));
  EXPECT_TRUE(Reaches(Arg("use_ctx", 0), "parent")) << "two derivations deep";
  EXPECT_TRUE(Reaches(Arg("use_ctx", 1), "parent"));
  EXPECT_FALSE(Reaches(Arg("use_ctx", 2), "parent")) << "a root";
  EXPECT_FALSE(Reaches(Arg("use", 2), "tok"));
}

TEST(ValueOriginTest, DerivingCallFromAVariable) {
  TestAST AST(std::string(Helpers) + R"cpp(
    namespace ctxlib {
    struct [[clang::annotate("ctx::context")]] Context {
      [[clang::annotate("ctx::derives")]] Context with_value(int) const;
    };
    [[clang::annotate("ctx::derives")]] Context with_value(const Context &, int);
    std::pair<Context, std::function<void()>> with_cancel(const Context &);
    } // namespace ctxlib
    void sink(const ctxlib::Context &);
    void sink_tok(folly::CancellationToken);
    void f(ctxlib::Context parent, folly::CancellationToken tok,
           folly::CancellationToken other) {
      ctxlib::Context ctx = parent;
      sink(ctxlib::with_value(ctx, 1));
      sink(ctx.with_value(2));
      auto next = ctxlib::with_value(ctxlib::with_value(ctx, 3), 4);
      sink(next);
      auto [child, cancel] = ctxlib::with_cancel(ctx);
      sink(child);
      sink(ctxlib::with_value(parent, 5));
      auto copy = ctx;
      sink(copy);
      sink_tok(folly::CancellationToken::merge(tok, other));
      sink_tok(folly::cancellation_token_merge(other, tok));
      sink_tok(tok);
      (void)cancel;
    }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  AST.model().addCancelFactory("ctxlib::with_cancel");
  const ContextModel &M = AST.model();
  ASTContext &Ctx = AST.context();
  auto From = [&](llvm::StringRef Callee, unsigned N, llvm::StringRef Var) {
    const ValueDecl *V = AST.var(Var);
    EXPECT_NE(V, nullptr) << Var.str();
    return derivingCallFrom(AST.call(Callee, N)->getArg(0), V, M, Ctx);
  };
  EXPECT_EQ(From("sink", 0, "ctx"), AST.call("with_value", 0));
  EXPECT_EQ(From("sink", 1, "ctx"), AST.call("with_value", 1))
      << "a deriving member function, on its object";
  EXPECT_EQ(From("sink", 2, "ctx"), AST.call("with_value", 2))
      << "through a local, two derivations deep: the outermost call";
  EXPECT_EQ(From("sink", 3, "ctx"), AST.call("with_cancel"))
      << "a binding of a cancel factory's result";
  EXPECT_EQ(From("sink", 4, "ctx"), nullptr) << "derived from another value";
  EXPECT_NE(From("sink", 4, "parent"), nullptr);
  EXPECT_EQ(From("sink", 0, "parent"), AST.call("with_value", 0))
      << "through ctx's initializer, a copy of parent";
  EXPECT_EQ(From("sink", 5, "ctx"), nullptr) << "a copy is no derivation";
  EXPECT_EQ(From("sink", 5, "parent"), nullptr);
  EXPECT_NE(From("sink_tok", 0, "tok"), nullptr) << "folly's merge";
  EXPECT_NE(From("sink_tok", 1, "tok"), nullptr) << "the newer merge";
  EXPECT_NE(From("sink_tok", 1, "other"), nullptr);
  EXPECT_EQ(From("sink_tok", 2, "tok"), nullptr);
}

} // namespace
