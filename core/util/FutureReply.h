#pragma once

// Runs a handler with a QFuture's result in a receiver's thread, and never after the receiver
// is gone. QFuture::then(context, f) in Qt 6.4 asserts (debug builds) or silently drops the
// continuation when the context dies first — the common case of a page or dialog closed while a
// cloud call is in flight. A QFutureWatcher owned by the receiver dies with it instead, and its
// connection goes with it: nothing runs, nothing asserts.
//
//   cvmi::util::onResult(client->listBuckets(), this, [this](const CloudResult<...>& r) { ... });
#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <type_traits>
#include <utility>

namespace cvmi::util {

// `receiver` must live in the calling thread. The handler is called once, with the result, when
// the future finishes with one; a future cancelled without a result calls nothing.
template <typename T, typename Handler>
void onResult(QFuture<T> future, QObject* receiver, Handler&& handler)
{
    auto* watcher = new QFutureWatcher<T>(receiver);
    QObject::connect(watcher, &QFutureWatcherBase::finished, receiver,
                     [watcher, handler = std::forward<Handler>(handler)]() mutable {
                         watcher->deleteLater();
                         const QFuture<T> done = watcher->future();
                         if constexpr (std::is_void_v<T>) {
                             if (!done.isCanceled())
                                 handler();
                         } else {
                             if (done.resultCount() > 0)
                                 handler(done.result());
                         }
                     });
    watcher->setFuture(future);
}

} // namespace cvmi::util
