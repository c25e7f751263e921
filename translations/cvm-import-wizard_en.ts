<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>cvmi::cli::CheckCommand</name>
    <message numerus="yes">
        <source>Repair script written to %1: %n step(s) for %2.</source>
        <translation>
            <numerusform>Repair script written to %1: %n step for %2.</numerusform>
            <numerusform>Repair script written to %1: %n steps for %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cvmi::cli::DoctorCommand</name>
    <message numerus="yes">
        <source>Buckets in %1: none (%n in other regions); the upload will create one.</source>
        <translation>
            <numerusform>Buckets in %1: none (%n in other regions); the upload will create one.</numerusform>
            <numerusform>Buckets in %1: none (%n in other regions); the upload will create one.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Result: all %n check(s) passed.</source>
        <translation>
            <numerusform>Result: all %n check passed.</numerusform>
            <numerusform>Result: all %n checks passed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Result: %n of %1 check(s) failed.</source>
        <translation>
            <numerusform>Result: %n of %1 checks failed.</numerusform>
            <numerusform>Result: %n of %1 checks failed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cvmi::cli::TextReport</name>
    <message numerus="yes">
        <source>Result: NOT importable: %n rule(s) failed.</source>
        <translation>
            <numerusform>Result: NOT importable: %n rule failed.</numerusform>
            <numerusform>Result: NOT importable: %n rules failed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cvmi::cli::UploadCommand</name>
    <message numerus="yes">
        <source>in %n part(s) of %1, %2 at a time</source>
        <translation>
            <numerusform>in %n part of %1, %2 at a time</numerusform>
            <numerusform>in %n parts of %1, %2 at a time</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resuming the interrupted upload: %n of %1 part(s) on record; the server is asked which it still has.</source>
        <translation>
            <numerusform>Resuming the interrupted upload: %n of %1 parts on record; the server is asked which it still has.</numerusform>
            <numerusform>Resuming the interrupted upload: %n of %1 parts on record; the server is asked which it still has.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 part(s) are on the server and reused.</source>
        <translation>
            <numerusform>%n of %1 parts is on the server and reused.</numerusform>
            <numerusform>%n of %1 parts are on the server and reused.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped (%1). %n of %2 part(s) are on the server and recorded for resuming: run the same command again to resume, or discard them with `cvm-import uploads --abort %3`.</source>
        <translation>
            <numerusform>Stopped (%1). %n of %2 parts is on the server and recorded for resuming: run the same command again to resume, or discard them with `cvm-import uploads --abort %3`.</numerusform>
            <numerusform>Stopped (%1). %n of %2 parts are on the server and recorded for resuming: run the same command again to resume, or discard them with `cvm-import uploads --abort %3`.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resumed: %n part(s) reused from the interrupted upload, %1 sent now.</source>
        <translation>
            <numerusform>Resumed: %n part reused from the interrupted upload, %1 sent now.</numerusform>
            <numerusform>Resumed: %n parts reused from the interrupted upload, %1 sent now.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Checking %n part(s) already sent against the file (%1 to read)...</source>
        <translation>
            <numerusform>Checking %n part already sent against the file (%1 to read)...</numerusform>
            <numerusform>Checking %n parts already sent against the file (%1 to read)...</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n part(s) already sent match the file.</source>
        <translation>
            <numerusform>The %n part already sent match the file.</numerusform>
            <numerusform>The %n parts already sent match the file.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n part(s) already sent no longer match the file (it changed since, its modification time kept): part(s) %1. They are sent again.</source>
        <translation>
            <numerusform>%n part already sent no longer matches the file (it changed since, its modification time kept): part %1. It is sent again.</numerusform>
            <numerusform>%n parts already sent no longer match the file (it changed since, its modification time kept): parts %1. They are sent again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resuming the interrupted upload: %n part(s) on record; the disk is converted again and each part the server still has is compared with the new one before the rest is sent.</source>
        <translation>
            <numerusform>Resuming the interrupted upload: %n part on record; the disk is converted again and the part the server still has is compared with the new one before the rest is sent.</numerusform>
            <numerusform>Resuming the interrupted upload: %n parts on record; the disk is converted again and each part the server still has is compared with the new one before the rest is sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n part(s) are on the server; each is reused if the disk converted again gives the same bytes.</source>
        <translation>
            <numerusform>%n part is on the server; it is reused if the disk converted again gives the same bytes.</numerusform>
            <numerusform>%n parts are on the server; each is reused if the disk converted again gives the same bytes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped (%1). %n part(s) are on the server and recorded for resuming: run the same command again to resume (the disk is converted again and the parts compared), or discard them with `cvm-import uploads --abort %2`.</source>
        <translation>
            <numerusform>Stopped (%1). %n part is on the server and recorded for resuming: run the same command again to resume (the disk is converted again and the part compared), or discard it with `cvm-import uploads --abort %2`.</numerusform>
            <numerusform>Stopped (%1). %n parts are on the server and recorded for resuming: run the same command again to resume (the disk is converted again and the parts compared), or discard them with `cvm-import uploads --abort %2`.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cvmi::cli::UploadsCommand</name>
    <message numerus="yes">
        <source>%n second(s) ago</source>
        <translation>
            <numerusform>%n second ago</numerusform>
            <numerusform>%n seconds ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>converted to qcow2, %n part(s) of %1 done, last part %2, upload ID %3</source>
        <translation>
            <numerusform>converted to qcow2, %n part of %1 done, last part %2, upload ID %3</numerusform>
            <numerusform>converted to qcow2, %n parts of %1 done, last part %2, upload ID %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cvmi::cloud::PermissionCheck</name>
    <message numerus="yes">
        <source>COS answered: %n bucket(s), none in %1; one will be created there.</source>
        <translation>
            <numerusform>COS answered: %n bucket, none in %1; one will be created there.</numerusform>
            <numerusform>COS answered: %n buckets, none in %1; one will be created there.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>COS answered: %n bucket(s); in %1: %2.</source>
        <translation>
            <numerusform>COS answered: %n bucket; in %1: %2.</numerusform>
            <numerusform>COS answered: %n buckets; in %1: %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cvmi::disk::OvaImage</name>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>%n more</numerusform>
            <numerusform>%n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 holds %n more disk(s) besides the system disk %2: %3. They are not imported with the system disk: import each separately as a data disk (extract it with `tar -xf %1 FILE`).</source>
        <translation>
            <numerusform>%1 holds %n more disk besides the system disk %2: %3. It is not imported with the system disk: import it separately as a data disk (extract it with `tar -xf %1 FILE`).</numerusform>
            <numerusform>%1 holds %n more disks besides the system disk %2: %3. They are not imported with the system disk: import each separately as a data disk (extract it with `tar -xf %1 FILE`).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cvmi::importrun::ImportRunner</name>
    <message numerus="yes">
        <source>The form has %n error(s); nothing was sent.</source>
        <translation>
            <numerusform>The form has %n error; nothing was sent.</numerusform>
            <numerusform>The form has %n errors; nothing was sent.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cvmi::inspect::LinuxKernels</name>
    <message numerus="yes">
        <source>only the initramfs files of the newest %n kernel(s) are read</source>
        <translation>
            <numerusform>only the initramfs files of the newest %n kernel are read</numerusform>
            <numerusform>only the initramfs files of the newest %n kernels are read</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cvmi::policy::Check</name>
    <message numerus="yes">
        <source>%n network adapter(s) are configured for TCP/IP.</source>
        <translation>
            <numerusform>%n network adapter is configured for TCP/IP.</numerusform>
            <numerusform>%n network adapters are configured for TCP/IP.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n interface(s) are configured: %1.</source>
        <translation>
            <numerusform>%n interface is configured: %1.</numerusform>
            <numerusform>%n interfaces are configured: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The disk has an MBR (DOS) partition table with %n partition(s).</source>
        <translation>
            <numerusform>The disk has an MBR (DOS) partition table with %n partition.</numerusform>
            <numerusform>The disk has an MBR (DOS) partition table with %n partitions.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The separate /boot (%1) was read: %n kernel(s).</source>
        <translation>
            <numerusform>The separate /boot (%1) was read: %n kernel.</numerusform>
            <numerusform>The separate /boot (%1) was read: %n kernels.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The separate /boot (%1) was read: %n kernel(s), and its boot loader names %2.</source>
        <translation>
            <numerusform>The separate /boot (%1) was read: %n kernel, and its boot loader names %2.</numerusform>
            <numerusform>The separate /boot (%1) was read: %n kernels, and its boot loader names %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cvmi::transfer::UploadSession</name>
    <message numerus="yes">
        <source>Part %1 was sent %n time(s) and COS did not confirm its bytes: %2</source>
        <translation>
            <numerusform>Part %1 was sent %n time and COS did not confirm its bytes: %2</numerusform>
            <numerusform>Part %1 was sent %n times and COS did not confirm its bytes: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cvmi::ui::ImagePage</name>
    <message numerus="yes">
        <source>Save a script to run inside the source VM before exporting it again: %n step(s) for %1.</source>
        <translation>
            <numerusform>Save a script to run inside the source VM before exporting it again: %n step for %1.</numerusform>
            <numerusform>Save a script to run inside the source VM before exporting it again: %n steps for %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cvmi::ui::ImportController</name>
    <message numerus="yes">
        <source>Valid, with %n warning(s) shown on the Form page.</source>
        <translation>
            <numerusform>Valid, with %n warning shown on the Form page.</numerusform>
            <numerusform>Valid, with %n warnings shown on the Form page.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cvmi::ui::UploadPage</name>
    <message numerus="yes">
        <source>%n part(s) sent earlier no longer matched the file and were sent again: %1.</source>
        <translation>
            <numerusform>%n part sent earlier no longer matched the file and were sent again: %1.</numerusform>
            <numerusform>%n parts sent earlier no longer matched the file and were sent again: %1.</numerusform>
        </translation>
    </message>
</context>
</TS>
