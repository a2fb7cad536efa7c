//===--- ContextLibraryTypes.cpp - ctx-tidy -------------------------------===//
//
// The context model's catalogue of library types that are not cancellation
// types themselves but decide where work ends: threads and their containers,
// tasks and futures, condition variables, callable binders (declared in
// ContextModel.h, the one place for type knowledge).
//
//===----------------------------------------------------------------------===//

#include "lib/ContextModel.h"
#include "lib/QualifiedNames.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"

namespace clang::tidy::ctx {

namespace {

using LR = LibraryRole;

// The library types the analyses recognise. Each row was checked against
// the library's own headers, like the catalogue above. BlockingMembers lists
// the members that block until other work is done ("wait*": every member
// that starts with "wait").
const LibraryTypeInfo LibraryCatalogue[] = {
    {LR::Thread, "std::thread", "join", ""},
    {LR::Thread, "std::jthread", "join", ""},
    // A task's wait() and get() end its own work (lib/WorkEnds); they are
    // not listed among the blocking waits, which stand for any work.
    {LR::Task, "pplx::task", "", ""},
    {LR::Task, "Concurrency::task", "", ""},
    {LR::Task, "concurrency::task", "", ""},
    {LR::TaskOptions, "pplx::task_options", "", ""},
    {LR::TaskOptions, "Concurrency::task_options", "", ""},
    {LR::TaskOptions, "concurrency::task_options", "", ""},
    // libstdc++ declares wait() in the base of both futures.
    {LR::Future, "std::future", "get;wait*", ""},
    {LR::Future, "std::shared_future", "get;wait*", ""},
    {LR::Future, "std::__basic_future", "get;wait*", ""},
    {LR::Executor, "boost::asio::execution_context", "", ""},
    {LR::Executor, "boost::asio::io_context", "run", ""},
    {LR::Executor, "boost::asio::thread_pool", "join;wait", ""},
    {LR::Executor, "folly::Executor", "", ""},
    {LR::Synchronizer, "std::condition_variable", "wait*", ""},
    {LR::Synchronizer, "std::condition_variable_any", "wait*", ""},
    {LR::Synchronizer, "std::latch", "wait*", ""},
    {LR::Synchronizer, "std::barrier", "arrive_and_wait;wait", ""},
    {LR::Synchronizer, "absl::Notification", "WaitForNotification*", ""},
    {LR::SequenceContainer, "std::vector", "", ""},
    {LR::SequenceContainer, "std::deque", "", ""},
    {LR::SequenceContainer, "std::list", "", ""},
    {LR::Tuple, "std::pair", "", ""},
    {LR::Tuple, "std::tuple", "", ""},
    {LR::FunctionWrapper, "std::function", "", ""},
    {LR::SharedPointer, "std::shared_ptr", "", ""},
    {LR::NonOwningWrapper, "std::reference_wrapper", "",
     "std::reference_wrapper"},
    {LR::NonOwningWrapper, "std::span", "", "view"},
    {LR::NonOwningWrapper, "std::basic_string_view", "", "view"},
    {LR::NonOwningWrapper, "gsl::not_null", "", "view"},
    {LR::DetachedCompletion, "boost::asio::detached_t", "", ""},
    {LR::TimeBound, "std::chrono::duration", "", ""},
    {LR::TimeBound, "std::chrono::time_point", "", ""},
    {LR::TimeBound, "absl::Duration", "", ""},
    {LR::TimeBound, "absl::Time", "", ""},
    // <optional>; seastar/util/optimized_optional.hh, the type
    // abort_source::subscribe returns its subscription in.
    {LR::OwningOptional, "std::optional", "", ""},
    {LR::OwningOptional, "seastar::optimized_optional", "", ""},
};

/// Future types whose continuations run after the function that attached
/// them may have returned, checked against seastar/core/future.hh (the
/// commit test/Inputs/README.md cites). Members are ';'-separated.
struct FutureRow {
  const char *Name;
  /// Take a callable (the first argument) and return a future that
  /// completes after it ran.
  const char *Continuations;
  /// Return a future of the same work and take no callable.
  const char *Chained;
};
const FutureRow Futures[] = {
    {"seastar::future",
     "then;then_wrapped;then_unpack;finally;handle_exception;"
     "handle_exception_type",
     "discard_result;or_terminate"},
};

/// Variables that throw away what is assigned to them (<tuple>).
const char *const DiscardingTargets[] = {
    "std::ignore",
};

/// The condition-variable types and their waits, checked against libstdc++
/// 12's <condition_variable>. Only std::condition_variable_any has waits
/// that take a stop token, and each of them also takes a predicate.
struct ConditionVariableRow {
  const char *Name;
  /// ';'-separated member names.
  const char *UntimedWaits;
  const char *TimedWaits;
  /// The type whose waits take a token, and that token's type.
  const char *TokenAware;
  const char *TokenType;
};
const ConditionVariableRow ConditionVariables[] = {
    {"std::condition_variable", "wait", "wait_for;wait_until",
     "std::condition_variable_any", "std::stop_token"},
    {"std::condition_variable_any", "wait", "wait_for;wait_until",
     "std::condition_variable_any", "std::stop_token"},
};

const llvm::StringMap<const LibraryTypeInfo *> &libraryByName() {
  static const llvm::StringMap<const LibraryTypeInfo *> ByName = [] {
    llvm::StringMap<const LibraryTypeInfo *> M;
    for (const LibraryTypeInfo &Row : LibraryCatalogue)
      M[Row.Name] = &Row;
    return M;
  }();
  return ByName;
}

/// True if \p Name is listed in \p Members (see BlockingMembers).
bool listedMember(llvm::StringRef Members, llvm::StringRef Name) {
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Members.split(Parts, ';', -1, false);
  for (llvm::StringRef P : Parts) {
    if (P.consume_back("*") ? Name.starts_with(P) : Name == P)
      return true;
  }
  return false;
}

} // namespace

const LibraryTypeInfo *libraryTypeOf(const CXXRecordDecl *RD) {
  if (!RD || !RD->getIdentifier())
    return nullptr;
  return libraryByName().lookup(qualifiedNameOf(RD));
}

const LibraryTypeInfo *libraryTypeOf(QualType T) {
  if (T.isNull())
    return nullptr;
  QualType C = T.getNonReferenceType().getCanonicalType();
  if (C->isPointerType())
    return nullptr;
  return libraryTypeOf(C->getAsCXXRecordDecl());
}

bool hasLibraryRole(QualType T, LibraryRole Role) {
  const LibraryTypeInfo *Info = libraryTypeOf(T);
  return Info && Info->Role == Role;
}

bool derivesFromLibraryRole(const CXXRecordDecl *RD, LibraryRole Role) {
  for (const LibraryTypeInfo &Row : LibraryCatalogue)
    if (Row.Role == Role && classOrBaseNamed(RD, Row.Name))
      return true;
  return false;
}

bool isThreadContainer(QualType T) {
  if (!hasLibraryRole(T, LibraryRole::SequenceContainer))
    return false;
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getNonReferenceType().getCanonicalType()->getAsCXXRecordDecl());
  if (!Spec || Spec->getTemplateArgs().size() < 1)
    return false;
  const TemplateArgument &Arg = Spec->getTemplateArgs()[0];
  return Arg.getKind() == TemplateArgument::Type &&
         hasLibraryRole(Arg.getAsType(), LibraryRole::Thread);
}

/// Calls that bind a callable to arguments: the result runs the callable.
const char *const CallableBinders[] = {
    "std::bind",
    "std::bind_front",
    "std::bind_back",
};

bool isCallableBinder(const CallExpr *C) {
  const FunctionDecl *F = C ? C->getDirectCallee() : nullptr;
  if (!F || C->getNumArgs() == 0 || !F->getDeclName().isIdentifier())
    return false;
  return llvm::is_contained(CallableBinders, qualifiedNameOf(F));
}

bool isBlockingMember(const CXXMethodDecl *M) {
  if (!M || !M->getIdentifier())
    return false;
  const LibraryTypeInfo *Info = libraryTypeOf(M->getParent());
  return Info && listedMember(Info->BlockingMembers, M->getName());
}

ConditionWait conditionWaitOf(const CXXMethodDecl *M) {
  if (!M || !M->getIdentifier())
    return ConditionWait::None;
  const CXXRecordDecl *RD = M->getParent();
  if (!RD || !RD->getIdentifier())
    return ConditionWait::None;
  std::string Class = qualifiedNameOf(RD);
  for (const ConditionVariableRow &Row : ConditionVariables) {
    if (Class != Row.Name)
      continue;
    if (listedMember(Row.UntimedWaits, M->getName()))
      return ConditionWait::Untimed;
    if (listedMember(Row.TimedWaits, M->getName()))
      return ConditionWait::Timed;
    return ConditionWait::None;
  }
  return ConditionWait::None;
}

llvm::StringRef tokenAwareConditionVariable(const ContextTypeInfo &Token) {
  for (const ConditionVariableRow &Row : ConditionVariables)
    if (Token.Name == Row.TokenType)
      return Row.TokenAware;
  return "";
}

QualType lookThroughOwningOptional(QualType T) {
  if (!hasLibraryRole(T, LibraryRole::OwningOptional))
    return T;
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getNonReferenceType().getCanonicalType()->getAsCXXRecordDecl());
  if (!Spec || Spec->getTemplateArgs().size() < 1 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return T;
  return Spec->getTemplateArgs()[0].getAsType();
}

FutureMember futureMemberOf(const CXXMethodDecl *M) {
  if (!M || !M->getIdentifier())
    return FutureMember::None;
  const CXXRecordDecl *RD = M->getParent();
  if (!RD || !RD->getIdentifier())
    return FutureMember::None;
  std::string Class = qualifiedNameOf(RD);
  for (const FutureRow &Row : Futures) {
    if (Class != Row.Name)
      continue;
    if (listedMember(Row.Continuations, M->getName()))
      return FutureMember::Continuation;
    if (listedMember(Row.Chained, M->getName()))
      return FutureMember::Chained;
    return FutureMember::None;
  }
  return FutureMember::None;
}

bool isDiscardingTarget(const Expr *E) {
  const auto *DRE =
      dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreImplicit() : nullptr);
  const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!V || !V->getIdentifier())
    return false;
  return llvm::is_contained(DiscardingTargets, qualifiedNameOf(V));
}

std::vector<std::string> libraryTypeNames(LibraryRole Role) {
  std::vector<std::string> Out;
  for (const LibraryTypeInfo &Row : LibraryCatalogue)
    if (Row.Role == Role)
      Out.push_back(std::string("::") + Row.Name);
  return Out;
}

bool isNonConstByStandard(const CXXMethodDecl *M) {
  static const char *const NonConst[] = {
      "std::stop_source::request_stop",
      "std::stop_source::swap",
  };
  if (!M || !M->getIdentifier())
    return false;
  std::string Name = qualifiedNameOf(M);
  return llvm::is_contained(NonConst, Name);
}

} // namespace clang::tidy::ctx
