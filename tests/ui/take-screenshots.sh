#!/usr/bin/env bash
# Takes the README's screenshots of every page (and the settings) on a virtual X server
# (xvfb), so that they show the real program, in its default size, on a real check of a fixture
# disk and a real check against the --demo emulator.
# Usage: tests/ui/take-screenshots.sh [WIZARD_BINARY] [IMAGE] [OUTPUT_PNG]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
binary=${1:-$root/build/release/app/gui/cvm-import-wizard}
image=${2:-$root/build/release/fixtures/linux/centos7.raw}
output=${3:-$root/docs/screenshots/image-page.png}

for file in "$binary" "$image"; do
    [ -e "$file" ] || { echo "take-screenshots.sh: $file not found (build first)" >&2; exit 2; }
done
mkdir -p "$(dirname "$output")"
# A fixed style and no user settings make the picture the same on every machine.
export QT_STYLE_OVERRIDE=Fusion XDG_CONFIG_HOME=$(mktemp -d)
trap 'rm -rf "$XDG_CONFIG_HOME"' EXIT
xvfb-run -a -s "-screen 0 1280x900x24" "$binary" --screenshot "$output" "$image"
echo "wrote $output"
# The image page on a disk with problems: the arm64 RHEL fixture beside IMAGE.
problems=$(dirname "$output")/image-page-problems.png
xvfb-run -a -s "-screen 0 1280x900x24" "$binary" --screenshot "$problems" \
    "$(dirname "$image")/rhel8-arm64.raw"
echo "wrote $problems"
# The account page after Check, against the in-process emulator of --demo.
lvm=$(dirname "$output")/image-page-lvm.png
xvfb-run -a -s "-screen 0 1280x900x24" "$binary" --screenshot "$lvm" \
    "$(dirname "$image")/../el/centos7-lvm.raw"
echo "wrote $lvm"
account=$(dirname "$output")/account-page.png
xvfb-run -a -s "-screen 0 1280x900x24" "$binary" --demo --page account --screenshot "$account"
echo "wrote $account"
# The upload page after IMAGE went to the demo bucket of the --demo emulator.
upload=$(dirname "$output")/upload-page.png
xvfb-run -a -s "-screen 0 1280x900x24" "$binary" --demo --page upload --screenshot "$upload" "$image"
echo "wrote $upload"
# The import form opened from a draft (with a name over the limit, to show how a problem looks).
form=$(dirname "$output")/form-page.png
draft=$(mktemp --suffix=.json)
trap 'rm -rf "$XDG_CONFIG_HOME" "$draft"' EXIT
cat >"$draft" <<'JSON'
{
  "format": "cvm-import-draft", "version": 1, "created": "2026-11-25T10:11:12Z",
  "app_version": "0.1.0", "region": "ap-guangzhou",
  "form": {
    "Architecture": "x86_64", "OsType": "CentOS", "OsVersion": "7",
    "ImageUrl": "https://demo-images-1300000000.cos.ap-guangzhou.myqcloud.com/centos7.qcow2",
    "ImageName": "centos-7.9-web-frontend-built-from-the-golden-image-of-november",
    "ImageDescription": "Web front end: nginx 1.20, cloud-init, virtio drivers in the initramfs.",
    "TagSpecification": [{"ResourceType": "image",
                          "Tags": [{"Key": "env", "Value": "prod"}, {"Key": "team", "Value": "web"}]}],
    "LicenseType": "TencentCloud", "BootMode": "Legacy BIOS", "ImageFamily": "web-frontend"
  }
}
JSON
# Its own cache folder: the built-in OS list, not one this machine fetched earlier.
XDG_CACHE_HOME=$XDG_CONFIG_HOME/cache \
    xvfb-run -a -s "-screen 0 1280x900x24" "$binary" --demo --draft "$draft" --screenshot "$form"
echo "wrote $form"
# The upload page with the same disk as a Hyper-V VHDX: always converted, the key .qcow2.
vhdx_dir=$(mktemp -d)
qemu-img convert -O vhdx "$image" "$vhdx_dir/$(basename "${image%.*}").vhdx"
vhdx=$(dirname "$output")/upload-page-vhdx.png
xvfb-run -a -s "-screen 0 1280x900x24" "$binary" --demo --page upload --screenshot "$vhdx" \
    "$vhdx_dir/$(basename "${image%.*}").vhdx"
rm -rf "$vhdx_dir"
echo "wrote $vhdx"
# The form's "Choose Object…" dialog listing the demo bucket of the --demo emulator.
objects=$(dirname "$output")/choose-object.png
xvfb-run -a -s "-screen 0 1280x900x24" "$binary" --demo --page objects --screenshot "$objects"
echo "wrote $objects"
# The import page after the demo disk's import in the --demo emulator ended NORMAL.
import=$(dirname "$output")/import-page.png
xvfb-run -a -s "-screen 0 1280x900x24" "$binary" --demo --page import --screenshot "$import"
echo "wrote $import"
# The settings dialog.
settings=$(dirname "$output")/settings.png
xvfb-run -a -s "-screen 0 1280x900x24" "$binary" --page settings --screenshot "$settings"
echo "wrote $settings"
# The account page in Simplified Chinese (needs a CJK font, e.g. Debian's fonts-wqy-microhei).
zh=$(dirname "$output")/account-page-zh_CN.png
LANGUAGE=zh_CN LANG=zh_CN.UTF-8 \
    xvfb-run -a -s "-screen 0 1280x900x24" "$binary" --demo --page account --screenshot "$zh"
echo "wrote $zh"
# The upload page at scale factor 2 on a 1920x1080 screen (960x540 logical pixels): the window
# fits, the step indicator and the buttons stay on the screen.
scale2=$(dirname "$output")/upload-page-scale2.png
QT_SCALE_FACTOR=2 \
    xvfb-run -a -s "-screen 0 1920x1080x24" "$binary" --demo --page upload --screenshot "$scale2" "$image"
echo "wrote $scale2"
# Two pictures need a state no --page reaches (a skipped upload, a question over the form): the GUI
# tests draw them offscreen when CVMI_SHOT_DIR names a folder —
#   CVMI_SHOT_DIR=/tmp/shots ctest -R 'tst_wizardsteps|tst_typedwork'   (in the build folder)
# and docs/screenshots/form-page-skipped-upload.png and close-question.png are copies of
# steps-skipped-upload.png and steps-close-question.png.
