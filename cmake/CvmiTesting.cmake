# Test helpers for tests/. Included from the root when CVMI_BUILD_TESTS is on.
set(CVMI_FIXTURE_DIR ${CMAKE_BINARY_DIR}/fixtures)
set(CVMI_TESTS_DIR ${PROJECT_SOURCE_DIR}/tests)

# cvmi_add_qtest(NAME SOURCES a.cpp ... [LIBS x] [FIXTURES f ...] [LABELS l ...])
function(cvmi_add_qtest name)
    cmake_parse_arguments(T "" "" "SOURCES;LIBS;FIXTURES;LABELS" ${ARGN})
    add_executable(${name} ${T_SOURCES})
    target_link_libraries(${name} PRIVATE cvmi_core cvmi_common_cfg Qt6::Test ${T_LIBS})
    target_include_directories(${name} PRIVATE ${CVMI_TESTS_DIR}/common)
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES
        ENVIRONMENT "CVMI_FIXTURE_DIR=${CVMI_FIXTURE_DIR};CVMI_SOURCE_DIR=${PROJECT_SOURCE_DIR};CVMI_BINARY_DIR=${CMAKE_BINARY_DIR};QT_QPA_PLATFORM=offscreen"
        FIXTURES_REQUIRED "base_disks;${T_FIXTURES}"
        LABELS "${T_LABELS}"
        TIMEOUT 600)
endfunction()
