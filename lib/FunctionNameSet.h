//===--- FunctionNameSet.h - ctx-tidy ---------------------------*- C++ -*-===//
//
// A set of functions given by qualified name, as options and catalogues list
// them ("tbb::parallel_for", "folly::Executor::add"), matched against the
// callees the code calls. Answers "is this call one of the listed functions?"
// for the SynchronousCalls and DetachingCalls options.
//
//===----------------------------------------------------------------------===//

#ifndef CTX_TIDY_LIB_FUNCTIONNAMESET_H
#define CTX_TIDY_LIB_FUNCTIONNAMESET_H

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <utility>
#include <vector>

namespace clang {
class ASTContext;
class Decl;
class Expr;
class FunctionDecl;
} // namespace clang

namespace clang::tidy::ctx {

/// A set of functions given by qualified name. A name matches every overload
/// and template of that name, also when a header declares it in a detail
/// namespace and exports it with a using-declaration, and a function object
/// of that name (`unifex::sync_wait`).
class FunctionNameSet {
public:
  /// Whether an entry `ns::Class::method` also names the method of that name
  /// in a class derived from `ns::Class` (an override, or one that hides it).
  enum class DerivedClasses { Excluded, Included };

  explicit FunctionNameSet(DerivedClasses Derived = DerivedClasses::Excluded)
      : Derived(Derived) {}

  /// Adds a qualified name; blanks and a leading "::" are dropped.
  void add(llvm::StringRef QualifiedName);
  bool empty() const { return Names.empty(); }

  /// True if \p F is in the set.
  bool contains(const FunctionDecl *F, const ASTContext &Ctx) const;
  /// True if the callee of \p Call (also an unresolved one in a template,
  /// and a function object) is in the set.
  bool containsCallee(const Expr *Call, const ASTContext &Ctx) const;

private:
  void bind(const ASTContext &Ctx) const;
  bool inDerivedClass(const FunctionDecl *F) const;

  DerivedClasses Derived;
  std::vector<std::string> Names;
  /// Member entries split into (class, method), for DerivedClasses::Included.
  std::vector<std::pair<std::string, std::string>> Methods;
  mutable const ASTContext *BoundTo = nullptr;
  mutable llvm::DenseSet<const Decl *> Resolved;
};

} // namespace clang::tidy::ctx

#endif // CTX_TIDY_LIB_FUNCTIONNAMESET_H
