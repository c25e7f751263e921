# The file system state rules' repair trials (tests/fixtures/make-fsstate-disks.sh). The disk
# rebuilt from the repaired tree is a fresh file system, so boot.fs_clean passing after the repair
# shows the script runs and changes what it says (/forcefsck); the check itself happens at the
# guest's next boot. practice.root_free_space passes because the guest's yum (a stand-in) emptied
# its cache.
cvmi_add_fix_trial(fsstate_errors ${CVMI_FIXTURE_DIR}/fsstate/errors.raw fsstate_disks boot.fs_clean)
cvmi_add_fix_trial(fsstate_full ${CVMI_FIXTURE_DIR}/fsstate/full.raw fsstate_disks
    practice.root_free_space)
