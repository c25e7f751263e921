#include "dialogs/SettingsDialog.h"

#include "inspect/InspectionBudget.h"

#include "Icons.h"
#include "widgets/EndpointFields.h"

#include "cloud/CredentialStore.h"
#include "settings/AppSettings.h"
#include "transfer/UploadLimits.h"
#include "util/Units.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace cvmi::ui {

using settings::AppSettings;

namespace {

// The English word or its translation ("auto", "none"), as the field shows one or the other.
bool isWord(const QString& text, const QString& english, const QString& translated)
{
    const QString typed = text.trimmed();
    return typed.compare(english, Qt::CaseInsensitive) == 0 ||
           typed.compare(translated, Qt::CaseInsensitive) == 0;
}

} // namespace

std::optional<qint64> SettingsDialog::parsePartSize(const QString& text, Error* error)
{
    if (text.trimmed().isEmpty() || isWord(text, QStringLiteral("auto"), tr("auto")))
        return 0;
    const std::optional<qint64> bytes = parseByteSize(text, false);
    if (!bytes) {
        fail(error, QStringLiteral("settings.part_size"),
             tr("\"%1\" is not a size: write \"auto\", or a number with a unit K, M or G "
                "(powers of 1024), e.g. 8M or 64 MiB.")
                 .arg(text.trimmed()));
        return std::nullopt;
    }
    if (*bytes == 0)
        return 0;
    if (!transfer::UploadLimits::partSizeInRange(*bytes)) {
        fail(error, QStringLiteral("settings.part_size"),
             tr("%1 is outside COS's part sizes: use 1 MiB to 5 GiB, or \"auto\" to choose "
                "from the file size.")
                 .arg(formatSize(*bytes)));
        return std::nullopt;
    }
    return bytes;
}

std::optional<qint64> SettingsDialog::parseRateLimit(const QString& text, Error* error)
{
    if (text.trimmed().isEmpty() || isWord(text, QStringLiteral("none"), tr("none")))
        return 0;
    const std::optional<qint64> bytes = parseByteSize(text, true);
    if (!bytes) {
        fail(error, QStringLiteral("settings.rate_limit"),
             tr("\"%1\" is not a rate: write \"none\", or a number with a unit K, M or G per "
                "second (powers of 1024), e.g. 4M/s or 512K/s.")
                 .arg(text.trimmed()));
        return std::nullopt;
    }
    return bytes;
}

QString SettingsDialog::formatSize(qint64 bytes)
{
    static const char* const units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    int unit = 0;
    while (unit < 4 && bytes != 0 && bytes % 1024 == 0) {
        bytes /= 1024;
        ++unit;
    }
    return QStringLiteral("%1 %2").arg(bytes).arg(QLatin1String(units[unit]));
}

SettingsDialog::SettingsDialog(AppSettings* settings, QWidget* parent)
    : QDialog(parent), m_settings(settings), m_tabs(new QTabWidget(this)),
      m_profile(new QLineEdit(this)), m_region(new QLineEdit(this)),
      m_endpoints(new EndpointFields(this)),
      m_systemProxy(new QRadioButton(tr("Use the s&ystem proxy"), this)),
      m_manualProxy(new QRadioButton(tr("&Manual HTTP proxy:"), this)),
      m_proxy(new QLineEdit(this)), m_partSize(new QLineEdit(this)),
      m_concurrency(new QSpinBox(this)), m_inspectTimeout(new QSpinBox(this)),
      m_rateLimit(new QLineEdit(this)), m_language(new QComboBox(this)),
      m_profileError(errorLabel(QStringLiteral("profileError"), tr("Profile error"))),
      m_regionError(errorLabel(QStringLiteral("regionError"), tr("Region error"))),
      m_proxyError(errorLabel(QStringLiteral("proxyError"), tr("Proxy error"))),
      m_partSizeError(errorLabel(QStringLiteral("partSizeError"), tr("Part size error"))),
      m_rateLimitError(errorLabel(QStringLiteral("rateLimitError"), tr("Rate limit error"))),
      m_saveError(errorLabel(QStringLiteral("saveError"), tr("Settings file error"))),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel |
                                         QDialogButtonBox::RestoreDefaults,
                                     this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    m_tabs->addTab(buildAccountTab(), tr("&Account"));
    m_tabs->addTab(m_endpoints, tr("&Endpoints"));
    m_tabs->addTab(buildNetworkTab(), tr("&Network && upload"));
    m_tabs->addTab(buildCheckTab(), tr("Image chec&k"));
    m_tabs->addTab(buildLanguageTab(), tr("&Interface"));
    m_endpoints->setContentsMargins(9, 9, 9, 9);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(restoreDefaultsButton(), &QAbstractButton::clicked, this,
            &SettingsDialog::restoreDefaults);
    restoreDefaultsButton()->setToolTip(
        tr("Fill every field with its default; nothing is saved until OK"));

    // Checked as typed; OK follows.
    for (QLineEdit* edit : {m_profile, m_region, m_proxy, m_partSize, m_rateLimit})
        connect(edit, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_endpoints, &EndpointFields::edited, this, &SettingsDialog::validate);
    connect(m_manualProxy, &QRadioButton::toggled, this, [this](bool manual) {
        m_proxy->setEnabled(manual);
        validate();
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(m_saveError);
    layout->addWidget(m_buttons);

    setTabOrder(m_tabs, m_profile);
    setTabOrder(m_profile, m_region);
    setTabOrder(m_region, m_endpoints->cvmEdit());
    setTabOrder(m_endpoints->cvmEdit(), m_endpoints->cosEdit());
    setTabOrder(m_endpoints->cosEdit(), m_systemProxy);
    setTabOrder(m_systemProxy, m_manualProxy);
    setTabOrder(m_manualProxy, m_proxy);
    setTabOrder(m_proxy, m_partSize);
    setTabOrder(m_partSize, m_concurrency);
    setTabOrder(m_concurrency, m_rateLimit);
    setTabOrder(m_rateLimit, m_language);
    setTabOrder(m_language, m_buttons);
    setMinimumWidth(560);
    load();
}

QLabel* SettingsDialog::errorLabel(const QString& objectName, const QString& accessibleName)
{
    auto* label = new QLabel(this);
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette palette = label->palette();
    // A tint of the theme's text colour, readable on dark themes too (as FieldNote's).
    palette.setColor(QPalette::WindowText, mixColors(palette.color(QPalette::WindowText),
                                                     QColor(0xc0, 0x1c, 0x28), 0.85));
    label->setPalette(palette);
    label->hide();
    return label;
}

namespace {

QLabel* noteLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    label->setPalette(palette);
    return label;
}

// A field with its refusal under it, as one form row.
QWidget* withError(QWidget* field, QLabel* error, QLabel* note = nullptr)
{
    auto* box = new QWidget(field->parentWidget());
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    if (note)
        layout->addWidget(note);
    layout->addWidget(error);
    return box;
}

} // namespace

QWidget* SettingsDialog::buildAccountTab()
{
    auto* tab = new QWidget(this);
    m_profile->setObjectName(QStringLiteral("profile"));
    m_profile->setAccessibleName(tr("tccli profile"));
    m_profile->setPlaceholderText(AppSettings::defaultProfile());
    m_region->setObjectName(QStringLiteral("region"));
    m_region->setAccessibleName(tr("Default region"));
    m_region->setPlaceholderText(tr("the credentials' region, else ap-guangzhou"));

    auto* form = new QFormLayout(tab);
    auto* profileLabel = new QLabel(tr("tccli &profile:"), tab);
    profileLabel->setBuddy(m_profile);
    form->addRow(profileLabel,
                 withError(m_profile, m_profileError,
                           noteLabel(tr("Which profile of ~/.tccli to read, and the name of the "
                                        "keyring entry for typed credentials."),
                                     tab)));
    auto* regionLabel = new QLabel(tr("Default &region:"), tab);
    regionLabel->setBuddy(m_region);
    form->addRow(regionLabel,
                 withError(m_region, m_regionError,
                           noteLabel(tr("Chosen on the Account page when it opens, e.g. "
                                        "ap-shanghai."),
                                     tab)));
    return tab;
}

QWidget* SettingsDialog::buildNetworkTab()
{
    auto* tab = new QWidget(this);
    auto* group = new QButtonGroup(tab);
    group->addButton(m_systemProxy);
    group->addButton(m_manualProxy);
    m_systemProxy->setObjectName(QStringLiteral("systemProxy"));
    m_systemProxy->setAccessibleName(tr("Use the system proxy"));
    m_systemProxy->setToolTip(tr("The desktop's proxy settings, and the http_proxy, https_proxy "
                                 "and no_proxy variables for the upload"));
    m_manualProxy->setObjectName(QStringLiteral("manualProxy"));
    m_manualProxy->setAccessibleName(tr("Manual HTTP proxy"));
    m_proxy->setObjectName(QStringLiteral("proxy"));
    m_proxy->setAccessibleName(tr("Proxy address"));
    m_proxy->setPlaceholderText(QStringLiteral("http://proxy.example.com:3128"));

    m_partSize->setObjectName(QStringLiteral("partSize"));
    m_partSize->setAccessibleName(tr("Part size"));
    m_partSize->setPlaceholderText(tr("auto"));
    m_concurrency->setObjectName(QStringLiteral("concurrency"));
    m_concurrency->setAccessibleName(tr("Parts uploaded in parallel"));
    m_concurrency->setRange(1, AppSettings::maxConcurrency);
    m_rateLimit->setObjectName(QStringLiteral("rateLimit"));
    m_rateLimit->setAccessibleName(tr("Upload rate limit"));
    m_rateLimit->setPlaceholderText(tr("none"));

    auto* form = new QFormLayout(tab);
    auto* proxyRows = new QVBoxLayout;
    proxyRows->setSpacing(2);
    proxyRows->addWidget(m_systemProxy);
    auto* manualRow = new QHBoxLayout;
    manualRow->addWidget(m_manualProxy);
    manualRow->addWidget(m_proxy, 1);
    proxyRows->addLayout(manualRow);
    proxyRows->addWidget(noteLabel(tr("Requests to this computer (an emulator, a tunnel) never "
                                      "go through the proxy."),
                                   tab));
    proxyRows->addWidget(m_proxyError);
    form->addRow(tr("Proxy:"), proxyRows);

    auto* partLabel = new QLabel(tr("Part &size:"), tab);
    partLabel->setBuddy(m_partSize);
    form->addRow(partLabel,
                 withError(m_partSize, m_partSizeError,
                           noteLabel(tr("\"auto\" chooses from the file size; else 1 MiB to 5 GiB, "
                                        "e.g. 16M. Larger parts: fewer requests, more to resend "
                                        "after an error."),
                                     tab)));
    auto* concurrencyLabel = new QLabel(tr("&Parallel parts:"), tab);
    concurrencyLabel->setBuddy(m_concurrency);
    auto* concurrencyRow = new QHBoxLayout;
    concurrencyRow->addWidget(m_concurrency);
    concurrencyRow->addWidget(
        noteLabel(tr("1 to %1 parts in flight at once (default %2); more helps on fast, distant "
                     "links.")
                      .arg(AppSettings::maxConcurrency)
                      .arg(AppSettings::defaultConcurrency),
                  tab),
        1);
    form->addRow(concurrencyLabel, concurrencyRow);
    auto* rateLabel = new QLabel(tr("&Rate limit:"), tab);
    rateLabel->setBuddy(m_rateLimit);
    form->addRow(rateLabel, withError(m_rateLimit, m_rateLimitError,
                                      noteLabel(tr("\"none\", or a rate such as 4M/s shared by "
                                                   "all parts, to leave room for other traffic."),
                                                tab)));
    form->addRow(noteLabel(tr("Upload settings apply to the next upload started."), tab));
    return tab;
}

QWidget* SettingsDialog::buildCheckTab()
{
    // Its own tab: the limit is about reading the image, not about the network, and the
    // Network & upload tab is already as tall as 1920x1080 at QT_SCALE_FACTOR=2 allows.
    auto* tab = new QWidget(this);
    auto* form = new QFormLayout(tab);
    m_inspectTimeout->setObjectName(QStringLiteral("inspectTimeout"));
    m_inspectTimeout->setAccessibleName(tr("Inspection time limit"));
    m_inspectTimeout->setRange(1, inspect::InspectOptions::kMaxTimeLimitMs / 1000);
    m_inspectTimeout->setSuffix(tr(" s"));
    auto* timeoutLabel = new QLabel(tr("&Inspection time limit:"), tab);
    timeoutLabel->setBuddy(m_inspectTimeout);
    auto* timeoutRow = new QHBoxLayout;
    timeoutRow->addWidget(m_inspectTimeout);
    timeoutRow->addWidget(
        noteLabel(tr("What a check has not read by then is shown as not checked (default %1 s).")
                      .arg(inspect::InspectOptions::kDefaultTimeLimitMs / 1000),
                  tab),
        1);
    form->addRow(timeoutLabel, timeoutRow);
    return tab;
}

QWidget* SettingsDialog::buildLanguageTab()
{
    auto* tab = new QWidget(this);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->setAccessibleName(tr("Interface language"));
    m_language->addItem(tr("System"), QString());
    // Each language in its own name, so that it can be found without reading the current one.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    auto* form = new QFormLayout(tab);
    auto* label = new QLabel(tr("&Language:"), tab);
    label->setBuddy(m_language);
    form->addRow(label, m_language);
    form->addRow(noteLabel(tr("A new language applies the next time the wizard starts."), tab));
    return tab;
}

QPushButton* SettingsDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

QPushButton* SettingsDialog::restoreDefaultsButton() const
{
    return m_buttons->button(QDialogButtonBox::RestoreDefaults);
}

void SettingsDialog::load()
{
    m_profile->setText(m_settings->profile());
    m_region->setText(m_settings->region());
    m_endpoints->setOverrides(m_settings->cvmEndpoint(), m_settings->cosEndpoint());
    const QString proxy = m_settings->proxy();
    (proxy.isEmpty() ? m_systemProxy : m_manualProxy)->setChecked(true);
    m_proxy->setText(proxy);
    m_proxy->setEnabled(!proxy.isEmpty());
    const qint64 part = m_settings->partSize();
    m_partSize->setText(part == 0 ? tr("auto") : formatSize(part));
    m_concurrency->setValue(m_settings->concurrency());
    m_inspectTimeout->setValue(m_settings->inspectTimeout());
    const qint64 rate = m_settings->rateLimit();
    m_rateLimit->setText(rate == 0 ? tr("none") : formatSize(rate) + QStringLiteral("/s"));
    const int language = m_language->findData(m_settings->language());
    m_language->setCurrentIndex(language < 0 ? 0 : language);
    m_saveError->hide();
    validate();
}

void SettingsDialog::restoreDefaults()
{
    m_profile->setText(AppSettings::defaultProfile());
    m_region->clear();
    m_endpoints->setOverrides({}, {});
    m_systemProxy->setChecked(true);
    m_proxy->clear();
    m_partSize->setText(tr("auto"));
    m_concurrency->setValue(AppSettings::defaultConcurrency);
    m_inspectTimeout->setValue(inspect::InspectOptions::kDefaultTimeLimitMs / 1000);
    m_rateLimit->setText(tr("none"));
    m_language->setCurrentIndex(0);
    m_saveError->hide();
    validate();
}

void SettingsDialog::showError(QLabel* label, const Error& error, bool failed)
{
    label->setText(failed ? error.message : QString());
    label->setVisible(failed);
}

bool SettingsDialog::validate()
{
    bool ok = true;
    Error error;
    const auto check = [&](QLabel* label, bool valid) {
        showError(label, error, !valid);
        ok = ok && valid;
        error = Error();
    };
    check(m_profileError,
          cloud::CredentialStore::validProfile(m_profile->text().trimmed(), &error));
    check(m_regionError, AppSettings::checkRegion(m_region->text().trimmed(), &error));
    check(m_proxyError, m_systemProxy->isChecked() ||
                            AppSettings::parseProxy(m_proxy->text(), &error).has_value());
    check(m_partSizeError, parsePartSize(m_partSize->text(), &error).has_value());
    check(m_rateLimitError, parseRateLimit(m_rateLimit->text(), &error).has_value());
    ok = m_endpoints->validate().has_value() && ok;
    okButton()->setEnabled(ok);
    // Each tab with a refusal says so in its title's tooltip, as it may not be the one shown.
    const auto mark = [this](int tab, bool bad) {
        m_tabs->setTabToolTip(tab, bad ? tr("A value on this tab is not valid") : QString());
    };
    const auto bad = [](QLabel* label) {
        return !label->text().isEmpty();
    };
    mark(0, bad(m_profileError) || bad(m_regionError));
    mark(1, m_endpoints->culprit() != nullptr);
    mark(2, bad(m_proxyError) || bad(m_partSizeError) || bad(m_rateLimitError));
    return ok;
}

void SettingsDialog::accept()
{
    if (!validate())
        return;
    Error error;
    const bool written =
        m_settings->setProfile(m_profile->text().trimmed(), &error) &&
        m_settings->setRegion(m_region->text().trimmed(), &error) &&
        m_settings->setCvmEndpoint(m_endpoints->cvmOverride(), &error) &&
        m_settings->setCosEndpoint(m_endpoints->cosOverride(), &error) &&
        m_settings->setProxy(m_systemProxy->isChecked() ? QString() : m_proxy->text(), &error) &&
        m_settings->setPartSize(*parsePartSize(m_partSize->text(), nullptr), &error) &&
        m_settings->setConcurrency(m_concurrency->value(), &error) &&
        m_settings->setInspectTimeout(m_inspectTimeout->value(), &error) &&
        m_settings->setRateLimit(*parseRateLimit(m_rateLimit->text(), nullptr), &error) &&
        m_settings->setLanguage(m_language->currentData().toString(), &error) &&
        m_settings->sync(&error);
    if (!written) {
        showError(m_saveError, error, true);
        return;
    }
    m_saveError->hide();
    QDialog::accept();
}

} // namespace cvmi::ui
