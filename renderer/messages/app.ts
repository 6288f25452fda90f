/** The words of the application frame (the error screen), kept together for translation. */
export const APP_MESSAGES = {
  errorTitle: 'Something went wrong on this screen',
  errorBody: 'Nothing you saved is lost: the records are kept apart from this screen. You can try this screen again, or reload the application if it keeps happening.',
  errorDetail: 'What failed',
  tryAgain: 'Try this screen again',
  reload: 'Reload the application',
} as const;
