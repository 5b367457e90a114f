// Texts for the reminders panel. Swedish first; `en` is typed as the Swedish object, so a
// missing or extra key fails the build. The reminder texts themselves come from the server in
// Swedish (they name deadlines and paragraphs of law as the law does).
import type { ReminderKind } from '../../shared/reminders-api';
import type { Lang } from '../i18n';

const sv = {
  title: 'Påminnelser',
  unreadCount: (n: number) => (n === 0 ? 'inga olästa' : n === 1 ? '1 oläst' : `${n} olästa`),
  empty: 'Du har inga olästa påminnelser.',
  listLabel: 'Olästa påminnelser',
  moreUnread: (shown: number, total: number) => `Visar de ${shown} första av ${total} olästa.`,
  kind: {
    deadline_soon: 'Frist närmar sig',
    deadline_overdue: 'Frist passerad',
    follow_up: 'Uppföljning',
    komm_reply: 'Kommunicering',
    unassigned: 'Ej fördelat',
    citizen_message: 'Meddelande',
    provider_choice: 'Byte av utförare',
  } satisfies Record<ReminderKind, string> as Record<ReminderKind, string>,
  /** What the date next to a reminder means, per kind. */
  dateLabel: {
    deadline_soon: 'Går ut',
    deadline_overdue: 'Gick ut',
    follow_up: 'Följ upp senast',
    komm_reply: 'Svarstiden gick ut',
    unassigned: 'Kom in',
    citizen_message: 'Kom in',
    provider_choice: 'Kom in',
  } satisfies Record<ReminderKind, string> as Record<ReminderKind, string>,
  openCase: (caseNumber: string) => `Öppna ärende ${caseNumber}`,
  markRead: 'Markera som läst',
  markReadFor: (caseNumber: string) => `Markera påminnelsen om ärende ${caseNumber} som läst`,
  marking: 'Markerar…',
  markFailed: 'Påminnelsen kunde inte markeras som läst. Försök igen.',
  readHeading: (n: number) => `Lästa påminnelser (${n})`,
  readAt: (when: string) => `Läst ${when}`,
  loadFailed: 'Påminnelserna kunde inte hämtas.',
  retry: 'Försök igen',
};

export type RemindersMessages = typeof sv;

const en: RemindersMessages = {
  title: 'Reminders',
  unreadCount: (n: number) => (n === 0 ? 'none unread' : `${n} unread`),
  empty: 'You have no unread reminders.',
  listLabel: 'Unread reminders',
  moreUnread: (shown: number, total: number) => `Showing the first ${shown} of ${total} unread.`,
  kind: {
    deadline_soon: 'Deadline approaching',
    deadline_overdue: 'Deadline passed',
    follow_up: 'Follow-up',
    komm_reply: 'Communication',
    unassigned: 'Not assigned',
    citizen_message: 'Message',
    provider_choice: 'Change of provider',
  },
  dateLabel: {
    deadline_soon: 'Due',
    deadline_overdue: 'Was due',
    follow_up: 'Follow up by',
    komm_reply: 'Reply time ended',
    unassigned: 'Received',
    citizen_message: 'Received',
    provider_choice: 'Received',
  },
  openCase: (caseNumber: string) => `Open case ${caseNumber}`,
  markRead: 'Mark as read',
  markReadFor: (caseNumber: string) => `Mark the reminder about case ${caseNumber} as read`,
  marking: 'Marking…',
  markFailed: 'The reminder could not be marked as read. Please try again.',
  readHeading: (n: number) => `Read reminders (${n})`,
  readAt: (when: string) => `Read ${when}`,
  loadFailed: 'The reminders could not be loaded.',
  retry: 'Try again',
};

export function remindersMessages(lang: Lang): RemindersMessages {
  return lang === 'en' ? en : sv;
}
