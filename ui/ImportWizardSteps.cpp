#include "ImportWizardSteps.h"

#include "ImportWizard.h"
#include "WizardSession.h"
#include "pages/ImagePage.h"
#include "pages/ImportPage.h"
#include "pages/UploadPage.h"
#include "widgets/StepIndicator.h"

#include <QAbstractButton>
#include <QEvent>

namespace cvmi::ui {

namespace {

// QWizard has no place above its title: it lays the title, the page frame and the buttons out in
// a widget of its own (the page frame's parent) that fills the window. A top margin on that
// widget moves its layout down and counts in the minimum size QWizard gives the window; the band
// is put into the space it leaves. Null if Qt ever arranges this otherwise.
QWidget* titleArea(ImportWizard* wizard)
{
    QWidget* frame = wizard->imagePage()->parentWidget();
    QWidget* area = frame ? frame->parentWidget() : nullptr;
    return area && area != wizard && area->parentWidget() == wizard ? area : nullptr;
}

} // namespace

ImportWizardSteps::ImportWizardSteps(ImportWizard* wizard)
    : QObject(wizard), m_wizard(wizard), m_area(titleArea(wizard))
{
    setObjectName(QStringLiteral("wizardSteps"));
    m_indicator = new StepIndicator(m_area ? m_area : static_cast<QWidget*>(wizard));
    if (m_area)
        m_area->installEventFilter(this);
    else
        m_indicator->hide();

    wizard->setButtonText(QWizard::CustomButton2, tr("S&witch to Upload"));
    QAbstractButton* button = wizard->button(QWizard::CustomButton2);
    button->setObjectName(QStringLiteral("uploadInsteadButton"));
    button->setToolTip(tr("The upload was skipped because the image is said to be in COS already. "
                          "Go to the Upload page and upload the file instead."));
    connect(wizard, &QWizard::customButtonClicked, this, [this](int which) {
        if (which == QWizard::CustomButton2)
            uploadInstead();
    });
    connect(wizard, &QWizard::currentIdChanged, this, &ImportWizardSteps::pageChanged);
    connect(wizard->session(), &WizardSession::uploadSkippedChanged, this,
            &ImportWizardSteps::update);
    // The Import page completes when its image is NORMAL: the journey's last step is done then.
    connect(wizard->importPage(), &QWizardPage::completeChanged, this, &ImportWizardSteps::update);
    update();
}

void ImportWizardSteps::pageChanged(int id)
{
    const int previous = m_lastId;
    m_lastId = id;
    // Back to where the skip is chosen: it is chosen again there, or not at all. The Upload
    // page's Next depends on it (UploadPage::isComplete).
    if (id >= 0 && id < previous &&
        (id == ImportWizard::PageUpload || id == ImportWizard::PageImage) &&
        m_wizard->session()->uploadSkipped()) {
        m_wizard->session()->setUploadSkipped(false);
        emit m_wizard->currentPage()->completeChanged();
    }
    update();
}

void ImportWizardSteps::uploadInstead()
{
    WizardSession* session = m_wizard->session();
    session->setUploadSkipped(false);
    while (m_wizard->currentId() > ImportWizard::PageUpload) {
        const int before = m_wizard->currentId();
        m_wizard->back();
        if (m_wizard->currentId() == before)
            break; // no page to go back to (the wizard started on the form)
    }
    if (m_wizard->currentId() == ImportWizard::PageAccount)
        m_wizard->next();
    if (m_wizard->currentId() == ImportWizard::PageUpload)
        emit m_wizard->currentPage()->completeChanged();
}

void ImportWizardSteps::update()
{
    using State = StepIndicator::State;
    const int current = m_wizard->currentId();
    const QList<int> visited = m_wizard->visitedIds();
    const bool skipped = m_wizard->session()->uploadSkipped();
    const bool imported = m_wizard->importPage()->isDone();
    const std::pair<ImportWizard::PageId, QString> pages[] = {
        {ImportWizard::PageImage, tr("Image")},   {ImportWizard::PageAccount, tr("Account")},
        {ImportWizard::PageUpload, tr("Upload")}, {ImportWizard::PageForm, tr("Form")},
        {ImportWizard::PageImport, tr("Import")},
    };
    QList<StepIndicator::Step> steps;
    for (const auto& [id, name] : pages) {
        State state = State::Ahead;
        if (id == current && !(id == ImportWizard::PageImport && imported))
            state = State::Current;
        else if (id == ImportWizard::PageUpload && skipped)
            state = State::Skipped;
        // Once imported, the steps before were done, whichever page the wizard started on.
        else if ((visited.contains(id) && id <= current) || imported)
            state = State::Done;
        steps.append({name, state});
    }
    m_indicator->setSteps(steps);
    // "Switch to Upload" where the form asks for an object that is in COS already.
    m_wizard->showUploadInstead(skipped && current == ImportWizard::PageForm);
    placeIndicator();
}

void ImportWizardSteps::placeIndicator()
{
    if (!m_area)
        return;
    const int height = m_indicator->sizeHint().height();
    if (m_area->contentsMargins().top() != height)
        m_area->setContentsMargins(0, height, 0, 0);
    m_indicator->setGeometry(0, 0, m_area->width(), height);
    m_indicator->raise();
}

bool ImportWizardSteps::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_area && event->type() == QEvent::Resize)
        placeIndicator();
    return QObject::eventFilter(watched, event);
}

} // namespace cvmi::ui
