/** The words of the application frame (the error screen, the backup warning), kept together for translation. */
export const APP_MESSAGES = {
  errorTitle: 'Something went wrong on this screen',
  errorBody: 'Nothing you saved is lost: the records are kept apart from this screen. You can try this screen again, or reload the application if it keeps happening.',
  errorDetail: 'What failed',
  tryAgain: 'Try this screen again',
  reload: 'Reload the application',
  backupFailed: (when: string, reason: string) => `The last automatic backup (${when}) failed: ${reason}.`,
  backupAdvice: 'The records themselves are safe, but there is no recent copy of them. Make a backup now under Data, and if this warning comes back, ask whoever looks after this computer to check its disk and the backups folder.',
  backupOpenData: 'Open Data',
} as const;
