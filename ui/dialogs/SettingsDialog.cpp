#include "dialogs/SettingsDialog.h"
#include "ui_SettingsDialog.h"

#include "inspect/InspectionBudget.h"

#include "TextTints.h"
#include "widgets/EndpointFields.h"

#include "cloud/CredentialStore.h"
#include "settings/AppSettings.h"
#include "transfer/UploadLimits.h"
#include "util/Units.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>

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
    : QDialog(parent), m_ui(std::make_unique<Ui::SettingsDialog>()), m_settings(settings)
{
    m_ui->setupUi(this);
    m_ui->endpointFields->setContentsMargins(9, 9, 9, 9);
    // The tabs' height follows their width (the notes wrap), or the dialog opens taller than
    // its tallest tab needs.
    QSizePolicy tabsPolicy = m_ui->settingsTabs->sizePolicy();
    tabsPolicy.setHeightForWidth(true);
    m_ui->settingsTabs->setSizePolicy(tabsPolicy);
    m_ui->profile->setPlaceholderText(AppSettings::defaultProfile());
    m_ui->partSize->setPlaceholderText(tr("auto"));
    m_ui->rateLimit->setPlaceholderText(tr("none"));
    m_ui->concurrency->setRange(1, AppSettings::maxConcurrency);
    m_ui->concurrencyNote->setText(m_ui->concurrencyNote->text()
                                       .arg(AppSettings::maxConcurrency)
                                       .arg(AppSettings::defaultConcurrency));
    m_ui->inspectTimeout->setRange(1, inspect::InspectOptions::kMaxTimeLimitMs / 1000);
    m_ui->inspectTimeoutNote->setText(
        m_ui->inspectTimeoutNote->text().arg(inspect::InspectOptions::kDefaultTimeLimitMs / 1000));
    m_ui->language->addItem(tr("System"), QString());
    // Each language in its own name, so that it can be found without reading the current one.
    m_ui->language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_ui->language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    for (QLabel* note : {m_ui->profileNote, m_ui->regionNote, m_ui->proxyNote, m_ui->partSizeNote,
                         m_ui->concurrencyNote, m_ui->rateLimitNote, m_ui->uploadNote,
                         m_ui->inspectTimeoutNote, m_ui->languageNote})
        setTextTint(note, TextTint::Secondary); // quieter than the fields
    for (QLabel* error : {m_ui->profileError, m_ui->regionError, m_ui->proxyError,
                          m_ui->partSizeError, m_ui->rateLimitError, m_ui->saveError}) {
        // A refusal under its field, hidden while the field is valid.
        setTextTint(error, TextTint::Error);
        error->hide();
    }

    QPushButton* restore = m_ui->buttons->button(QDialogButtonBox::RestoreDefaults);
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(restore, &QAbstractButton::clicked, this, &SettingsDialog::restoreDefaults);
    // Qt's own text has no Alt key (OK and Cancel have Enter and Esc).
    restore->setText(tr("Restore &Defaults"));
    restore->setToolTip(tr("Fill every field with its default; nothing is saved until OK"));

    // Checked as typed; OK follows.
    for (QLineEdit* edit :
         {m_ui->profile, m_ui->region, m_ui->proxy, m_ui->partSize, m_ui->rateLimit})
        connect(edit, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_ui->endpointFields, &EndpointFields::edited, this, &SettingsDialog::validate);
    connect(m_ui->manualProxy, &QRadioButton::toggled, this, [this](bool manual) {
        m_ui->proxy->setEnabled(manual);
        validate();
    });

    // In code, not in the form: the endpoint fields live inside EndpointFields.
    const QList<QWidget*> chain = {m_ui->settingsTabs,
                                   m_ui->profile,
                                   m_ui->region,
                                   m_ui->endpointFields->cvmEdit(),
                                   m_ui->endpointFields->cosEdit(),
                                   m_ui->systemProxy,
                                   m_ui->manualProxy,
                                   m_ui->proxy,
                                   m_ui->partSize,
                                   m_ui->concurrency,
                                   m_ui->rateLimit,
                                   m_ui->language,
                                   m_ui->buttons};
    for (qsizetype i = 0; i + 1 < chain.size(); ++i)
        setTabOrder(chain[i], chain[i + 1]);
    setMinimumWidth(560);
    load();
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::load()
{
    m_ui->profile->setText(m_settings->profile());
    m_ui->region->setText(m_settings->region());
    m_ui->endpointFields->setOverrides(m_settings->cvmEndpoint(), m_settings->cosEndpoint());
    const QString proxy = m_settings->proxy();
    (proxy.isEmpty() ? m_ui->systemProxy : m_ui->manualProxy)->setChecked(true);
    m_ui->proxy->setText(proxy);
    m_ui->proxy->setEnabled(!proxy.isEmpty());
    const qint64 part = m_settings->partSize();
    m_ui->partSize->setText(part == 0 ? tr("auto") : formatSize(part));
    m_ui->concurrency->setValue(m_settings->concurrency());
    m_ui->inspectTimeout->setValue(m_settings->inspectTimeout());
    const qint64 rate = m_settings->rateLimit();
    m_ui->rateLimit->setText(rate == 0 ? tr("none") : formatSize(rate) + QStringLiteral("/s"));
    const int language = m_ui->language->findData(m_settings->language());
    m_ui->language->setCurrentIndex(language < 0 ? 0 : language);
    m_ui->saveError->hide();
    validate();
}

void SettingsDialog::restoreDefaults()
{
    m_ui->profile->setText(AppSettings::defaultProfile());
    m_ui->region->clear();
    m_ui->endpointFields->setOverrides({}, {});
    m_ui->systemProxy->setChecked(true);
    m_ui->proxy->clear();
    m_ui->partSize->setText(tr("auto"));
    m_ui->concurrency->setValue(AppSettings::defaultConcurrency);
    m_ui->inspectTimeout->setValue(inspect::InspectOptions::kDefaultTimeLimitMs / 1000);
    m_ui->rateLimit->setText(tr("none"));
    m_ui->language->setCurrentIndex(0);
    m_ui->saveError->hide();
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
    check(m_ui->profileError,
          cloud::CredentialStore::validProfile(m_ui->profile->text().trimmed(), &error));
    check(m_ui->regionError, AppSettings::checkRegion(m_ui->region->text().trimmed(), &error));
    check(m_ui->proxyError, m_ui->systemProxy->isChecked() ||
                                AppSettings::parseProxy(m_ui->proxy->text(), &error).has_value());
    check(m_ui->partSizeError, parsePartSize(m_ui->partSize->text(), &error).has_value());
    check(m_ui->rateLimitError, parseRateLimit(m_ui->rateLimit->text(), &error).has_value());
    ok = m_ui->endpointFields->validate().has_value() && ok;
    m_ui->buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
    // Each tab with a refusal says so in its title's tooltip, as it may not be the one shown.
    const auto mark = [this](int tab, bool bad) {
        m_ui->settingsTabs->setTabToolTip(tab,
                                          bad ? tr("A value on this tab is not valid") : QString());
    };
    const auto bad = [](QLabel* label) {
        return !label->text().isEmpty();
    };
    mark(0, bad(m_ui->profileError) || bad(m_ui->regionError));
    mark(1, m_ui->endpointFields->culprit() != nullptr);
    mark(2, bad(m_ui->proxyError) || bad(m_ui->partSizeError) || bad(m_ui->rateLimitError));
    return ok;
}

void SettingsDialog::accept()
{
    if (!validate())
        return;
    Error error;
    const bool written =
        m_settings->setProfile(m_ui->profile->text().trimmed(), &error) &&
        m_settings->setRegion(m_ui->region->text().trimmed(), &error) &&
        m_settings->setCvmEndpoint(m_ui->endpointFields->cvmOverride(), &error) &&
        m_settings->setCosEndpoint(m_ui->endpointFields->cosOverride(), &error) &&
        m_settings->setProxy(m_ui->systemProxy->isChecked() ? QString() : m_ui->proxy->text(),
                             &error) &&
        m_settings->setPartSize(*parsePartSize(m_ui->partSize->text(), nullptr), &error) &&
        m_settings->setConcurrency(m_ui->concurrency->value(), &error) &&
        m_settings->setInspectTimeout(m_ui->inspectTimeout->value(), &error) &&
        m_settings->setRateLimit(*parseRateLimit(m_ui->rateLimit->text(), nullptr), &error) &&
        m_settings->setLanguage(m_ui->language->currentData().toString(), &error) &&
        m_settings->sync(&error);
    if (!written) {
        showError(m_ui->saveError, error, true);
        return;
    }
    m_ui->saveError->hide();
    QDialog::accept();
}

} // namespace cvmi::ui
