#include "repair/FixStep.h"

namespace cvmi::repair {

const StepDefinition* findSteps(const QString& check, bool windows)
{
    const std::span<const StepDefinition> linux[] = {linuxBootSteps(), linuxSystemSteps(),
                                                     filesystemSteps()};
    const std::span<const StepDefinition> windowsOnly[] = {windowsSteps()};
    const std::span<const std::span<const StepDefinition>> tables =
        windows ? std::span<const std::span<const StepDefinition>>(windowsOnly)
                : std::span<const std::span<const StepDefinition>>(linux);
    for (auto table : tables) {
        for (const StepDefinition& definition : table) {
            if (check == QLatin1String(definition.check))
                return &definition;
        }
    }
    return nullptr;
}

} // namespace cvmi::repair
