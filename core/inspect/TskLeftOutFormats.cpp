// The Sleuth Kit is linked statically (cmake/CvmiTsk.cmake) and only its file-system and volume
// code is wanted: images reach it through tsk_img_open_external() over our own container readers
// (TskImage.cpp). tsk_img_open(), which we never call, is compiled into the same object file of
// libtsk.a as tsk_img_open_external(), and it calls the openers of the containers TSK reads
// through other libraries: EWF (libewf), AFF (libafflib), VMDK (libvmdk) and VHD (libvhdi). Had
// the linker taken those openers from libtsk.a, every start of our programs would map and
// relocate these libraries and theirs (libbfio, sqlite, expat, ...): about 10 ms of
// `cvm-import`'s start (tests/bench/inspect/bench_startup.py). These definitions take their
// places, so those libraries are neither linked nor loaded. Were tsk_img_open() ever called, they
// refuse the format as TSK itself does for a format it was built without.
#include <tsk/libtsk.h>

namespace {

TSK_IMG_INFO* leftOut(const char* format)
{
    tsk_error_reset();
    tsk_error_set_errno(TSK_ERR_IMG_UNSUPTYPE);
    tsk_error_set_errstr("%s images are read by cvm-import itself, not by The Sleuth Kit", format);
    return nullptr;
}

} // namespace

// The signatures of TSK 4.x's tsk/img/{ewf,aff,vmdk,vhd}.h, which libtsk-dev does not install.
extern "C" {
TSK_IMG_INFO* ewf_open(int, const TSK_TCHAR* const[], unsigned int)
{
    return leftOut("EWF");
}
TSK_IMG_INFO* aff_open(const TSK_TCHAR* const[], unsigned int)
{
    return leftOut("AFF");
}
TSK_IMG_INFO* vmdk_open(int, const TSK_TCHAR* const[], unsigned int)
{
    return leftOut("VMDK");
}
TSK_IMG_INFO* vhdi_open(int, const TSK_TCHAR* const[], unsigned int)
{
    return leftOut("VHD");
}
}
