//===--- CaptureFixTest.cpp - ctx-tidy unit tests -------------------------===//

#include "lib/CaptureFix.h"
#include "TestAST.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Lex/Lexer.h"
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
void use(std::stop_token);
void use_ref(std::stop_token &);
)cpp";

struct Fixture {
  size_t SnippetSize;
  TestAST AST;
  const ContextModel &Model;
  const ParentIndex *Parents;

  explicit Fixture(llvm::StringRef Snippet)
      : SnippetSize(Snippet.size()), AST(std::string(Library) + Snippet.str()),
        Model(AST.model()), Parents(&AST.parents()) {
    EXPECT_TRUE(AST.compiled()) << AST.errors();
  }
  ASTContext &ctx() { return AST.context(); }

  const LambdaExpr *lambda() {
    auto Ms = match(lambdaExpr().bind("l"), ctx());
    return Ms.size() == 1 ? Ms[0].getNodeAs<LambdaExpr>("l") : nullptr;
  }

  /// The fix for the only lambda, from what findContextReaches reports.
  CaptureFix fix() {
    const LambdaExpr *L = lambda();
    if (!L) {
      ADD_FAILURE() << "not exactly one lambda";
      return CaptureFix();
    }
    return buildCaptureFix(L, findContextReaches(L, Model, ctx()), *Parents);
  }

  /// The snippet with \p Edits applied.
  std::string apply(llvm::ArrayRef<FixItHint> Edits) {
    const SourceManager &SM = ctx().getSourceManager();
    struct Edit {
      unsigned Begin, End;
      std::string Text;
    };
    std::vector<Edit> Es;
    for (const FixItHint &H : Edits) {
      CharSourceRange R = H.RemoveRange;
      SourceLocation End = R.getEnd();
      if (R.isTokenRange())
        End = Lexer::getLocForEndOfToken(End, 0, SM, ctx().getLangOpts());
      Es.push_back({SM.getFileOffset(R.getBegin()), SM.getFileOffset(End),
                    H.CodeToInsert});
    }
    std::stable_sort(Es.begin(), Es.end(), [](const Edit &A, const Edit &B) {
      return A.Begin > B.Begin;
    });
    std::string Out = AST.code().str();
    size_t SnippetStart = Out.size() - SnippetSize;
    for (const Edit &E : Es)
      Out.replace(E.Begin, E.End - E.Begin, E.Text);
    return Out.substr(SnippetStart);
  }

  std::vector<std::string> fixed(const CaptureFix &F) {
    std::vector<std::string> Out;
    for (const ValueDecl *D : F.Fixed)
      Out.push_back(D->getNameAsString());
    std::sort(Out.begin(), Out.end());
    return Out;
  }
};

TEST(CaptureFixTest, ExplicitReferenceCaptureBecomesACopy) {
  Fixture T("void f(std::stop_token tok) {\n"
            "  auto l = [& tok, n = 1] { return tok.stop_requested() && n; };\n"
            "}\n");
  CaptureFix F = T.fix();
  EXPECT_EQ(T.fixed(F), std::vector<std::string>{"tok"});
  EXPECT_EQ(T.apply(F.Edits),
            "void f(std::stop_token tok) {\n"
            "  auto l = [tok, n = 1] { return tok.stop_requested() && n; };\n"
            "}\n");
}

TEST(CaptureFixTest, DefaultReferenceGetsCopiesAndMutableForRequestStop) {
  // request_stop() is const here (as in libstdc++ 12), but not by the
  // standard: the copy must be mutable to compile everywhere.
  Fixture T(
      "void f(std::stop_source src) {\n"
      "  std::stop_token tok = src.get_token();\n"
      "  auto l = [&] { if (!tok.stop_requested()) src.request_stop(); };\n"
      "}\n");
  CaptureFix F = T.fix();
  EXPECT_EQ(T.fixed(F), (std::vector<std::string>{"src", "tok"}));
  EXPECT_EQ(T.apply(F.Edits),
            "void f(std::stop_source src) {\n"
            "  std::stop_token tok = src.get_token();\n"
            "  auto l = [&, tok, src]() mutable { if (!tok.stop_requested()) "
            "src.request_stop(); };\n"
            "}\n");
}

TEST(CaptureFixTest, MutableGoesAfterExplicitParameters) {
  Fixture T(
      "void f(std::stop_source src) {\n"
      "  auto l = [&src](int reason) { if (reason) src.request_stop(); };\n"
      "}\n");
  EXPECT_EQ(T.apply(T.fix().Edits),
            "void f(std::stop_source src) {\n"
            "  auto l = [src](int reason) mutable { if (reason) "
            "src.request_stop(); };\n"
            "}\n");
}

TEST(CaptureFixTest, ThisMemberCopiedIntoInitCaptureAndUsesRenamed) {
  Fixture T(
      "class Poller {\n"
      "  std::stop_token tok_;\n"
      "  void start() {\n"
      "    auto l = [this] { use(tok_); (void)this->tok_.stop_requested(); };\n"
      "  }\n"
      "};\n");
  CaptureFix F = T.fix();
  EXPECT_EQ(T.fixed(F), std::vector<std::string>{"tok_"});
  EXPECT_EQ(T.apply(F.Edits), "class Poller {\n"
                              "  std::stop_token tok_;\n"
                              "  void start() {\n"
                              "    auto l = [this, tok = tok_] { use(tok); "
                              "(void)tok.stop_requested(); };\n"
                              "  }\n"
                              "};\n");
}

TEST(CaptureFixTest, MemberCopyNamesAvoidTakenNames) {
  // m_token -> token next to a default capture; when "tok" is taken in the
  // body, the member's own name is used.
  Fixture T("class Poller {\n"
            "  std::stop_token m_token;\n"
            "  void start() { auto l = [&] { use(m_token); }; }\n"
            "};\n");
  EXPECT_EQ(
      T.apply(T.fix().Edits),
      "class Poller {\n"
      "  std::stop_token m_token;\n"
      "  void start() { auto l = [&, token = m_token] { use(token); }; }\n"
      "};\n");
  Fixture U("class Poller {\n"
            "  std::stop_token tok_;\n"
            "  void start() { auto l = [this] { int tok = 1; (void)tok; "
            "use(tok_); }; }\n"
            "};\n");
  EXPECT_EQ(U.apply(U.fix().Edits),
            "class Poller {\n"
            "  std::stop_token tok_;\n"
            "  void start() { auto l = [this, tok_ = tok_] { int tok = 1; "
            "(void)tok; use(tok_); }; }\n"
            "};\n");
}

TEST(CaptureFixTest, NoFixWhenAUseWouldBehaveDifferentlyOnACopy) {
  const char *const Bodies[] = {
      "use_ref(tok);",
      "tok = std::stop_token();",
      "std::stop_token *p = &tok; (void)p;",
  };
  for (const char *Body : Bodies) {
    Fixture T(std::string("void f(std::stop_token tok) { auto l = [&tok] { ") +
              Body + " }; }\n");
    CaptureFix F = T.fix();
    EXPECT_TRUE(F.Edits.empty()) << Body;
    EXPECT_TRUE(F.Fixed.empty()) << Body;
  }
}

TEST(CaptureFixTest, NoFixWhenTheOriginalIsReassignedLater) {
  Fixture T("void f(std::stop_token tok, std::stop_source src) {\n"
            "  auto l = [&tok] { use(tok); };\n"
            "  tok = src.get_token();\n"
            "}\n");
  CaptureFix F = T.fix();
  EXPECT_TRUE(F.Edits.empty());
  EXPECT_TRUE(F.Fixed.empty());
}

TEST(CaptureFixTest, OnlyOwningCopyableHandlesAreCopied) {
  // The request context cannot be copied; the token next to it can.
  Fixture T("void f(std::stop_token tok, grpc::ClientContext &ctx) {\n"
            "  auto l = [&ctx, &tok] { ctx.TryCancel(); use(tok); };\n"
            "}\n");
  CaptureFix F = T.fix();
  EXPECT_EQ(T.fixed(F), std::vector<std::string>{"tok"});
  EXPECT_EQ(T.apply(F.Edits),
            "void f(std::stop_token tok, grpc::ClientContext &ctx) {\n"
            "  auto l = [&ctx, tok] { ctx.TryCancel(); use(tok); };\n"
            "}\n");
  // A shared_ptr copy shares ownership of the context; the reference to
  // the context itself stays.
  Fixture S(
      "void f(std::shared_ptr<grpc::ClientContext> shared,\n"
      "       grpc::ClientContext &ctx) {\n"
      "  auto l = [&shared, &ctx] { shared->TryCancel(); ctx.TryCancel(); };\n"
      "}\n");
  EXPECT_EQ(
      S.apply(S.fix().Edits),
      "void f(std::shared_ptr<grpc::ClientContext> shared,\n"
      "       grpc::ClientContext &ctx) {\n"
      "  auto l = [shared, &ctx] { shared->TryCancel(); ctx.TryCancel(); };\n"
      "}\n");
  Fixture P("void f(grpc::ClientContext *ctx) {\n"
            "  auto l = [ctx] { ctx->TryCancel(); };\n"
            "}\n");
  EXPECT_TRUE(P.fix().Fixed.empty());
}

TEST(CaptureFixTest, NoFixWhenAnEditWouldLandInAMacro) {
  // Renaming the use inside USE_TOK would edit the macro's expansion: the
  // whole fix is dropped, the capture included.
  Fixture T("#define USE_TOK use(tok_)\n"
            "class Poller {\n"
            "  std::stop_token tok_;\n"
            "  void start() { auto l = [this] { USE_TOK; }; }\n"
            "};\n");
  CaptureFix F = T.fix();
  EXPECT_TRUE(F.Edits.empty());
  EXPECT_TRUE(F.Fixed.empty());
  Fixture U(
      "#define CAPTURE &tok\n"
      "void f(std::stop_token tok) { auto l = [CAPTURE] { use(tok); }; }\n");
  EXPECT_TRUE(U.fix().Edits.empty());
}

TEST(CaptureFixTest, NoFixForAMemberUsedInANestedLambda) {
  Fixture T(
      "class Poller {\n"
      "  std::stop_token tok_;\n"
      "  void start() {\n"
      "    auto l = [this] { use(tok_); auto inner = [this] { use(tok_); }; "
      "(void)inner; };\n"
      "  }\n"
      "};\n");
  // Two lambdas here: fix the outer one.
  auto Ms = match(lambdaExpr().bind("l"), T.ctx());
  ASSERT_EQ(Ms.size(), 2u);
  const auto *A = Ms[0].getNodeAs<LambdaExpr>("l");
  const auto *B = Ms[1].getNodeAs<LambdaExpr>("l");
  const LambdaExpr *Outer = A->getBeginLoc() < B->getBeginLoc() ? A : B;
  CaptureFix F = buildCaptureFix(
      Outer, findContextReaches(Outer, T.Model, T.ctx()), *T.Parents);
  EXPECT_TRUE(F.Edits.empty());
  EXPECT_TRUE(F.Fixed.empty());
}

TEST(CaptureFixTest, BoundCopyOnlyForByValueOrConstReferenceParameters) {
  Fixture T(R"cpp(
    void worker(std::stop_token, const std::stop_source &, std::stop_token &,
                grpc::ClientContext &);
    template <class... A> void start(A &&...);
    void f(std::stop_token tok, std::stop_source src, std::stop_token other,
           grpc::ClientContext &ctx) {
      start(std::ref(tok), std::cref( src ), std::ref(other), std::ref(ctx));
    }
  )cpp");
  auto Ws = match(functionDecl(hasName("worker")).bind("w"), T.ctx());
  ASSERT_EQ(Ws.size(), 1u);
  const auto *W = Ws[0].getNodeAs<FunctionDecl>("w");
  auto Cs = match(callExpr(callee(functionDecl(hasName("start")))).bind("c"),
                  T.ctx());
  ASSERT_EQ(Cs.size(), 1u);
  const auto *C = Cs[0].getNodeAs<CallExpr>("c");
  llvm::SmallVector<const Expr *, 4> Args(C->arg_begin(), C->arg_end());
  auto R = findBoundReferences(Args, T.Model, T.ctx());
  ASSERT_EQ(R.size(), 4u);

  auto H0 = buildBoundCopyFix(R[0], W->getParamDecl(0), T.ctx());
  ASSERT_TRUE(H0);
  auto H1 = buildBoundCopyFix(R[1], W->getParamDecl(1), T.ctx());
  ASSERT_TRUE(H1);
  EXPECT_NE(T.apply({*H0, *H1})
                .find("start(tok, src, std::ref(other), std::ref(ctx));"),
            std::string::npos)
      << T.apply({*H0, *H1});
  // A non-const reference parameter would see a copy; no parameter known.
  EXPECT_FALSE(buildBoundCopyFix(R[2], W->getParamDecl(2), T.ctx()));
  EXPECT_FALSE(buildBoundCopyFix(R[0], nullptr, T.ctx()));
  // A request context cannot be copied.
  EXPECT_FALSE(buildBoundCopyFix(R[3], W->getParamDecl(3), T.ctx()));
  EXPECT_FALSE(buildBoundCopyFix(R[3], W->getParamDecl(1), T.ctx()));
}

} // namespace
