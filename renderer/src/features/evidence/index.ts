/** Delivery evidence (凭证): the drawer's section, the 凭证 screen, drops, pastes and folder imports. */
export { EvidenceSection, EVIDENCE_ACCEPT } from './EvidenceSection';
export { EvidenceScreen } from './EvidenceScreen';
export { EvidenceImportDialog } from './EvidenceImportDialog';
export { useEvidenceAdd, type AddEvidence } from './useEvidenceAdd';
export { useEvidenceImport } from './useEvidenceImport';
export { splitDroppedFiles } from './dropped-files';
