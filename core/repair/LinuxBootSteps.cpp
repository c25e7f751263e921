#include "repair/FixStep.h"

namespace cvmi::repair {

// Filled by the rules of issue 17 (scaffolding: no steps yet).
std::span<const StepDefinition> linuxBootSteps()
{
    return {};
}

} // namespace cvmi::repair
