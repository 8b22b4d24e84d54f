/** Shared pieces of the options page: the zh/en switch, messages, locks, file reading. */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { EffectiveConfig } from '../../lib/config/effective';
import type { Lockable } from '../../lib/config/policy';
import type { Tr } from '../../lib/i18n/tr';
import { useTr } from '../locale';

export type { Tr };
export { useTr } from '../locale';

export interface Notice {
  kind: 'ok' | 'error';
  text: string;
  details?: string[];
}

export function NoticeBanner({ notice }: { notice: Notice | null }) {
  if (!notice) return null;
  return (
    <div class={`banner ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      {notice.text}
      {notice.details?.length ? (
        <ul class="errors">
          {notice.details.map((d) => (
            <li>{d}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function LockNote({ config, what }: { config: EffectiveConfig; what: Lockable }) {
  const tr = useTr();
  if (!config.locked.has(what)) return null;
  return (
    <p class="muted lock" data-locked={what}>
      🔒 {tr('此项由单位策略锁定，不能修改。', "Locked by your unit's policy.")}
    </p>
  );
}

export function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="card" id={id} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      {children}
    </section>
  );
}

/** Reads a chosen file as JSON; a file that is not JSON gives a message naming it. */
export async function readJsonFile(file: File, tr: Tr): Promise<{ ok: true; data: unknown } | { ok: false; error: string }> {
  try {
    return { ok: true, data: JSON.parse(await file.text()) };
  } catch (e) {
    return {
      ok: false,
      error: tr(`“${file.name}”不是有效的 JSON 文件（${(e as Error).message}），未作任何更改。`, `"${file.name}" is not valid JSON (${(e as Error).message}); nothing changed.`),
    };
  }
}

/**
 * Values the user just chose, by id, shown over the stored ones until storage says the same: a
 * configuration reload that started before the write must not flip a switch back.
 */
export function usePending<T>(stored: Readonly<Record<string, T | undefined>>, same: (chosen: T, stored: T | undefined) => boolean) {
  const [pending, setPending] = useState<Record<string, T>>({});
  useEffect(() => {
    setPending((p) => {
      const left = Object.entries(p).filter(([id, v]) => !same(v, stored[id]));
      return left.length === Object.keys(p).length ? p : Object.fromEntries(left);
    });
  }, [stored]);
  return {
    view: { ...stored, ...pending } as Record<string, T | undefined>,
    choose: (id: string, value: T) => setPending((p) => ({ ...p, [id]: value })),
    /** The write failed: show what is stored again. */
    drop: (id: string) => setPending(({ [id]: _, ...rest }) => rest),
  };
}

export const errorText = (e: unknown) => (e as Error)?.message ?? String(e);

/**
 * A labelled file input for a JSON file: reads it, hands the data on, and reports what the handler
 * says (or that the file is not JSON, or what went wrong) — the input is cleared for the next file.
 */
export function JsonFileInput(props: { name: string; label: string; disabled?: boolean; onData: (data: unknown, file: File) => Promise<Notice | null>; onNotice: (n: Notice | null) => void }) {
  const tr = useTr();
  return (
    <label>
      {props.label}{' '}
      <input
        type="file"
        name={props.name}
        accept=".json,application/json"
        disabled={props.disabled}
        onChange={(e) => {
          const input = e.target as HTMLInputElement;
          const file = input.files?.[0];
          if (!file) return;
          void (async () => {
            const read = await readJsonFile(file, tr);
            props.onNotice(read.ok ? await props.onData(read.data, file) : { kind: 'error', text: read.error });
          })()
            .catch((err) => props.onNotice({ kind: 'error', text: errorText(err) }))
            .finally(() => (input.value = ''));
        }}
      />
    </label>
  );
}
