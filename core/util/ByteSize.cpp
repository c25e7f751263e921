#include "util/ByteSize.h"

#include <QLocale>

namespace cvmi {

QString formatBytes(uint64_t bytes)
{
    return QLocale().formattedDataSize(qint64(bytes), 1, QLocale::DataSizeIecFormat);
}

QString formatBytesExact(uint64_t bytes)
{
    return QStringLiteral("%1 (%2 bytes)")
        .arg(formatBytes(bytes), QLocale().toString(qulonglong(bytes)));
}

} // namespace cvmi
