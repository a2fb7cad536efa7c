//===--- StorageAnalysis.h - ctx-tidy ---------------------------*- C++ -*-===//
//
// Where values can outlive the request that made them: what has static
// storage (globals, static members, function-local statics, thread_local,
// members of static objects, anything reached through a reference or an
// accessor bound to one, the object a lock wrapper guards), which classes are
// long-lived, which values belong to the current request, and which
// containers of static storage are stored into and emptied in this
// translation unit. Container operations are known by name: the one list of
// insertions and the one list of removals live here.
//
//===----------------------------------------------------------------------===//

#ifndef CTX_TIDY_LIB_STORAGEANALYSIS_H
#define CTX_TIDY_LIB_STORAGEANALYSIS_H

#include "lib/ContextModel.h"
#include "lib/ValueOrigin.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class CallExpr;
class CXXRecordDecl;
class Expr;
class FunctionDecl;
class LambdaExpr;
class Stmt;
class ValueDecl;
class VarDecl;
} // namespace clang

namespace clang::tidy::ctx {

/// True for a member function that takes entries out of a container or
/// empties a one-element holder: erase and its relatives, extract, clear,
/// pop_*, swap, resize, reset. The one list of removals.
bool isRemovalMethod(llvm::StringRef Name);
/// True for a free function that empties its first argument:
/// std::erase_if, std::erase, absl::erase_if, std::exchange, std::swap.
bool isRemovalFunction(llvm::StringRef QualifiedName);
/// True for a member function that puts an entry into a container: insert,
/// emplace, try_emplace, insert_or_assign, push_back, emplace_back, push, ...
bool isInsertMethod(llvm::StringRef Name);
/// True for a member function of a lock wrapper (folly::Synchronized and
/// look-alikes) that hands out access to the object it guards: wlock, rlock,
/// ulock, lock, contextualLock, ...
bool isLockAccessMethod(llvm::StringRef Name);
/// True for a member function of a lock wrapper that runs a callable on the
/// guarded object: withWLock, withRLock, withLock, ...
bool isLockedCallbackMethod(llvm::StringRef Name);

/// Something of static storage duration (or owned by a long-lived object)
/// that an expression designates.
struct StaticTarget {
  /// The declaration removals are matched on: the variable, or the field
  /// for a member of a static or long-lived object.
  const ValueDecl *Key = nullptr;
  /// The static-storage variable reached; null for a member reached
  /// through `this` of a long-lived class.
  const VarDecl *Root = nullptr;
  /// The long-lived class when the target is reached through `this`.
  const CXXRecordDecl *LongLived = nullptr;
  /// The target is an element of Key (g_map[k], g.wlock()->...), not Key
  /// itself.
  bool Element = false;
};

/// The way a request-scoped value is written into static storage.
enum class StoreKind {
  /// c.insert(...), c.emplace(...), c.push_back(...), ...
  Insert,
  /// c[key] = value
  SubscriptAssign,
  /// target = value
  Assign,
  /// std::exchange(target, value)
  Exchange,
  /// static T target = value; (a function-local static)
  StaticInit,
};

/// One store into static storage found in the translation unit.
struct StoreSite {
  StoreKind Kind = StoreKind::Insert;
  /// The whole store expression (the call, the assignment, the initializer).
  const Expr *Store = nullptr;
  /// The container or variable as written (the object of the call, the
  /// left-hand side of the assignment); null for StaticInit.
  const Expr *Object = nullptr;
  /// The type of the container or variable written (the pointee for
  /// `c->insert(...)`); null when dependent.
  QualType ObjectType;
  /// For Insert: the member name written ("emplace").
  std::string Method;
  /// For Insert, the `c.`/`c->` prefix of the call: from the object to the
  /// member name. Invalid when not written in the source.
  SourceLocation MemberLoc;
  StaticTarget Target;
  /// The values stored (call arguments, right-hand side, initializer).
  llvm::SmallVector<const Expr *, 3> Values;
  /// The key the entry is filed under, when the store names one.
  const Expr *Key = nullptr;
  /// The function (or lambda call operator) making the store, and its body.
  const FunctionDecl *Function = nullptr;
  const Stmt *Body = nullptr;
};

/// Why a class is long-lived.
struct LongLivedReason {
  /// An object of the class with static storage; null when the class is
  /// listed in the LongLivedTypes option.
  const VarDecl *Witness = nullptr;
};

/// The storage facts of one translation unit, gathered in one scan.
class StorageAnalysis {
public:
  /// \p LongLivedTypes are qualified class names treated as long-lived.
  StorageAnalysis(ASTContext &Ctx, const ContextModel &Model,
                  llvm::ArrayRef<std::string> LongLivedTypes);
  ~StorageAnalysis();

  /// Scans every declaration outside system headers: objects of static
  /// storage, stores into static storage, removals, and uses that let a
  /// container escape this file's view.
  void scan();

  /// What static storage \p E designates, if any.
  std::optional<StaticTarget> staticTargetOf(const Expr *E) const;
  /// What feeds the value of \p E (see lib/ValueOrigin.h): the request,
  /// static storage (variables, and what staticTargetOf() designates), or a
  /// context made here.
  FeedingOrigins originsOf(const Expr *E) const;
  /// Why \p RD is long-lived, or none when it is not.
  std::optional<LongLivedReason> longLived(const CXXRecordDecl *RD) const;

  /// True when every removal from \p T would be visible here: the container
  /// (and the static object holding it) is declared only in the main file,
  /// and nothing passes it to code this file cannot see.
  bool removalVisibleInFile(const StaticTarget &T) const;
  /// True when this file removes from \p T (or reassigns the object holding
  /// it) anywhere.
  bool hasRemoval(const StaticTarget &T) const;
  /// True when \p E writes to \p T: assigns it, removes from it, or
  /// exchanges it. Used to recognise a restore.
  bool writesTo(const Stmt *S, const StaticTarget &T) const;

  /// True when \p S or anything inside it (lambda bodies included) writes
  /// to \p T: the body of a restoring destructor. With \p OnlyInLambdas,
  /// only writes inside lambda bodies count: the callable of a scope guard,
  /// which runs when the guard is destroyed.
  bool containsWriteTo(const Stmt *S, const StaticTarget &T,
                       bool OnlyInLambdas = false) const;
  /// True when \p E designates static storage in a way that can be written
  /// again later with the same meaning: names, members, lock access and
  /// accessors without arguments.
  bool isRepeatableAccess(const Expr *E) const;

  const std::vector<StoreSite> &stores() const { return Stores; }

private:
  std::optional<StaticTarget> targetOf(const Expr *E, unsigned Depth) const;
  std::optional<StaticTarget> returnedTarget(const FunctionDecl *FD,
                                             unsigned Depth) const;

  ASTContext &Ctx;
  const ContextModel &Model;
  std::vector<std::string> LongLivedNames;
  llvm::DenseMap<const CXXRecordDecl *, LongLivedReason> LongLivedClasses;
  /// Lambda closure class -> the call the lambda is passed to.
  llvm::DenseMap<const CXXRecordDecl *, const CallExpr *> LambdaCalls;
  llvm::DenseSet<const ValueDecl *> Removed;
  llvm::DenseSet<const ValueDecl *> Escaped;
  std::vector<StoreSite> Stores;
  mutable llvm::DenseMap<const FunctionDecl *, std::optional<StaticTarget>>
      Returned;
};

/// True when \p E can be evaluated again later with the same result and no
/// side effect: names, members, literals, arithmetic on them, and const
/// getters with no arguments.
bool isRepeatable(const Expr *E);

/// How a type refers to a context without owning it: "pointer",
/// "reference", "std::reference_wrapper" or "view"; empty when it owns
/// every context it holds.
llvm::StringRef nonOwningLink(QualType T, const ContextModel &Model,
                              const ASTContext &Ctx);

/// True when every context-family value \p T leads to is an entry of a
/// collection (a container, or an adaptor over one such as
/// std::priority_queue) inside an object of a class that \p T points or
/// refers to with a raw pointer or reference: `ThreadPool *` where the pool
/// keeps its tasks, each with its token, in a queue. A slot of that type
/// keeps the address of an object that runs many requests' work, not one
/// request's context; stores into the collection itself are checked where
/// they happen. False when \p T leads to no context, or to one by another
/// way (a pointer to a token or to a struct with a token field).
bool holdsContextsOnlyInPointeeCollections(QualType T,
                                           const ContextModel &Model,
                                           const ASTContext &Ctx);

/// True for a class that files entries under a key and can erase by key
/// (it or a base declares `mapped_type` and `erase`).
bool isKeyedContainer(QualType T);

/// True for a class that holds many entries (it or a base declares `begin`
/// and `size`, or `begin` and `erase`).
bool isContainer(QualType T);

} // namespace clang::tidy::ctx

#endif // CTX_TIDY_LIB_STORAGEANALYSIS_H
