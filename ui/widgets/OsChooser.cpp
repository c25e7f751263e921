#include "widgets/OsChooser.h"

#include "TextTints.h"

#include "ui_OsChooser.h"

#include <QComboBox>

namespace cvmi::ui {

namespace {

namespace field = importform::field;

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
        box->addItem(OsChooser::tr("%1 (not in the list)").arg(keep), keep);
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

} // namespace

OsChooser::OsChooser(QWidget* parent) : QGroupBox(parent), m_ui(std::make_unique<Ui::OsChooser>())
{
    m_ui->setupUi(this);
    setTextTint(m_ui->catalogueStatus, TextTint::Secondary);
    setTextTint(m_ui->osChoice, TextTint::Secondary);
    m_ui->osChoice->hide();
    {
        // The form's defaults (licence, boot mode) are not the user's choice.
        ++m_filling;
        fillCombo(m_ui->architecture, importform::architectures(), {});
        fillCombo(m_ui->bootMode, importform::bootModes(), importform::defaultBootMode());
        fillCombo(m_ui->licenseType, importform::licenseTypes(), importform::defaultLicenseType());
        --m_filling;
    }
    const std::pair<QComboBox*, QString> combos[] = {{m_ui->osType, field::osType},
                                                     {m_ui->osVersion, field::osVersion},
                                                     {m_ui->architecture, field::architecture},
                                                     {m_ui->bootMode, field::bootMode},
                                                     {m_ui->licenseType, field::licenseType}};
    for (const auto& [box, fieldId] : combos) {
        connect(box, &QComboBox::currentIndexChanged, this,
                [this, box = box, fieldId = fieldId] { userChose(box, fieldId); });
    }
    connect(m_ui->refreshOsList, &QPushButton::clicked, this, &OsChooser::refreshRequested);
}

OsChooser::~OsChooser() = default;

void OsChooser::userChose(QComboBox* box, const QString& fieldId)
{
    if (m_filling)
        return;
    ++m_filling;
    dropForeignItems(box);
    if (box == m_ui->osType)
        fillOsVersions(false); // the versions of the OS chosen now
    --m_filling;
    emit edited(fieldId);
}

void OsChooser::setCatalogue(const importform::OsCatalogue& catalogue)
{
    m_catalogue = catalogue;
    ++m_filling;
    fillCombo(m_ui->osType, m_catalogue.osTypes(), comboValue(m_ui->osType));
    fillOsVersions(true);
    --m_filling;
}

void OsChooser::setCatalogueStatus(const QString& text)
{
    m_ui->catalogueStatus->setText(text);
}

void OsChooser::setRefreshing(bool refreshing)
{
    m_ui->refreshOsList->setEnabled(!refreshing);
}

void OsChooser::fillOsVersions(bool keepForeign)
{
    const QString osType = comboValue(m_ui->osType);
    const QStringList versions = m_catalogue.versions(osType);
    QString keep = comboValue(m_ui->osVersion);
    // A version the new OS does not offer was chosen for another OS: start over, unless the
    // catalogue does not know this OS at all (then keep it, and its problem is explained).
    if (!keepForeign && m_catalogue.hasOsType(osType) && !versions.contains(keep))
        keep.clear();
    fillCombo(m_ui->osVersion, versions, keep);
}

void OsChooser::readInto(importform::ImportForm* form) const
{
    form->osType = comboValue(m_ui->osType);
    form->osVersion = comboValue(m_ui->osVersion);
    form->architecture = comboValue(m_ui->architecture);
    form->bootMode = comboValue(m_ui->bootMode);
    form->licenseType = comboValue(m_ui->licenseType);
}

void OsChooser::fill(const importform::ImportForm& form, const QSet<QString>& fields)
{
    ++m_filling;
    if (fields.contains(field::osType)) {
        setComboValue(m_ui->osType, form.osType);
        fillOsVersions(true);
    }
    if (fields.contains(field::osVersion))
        fillCombo(m_ui->osVersion, m_catalogue.versions(comboValue(m_ui->osType)), form.osVersion);
    if (fields.contains(field::architecture))
        setComboValue(m_ui->architecture, form.architecture);
    if (fields.contains(field::bootMode))
        setComboValue(m_ui->bootMode, form.bootMode);
    if (fields.contains(field::licenseType))
        setComboValue(m_ui->licenseType, form.licenseType);
    --m_filling;
}

void OsChooser::showOsChoice(const QString& note)
{
    m_ui->osChoice->setText(note);
    m_ui->osChoice->setVisible(!note.isEmpty());
}

QList<QWidget*> OsChooser::tabStops() const
{
    return {m_ui->osType,   m_ui->osVersion,   m_ui->architecture,
            m_ui->bootMode, m_ui->licenseType, m_ui->refreshOsList};
}

QList<std::pair<QString, const QLabel*>> OsChooser::labels() const
{
    return {{field::osType, m_ui->osTypeLabel},
            {field::osVersion, m_ui->osVersionLabel},
            {field::architecture, m_ui->architectureLabel},
            {field::bootMode, m_ui->bootModeLabel},
            {field::licenseType, m_ui->licenseTypeLabel}};
}

} // namespace cvmi::ui
