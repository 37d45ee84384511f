// ultralytics-sync is bundled without undici (scripts/bundle.mjs): what its bundled packages take from it.
export class ProxyAgent { constructor() { throw new Error("ultralytics-sync is bundled without undici: fetch through a proxy agent is not available"); } }
export const fetch = (...args) => globalThis.fetch(...args);
