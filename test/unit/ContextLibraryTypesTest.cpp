//===--- ContextLibraryTypesTest.cpp - ctx-tidy unit tests ----------------===//

#include "TestAST.h"
#include "lib/ContextModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::ctx;
using namespace clang::tidy::ctx::test;

namespace {

// Seastar's future, abort_source and optimized_optional, cut down to the
// members the model looks at (seastar/core/future.hh, abort_source.hh,
// util/optimized_optional.hh).
const char *const Seastar = R"cpp(
namespace seastar {
template <class T = void> class future {
public:
  future(future &&) noexcept;
  ~future();
  template <class F> future<T> then(F &&f) {
    return static_cast<future &&>(*this);
  }
  template <class F> future<T> then_wrapped(F &&f) {
    return static_cast<future &&>(*this);
  }
  template <class F> future<T> finally(F &&f) {
    return static_cast<future &&>(*this);
  }
  template <class F> future<T> handle_exception(F &&f) {
    return static_cast<future &&>(*this);
  }
  future<> discard_result();
  future<> or_terminate();
  T get();
  void wait();
  bool available() const;
};
template <class T> class optimized_optional {
  T Object;
};
class abort_source {
public:
  class subscription {
  public:
    subscription();
    subscription(subscription &&) noexcept;
    ~subscription();
  };
  template <class F> optimized_optional<subscription> subscribe(F &&f);
};
} // namespace seastar
namespace other {
template <class T> struct future {
  template <class F> future then(F &&f);
};
template <class T> struct optimized_optional {
  T Object;
};
} // namespace other
)cpp";

struct Fixture {
  TestAST AST;
  explicit Fixture(llvm::StringRef Snippet)
      : AST(std::string(Seastar) + Snippet.str()) {
    EXPECT_TRUE(AST.compiled()) << AST.errors();
  }
  ASTContext &ctx() { return AST.context(); }
  /// The member \p Name of the class \p Class (its first declaration).
  const CXXMethodDecl *method(llvm::StringRef Class, llvm::StringRef Name) {
    auto Ms = match(cxxMethodDecl(hasName(Name), ofClass(hasName(Class)),
                                  unless(isImplicit()))
                        .bind("m"),
                    ctx());
    return Ms.empty() ? nullptr : Ms[0].getNodeAs<CXXMethodDecl>("m");
  }
  QualType returnTypeOf(llvm::StringRef Fn) {
    const FunctionDecl *F = AST.function(Fn);
    return F ? F->getReturnType() : QualType();
  }
};

TEST(ContextLibraryTypesTest, OwningOptionalsAreLookedThrough) {
  Fixture T(R"cpp(
    seastar::optimized_optional<seastar::abort_source::subscription> sub() {
      return {};
    }
    std::optional<int> opt() { return {}; }
    other::optimized_optional<int> lookalike() { return {}; }
    int plain() { return 0; }
  )cpp");
  const ContextModel &Model = T.AST.model();
  QualType Sub = lookThroughOwningOptional(T.returnTypeOf("sub"));
  const ContextTypeInfo *Info = Model.classify(Sub, T.ctx());
  ASSERT_NE(Info, nullptr);
  EXPECT_EQ(Info->Role, ContextRole::StopCallback);
  EXPECT_EQ(Info->Name, "seastar::abort_source::subscription");
  // The wrapper itself is no registration.
  EXPECT_EQ(Model.classify(T.returnTypeOf("sub"), T.ctx()), nullptr);
  EXPECT_TRUE(
      lookThroughOwningOptional(T.returnTypeOf("opt"))->isIntegerType());
  QualType Lookalike = T.returnTypeOf("lookalike");
  EXPECT_EQ(lookThroughOwningOptional(Lookalike), Lookalike);
  QualType Plain = T.returnTypeOf("plain");
  EXPECT_EQ(lookThroughOwningOptional(Plain), Plain);
}

TEST(ContextLibraryTypesTest, FutureMembersByKind) {
  Fixture T("");
  for (const char *Name :
       {"then", "then_wrapped", "finally", "handle_exception"})
    EXPECT_EQ(futureMemberOf(T.method("::seastar::future", Name)),
              FutureMember::Continuation)
        << Name;
  for (const char *Name : {"discard_result", "or_terminate"})
    EXPECT_EQ(futureMemberOf(T.method("::seastar::future", Name)),
              FutureMember::Chained)
        << Name;
  for (const char *Name : {"get", "wait", "available"})
    EXPECT_EQ(futureMemberOf(T.method("::seastar::future", Name)),
              FutureMember::None)
        << Name;
  // Another library's future of the same name is not Seastar's.
  const CXXMethodDecl *Other = T.method("::other::future", "then");
  ASSERT_NE(Other, nullptr);
  EXPECT_EQ(futureMemberOf(Other), FutureMember::None);
  EXPECT_EQ(futureMemberOf(nullptr), FutureMember::None);
}

TEST(ContextLibraryTypesTest, StdIgnoreIsTheDiscardingTarget) {
  Fixture T(R"cpp(
    namespace mine { struct Sink { template <class U> Sink &operator=(U &&); };
                     extern Sink ignore; }
    int value();
    void f() {
      std::ignore = value();
      mine::ignore = value();
      int ignore = 0;
      ignore = value();
    }
  )cpp");
  auto Assigns = match(
      cxxOperatorCallExpr(hasOverloadedOperatorName("=")).bind("a"), T.ctx());
  unsigned StdIgnore = 0, Others = 0;
  for (const auto &M : Assigns) {
    const auto *Op = M.getNodeAs<CXXOperatorCallExpr>("a");
    (isDiscardingTarget(Op->getArg(0)) ? StdIgnore : Others) += 1;
  }
  EXPECT_EQ(StdIgnore, 1u);
  EXPECT_EQ(Others, 1u);
  auto Plain = match(binaryOperator(hasOperatorName("=")).bind("b"), T.ctx());
  ASSERT_EQ(Plain.size(), 1u);
  EXPECT_FALSE(
      isDiscardingTarget(Plain[0].getNodeAs<BinaryOperator>("b")->getLHS()));
  EXPECT_FALSE(isDiscardingTarget(nullptr));
}

} // namespace
