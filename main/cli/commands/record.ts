import type { Command } from '../command';

/** `vship record` and `vship evidence pack` (being built, issue 11). */
export const recordCommands: readonly Command[] = [];
