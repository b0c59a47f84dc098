/** The policy sent with every response. */
export declare const CONTENT_SECURITY_POLICY: string;
/** The built app's folder. */
export declare const DIST: string;
/** Starts a static server for the built demo; see serve.mjs. */
export declare function startServer(options?: { root?: string; host?: string; port?: number }): Promise<{ url: string; close: () => Promise<void> }>;
