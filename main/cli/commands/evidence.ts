import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { EvidenceImportResult, EvidenceItem, EvidenceRefusal } from '../../../shared/domain';
import { EVIDENCE_FILES_PER_REQUEST, EVIDENCE_KIND_WORDS, EVIDENCE_KINDS, EVIDENCE_MAX_BYTES } from '../../../shared/domain';
import { AppError, formatErrorMessage } from '../../../shared/errors';
import { formatBytes } from '../../core/io/limits';
import { toSystemError } from '../../core/system-errors';
import { call } from '../call';
import { defineCommand, type Command } from '../command';
import { InputError } from '../errors';
import { EXIT } from '../exit-codes';
import { oneOf, positiveInt } from '../option-values';
import { out, outJson } from '../output';
import { resolveShop, SHOP_OPTION } from '../shop';

const KIND_CHOICE = oneOf(EVIDENCE_KINDS);
const KIND_HELP = EVIDENCE_KINDS.map((k) => `${k}=${EVIDENCE_KIND_WORDS[k]}`).join('，');
/** A batch also stops at this many bytes, so a folder of large screenshots is never all in memory. */
const BATCH_BYTES = 64 * 1024 * 1024;
const TYPE_WORDS: Record<string, string> = { 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/webp': 'WebP', 'image/bmp': 'BMP', 'image/gif': 'GIF', 'application/pdf': 'PDF' };
const BY_WORDS = { orderNo: '按订单号', rechargeNo: '按充值号码', metadata: '按图片信息' } as const;

type Payload = { name: string; bytes: Uint8Array; modifiedAt: number };
/** A file as the CLI reads it: its bytes, or why it is not sent (too large: never read whole). */
type Read = { ok: true; file: Payload } | { ok: false; refusal: EvidenceRefusal };

function readEvidenceFile(path: string, name = basename(path)): Read {
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new AppError('FILE_NOT_FOUND', { file: path, detail: 'EISDIR' });
    if (st.size > EVIDENCE_MAX_BYTES) return { ok: false, refusal: { name, code: 'EVIDENCE_TOO_LARGE', message: formatErrorMessage('EVIDENCE_TOO_LARGE', { file: name }) } };
    return { ok: true, file: { name, bytes: new Uint8Array(readFileSync(path)), modifiedAt: Math.max(0, Math.floor(st.mtimeMs)) } };
  } catch (e) {
    if (e instanceof AppError) throw new InputError(e.toData());
    const err = toSystemError(e) ?? new AppError('FS_ERROR', { detail: e instanceof Error ? e.message : String(e) });
    throw new InputError(new AppError(err.code, { ...err.where, file: path }).toData());
  }
}

/** Files in batches of at most EVIDENCE_FILES_PER_REQUEST and about BATCH_BYTES. */
function* batches<T extends { bytes: Uint8Array }>(files: Iterable<T>): Generator<T[]> {
  let batch: T[] = [];
  let size = 0;
  for (const f of files) {
    if (batch.length && (batch.length === EVIDENCE_FILES_PER_REQUEST || size + f.bytes.length > BATCH_BYTES)) { yield batch; batch = []; size = 0; }
    batch.push(f);
    size += f.bytes.length;
  }
  if (batch.length) yield batch;
}

/** Every regular file under `dir`, subfolders included, in name order (links, devices and the like skipped). */
function filesUnder(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) found.push(p);
    }
  };
  walk(dir);
  return found;
}

const itemLine = (i: EvidenceItem) => `#${i.id}  ${i.name}  ${EVIDENCE_KIND_WORDS[i.kind]}  ${TYPE_WORDS[i.mime] ?? i.mime}  ${formatBytes(i.bytes)}  拍摄 ${i.capturedAt ? i.capturedAt.slice(0, 19).replace('T', ' ') : '—'}  添加 ${i.addedAt.slice(0, 19).replace('T', ' ')}${i.note ? `  备注：${i.note}` : ''}${i.hidden ? `  【已移除：${i.hiddenReason ?? ''}】` : ''}`;

const addCommand = defineCommand({
  name: 'evidence add',
  usage: '<订单号> <文件>... [--kind K] [--note <备注>]',
  summary: '把截图或 PDF 添加为订单的发货凭证（按文件内容判断类型，同一文件只保存一次）',
  args: [{ name: '订单号', required: true }, { name: '文件', required: true, variadic: true }],
  options: {
    kind: { type: 'string', value: 'K', description: `凭证类别：${KIND_HELP}（默认按文件名判断）`, parse: KIND_CHOICE },
    note: { type: 'string', value: '<备注>', description: '备注，记在每个文件上' },
    ...SHOP_OPTION,
  },
  async run({ core, args: [orderNo, ...paths], options, json }) {
    const reads = paths.map((p) => readEvidenceFile(p));
    const shop = await resolveShop(core, options.shop, false);
    const refused = reads.flatMap((r) => (r.ok ? [] : [r.refusal]));
    const added: (EvidenceItem & { stored: boolean })[] = [];
    const already: EvidenceItem[] = [];
    for (const batch of batches(reads.flatMap((r) => (r.ok ? [r.file] : [])))) {
      const r = await call(core, 'evidence.add', { shopId: shop.id, orderNo, files: batch, source: 'cli', ...(options.kind ? { kind: options.kind } : {}), ...(options.note !== undefined ? { note: options.note } : {}) });
      added.push(...r.added);
      already.push(...r.already);
      refused.push(...r.refused);
    }
    if (json) outJson({ orderNo, added, already, refused });
    else {
      out(`订单 ${orderNo}：添加 ${added.length} 个凭证${already.length ? `，${already.length} 个已在此订单` : ''}${refused.length ? `，${refused.length} 个未添加` : ''}`);
      for (const i of added) out(`  + ${itemLine(i)}${i.stored ? '' : '  （文件已保存过，未重复保存）'}`);
      for (const i of already) out(`  = #${i.id}  ${i.name}  已在此订单`);
      for (const x of refused) out(`  × ${x.message}`);
    }
    return refused.length ? EXIT.BAD_INPUT : EXIT.OK;
  },
});

const UNMATCHED_WORDS = { NO_ORDER: '文件名和图片信息中没有找到本店的订单号或充值号码', AMBIGUOUS: '对应多个订单，请手动选择' } as const;

const importCommand = defineCommand({
  name: 'evidence import',
  usage: '<文件夹> [--kind K]',
  summary: '导入文件夹（含子文件夹）中的截图：按文件名里的订单号或充值号码（或图片信息）匹配订单，列出未匹配的文件',
  args: [{ name: '文件夹', required: true }],
  options: {
    kind: { type: 'string', value: 'K', description: `凭证类别：${KIND_HELP}（默认按文件名判断）`, parse: KIND_CHOICE },
    ...SHOP_OPTION,
  },
  async run({ core, args: [folder], options, json }) {
    let paths: string[];
    try {
      if (!lstatSync(folder).isDirectory()) throw new AppError('FILE_NOT_FOUND', { file: folder, detail: 'ENOTDIR' });
      paths = filesUnder(folder);
    } catch (e) {
      if (e instanceof AppError) throw new InputError(e.toData());
      const err = toSystemError(e) ?? new AppError('FS_ERROR', { detail: e instanceof Error ? e.message : String(e) });
      throw new InputError(new AppError(err.code, { ...err.where, file: folder }).toData());
    }
    const shop = await resolveShop(core, options.shop, false);
    const total: EvidenceImportResult = { matched: [], unmatched: [], refused: [] };
    // Read lazily, batch by batch: the folder may hold thousands of screenshots.
    const readAll = function* () {
      for (const p of paths) {
        const r = readEvidenceFile(p);
        if (r.ok) yield r.file;
        else total.refused.push(r.refusal);
      }
    };
    for (const batch of batches(readAll())) {
      const r = await call(core, 'evidence.import', { shopId: shop.id, files: batch, ...(options.kind ? { kind: options.kind } : {}) });
      total.matched.push(...r.matched);
      total.unmatched.push(...r.unmatched);
      total.refused.push(...r.refused);
    }
    if (json) outJson({ files: paths.length, ...total });
    else {
      out(`${paths.length} 个文件：已匹配 ${total.matched.length} 个，未匹配 ${total.unmatched.length} 个${total.refused.length ? `，未添加 ${total.refused.length} 个` : ''}`);
      if (total.matched.length) out('已匹配：');
      for (const m of total.matched) out(`  ${m.name} → ${m.orderNo}（${BY_WORDS[m.by]}${m.already ? '，已在此订单' : ''}）`);
      if (total.unmatched.length) out('未匹配（请在订单上手动添加：vship evidence add <订单号> <文件>）：');
      for (const u of total.unmatched) out(`  ${u.name}：${UNMATCHED_WORDS[u.reason]}${u.candidates.length ? `：${u.candidates.join('、')}` : ''}`);
      if (total.refused.length) out('未添加：');
      for (const x of total.refused) out(`  ${x.message}`);
    }
    return total.refused.length ? EXIT.BAD_INPUT : EXIT.OK;
  },
});

const listCommand = defineCommand({
  name: 'evidence list',
  usage: '<订单号> [--all]',
  summary: '列出订单的发货凭证（按添加时间，先添加的在前）',
  args: [{ name: '订单号', required: true }],
  options: {
    all: { type: 'boolean', description: '也列出已移除的凭证' },
    ...SHOP_OPTION,
  },
  async run({ core, args: [orderNo], options, json }) {
    const shop = await resolveShop(core, options.shop, false);
    const items = await call(core, 'evidence.list', { shopId: shop.id, orderNo, includeHidden: options.all ?? false });
    if (json) { outJson(items); return EXIT.OK; }
    if (!items.length) out(`订单 ${orderNo} 还没有凭证`);
    else out(`订单 ${orderNo}：${items.length} 个凭证`);
    for (const i of items) out(`  ${itemLine(i)}\n    sha256 ${i.sha256}`);
    return EXIT.OK;
  },
});

const hideCommand = defineCommand({
  name: 'evidence hide',
  usage: '<凭证编号> --reason <原因>',
  summary: '把凭证从订单上移除（文件保留，记入台账）',
  args: [{ name: '凭证编号', required: true }],
  options: {
    reason: { type: 'string', value: '<原因>', description: '移除的原因（记入台账）', required: true },
    ...SHOP_OPTION,
  },
  async run({ core, args, options, json }) {
    const id = positiveInt(args[0]!);
    const shop = await resolveShop(core, options.shop, false);
    const item = await call(core, 'evidence.hide', { shopId: shop.id, id, reason: options.reason });
    out(json ? JSON.stringify(item) : `已从订单 ${item.orderNo} 移除凭证 #${item.id}（${item.name}）；文件仍保留在数据文件夹中`);
    return EXIT.OK;
  },
});

/** In the order `vship --help` lists them. */
export const evidenceCommands: readonly Command[] = [addCommand, importCommand, listCommand, hideCommand];
