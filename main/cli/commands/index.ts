/**
 * Every `vship` command, feature by feature, in the order `vship --help` lists them. A new
 * feature is a new file in this folder and one line here.
 */
import type { Command } from '../command';
import { allocationCommands } from './allocation';
import { evidenceCommands } from './evidence';
import { exportCommands } from './export';
import { importCommands } from './import';
import { messagesCommands } from './messages';
import { ordersCommands } from './orders';
import { productsCommands } from './products';
import { recordCommands } from './record';
import { rulesCommands } from './rules';
import { shopsCommands, versionCommands } from './shops';
import { stockCommands } from './stock';
import { verifyCommands } from './verify';

export const COMMANDS: readonly Command[] = [
  ...importCommands,
  ...ordersCommands,
  ...shopsCommands,
  ...productsCommands,
  ...stockCommands,
  ...allocationCommands,
  ...messagesCommands,
  ...rulesCommands,
  ...exportCommands,
  ...evidenceCommands,
  ...recordCommands,
  ...verifyCommands,
  ...versionCommands,
];
