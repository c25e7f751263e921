#include "DemoCloud.h"

#include <QCoreApplication>

// DemoCloud in a build configured with -DCVMI_DEMO=OFF: the emulator (and Qt HttpServer, which it
// needs) is not linked, so --demo is refused with what to do instead of being silently ignored.
namespace cvmi::emu {
// Never constructed here; complete only so that the unique_ptr member can be destroyed.
class CloudEmulator {};
} // namespace cvmi::emu

namespace cvmi::gui {

DemoCloud::DemoCloud() = default;

DemoCloud::~DemoCloud() = default;

bool DemoCloud::start(const QString&, quint16, QString* error)
{
    *error = QCoreApplication::translate(
        "DemoCloud", "this build has no demo: it was configured with -DCVMI_DEMO=OFF. Build with "
                     "-DCVMI_DEMO=ON (needs Qt HttpServer, qt6-httpserver-dev) or use a real "
                     "account without --demo.");
    return false;
}

quint16 DemoCloud::port() const
{
    return 0;
}

cloud::Credentials DemoCloud::credentials() const
{
    return {};
}

cloud::CloudEndpoints DemoCloud::endpoints() const
{
    return {};
}

QString DemoCloud::endpoint() const
{
    return {};
}

QString DemoCloud::putDemoDisk(QString* error)
{
    QString ignored;
    start({}, 0, error ? error : &ignored);
    return {};
}

bool DemoCloud::putObject(const QString&, const QByteArray&, QString* error)
{
    QString ignored;
    start({}, 0, error ? error : &ignored);
    return false;
}

} // namespace cvmi::gui
