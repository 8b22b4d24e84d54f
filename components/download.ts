/** Saves text as a file from an extension page (no network: a blob URL). */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const stamp = (ms = Date.now()) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace(/[-:T]/g, '');
