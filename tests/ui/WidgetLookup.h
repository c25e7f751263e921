#pragma once

#include <QObject>
#include <QString>
#include <QWidget>

#include <cstdio>
#include <cstdlib>

namespace cvmi::test {

// The widget of type T named `name` (its objectName, e.g. in the page's .ui form) under `root`.
// Tests reach widgets this way, not through getters that exist only for them; a renamed or lost
// widget ends the test with its name instead of a null dereference.
template <typename T> T* child(const QObject* root, const char* name)
{
    T* widget = root->findChild<T*>(QLatin1String(name));
    if (widget == nullptr) {
        std::fprintf(stderr, "FAIL: no %s named \"%s\" under %s\n", T::staticMetaObject.className(),
                     name, qPrintable(root->objectName()));
        std::abort();
    }
    return widget;
}

// The widget Tab moves to from `widget`: the next one in the focus chain that takes Tab focus (a
// form's labels sit between its fields in the chain).
inline QWidget* nextTabStop(QWidget* widget)
{
    QWidget* next = widget->nextInFocusChain();
    while (next != widget && !(next->focusPolicy() & Qt::TabFocus))
        next = next->nextInFocusChain();
    return next;
}

} // namespace cvmi::test
