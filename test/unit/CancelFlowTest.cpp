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
namespace std {
class thread {
public:
  template <class F, class... A> explicit thread(F &&, A &&...);
  thread(thread &&);
  ~thread();
  bool joinable() const;
  void join();
  void detach();
};
template <class T> class vector {
public:
  template <class... A> void emplace_back(A &&...);
  T *begin();
  T *end();
  unsigned long size() const;
  T &operator[](unsigned long);
};
}
namespace pplx {
class cancellation_token {};
class cancellation_token_source {
public:
  cancellation_token get_token() const;
  void cancel() const;
};
template <class T> class task {
public:
  template <class F> task(F, cancellation_token);
  template <class F> task<T> then(F) const;
  void wait() const;
  T get() const;
};
}
void spawn(std::stop_token);
void read(std::stop_token);
void adopt(std::stop_source);
void adopt_all(std::vector<std::thread> &&);
int compute();
int twice(int);
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
    AST = tooling::buildASTFromCodeWithArgs(std::string(Library) +
                                                "void f() {" + Body.str() + "}",
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
  Fixture U(
      "std::stop_source src; int r = 0; "
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

TEST(CancelFlowTest, ThreadsJoinedByALoopOverTheirContainer) {
  Fixture T("std::stop_source src; std::vector<std::thread> ts; "
            "ts.emplace_back([tok = src.get_token()] { "
            "(void)tok.stop_requested(); }); "
            "for (auto &t : ts) t.join();");
  HandleFlow HF = T.Flow->analyse(T.Flow->handles()[0]);
  ASSERT_EQ(HF.ObligationStarts.size(), 1u);
  const VarDecl *Work = HF.StartWork.lookup(HF.ObligationStarts[0]);
  ASSERT_NE(Work, nullptr);
  EXPECT_EQ(Work->getName(), "ts");
  ASSERT_EQ(HF.WorkEnds.size(), 1u);
  // The loop's range declaration: reaching it means the loop runs.
  EXPECT_TRUE(isa<DeclStmt>(HF.WorkEnds[0].second));
}

TEST(CancelFlowTest, ContainerThatLeavesOrALoopThatBreaksIsNotKept) {
  Fixture Moved("std::stop_source src; std::vector<std::thread> ts; "
                "ts.emplace_back([tok = src.get_token()] { "
                "(void)tok.stop_requested(); }); "
                "adopt_all(std::move(ts));");
  HandleFlow HF = Moved.Flow->analyse(Moved.Flow->handles()[0]);
  ASSERT_EQ(HF.ObligationStarts.size(), 1u);
  EXPECT_EQ(HF.StartWork.lookup(HF.ObligationStarts[0]), nullptr);
  Fixture Breaks("std::stop_source src; std::vector<std::thread> ts; "
                 "ts.emplace_back([tok = src.get_token()] { "
                 "(void)tok.stop_requested(); }); "
                 "for (auto &t : ts) { if (fail()) break; t.join(); }");
  HF = Breaks.Flow->analyse(Breaks.Flow->handles()[0]);
  ASSERT_EQ(HF.ObligationStarts.size(), 1u);
  EXPECT_EQ(HF.StartWork.lookup(HF.ObligationStarts[0]), nullptr);
}

TEST(CancelFlowTest, TaskWaitedThroughItsContinuation) {
  Fixture T("pplx::cancellation_token_source cts; "
            "pplx::task<int> t(compute, cts.get_token()); "
            "auto u = t.then(twice); "
            "if (fail()) { t.wait(); return; } u.get();");
  HandleFlow HF = T.Flow->analyse(T.Flow->handles()[0]);
  ASSERT_EQ(HF.ObligationStarts.size(), 1u);
  const VarDecl *Work = HF.StartWork.lookup(HF.ObligationStarts[0]);
  ASSERT_NE(Work, nullptr);
  EXPECT_EQ(Work->getName(), "t");
  // t.wait() and u.get().
  EXPECT_EQ(HF.WorkEnds.size(), 2u);
}

} // namespace
