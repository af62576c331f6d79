// libc.h — what pkg/libc's files use of each other.
#pragma once

extern "C" int* __errno_location();  // errno.cpp
