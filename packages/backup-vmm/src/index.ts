/** @vmha/backup-vmm: the backup role (receive, apply, ack, detect, take over) and its service. */
export { BackupVm, type BackupState, type BackupVmOptions } from './backup-vm.ts';
