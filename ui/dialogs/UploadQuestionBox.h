#pragma once

#include <QString>

class QWidget;

namespace cvmi::ui {

// The questions the Upload page asks before it does something that costs the user: cancelling
// (the parts are deleted), closing the window during an upload, uploading an image the check
// refused.
enum class UploadQuestion { CancelUpload, CloseDuringUpload, UploadNotImportable };

// Asks `question` in a message box (`text`, with `detail` under it) whose buttons name the two
// answers; the safe answer (keep uploading, do not upload) is the default for Enter and Escape.
// True for the action the question is about.
bool askUploadQuestion(QWidget* parent, UploadQuestion question, const QString& text,
                       const QString& detail);

} // namespace cvmi::ui
