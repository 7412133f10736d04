/** @vmha/primary-vmm: not built yet (see the open issues). */
export {};
