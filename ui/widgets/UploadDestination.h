#pragma once

#include <QWidget>

#include <memory>

namespace cvmi::ui {
namespace Ui {
class UploadDestination;
}

// Where the Upload page puts the image: the bucket (the account's, or another of the region's)
// and the object key, which follows the file's name until the user types one, with why a key
// cannot be used under it.
class UploadDestination : public QWidget {
    Q_OBJECT
public:
    explicit UploadDestination(QWidget* parent = nullptr);
    ~UploadDestination() override;

    QString bucket() const;
    QString key() const;
    // Why key() cannot name the object, or empty when it can.
    QString keyProblem() const;
    bool isComplete() const { return !bucket().isEmpty() && keyProblem().isEmpty(); }

    // Lists the bucket chosen so far (else `accountBucket`) and `accountBucket`, nothing else.
    void resetBuckets(const QString& accountBucket);
    // More buckets of the region to choose from; the choice stays.
    void addBuckets(const QStringList& names);
    // The key from the file's name, unless the user chose one.
    void proposeKey(const QString& fileName);
    // The user's key (a test, a script): later file names no longer change it.
    void setKey(const QString& key);
    // Another key made from the one shown (its extension changed by the conversion choice):
    // whether it counts as the user's stays as it was.
    void renameKey(const QString& key);
    // Both at once, as the user's (an interrupted upload to continue); an empty bucket keeps
    // the bucket chosen. changed() is not emitted.
    void choose(const QString& bucket, const QString& key);
    // The bucket and key can be changed (not while an upload runs); the labels stay as they are.
    void setEditable(bool editable);
    QWidget* firstTabStop() const;

signals:
    void changed(); // another bucket or key

private:
    void showKeyProblem();

    std::unique_ptr<Ui::UploadDestination> m_ui;
    bool m_keyEdited = false;
};

} // namespace cvmi::ui
