# cvmi_tsk: The Sleuth Kit as our programs link it.
#
# Debian's libtsk.so NEEDs the libraries of every container format TSK can open (libewf,
# libafflib, libvmdk, libvhdi, sqlite, and theirs): 9 more shared objects mapped and relocated at
# each start of cvm-import and the wizard, about 10 ms, although we hand TSK our own reader
# through tsk_img_open_external() and never let it open a container. libtsk-dev also ships
# libtsk.a: linked from it, with the four container openers defined by us
# (core/inspect/TskLeftOutFormats.cpp, which says why), only the file-system and volume code we
# call is taken and none of those libraries is needed. The package's Depends then no longer
# names libtsk19 or the format libraries (scripts/check-package.sh checks both ways).
# -DCVMI_STATIC_TSK=OFF links libtsk.so as before.
option(CVMI_STATIC_TSK "Link The Sleuth Kit from libtsk.a without its container-format libraries" ON)

add_library(cvmi_tsk INTERFACE)
find_library(CVMI_TSK_ARCHIVE NAMES libtsk.a HINTS ${TSK_LIBRARY_DIRS})
if(CVMI_STATIC_TSK AND CVMI_TSK_ARCHIVE)
    # The openers must be object files on the link line, not members of an archive: the linker
    # takes archive members only for symbols already wanted when it reaches that archive.
    add_library(cvmi_tsk_left_out OBJECT ${PROJECT_SOURCE_DIR}/core/inspect/TskLeftOutFormats.cpp)
    target_include_directories(cvmi_tsk_left_out PRIVATE ${TSK_INCLUDE_DIRS})
    target_link_libraries(cvmi_tsk_left_out PRIVATE cvmi_common_cfg)
    set_target_properties(cvmi_tsk_left_out PROPERTIES POSITION_INDEPENDENT_CODE ON)
    target_include_directories(cvmi_tsk INTERFACE ${TSK_INCLUDE_DIRS})
    # libtsk.a is C++ built with the system's compiler: it needs libstdc++ (linked anyway) and
    # libz for its own compressed NTFS/HFS reading; pthread is part of libc.
    target_link_libraries(cvmi_tsk INTERFACE
        $<TARGET_OBJECTS:cvmi_tsk_left_out> ${CVMI_TSK_ARCHIVE} ZLIB::ZLIB)
    message(STATUS "The Sleuth Kit: ${CVMI_TSK_ARCHIVE} (static, without its container formats)")
else()
    target_link_libraries(cvmi_tsk INTERFACE PkgConfig::TSK)
    message(STATUS "The Sleuth Kit: shared library")
endif()
