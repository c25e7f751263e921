#include "ImportWizard.h"

#include "WizardSession.h"
#include "controllers/DesktopProgress.h"
#include "controllers/ImportController.h"
#include "dialogs/SettingsDialog.h"
#include "pages/AccountPage.h"
#include "pages/FormPage.h"
#include "pages/ImagePage.h"
#include "pages/ImportPage.h"
#include "pages/UploadPage.h"
#include "widgets/InterruptedUploadNotice.h"
#include "widgets/PageScroll.h"

#include "settings/AppSettings.h"
#include "settings/NetworkProxy.h"

#include <QApplication>
#include <QPushButton>
#include <QScreen>
#include <QTimer>

namespace cvmi::ui {

ImportWizard::ImportWizard(QWidget* parent)
    : QWizard(parent), m_session(new WizardSession(this)),
      m_imagePage(new ImagePage(m_session, this)), m_accountPage(new AccountPage(m_session, this)),
      m_uploadPage(new UploadPage(m_session, this)), m_formPage(new FormPage(m_session, this))
{
    setObjectName(QStringLiteral("importWizard"));
    setWindowTitle(tr("CVM Import Wizard"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setTitleFormat(Qt::RichText);
    setPage(PageImage, m_imagePage);
    setPage(PageAccount, m_accountPage); // the next id after PageImage: Next leads here
    setPage(PageUpload, m_uploadPage);
    setPage(PageForm, m_formPage);
    m_importPage = new ImportPage(m_session, this);
    setPage(PageImport, m_importPage);
    setStartId(PageImage);
    // Pages whose content grows (the checklist, the upload's result, the import's steps and
    // causes) scroll instead of making the window taller than a small screen; the Image page's
    // report and the Form page's fields scroll on their own.
    putPageInScrollArea(m_accountPage, QStringLiteral("accountScroll"));
    putPageInScrollArea(m_uploadPage, QStringLiteral("uploadScroll"));
    putPageInScrollArea(m_importPage, QStringLiteral("importScroll"));
    resize(defaultSize(screen()->availableSize()));
    // "Settings…", shown once setSettings() gave it something to edit.
    connect(this, &QWizard::customButtonClicked, this, [this](int which) {
        if (which == QWizard::CustomButton1)
            openSettings();
    });
    // Continue It: the file checked as if dropped, and the Upload page led to the destination
    // of its interrupted upload, where the resume is offered.
    connect(m_imagePage->interruptedUploadNotice(), &InterruptedUploadNotice::continueRequested,
            this, [this](const InterruptedUpload& upload) {
                m_imagePage->inspect(upload.filePath);
                m_session->setResumeTarget(upload);
            });
    // The upload's and the import's progress in the title, on the task bar and, at the end of
    // an upload, in a notification (the pages' controllers are theirs: found, not exposed).
    new DesktopProgress(this, m_uploadPage->findChild<UploadController*>(),
                        m_importPage->findChild<ImportController*>());
}

QSize ImportWizard::defaultSize(const QSize& available)
{
    // Room for the window's frame and title bar, which the window manager adds outside.
    const QSize frame(16, 48);
    return QSize(900, 680).boundedTo(available - frame);
}

void ImportWizard::showEvent(QShowEvent* event)
{
    QWizard::showEvent(event);
    if (m_shown)
        return;
    m_shown = true;
    keepOnScreen();
    // Queued: the command line opens its IMAGE right after show(), and that start wins.
    QTimer::singleShot(0, this, &ImportWizard::offerInterruptedUploads);
}

void ImportWizard::keepOnScreen()
{
    // The frame is known once shown: a window taller or wider than the screen it opened on (or
    // placed across its edge) is made to fit and moved inside.
    const QRect available = screen()->availableGeometry();
    const QSize frameExtra = frameGeometry().size() - size();
    const QSize fitting = size().boundedTo(available.size() - frameExtra);
    if (fitting != size())
        resize(fitting.expandedTo(minimumSizeHint()));
    QRect frame = frameGeometry();
    frame.moveRight(qMin(frame.right(), available.right()));
    frame.moveBottom(qMin(frame.bottom(), available.bottom()));
    frame.moveLeft(qMax(frame.left(), available.left()));
    frame.moveTop(qMax(frame.top(), available.top()));
    if (frame.topLeft() != frameGeometry().topLeft())
        move(frame.topLeft());
}

void ImportWizard::offerInterruptedUploads()
{
    // The demo's uploads go to its own emulator and folder; a start on an image, a draft or
    // another page has its own purpose.
    if (m_startedOnFile || m_accountPage->hasFixedAccount() || currentId() != PageImage)
        return;
    m_imagePage->interruptedUploadNotice()->showUploads(
        interruptedUploads(m_uploadPage->checkpointDir()));
}

int ImportWizard::nextId() const
{
    if (currentId() == PageAccount && m_session->uploadSkipped())
        return PageForm;
    return QWizard::nextId();
}

QString ImportWizard::pageTitle(const QString& text)
{
    // Relative to the user's font, so that a larger system font keeps the proportions.
    const qreal points = QApplication::font().pointSizeF() * 1.35;
    return QStringLiteral("<span style=\"font-size: %1pt\">%2</span>")
        .arg(points, 0, 'f', 1)
        .arg(text.toHtmlEscaped());
}

void ImportWizard::reject()
{
    if (m_uploadPage->confirmClose())
        QWizard::reject();
}

void ImportWizard::setPolicy(const policy::Policy& policy)
{
    m_imagePage->setPolicy(policy);
}

void ImportWizard::openDraft(const QString& path)
{
    m_startedOnFile = true;
    setStartId(PageForm);
    m_formPage->openDraftFrom(path);
}

void ImportWizard::openImage(const QString& path)
{
    m_startedOnFile = true;
    m_imagePage->interruptedUploadNotice()->dismiss();
    m_imagePage->inspect(path);
}

void ImportWizard::setSettings(settings::AppSettings* settings)
{
    m_settings = settings;
    setOption(QWizard::HaveCustomButton1, settings != nullptr);
    if (!settings)
        return;
    setButtonText(QWizard::CustomButton1, tr("Settings…"));
    QAbstractButton* button = this->button(QWizard::CustomButton1);
    button->setObjectName(QStringLiteral("settingsButton"));
    // Ctrl+, as in most desktop programs; the Alt mnemonics stay free for Back, Next and Finish.
    button->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    button->setToolTip(tr("Profile, region, endpoints, proxy, upload and language (Ctrl+,)"));
    button->setAccessibleName(tr("Settings"));
    // Apart on the left, away from the buttons that move through the pages.
    setButtonLayout({QWizard::CustomButton1, QWizard::Stretch, QWizard::BackButton,
                     QWizard::NextButton, QWizard::CommitButton, QWizard::FinishButton,
                     QWizard::CancelButton});
}

void ImportWizard::openSettings()
{
    if (!m_settings || findChild<SettingsDialog*>())
        return;
    auto* dialog = new SettingsDialog(m_settings, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString region = m_settings->region();
    const QString cvm = m_settings->cvmEndpoint();
    const QString cos = m_settings->cosEndpoint();
    const QString profile = m_settings->profile();
    connect(dialog, &QDialog::accepted, this, [=, this] {
        settings::applyApplicationProxy(m_settings->proxy());
        // Upload settings are read when an upload starts; the account is the demo's or the
        // one the user is checking, so only what was changed here reaches it.
        if (m_accountPage->hasFixedAccount())
            return;
        if (m_settings->cvmEndpoint() != cvm || m_settings->cosEndpoint() != cos)
            m_accountPage->setEndpointOverrides(m_settings->cvmEndpoint(),
                                                m_settings->cosEndpoint(), nullptr);
        if (m_settings->region() != region)
            m_accountPage->setRegion(m_settings->region());
        // Another profile names other credentials (tccli, keyring): look again if they were shown.
        if (m_settings->profile() != profile && currentId() >= PageAccount)
            m_accountPage->discover();
    });
    dialog->open();
}

} // namespace cvmi::ui
