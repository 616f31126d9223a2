/**
 * What a drop holds: spreadsheets (the order export, as before) and evidence (screenshots, PDFs).
 * Decided from the name and the type the system gives; the core checks evidence by its bytes
 * anyway, so a misnamed file is refused there with the reason.
 */

/** The order export's files (what the import picker offers). */
const SHEET = /\.(csv|xlsx|xls|zip)$/i;
/** Images and PDFs: the types evidence may have (shared/domain/evidence.ts EVIDENCE_MIMES). */
const EVIDENCE = /\.(png|jpe?g|jfif|webp|bmp|gif|pdf)$/i;
const EVIDENCE_TYPE = /^(image\/(png|jpeg|webp|bmp|gif)|application\/pdf)$/i;

export interface NamedFile {
  name: string;
  type: string;
}

/** A file is evidence when its name or its type says image/PDF (a spreadsheet name wins). */
export function isEvidenceFile(f: NamedFile): boolean {
  if (SHEET.test(f.name)) return false;
  return EVIDENCE.test(f.name) || EVIDENCE_TYPE.test(f.type);
}

const isSheet = (f: NamedFile) => SHEET.test(f.name);

/**
 * Splits a drop: `evidence` goes to evidence, `sheets` to the order import; `other` (neither) goes
 * to the order import too when dropped by itself, which explains files it cannot read (as it
 * always did), and is skipped when found inside a dropped folder (Thumbs.db, desktop.ini, notes).
 */
export function splitDroppedFiles<F extends NamedFile>(files: readonly F[]): { sheets: F[]; evidence: F[]; other: F[] } {
  const sheets: F[] = [];
  const evidence: F[] = [];
  const other: F[] = [];
  for (const f of files) (isSheet(f) ? sheets : isEvidenceFile(f) ? evidence : other).push(f);
  return { sheets, evidence, other };
}
