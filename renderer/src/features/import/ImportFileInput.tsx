/** The hidden input behind the picker: the chosen files go to the import, and it is cleared for the next pick. */
import type { RefObject } from 'react';
import { IMPORT_ACCEPT } from '../../lib/files/payload';

export function ImportFileInput({ inputRef, onFiles }: { inputRef: RefObject<HTMLInputElement | null>; onFiles: (files: File[]) => void }) {
  return (
    <input
      ref={inputRef}
      type="file"
      multiple
      accept={IMPORT_ACCEPT}
      hidden
      data-testid="import-input"
      onChange={(e) => {
        const files = Array.from(e.target.files ?? []);
        e.target.value = '';
        onFiles(files);
      }}
    />
  );
}
