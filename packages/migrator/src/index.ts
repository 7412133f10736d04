/** @vmha/migrator: not built yet (see the open issues). */
export {};
