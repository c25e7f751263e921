#include "controllers/ObjectUrlChecker.h"

#include "WizardSession.h"

#include "util/FutureReply.h"

#include "cloud/CosClient.h"
#include "importform/CosObjectUrl.h"
#include "transfer/ConvertedUpload.h"

#include <QFileInfo>
#include <QLocale>
#include <QPointer>
#include <QTimer>

namespace cvmi::ui {

ObjectUrlChecker::ObjectUrlChecker(WizardSession* session, QObject* parent)
    : QObject(parent), m_session(session), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(debounceMs);
    connect(m_timer, &QTimer::timeout, this, &ObjectUrlChecker::start);
}

void ObjectUrlChecker::schedule(const QString& url)
{
    m_url = url.trimmed();
    ++m_generation; // an answer for the previous text no longer applies
    if (m_session->hasUpload() && m_url == m_session->upload().formUrl().trimmed()) {
        m_timer->stop();
        const UploadedObject& upload = m_session->upload();
        const QString text =
            upload.converted
                ? tr("Uploaded by this wizard: %1, a compressed qcow2 of %2 (%3).")
                      .arg(QLocale().formattedDataSize(upload.size),
                           QFileInfo(upload.filePath).fileName(),
                           QLocale().formattedDataSize(upload.sourceBytes))
                : tr("Uploaded by this wizard: %1.").arg(QLocale().formattedDataSize(upload.size));
        return setResult(State::Uploaded, text, upload.size);
    }
    if (m_url.isEmpty() || !importform::parseCosObjectUrl(m_url, nullptr)) {
        m_timer->stop();
        start(); // judged without a request
        return;
    }
    m_state = State::Pending;
    m_sizeDiffers = false;
    m_text = tr("Checking the object when you stop typing…");
    m_timer->start();
}

void ObjectUrlChecker::checkNow(const QString& url)
{
    schedule(url);
    if (m_timer->isActive()) {
        m_timer->stop();
        start();
    }
}

void ObjectUrlChecker::clear()
{
    m_timer->stop();
    ++m_generation;
    m_url.clear();
    m_state = State::Idle;
    m_size = -1;
    m_text.clear();
    m_sizeDiffers = false;
}

void ObjectUrlChecker::start()
{
    if (m_url.isEmpty())
        return setResult(State::Idle, {});
    Error error;
    const auto parsed = importform::parseCosObjectUrl(m_url, &error);
    if (!parsed)
        return setResult(State::Invalid, {});
    cloud::CosClient* cos = m_session->cos();
    if (!cos || !m_session->credentials().isUsable())
        return setResult(State::NoAccount,
                         tr("Not checked: connect an account (the Account page) to check that "
                            "this object exists. The import checks it in any case."));
    m_state = State::Pending;
    m_sizeDiffers = false;
    m_text = tr("Checking %1…").arg(parsed->key);
    const quint64 generation = ++m_generation;
    QPointer<cloud::CosClient> client(cos);
    util::onResult(
        cos->headObject(parsed->bucket, parsed->region, parsed->key), this,
        [this, generation, client](const cloud::CloudResult<cloud::CosObjectInfo>& r) {
            // A newer URL, or a newer account, makes this answer stale.
            if (generation != m_generation || client != m_session->cos())
                return;
            if (r.ok())
                return setFound(r.value.size);
            const QString code = r.error.code;
            if (code == QLatin1String("NoSuchKey") || code == QLatin1String("NoSuchBucket"))
                return setResult(State::NotFound,
                                 tr("Not found: %1 Upload the image first, or correct the URL.")
                                     .arg(r.error.userMessage));
            if (r.error.httpStatus == 403)
                return setResult(
                    State::NoAccess,
                    tr("No access: %1 %2").arg(r.error.userMessage, r.error.remedy).trimmed());
            setResult(State::CouldNotCheck, tr("Could not check the object: %1 %2")
                                                .arg(r.error.userMessage, r.error.remedy)
                                                .trimmed());
        });
}

void ObjectUrlChecker::setFound(qint64 size)
{
    QString text = tr("Found: %1 (%2 bytes).")
                       .arg(QLocale().formattedDataSize(size), QLocale().toString(size));
    const QFileInfo image(m_session->imagePath());
    // A qcow2 converted from the image on the way (Upload page, "Send as compressed qcow2") is
    // smaller than the file by design: its size says nothing about whether it is that image.
    const auto parsed = importform::parseCosObjectUrl(m_url, nullptr);
    const bool converted = parsed && transfer::keyLooksConverted(parsed->key, image.fileName());
    if (converted && image.isFile())
        text += u' ' + tr("A compressed qcow2 of %1 is smaller than the file; its size is not "
                          "compared.")
                           .arg(image.fileName());
    const bool differs = !converted && size >= 0 && image.isFile() && image.size() != size;
    if (differs)
        text += u' ' + tr("The checked image %1 is %2 bytes: this object is another file, or "
                          "an incomplete copy of it. Upload the image, or correct the URL.")
                           .arg(image.fileName(), QLocale().toString(image.size()));
    setResult(State::Found, text, size, differs);
}

void ObjectUrlChecker::setResult(State state, const QString& text, qint64 size, bool sizeDiffers)
{
    m_sizeDiffers = sizeDiffers;
    m_state = state;
    m_text = text;
    m_size = size;
    emit finished(state);
}

} // namespace cvmi::ui
