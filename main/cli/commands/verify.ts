import { call } from '../call';
import { defineCommand, type Command } from '../command';
import { EXIT } from '../exit-codes';
import { out, outJson } from '../output';

const PHASES: Record<string, string> = { ledger: '台账', files: '文件', deliveries: '发货记录与库存' };

const verifyCommand = defineCommand({
  name: 'verify',
  usage: '[--json]',
  options: {},
  summary: '数据校验：台账哈希链、每个凭证和导出文件、每条发货记录与库存内容（一切如初退出码 0，有改动或缺失 4）',
  async run({ core, json }) {
    const tty = process.stderr.isTTY && !json;
    const r = await call(core, 'evidence.verify', undefined, (e) => {
      if (!tty || e.event !== 'job.progress') return;
      const p = e.payload;
      process.stderr.write(`\r校验${PHASES[p.phase] ?? ''}：${p.done}${p.total ? '/' + p.total : ''}   `);
    });
    if (tty) process.stderr.write('\n');
    if (json) {
      outJson(r);
      return r.ok ? EXIT.OK : EXIT.VERIFY_FAILED;
    }
    const c = r.checked;
    out(`已校验：台账 ${c.ledgerEntries} 条，凭证文件 ${c.evidenceFiles} 个，导出文件 ${c.exportFiles} 个，发货记录 ${c.deliveries} 条（条目 ${c.items} 个），库存条目 ${c.stockItems} 个`);
    if (r.head) out(`台账最新一条：第 ${r.head.id} 条（${r.head.hash}）`);
    if (r.ok) {
      out('校验通过：没有发现改动、添加或缺失');
      return EXIT.OK;
    }
    out(`发现 ${r.problems.length + r.moreProblems} 个问题：`);
    for (const p of r.problems) out(`  ${p.message}`);
    if (r.moreProblems) out(`  ……另有 ${r.moreProblems} 个未列出`);
    out('请先备份整个数据文件夹（不要修改其中的文件），再联系技术支持。');
    return EXIT.VERIFY_FAILED;
  },
});

/** In the order `vship --help` lists them. */
export const verifyCommands: Command[] = [verifyCommand];
