/**
 * The hidden file input behind a "choose file" button or a drop box: hands over the chosen files
 * and clears itself, so choosing the same file again is seen again.
 */
import type { RefObject } from 'react';

export function HiddenFileInput({ inputRef, accept, multiple = false, testId, onFiles }: {
  inputRef: RefObject<HTMLInputElement | null>;
  accept: string;
  multiple?: boolean;
  testId: string;
  onFiles: (files: File[]) => void;
}) {
  return (
    <input
      ref={inputRef}
      type="file"
      hidden
      multiple={multiple}
      accept={accept}
      data-testid={testId}
      onChange={(e) => {
        const files = Array.from(e.target.files ?? []);
        e.target.value = '';
        if (files.length) onFiles(files);
      }}
    />
  );
}
