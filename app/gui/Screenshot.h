#pragma once

// `--screenshot FILE`: the picture of the wizard (or of the dialog --page opens over it) taken
// once what it should show is there — the image checked, the account checked, the upload or the
// import ended — then the application quits with 0 (saved) or 1. tests/ui/take-screenshots.sh
// makes docs/screenshots/ with it.
#include "CommandLine.h"

class QApplication;

namespace cvmi::ui {
class ImportWizard;
}

namespace cvmi::gui {

// How long a --page or --screenshot run lets the window settle before it acts.
constexpr int kScreenshotIdleDelayMs = 500;

void scheduleScreenshot(QApplication& app, ui::ImportWizard& wizard, const Options& options);

} // namespace cvmi::gui
