//===--- CancelFlowTest.cpp - ctx-tidy unit tests -------------------------===//

#include "lib/CancelFlow.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::ctx;

namespace {

const char *const Library = R"cpp(
namespace std {
class stop_token { public: bool stop_requested() const; };
class stop_source { public: stop_token get_token() const; bool request_stop(); };
template <class T> T &&move(T &t);
}
namespace tbb { namespace detail { namespace d1 {
template <class R, class B> void parallel_for(const R &, const B &) {}
template <class R, class B, class C> void parallel_for(const R &, const B &, C &);
} } using detail::d1::parallel_for; }
void spawn(std::stop_token);
void adopt(std::stop_source);
bool fail();
)cpp";

struct Fixture {
  std::unique_ptr<ASTUnit> AST;
  const FunctionDecl *F = nullptr;
  ContextModel Model;
  FunctionNameSet Sync;
  std::unique_ptr<ParentIndex> Parents;
  std::unique_ptr<CancelFlow> Flow;

  explicit Fixture(llvm::StringRef Body) {
    AST = tooling::buildASTFromCodeWithArgs(
        std::string(Library) + "void f() {" + Body.str() + "}",
        {"-std=c++17"}, "input.cpp");
    auto M = match(functionDecl(hasName("f"), isDefinition()).bind("f"),
                   AST->getASTContext());
    F = M[0].getNodeAs<FunctionDecl>("f");
    Sync.add("tbb::parallel_for");
    Parents = std::make_unique<ParentIndex>(AST->getASTContext());
    Flow = std::make_unique<CancelFlow>(Model, Sync, *Parents, F->getBody());
  }
};

TEST(CancelFlowTest, TokenToACallStartsTheObligation) {
  Fixture T("std::stop_source src; spawn(src.get_token()); "
            "if (fail()) return; src.request_stop();");
  ASSERT_EQ(T.Flow->handles().size(), 1u);
  HandleFlow HF = T.Flow->analyse(T.Flow->handles()[0]);
  EXPECT_EQ(HF.ObligationStarts.size(), 1u);
  ASSERT_EQ(HF.Settles.size(), 1u);
  EXPECT_EQ(HF.Settles[0].second, Settlement::Cancel);
}

TEST(CancelFlowTest, ObservedTokenIsNotTaken) {
  Fixture T("std::stop_source src; auto tok = src.get_token(); "
            "if (tok.stop_requested()) return;");
  ASSERT_EQ(T.Flow->handles().size(), 1u);
  EXPECT_TRUE(T.Flow->analyse(T.Flow->handles()[0]).ObligationStarts.empty());
}

TEST(CancelFlowTest, SynchronousCallsSeenThroughUsingDeclarations) {
  Fixture T("std::stop_source src; int r = 0; "
            "tbb::parallel_for(r, [&] { spawn(src.get_token()); });");
  ASSERT_EQ(T.Flow->handles().size(), 1u);
  HandleFlow HF = T.Flow->analyse(T.Flow->handles()[0]);
  // The lambda hands the token on from inside: taken, even under a
  // synchronous call, because spawn() may keep it.
  EXPECT_EQ(HF.ObligationStarts.size(), 1u);
  Fixture U("std::stop_source src; int r = 0; "
            "tbb::parallel_for(r, [&] { (void)src.get_token().stop_requested(); });");
  EXPECT_TRUE(U.Flow->analyse(U.Flow->handles()[0]).ObligationStarts.empty());
}

TEST(CancelFlowTest, MovesAndCopiesAreHandOffs) {
  Fixture T("std::stop_source src; spawn(src.get_token()); "
            "if (fail()) adopt(src); else adopt(std::move(src));");
  HandleFlow HF = T.Flow->analyse(T.Flow->handles()[0]);
  EXPECT_TRUE(HF.has(Settlement::Pass));
  EXPECT_TRUE(HF.has(Settlement::Move));
  EXPECT_FALSE(HF.has(Settlement::Cancel));
}

TEST(CancelFlowTest, CopiesOfOtherSourcesAreNotHandles) {
  Fixture T("std::stop_source a; std::stop_source b = a; "
            "std::stop_source &c = a; (void)b; (void)c;");
  ASSERT_EQ(T.Flow->handles().size(), 1u);
  EXPECT_EQ(T.Flow->handles()[0].Decl->getName(), "a");
}

} // namespace
