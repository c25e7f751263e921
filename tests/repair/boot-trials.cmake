# Repair trials of the boot rules (issue 17): every failing disk of fixtures/make-boot-disks.sh.
set(boot_dir ${CVMI_FIXTURE_DIR}/boot)
cvmi_add_fix_trial(boot.el7_sda ${boot_dir}/el7-sda.raw boot_disks
    boot.root_argument practice.fstab_devices)
cvmi_add_fix_trial(boot.el7_gone ${boot_dir}/el7-gone.raw boot_disks boot.root_argument)
cvmi_add_fix_trial(boot.el8_sda ${boot_dir}/el8-sda.raw boot_disks boot.root_argument)
cvmi_add_fix_trial(boot.el6_hda ${boot_dir}/el6-hda.raw boot_disks boot.root_argument)
cvmi_add_fix_trial(boot.deb_gone ${boot_dir}/deb-gone.raw boot_disks boot.fstab_identifiers)
cvmi_add_fix_trial(boot.el7_nfs ${boot_dir}/el7-nfs.raw boot_disks boot.fstab_nofail)
cvmi_add_fix_trial(boot.el7_vdb ${boot_dir}/el7-vdb.raw boot_disks boot.fstab_nofail)
cvmi_add_fix_trial(boot.el7_partuuid_gone ${boot_dir}/el7-partuuid-gone.raw boot_disks
    boot.root_argument)
