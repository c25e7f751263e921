#include "repair/FixStep.h"

namespace cvmi::repair {

const StepDefinition* findSteps(const QString& check, bool windows)
{
    const auto tables =
        windows ? std::initializer_list<std::span<const StepDefinition>>{windowsSteps()}
                : std::initializer_list<std::span<const StepDefinition>>{linuxBootSteps(),
                                                                         linuxSystemSteps()};
    for (auto table : tables) {
        for (const StepDefinition& definition : table) {
            if (check == QLatin1String(definition.check))
                return &definition;
        }
    }
    return nullptr;
}

} // namespace cvmi::repair
