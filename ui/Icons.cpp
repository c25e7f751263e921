#include "Icons.h"

#include <QPainter>
#include <QPixmapCache>
#include <QSvgRenderer>

namespace cvmi::ui {

namespace {

QPixmap renderSvg(const QString& resource, int logicalSize, qreal devicePixelRatio)
{
    const int device = qRound(logicalSize * devicePixelRatio);
    QPixmap pixmap(device, device);
    pixmap.fill(Qt::transparent);
    QSvgRenderer renderer(resource);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter);
    painter.end();
    pixmap.setDevicePixelRatio(devicePixelRatio);
    return pixmap;
}

} // namespace

QPixmap svgPixmap(const QString& resource, int logicalSize, qreal devicePixelRatio)
{
    // A report shows the same few icons once per rule: parsing and rendering the SVG each time
    // cost more than building the rest of the row. The icons are resources, so a rendering stays
    // valid for the life of the program.
    const QString key = QStringLiteral("cvmi-svg:%1:%2:%3")
                            .arg(resource)
                            .arg(logicalSize)
                            .arg(devicePixelRatio, 0, 'g', 6);
    QPixmap pixmap;
    if (QPixmapCache::find(key, &pixmap))
        return pixmap;
    pixmap = renderSvg(resource, logicalSize, devicePixelRatio);
    QPixmapCache::insert(key, pixmap);
    return pixmap;
}

QString verdictIconResource(policy::Verdict verdict)
{
    switch (verdict) {
    case policy::Verdict::Pass:
        return QStringLiteral(":/icons/verdict-pass.svg");
    case policy::Verdict::Warn:
        return QStringLiteral(":/icons/verdict-warn.svg");
    case policy::Verdict::Fail:
        return QStringLiteral(":/icons/verdict-fail.svg");
    case policy::Verdict::Unknown:
        break;
    }
    return QStringLiteral(":/icons/verdict-unknown.svg");
}

QPixmap verdictPixmap(policy::Verdict verdict, int logicalSize, qreal devicePixelRatio)
{
    return svgPixmap(verdictIconResource(verdict), logicalSize, devicePixelRatio);
}

QIcon appIcon()
{
    QIcon icon;
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256})
        icon.addPixmap(svgPixmap(QStringLiteral(":/icons/cvm-import-wizard.svg"), size, 1.0));
    return icon;
}

QColor mixColors(const QColor& base, const QColor& tint, qreal amount)
{
    const qreal keep = 1.0 - amount;
    return QColor::fromRgbF(float(base.redF() * keep + tint.redF() * amount),
                            float(base.greenF() * keep + tint.greenF() * amount),
                            float(base.blueF() * keep + tint.blueF() * amount));
}

} // namespace cvmi::ui
