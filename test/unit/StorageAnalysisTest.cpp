//===--- StorageAnalysisTest.cpp - ctx-tidy unit tests --------------------===//

#include "lib/StorageAnalysis.h"
#include "TestAST.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::ctx;
using namespace clang::tidy::ctx::test;

namespace {

std::unique_ptr<TestAST> parse(llvm::StringRef Code) {
  auto AST = std::make_unique<TestAST>(Code);
  EXPECT_TRUE(AST->compiled()) << AST->errors();
  return AST;
}

TEST(StorageAnalysisTest, RemovalAndInsertLists) {
  for (const char *Name :
       {"erase", "erase_if", "eraseInto", "unsafe_erase", "extract", "clear",
        "pop_back", "pop_front", "pop", "swap", "resize", "reset"})
    EXPECT_TRUE(isRemovalMethod(Name)) << Name;
  EXPECT_FALSE(isRemovalMethod("emplace"));
  EXPECT_FALSE(isRemovalMethod("find"));
  EXPECT_TRUE(isRemovalFunction("std::erase_if"));
  EXPECT_TRUE(isRemovalFunction("std::exchange"));
  EXPECT_TRUE(isRemovalFunction("absl::erase_if"));
  EXPECT_FALSE(isRemovalFunction("std::move"));
  for (const char *Name :
       {"insert", "emplace", "try_emplace", "insert_or_assign", "push_back",
        "emplace_back", "push"})
    EXPECT_TRUE(isInsertMethod(Name)) << Name;
  EXPECT_FALSE(isInsertMethod("erase"));
}

TEST(StorageAnalysisTest, FindsStoresThroughReferencesAndAccessors) {
  auto AST = parse(R"cpp(
    static std::map<int, std::stop_token> &registry() {
      static std::map<int, std::stop_token> tokens;
      return tokens;
    }
    void handle(int id, std::stop_token tok) {
      auto &reg = registry();
      reg.emplace(id, tok);
      registry()[id] = tok;
    }
  )cpp");
  ContextModel Model;
  StorageAnalysis A(AST->context(), Model, {});
  A.scan();
  ASSERT_EQ(A.stores().size(), 2u);
  for (const StoreSite &S : A.stores()) {
    EXPECT_EQ(S.Target.Key->getName(), "tokens");
    EXPECT_TRUE(A.originsOf(S.Values.back()).FromRequest);
    EXPECT_TRUE(A.removalVisibleInFile(S.Target));
    EXPECT_FALSE(A.hasRemoval(S.Target));
  }
  EXPECT_EQ(A.stores()[0].Kind, StoreKind::Insert);
  EXPECT_EQ(A.stores()[1].Kind, StoreKind::SubscriptAssign);
}

TEST(StorageAnalysisTest, ShutdownTokensAreNotTheRequests) {
  auto AST = parse(R"cpp(
    std::stop_source g_shutdown;
    std::map<int, std::stop_token> g_tokens;
    void install(int id) {
      auto tok = g_shutdown.get_token();
      g_tokens.emplace(id, tok);
    }
    void reset() { g_tokens.clear(); }
  )cpp");
  ContextModel Model;
  StorageAnalysis A(AST->context(), Model, {});
  A.scan();
  ASSERT_EQ(A.stores().size(), 1u);
  FeedingOrigins O = A.originsOf(A.stores()[0].Values.back());
  EXPECT_FALSE(O.FromRequest);
  EXPECT_TRUE(O.FromStatic);
  EXPECT_TRUE(A.hasRemoval(A.stores()[0].Target));
}

TEST(StorageAnalysisTest, LongLivedClassesAndMembers) {
  auto AST = parse(R"cpp(
    class Tracker {
    public:
      void track(int id, std::stop_token tok) { tokens_.emplace(id, tok); }
    private:
      std::map<int, std::stop_token> tokens_;
    };
    class Scope {
    public:
      void track(int id, std::stop_token tok) { tokens_.emplace(id, tok); }
    private:
      std::map<int, std::stop_token> tokens_;
    };
    Tracker g_tracker;
  )cpp");
  ContextModel Model;
  StorageAnalysis A(AST->context(), Model, {});
  A.scan();
  ASSERT_EQ(A.stores().size(), 1u);
  const StaticTarget &T = A.stores()[0].Target;
  ASSERT_TRUE(T.LongLived);
  EXPECT_EQ(T.LongLived->getName(), "Tracker");
  std::optional<LongLivedReason> Why = A.longLived(T.LongLived);
  ASSERT_TRUE(Why && Why->Witness);
  EXPECT_EQ(Why->Witness->getName(), "g_tracker");
}

TEST(StorageAnalysisTest, LongLivedTypesOption) {
  auto AST = parse(R"cpp(
    namespace app {
    class Dispatcher {
    public:
      void on(int id, std::stop_token tok) { subs_.emplace(id, tok); }
    private:
      std::map<int, std::stop_token> subs_;
    };
    }
  )cpp");
  ContextModel Model;
  StorageAnalysis A(AST->context(), Model, {"app::Dispatcher"});
  A.scan();
  ASSERT_EQ(A.stores().size(), 1u);
  std::optional<LongLivedReason> Why =
      A.longLived(A.stores()[0].Target.LongLived);
  ASSERT_TRUE(Why);
  EXPECT_EQ(Why->Witness, nullptr);
}

TEST(StorageAnalysisTest, ContextsOnlyInACollectionOfAPointedToObject) {
  auto AST = parse(R"cpp(
    template <class T> struct Queue { T *begin(); int size() const; };
    template <class T, class C = Queue<T>> struct Adaptor { C c; };
    struct Task { std::stop_token tok; };
    class Pool {
      struct State { Adaptor<Task> pending; int running; };
      State *state_;
    };
    class Holder { Queue<Task> tasks_; std::stop_token own_; };
    class OwnsQueue { Adaptor<Task> tasks_; };
    struct Request { int id; std::stop_token tok; };
    Pool *pool_ptr;
    Pool &pool_ref = *pool_ptr;
    OwnsQueue owned_value;
    Holder *holder_ptr;
    Request *request_ptr;
    Queue<std::stop_token> *queue_ptr;
    std::stop_token *token_ptr;
    int *int_ptr;
  )cpp");
  ContextModel Model;
  auto OnlyInCollections = [&](const char *Name) {
    return holdsContextsOnlyInPointeeCollections(AST->var(Name)->getType(),
                                                 Model, AST->context());
  };
  EXPECT_TRUE(OnlyInCollections("pool_ptr"));
  EXPECT_TRUE(OnlyInCollections("pool_ref"));
  EXPECT_FALSE(OnlyInCollections("owned_value")) << "owned, not pointed to";
  EXPECT_FALSE(OnlyInCollections("holder_ptr")) << "also a token of its own";
  EXPECT_FALSE(OnlyInCollections("request_ptr"));
  EXPECT_FALSE(OnlyInCollections("queue_ptr")) << "a pointer to a collection";
  EXPECT_FALSE(OnlyInCollections("token_ptr"));
  EXPECT_FALSE(OnlyInCollections("int_ptr")) << "no context at all";
}

} // namespace
