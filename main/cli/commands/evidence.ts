import type { Command } from '../command';

/** `vship evidence add|import|list|hide` (being built, issue 11). */
export const evidenceCommands: readonly Command[] = [];
