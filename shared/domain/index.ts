/** Domain types shared by the core and the UI, one file per feature (../docs/STYLE.md's glossary). */
export * from './shops';
export * from './import';
export * from './orders';
export * from './products';
export * from './stock';
export * from './allocation';
export * from './messages';
export * from './jobs';
export * from './rules';
export * from './export';
export * from './evidence';
