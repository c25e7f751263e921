#include "pages/FormPage.h"

#include "ImportWizard.h"
#include "TextTints.h"
#include "WizardSession.h"
#include "controllers/ObjectUrlChecker.h"
#include "controllers/OsCatalogueController.h"
#include "dialogs/ChooseObjectDialog.h"
#include "pages/FormPageChecks.h"
#include "widgets/DraftBar.h"
#include "widgets/FieldNote.h"
#include "widgets/OsChooser.h"
#include "widgets/TagTable.h"
#include "widgets/UrlListEdit.h"

#include "ui_FormPage.h"

#include "cloud/CosClient.h"
#include "importform/Draft.h"
#include "importform/FormPrefill.h"

#include <QKeyEvent>
#include <QListWidget>
#include <QShortcut>
#include <QTableWidget>

namespace cvmi::ui {

namespace {

namespace field = importform::field;
const QString kForce = QStringLiteral("Force");
const QString kDryRun = QStringLiteral("DryRun");

} // namespace

FormPage::FormPage(WizardSession* session, QWidget* parent)
    : QWizardPage(parent), m_ui(std::make_unique<Ui::FormPage>()), m_session(session),
      m_catalogue(new OsCatalogueController(session, this)),
      m_urlChecker(new ObjectUrlChecker(session, this))
{
    m_ui->setupUi(this);
    setTitle(ImportWizard::pageTitle(tr("Describe the custom image")));
    setUpWidgets();
    connectEdits();
    // The built-in list until the cache is read; later lists and statuses come by signal.
    catalogueChanged();
    m_ui->osChooser->setCatalogueStatus(m_catalogue->status());
    m_catalogue->setStore(importform::OsCatalogueStore());

    connect(m_session, &WizardSession::imagePathChanged, this, &FormPage::forgetImageProposal);
    connect(m_session, &WizardSession::inspectionChanged, this, &FormPage::prefill);
    connect(m_session, &WizardSession::uploadChanged, this, &FormPage::prefill);
    connect(m_session, &WizardSession::accountChanged, this, [this] {
        m_chosenBucket.clear(); // another account's, or another region's
        revalidate();           // the region may have changed
        checkUrlSoon();
    });
    revalidate();
}

FormPage::~FormPage() = default;

void FormPage::setUpWidgets()
{
    setUpChecks();
    showAdvanced(false);
    // The tables live inside their widgets, which the forms cannot name as buddies. These two
    // labels have no Alt key (nor has OS type, the first field): the page has more controls than
    // letters once Alt+B/N/F/C are left to the wizard, and Alt+G and Alt+A (Add Tag, Add Data
    // Disk) lead into them.
    m_ui->tagsLabel->setBuddy(m_ui->tags->table());
    m_ui->dataDisksLabel->setBuddy(m_ui->dataDisks->list());
    m_ui->imageDescription->setFixedHeight(m_ui->imageDescription->fontMetrics().lineSpacing() * 3 +
                                           12);
    setTextTint(m_ui->urlCheck, TextTint::Secondary);

    // Ctrl+S / Ctrl+O while the page is shown; the wizard's own buttons use Alt+B, Alt+N and Esc.
    auto* save = new QShortcut(QKeySequence::Save, this, m_ui->draftBar, &DraftBar::save);
    save->setContext(Qt::WidgetWithChildrenShortcut);
    auto* open = new QShortcut(QKeySequence::Open, this, m_ui->draftBar, &DraftBar::open);
    open->setContext(Qt::WidgetWithChildrenShortcut);

    // Top to bottom, then the draft buttons; the wizard's buttons follow the page.
    QList<QWidget*> order = m_ui->osChooser->tabStops();
    order << m_ui->imageUrl << m_ui->chooseObject << m_ui->imageName << m_ui->imageDescription
          << m_ui->imageFamily << m_ui->tags->table() << m_ui->tags->addButton()
          << m_ui->tags->removeButton() << m_ui->dataDisks->list() << m_ui->dataDisks->addButton()
          << m_ui->dataDisks->removeButton() << m_ui->advancedToggle << m_ui->force << m_ui->dryRun
          << m_ui->draftBar->tabStops();
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order[i - 1], order[i]);
}

void FormPage::setUpChecks()
{
    m_checks = std::make_unique<FormPageChecks>(m_ui->formSummary);
    using Named = std::pair<QString, const QLabel*>;
    QList<Named> labels = m_ui->osChooser->labels();
    labels += QList<Named>{{field::imageUrl, m_ui->imageUrlLabel},
                           {field::imageName, m_ui->imageNameLabel},
                           {field::imageDescription, m_ui->imageDescriptionLabel},
                           {field::imageFamily, m_ui->imageFamilyLabel},
                           {field::tags, m_ui->tagsLabel},
                           {field::dataDisks, m_ui->dataDisksLabel}};
    for (const auto& [id, label] : std::as_const(labels)) // notes are "<field id>Note"
        m_checks->addField(id, findChild<FieldNote*>(id + QStringLiteral("Note")), label);
    m_session->setFieldNames(m_checks->names());
}

void FormPage::showAdvanced(bool shown)
{
    m_ui->advancedToggle->setChecked(shown);
    m_ui->advancedToggle->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
    m_ui->advancedBox->setVisible(shown);
}

void FormPage::connectEdits()
{
    const auto lineEdit = [this](QLineEdit* edit, QString fieldId) {
        // textEdited: the user's typing only, never setText() by prefill or a draft.
        connect(edit, &QLineEdit::textEdited, this, [this, fieldId] { markEdited(fieldId); });
    };
    lineEdit(m_ui->imageUrl, field::imageUrl);
    lineEdit(m_ui->imageName, field::imageName);
    lineEdit(m_ui->imageFamily, field::imageFamily);
    connect(m_ui->imageDescription, &QPlainTextEdit::textChanged, this,
            [this] { markEdited(field::imageDescription); });
    connect(m_ui->osChooser, &OsChooser::edited, this, &FormPage::markEdited);
    connect(m_ui->tags, &TagTable::edited, this, [this] { markEdited(field::tags); });
    connect(m_ui->dataDisks, &UrlListEdit::edited, this, [this] { markEdited(field::dataDisks); });
    connect(m_ui->force, &QCheckBox::toggled, this, [this] { markEdited(kForce); });
    connect(m_ui->dryRun, &QCheckBox::toggled, this, [this] { markEdited(kDryRun); });
    connect(m_ui->advancedToggle, &QToolButton::toggled, this, &FormPage::showAdvanced);
    connect(m_ui->imageUrl, &QLineEdit::textEdited, this, [this] { checkUrlSoon(); });
    connect(m_ui->chooseObject, &QPushButton::clicked, this, &FormPage::chooseObject);

    connect(m_ui->osChooser, &OsChooser::refreshRequested, m_catalogue,
            &OsCatalogueController::refresh);
    connect(m_catalogue, &OsCatalogueController::busyChanged, m_ui->osChooser,
            &OsChooser::setRefreshing);
    connect(m_catalogue, &OsCatalogueController::statusChanged, m_ui->osChooser,
            &OsChooser::setCatalogueStatus);
    connect(m_catalogue, &OsCatalogueController::changed, this, &FormPage::catalogueChanged);
    connect(m_urlChecker, &ObjectUrlChecker::finished, this, &FormPage::showUrlCheck);
    m_ui->draftBar->setUp(m_session, [this] { return std::make_pair(form(), region()); });
    connect(m_ui->draftBar, &DraftBar::saved, this, &FormPage::draftSaved);
    connect(m_ui->draftBar, &DraftBar::opened, this, &FormPage::draftOpenedFrom);
}

void FormPage::markEdited(const QString& fieldId)
{
    if (m_filling)
        return;
    m_edited.insert(fieldId);
    emit userEdited();
    if (fieldId == field::osType || fieldId == field::osVersion)
        m_ui->osChooser->showOsChoice({}); // the user's own choice needs no explanation
    revalidate();
}

// --- the OS list ----------------------------------------------------------------------------

void FormPage::catalogueChanged()
{
    m_ui->osChooser->setCatalogue(m_catalogue->catalogue());
    prefillOs(); // another list may offer other versions, or spell the OS otherwise
    revalidate();
}

void FormPage::prefillOs()
{
    if (!m_session->hasInspection())
        return;
    importform::Proposal p = proposal(false);
    p.fields &= QSet<QString>{field::osType, field::osVersion};
    p.fields.subtract(m_edited);
    if (!p.fields.isEmpty())
        fillFields(p.form, p.fields);
    // The note explains both values: once the user chose either, it no longer applies.
    m_ui->osChooser->showOsChoice(osChoiceApplies() ? p.osNote : QString());
}

importform::Proposal FormPage::proposal(bool withUrl) const
{
    QString url;
    if (withUrl && m_session->hasUpload())
        url = m_session->upload().formUrl();
    else if (withUrl && m_session->uploadSkipped())
        // The Upload page's bucket and key, said to hold the image already: checked with a
        // HEAD like any URL typed here.
        url = m_session->skippedObjectUrl();
    return importform::propose(
        form(), m_session->hasInspection() ? &m_session->inspection().report.form : nullptr,
        m_session->imagePath(), url, m_catalogue->catalogue());
}

bool FormPage::osChoiceApplies() const
{
    return !m_edited.contains(field::osType) && !m_edited.contains(field::osVersion);
}

// --- the form -------------------------------------------------------------------------------

importform::ImportForm FormPage::form() const
{
    importform::ImportForm f;
    m_ui->osChooser->readInto(&f);
    f.imageUrl = m_ui->imageUrl->text().trimmed();
    f.imageName = m_ui->imageName->text();
    f.imageDescription = m_ui->imageDescription->toPlainText();
    f.imageFamily = m_ui->imageFamily->text();
    f.tags = m_ui->tags->tags();
    f.dataDiskUrls = m_ui->dataDisks->urls();
    f.force = m_ui->force->isChecked();
    f.dryRun = m_ui->dryRun->isChecked();
    return f;
}

QString FormPage::region() const
{
    return m_session->hasAccount() ? m_session->region() : m_draftRegion;
}

void FormPage::fillFields(const importform::ImportForm& f, const QSet<QString>& fields)
{
    ++m_filling;
    m_ui->osChooser->fill(f, fields);
    if (fields.contains(field::imageUrl))
        m_ui->imageUrl->setText(f.imageUrl);
    if (fields.contains(field::imageName))
        m_ui->imageName->setText(f.imageName);
    if (fields.contains(field::imageDescription))
        m_ui->imageDescription->setPlainText(f.imageDescription);
    if (fields.contains(field::imageFamily))
        m_ui->imageFamily->setText(f.imageFamily);
    if (fields.contains(field::tags))
        m_ui->tags->setTags(f.tags);
    if (fields.contains(field::dataDisks))
        m_ui->dataDisks->setUrls(f.dataDiskUrls);
    if (fields.contains(kForce))
        m_ui->force->setChecked(f.force);
    if (fields.contains(kDryRun))
        m_ui->dryRun->setChecked(f.dryRun);
    // An option that is on is never out of sight.
    if (m_ui->force->isChecked() || m_ui->dryRun->isChecked())
        showAdvanced(true);
    --m_filling;
    revalidate();
}

void FormPage::setForm(const importform::ImportForm& f)
{
    const QSet<QString> all{field::osType,    field::osVersion,        field::architecture,
                            field::bootMode,  field::licenseType,      field::imageUrl,
                            field::imageName, field::imageDescription, field::imageFamily,
                            field::tags,      field::dataDisks,        kForce,
                            kDryRun};
    fillFields(f, all);
    m_edited.unite(all);
    m_urlChecker->clear();
    m_ui->urlCheck->clear();
    checkUrlSoon();
}

void FormPage::prefill()
{
    importform::Proposal p = proposal(true);
    p.fields.subtract(m_edited);
    if (m_session->hasInspection() && osChoiceApplies())
        m_ui->osChooser->showOsChoice(p.osNote);
    if (p.fields.isEmpty())
        return;
    fillFields(p.form, p.fields);
    if (p.fields.contains(field::imageUrl))
        checkUrlSoon();
}

void FormPage::forgetImageProposal()
{
    QSet<QString> os{field::osType, field::osVersion, field::architecture, field::bootMode,
                     field::licenseType};
    os.subtract(m_edited);
    fillFields(importform::ImportForm{}, os);
    if (osChoiceApplies())
        m_ui->osChooser->showOsChoice({});
}

void FormPage::revalidate()
{
    const importform::ImportForm f = form();
    m_problems = f.validate(m_catalogue->catalogue(), region());
    m_checks->show(f, m_problems, m_edited, m_revealAll);
    emit completeChanged();
}

// --- the image's object ---------------------------------------------------------------------

void FormPage::checkUrlSoon()
{
    m_urlChecker->schedule(m_ui->imageUrl->text());
    if (m_urlChecker->state() == ObjectUrlChecker::State::Pending)
        showUrlCheck();
}

void FormPage::showUrlCheck()
{
    using State = ObjectUrlChecker::State;
    const State s = m_urlChecker->state();
    m_ui->urlCheck->setText(m_urlChecker->text());
    setTextTint(m_ui->urlCheck, m_urlChecker->sizeDiffers()                 ? TextTint::Error
                                : s == State::Found || s == State::Uploaded ? TextTint::Good
                                : s == State::NotFound || s == State::NoAccess
                                    ? TextTint::Error
                                    : TextTint::Secondary);
}

void FormPage::chooseObject()
{
    QString bucket = m_chosenBucket;
    if (bucket.isEmpty())
        bucket = m_session->bucket();
    if (bucket.isEmpty() && m_session->hasUpload() &&
        m_session->upload().region == m_session->region())
        bucket = m_session->upload().bucket;
    auto* dialog = new ChooseObjectDialog(m_session, bucket, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString region = m_session->region();
    connect(dialog, &QDialog::accepted, this, [this, dialog, region] {
        m_chosenBucket = dialog->bucket();
        // The plain URL, as for an image skipped on the Upload page: the HEAD check below
        // confirms the object, and the import signs the URL when the bucket is private.
        m_ui->imageUrl->setText(
            cloud::CosClient::objectUrl(dialog->bucket(), region, dialog->key()));
        markEdited(field::imageUrl);
        checkUrlSoon();
        m_ui->imageUrl->setFocus(Qt::OtherFocusReason);
    });
    dialog->open();
}

// --- the wizard -----------------------------------------------------------------------------

void FormPage::initializePage()
{
    prefill();
    revalidate();
}

bool FormPage::isComplete() const
{
    return QWizardPage::isComplete() && !importform::hasErrors(m_problems);
}

bool FormPage::validatePage()
{
    m_revealAll = true;
    revalidate();
    if (importform::hasErrors(m_problems)) {
        if (QWidget* wrong = m_checks->firstError()) { // where to start, in view
            wrong->setFocus(Qt::OtherFocusReason);
            m_ui->formScroll->ensureWidgetVisible(wrong);
        }
        return false;
    }
    m_session->setImportForm(form());
    return true;
}

void FormPage::keyPressEvent(QKeyEvent* event)
{
    // A field lets Enter through; the wizard presses Next with it, or nothing while Next waits.
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    const bool plain = (event->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier;
    if (enter && plain && !isComplete()) {
        validatePage();
        event->accept();
        return;
    }
    QWizardPage::keyPressEvent(event);
}

} // namespace cvmi::ui
