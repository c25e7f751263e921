#include "dialogs/UploadQuestionBox.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>

namespace cvmi::ui {

namespace {

// The Upload page's words: they keep its translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(cvmi::ui::UploadPage)
};

} // namespace

bool askUploadQuestion(QWidget* parent, UploadQuestion question, const QString& text,
                       const QString& detail)
{
    QMessageBox box(QMessageBox::Question, Text::tr("Upload"), text, QMessageBox::NoButton, parent);
    box.setTextFormat(Qt::PlainText);
    box.setInformativeText(detail);
    QString yes;
    QString no;
    switch (question) {
    case UploadQuestion::CancelUpload:
        box.setObjectName(QStringLiteral("cancelUploadQuestion"));
        yes = Text::tr("Cancel Upload");
        no = Text::tr("Keep Uploading");
        break;
    case UploadQuestion::CloseDuringUpload:
        box.setObjectName(QStringLiteral("closeDuringUploadQuestion"));
        yes = Text::tr("Continue Later");
        no = Text::tr("Keep Uploading");
        break;
    case UploadQuestion::UploadNotImportable:
        box.setObjectName(QStringLiteral("uploadNotImportableQuestion"));
        box.setIcon(QMessageBox::Warning);
        yes = Text::tr("Upload Anyway");
        no = Text::tr("Do Not Upload");
        break;
    }
    QPushButton* yesButton = box.addButton(yes, QMessageBox::AcceptRole);
    QPushButton* noButton = box.addButton(no, QMessageBox::RejectRole);
    box.setDefaultButton(noButton);
    box.setEscapeButton(noButton);
    box.exec();
    return box.clickedButton() == yesButton;
}

} // namespace cvmi::ui
