/** @vmha/client-sim: not built yet (see the open issues). */
export {};
