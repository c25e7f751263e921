#pragma once

// "Settings…": everything AppSettings keeps, in four tabs — the account (tccli profile, default
// region), the endpoint overrides (EndpointFields, as in the Account page's dialog), the network
// and upload (proxy, part size, parallel parts, rate limit) and the interface language. Each field
// is checked as it is typed, the reason shown under it, and OK stays disabled while one is wrong.
// OK writes the file; "Restore Defaults" only fills the fields (Cancel still keeps the old values).
// Layout and texts in SettingsDialog.ui; tests find its widgets by object name.
#include "util/Error.h"

#include <QDialog>
#include <memory>
#include <optional>

class QLabel;

namespace cvmi::settings {
class AppSettings;
}

namespace cvmi::ui {

namespace Ui {
class SettingsDialog;
}

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    // `settings` must outlive the dialog; the fields start from its values.
    explicit SettingsDialog(settings::AppSettings* settings, QWidget* parent = nullptr);
    ~SettingsDialog() override;

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

private:
    void showError(QLabel* label, const Error& error, bool failed);

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    settings::AppSettings* m_settings;
};

} // namespace cvmi::ui
