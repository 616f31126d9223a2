/** The hidden input behind the import picker: the chosen files go to the import. */
import type { RefObject } from 'react';
import { IMPORT_ACCEPT } from '../../lib/files/payload';
import { HiddenFileInput } from '../../ui/HiddenFileInput';

export function ImportFileInput({ inputRef, onFiles }: { inputRef: RefObject<HTMLInputElement | null>; onFiles: (files: File[]) => void }) {
  return <HiddenFileInput inputRef={inputRef} accept={IMPORT_ACCEPT} multiple testId="import-input" onFiles={onFiles} />;
}
