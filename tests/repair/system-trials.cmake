# Repair trials of the Linux network and system rules (tests/fixtures/make-system-disks.sh).
set(_sys ${CVMI_FIXTURE_DIR}/system)
cvmi_add_fix_trial(system.dhcp_ifcfg ${_sys}/centos7-static.raw system_disks network.dhcp)
cvmi_add_fix_trial(system.dhcp_nm ${_sys}/centos7-nm-static.raw system_disks network.dhcp)
cvmi_add_fix_trial(system.dhcp_ifupdown ${_sys}/debian-static.raw system_disks network.dhcp)
cvmi_add_fix_trial(system.dhcp_networkd ${_sys}/debian-networkd-static.raw system_disks network.dhcp)
cvmi_add_fix_trial(system.dhcp_netplan ${_sys}/debian-netplan-static.raw system_disks network.dhcp)
cvmi_add_fix_trial(system.selinux ${_sys}/centos7-selinux-nopolicy.raw system_disks boot.selinux)
cvmi_add_fix_trial(system.rtc ${_sys}/centos7-rtc-local.raw system_disks practice.rtc_utc)
cvmi_add_fix_trial(system.storage_dracut ${_sys}/centos7-noscsi.raw system_disks drivers.storage)
cvmi_add_fix_trial(system.storage_initramfs_tools ${_sys}/debian-noscsi.raw system_disks
    drivers.storage)
cvmi_add_fix_trial(system.virtio ${_sys}/centos7-novirtio.raw system_disks drivers.virtio
    drivers.storage)
cvmi_add_fix_trial(system.growpart ${_sys}/centos7-nogrowpart.raw system_disks practice.growpart
    practice.cloud_init)
cvmi_add_fix_trial(system.eth0 ${_sys}/centos7-ens3.raw system_disks network.eth0_only)
cvmi_add_fix_trial(system.ipv6 ${_sys}/centos7-ipv6.raw system_disks network.no_ipv6)
cvmi_add_fix_trial(system.eth0_ifupdown ${_sys}/debian-ens3.raw system_disks network.eth0_only)
