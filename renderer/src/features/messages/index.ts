/** Messages: what the buyer receives — the template editor with its preview, and the export. */
export { MessageTemplateEditor } from './MessageTemplateEditor';
export { useExportMessages } from './useExportMessages';
