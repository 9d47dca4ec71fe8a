/** Saves text or bytes as a file the user downloads (the one place a Blob becomes a file). */
export function download(data: BlobPart, type: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(data instanceof Blob ? data : new Blob([data], { type }));
  a.download = fileName;
  // Attached while clicked: some browsers ignore a click on a detached link.
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 2000);
}
