/** Types of scripts/server-flags.mjs (plain JavaScript, read by bench/heavy-jobs.bench.ts). */
export declare const DEFAULT_SERVER_NODE_FLAGS: string;
export declare function serverNodeFlags(env?: NodeJS.ProcessEnv): string[];
