/**
 * User settings in storage.local (settings only: the log lives in the background's IndexedDB,
 * since storage.local is readable by content scripts). Versioned with WXT's storage items.
 */
import { storage } from 'wxt/utils/storage';
import { z } from '../../rules/zod';
import { RoleSchema, UiLocaleSchema } from '../config/schema';

export const SettingsSchema = z.strictObject({
  reviewerName: z.string().max(100).nullable(),
  reviewerUnit: z.string().max(200).nullable(),
  /** Delete log rows last seen more than N days ago; null keeps everything (the default). */
  retentionDays: z.number().int().positive().nullable(),
  /** Morning reminders that the daily/weekly/monthly report is ready (off by default). */
  reminders: z.boolean().default(false),
  /** 民警 (inline warnings) or 法制审核员 (also the audit panel and the review workflow). */
  role: RoleSchema.default('officer'),
  /** The extension pages' language (the in-app switch; zh-CN first). */
  locale: UiLocaleSchema.default('zh-CN'),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  reviewerName: null,
  reviewerUnit: null,
  retentionDays: null,
  reminders: false,
  role: 'officer',
  locale: 'zh-CN',
};

export const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: DEFAULT_SETTINGS, version: 1 });

/** The last storage failure (a full disk, a quota error), shown to the user until cleared. */
export const lastErrorItem = storage.defineItem<{ message: string; at: number } | null>('local:lastError', { fallback: null });
