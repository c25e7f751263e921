#pragma once

// The signers' known-answer vectors (tests/core/cloud/vectors/, copies of ../shared/vectors/),
// read the same way by tst_cossigner and tst_tc3signer. The including test defines
// CVMI_CLOUD_VECTORS_DIR and CVMI_SHARED_VECTORS_DIR (tests/core/cloud/CMakeLists.txt).
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace cvmi::test {

// The in-repo copy first, so a clean clone works; the shared original when the
// copy is absent.
inline QString vectorPath(const QString& name)
{
    for (const char* dir : {CVMI_CLOUD_VECTORS_DIR, CVMI_SHARED_VECTORS_DIR}) {
        const QString path = QString::fromUtf8(dir) + u'/' + name;
        if (QFile::exists(path))
            return path;
    }
    return {};
}

inline QJsonArray loadVectors(const QString& name)
{
    QFile file(vectorPath(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open the vector file %s", qPrintable(name));
    return QJsonDocument::fromJson(file.readAll())
        .object()
        .value(QStringLiteral("vectors"))
        .toArray();
}

inline QString str(const QJsonObject& object, const char* name)
{
    return object.value(QLatin1String(name)).toString();
}

// Whether the in-repo copy of `name` equals the shared original: *skipped when the shared
// vectors are not beside this checkout.
inline bool vectorCopyMatchesShared(const QString& name, bool* skipped)
{
    QFile shared(QString::fromUtf8(CVMI_SHARED_VECTORS_DIR) + u'/' + name);
    *skipped = !shared.open(QIODevice::ReadOnly);
    if (*skipped)
        return true;
    QFile copy(QString::fromUtf8(CVMI_CLOUD_VECTORS_DIR) + u'/' + name);
    return copy.open(QIODevice::ReadOnly) && copy.readAll() == shared.readAll();
}

} // namespace cvmi::test
