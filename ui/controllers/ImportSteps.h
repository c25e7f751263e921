#pragma once

#include <QString>

// The steps of an import as the Import page lists them, without widgets: ImportController keeps
// what each step says, ImportStageList shows it.
namespace cvmi::ui::importstep {

enum Step { Validate, Permission, Import, Follow, StepCount };
enum class State { Pending, Running, Ok, Failed, Skipped };

// What a step says: its state, what happened and, when it failed, what to do.
struct Line {
    State state = State::Pending;
    QString message;
    QString remedy;
};

} // namespace cvmi::ui::importstep
