/**
 * 售后状态 that means "no after-sale" (the grid's muted style): the shippable rule's own test, so
 * the grid and the verdict never disagree.
 */
export { isNoAfterSale } from '../../../../shared/rules/classify';
