/** @vmha/service-runtime */
export {};
