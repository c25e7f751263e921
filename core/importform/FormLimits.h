#pragma once

// The limits of ImportImage's parameters, each with where it comes from. "Unconfirmed" marks a
// rule no vendor source states; we enforce it because the service's answer to a violation is
// unknown and a conservative form never loses an import.
namespace cvmi::importform::limits {

// ImageName "最多支持 60 个字符" (ImportImage request model of tencentcloud-sdk-php/-python,
// ../shared/spec/tencentcloud-api.md §1). Characters are Unicode code points, not UTF-16 units.
// No character rule is documented for ImportImage (ModifyImageAttribute adds only "not a
// duplicate of an existing image name"); we refuse control characters and leading/trailing
// spaces (unconfirmed: a safe subset, not a documented rule).
constexpr int imageNameMax = 60;

// ImageDescription "最多支持 256 个字符" (same sources).
constexpr int imageDescriptionMax = 256;

// Tags, from Tencent Cloud's tag usage limits (标签 使用限制, e.g. cloud.tencent.com/document/
// product/597/33355 and the COS bucket-tag page tencentcloud.com/document/product/436/31509):
// at most 50 tags per resource; keys starting with qcloud, tencent or project are reserved;
// keys and values hold letters (any script), digits, spaces and + - = . _ : / @. The pages
// disagree on lengths (key 255 / value 127 on one, key 127 / value 255 on the other):
// unconfirmed, so we enforce the smaller of each, 127 and 127, which both pages accept.
constexpr int tagsMax = 50;
constexpr int tagKeyMax = 127;
constexpr int tagValueMax = 127;

// ImageFamily: no format is documented; the service has InvalidParameterValue.InvalidImageFamily
// ("Invalid format of image family name", tencentcloud-sdk-go errors) and the vendor's example is
// "business-daily-update" (DescribeImageFromFamily page, 213/111405). Unconfirmed: we warn (not
// refuse) outside letters, digits, - _ . starting with a letter or digit, and over 60 characters
// (the image-name limit, assumed).
constexpr int imageFamilyMax = 60;

// Data disks imported with the system disk: no count limit is documented. 20 is our sanity
// bound (unconfirmed), so that a hand-edited draft cannot ask for thousands.
constexpr int dataDisksMax = 20;

} // namespace cvmi::importform::limits
