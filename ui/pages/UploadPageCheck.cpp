#include "pages/UploadPageCheck.h"

#include "TextTints.h"
#include "WizardSession.h"
#include "controllers/InspectionRunner.h"
#include "widgets/ReportView.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLabel>
#include <QLoggingCategory>
#include <QPushButton>
#include <QVBoxLayout>

namespace cvmi::ui {

Q_LOGGING_CATEGORY(lcUpload, "cvmi.ui.upload")

namespace {

constexpr int kTitlesShown = 3;

// The reason without the advice after it, which the report shows in full ("See the Check").
QString firstSentence(QString text)
{
    text.remove(u'`');
    const qsizetype latin = text.indexOf(QLatin1String(". "));
    const qsizetype chinese = text.indexOf(QChar(0x3002)); // "。"
    if (chinese >= 0 && (latin < 0 || chinese < latin))
        return text.left(chinese + 1);
    return latin < 0 ? text : text.left(latin + 1);
}

int warningCount(const InspectionResult& result)
{
    int warnings = 0;
    for (const auto& rule : result.report.rules)
        warnings += rule.verdict == policy::Verdict::Warn ? 1 : 0;
    return warnings;
}

} // namespace

UploadPageCheck::UploadPageCheck(WizardSession* session, QLabel* verdict, QPushButton* seeCheck,
                                 QWidget* page)
    : QObject(page), m_session(session), m_verdict(verdict), m_seeCheck(seeCheck), m_page(page)
{
    connect(m_seeCheck, &QPushButton::clicked, this, &UploadPageCheck::seeCheck);
    connect(m_session, &WizardSession::inspectionChanged, this, &UploadPageCheck::update);
    connect(m_session, &WizardSession::imagePathChanged, this, &UploadPageCheck::update);
    connect(m_session->inspectionRunner(), &InspectionRunner::runningChanged, this,
            &UploadPageCheck::update);
    update();
}

void UploadPageCheck::setFile(const QString& path)
{
    m_path = path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath();
    const bool isImage =
        !m_path.isEmpty() && QFileInfo(m_session->imagePath()).absoluteFilePath() == m_path;
    if (!m_path.isEmpty() &&
        (!isImage || (!m_session->hasInspection() && !m_session->isChecking())))
        m_session->checkImage(m_path);
    update();
}

UploadPageCheck::State UploadPageCheck::state() const
{
    if (m_path.isEmpty() || QFileInfo(m_session->imagePath()).absoluteFilePath() != m_path)
        return State::Unchecked;
    if (m_session->isChecking())
        return State::Checking;
    if (!m_session->hasInspection())
        return State::Unchecked;
    return m_session->imageImportable() ? State::Passed : State::Refused;
}

QString UploadPageCheck::verdictText() const
{
    switch (state()) {
    case State::Unchecked:
        return m_path.isEmpty() ? QString() : tr("Not checked yet: check it before uploading.");
    case State::Checking:
        return tr("Checking %1…").arg(QFileInfo(m_path).fileName());
    case State::Passed:
        break;
    case State::Refused: {
        const InspectionResult& result = m_session->inspection();
        if (result.facts.error.isSet())
            return tr("Not importable: %1").arg(firstSentence(result.facts.error.message));
        QStringList titles;
        for (const auto& rule : result.report.rules) {
            if (rule.verdict == policy::Verdict::Fail)
                titles << rule.title;
        }
        const qsizetype more = titles.size() - kTitlesShown;
        QString list = titles.mid(0, kTitlesShown).join(QStringLiteral("; "));
        if (more > 0)
            list = tr("%1 and others (%2)").arg(list).arg(more);
        return tr("Not importable, problems: %1 — %2.").arg(titles.size()).arg(list);
    }
    }
    const int warnings = warningCount(m_session->inspection());
    return warnings > 0 ? tr("Checked: importable; read the warnings (%1).").arg(warnings)
                        : tr("Checked: ready to import.");
}

void UploadPageCheck::update()
{
    const State now = state();
    m_verdict->setText(verdictText());
    m_verdict->setVisible(!m_path.isEmpty());
    TextTint tint = TextTint::Secondary;
    if (now == State::Passed)
        tint = warningCount(m_session->inspection()) > 0 ? TextTint::Warning : TextTint::Good;
    else if (now == State::Refused)
        tint = TextTint::Error;
    setTextTint(m_verdict, tint);
    m_seeCheck->setVisible(!m_path.isEmpty() && now != State::Checking);
    m_seeCheck->setText(now == State::Unchecked ? tr("&Check It") : tr("See the &Check"));
    emit stateChanged();
}

bool UploadPageCheck::confirm(const Ask& ask, QString* override) const
{
    override->clear();
    const State now = state();
    if (now == State::Passed)
        return true;
    if (now != State::Refused)
        return false; // Start waits for the check
    const QString verdict = verdictText();
    const bool yes = ask(UploadPageTexts::notImportableQuestion(QFileInfo(m_path), verdict));
    // What the user decided about a file that will not import belongs in the log: the import's
    // failure later is then explained by this choice. Going ahead is a warning, so that it is
    // kept even where informational lines are off (as in the wizard by default).
    if (yes)
        qCWarning(lcUpload).noquote()
            << "Upload of" << QFileInfo(m_path).fileName() << "although the check said:" << verdict
            << "— answer: upload anyway";
    else
        qCInfo(lcUpload).noquote()
            << "Upload of" << QFileInfo(m_path).fileName() << "refused by the check:" << verdict
            << "— answer: do not upload";
    if (yes)
        *override = verdict;
    return yes;
}

void UploadPageCheck::seeCheck()
{
    if (state() == State::Unchecked) {
        if (!m_path.isEmpty())
            m_session->checkImage(m_path);
        return;
    }
    if (state() != State::Passed && state() != State::Refused)
        return;
    auto* dialog = new QDialog(m_page);
    dialog->setObjectName(QStringLiteral("checkReportDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Check of %1").arg(QFileInfo(m_path).fileName()));
    auto* report = new ReportView(dialog);
    report->showInspection(m_session->inspection());
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    buttons->button(QDialogButtonBox::Close)->setText(tr("C&lose"));
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(report, 1);
    layout->addWidget(buttons);
    const QSize available = m_page->window()->size();
    dialog->resize(qMin(820, available.width()), qMin(600, available.height()));
    dialog->open();
}

} // namespace cvmi::ui
