//===--- CancelFlowTest.cpp - ctx-tidy unit tests -------------------------===//

#include "lib/CancelFlow.h"
#include "TestAST.h"
#include "lib/ValueUses.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::ctx;
using namespace clang::tidy::ctx::test;

namespace {

// What the snippets call, besides the stand-ins.
const char *const Library = R"cpp(
void spawn(std::stop_token);
void read(std::stop_token);
void adopt(std::stop_source);
void adopt_all(std::vector<std::thread> &&);
int compute();
int twice(int);
bool fail();
void spawn_folly(folly::CancellationToken);
void run_with(std::function<void()>, std::stop_token);
struct Watch {
  folly::CancellationCallback cb;
  explicit Watch(const folly::CancellationToken &t) : cb{t, [] {}} {}
};
struct Keep {
  folly::CancellationToken kept;
  folly::CancellationCallback cb;
  explicit Keep(const folly::CancellationToken &t) : kept{t}, cb{t, [] {}} {}
};
)cpp";

struct Fixture {
  TestAST AST;
  const FunctionDecl *F = nullptr;
  FunctionNameSet Sync;
  std::unique_ptr<CancelFlow> Flow;

  explicit Fixture(llvm::StringRef Body)
      : AST(std::string(Library) + "void f() {" + Body.str() + "}",
            TestAST::Options{"-std=c++17", true, {}}) {
    EXPECT_TRUE(AST.compiled()) << AST.errors();
    F = AST.function("f");
    Sync.add("tbb::parallel_for");
    Flow = std::make_unique<CancelFlow>(AST.model(), Sync, AST.parents(), F,
                                        F->getBody());
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

TEST(CancelFlowTest, AMergeMakesATokenAndIsFollowed) {
  // Merged and asked: nothing takes the token.
  Fixture Compared("folly::CancellationSource a, b; "
                   "auto m = folly::cancellation_token_merge(a.getToken(), "
                   "b.getToken()); (void)m.isCancellationRequested();");
  ASSERT_EQ(Compared.Flow->handles().size(), 2u);
  for (const CancelHandle &H : Compared.Flow->handles())
    EXPECT_TRUE(Compared.Flow->analyse(H).ObligationStarts.empty())
        << H.Decl->getName().str();
  // The merged token handed to work takes both sources' tokens there.
  Fixture Handed("folly::CancellationSource a; folly::CancellationToken t; "
                 "auto m = folly::cancellation_token_merge(a.getToken(), t); "
                 "spawn_folly(m);");
  ASSERT_EQ(Handed.Flow->handles().size(), 1u);
  HandleFlow HF = Handed.Flow->analyse(Handed.Flow->handles()[0]);
  ASSERT_EQ(HF.ObligationStarts.size(), 1u);
  EXPECT_TRUE(isa<CallExpr>(HF.ObligationStarts[0]));
  EXPECT_EQ(calleeOf(cast<Expr>(HF.ObligationStarts[0]))->getName(),
            "spawn_folly");
}

TEST(CancelFlowTest, ALocalObjectThatOnlyRegistersACallbackKeepsNothing) {
  Fixture Local("folly::CancellationSource s; Watch w(s.getToken());");
  ASSERT_EQ(Local.Flow->handles().size(), 1u);
  EXPECT_TRUE(
      Local.Flow->analyse(Local.Flow->handles()[0]).ObligationStarts.empty());
  // A constructor that also keeps the token takes it.
  Fixture Kept("folly::CancellationSource s; Keep k(s.getToken());");
  ASSERT_EQ(Kept.Flow->handles().size(), 1u);
  EXPECT_EQ(Kept.Flow->analyse(Kept.Flow->handles()[0]).ObligationStarts.size(),
            1u);
  // So does an object that is not a local: it outlives the function.
  Fixture New("folly::CancellationSource s; auto *w = new Watch(s.getToken());"
              "(void)w;");
  ASSERT_EQ(New.Flow->handles().size(), 1u);
  EXPECT_EQ(New.Flow->analyse(New.Flow->handles()[0]).ObligationStarts.size(),
            1u);
}

TEST(CancelFlowTest, AWrappedCancellerIsFollowedToTheCallWithTheToken) {
  // Converted into a std::function by the call that also takes the token:
  // settled by that very call.
  Fixture Same("std::stop_source src; "
               "run_with([&] { src.request_stop(); }, src.get_token());");
  HandleFlow HF = Same.Flow->analyse(Same.Flow->handles()[0]);
  ASSERT_EQ(HF.ObligationStarts.size(), 1u);
  ASSERT_EQ(HF.Settles.size(), 1u);
  EXPECT_EQ(HF.Settles[0].first, HF.ObligationStarts[0]);
  EXPECT_FALSE(Same.Flow->findLeak(Same.Flow->handles()[0], HF));
  // Kept in a local wrapper that is never run: it settles nothing.
  Fixture Unused("std::stop_source src; "
                 "std::function<void()> c = [&] { src.request_stop(); }; "
                 "spawn(src.get_token());");
  HF = Unused.Flow->analyse(Unused.Flow->handles()[0]);
  EXPECT_TRUE(HF.Settles.empty());
  EXPECT_TRUE(Unused.Flow->findLeak(Unused.Flow->handles()[0], HF));
  // Run through the wrapper: a cancel.
  Fixture Run("std::stop_source src; "
              "std::function<void()> c = [&] { src.request_stop(); }; "
              "spawn(src.get_token()); c();");
  HF = Run.Flow->analyse(Run.Flow->handles()[0]);
  EXPECT_TRUE(HF.has(Settlement::Cancel));
  EXPECT_FALSE(Run.Flow->findLeak(Run.Flow->handles()[0], HF));
}

TEST(CancelFlowTest, ThreadsFromABoundWorkerAreKept) {
  Fixture T("std::stop_source src; std::vector<std::thread> ts; "
            "auto w = [tok = src.get_token()](int) { "
            "(void)tok.stop_requested(); }; "
            "ts.emplace_back(std::bind(w, 1)); "
            "for (auto &t : ts) t.join();");
  HandleFlow HF = T.Flow->analyse(T.Flow->handles()[0]);
  ASSERT_EQ(HF.ObligationStarts.size(), 1u);
  const VarDecl *Work = HF.StartWork.lookup(HF.ObligationStarts[0]);
  ASSERT_NE(Work, nullptr);
  EXPECT_EQ(Work->getName(), "ts");
  EXPECT_FALSE(T.Flow->findLeak(T.Flow->handles()[0], HF));
  // The token bound as an argument of a named function: not kept.
  Fixture Named("std::stop_source src; std::vector<std::thread> ts; "
                "ts.emplace_back(std::bind(read, src.get_token())); "
                "for (auto &t : ts) t.join();");
  HF = Named.Flow->analyse(Named.Flow->handles()[0]);
  ASSERT_EQ(HF.ObligationStarts.size(), 1u);
  EXPECT_EQ(HF.StartWork.lookup(HF.ObligationStarts[0]), nullptr);
  EXPECT_TRUE(Named.Flow->findLeak(Named.Flow->handles()[0], HF));
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

TEST(CancelFlowTest, LeakThroughAnEarlyReturn) {
  Fixture T("std::stop_source src; spawn(src.get_token()); "
            "if (fail()) return; src.request_stop();");
  const CancelHandle &H = T.Flow->handles()[0];
  HandleFlow HF = T.Flow->analyse(H);
  ASSERT_NE(T.Flow->paths(), nullptr);
  std::optional<HandleLeak> Leak = T.Flow->findLeak(H, HF);
  ASSERT_TRUE(Leak.has_value());
  EXPECT_EQ(Leak->Exit.How, ExitPoint::Return);
  EXPECT_TRUE(isa_and_nonnull<CallExpr>(Leak->Start)) << "spawn(...)";
  EXPECT_EQ(Leak->Work, nullptr);
}

TEST(CancelFlowTest, NoLeakWhenEveryPathCancels) {
  Fixture T("std::stop_source src; spawn(src.get_token()); "
            "if (fail()) { src.request_stop(); return; } "
            "src.request_stop();");
  const CancelHandle &H = T.Flow->handles()[0];
  EXPECT_FALSE(T.Flow->findLeak(H, T.Flow->analyse(H)).has_value());
}

TEST(CancelFlowTest, NoLeakBeforeTheTokenIsTakenWhenTheCancelIsPermanent) {
  // A std::stop_source cancelled before its token is taken hands out a
  // cancelled token: nothing waits on it.
  Fixture T("std::stop_source src; src.request_stop(); "
            "spawn(src.get_token());");
  const CancelHandle &H = T.Flow->handles()[0];
  EXPECT_FALSE(T.Flow->findLeak(H, T.Flow->analyse(H)).has_value());
}

TEST(CancelFlowTest, ALeakPastWorkThatIsNotWaitedForNamesTheWork) {
  Fixture T("pplx::cancellation_token_source cts; "
            "pplx::task<int> t(compute, cts.get_token()); "
            "if (fail()) return; t.wait();");
  const CancelHandle &H = T.Flow->handles()[0];
  std::optional<HandleLeak> Leak = T.Flow->findLeak(H, T.Flow->analyse(H));
  ASSERT_TRUE(Leak.has_value());
  ASSERT_NE(Leak->Work, nullptr);
  EXPECT_EQ(Leak->Work->getName(), "t");
  Fixture Waited("pplx::cancellation_token_source cts; "
                 "pplx::task<int> t(compute, cts.get_token()); t.wait();");
  const CancelHandle &W = Waited.Flow->handles()[0];
  EXPECT_FALSE(Waited.Flow->findLeak(W, Waited.Flow->analyse(W)).has_value());
}

} // namespace
