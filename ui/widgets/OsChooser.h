#pragma once

#include "importform/ImportForm.h"
#include "importform/OsCatalogue.h"

#include <QGroupBox>
#include <QSet>

#include <memory>

class QComboBox;
class QLabel;

namespace cvmi::ui {
namespace Ui {
class OsChooser;
}

// The import form's "Operating system" group: OS type and version from the OS catalogue, the
// architecture, boot mode and licence type, a note under each for its problems, how the detected
// version was matched, which OS list is shown and "Refresh List". A value the list does not offer
// (from a draft or the inspection) is shown with "(not in the list)" and read back exactly; it
// goes once the user picks another. Values set by the program are never reported as the user's.
class OsChooser : public QGroupBox {
    Q_OBJECT
public:
    explicit OsChooser(QWidget* parent = nullptr);
    ~OsChooser() override;

    // The OS types and versions offered; the values shown are kept (a version the new list does
    // not offer is kept as "not in the list").
    void setCatalogue(const importform::OsCatalogue& catalogue);
    void setCatalogueStatus(const QString& text);
    void setRefreshing(bool refreshing); // "Refresh List" waits while a refresh runs

    // The five OS fields of the form.
    void readInto(importform::ImportForm* form) const;
    // Shows `form`'s values of `fields` (importform::field ids); not reported by edited().
    void fill(const importform::ImportForm& form, const QSet<QString>& fields);
    // What the OS prefill chose and from what, under OS version; empty hides it.
    void showOsChoice(const QString& note);

    // The chooser's widgets in tab order, for the page's own order.
    QList<QWidget*> tabStops() const;
    // The label of each field, by importform::field id, in reading order: the names the page
    // gives these fields in its messages.
    QList<std::pair<QString, const QLabel*>> labels() const;

signals:
    // The user chose another value of the field `fieldId` (an importform::field id).
    void edited(const QString& fieldId);
    void refreshRequested();

private:
    void userChose(QComboBox* box, const QString& fieldId);
    // keepForeign: keep a version the OS does not offer (from a draft or the inspection).
    void fillOsVersions(bool keepForeign);

    std::unique_ptr<Ui::OsChooser> m_ui;
    importform::OsCatalogue m_catalogue;
    int m_filling = 0; // > 0 while the program, not the user, changes the combos
};

} // namespace cvmi::ui
