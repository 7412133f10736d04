/** @vmha/shared-proto: not built yet (see the open issues). */
export {};
