# One INTERFACE target every project target links: language level, warnings and Qt strictness
# live in one place instead of being repeated per folder.
add_library(cvmi_common_cfg INTERFACE)
target_compile_features(cvmi_common_cfg INTERFACE cxx_std_20)
target_compile_definitions(cvmi_common_cfg INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_STRICT_ITERATORS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)
target_compile_options(cvmi_common_cfg INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
    -Wunused -Woverloaded-virtual -Wnull-dereference -Wformat=2 -Wimplicit-fallthrough)
if(CVMI_WERROR)
    target_compile_options(cvmi_common_cfg INTERFACE -Werror)
endif()

# "Asan" build type: AddressSanitizer + UndefinedBehaviorSanitizer, used by CI for the tests.
set(CMAKE_CXX_FLAGS_ASAN "-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined"
    CACHE STRING "Flags for the ASan+UBSan build type" FORCE)
set(CMAKE_C_FLAGS_ASAN "${CMAKE_CXX_FLAGS_ASAN}" CACHE STRING "" FORCE)
set(CMAKE_EXE_LINKER_FLAGS_ASAN "-fsanitize=address,undefined" CACHE STRING "" FORCE)
set(CMAKE_SHARED_LINKER_FLAGS_ASAN "-fsanitize=address,undefined" CACHE STRING "" FORCE)
mark_as_advanced(CMAKE_CXX_FLAGS_ASAN CMAKE_C_FLAGS_ASAN CMAKE_EXE_LINKER_FLAGS_ASAN
    CMAKE_SHARED_LINKER_FLAGS_ASAN)

# libFuzzer targets need clang; the library is then built with fuzzer instrumentation.
if(CVMI_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "CVMI_FUZZ=ON needs clang (CC=clang CXX=clang++)")
    endif()
    target_compile_options(cvmi_common_cfg INTERFACE -fsanitize=fuzzer-no-link,address,undefined -g)
    target_link_options(cvmi_common_cfg INTERFACE -fsanitize=address,undefined)
endif()
