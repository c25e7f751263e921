#pragma once

// `--screenshot FILE`: the picture of the wizard (or of the dialog --page opens over it) taken
// once what it should show is there — the image checked, the account checked, the upload or the
// import ended — then the application quits with 0 (saved) or 1. tests/ui/take-screenshots.sh
// makes docs/screenshots/ with it.
#include "CommandLine.h"

#include <functional>

class QApplication;

namespace cvmi::ui {
class ImportWizard;
}

namespace cvmi::gui {

// The account page checks by itself once shown with credentials (the demo's, or found ones);
// when discovery found none to check, calls `otherwise` instead. --page account and --page
// upload go on from AccountPage::checkFinished.
void checkAccountOnceShown(ui::ImportWizard& wizard, bool demo,
                           const std::function<void()>& otherwise);

void scheduleScreenshot(QApplication& app, ui::ImportWizard& wizard, const Options& options);

} // namespace cvmi::gui
