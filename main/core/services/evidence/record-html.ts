import { EVIDENCE_KIND_WORDS } from '../../../../shared/domain/evidence';
import type { DeliveryRecordData } from './record-data';

/**
 * The delivery record (发货凭证) as one self-contained HTML page: inline CSS, no script, no
 * request (its CSP forbids both), Chinese set in the CJK fonts a merchant's computer has. Rendered
 * to PNG (800 CSS px wide, full page) and to PDF (A4) by a Chromium.
 */

const FONTS = "'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC', 'Source Han Sans SC', sans-serif";
const MONO = "'DejaVu Sans Mono', Consolas, Menlo, 'Noto Sans Mono CJK SC', monospace";

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A stored time (ISO, +08:00) as 2026-11-02 14:05:09 北京时间; '—' when there is none. */
export function showTime(iso: string | null): string {
  if (!iso) return '—';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]}` : iso;
}

/** A long hash or commitment shortened for the eye: its first and last 8 characters. */
export const abbreviate = (h: string | undefined | null): string => (!h ? '—' : h.length <= 20 ? h : `${h.slice(0, 10)}…${h.slice(-8)}`);

const row = (label: string, value: string, cls = ''): string => `<tr><th>${esc(label)}</th><td${cls ? ` class="${cls}"` : ''}>${value}</td></tr>`;

const CSS = `
@page { size: A4; margin: 12mm 12mm 14mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background: #fff; }
body { font-family: ${FONTS}; color: #1f2329; font-size: 13px; line-height: 1.55; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.sheet { width: 800px; padding: 28px 32px 24px; margin: 0 auto; }
@media print { .sheet { width: auto; padding: 0; } }
header { display: flex; justify-content: space-between; align-items: flex-start; border-bottom: 3px solid #c8161d; padding-bottom: 12px; margin-bottom: 14px; }
h1 { font-size: 26px; margin: 0; letter-spacing: 6px; color: #c8161d; font-weight: 700; }
.sub { color: #646a73; font-size: 12px; margin-top: 4px; }
.code { text-align: right; }
.code .label { font-size: 11px; color: #646a73; }
.code .value { font-family: ${MONO}; font-size: 20px; font-weight: 700; letter-spacing: 1px; border: 2px solid #1f2329; padding: 2px 10px; margin-top: 2px; display: inline-block; }
h2 { font-size: 14px; margin: 16px 0 6px; padding-left: 8px; border-left: 4px solid #c8161d; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border: 1px solid #dee0e3; padding: 5px 8px; text-align: left; vertical-align: top; word-break: break-all; overflow-wrap: anywhere; }
.kv th { width: 128px; background: #f5f6f7; font-weight: 500; color: #4e5969; }
.list th { background: #f5f6f7; font-weight: 500; color: #4e5969; }
.mono { font-family: ${MONO}; font-size: 12px; }
.msg { white-space: pre-wrap; word-break: break-all; border: 1px solid #dee0e3; background: #fafafa; padding: 8px 10px; margin: 0; font-family: ${FONTS}; }
.note { color: #646a73; font-size: 11.5px; margin-top: 4px; }
.muted { color: #8f959e; }
.time { white-space: nowrap; word-break: normal; }
footer { margin-top: 18px; border-top: 1px solid #dee0e3; padding-top: 8px; color: #646a73; font-size: 11.5px; }
footer p { margin: 3px 0; }
tr { page-break-inside: avoid; }
`;

/** The record's page. Everything shown is escaped; the secrets are as `data` has them (masked unless the merchant chose full). */
export function recordHtml(data: DeliveryRecordData, version: string): string {
  const f = data.facts;
  const d = f.delivery;
  const items = data.items.length
    ? data.items.map((it, i) => `<tr><td>${i + 1}</td><td>${esc(it.kind)}</td><td class="mono">${esc(it.text)}</td><td class="mono">${esc(abbreviate(it.content))}</td></tr>`).join('')
    : '<tr><td colspan="4" class="muted">（无）</td></tr>';
  const evidence = data.evidence.length
    ? data.evidence.map((e, i) => `<tr><td>${i + 1}</td><td>${esc(e.name)}</td><td>${esc(EVIDENCE_KIND_WORDS[e.kind] ?? e.kind)}</td><td class="mono">${esc(e.sha256)}</td><td class="time">${esc(showTime(e.addedAt))}<br><span class="muted">${e.capturedAt ? `拍摄 ${esc(showTime(e.capturedAt))}` : '拍摄时间未知'}</span></td></tr>`).join('')
    : '<tr><td colspan="5" class="muted">（该订单暂无凭证文件）</td></tr>';
  const maskNote = data.mask === 'full'
    ? '卡密完整显示：本次显示已记录在台账中。'
    : '卡密已部分隐藏（与 VShip 列表中的显示一致）；完整内容以平台发货记录和买家收到的消息为准。';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<title>发货凭证 ${esc(f.orderNo)}</title>
<style>${CSS}</style></head>
<body><div class="sheet">
<header>
  <div><h1>发货凭证</h1><div class="sub">${esc(f.shop)} · 由 VShip 虚拟发货助手 ${esc(version)} 生成于 ${esc(showTime(data.madeAt))}（北京时间）</div></div>
  <div class="code"><div class="label">校验码</div><div class="value" id="code">${esc(data.code)}</div></div>
</header>

<h2>订单</h2>
<table class="kv">
${row('店铺', esc(f.shop))}
${row('订单号', esc(f.orderNo), 'mono')}
${row('商品', esc(f.product))}
${row('规格', esc(f.spec || '—'))}
${row('数量', String(f.quantity))}
${data.rechargeNo ? row('充值号码', esc(data.rechargeNo), 'mono') : ''}
</table>

<h2>发货内容</h2>
<table class="list">
<colgroup><col style="width:40px"><col style="width:72px"><col><col style="width:200px"></colgroup>
<tr><th>#</th><th>类型</th><th>内容</th><th>内容承诺</th></tr>
${items}
</table>
<div class="note">${esc(maskNote)}</div>

<h2>发货消息</h2>
${data.message === null ? '<div class="msg muted">（发货消息文件中没有这个订单）</div>' : `<pre class="msg">${esc(data.message)}</pre>`}
<div class="note">摘自该次导出的「发货消息」文件。消息承诺：<span class="mono">${esc(abbreviate(d?.message))}</span></div>

<h2>时间（北京时间）</h2>
<table class="kv">
${row('付款', esc(showTime(f.paidAt)))}
${row('填入卡密', esc(showTime(f.filledAt)))}
${row('导出发货', esc(showTime(f.exportedAt)))}
${row('平台显示已发货', f.shippedAt ? `${esc(showTime(f.shippedAt))}<span class="muted">（从下一次导入的订单中得知）</span>` : '—')}
</table>

<h2>校验信息</h2>
<table class="kv">
${row('发货文件', esc(f.exportFile.name))}
${row('发货文件 SHA-256', esc(f.exportFile.sha256), 'mono')}
${row('台账记录', f.ledger ? `第 ${f.ledger.id} 条 · ${esc(showTime(data.ledgerAt))}` : '—')}
${row('台账记录哈希', f.ledger ? esc(f.ledger.hash) : '—', 'mono')}
</table>

<h2>凭证文件</h2>
<table class="list">
<colgroup><col style="width:40px"><col style="width:170px"><col style="width:82px"><col><col style="width:176px"></colgroup>
<tr><th>#</th><th>文件名</th><th>类型</th><th>SHA-256</th><th>添加时间</th></tr>
${evidence}
</table>

<footer>
  <p>校验码是本凭证所列事实（店铺、订单、时间、发货文件与台账记录的哈希、内容承诺、凭证文件的哈希）的 SHA-256 摘要的前 12 位（Base32）。
  证据包的 manifest.json 载有这些事实，说明.txt 写明了核对方法；任何一项被改动，校验码即不同。</p>
  <p>发货文件 SHA-256 可用 Windows「certutil -hashfile 文件 SHA256」或 macOS / Linux「shasum -a 256 文件」核对。</p>
</footer>
</div></body></html>
`;
}
