/** @vmha/vnet */
export {};
