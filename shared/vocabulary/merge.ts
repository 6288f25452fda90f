/**
 * The words of the merge view (issue 10 point 4, two people, one record): a save was refused because someone else
 * saved the same record first; theirs and yours are shown field by field to choose from. One set of words for the
 * case form, the decision form, an agenda item and the board rules.
 */

/** The kinds of record the merge view is shown for. */
export type MergeRecord = 'case' | 'decision' | 'agenda_item' | 'board' | 'settings';

export const MERGE_WORDS = {
  title: {
    case: 'Someone else saved this case first',
    decision: 'Someone else saved this decision first',
    agenda_item: 'Someone else changed this agenda item first',
    board: 'Someone else saved these board rules first',
    settings: 'Someone else saved the board settings first',
  } satisfies Record<MergeRecord, string>,
  intro: 'Nothing of yours is lost: for each field that differs, choose which value to keep, then save.',
  same: 'Their version and yours are the same: nothing to choose.',
  caption: 'Fields that differ between their version and yours',
  field: 'Field',
  theirs: 'Their version',
  yours: 'Your version',
  bothChanged: '(both changed)',
  empty: '(empty)',
  back: 'Back to my edits',
  apply: 'Use these values',
  /** The merged values are applied to the form; saving is still the user's step. */
  applyAndSave: 'Save these values',
  keepTheirs: (label: string, value: string): string => `${label}: keep their value ${value}`,
  keepYours: (label: string, value: string): string => `${label}: keep your value ${value}`,
} as const;

/** An agenda item's settings as the agenda labels them. */
export const AGENDA_ITEM_FIELD_LABELS = {
  minutes_allotted: 'Minutes', presenter: 'Presenter', standard_of_care: 'Standard of care (no discussion)',
} as const;

/** A board's rules as the board rules form labels them. */
export const BOARD_FIELD_LABELS = {
  quorum: 'Quorum: specialties that must attend', imaging_max_days: 'Imaging at most (days before the meeting)',
  labs_max_days: 'Labs at most (days)',
} as const;

/** The board settings as the settings form labels them. */
export const SETTINGS_FIELD_LABELS = {
  time_zone: 'Time zone', locale: 'Language and region', hospital: 'Hospital', address: 'Address', logo: 'Logo',
} as const;

/** The letterhead logo in words: the bundled one, or a chosen image and its size. */
export const LOGO_WORDS = {
  bundled: 'The bundled logo',
  chosen: (kilobytes: number): string => `A chosen image (${kilobytes} kB)`,
} as const;

/** A yes/no value in words. */
export const YES_NO = { yes: 'Yes', no: 'No' } as const;
