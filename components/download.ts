export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Saves text or bytes as a file from an extension page (no network: a blob URL). */
export function download(name: string, data: string | ArrayBuffer, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const stamp = (ms = Date.now()) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace(/[-:T]/g, '');
