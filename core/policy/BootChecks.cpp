#include "policy/Check.h"

namespace cvmi::policy {

// Filled by the rules of issue 17 (scaffolding: no checks yet).
std::span<const CheckDefinition> bootChecks()
{
    return {};
}

} // namespace cvmi::policy
