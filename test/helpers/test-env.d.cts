// Types of test-env.cjs (plain CommonJS, so that the benchmark's .mjs can use it too).
import type { ChildProcess } from 'node:child_process';

export declare const APP_DIR: string;
export declare const SECRET_NAMES: readonly string[];
export declare const testSecrets: () => Record<string, string>;
export declare const QUIET_ENV: Record<string, string>;

export type DatabaseKind = 'sqlite' | 'postgres';
export declare const databaseKind: (value?: string) => DatabaseKind;
export declare const pgAdminUrl: () => string;
export declare const pgAdminQuery: (sql: string, adminUrl?: string) => Promise<unknown>;

export interface Database {
  kind: DatabaseKind;
  /** The PostgreSQL database's name, or the SQLite file. */
  name: string;
  env: Record<string, string>;
  drop(): Promise<void>;
  copy(prefix?: string): Promise<Database>;
}
export declare const createDatabase: (options?: {
  kind?: DatabaseKind;
  prefix?: string;
  dir?: string;
  adminUrl?: string;
}) => Promise<Database>;

export declare const freePort: () => Promise<number>;

export interface ChildServer {
  url: string;
  port: number;
  child: ChildProcess;
  /** The child's last output lines (empty with `output: 'inherit'`). */
  output(): string;
  /** SIGTERM, then SIGKILL after `graceMs`. */
  stop(options?: { graceMs?: number }): Promise<void>;
  /** SIGKILL. */
  kill(): Promise<void>;
}
export declare const startServer: (options?: {
  command?: string;
  args?: string[];
  env?: Record<string, string | undefined>;
  cwd?: string;
  ipc?: boolean;
  output?: 'keep' | 'inherit';
  onSpawn?: (child: ChildProcess) => void;
  timeoutMs?: number;
  label?: string;
}) => Promise<ChildServer>;
