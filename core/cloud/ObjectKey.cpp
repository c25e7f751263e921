#include "cloud/ObjectKey.h"

namespace cvmi::cloud {

ObjectKey::Problem ObjectKey::check(const QString& key)
{
    if (key.isEmpty())
        return Problem::Empty;
    if (key.startsWith(u'/'))
        return Problem::LeadingSlash;
    if (key.toUtf8().size() > maxBytes)
        return Problem::TooLong;
    for (const QChar c : key) {
        if (c.category() == QChar::Other_Control)
            return Problem::ControlCharacter;
    }
    return Problem::None;
}

} // namespace cvmi::cloud
