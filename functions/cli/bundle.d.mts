/** Types of bundle.mjs (plain JavaScript: it runs before anything can compile TypeScript). */
export declare const CLI_MAIN: string;
/** Builds dist/cli when missing or stale; resolves to the bundle's entry file. */
export declare function ensureCliBundle(): Promise<string>;
