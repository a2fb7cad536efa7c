// Test stand-in for Seastar (https://github.com/scylladb/seastar).
// Checked against: master at commit 525fcc86ecd275b1c89a1c3f359693704c953a98
// (2026-08-04; 1175 commits after tag seastar-25.05.0).
// Upstream path: include/seastar/core/sstring.hh
// A test stand-in declaring a subset of the upstream API (same names,
// namespaces and signatures) for ctx-tidy's lit tests; not upstream code.
// Seastar requires C++20; like upstream, this header fails under C++17.
// As upstream, sstring is basic_sstring<char, uint32_t, 15> when
// SEASTAR_SSTRING is defined (Seastar's CMake option Seastar_SSTRING, on by
// default, defines it for users) and std::string otherwise. basic_sstring
// declares construction, assignment, size/length/empty, c_str/data and the
// conversion to std::basic_string_view; the search, compare, append and
// formatting members, to_sstring and the hash are not declared.

#pragma once

#if __cplusplus < 202002L
#error "seastar stand-in: Seastar requires C++20 (-std=c++20)"
#else

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace seastar {

template <typename char_type, typename Size, Size max_size, bool NulTerminate = true>
class basic_sstring;

#ifdef SEASTAR_SSTRING
using sstring = basic_sstring<char, uint32_t, 15>;
#else
using sstring = std::string;
#endif

template <typename char_type, typename Size, Size max_size, bool NulTerminate>
class basic_sstring {
public:
    using value_type = char_type;
    using traits_type = std::char_traits<char_type>;
    using size_type = Size;

    basic_sstring() noexcept;
    basic_sstring(const basic_sstring& x);
    basic_sstring(basic_sstring&& x) noexcept;
    basic_sstring(const char_type* x, size_t size);
    basic_sstring(size_t size, char_type x);
    basic_sstring(const char* x);
    basic_sstring(const std::basic_string<char_type>& s);
    explicit basic_sstring(std::basic_string_view<char_type, traits_type> v);
    ~basic_sstring() noexcept;

    basic_sstring& operator=(const basic_sstring& x);
    basic_sstring& operator=(basic_sstring&& x) noexcept;

    size_t size() const noexcept;
    size_t length() const noexcept;
    bool empty() const noexcept;
    const char_type* c_str() const noexcept;
    const char_type* data() const noexcept;

    operator std::basic_string_view<char_type>() const noexcept;
};

} // namespace seastar

#endif // C++20
