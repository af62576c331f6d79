# A CMake toolchain file for programs on the runtime (docs/cxx.md):
#
#   cmake -S . -B build -DCMAKE_TOOLCHAIN_FILE=PREFIX/share/gocxx/toolchain.cmake
#
# Installed as PREFIX/share/gocxx/toolchain.cmake; it names the gocxx next to
# it (PREFIX/bin/gocxx), or, in the source tree, tools/gocxx. gocxx passes
# CMake's compiler checks as it is (it links their test programs like any
# other); what the toolchain adds is that targets are static: no shared
# libraries, no position-independent code.
get_filename_component(_gocxx_here "${CMAKE_CURRENT_LIST_DIR}" ABSOLUTE)
if(EXISTS "${_gocxx_here}/../../bin/gocxx")
  get_filename_component(CMAKE_CXX_COMPILER "${_gocxx_here}/../../bin/gocxx" ABSOLUTE)
else()
  get_filename_component(CMAKE_CXX_COMPILER "${_gocxx_here}/../tools/gocxx" ABSOLUTE)
endif()
set(BUILD_SHARED_LIBS OFF CACHE BOOL "gocxx links static executables only")
set(CMAKE_POSITION_INDEPENDENT_CODE OFF)
