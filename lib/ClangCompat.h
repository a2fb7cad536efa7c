//===--- ClangCompat.h - ctx-tidy -------------------------------*- C++ -*-===//
//
// Bridges the differences in LLVM's and clang's API between the LLVM majors
// ctx-tidy builds against (19 to 22; 19 and 22 are tested). Every shim names
// the versions it exists for, so that it can go once the oldest of them is no
// longer supported. Code elsewhere uses the names below and no #if on
// LLVM_VERSION_MAJOR.
//
//===----------------------------------------------------------------------===//

#ifndef CTX_TIDY_LIB_CLANGCOMPAT_H
#define CTX_TIDY_LIB_CLANGCOMPAT_H

#include "clang/AST/NestedNameSpecifier.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/Registry.h"
#include <initializer_list>

namespace clang::tidy {

class ClangTidyModule;

#if LLVM_VERSION_MAJOR < 22
// LLVM 19-21: the registry of clang-tidy modules is declared in
// clang-tidy/ClangTidyModuleRegistry.h; LLVM 22 declares it in
// ClangTidyModule.h and deprecates the old header with a #warning. Declaring
// the same alias here needs neither.
using ClangTidyModuleRegistry = llvm::Registry<ClangTidyModule>;
#endif

namespace ctx {

#if LLVM_VERSION_MAJOR < 22
/// LLVM 19-21: StringSwitch::Cases takes its strings as separate arguments,
/// at most ten of them. LLVM 22 takes them as one initializer list and
/// deprecates the separate form. This adds the list form to the old class.
template <typename T, typename R = T>
class StringSwitch : public llvm::StringSwitch<T, R> {
public:
  using llvm::StringSwitch<T, R>::StringSwitch;
  using llvm::StringSwitch<T, R>::Cases;

  StringSwitch &Cases(std::initializer_list<llvm::StringLiteral> Strings,
                      T Value) {
    for (llvm::StringLiteral S : Strings)
      this->Case(S, Value);
    return *this;
  }
};
#else
using llvm::StringSwitch;
#endif

/// The type that qualifies the dependent name \p T (`Clock` in `typename
/// Clock::duration`); null when the qualifier is not a type. LLVM 19-21:
/// getQualifier() returns a pointer; LLVM 22: a value.
inline const Type *dependentNameQualifierType(const DependentNameType *T) {
#if LLVM_VERSION_MAJOR < 22
  const NestedNameSpecifier *Q = T ? T->getQualifier() : nullptr;
  return Q ? Q->getAsType() : nullptr;
#else
  if (!T)
    return nullptr;
  NestedNameSpecifier Q = T->getQualifier();
  return Q.getKind() == NestedNameSpecifier::Kind::Type ? Q.getAsType()
                                                        : nullptr;
#endif
}

} // namespace ctx
} // namespace clang::tidy

#endif // CTX_TIDY_LIB_CLANGCOMPAT_H
