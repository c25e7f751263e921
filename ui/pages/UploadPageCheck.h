#pragma once

#include "pages/UploadPageTexts.h"

#include <QObject>
#include <QString>

#include <functional>

class QLabel;
class QPushButton;
class QWidget;

namespace cvmi::ui {

class WizardSession;

// The Upload page's check of the file it is about to upload. Whatever file the page uploads is
// the session's image and is checked by the session's runner before Start is offered: a file
// dropped here is checked like one dropped on the Image page. The verdict is one line
// ("Checked: ready to import", "Not importable: …") with "See the Check" for the whole report.
// A file the check refused (or could not read) goes up only after the user's explicit "Upload
// anyway", which is logged (cvmi.ui.upload) and recorded with the uploaded object.
class UploadPageCheck : public QObject {
    Q_OBJECT
public:
    enum class State { Unchecked, Checking, Passed, Refused };

    UploadPageCheck(WizardSession* session, QLabel* verdict, QPushButton* seeCheck, QWidget* page);

    // `path` is the file to upload: it becomes the session's image and is checked, unless it is
    // the image already and its check is done or under way.
    void setFile(const QString& path);
    QString file() const { return m_path; }
    State state() const;
    // The check is done: Start may be offered (a refused file then needs confirm()).
    bool decided() const { return state() == State::Passed || state() == State::Refused; }
    // The verdict in one line, as shown.
    QString verdictText() const;

    // Asks the user when the check refused the file; true when the upload may go. *override
    // is then the verdict the user overrode, or empty when the file passed.
    using Ask = std::function<bool(const UploadPageTexts::Words& words)>;
    bool confirm(const Ask& ask, QString* override) const;

    // "See the Check": the report of the file in a window of its own (or, unchecked, checks it).
    void seeCheck();

signals:
    void stateChanged();

private:
    void update();

    WizardSession* m_session;
    QLabel* m_verdict;
    QPushButton* m_seeCheck;
    QWidget* m_page;
    QString m_path; // absolute
};

} // namespace cvmi::ui
