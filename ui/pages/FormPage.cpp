#include "pages/FormPage.h"

#include "Icons.h"
#include "ImportWizard.h"
#include "WizardSession.h"
#include "controllers/ObjectUrlChecker.h"
#include "dialogs/ChooseObjectDialog.h"
#include "widgets/FieldNote.h"
#include "widgets/TagTable.h"
#include "widgets/UrlListEdit.h"

#include "util/FutureReply.h"

#include "cloud/CosClient.h"
#include "cloud/CvmClient.h"
#include "importform/Draft.h"
#include "importform/FormLimits.h"
#include "importform/FormPrefill.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace cvmi::ui {

namespace {

namespace field = importform::field;
const QString kForce = QStringLiteral("Force");
const QString kDryRun = QStringLiteral("DryRun");

QLabel* plainLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}

void makeSecondary(QLabel* label)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    label->setPalette(palette);
}

void setTextTint(QLabel* label, const QColor& tint)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText,
                     tint.isValid() ? mixColors(palette.color(QPalette::WindowText), tint, 0.85)
                                    : palette.color(QPalette::PlaceholderText));
    label->setPalette(palette);
}

const QColor kErrorTint(0xc0, 0x1c, 0x28);
const QColor kGoodTint(0x26, 0x80, 0x3a);

qsizetype characters(const QString& text)
{
    return text.toUcs4().size(); // the API counts code points (FormLimits.h)
}

// The value a combo box holds: its item data, so that a value outside the offered list can be
// shown with a note in its text and still read back exactly.
QString comboValue(const QComboBox* box)
{
    return box->currentIndex() < 0 ? QString() : box->currentData().toString();
}

void fillCombo(QComboBox* box, const QStringList& values, const QString& keep)
{
    box->clear();
    for (const QString& v : values)
        box->addItem(v, v);
    if (keep.isEmpty()) {
        box->setCurrentIndex(-1);
        return;
    }
    if (box->findData(keep) < 0)
        box->addItem(FormPage::tr("%1 (not in the list)").arg(keep), keep);
    box->setCurrentIndex(box->findData(keep));
}

void setComboValue(QComboBox* box, const QString& value)
{
    QStringList values;
    for (int i = 0; i < box->count(); ++i) {
        // A value added earlier because it was not offered is dropped when another is chosen.
        const QString v = box->itemData(i).toString();
        if (box->itemText(i) == v)
            values.append(v);
    }
    fillCombo(box, values, value);
}

// A value listed only because a draft or the inspection had it goes once the user picks another.
void dropForeignItems(QComboBox* box)
{
    for (int i = box->count() - 1; i >= 0; --i) {
        if (i != box->currentIndex() && box->itemText(i) != box->itemData(i).toString())
            box->removeItem(i);
    }
}

QString verdictSummary(const policy::Report& report)
{
    bool warn = false;
    bool unknown = false;
    for (const policy::RuleResult& r : report.rules) {
        if (r.verdict == policy::Verdict::Fail)
            return QStringLiteral("fail");
        warn = warn || r.verdict == policy::Verdict::Warn;
        unknown = unknown || r.verdict == policy::Verdict::Unknown;
    }
    return warn      ? QStringLiteral("warn")
           : unknown ? QStringLiteral("unknown")
                     : QStringLiteral("pass");
}

struct DraftOutcome {
    bool ok = false;
    bool stripped = false;
    Error error;
};

} // namespace

FormPage::FormPage(WizardSession* session, QWidget* parent)
    : QWizardPage(parent), m_session(session), m_catalogue(importform::OsCatalogueStore::builtIn()),
      m_osType(new QComboBox(this)), m_osVersion(new QComboBox(this)),
      m_architecture(new QComboBox(this)), m_bootMode(new QComboBox(this)),
      m_licenseType(new QComboBox(this)), m_catalogueLabel(plainLabel({}, this)),
      m_refreshButton(new QPushButton(tr("R&efresh List"), this)), m_imageUrl(new QLineEdit(this)),
      m_chooseObjectButton(new QPushButton(tr("C&hoose Object…"), this)),
      m_urlCheckLabel(plainLabel({}, this)), m_imageName(new QLineEdit(this)),
      m_description(new QPlainTextEdit(this)), m_imageFamily(new QLineEdit(this)),
      m_tags(new TagTable(this)), m_dataDisks(new UrlListEdit(this)),
      m_force(
          new QCheckBox(tr("Fo&rce: import even if the service's own image checks fail"), this)),
      m_dryRun(new QCheckBox(tr("&Dry run only: check the request, do not import"), this)),
      m_saveButton(new QPushButton(tr("&Save Draft…"), this)),
      m_openButton(new QPushButton(tr("&Open Draft…"), this)), m_draftLabel(plainLabel({}, this)),
      m_summary(plainLabel({}, this)), m_urlChecker(new ObjectUrlChecker(session, this))
{
    setObjectName(QStringLiteral("formPage"));
    setTitle(ImportWizard::pageTitle(tr("Describe the custom image")));
    buildLayout();
    {
        // The form's defaults (licence, boot mode) are not the user's choice.
        ++m_filling;
        fillCombo(m_architecture, importform::architectures(), {});
        fillCombo(m_bootMode, importform::bootModes(), importform::defaultBootMode());
        fillCombo(m_licenseType, importform::licenseTypes(), importform::defaultLicenseType());
        fillOsTypes();
        fillOsVersions(true);
        --m_filling;
    }
    connectEdits();
    setCatalogue(m_catalogue);
    setCatalogueStore(importform::OsCatalogueStore());

    connect(m_session, &WizardSession::inspectionChanged, this, &FormPage::prefill);
    connect(m_session, &WizardSession::uploadChanged, this, &FormPage::prefill);
    connect(m_session, &WizardSession::accountChanged, this, [this] {
        m_chosenBucket.clear(); // another account's, or another region's
        revalidate();           // the region may have changed
        checkUrlSoon();
    });
    connect(m_urlChecker, &ObjectUrlChecker::finished, this, [this](ObjectUrlChecker::State s) {
        using State = ObjectUrlChecker::State;
        // An object said to be the checked image (skipped upload, typed URL) must at least be
        // as large as that file: another size means another file or a copy cut short.
        const QFileInfo image(m_session->imagePath());
        const bool otherSize = s == State::Found && m_urlChecker->size() >= 0 && image.isFile() &&
                               image.size() != m_urlChecker->size();
        QString text = m_urlChecker->text();
        if (otherSize)
            text += u' ' + tr("The checked image %1 is %2 bytes: this object is another file, or "
                              "an incomplete copy of it. Upload the image, or correct the URL.")
                               .arg(image.fileName(), QLocale().toString(image.size()));
        m_urlCheckLabel->setText(text);
        setTextTint(m_urlCheckLabel, otherSize                                      ? kErrorTint
                                     : s == State::Found                            ? kGoodTint
                                     : s == State::NotFound || s == State::NoAccess ? kErrorTint
                                                                                    : QColor());
    });
    revalidate();
}

FormPage::~FormPage() = default;

void FormPage::buildLayout()
{
    auto* intro = plainLabel(
        tr("The parameters of the import (ImportImage). They are filled in from the check and "
           "the upload where possible; every value can be changed. The form works offline: "
           "save it as a draft and open it later or on another computer."),
        this);

    auto withNote = [this](QWidget* input, const QString& fieldId, QWidget* extra = nullptr) {
        auto* box = new QWidget(this);
        auto* layout = new QVBoxLayout(box);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(2);
        layout->addWidget(input);
        auto* note = new FieldNote(box);
        note->setObjectName(fieldId + QStringLiteral("Note"));
        m_notes.insert(fieldId, note);
        layout->addWidget(note);
        if (extra)
            layout->addWidget(extra);
        return box;
    };
    auto row = [this](QFormLayout* form, const QString& label, QWidget* buddy, QWidget* cell) {
        auto* l = new QLabel(label, this);
        l->setBuddy(buddy);
        form->addRow(l, cell);
    };
    auto named = [](QWidget* w, const char* objectName, const QString& accessible) {
        w->setObjectName(QLatin1String(objectName));
        w->setAccessibleName(accessible);
    };

    // The operating system, from the OS catalogue.
    named(m_osType, "osType", tr("OS type"));
    named(m_osVersion, "osVersion", tr("OS version"));
    named(m_architecture, "architecture", tr("Architecture"));
    named(m_bootMode, "bootMode", tr("Boot mode"));
    named(m_licenseType, "licenseType", tr("License type"));
    for (QComboBox* box : {m_osType, m_osVersion, m_architecture, m_bootMode, m_licenseType}) {
        box->setPlaceholderText(tr("Choose…"));
        box->setMinimumContentsLength(24);
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    }
    m_licenseType->setToolTip(tr("TencentCloud: the licence comes with the instance. BYOL: you "
                                 "bring your own (Red Hat, SUSE, Windows Server)."));
    m_catalogueLabel->setObjectName(QStringLiteral("catalogueStatus"));
    m_catalogueLabel->setAccessibleName(tr("Which OS list is shown"));
    makeSecondary(m_catalogueLabel);
    m_refreshButton->setObjectName(QStringLiteral("refreshOsList"));
    m_refreshButton->setToolTip(
        tr("Ask Tencent Cloud for the current list (DescribeImportImageOs) and keep it for "
           "offline use"));
    auto* catalogueRow = new QHBoxLayout;
    catalogueRow->addWidget(m_catalogueLabel, 1);
    catalogueRow->addWidget(m_refreshButton, 0, Qt::AlignTop);

    m_osChoiceLabel = plainLabel({}, this);
    m_osChoiceLabel->setObjectName(QStringLiteral("osChoice"));
    m_osChoiceLabel->setAccessibleName(tr("How the detected version was matched"));
    makeSecondary(m_osChoiceLabel);
    m_osChoiceLabel->hide();

    auto* osBox = new QGroupBox(tr("Operating system"), this);
    auto* osForm = new QFormLayout(osBox);
    row(osForm, tr("OS &type:"), m_osType, withNote(m_osType, field::osType));
    row(osForm, tr("OS &version:"), m_osVersion,
        withNote(m_osVersion, field::osVersion, m_osChoiceLabel));
    row(osForm, tr("&Architecture:"), m_architecture,
        withNote(m_architecture, field::architecture));
    row(osForm, tr("Boot &mode:"), m_bootMode, withNote(m_bootMode, field::bootMode));
    row(osForm, tr("&License type:"), m_licenseType, withNote(m_licenseType, field::licenseType));
    osForm->addRow(QString(), catalogueRow);

    // The image.
    named(m_imageUrl, "imageUrl", tr("Image URL"));
    m_imageUrl->setPlaceholderText(
        QStringLiteral("https://<bucket>-<APPID>.cos.<region>.myqcloud.com/<key>"));
    m_imageUrl->setToolTip(tr("The COS object of the uploaded image (filled in by the upload)"));
    m_urlCheckLabel->setObjectName(QStringLiteral("urlCheck"));
    m_urlCheckLabel->setAccessibleName(tr("Whether the object exists"));
    makeSecondary(m_urlCheckLabel);
    named(m_imageName, "imageName", tr("Image name"));
    named(m_description, "imageDescription", tr("Image description"));
    m_description->setTabChangesFocus(true); // Tab moves on; the description needs no tabs
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 3 + 12);
    named(m_imageFamily, "imageFamily", tr("Image family"));
    m_imageFamily->setPlaceholderText(tr("optional, e.g. business-daily-update"));

    auto* imageBox = new QGroupBox(tr("Image"), this);
    auto* imageForm = new QFormLayout(imageBox);
    m_chooseObjectButton->setObjectName(QStringLiteral("chooseObject"));
    m_chooseObjectButton->setToolTip(
        tr("The image is in COS already: choose its object from a bucket's list"));
    auto* urlRow = new QWidget(this);
    auto* urlLayout = new QHBoxLayout(urlRow);
    urlLayout->setContentsMargins(0, 0, 0, 0);
    urlLayout->addWidget(m_imageUrl, 1);
    urlLayout->addWidget(m_chooseObjectButton);
    row(imageForm, tr("Image &URL:"), m_imageUrl,
        withNote(urlRow, field::imageUrl, m_urlCheckLabel));
    row(imageForm, tr("&Image name:"), m_imageName, withNote(m_imageName, field::imageName));
    row(imageForm, tr("Descri&ption:"), m_description,
        withNote(m_description, field::imageDescription));
    row(imageForm, tr("Image famil&y:"), m_imageFamily,
        withNote(m_imageFamily, field::imageFamily));

    // Tags, data disks and the two switches.
    auto* moreBox = new QGroupBox(tr("Tags, data disks and options"), this);
    auto* moreForm = new QFormLayout(moreBox);
    row(moreForm, tr("Ta&gs:"), m_tags->table(), withNote(m_tags, field::tags));
    row(moreForm, tr("Data dis&ks:"), m_dataDisks->list(), withNote(m_dataDisks, field::dataDisks));
    m_force->setObjectName(QStringLiteral("force"));
    m_force->setToolTip(tr("ImportImage's Force: skips the service's checks of the image. Use "
                           "it only when you know why a check fails and that it does not "
                           "matter."));
    m_dryRun->setObjectName(QStringLiteral("dryRun"));
    m_dryRun->setToolTip(tr("ImportImage's DryRun: the service checks the parameters and the "
                            "permission, and no image is created."));
    moreForm->addRow(QString(), m_force);
    moreForm->addRow(QString(), m_dryRun);

    auto* content = new QWidget(this);
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 6, 0);
    contentLayout->addWidget(intro);
    contentLayout->addWidget(osBox);
    contentLayout->addWidget(imageBox);
    contentLayout->addWidget(moreBox);
    contentLayout->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("formScroll"));
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus);

    m_openButton->setObjectName(QStringLiteral("openDraft"));
    m_openButton->setToolTip(tr("Fill the form from a draft file (Ctrl+O)"));
    m_saveButton->setObjectName(QStringLiteral("saveDraft"));
    m_saveButton->setToolTip(tr("Save the form as a draft file, without any secret (Ctrl+S)"));
    m_draftLabel->setObjectName(QStringLiteral("draftStatus"));
    m_draftLabel->setAccessibleName(tr("Draft status"));
    m_summary->setObjectName(QStringLiteral("formSummary"));
    m_summary->setAccessibleName(tr("Form status"));
    auto* draftRow = new QHBoxLayout;
    draftRow->addWidget(m_openButton, 0, Qt::AlignTop);
    draftRow->addWidget(m_saveButton, 0, Qt::AlignTop);
    draftRow->addWidget(m_draftLabel, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_summary);
    layout->addLayout(draftRow);

    // Ctrl+S / Ctrl+O while the page is shown; the wizard's own buttons use Alt+B, Alt+N and Esc.
    auto* save = new QShortcut(QKeySequence::Save, this, this, &FormPage::saveDraft);
    save->setContext(Qt::WidgetWithChildrenShortcut);
    auto* open = new QShortcut(QKeySequence::Open, this, this, &FormPage::openDraft);
    open->setContext(Qt::WidgetWithChildrenShortcut);

    // Top to bottom, then the draft buttons; the wizard's buttons follow the page.
    const QList<QWidget*> order{m_osType,
                                m_osVersion,
                                m_architecture,
                                m_bootMode,
                                m_licenseType,
                                m_refreshButton,
                                m_imageUrl,
                                m_chooseObjectButton,
                                m_imageName,
                                m_description,
                                m_imageFamily,
                                m_tags->table(),
                                m_tags->addButton(),
                                m_tags->removeButton(),
                                m_dataDisks->list(),
                                m_dataDisks->addButton(),
                                m_dataDisks->removeButton(),
                                m_force,
                                m_dryRun,
                                m_openButton,
                                m_saveButton};
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order[i - 1], order[i]);
}

void FormPage::connectEdits()
{
    const auto lineEdit = [this](QLineEdit* edit, QString fieldId) {
        // textEdited: the user's typing only, never setText() by prefill or a draft.
        connect(edit, &QLineEdit::textEdited, this, [this, fieldId] { markEdited(fieldId); });
    };
    lineEdit(m_imageUrl, field::imageUrl);
    lineEdit(m_imageName, field::imageName);
    lineEdit(m_imageFamily, field::imageFamily);
    connect(m_description, &QPlainTextEdit::textChanged, this,
            [this] { markEdited(field::imageDescription); });
    const auto combo = [this](QComboBox* box, QString fieldId) {
        connect(box, &QComboBox::currentIndexChanged, this, [this, box, fieldId] {
            if (m_filling)
                return;
            ++m_filling;
            dropForeignItems(box);
            --m_filling;
            markEdited(fieldId);
        });
    };
    combo(m_osType, field::osType);
    combo(m_osVersion, field::osVersion);
    combo(m_architecture, field::architecture);
    combo(m_bootMode, field::bootMode);
    combo(m_licenseType, field::licenseType);
    connect(m_osType, &QComboBox::currentIndexChanged, this, [this] {
        if (m_filling)
            return;
        ++m_filling;
        fillOsVersions(false);
        --m_filling;
        revalidate();
    });
    connect(m_tags, &TagTable::edited, this, [this] { markEdited(field::tags); });
    connect(m_dataDisks, &UrlListEdit::edited, this, [this] { markEdited(field::dataDisks); });
    connect(m_force, &QCheckBox::toggled, this, [this] { markEdited(kForce); });
    connect(m_dryRun, &QCheckBox::toggled, this, [this] { markEdited(kDryRun); });
    connect(m_imageUrl, &QLineEdit::textEdited, this, [this] { checkUrlSoon(); });
    connect(m_refreshButton, &QPushButton::clicked, this, &FormPage::refreshCatalogue);
    connect(m_chooseObjectButton, &QPushButton::clicked, this, &FormPage::chooseObject);
    connect(m_saveButton, &QPushButton::clicked, this, &FormPage::saveDraft);
    connect(m_openButton, &QPushButton::clicked, this, &FormPage::openDraft);
}

void FormPage::markEdited(const QString& fieldId)
{
    if (m_filling)
        return;
    m_edited.insert(fieldId);
    if (fieldId == field::osType || fieldId == field::osVersion)
        showOsChoice({}); // the user's own choice needs no explanation
    revalidate();
}

// --- the OS catalogue ---------------------------------------------------------------------

void FormPage::setCatalogueStore(const importform::OsCatalogueStore& store)
{
    m_store = store;
    const quint64 generation = ++m_catalogueGeneration;
    // The cache is a small local file, but a slow home directory must not freeze the window.
    util::onResult(QtConcurrent::run([store] {
                       QStringList warnings;
                       importform::OsCatalogue catalogue = store.load(&warnings);
                       return std::make_pair(catalogue, warnings);
                   }),
                   this,
                   [this, generation](const std::pair<importform::OsCatalogue, QStringList>& r) {
                       // A live answer or a newer store since the load began wins over what was on
                       // disk.
                       if (generation == m_catalogueGeneration)
                           setCatalogue(r.first, r.second);
                   });
}

void FormPage::setCatalogue(const importform::OsCatalogue& catalogue, const QStringList& warnings)
{
    m_catalogue = catalogue;
    m_catalogueWarnings = warnings;
    ++m_filling;
    fillOsTypes();
    fillOsVersions(true);
    --m_filling;
    prefillOs(); // another list may offer other versions, or spell the OS otherwise
    m_catalogueLabel->setText(catalogueStatus());
    revalidate();
    emit catalogueChanged();
}

void FormPage::prefillOs()
{
    if (!m_session->hasInspection())
        return;
    const policy::FormSuggestion& s = m_session->inspection().report.form;
    importform::ImportForm proposal = form();
    QString note;
    importform::applySuggestion(&proposal, s, m_session->imagePath(), m_catalogue, &note);
    QSet<QString> fields;
    if (!s.osType.isEmpty())
        fields.insert(field::osType);
    if (!s.osVersion.isEmpty())
        fields.insert(field::osVersion);
    fields.subtract(m_edited);
    if (!fields.isEmpty())
        fillFields(proposal, fields);
    // The note explains both values: once the user chose either, it no longer applies.
    showOsChoice(osChoiceApplies() ? note : QString());
}

bool FormPage::osChoiceApplies() const
{
    return !m_edited.contains(field::osType) && !m_edited.contains(field::osVersion);
}

void FormPage::showOsChoice(const QString& note)
{
    m_osChoiceLabel->setText(note);
    m_osChoiceLabel->setVisible(!note.isEmpty());
}

QString FormPage::osChoiceText() const
{
    return m_osChoiceLabel->text();
}

QString FormPage::catalogueStatus() const
{
    using Origin = importform::OsCatalogue::Origin;
    const QString when =
        QLocale().toString(m_catalogue.fetched().toLocalTime(), QLocale::ShortFormat);
    QString text;
    switch (m_catalogue.origin()) {
    case Origin::BuiltIn:
        text = tr("OS list: the one built into this program (%1 systems); refresh it when "
                  "online.")
                   .arg(m_catalogue.osTypes().size());
        break;
    case Origin::Cache:
        text = tr("OS list: saved from Tencent Cloud on %1 (%2 systems).")
                   .arg(when)
                   .arg(m_catalogue.osTypes().size());
        break;
    case Origin::Live:
        text = tr("OS list: from Tencent Cloud, %1 (%2 systems).")
                   .arg(when)
                   .arg(m_catalogue.osTypes().size());
        break;
    }
    for (const QString& warning : m_catalogueWarnings)
        text += u'\n' + warning;
    return text;
}

void FormPage::fillOsTypes()
{
    fillCombo(m_osType, m_catalogue.osTypes(), comboValue(m_osType));
}

void FormPage::fillOsVersions(bool keepForeign)
{
    const QString osType = comboValue(m_osType);
    const QStringList versions = m_catalogue.versions(osType);
    QString keep = comboValue(m_osVersion);
    // A version the new OS does not offer was chosen for another OS: start over, unless the
    // catalogue does not know this OS at all (then keep it, and its problem is explained).
    if (!keepForeign && m_catalogue.hasOsType(osType) && !versions.contains(keep))
        keep.clear();
    fillCombo(m_osVersion, versions, keep);
}

void FormPage::refreshCatalogue()
{
    cloud::CvmClient* cvm = m_session->cvm();
    if (!cvm || !m_session->credentials().isUsable()) {
        const QString message =
            tr("Not refreshed: connect an account on the Account page first. The list shown "
               "works offline.");
        m_catalogueLabel->setText(catalogueStatus() + u'\n' + message);
        emit catalogueRefreshed(message);
        return;
    }
    m_refreshButton->setEnabled(false);
    m_catalogueLabel->setText(catalogueStatus() + u'\n' + tr("Asking Tencent Cloud…"));
    QPointer<cloud::CvmClient> client(cvm);
    util::onResult(
        cvm->describeImportImageOs(), this,
        [this, client](const cloud::CloudResult<cloud::ImportImageOsList>& result) {
            m_refreshButton->setEnabled(true);
            if (client != m_session->cvm())
                return emit catalogueRefreshed(tr("The account changed during the refresh."));
            if (!result.ok()) {
                const QString message = tr("Could not refresh the list: %1 %2 The list shown "
                                           "still works.")
                                            .arg(result.error.userMessage, result.error.remedy);
                m_catalogueLabel->setText(catalogueStatus() + u'\n' + message);
                return emit catalogueRefreshed(message);
            }
            const QDateTime now = QDateTime::currentDateTimeUtc();
            ++m_catalogueGeneration; // a cache load still running must not replace this
            setCatalogue(
                importform::OsCatalogue(result.value, importform::OsCatalogue::Origin::Live, now));
            const importform::OsCatalogueStore store = m_store;
            util::onResult(QtConcurrent::run([store, list = result.value, now] {
                               Error error;
                               store.save(list, now, &error);
                               return error;
                           }),
                           this, [this](const Error& error) {
                               if (error.isSet())
                                   m_catalogueLabel->setText(
                                       catalogueStatus() + u'\n' +
                                       tr("The list could not be kept for offline use: "
                                          "%1")
                                           .arg(error.message));
                               emit catalogueRefreshed(QString());
                           });
        });
}

// --- the form -------------------------------------------------------------------------------

importform::ImportForm FormPage::form() const
{
    importform::ImportForm f;
    f.osType = comboValue(m_osType);
    f.osVersion = comboValue(m_osVersion);
    f.architecture = comboValue(m_architecture);
    f.bootMode = comboValue(m_bootMode);
    f.licenseType = comboValue(m_licenseType);
    f.imageUrl = m_imageUrl->text().trimmed();
    f.imageName = m_imageName->text();
    f.imageDescription = m_description->toPlainText();
    f.imageFamily = m_imageFamily->text();
    f.tags = m_tags->tags();
    f.dataDiskUrls = m_dataDisks->urls();
    f.force = m_force->isChecked();
    f.dryRun = m_dryRun->isChecked();
    return f;
}

QList<importform::FieldProblem> FormPage::problems() const
{
    return m_problems;
}

QString FormPage::region() const
{
    return m_session->hasAccount() ? m_session->region() : m_draftRegion;
}

void FormPage::fillFields(const importform::ImportForm& f, const QSet<QString>& fields)
{
    ++m_filling;
    if (fields.contains(field::osType)) {
        setComboValue(m_osType, f.osType);
        fillOsVersions(true);
    }
    if (fields.contains(field::osVersion))
        fillCombo(m_osVersion, m_catalogue.versions(comboValue(m_osType)), f.osVersion);
    if (fields.contains(field::architecture))
        setComboValue(m_architecture, f.architecture);
    if (fields.contains(field::bootMode))
        setComboValue(m_bootMode, f.bootMode);
    if (fields.contains(field::licenseType))
        setComboValue(m_licenseType, f.licenseType);
    if (fields.contains(field::imageUrl))
        m_imageUrl->setText(f.imageUrl);
    if (fields.contains(field::imageName))
        m_imageName->setText(f.imageName);
    if (fields.contains(field::imageDescription))
        m_description->setPlainText(f.imageDescription);
    if (fields.contains(field::imageFamily))
        m_imageFamily->setText(f.imageFamily);
    if (fields.contains(field::tags))
        m_tags->setTags(f.tags);
    if (fields.contains(field::dataDisks))
        m_dataDisks->setUrls(f.dataDiskUrls);
    if (fields.contains(kForce))
        m_force->setChecked(f.force);
    if (fields.contains(kDryRun))
        m_dryRun->setChecked(f.dryRun);
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
    m_urlCheckLabel->clear();
    checkUrlSoon();
}

void FormPage::prefill()
{
    importform::ImportForm proposal = form();
    QSet<QString> fields;
    QString osNote;
    if (m_session->hasInspection()) {
        const policy::FormSuggestion& s = m_session->inspection().report.form;
        importform::applySuggestion(&proposal, s, m_session->imagePath(), m_catalogue, &osNote);
        const std::pair<QString, QString> suggested[] = {{field::osType, s.osType},
                                                         {field::osVersion, s.osVersion},
                                                         {field::architecture, s.architecture},
                                                         {field::bootMode, s.bootMode},
                                                         {field::licenseType, s.licenseType}};
        for (const auto& [id, value] : suggested) {
            if (!value.isEmpty())
                fields.insert(id);
        }
        fields.insert(field::imageName);
    } else if (!m_session->imagePath().isEmpty()) {
        proposal.imageName = importform::imageNameFromFile(m_session->imagePath());
        fields.insert(field::imageName);
    }
    if (m_session->hasUpload()) {
        importform::applyUploadUrl(&proposal, m_session->upload().formUrl());
        fields.insert(field::imageUrl);
    } else if (m_session->uploadSkipped() && !m_session->skippedObjectUrl().isEmpty()) {
        // The Upload page's bucket and key, said to hold the image already: checked with a
        // HEAD like any URL typed here.
        importform::applyUploadUrl(&proposal, m_session->skippedObjectUrl());
        fields.insert(field::imageUrl);
    }
    fields.subtract(m_edited);
    if (m_session->hasInspection() && osChoiceApplies())
        showOsChoice(osNote);
    if (fields.isEmpty())
        return;
    fillFields(proposal, fields);
    if (fields.contains(field::imageUrl))
        checkUrlSoon();
}

void FormPage::revalidate()
{
    const importform::ImportForm f = form();
    m_problems = f.validate(m_catalogue, region());
    QHash<QString, QList<importform::FieldProblem>> byField;
    for (const importform::FieldProblem& p : std::as_const(m_problems))
        byField[p.field].append(p);
    for (auto it = m_notes.cbegin(); it != m_notes.cend(); ++it)
        it.value()->setProblems(byField.value(it.key()));
    m_notes.value(field::imageName)
        ->setCount(characters(f.imageName), importform::limits::imageNameMax);
    m_notes.value(field::imageDescription)
        ->setCount(characters(f.imageDescription), importform::limits::imageDescriptionMax);
    m_notes.value(field::imageFamily)
        ->setCount(characters(f.imageFamily), importform::limits::imageFamilyMax);

    int errors = 0;
    for (const importform::FieldProblem& p : std::as_const(m_problems))
        errors += p.isError() ? 1 : 0;
    const int warnings = int(m_problems.size()) - errors;
    // Counts after a colon read well in every language without plural forms in the source.
    if (errors > 0 && warnings > 0)
        m_summary->setText(tr("Errors to correct before going on: %1 (and warnings: %2), marked "
                              "under their fields.")
                               .arg(errors)
                               .arg(warnings));
    else if (errors > 0)
        m_summary->setText(
            tr("Errors to correct before going on: %1, marked under their fields.").arg(errors));
    else if (warnings > 0)
        m_summary->setText(tr("The form is complete; read the warnings (%1).").arg(warnings));
    else
        m_summary->setText(tr("The form is complete."));
    setTextTint(m_summary, errors > 0 ? kErrorTint : kGoodTint);
    emit completeChanged();
}

void FormPage::checkUrlSoon()
{
    const QString url = m_imageUrl->text().trimmed();
    if (m_session->hasUpload() && url == m_session->upload().formUrl().trimmed()) {
        // Put there by this session's upload, which COS confirmed: nothing to ask.
        m_urlChecker->clear();
        m_urlCheckLabel->setText(tr("Uploaded by this wizard: %1.")
                                     .arg(QLocale().formattedDataSize(m_session->upload().size)));
        setTextTint(m_urlCheckLabel, kGoodTint);
        return;
    }
    m_urlChecker->schedule(url);
    if (m_urlChecker->state() == ObjectUrlChecker::State::Pending) {
        m_urlCheckLabel->setText(m_urlChecker->text());
        setTextTint(m_urlCheckLabel, {});
    }
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
        m_imageUrl->setText(cloud::CosClient::objectUrl(dialog->bucket(), region, dialog->key()));
        markEdited(field::imageUrl);
        checkUrlSoon();
        m_imageUrl->setFocus(Qt::OtherFocusReason);
    });
    dialog->open();
}

QString FormPage::urlCheckText() const
{
    return m_urlCheckLabel->text();
}

// --- drafts ---------------------------------------------------------------------------------

void FormPage::setDraftPathChooser(DraftPathChooser chooser)
{
    m_chooseDraftPath = std::move(chooser);
}

QString FormPage::suggestedDraftPath() const
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty())
        folder = QDir::homePath();
    QString name = m_imageName->text().trimmed();
    name = name.isEmpty() ? QStringLiteral("import") : importform::imageNameFromFile(name);
    return QDir(folder).filePath(tr("%1-draft.json").arg(name));
}

QString FormPage::askDraftPath(bool save, const QString& suggested)
{
    if (m_chooseDraftPath)
        return m_chooseDraftPath(save, suggested);
    const QString filter = tr("Import drafts (*.json);;All files (*)");
    if (!save)
        return QFileDialog::getOpenFileName(this, tr("Open Draft"), QFileInfo(suggested).path(),
                                            filter);
    QString path = QFileDialog::getSaveFileName(this, tr("Save Draft"), suggested, filter);
    if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".json");
    return path;
}

void FormPage::saveDraft()
{
    const QString path = askDraftPath(true, suggestedDraftPath());
    if (!path.isEmpty())
        saveDraftTo(path);
}

void FormPage::openDraft()
{
    const QString path = askDraftPath(false, suggestedDraftPath());
    if (!path.isEmpty())
        openDraftFrom(path);
}

void FormPage::saveDraftTo(const QString& path)
{
    importform::Draft draft;
    draft.created = QDateTime::currentDateTimeUtc();
    draft.appVersion = QCoreApplication::applicationVersion();
    draft.region = region();
    draft.form = form();
    draft.source.imagePath = m_session->imagePath();
    if (m_session->hasInspection())
        draft.source.verdict = verdictSummary(m_session->inspection().report);
    m_saveButton->setEnabled(false);
    setDraftStatus(tr("Saving…"), false);
    util::onResult(
        QtConcurrent::run([path, draft]() mutable {
            if (!draft.source.imagePath.isEmpty() && QFileInfo(draft.source.imagePath).isFile())
                draft.source.imageSize = QFileInfo(draft.source.imagePath).size();
            DraftOutcome outcome;
            outcome.ok = importform::writeDraft(path, draft, &outcome.error, &outcome.stripped);
            return outcome;
        }),
        this, [this, path](const DraftOutcome& outcome) {
            m_saveButton->setEnabled(true);
            if (!outcome.ok) {
                setDraftStatus(outcome.error.message, true);
                return emit draftSaved(path, outcome.error.message);
            }
            QString text = tr("Saved the draft to %1.").arg(QDir::toNativeSeparators(path));
            if (outcome.stripped)
                text += u' ' + tr("The URL's signature was left out, so the draft holds no secret; "
                                  "the import signs a private object's URL again.");
            setDraftStatus(text, false);
            emit draftSaved(path, QString());
        });
}

void FormPage::openDraftFrom(const QString& path)
{
    m_openButton->setEnabled(false);
    setDraftStatus(tr("Opening %1…").arg(QDir::toNativeSeparators(path)), false);
    util::onResult(QtConcurrent::run([path] {
                       Error error;
                       std::optional<importform::Draft> draft = importform::readDraft(path, &error);
                       return std::make_pair(draft, error);
                   }),
                   this, [this, path](const std::pair<std::optional<importform::Draft>, Error>& r) {
                       m_openButton->setEnabled(true);
                       if (!r.first) {
                           setDraftStatus(r.second.message, true);
                           return emit draftOpened(path, r.second.message);
                       }
                       const importform::Draft& draft = *r.first;
                       m_draftRegion = draft.region;
                       setForm(draft.form);
                       QString text = tr("Opened the draft %1, saved %2.")
                                          .arg(QDir::toNativeSeparators(path),
                                               QLocale().toString(draft.created.toLocalTime(),
                                                                  QLocale::ShortFormat));
                       if (m_session->hasAccount() && !draft.region.isEmpty() &&
                           draft.region != m_session->region())
                           text += u' ' + tr("It was made for %1; the account's region is %2.")
                                              .arg(draft.region, m_session->region());
                       setDraftStatus(text, false);
                       emit draftOpened(path, QString());
                   });
}

void FormPage::setDraftStatus(const QString& text, bool error)
{
    m_draftLabel->setText(text);
    setTextTint(m_draftLabel, error ? kErrorTint : QColor());
}

QString FormPage::draftStatus() const
{
    return m_draftLabel->text();
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
    revalidate();
    if (importform::hasErrors(m_problems))
        return false;
    m_session->setImportForm(form());
    return true;
}

} // namespace cvmi::ui
