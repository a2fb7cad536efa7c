//===--- SourceTokensTest.cpp - ctx-tidy unit tests -----------------------===//
//
// Sources that are their own token received by pointer or as an optional
// reference, the null values given for them, and variants under another name
// that take them: ContextModel's optional-reference and duration questions,
// ValueOrigin's Null, ReceivedTokens' tokenArgumentFor, Overloads'
// tokenVariantsFor.
//
//===----------------------------------------------------------------------===//

#include "TestAST.h"
#include "lib/ContextModel.h"
#include "lib/ExprShapes.h"
#include "lib/Overloads.h"
#include "lib/ReceivedTokens.h"
#include "lib/ValueOrigin.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::tidy::ctx;
using namespace clang::tidy::ctx::test;

namespace {

/// A self-contained prelude: the few standard and Seastar declarations these
/// tests need, with their real names and shapes.
const char *const Prelude = R"cpp(
namespace std {
using intmax_t = long long;
struct nullopt_t { explicit constexpr nullopt_t(int) {} };
inline constexpr nullopt_t nullopt{0};
template <class T> class optional {
public:
  optional() noexcept;
  optional(nullopt_t) noexcept;
  optional(const T &);
  optional(const optional &);
  T *operator->();
  explicit operator bool() const noexcept;
};
template <class T> class reference_wrapper {
public:
  reference_wrapper(T &t) noexcept;
  T &get() const noexcept;
};
template <class T> reference_wrapper<T> ref(T &t) noexcept;
template <class T> reference_wrapper<const T> cref(const T &t) noexcept;
template <intmax_t N, intmax_t D = 1> struct ratio {};
using nano = ratio<1, 1000000000>;
using milli = ratio<1, 1000>;
namespace chrono {
template <class Rep, class Period = ratio<1>> class duration {
public:
  constexpr duration() = default;
  template <class Rep2> constexpr explicit duration(const Rep2 &);
};
using nanoseconds = duration<long long, nano>;
using milliseconds = duration<long long, milli>;
using seconds = duration<long long>;
struct steady_clock {
  using duration = nanoseconds;
};
} // namespace chrono
} // namespace std

namespace seastar {
template <typename T = void> class future {};
class abort_source {
public:
  bool abort_requested() const noexcept;
  void request_abort() noexcept;
};
using steady_clock_type = std::chrono::steady_clock;
template <typename Clock = steady_clock_type, typename Rep, typename Period>
future<> sleep(std::chrono::duration<Rep, Period> dur);
template <typename Clock = steady_clock_type>
future<> sleep_abortable(typename Clock::duration dur);
template <typename Clock = steady_clock_type>
future<> sleep_abortable(typename Clock::duration dur, abort_source &as);
} // namespace seastar

using maybe_abort = std::optional<std::reference_wrapper<seastar::abort_source>>;
)cpp";

TestAST build(llvm::StringRef Code) {
  TestAST::Options Opts;
  Opts.StandIns = false;
  return TestAST(std::string(Prelude) + Code.str(), Opts);
}

/// The type of parameter \p I of the function \p Fn (defined in the
/// snippet); null when there is none.
QualType paramType(const TestAST &AST, llvm::StringRef Fn, unsigned I) {
  const FunctionDecl *F = AST.function(Fn);
  EXPECT_NE(F, nullptr) << Fn.str();
  if (!F || I >= F->getNumParams())
    return QualType();
  return F->getParamDecl(I)->getType();
}

TEST(SourceTokensTest, OptionalReferenceTarget) {
  TestAST AST = build(R"cpp(
    void f(maybe_abort a, const maybe_abort &b, std::optional<int> c,
           std::reference_wrapper<seastar::abort_source> d,
           std::optional<std::reference_wrapper<const int>> e) {}
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  QualType A = optionalReferenceTarget(paramType(AST, "f", 0));
  ASSERT_FALSE(A.isNull());
  EXPECT_EQ(recordNameOf(A), "seastar::abort_source");
  EXPECT_FALSE(optionalReferenceTarget(paramType(AST, "f", 1)).isNull())
      << "references and cv-qualifiers are looked through";
  EXPECT_TRUE(optionalReferenceTarget(paramType(AST, "f", 2)).isNull());
  EXPECT_TRUE(optionalReferenceTarget(paramType(AST, "f", 3)).isNull());
  QualType E = optionalReferenceTarget(paramType(AST, "f", 4));
  ASSERT_FALSE(E.isNull());
  EXPECT_TRUE(E.isConstQualified()) << "the referent keeps its const";
  EXPECT_TRUE(isOptionalType(paramType(AST, "f", 2)));
  EXPECT_FALSE(isOptionalType(paramType(AST, "f", 3)));
}

TEST(SourceTokensTest, DurationConversions) {
  TestAST AST = build(R"cpp(
    void f(std::chrono::seconds s, std::chrono::milliseconds ms,
           std::chrono::nanoseconds ns, std::chrono::duration<double> fs,
           std::chrono::duration<long long, std::ratio<1, 3>> third,
           int n) {}
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  QualType S = paramType(AST, "f", 0), Ms = paramType(AST, "f", 1),
           Ns = paramType(AST, "f", 2), Fs = paramType(AST, "f", 3),
           Third = paramType(AST, "f", 4), N = paramType(AST, "f", 5);
  EXPECT_TRUE(durationConvertsImplicitly(S, Ns));
  EXPECT_TRUE(durationConvertsImplicitly(Ms, Ns));
  EXPECT_TRUE(durationConvertsImplicitly(Ns, Ns));
  EXPECT_FALSE(durationConvertsImplicitly(Ns, Ms)) << "would truncate";
  EXPECT_FALSE(durationConvertsImplicitly(Fs, Ns)) << "floating to integral";
  EXPECT_TRUE(durationConvertsImplicitly(Ns, Fs)) << "to a floating rep";
  EXPECT_FALSE(durationConvertsImplicitly(Third, Ms));
  EXPECT_TRUE(durationConvertsImplicitly(S, Third));
  EXPECT_FALSE(durationConvertsImplicitly(N, Ns));
}

TEST(SourceTokensTest, NullOrigins) {
  TestAST AST = build(R"cpp(
    void by_pointer(seastar::abort_source *);
    void by_optional(maybe_abort);
    void g(seastar::abort_source &as) {
      by_pointer(nullptr);
      by_pointer(0);
      seastar::abort_source *none = nullptr;
      by_pointer(none);
      by_pointer(&as);
      by_optional(std::nullopt);
      by_optional({});
      by_optional(std::ref(as));
      by_optional(maybe_abort());
    }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  auto Kind = [&](llvm::StringRef Callee, unsigned N) {
    const CallExpr *C = AST.call(Callee, N);
    EXPECT_NE(C, nullptr);
    return C ? originOf(C->getArg(0), AST.model(), AST.context()).Kind
             : OriginKind::Unknown;
  };
  EXPECT_EQ(Kind("by_pointer", 0), OriginKind::Null);
  EXPECT_EQ(Kind("by_pointer", 1), OriginKind::Null);
  EXPECT_EQ(Kind("by_pointer", 2), OriginKind::Null) << "through the local";
  EXPECT_NE(Kind("by_pointer", 3), OriginKind::Null);
  EXPECT_EQ(Kind("by_optional", 0), OriginKind::Null);
  EXPECT_EQ(Kind("by_optional", 1), OriginKind::Null);
  EXPECT_NE(Kind("by_optional", 2), OriginKind::Null);
  EXPECT_EQ(Kind("by_optional", 3), OriginKind::Null);
}

TEST(SourceTokensTest, ReceivedAsOptionalReference) {
  TestAST AST = build(R"cpp(
    void f(maybe_abort a, seastar::abort_source *b, seastar::abort_source &c,
           std::optional<std::reference_wrapper<int>> d) {}
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  auto Tokens = receivedTokens(AST.function("f"), AST.model(), AST.context());
  ASSERT_EQ(Tokens.size(), 3u);
  EXPECT_EQ(Tokens[0].name(), "a");
  EXPECT_TRUE(Tokens[0].ThroughOptional);
  EXPECT_FALSE(Tokens[0].ThroughPointer);
  EXPECT_EQ(Tokens[0].Info->Name, "seastar::abort_source");
  EXPECT_TRUE(Tokens[1].ThroughPointer);
  EXPECT_FALSE(Tokens[1].ThroughOptional);
  EXPECT_FALSE(Tokens[2].ThroughPointer || Tokens[2].ThroughOptional);
}

TEST(SourceTokensTest, TokenArgumentFor) {
  TestAST AST = build(R"cpp(
    void by_pointer(seastar::abort_source *) {}
    void by_reference(seastar::abort_source &) {}
    void by_optional(maybe_abort) {}
    void by_const_optional(
        std::optional<std::reference_wrapper<const seastar::abort_source>>) {}
    void by_int_pointer(int *) {}
    void f(maybe_abort a, seastar::abort_source *b, seastar::abort_source &c,
           const seastar::abort_source &d) {}
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  auto Tokens = receivedTokens(AST.function("f"), AST.model(), AST.context());
  ASSERT_EQ(Tokens.size(), 4u);
  QualType Ptr = paramType(AST, "by_pointer", 0);
  QualType Ref = paramType(AST, "by_reference", 0);
  QualType Opt = paramType(AST, "by_optional", 0);
  QualType COpt = paramType(AST, "by_const_optional", 0);
  QualType IntPtr = paramType(AST, "by_int_pointer", 0);
  auto Arg = [&](QualType P, unsigned T) {
    return tokenArgumentFor(P, Tokens[T], AST.model(), AST.context());
  };
  // Held as the parameter takes it.
  EXPECT_EQ(Arg(Opt, 0), "a");
  EXPECT_EQ(Arg(Ptr, 1), "b");
  EXPECT_EQ(Arg(Ref, 2), "c");
  // Held by reference: converted.
  EXPECT_EQ(Arg(Ptr, 2), "&c");
  EXPECT_EQ(Arg(Opt, 2), "std::ref(c)");
  EXPECT_EQ(Arg(COpt, 2), "std::cref(c)");
  EXPECT_EQ(Arg(COpt, 3), "std::cref(d)");
  // May hold nothing, or would drop a const: no obvious conversion.
  EXPECT_EQ(Arg(Ref, 0), "");
  EXPECT_EQ(Arg(Ptr, 0), "");
  EXPECT_EQ(Arg(Ref, 1), "");
  EXPECT_EQ(Arg(Opt, 1), "");
  EXPECT_EQ(Arg(Ptr, 3), "");
  EXPECT_EQ(Arg(Opt, 3), "");
  EXPECT_EQ(Arg(IntPtr, 2), "");
}

/// The variants named \p Variant of the \p N-th call to \p Callee that take
/// an abort source, as "name@index" plus "+" when the call can be rewritten.
std::vector<std::string> variants(const TestAST &AST, llvm::StringRef Callee,
                                  unsigned N, llvm::StringRef Variant) {
  const CallExpr *Call = AST.call(Callee, N);
  EXPECT_NE(Call, nullptr) << Callee.str();
  if (!Call)
    return {};
  OverloadLookup L;
  L.Callee = Call->getDirectCallee();
  L.Name = DeclarationName(&AST.context().Idents.get(Variant));
  auto [Fn, Body] = AST.parents().enclosingBody(*Call);
  L.From = dyn_cast_or_null<DeclContext>(Fn);
  L.At = Call->getBeginLoc();
  auto IsSource = [](const ParmVarDecl *P) {
    return recordNameOf(P->getType()) == "seastar::abort_source";
  };
  std::vector<std::string> Out;
  for (const TokenVariant &V :
       tokenVariantsFor(Call, L, IsSource, AST.context()))
    Out.push_back(V.Function->getNameAsString() + "@" +
                  std::to_string(V.TokenIndex) + (V.Appendable ? "+" : ""));
  return Out;
}

using Strings = std::vector<std::string>;

TEST(SourceTokensTest, SleepAndItsAbortableVariant) {
  TestAST AST = build(R"cpp(
    struct lowres_clock { using duration = std::chrono::milliseconds; };
    void g(seastar::abort_source &as, std::chrono::milliseconds ms) {
      seastar::sleep(std::chrono::seconds(1));
      seastar::sleep(ms);
      seastar::sleep(std::chrono::duration<double>(1.5));
      seastar::sleep<lowres_clock>(ms);
    }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  // Clock::duration resolved through Clock's default: nanoseconds, which
  // seconds and milliseconds convert to.
  EXPECT_EQ(variants(AST, "sleep", 0, "sleep_abortable"),
            Strings{"sleep_abortable@1+"});
  EXPECT_EQ(variants(AST, "sleep", 1, "sleep_abortable"),
            Strings{"sleep_abortable@1+"});
  // A floating duration needs a cast; explicit template arguments would be
  // lost.
  EXPECT_EQ(variants(AST, "sleep", 2, "sleep_abortable"),
            Strings{"sleep_abortable@1"});
  EXPECT_EQ(variants(AST, "sleep", 3, "sleep_abortable"),
            Strings{"sleep_abortable@1"});
  EXPECT_EQ(variants(AST, "sleep", 0, "no_such_function"), Strings{});
}

TEST(SourceTokensTest, VariantsOfPlainFunctions) {
  TestAST AST = build(R"cpp(
    namespace app {
    int fetch(int key);
    int fetch_abortable(int key, seastar::abort_source &as);
    int wait(int n);
    int wait_until_aborted(seastar::abort_source &as, int n);
    void get(long key);
    int get_abortable(long key, seastar::abort_source &as);
    int put(int key);
    int put_abortable(int key, int extra, seastar::abort_source &as);
    }
    void g() {
      app::fetch(1);
      app::wait(1);
      app::get(1);
      app::put(1);
    }
  )cpp");
  ASSERT_TRUE(AST.compiled()) << AST.errors();
  EXPECT_EQ(variants(AST, "fetch", 0, "fetch_abortable"),
            Strings{"fetch_abortable@1+"});
  EXPECT_EQ(variants(AST, "wait", 0, "wait_until_aborted"),
            Strings{"wait_until_aborted@0"})
      << "the source first: appending it does not call the variant";
  EXPECT_EQ(variants(AST, "get", 0, "get_abortable"),
            Strings{"get_abortable@1"})
      << "returns something else";
  EXPECT_EQ(variants(AST, "put", 0, "put_abortable"), Strings{})
      << "one parameter more than the source";
}

} // namespace
