import type { Command } from '../command';

/** `vship verify` (being built, issue 11). */
export const verifyCommands: readonly Command[] = [];
