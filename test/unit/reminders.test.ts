/** Report reminders: off by default; when on, one alarm at the next 08:30 Beijing time, and the right text. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { nextReminderAt, REMINDER_ALARM, reminderFor } from '../../lib/reminders/reminders';
import { settingsItem, DEFAULT_SETTINGS } from '../../lib/settings/settings';
import { scheduleReminders } from '../../entrypoints/background';
import { beijing } from './check-tester';

describe('reminder times (Beijing)', () => {
  it('is the next 08:30 Beijing time, whatever the computer’s zone', () => {
    expect(nextReminderAt(beijing('2024-03-10 23:59'))).toBe(beijing('2024-03-11 08:30'));
    expect(nextReminderAt(beijing('2024-03-11 08:29'))).toBe(beijing('2024-03-11 08:30'));
    expect(nextReminderAt(beijing('2024-03-11 08:30'))).toBe(beijing('2024-03-12 08:30'));
  });
  it('says which reports are ready: daily always, weekly on Monday, monthly on the 1st', () => {
    expect(reminderFor(beijing('2024-03-12 08:30')).reports).toEqual(['daily']);
    expect(reminderFor(beijing('2024-03-11 08:30')).reports).toEqual(['daily', 'weekly']);
    expect(reminderFor(beijing('2024-04-01 08:30'))).toMatchObject({ reports: ['daily', 'weekly', 'monthly'], message: '今日可查看：日清、周结、月通报。点击打开报告。' });
  });
});

describe('scheduling with the browser’s alarms', () => {
  beforeEach(() => fakeBrowser.reset());

  it('schedules nothing by default', async () => {
    await scheduleReminders(beijing('2024-03-10 12:00'));
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });

  it('schedules one daily alarm when turned on, and removes it when turned off', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, reminders: true });
    await scheduleReminders(beijing('2024-03-10 12:00'));
    const alarms = await fakeBrowser.alarms.getAll();
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toMatchObject({ name: REMINDER_ALARM, scheduledTime: beijing('2024-03-11 08:30'), periodInMinutes: 1440 });
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, reminders: false });
    await scheduleReminders(beijing('2024-03-10 12:00'));
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });
});
