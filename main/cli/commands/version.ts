import { VERSION } from '../../handlers';
import { defineCommand, type Command } from '../command';
import { EXIT } from '../exit-codes';
import { out } from '../output';

const versionCommand = defineCommand({
  name: 'version',
  usage: '',
  summary: '显示版本号（也可用 vship --version）',
  options: {},
  async run() {
    out(VERSION);
    return EXIT.OK;
  },
});

/** In the order `vship --help` lists them. */
export const versionCommands: Command[] = [versionCommand];
