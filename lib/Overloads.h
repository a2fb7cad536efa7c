//===--- Overloads.h - ctx-tidy ---------------------------------*- C++ -*-===//
//
// The overloads of a called function that take one parameter more.
//
// Answers "does the function this call names have an overload with the same
// parameters plus exactly one more, of a kind the caller asks for (a token)?"
// the way the compiler would find it for this call:
//  - found by the same name lookup: the members of the class the member was
//    named in, and where that class declares none of that name, those of its
//    bases (a derived class that declares the name hides the base's, unless
//    a using-declaration brings them in); for a free function, the
//    namespace it is declared in, with using-declarations seen through;
//  - accessible from the code that makes the call;
//  - not deleted;
//  - at namespace scope, declared before the call.
// Parameters are compared by type (typedefs seen through); for function
// templates, with the templates' parameters by position, so that
// `template <class L, class P> void wait(L &, P)` and
// `template <class L, class P> bool wait(L &, stop_token, P)` differ in the
// stop_token alone. The return type does not matter.
//
// The name looked up is the callee's own by default; a caller may look up
// another name the same way (a variant of the function under another name).
//
// Works without Sema, as a clang-tidy check runs: DeclContext::lookup and
// the class's bases.
//
//===----------------------------------------------------------------------===//

#ifndef CTX_TIDY_LIB_OVERLOADS_H
#define CTX_TIDY_LIB_OVERLOADS_H

#include "clang/AST/DeclarationName.h"
#include "clang/Basic/SourceLocation.h"
#include "clang/Basic/Specifiers.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"

namespace clang {
class ASTContext;
class CallExpr;
class CXXRecordDecl;
class DeclContext;
class FunctionDecl;
class NamedDecl;
class ParmVarDecl;
} // namespace clang

namespace clang::tidy::ctx {

/// Where, and under which name, to look for the overloads of a call's
/// callee.
struct OverloadLookup {
  /// The function called. A specialization of a function template is
  /// compared through its template.
  const FunctionDecl *Callee = nullptr;
  /// For a member: the class the member was named in (the class of the
  /// object expression). Null: the class that declares the callee.
  const CXXRecordDecl *NamingClass = nullptr;
  /// The name to look up; the callee's own when empty.
  DeclarationName Name;
  /// The declaration whose code makes the call (for access), and where the
  /// call is (for the order of declarations at namespace scope).
  const DeclContext *From = nullptr;
  SourceLocation At;
};

/// An overload with one parameter more than the callee.
struct ExtendedOverload {
  /// The overload; for a function template, its pattern.
  const FunctionDecl *Function = nullptr;
  /// The position of the parameter it has in addition.
  unsigned ExtraIndex = 0;
};

/// The functions the lookup \p L finds (see the file comment) whose
/// parameters are the callee's with exactly one more inserted at some
/// position, for which \p IsExtra holds. In the order lookup finds them.
llvm::SmallVector<ExtendedOverload, 1>
overloadsWithOneMore(const OverloadLookup &L,
                     llvm::function_ref<bool(const ParmVarDecl *)> IsExtra,
                     const ASTContext &Ctx);

/// A function under another name that takes what a call passes plus a
/// token: `seastar::sleep_abortable(d, as)` for `seastar::sleep(d)`.
struct TokenVariant {
  /// The variant; for a function template, its pattern.
  const FunctionDecl *Function = nullptr;
  /// The position of its token parameter.
  unsigned TokenIndex = 0;
  /// Renaming the call and appending the token calls this variant and
  /// compiles: the token parameter is the last, the call names the callee
  /// without explicit template arguments and writes one argument per
  /// parameter of the callee, each argument binds to the variant's
  /// parameter at its position (the same type, or a duration that converts
  /// implicitly; a parameter type that depends on a template parameter is
  /// resolved through that parameter's default, `typename Clock::duration`
  /// with `Clock = steady_clock_type`), every template parameter of the
  /// variant has a default or is the type of a parameter, and the variant
  /// returns what the callee returns.
  bool Appendable = false;
};

/// The functions the lookup \p L finds under the name \p L.Name (the
/// callee's scope, as overloadsWithOneMore looks) that have the callee's
/// number of parameters plus one, exactly one of them a parameter for which
/// \p IsToken holds, callable like the callee (see overloadsWithOneMore).
/// \p Call is the call of the callee, for TokenVariant::Appendable. In the
/// order lookup finds them.
llvm::SmallVector<TokenVariant, 1>
tokenVariantsFor(const CallExpr *Call, const OverloadLookup &L,
                 llvm::function_ref<bool(const ParmVarDecl *)> IsToken,
                 const ASTContext &Ctx);

/// A member found by name lookup in a class, with the access it has through
/// the path of bases it was found on (AS_none: a private member of a base,
/// which the class itself cannot use).
struct FoundMember {
  const NamedDecl *Decl = nullptr;
  AccessSpecifier Access = AS_public;
};

/// The members named \p Name that lookup finds from \p NamingClass: its own
/// (using-declarations seen through), or, when it declares none, those of
/// its bases, found the same way. Empty when the class is not defined or a
/// base is dependent (the answer would be a guess).
llvm::SmallVector<FoundMember, 4> lookupMember(const CXXRecordDecl *NamingClass,
                                               DeclarationName Name);

/// True if code in \p From may use a member found from \p NamingClass with
/// \p Access: public; protected from \p NamingClass or a class derived from
/// it; private from \p NamingClass; code in a nested class or a lambda has
/// the access of the class around it. Friends are not looked at (a friend's
/// access is not assumed).
bool isAccessibleFrom(AccessSpecifier Access, const CXXRecordDecl *NamingClass,
                      const DeclContext *From);

/// True if \p A and \p B are the same list of parameter types; \p A and
/// \p B are both plain functions, or both patterns of function templates
/// with equivalent template parameter lists. \p SkipInB, when given, is a
/// parameter of \p B left out of the comparison.
bool sameParameters(const FunctionDecl *A, const FunctionDecl *B,
                    const ASTContext &Ctx, int SkipInB = -1);

} // namespace clang::tidy::ctx

#endif // CTX_TIDY_LIB_OVERLOADS_H
