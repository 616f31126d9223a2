/** Saves bytes as a file through a Blob and a[download]: the browser's download, or Electron's save dialog. */
export function saveBytes(name: string, bytes: Uint8Array, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: the download reads the URL after this tick.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
