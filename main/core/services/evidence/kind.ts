import type { EvidenceKind } from '../../../../shared/domain';

/**
 * The kind a file gets when the merchant names none: the first rule whose words its name holds,
 * in this order, else 其他. Explicit words first (a supplier's receipt of a top-up is the
 * supplier's, a chat about a top-up is chat), then the site's words, then the names chat apps
 * give saved pictures (`微信图片_…`, `QQ截图…`).
 */
export const KIND_BY_NAME: readonly { kind: EvidenceKind; words: readonly string[] }[] = [
  { kind: 'supplier', words: ['供应商', '进货', '上游', '供货'] },
  { kind: 'chat', words: ['聊天', '对话', '客服'] },
  { kind: 'official', words: ['官网', '到账', '充值'] },
  { kind: 'chat', words: ['微信', 'qq'] },
];

export function kindFromName(name: string): EvidenceKind {
  const n = name.normalize('NFKC').toLowerCase();
  return KIND_BY_NAME.find((r) => r.words.some((w) => n.includes(w)))?.kind ?? 'other';
}
