#include "repair/FixStep.h"

namespace cvmi::repair {

const StepDefinition* findSteps(const QString& check)
{
    for (auto table : {linuxBootSteps(), linuxSystemSteps(), windowsSteps()}) {
        for (const StepDefinition& definition : table) {
            if (check == QLatin1String(definition.check))
                return &definition;
        }
    }
    return nullptr;
}

} // namespace cvmi::repair
