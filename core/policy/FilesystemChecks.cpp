#include "policy/Check.h"

namespace cvmi::policy {

// Filled by the rules of issue 17 (scaffolding: no checks yet).
std::span<const CheckDefinition> filesystemChecks()
{
    return {};
}

} // namespace cvmi::policy
