/** @vmha/backup-vmm: not built yet (see the open issues). */
export {};
