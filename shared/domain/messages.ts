/** Delivery messages: the text a buyer receives for an order. Names follow the glossary (../docs/STYLE.md). */

/** One order's delivery message, as listed and exported (订单号, 发货内容). */
export interface OrderMessage {
  orderNo: string;
  message: string;
}
