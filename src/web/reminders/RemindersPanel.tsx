// My reminders: placeholder until the reminders module lands.
export function RemindersPanel() { return null; }
