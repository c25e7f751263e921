#include "pages/AccountAutoCheck.h"

namespace cvmi::ui {

AccountAutoCheck::AccountAutoCheck(std::function<bool()> ready, std::function<void()> start,
                                   QObject* parent)
    : QObject(parent), m_ready(std::move(ready)), m_start(std::move(start))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &AccountAutoCheck::fire);
}

void AccountAutoCheck::soon()
{
    m_timer.start(0);
}

void AccountAutoCheck::afterChange()
{
    m_timer.start(kSettleMs);
}

void AccountAutoCheck::cancel()
{
    m_timer.stop();
}

void AccountAutoCheck::fire()
{
    if (m_ready())
        m_start();
}

} // namespace cvmi::ui
