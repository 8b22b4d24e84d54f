/**
 * Reading printed PDFs as a person would look at them (poppler-utils): pages, each page's text, how
 * far down each page its content reaches, and PNGs of the pages to look at.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function run(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { maxBuffer: 64 * 1024 * 1024 }).toString();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`需要 ${cmd}（poppler-utils）/ ${cmd} is needed: apt-get install -y poppler-utils`);
    throw e;
  }
}

export function pdfPages(pdf: string): { count: number; widthPt: number; heightPt: number } {
  const info = run('pdfinfo', [pdf]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
  return { count: Number(/Pages:\s+(\d+)/.exec(info)![1]), widthPt: Number(size[1]), heightPt: Number(size[2]) };
}

export const pageText = (pdf: string, page: number) => run('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-']);

/**
 * For each page, how far down its content area the content reaches (0 = nothing, 1 = to the bottom
 * margin), from a grey rendering; the running header and the page number in the margins do not count.
 */
export function contentReach(pdf: string, dir: string, margins: { topMm: number; bottomMm: number }): number[] {
  const prefix = join(dir, `reach-${Date.now()}`);
  run('pdftoppm', ['-gray', '-r', '24', pdf, prefix]);
  const base = prefix.split('/').pop()!;
  const files = readdirSync(dir).filter((f) => f.startsWith(base) && f.endsWith('.pgm')).sort();
  return files.map((f) => {
    const buf = readFileSync(join(dir, f));
    // P5 <w> <h> 255\n<bytes>
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 40).toString('latin1'))!;
    const [w, h] = [Number(header[1]), Number(header[2])];
    const data = buf.subarray(header[0].length);
    const pxPerMm = h / (h > w ? 297 : 210);
    const top = Math.ceil(margins.topMm * pxPerMm);
    const bottom = Math.floor(h - margins.bottomMm * pxPerMm);
    let last = top;
    for (let y = top; y < bottom; y++) {
      const row = data.subarray(y * w, (y + 1) * w);
      if (row.some((v) => v < 200)) last = y;
    }
    return (last - top) / (bottom - top);
  });
}

/** PNG pictures of a PDF's pages, for a person to look at (in the test's output folder). */
export function pagePictures(pdf: string, prefix: string): void {
  run('pdftoppm', ['-png', '-r', '60', pdf, prefix]);
}
