// Placeholder until the diversion check lands (branch `diversion`): same API, finds nothing.
export type DiversionKind = 'CONTACT_COMMAND' | 'CONTACT_VALUE' | 'MOBILE' | 'QQ_NUMBER' | 'EMAIL' | 'LINK' | 'OTHER_PLATFORM' | 'SOFT_TALK' | 'PLATFORM_WORD';
export interface DiversionHit { kind: DiversionKind; severity: 'block' | 'warn'; start: number; end: number; text: string }
export interface DiversionOptions { allowedNumbers?: readonly string[]; platforms?: readonly string[]; softWords?: readonly string[]; extraBlocked?: readonly string[] }
export const DEFAULT_PLATFORMS: readonly string[] = ['淘宝', '闲鱼', '抖音', '京东'];
export const DEFAULT_SOFT_WORDS: readonly string[] = ['私聊', '站外', '私下'];
export function findDiversion(text: string, opts?: DiversionOptions): DiversionHit[] { void text; void opts; return []; }
export function findDiversionInTemplate(template: string, opts?: DiversionOptions): DiversionHit[] { void template; void opts; return []; }
export function findDiversionInSegments(segments: readonly { text: string; from: 'template' | 'order' | 'item' }[], opts?: DiversionOptions): DiversionHit[] { void segments; void opts; return []; }
