#pragma once

// "Choose object…" on the Form page: for an image that is in COS already, the objects of one of
// the account's buckets in the session's region (GET Bucket, a page at a time with "More"), with
// a key prefix filter and each object's size and date. Disk images (by their file name) are the
// ones offered; the others can be shown, dimmed. Every cloud call is asynchronous and an answer
// for an older bucket or prefix is dropped; failures say what happened and what to do.
// Layout and texts in ChooseObjectDialog.ui; tests find its widgets by object name.
#include <QDialog>

#include <memory>

class QTimer;

namespace cvmi::cloud {
struct CosObjectPage;
}

namespace cvmi::ui {

namespace Ui {
class ChooseObjectDialog;
}

class WizardSession;

class ChooseObjectDialog : public QDialog {
    Q_OBJECT
public:
    // `bucket`: the one to open first (chosen earlier in the session), when the account has it.
    ChooseObjectDialog(WizardSession* session, const QString& bucket, QWidget* parent = nullptr);
    ~ChooseObjectDialog() override;

    // After accept(): where the chosen object is.
    QString bucket() const { return m_chosenBucket; }
    QString key() const { return m_chosenKey; }

    // Whether COS's key names a disk image the import can take: .qcow2, .vhd, .vmdk, .raw, .img
    // and .iso (imported with Force), in any case.
    static bool isDiskImageKey(const QString& key);

    static constexpr int prefixDebounceMs = 400;

private:
    void loadBuckets();
    // Adds buckets to the list; the first one of an empty list is selected and listed.
    void selectFirst(const QStringList& buckets);
    void listFromStart();
    void listMore();
    void requestPage(const QString& marker);
    void addPage(const cloud::CosObjectPage& page);
    void refilter();
    void updateButtons();
    void setStatus(const QString& text, bool error);
    void choose();

    std::unique_ptr<Ui::ChooseObjectDialog> m_ui;
    WizardSession* m_session;
    QString m_initialBucket;
    QTimer* m_prefixTimer;

    quint64 m_generation = 0; // a newer listing makes older answers stale
    bool m_busy = false;
    QString m_nextMarker; // empty: no more pages
    int m_listed = 0;     // objects received for the current bucket and prefix
    QString m_chosenBucket;
    QString m_chosenKey;
};

} // namespace cvmi::ui
