/** Messages: what the buyer receives — the template editor with its preview and live diversion check, and the export. */
export { MessageTemplateEditor } from './MessageTemplateEditor';
export { useExportMessages } from './useExportMessages';
export { checkTemplateNow, useTemplateCheck, type TemplateCheck } from './useTemplateCheck';
