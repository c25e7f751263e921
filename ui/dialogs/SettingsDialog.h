#pragma once

// "Settings…": everything AppSettings keeps, in four tabs — the account (tccli profile, default
// region), the endpoint overrides (EndpointFields, as in the Account page's dialog), the network
// and upload (proxy, part size, parallel parts, rate limit) and the interface language. Each field
// is checked as it is typed, the reason shown under it, and OK stays disabled while one is wrong.
// OK writes the file; "Restore Defaults" only fills the fields (Cancel still keeps the old values).
#include "util/Error.h"

#include <QDialog>
#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTabWidget;

namespace cvmi::settings {
class AppSettings;
}

namespace cvmi::ui {

class EndpointFields;

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    // `settings` must outlive the dialog; the fields start from its values.
    explicit SettingsDialog(settings::AppSettings* settings, QWidget* parent = nullptr);

    // The fields from the settings (what the dialog shows when opened).
    void load();
    // The fields at their defaults; nothing is written before OK.
    void restoreDefaults();
    // Checks every field, shows each refusal under its field; true when all are valid.
    bool validate();
    // Writes every field and syncs the file; stays open with the reason when a field is wrong or
    // the file cannot be written.
    void accept() override;

    // "auto", "" or "0" = 0 (chosen from the file size); else a size such as 8M, 64 MiB or 1G
    // (powers of 1024), within COS's 1 MiB .. 5 GiB.
    static std::optional<qint64> parsePartSize(const QString& text, Error* error);
    // "none", "" or "0" = 0 (no limit); else a rate such as 4M/s, 512K or 1.5 MiB/s.
    static std::optional<qint64> parseRateLimit(const QString& text, Error* error);
    // 8388608 → "8 MiB": the largest binary unit that divides the value exactly.
    static QString formatSize(qint64 bytes);

    QTabWidget* tabs() const { return m_tabs; }
    QLineEdit* profileEdit() const { return m_profile; }
    QLineEdit* regionEdit() const { return m_region; }
    EndpointFields* endpointFields() const { return m_endpoints; }
    QRadioButton* systemProxyButton() const { return m_systemProxy; }
    QRadioButton* manualProxyButton() const { return m_manualProxy; }
    QLineEdit* proxyEdit() const { return m_proxy; }
    QLineEdit* partSizeEdit() const { return m_partSize; }
    QSpinBox* concurrencyBox() const { return m_concurrency; }
    QLineEdit* rateLimitEdit() const { return m_rateLimit; }
    QComboBox* languageBox() const { return m_language; }
    QPushButton* okButton() const;
    QPushButton* restoreDefaultsButton() const;
    // The refusal shown under a field ("" when the field is valid); the file error under the tabs.
    QLabel* profileError() const { return m_profileError; }
    QLabel* regionError() const { return m_regionError; }
    QLabel* proxyError() const { return m_proxyError; }
    QLabel* partSizeError() const { return m_partSizeError; }
    QLabel* rateLimitError() const { return m_rateLimitError; }
    QLabel* saveError() const { return m_saveError; }

private:
    QWidget* buildAccountTab();
    QWidget* buildNetworkTab();
    QWidget* buildCheckTab();
    QWidget* buildLanguageTab();
    QLabel* errorLabel(const QString& objectName, const QString& accessibleName);
    void showError(QLabel* label, const Error& error, bool failed);

    settings::AppSettings* m_settings;
    QTabWidget* m_tabs;
    QLineEdit* m_profile;
    QLineEdit* m_region;
    EndpointFields* m_endpoints;
    QRadioButton* m_systemProxy;
    QRadioButton* m_manualProxy;
    QLineEdit* m_proxy;
    QLineEdit* m_partSize;
    QSpinBox* m_concurrency;
    QSpinBox* m_inspectTimeout;
    QLineEdit* m_rateLimit;
    QComboBox* m_language;
    QLabel* m_profileError;
    QLabel* m_regionError;
    QLabel* m_proxyError;
    QLabel* m_partSizeError;
    QLabel* m_rateLimitError;
    QLabel* m_saveError;
    QDialogButtonBox* m_buttons;
};

} // namespace cvmi::ui
