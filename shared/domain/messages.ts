/** Delivery messages: the text a buyer receives for an order. Names follow the glossary (../docs/STYLE.md). */
import type { FindingSpan } from './rules';

/** One order's delivery message, as listed and exported (订单号, 发货内容). */
export interface OrderMessage {
  orderNo: string;
  message: string;
  /** What the diversion check found in the merchant's words of this message (never in the items it carries). */
  diversion: FindingSpan[];
  /** A blocking hit not lifted by an override: the message is not exported. */
  blocked: boolean;
}
