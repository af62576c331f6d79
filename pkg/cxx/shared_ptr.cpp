// shared_ptr.cpp — what std::shared_ptr needs from outside its header.
//
// Its reference counts are atomic only when libstdc++ believes the process
// may be multi-threaded: with glibc 2.34 or later (<sys/single_threaded.h>)
// it asks glibc's __libc_single_threaded, which we define here as 0, "may
// be multi-threaded", forever: goroutines run on several threads. (Older
// glibc headers ask __gthread_active_p(), which tests for
// __pthread_key_create; no such header is supported.) test/programs/
// cxx_shared_ptr proves the counts exact under contention.
#include <memory>

extern "C" {
char __libc_single_threaded = 0;
}

namespace std {

// Without RTTI, make_shared's control block recognises the request for its
// object (from shared_ptr's constructor) by the address of a tag the header
// defines, _Sp_make_shared_tag::_S_ti().
bool _Sp_make_shared_tag::_S_eq(const type_info& ti) noexcept { return &ti == &_S_ti(); }

}  // namespace std
