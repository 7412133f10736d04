/** @vmha/guest-apps */
export {};
