//===--- ResourceDir.h - ctx-tidy -----------------------------------------===//
//
// clang tools find clang's builtin headers (stddef.h, the intrinsics, ...) in
// the resource directory next to their own binary: bin/../lib/clang/<major>.
// ctx-clangd and ctx-tidy run from a build tree or from another prefix, where
// that directory does not exist, so their mains name the one of the LLVM they
// were built against, unless the user names one.
//
//===----------------------------------------------------------------------===//

#ifndef CTX_TOOLS_RESOURCEDIR_H
#define CTX_TOOLS_RESOURCEDIR_H

#include <cstdlib>
#include <cstring>
#include <string>
#include <sys/stat.h>
#include <vector>

namespace ctx::tools {

/// Set by CMake (CTX_CLANG_RESOURCE_DIR).
inline const char *builtResourceDir() { return CTX_CLANG_RESOURCE_DIR; }

inline bool mentionsResourceDir(const char *Text) {
  return Text && std::strstr(Text, "resource-dir") != nullptr;
}

/// argv (null-terminated) with \p Prefix followed by the built resource
/// directory inserted after the program name, unless an argument (or the
/// environment variable \p EnvName, which the tool also parses; may be null)
/// already mentions a resource directory, or the built one is gone. The
/// inserted string lives as long as \p Storage.
inline std::vector<char *> withResourceDir(int Argc, char **Argv,
                                           const char *EnvName,
                                           std::string &Storage,
                                           const char *Prefix) {
  std::vector<char *> Args(Argv, Argv + Argc);
  bool UserChose = EnvName && mentionsResourceDir(std::getenv(EnvName));
  for (int I = 1; I < Argc && !UserChose; ++I)
    UserChose = mentionsResourceDir(Argv[I]);
  struct stat Info;
  if (!UserChose && Argc > 0 && stat(builtResourceDir(), &Info) == 0 &&
      S_ISDIR(Info.st_mode)) {
    Storage = std::string(Prefix) + builtResourceDir();
    Args.insert(Args.begin() + 1, Storage.data());
  }
  Args.push_back(nullptr);
  return Args;
}

} // namespace ctx::tools

#endif // CTX_TOOLS_RESOURCEDIR_H
