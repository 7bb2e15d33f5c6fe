/** A CLI command: one file in src/cli/commands/, named as the command. */
export interface Command {
  summary: string;
  usage: string;
  /** Returns the process exit code. Machine output goes to stdout, errors to stderr. */
  run(args: string[]): Promise<number>;
}

/** Thrown for bad command-line input; main prints the message and the usage, exit 2. */
export class UsageError extends Error {}

import { parseArgs, type ParseArgsConfig } from 'node:util';

/** node:util parseArgs with strict checking, reporting mistakes as UsageError. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}
